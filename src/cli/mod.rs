//! The command line: `dubao [--data PATH]... [list|show|export|search|bookmarks|bookmark]`.
//! Scripts and tests rely on exactly these forms; output to a pipe carries no escape codes.

mod output;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use crate::bookmarks::{Bookmark, Change, Store};
use crate::model::Library;
use crate::typeset::Settings;

#[derive(Debug, Parser)]
#[command(
    name = "dubao",
    version,
    about = "读报 — read Chinese newspapers in the terminal"
)]
pub struct Cli {
    /// A page dump, an `export --json` file, or a folder of them (read recursively).
    /// May repeat. Defaults to the issue bundled in the binary.
    #[arg(long = "data", value_name = "PATH", global = true)]
    pub data: Vec<PathBuf>,
    /// Show East Asian ambiguous-width characters (“ ” … ①) two cells wide.
    #[arg(long, global = true)]
    pub wide_ambiguous: bool,
    /// Keep ASCII punctuation between Han characters as it is stored.
    #[arg(long, global = true)]
    pub ascii_punct: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per article: id, page, title.
    List {
        #[arg(long)]
        json: bool,
    },
    /// An article set for a pane N cells wide.
    Show {
        id: String,
        /// Pane width in cells, at least 2 (default: the terminal's width, else 80).
        #[arg(long, value_parser = clap::value_parser!(u16).range(2..))]
        width: Option<u16>,
        /// Print the article's data instead of the set text.
        #[arg(long)]
        json: bool,
    },
    /// The whole structure: issues, pages, articles with all their fields.
    Export {
        #[arg(long, required = true)]
        json: bool,
    },
    /// Print the hits of QUERY: article id, field, snippet.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// List bookmarks, newest first.
    Bookmarks {
        #[arg(long)]
        json: bool,
    },
    /// Add or remove a bookmark.
    Bookmark {
        #[command(subcommand)]
        action: BookmarkAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum BookmarkAction {
    Add { id: String },
    Remove { id: String },
}

impl Cli {
    pub fn settings(&self) -> Settings {
        Settings {
            fullwidth_punct: !self.ascii_punct,
            ambiguous_wide: self.wide_ambiguous,
            columns: false,
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

/// The bookmark store, under `XDG_DATA_HOME` (or the platform's data folder).
pub fn store() -> Result<Store> {
    Store::default_dir()
        .map(Store::new)
        .context("no home folder: cannot find where to keep bookmarks")
}

/// Run a subcommand; the TUI is started by `main` when there is none.
pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let styled = stdout.is_terminal();
    let mut out = stdout.lock();
    match command {
        Command::List { json } => {
            let lib = load_library(&cli.data)?;
            output::list(&mut out, &lib, *json)?;
        }
        Command::Show { id, width, json } => {
            let lib = load_library(&cli.data)?;
            let Some((r, article)) = lib.find(id) else {
                anyhow::bail!("no article with id {id} (see `dubao list`)");
            };
            if *json {
                serde_json::to_writer_pretty(&mut out, article)?;
                writeln!(out)?;
            } else {
                let width = width
                    .or_else(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
                    .unwrap_or(80)
                    .max(1);
                let _ = r;
                let layout = crate::typeset::layout(article, width, u16::MAX, &cli.settings());
                output::lines(&mut out, &layout, styled)?;
            }
        }
        Command::Export { .. } => {
            let lib = load_library(&cli.data)?;
            serde_json::to_writer_pretty(&mut out, &lib)?;
            writeln!(out)?;
        }
        Command::Search { query, json } => {
            let lib = load_library(&cli.data)?;
            output::search(&mut out, &lib, query, *json)?;
        }
        Command::Bookmarks { json } => {
            let (state, warning) = store()?.load()?;
            if let Some(w) = warning {
                eprintln!("dubao: {w}");
            }
            output::bookmarks(&mut out, &state, *json)?;
        }
        Command::Bookmark { action } => {
            let store = store()?;
            let change = match action {
                BookmarkAction::Add { id } => {
                    let lib = load_library(&cli.data)?;
                    let Some(b) = Bookmark::for_article(&lib, id, Default::default()) else {
                        anyhow::bail!("no article with id {id} (see `dubao list`)");
                    };
                    Change::Add(b)
                }
                BookmarkAction::Remove { id } => Change::Remove(id.clone()),
            };
            let (_, warning) = store.apply(&[change])?;
            if let Some(w) = warning {
                eprintln!("dubao: {w}");
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
