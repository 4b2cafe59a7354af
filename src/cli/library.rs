//! `dubao list` and `dubao library` (and the shelf `dubao search` reads): read through a [`Shelf`], the
//! library on disk or, with `--data`, those files held in memory (indexed for search
//! only when a search asks).
//!
//! Without `--data` and before anything is imported, the shelf is the bundled issue (in
//! memory; nothing is written to the data folder until `dubao import`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::library::Shelf;
use crate::library::disk::DiskShelf;
use crate::library::memory::MemoryShelf;
use crate::model::ArticleKind;

/// Where the commands read: the library on disk, or issues in memory.
// One per command: the size of the library's variant does not matter.
#[allow(clippy::large_enum_variant)]
pub enum OpenShelf {
    Disk(DiskShelf),
    Memory(MemoryShelf),
}

impl OpenShelf {
    pub fn shelf(&self) -> &dyn Shelf {
        match self {
            OpenShelf::Disk(d) => d,
            OpenShelf::Memory(m) => m,
        }
    }

    pub fn into_shelf(self) -> Box<dyn Shelf> {
        match self {
            OpenShelf::Disk(d) => Box::new(d),
            OpenShelf::Memory(m) => Box::new(m),
        }
    }
}

/// The library folder: `$XDG_DATA_HOME/dubao/library`.
pub fn library_dir() -> Result<PathBuf> {
    crate::library::default_dir().context("no home folder: cannot find where the library is kept")
}

/// `--data` files in memory; else the library on disk when it holds anything; else
/// the bundled issue. A library that cannot be opened is read as far as it can be, with
/// a warning on stderr saying what is wrong and what repairs it.
pub fn open_source(data: &[PathBuf]) -> Result<OpenShelf> {
    let (source, note) = open_source_noting(data)?;
    if let Some(n) = note {
        eprintln!("dubao: {n}");
    }
    Ok(source)
}

/// [`open_source`], with the line to show when the library is damaged or older: what
/// is wrong and which command repairs it. Bookmarks never depend on this.
pub fn open_source_noting(data: &[PathBuf]) -> Result<(OpenShelf, Option<String>)> {
    if !data.is_empty() {
        return Ok((
            OpenShelf::Memory(MemoryShelf::new(super::load_library(data)?)),
            None,
        ));
    }
    let dir = library_dir()?;
    let bundled = || OpenShelf::Memory(MemoryShelf::new(crate::import::load_bundled()));
    match DiskShelf::open_existing(&dir) {
        Ok(Some(disk)) => {
            let note = crate::library::repair::diagnose(&dir, None);
            if disk.is_empty() {
                return Ok((bundled(), note));
            }
            Ok((OpenShelf::Disk(disk), note))
        }
        Ok(None) => Ok((bundled(), None)),
        Err(e) if e.is_busy() => Err(e.into()),
        Err(e) => {
            let note =
                crate::library::repair::diagnose(&dir, Some(&e)).unwrap_or_else(|| e.to_string());
            let (lib, _, _) = crate::library::repair::readable(&dir);
            let pages: usize = lib.issues.iter().map(|i| i.pages.len()).sum();
            if pages == 0 {
                return Ok((
                    bundled(),
                    Some(format!("{note} (showing the bundled issue)")),
                ));
            }
            let note = format!("{note} (showing the {pages} pages that can be read)");
            Ok((OpenShelf::Memory(MemoryShelf::new(lib)), Some(note)))
        }
    }
}

/// What the reader opens on: the shelf, a warning per file skipped, and what is wrong
/// with the library (with the command that repairs it), if anything.
pub struct ReaderShelf {
    pub shelf: Arc<dyn Shelf>,
    pub warnings: Vec<String>,
    pub damage: Option<String>,
}

/// The shelf the reader browses: `--data` files (or the config's) in memory; else the
/// library on disk when it holds anything (or what can be read of it); else the bundled
/// issue.
pub fn reader_shelf(data: &[PathBuf]) -> Result<ReaderShelf> {
    if !data.is_empty() {
        // Issues in memory are indexed for search by the reader, on a thread of its own
        // once the search line opens.
        let (library, warnings) = super::load_library_noting(data)?;
        return Ok(ReaderShelf {
            shelf: Arc::new(MemoryShelf::new(library)),
            warnings,
            damage: None,
        });
    }
    let (source, damage) = open_source_noting(data)?;
    let shelf: Arc<dyn Shelf> = match source {
        OpenShelf::Disk(d) => {
            // Ready for the first search while the first issue is on screen.
            d.index_in_background();
            Arc::new(d)
        }
        OpenShelf::Memory(m) => Arc::new(m),
    };
    Ok(ReaderShelf {
        shelf,
        warnings: Vec::new(),
        damage,
    })
}

/// Where the reader's `F` fetches from and into: the subscriptions in the data folder,
/// the library; a reader without `--data` opens the library once a fetch fills it.
pub fn fetch_setup(data: &[PathBuf]) -> Option<crate::app::fetcher::FetchSetup> {
    Some(crate::app::fetcher::FetchSetup {
        data_dir: crate::feed::subs::data_dir()?,
        library_dir: crate::library::default_dir()?,
        open_library: data.is_empty(),
        options: crate::feed::fetch::Options::default(),
        nothing_followed: false,
    })
}

/// What `dubao list` is narrowed to.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub paper: Option<String>,
    pub date: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: Option<String>,
}

/// `5`, `05` and `005` name the same page; `A3` only itself.
fn page_matches(number: &str, want: &Option<String>) -> bool {
    let Some(want) = want.as_deref() else {
        return true;
    };
    match (number.parse::<u32>(), want.parse::<u32>()) {
        (Ok(a), Ok(b)) => a == b,
        _ => number.eq_ignore_ascii_case(want),
    }
}

#[derive(Serialize)]
struct ListRow {
    id: String,
    paper: String,
    date: String,
    page: String,
    kind: ArticleKind,
    title: String,
}

/// `dubao list --data FOLDER...` (not `--json`): each issue's lines printed as soon as
/// its pages are read, oldest first, so the first line never waits for the last file;
/// the files skipped are told at the end. `false`, with nothing done, when the paths
/// are not only folders of page dumps (then [`list`] them through a shelf).
pub fn list_folders(out: &mut impl Write, data: &[PathBuf], filter: &ListFilter) -> Result<bool> {
    let range = super::filters::dates(
        filter.date.as_deref(),
        filter.from.as_deref(),
        filter.to.as_deref(),
    )?;
    let mut each = |issue: crate::model::Issue| -> std::io::Result<()> {
        let paper = filter.paper.as_deref();
        if paper.is_some_and(|p| p != issue.slug && p != issue.paper)
            || !range.contains(&issue.date)
        {
            return Ok(());
        }
        for page in issue
            .pages
            .iter()
            .filter(|p| page_matches(&p.number, &filter.page))
        {
            for a in &page.articles {
                writeln!(out, "{}\t{}\t{}", a.id, page.number, a.title)?;
            }
        }
        Ok(())
    };
    let Some(done) = crate::import::tree::load_by_issue(data, &mut each) else {
        return Ok(false);
    };
    for w in done? {
        eprintln!("dubao: {w}");
    }
    Ok(true)
}

/// One line per article of the issues that pass `filter`, in issue and page order.
pub fn list(
    out: &mut impl Write,
    shelf: &dyn Shelf,
    filter: &ListFilter,
    json: bool,
) -> Result<()> {
    let range = super::filters::dates(
        filter.date.as_deref(),
        filter.from.as_deref(),
        filter.to.as_deref(),
    )?;
    let paper = super::filters::paper(shelf, filter.paper.as_deref())?;
    let mut rows = Vec::new();
    for info in shelf.issues() {
        if paper.as_ref().is_some_and(|s| *s != info.key.slug) || !range.contains(&info.key.date) {
            continue;
        }
        let issue = shelf.load_issue(&info.key)?;
        for page in issue
            .pages
            .iter()
            .filter(|p| page_matches(&p.number, &filter.page))
        {
            for a in &page.articles {
                rows.push(ListRow {
                    id: a.id.0.clone(),
                    paper: issue.paper.clone(),
                    date: issue.date.clone(),
                    page: page.number.clone(),
                    kind: a.kind,
                    title: a.title.clone(),
                });
            }
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        for r in rows {
            writeln!(out, "{}\t{}\t{}", r.id, r.page, r.title)?;
        }
    }
    Ok(())
}

#[derive(Serialize, Default)]
struct PaperRow {
    slug: String,
    paper: String,
    first: String,
    last: String,
    issues: usize,
    pages: usize,
    articles: usize,
}

#[derive(Serialize)]
struct LibraryReport {
    /// The library folder, or `None` for `--data` files and the bundled issue.
    path: Option<PathBuf>,
    size_bytes: Option<u64>,
    papers: Vec<PaperRow>,
}

/// Papers, date ranges, counts and size on disk.
pub fn library(out: &mut impl Write, source: &OpenShelf, json: bool) -> Result<()> {
    let shelf = source.shelf();
    let mut papers: BTreeMap<String, PaperRow> = BTreeMap::new();
    // Each paper under its one name, as the reader shows it (人民日报 for a folder `rmrb`).
    let mut issues = shelf.issues();
    crate::app::query::name_papers(&mut issues);
    for info in issues {
        let row = papers.entry(info.key.slug.clone()).or_default();
        if row.issues == 0 {
            row.slug = info.key.slug.clone();
            row.paper = info.paper.clone();
            row.first = info.key.date.clone();
        }
        row.last = info.key.date.clone();
        row.issues += 1;
        row.pages += info.pages;
        row.articles += info.articles;
    }
    let (path, size_bytes) = match source {
        OpenShelf::Disk(d) => (Some(d.dir().to_path_buf()), Some(d.size_on_disk())),
        OpenShelf::Memory(_) => (None, None),
    };
    let report = LibraryReport {
        path,
        size_bytes,
        papers: papers.into_values().collect(),
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
        return Ok(());
    }
    match (&report.path, report.size_bytes) {
        (Some(p), Some(size)) => writeln!(
            out,
            "library: {} ({:.1} MB on disk)",
            p.display(),
            size as f64 / 1e6
        )?,
        _ => writeln!(
            out,
            "no library in use (--data files, or the bundled issue until `dubao import`)"
        )?,
    }
    for p in &report.papers {
        writeln!(
            out,
            "{}\t{}\t{} .. {}\t{} issues\t{} pages\t{} articles",
            p.paper, p.slug, p.first, p.last, p.issues, p.pages, p.articles
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_match_with_or_without_zeros() {
        assert!(page_matches("05", &Some("5".into())));
        assert!(page_matches("05", &None));
        assert!(page_matches("a3", &Some("A3".into())));
        assert!(!page_matches("04", &Some("5".into())));
    }
}
