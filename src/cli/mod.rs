//! The command line: `dubao [--data PATH]... [import|list|show|export|search|library|
//! bookmarks|bookmark|feed|fetch|config|completions|man]`. Scripts and tests rely on
//! exactly these forms; output to a pipe carries no escape codes.

mod commands;
mod epaper;
pub mod export;
mod feed;
mod filters;
pub mod import;
pub mod library;
mod meta;
mod output;
mod repair;
mod search;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use crate::bookmarks::{Bookmark, Change, MarkStore};
use crate::config::Loaded;
use crate::model::{ArticleId, Library};
use crate::text::script::Script;
use crate::typeset::Settings;

#[derive(Debug, Parser)]
#[command(
    name = "dubao",
    version,
    about = "读报 — read Chinese newspapers in the terminal"
)]
pub struct Cli {
    /// A page dump, an `export --json` file, or a folder of them (read recursively).
    /// May repeat. Opens these files instead of the library, without importing them.
    #[arg(long = "data", value_name = "PATH")]
    pub data: Vec<PathBuf>,
    /// How text is set in the reader (the commands that set text take these too).
    #[command(flatten)]
    pub display: DisplayArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The config file as read (set by `main` before running a command).
    #[arg(skip)]
    pub config: Option<Loaded>,
}

/// `--data`: offered only by the commands that read articles (the reader, `list`,
/// `show`, `export`, `search`, `library`, `bookmark`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DataArgs {
    /// A page dump, an `export --json` file, or a folder of them (read recursively).
    /// May repeat. Reads these files instead of the library, without importing them.
    #[arg(long = "data", value_name = "PATH")]
    pub data: Vec<PathBuf>,
}

/// Options for how text is set: offered only where text is set (the reader, `show`).
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct DisplayArgs {
    /// Show East Asian ambiguous-width characters (“ ” … ①) two cells wide.
    #[arg(long)]
    pub wide_ambiguous: bool,
    /// Keep ASCII punctuation between Han characters as it is stored.
    #[arg(long)]
    pub ascii_punct: bool,
    /// Show articles in this script, converted by phrase (the stored text is not changed):
    /// as-printed, simplified, traditional, taiwan, hongkong (default: the config's
    /// `[display] script`).
    #[arg(long, value_name = "SCRIPT", value_parser = parse_script)]
    pub script: Option<Script>,
}

/// A `--script` value, by its config name.
fn parse_script(s: &str) -> Result<Script, String> {
    Script::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Script::ALL.iter().map(|s| s.name()).collect();
        format!("`{s}` is not one of {}", names.join(", "))
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add page dumps, folders of them and `export --json` files to the library.
    Import {
        /// Page dumps, folders (read recursively) and `export --json` files.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// One line per article: id, page, title (every issue, or those asked for).
    List {
        /// A paper, by slug, name or pinyin initials (`rmrb`).
        #[arg(long)]
        paper: Option<String>,
        /// A day, month or year, or a range (`2023-07-03`, `2023-07`, `2023`, `2023-07..2023-09`).
        #[arg(long, conflicts_with_all = ["from", "to"])]
        date: Option<String>,
        /// From the first day of a year, month or day.
        #[arg(long)]
        from: Option<String>,
        /// To the last day of a year, month or day.
        #[arg(long)]
        to: Option<String>,
        /// Only this page (`5`, `05`, `A3`).
        #[arg(long)]
        page: Option<String>,
        /// Print a JSON array of {id, paper, date, page, kind, title}.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// An article set for a pane N cells wide.
    Show {
        /// The article's id, as `dubao list` prints it.
        id: String,
        /// Pane width in cells, at least 2 (default: the terminal's width, else 80).
        #[arg(long, value_parser = clap::value_parser!(u16).range(2..))]
        width: Option<u16>,
        /// Print the article's data instead of the set text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        display: DisplayArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// The whole structure as JSON: issues, pages, articles with all their fields
    /// (`--data` loads it back).
    Export {
        /// JSON is the only form; the flag is accepted so older scripts keep working.
        #[arg(long, hide = true)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Articles that hold QUERY, newest first: a line per match with paper, date,
    /// page, id, field and snippet.
    Search {
        /// What to look for (case, width and quote forms do not matter), after filters
        /// as the reader takes them: `'rmrb 2023-08: 农业'`.
        query: String,
        /// A paper, by slug, name or pinyin initials (`rmrb`).
        #[arg(long)]
        paper: Option<String>,
        /// From the first day of a year, month or day (`2023`, `2023-07`, `2023-07-03`).
        #[arg(long)]
        from: Option<String>,
        /// To the last day of a year, month or day.
        #[arg(long)]
        to: Option<String>,
        /// At most N articles (default: all).
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print a JSON array of articles: {paper, slug, date, page, id, title,
        /// snippet, matches: [{field, start, end}]}.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// What the library holds: papers, date ranges, counts, size on disk; `check` and
    /// `rebuild` it.
    Library {
        #[command(subcommand)]
        action: Option<repair::LibraryAction>,
        /// Print {path, size_bytes, papers: [...]} as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// List bookmarks, newest first; export or import them with the reading state.
    Bookmarks {
        /// Print the bookmarks as a JSON array.
        #[arg(long, conflicts_with_all = ["export", "import"])]
        json: bool,
        /// Print bookmarks, read articles and places as one JSON file (for `--import`).
        #[arg(long, conflicts_with = "import")]
        export: bool,
        /// Merge a `--export` (or `--json`) file into the bookmarks and reading state;
        /// a newer change already here is kept.
        #[arg(long, value_name = "FILE")]
        import: Option<PathBuf>,
    },
    /// Add or remove a bookmark.
    Bookmark {
        #[command(subcommand)]
        action: BookmarkAction,
        #[command(flatten)]
        data: DataArgs,
    },
    /// The papers' feeds followed: add, list, remove, import or export (OPML).
    Feed {
        #[command(subcommand)]
        action: feed::FeedAction,
    },
    /// Fetch every feed and paper followed (or those named) into the library: today's
    /// issue of an e-paper, or `--date D`, `--from D --to D`.
    Fetch(feed::FetchArgs),
    /// The papers dubao can fetch by name from their own e-paper sites.
    Papers {
        /// Print JSON: name, slug, pinyin, system, address, first and last date.
        #[arg(long)]
        json: bool,
    },
    /// Where the config file is read from, or the default config.
    Config {
        /// Print the config file's path.
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print the complete default config, commented (it loads back unchanged).
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script: `dubao completions bash > ~/.local/share/bash-completion/completions/dubao`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `dubao man | man -l -`.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum BookmarkAction {
    /// Bookmark an article (at its top).
    Add {
        /// The article's id, as `dubao list` prints it.
        id: String,
    },
    /// Remove the bookmark on an article.
    Remove {
        /// The article's id.
        id: String,
    },
}

impl Command {
    /// Whether the command runs without reading the config (so a broken config can
    /// still be found and replaced).
    pub fn skips_config(&self) -> bool {
        matches!(
            self,
            Command::Config { .. } | Command::Completions { .. } | Command::Man
        )
    }
}

impl Cli {
    /// Take the `--data` given after a subcommand (`dubao list --data X`) in with the
    /// `--data` given before it, so every command reads `self.data`.
    pub fn absorb_data(&mut self) {
        let from_command = match &mut self.command {
            Some(
                Command::List { data, .. }
                | Command::Show { data, .. }
                | Command::Export { data, .. }
                | Command::Search { data, .. }
                | Command::Library { data, .. }
                | Command::Bookmark { data, .. },
            ) => std::mem::take(&mut data.data),
            _ => Vec::new(),
        };
        self.data.extend(from_command);
    }

    /// The typesetting settings: the config's, with the flags on top.
    pub fn settings(&self) -> Settings {
        let base = self
            .config
            .as_ref()
            .map_or_else(Settings::default, Loaded::settings);
        let mut flags = self.display;
        if let Some(Command::Show { display, .. }) = &self.command {
            flags.wide_ambiguous |= display.wide_ambiguous;
            flags.ascii_punct |= display.ascii_punct;
            flags.script = display.script.or(flags.script);
        }
        Settings {
            fullwidth_punct: base.fullwidth_punct && !flags.ascii_punct,
            ambiguous_wide: base.ambiguous_wide || flags.wide_ambiguous,
            script: flags.script.unwrap_or(base.script),
            ..base
        }
    }

    /// What to open: `--data`, else the config's `library.data`, else (empty) the
    /// bundled issue.
    pub fn data_paths(&self) -> Vec<PathBuf> {
        match (&self.config, self.data.is_empty()) {
            (Some(c), true) => c.config.library.data.clone(),
            _ => self.data.clone(),
        }
    }

    /// How the reader shows photos and where it keeps them: the config's `[display]
    /// photos` and `[photos] cache_mb`, the cache under `XDG_DATA_HOME/dubao/photos`.
    pub fn photo_setup(&self) -> crate::app::photos::PhotoSetup {
        let defaults = crate::config::PhotosConfig::default();
        let (mode, mb) = self
            .config
            .as_ref()
            .map_or((Default::default(), defaults.cache_mb), |c| {
                (c.photo_mode, c.config.photos.cache_mb)
            });
        crate::app::photos::PhotoSetup {
            mode,
            cache_dir: crate::feed::subs::data_dir().map(|d| d.join("photos")),
            cache_bytes: mb.saturating_mul(1024 * 1024),
        }
    }

    /// The bookmark store: the config's `library.state_dir`, else under `XDG_DATA_HOME`.
    pub fn store(&self) -> Result<MarkStore> {
        match self.config.as_ref().and_then(Loaded::state_dir) {
            Some(dir) => Ok(MarkStore::new(dir)),
            None => store(),
        }
    }
}

/// Load what `--data` names, or the bundled issue; each file skipped inside a folder
/// is printed to stderr as `dubao: PATH: what`.
pub fn load_library(data: &[PathBuf]) -> Result<Library> {
    let (library, warnings) = load_library_noting(data)?;
    for w in &warnings {
        eprintln!("dubao: {w}");
    }
    Ok(library)
}

/// Load what `--data` names, or the bundled issue, with one warning (`PATH: what`) per
/// file skipped inside a folder.
pub fn load_library_noting(data: &[PathBuf]) -> Result<(Library, Vec<String>)> {
    if data.is_empty() {
        return Ok((crate::import::load_bundled(), Vec::new()));
    }
    let loaded = crate::import::load_paths(data)?;
    let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
    Ok((loaded.library, warnings))
}

/// The issue holding article `id` as a library of its own (empty when there is none).
fn library_of_article(data: &[PathBuf], id: &str) -> Result<Library> {
    let source = library::open_source(data)?;
    let shelf = source.shelf();
    let mut lib = Library::default();
    if let Some((key, _)) = shelf.article(&ArticleId(id.to_string())) {
        lib.issues.push(shelf.load_issue(&key)?);
    }
    Ok(lib)
}

/// The bookmark store, under `XDG_DATA_HOME` (or the platform's data folder).
pub fn store() -> Result<MarkStore> {
    MarkStore::default_dir()
        .map(MarkStore::new)
        .context("no home folder: cannot find where to keep bookmarks")
}

/// Run a subcommand; the TUI is started by `main` when there is none.
pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let styled = stdout.is_terminal();
    let mut out = stdout.lock();
    let data = cli.data_paths();
    match command {
        Command::Import { paths } => {
            if !cli.data.is_empty() {
                anyhow::bail!("import takes its paths as arguments, not --data");
            }
            drop(out);
            import::run(paths)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::List {
            paper,
            date,
            from,
            to,
            page,
            json,
            ..
        } => {
            let filter = library::ListFilter {
                paper: paper.clone(),
                date: date.clone(),
                from: from.clone(),
                to: to.clone(),
                page: page.clone(),
            };
            commands::list(&mut out, &data, &filter, *json)?
        }
        Command::Library {
            action: Some(action),
            ..
        } => return finish(repair::run(*action, &mut out), out),
        Command::Library { json, .. } => {
            let source = library::open_source(&data)?;
            library::library(&mut out, &source, *json)?;
        }
        Command::Show {
            id, width, json, ..
        } => commands::show(&mut out, &data, id, *width, *json, &cli.settings(), styled)?,
        Command::Export { .. } => {
            export::export(&mut out, &data)?;
        }
        Command::Search {
            query,
            paper,
            from,
            to,
            limit,
            json,
            ..
        } => commands::search(&mut out, &data, query, (paper, from, to), *limit, *json)?,
        Command::Bookmarks {
            json,
            export,
            import,
        } => {
            let store = cli.store()?;
            let done = commands::bookmarks(&mut out, &store, import.as_deref(), *export, *json);
            return finish(done.map(|()| ExitCode::SUCCESS), out);
        }
        Command::Bookmark { action, .. } => bookmark(cli, &data, action)?,
        Command::Config { path, default } => meta::config(&mut out, *path, *default)?,
        Command::Completions { shell } => meta::completions(&mut out, *shell)?,
        Command::Man => meta::man(&mut out)?,
        Command::Feed { action } => return finish(feed::run_feed(action, &mut out), out),
        Command::Fetch(args) => return finish(feed::run_fetch(args, &mut out), out),
        Command::Papers { json } => return finish(epaper::papers(&mut out, *json), out),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Flush what a command printed, then give its result.
fn finish(result: Result<ExitCode>, mut out: impl Write) -> Result<ExitCode> {
    out.flush()?;
    result
}

/// `bookmark add|remove`; when nothing had to change, it says so on stderr.
fn bookmark(cli: &Cli, data: &[PathBuf], action: &BookmarkAction) -> Result<()> {
    let store = cli.store()?;
    let (id, change) = match action {
        BookmarkAction::Add { id } => {
            let lib = library_of_article(data, id)?;
            let Some(b) = Bookmark::for_article(&lib, id, Default::default()) else {
                anyhow::bail!("no article with id {id} (see `dubao list`)");
            };
            (id, Change::Add(b))
        }
        BookmarkAction::Remove { id } => (id, Change::Remove(id.clone())),
    };
    // The change is stamped with its time, and the stamp is kept only when it changed
    // something: so the state says whether it did.
    let at = crate::bookmarks::now_ms();
    let adding = matches!(change, Change::Add(_));
    let (state, warning) = store.apply_stamped(&[(change, at)])?;
    if let Some(w) = warning {
        eprintln!("dubao: {w}");
    }
    if state.bookmark_stamps.get(id.as_str()) != Some(&at) {
        if adding {
            eprintln!("dubao: already bookmarked: {id} (unchanged)");
        } else {
            eprintln!("dubao: no bookmark on {id}: nothing removed");
        }
    }
    Ok(())
}
