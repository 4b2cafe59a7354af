//! The `dubao` binary: parse the command line, run a command or open the reader.

use std::process::ExitCode;

use clap::Parser;
use dubao::app::Action;
use dubao::cli::{self, Cli};

/// Load the issues and open the reader on the newest.
fn open_reader(cli: &Cli) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let cli::library::ReaderShelf {
        shelf,
        warnings,
        damage,
    } = cli::library::reader_shelf(&cli.data_paths())?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; in scripts use `dubao list`, `dubao show ID` or `dubao export --json`"
        );
    }
    let store = cli.store().ok();
    // The shelf the reader browses: `--data` files in memory, else the library on disk
    // (the bundled issue until anything is imported).
    let mut app = dubao::app::App::with_shelf(shelf, (80, 24), store);
    if let Some(c) = &cli.config {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        app.configure(c.prefs.clone(), c.keymap.clone(), c.theme_for(no_color));
    }
    app.set_settings(cli.settings());
    app.offer_fetch(cli::library::fetch_setup(&cli.data_paths()));
    app.set_photo_setup(cli.photo_setup());
    // Files skipped while loading: a note on the status line, in full on exit.
    if let Some(first) = warnings.first() {
        let status = match warnings.len() {
            1 => format!("skipped {first}"),
            n => format!("skipped {n} files: {first}, …"),
        };
        app.update(Action::Warn {
            status,
            notices: warnings,
        });
    }
    // A damaged library: the reader opens on what it can read and says what repairs it.
    if let Some(d) = damage {
        app.update(Action::Warn {
            status: d.clone(),
            notices: vec![d],
        });
    }
    let notices = dubao::tui::run(app)?;
    // Messages the status line may have cut short, in full now the screen is back.
    for n in notices {
        eprintln!("dubao: {n}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Read the config file; a bad one stops dubao with one line naming file, line and key.
fn load_config() -> anyhow::Result<Option<dubao::config::Loaded>> {
    let Some(path) = dubao::config::path() else {
        return Ok(None);
    };
    Ok(Some(dubao::config::load(&path)?))
}

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    cli.absorb_data();
    if !cli.command.as_ref().is_some_and(|c| c.skips_config()) {
        match load_config() {
            Ok(c) => cli.config = c,
            Err(e) => {
                eprintln!("dubao: {e:#}");
                return ExitCode::FAILURE;
            }
        }
    }
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => open_reader(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dubao: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The reader of our output went away (`dubao list | head`): not an error. `serde_json`
/// wraps the io error without exposing it as a source (`dubao export | head`): ask it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let pipe = std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == pipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(pipe))
    })
}
