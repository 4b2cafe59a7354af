//! `dubao list`, `dubao search` and `dubao library`: read through a [`Shelf`], the
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

use crate::library::disk::DiskShelf;
use crate::library::memory::MemoryShelf;
use crate::library::{SearchQuery, Shelf};
use crate::model::ArticleKind;

/// Where the commands read: the library on disk, or issues in memory.
pub enum Source {
    Disk(DiskShelf),
    Memory(MemoryShelf),
}

impl Source {
    pub fn shelf(&self) -> &dyn Shelf {
        match self {
            Source::Disk(d) => d,
            Source::Memory(m) => m,
        }
    }

    pub fn into_shelf(self) -> Box<dyn Shelf> {
        match self {
            Source::Disk(d) => Box::new(d),
            Source::Memory(m) => Box::new(m),
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
pub fn open_source(data: &[PathBuf]) -> Result<Source> {
    let (source, note) = open_source_noting(data)?;
    if let Some(n) = note {
        eprintln!("dubao: {n}");
    }
    Ok(source)
}

/// [`open_source`], with the line to show when the library is damaged or older: what
/// is wrong and which command repairs it. Bookmarks never depend on this.
pub fn open_source_noting(data: &[PathBuf]) -> Result<(Source, Option<String>)> {
    if !data.is_empty() {
        return Ok((
            Source::Memory(MemoryShelf::new(super::load_library(data)?)),
            None,
        ));
    }
    let dir = library_dir()?;
    let bundled = || Source::Memory(MemoryShelf::new(crate::import::load_bundled()));
    match DiskShelf::open_existing(&dir) {
        Ok(Some(disk)) => {
            let note = crate::library::repair::diagnose(&dir, None);
            if disk.is_empty() {
                return Ok((bundled(), note));
            }
            Ok((Source::Disk(disk), note))
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
            Ok((Source::Memory(MemoryShelf::new(lib)), Some(note)))
        }
    }
}

/// The shelf the reader browses, with a warning per file skipped and the library's
/// damage, if any: `--data` files (or the config's) in memory; else the library on disk
/// when it holds anything (or what can be read of it); else the bundled issue.
pub fn reader_shelf(data: &[PathBuf]) -> Result<(Arc<dyn Shelf>, Vec<String>, Option<String>)> {
    if !data.is_empty() {
        // Issues in memory are indexed for search on a thread of their own, so the first
        // frame never waits for it.
        let (library, warnings) = super::load_library_noting(data)?;
        let shelf = MemoryShelf::new(library);
        shelf.index_in_background();
        return Ok((Arc::new(shelf), warnings, None));
    }
    let (source, note) = open_source_noting(data)?;
    let shelf: Arc<dyn Shelf> = match source {
        Source::Disk(d) => Arc::new(d),
        Source::Memory(m) => {
            m.index_in_background();
            Arc::new(m)
        }
    };
    Ok((shelf, Vec::new(), note))
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

#[derive(Serialize)]
struct Match {
    field: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct HitRow<'a> {
    paper: &'a str,
    slug: &'a str,
    date: &'a str,
    page: &'a str,
    id: &'a str,
    title: &'a str,
    snippet: &'a str,
    /// Every occurrence in the article: field and char range.
    matches: Vec<Match>,
}

/// A snippet of `chars` around `start..end`, the match in 【】 brackets.
fn marked(chars: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(12);
    let end = end.min(chars.len());
    let to = (end + 12).min(chars.len());
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(&chars[from..start.min(end)]);
    s.push('【');
    s.extend(&chars[start.min(end)..end]);
    s.push('】');
    s.extend(&chars[end..to]);
    if to < chars.len() {
        s.push('…');
    }
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// One hit to print: an article, or a page's own lines (as an article of one
/// paragraph per line, its id `slug/date/page`).
struct Entry {
    paper: String,
    key: crate::library::IssueKey,
    page: String,
    id: String,
    title: String,
    snippet: String,
    article: Option<crate::model::Article>,
    /// A page's own lines rather than an article.
    page_lines: bool,
}

/// Article hits and page-line hits in one order: newest first, then page order, a
/// page's own hit before its articles.
fn entries(shelf: &dyn Shelf, q: &SearchQuery) -> Result<Vec<Entry>> {
    let mut out: Vec<Entry> = Vec::new();
    for h in shelf.search(q)? {
        out.push(Entry {
            article: shelf.article(&h.id).map(|(_, a)| a),
            paper: h.paper,
            key: h.key,
            page: h.page,
            id: h.id.0,
            title: h.title,
            snippet: h.snippet,
            page_lines: false,
        });
    }
    for p in shelf.search_pages(q)? {
        let page = crate::model::Page {
            number: p.page.clone(),
            lines: p.lines,
            ..Default::default()
        };
        let article = crate::search::page_lines_article(&page);
        let snippet = crate::search::hits(&article, &q.text)
            .first()
            .and_then(|m| article.field(m.field))
            .unwrap_or_default()
            .to_string();
        out.push(Entry {
            id: format!("{}/{}/{}", p.key.slug, p.key.date, p.page),
            paper: p.paper,
            key: p.key,
            page: p.page,
            title: String::new(),
            snippet,
            article: Some(article),
            page_lines: true,
        });
    }
    out.sort_by(|a, b| {
        b.key
            .date
            .cmp(&a.key.date)
            .then_with(|| {
                let rank = |e: &Entry| crate::search::engine::page_rank(&e.page);
                rank(a).cmp(&rank(b))
            })
            .then_with(|| b.page_lines.cmp(&a.page_lines))
    });
    if q.limit > 0 {
        out.truncate(q.limit);
    }
    Ok(out)
}

/// Where a match is: the article field's label, or `page_line` for a page's own line.
fn label(e: &Entry, field: crate::model::Field) -> String {
    if e.page_lines {
        "page_line".to_string()
    } else {
        field.label()
    }
}

/// Articles (and pages whose own lines match) newest first. Plain: one line per
/// occurrence, like grep (paper, date, page, id, field, snippet with the match in 【】);
/// JSON: one object per article or page. Returns how many were found.
pub fn search(
    out: &mut impl Write,
    shelf: &dyn Shelf,
    q: &SearchQuery,
    json: bool,
) -> Result<usize> {
    let hits = entries(shelf, q)?;
    let mut rows = Vec::with_capacity(hits.len());
    for h in &hits {
        let found = h
            .article
            .as_ref()
            .map(|a| crate::search::hits(a, &q.text))
            .unwrap_or_default();
        if !json {
            let date = if h.key.date.is_empty() {
                "-"
            } else {
                &h.key.date
            };
            for m in &found {
                let text = h.article.as_ref().and_then(|a| a.field(m.field));
                let chars: Vec<char> = text.unwrap_or("").chars().collect();
                let (paper, page, id) = (&h.paper, &h.page, &h.id);
                let (field, snippet) = (label(h, m.field), marked(&chars, m.start, m.end));
                writeln!(out, "{paper}\t{date}\t{page}\t{id}\t{field}\t{snippet}")?;
            }
            continue;
        }
        rows.push(HitRow {
            paper: &h.paper,
            slug: &h.key.slug,
            date: &h.key.date,
            page: &h.page,
            id: &h.id,
            title: &h.title,
            snippet: &h.snippet,
            matches: found
                .iter()
                .map(|m| Match {
                    field: label(h, m.field),
                    start: m.start,
                    end: m.end,
                })
                .collect(),
        });
    }
    if json && !hits.is_empty() {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    }
    Ok(hits.len())
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
pub fn library(out: &mut impl Write, source: &Source, json: bool) -> Result<()> {
    let shelf = source.shelf();
    let mut papers: BTreeMap<String, PaperRow> = BTreeMap::new();
    for info in shelf.issues() {
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
        Source::Disk(d) => (Some(d.dir().to_path_buf()), Some(d.size_on_disk())),
        Source::Memory(_) => (None, None),
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
    fn snippet_marks_the_match() {
        let chars: Vec<char> = "近日衡水市政府".chars().collect();
        assert_eq!(marked(&chars, 2, 4), "近日【衡水】市政府");
    }

    #[test]
    fn page_numbers_match_with_or_without_zeros() {
        assert!(page_matches("05", &Some("5".into())));
        assert!(page_matches("05", &None));
        assert!(page_matches("a3", &Some("A3".into())));
        assert!(!page_matches("04", &Some("5".into())));
    }
}
