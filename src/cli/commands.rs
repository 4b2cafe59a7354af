//! The library's everyday subcommands, each printing to `out`: `list`, `show`, `search`
//! and `bookmarks`. `cli::run` parses and dispatches; these do the work.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{export, filters, library, output};
use crate::bookmarks::MarkStore;
use crate::model::ArticleId;
use crate::typeset::Settings;

/// `dubao list`: the folders' listing when the data is plain folders (fast, no index),
/// else the library's.
pub fn list(
    out: &mut impl Write,
    data: &[PathBuf],
    filter: &library::ListFilter,
    json: bool,
) -> Result<()> {
    if json || !library::list_folders(out, data, filter)? {
        let source = library::open_source(data)?;
        library::list(out, source.shelf(), filter, json)?;
    }
    Ok(())
}

/// `dubao show ID`: one article set at `width` (the terminal's, else 80), or as JSON.
pub fn show(
    out: &mut impl Write,
    data: &[PathBuf],
    id: &str,
    width: Option<u16>,
    json: bool,
    settings: &Settings,
    styled: bool,
) -> Result<()> {
    let source = library::open_source(data)?;
    let Some((_, article)) = source.shelf().article(&ArticleId(id.to_string())) else {
        anyhow::bail!("no article with id {id} (see `dubao list`)");
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &article)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = width
        .or_else(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
        .unwrap_or(80)
        .max(1);
    let layout = crate::typeset::layout(&article, width, u16::MAX, settings);
    output::lines(out, &layout, styled)?;
    Ok(())
}

/// The search filters as typed: paper, from and to.
type Filters<'a> = (&'a Option<String>, &'a Option<String>, &'a Option<String>);

/// `dubao search QUERY`: hits newest first; none is said on stderr.
pub fn search(
    out: &mut impl Write,
    data: &[PathBuf],
    query: &str,
    (paper, from, to): Filters,
    limit: Option<usize>,
    json: bool,
) -> Result<()> {
    let source = library::open_source(data)?;
    let mut q = filters::query(source.shelf(), query, paper, from, to)?;
    q.limit = limit.unwrap_or(0);
    if super::search::search(out, source.shelf(), &q, json)? == 0 {
        eprintln!("dubao: no hits for {query}");
    }
    Ok(())
}

/// `dubao bookmarks`: import a state file, export the state, or list the bookmarks.
pub fn bookmarks(
    out: &mut impl Write,
    store: &MarkStore,
    import: Option<&Path>,
    export: bool,
    json: bool,
) -> Result<()> {
    if let Some(file) = import {
        let (new, warning) = export::import_state(store, file)?;
        if let Some(w) = warning {
            eprintln!("dubao: {w}");
        }
        writeln!(out, "imported {new} new bookmarks from {}", file.display())?;
        return Ok(());
    }
    let (state, warning) = store.load()?;
    if let Some(w) = warning {
        eprintln!("dubao: {w}");
    }
    if export {
        export::export_state(out, &state)?;
    } else {
        output::bookmarks(out, &state, json, styled_stdout())?;
    }
    Ok(())
}

/// Colours only on a terminal.
fn styled_stdout() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}
