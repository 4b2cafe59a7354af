//! The `dubao` binary: parse the command line, run a command or open the reader.

use std::process::ExitCode;

use clap::Parser;
use dubao::cli::{self, Cli};

/// Load the issues and open the reader on the newest.
fn open_reader(cli: &Cli) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let library = cli::load_library(&cli.data)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; in scripts use `dubao list`, `dubao show ID` or `dubao export --json`"
        );
    }
    let store = dubao::bookmarks::Store::default_dir().map(dubao::bookmarks::Store::new);
    // The shelf the reader browses: `--data` files (or the bundled issue) in memory.
    let shelf = std::sync::Arc::new(dubao::library::memory::MemoryShelf::new(library));
    let mut app = dubao::app::App::with_shelf(shelf, (80, 24), store);
    app.set_settings(cli.settings());
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
