//! The `dubao` binary: parse the command line, run a command or open the reader.

use std::process::ExitCode;

use clap::Parser;
use dubao::cli::{self, Cli};

/// Load the library and open the reader on it.
fn open_reader(cli: &Cli) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let (library, warnings) = cli::load_library_noting(&cli.data)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; in scripts use `dubao list`, `dubao show ID` or `dubao export --json`"
        );
    }
    let store = dubao::bookmarks::Store::default_dir().map(dubao::bookmarks::Store::new);
    let mut app = dubao::app::App::new(library, (80, 24), store);
    app.set_settings(cli.settings());
    // Files skipped while loading: a note on the status line, in full on exit.
    if let Some(first) = warnings.first() {
        app.status = Some(match warnings.len() {
            1 => format!("skipped {first}"),
            n => format!("skipped {n} files: {first}, …"),
        });
        app.notices.extend(warnings);
    }
    let notices = dubao::tui::run(app)?;
    // Messages the status line may have cut short, in full now the screen is back.
    for n in notices {
        eprintln!("dubao: {n}");
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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

/// The reader of our output went away (`dubao list | head`): not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
