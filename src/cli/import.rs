//! `dubao import PATH...`: page dumps, folders, exports and saved feeds (RSS, Atom, JSON
//! Feed; told by their content, and merged like a fetch) into the library on disk,
//! with a progress bar on a terminal and a one-line summary. A file that cannot be read
//! is reported on its own line and skipped; the rest go on.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use crate::library::AddSummary;
use crate::library::disk::DiskShelf;
use crate::model::Issue;

/// Commit after about this much page text or this many files, so a long import keeps
/// what it has done when it is stopped.
const COMMIT_BYTES: u64 = 128 << 20;
const COMMIT_FILES: usize = 4096;
/// Folders deeper than this are not followed (a guard against link loops).
const MAX_DEPTH: usize = 12;

/// What an import did, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct ImportReport {
    pub files: usize,
    pub skipped: usize,
    pub bytes: u64,
    pub added: AddSummary,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let a = &self.added;
        write!(
            f,
            "{} pages, {} articles ({} new, {} replaced), {} unchanged, {} skipped",
            a.pages - a.pages_unchanged,
            a.articles_added + a.articles_replaced,
            a.articles_added,
            a.articles_replaced,
            a.articles_unchanged,
            self.skipped,
        )
    }
}

/// Every page dump (`.txt`) and export (`.json`) under `paths`, in name order; a path
/// that is missing or a folder with none of them is a warning.
pub fn collect_files(paths: &[PathBuf], warn: &mut dyn FnMut(String)) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            walk(path, 0, &mut files);
            if files.len() == before {
                warn(format!(
                    "{}: no page dumps (.txt) or exports (.json) in this folder",
                    path.display()
                ));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            warn(format!("{}: no such file or folder", path.display()));
        }
    }
    files
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name == "issue.json" || name == "paper.json" {
            continue;
        }
        if path.is_dir() {
            walk(&path, depth + 1, files);
        } else if ["txt", "json", "xml", "rss", "rdf", "atom"]
            .iter()
            .any(|e| has_extension(&path, e))
        {
            files.push(path);
        }
    }
}

/// What a file holds: pages (dumps, exports) or a feed's items.
enum Loaded {
    Pages(Vec<Issue>),
    Feed(Vec<Issue>),
}

/// One file's issues, or the one-line reason it was skipped.
fn load_one(file: &Path) -> Result<Loaded, String> {
    let head = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    if crate::feed::looks_like_feed(&head) {
        return crate::feed::parse_file(file)
            .map(Loaded::Feed)
            .map_err(|e| format!("{}: {e}", file.display()));
    }
    crate::import::load_paths(&[file.to_path_buf()])
        .map(|loaded| Loaded::Pages(loaded.library.issues))
        .map_err(|e| e.to_string())
}

fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Imports `paths` into the library in `dir`; warnings go to `warn` as they come.
pub fn import_into(
    shelf: &DiskShelf,
    paths: &[PathBuf],
    warn: &mut dyn FnMut(&ProgressBar, String),
) -> Result<ImportReport> {
    let hidden = ProgressBar::hidden();
    let mut early = Vec::new();
    let files = collect_files(paths, &mut |w| early.push(w));
    let mut report = ImportReport {
        skipped: early.len(),
        ..Default::default()
    };
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let bar = progress_bar(sizes.iter().sum());
    for w in early {
        warn(&hidden, w);
    }
    let mut importer = shelf.importer()?;
    let mut batch: Vec<Issue> = Vec::new();
    // A feed is a window on its paper: merged into the library after the pages.
    let mut feeds: Vec<Issue> = Vec::new();
    let mut since_commit = 0u64;
    let mut files_since = 0usize;
    for (file, size) in files.iter().zip(sizes) {
        files_since += 1;
        report.files += 1;
        match load_one(file) {
            Ok(Loaded::Pages(issues)) => batch.extend(issues),
            Ok(Loaded::Feed(issues)) => feeds.extend(issues),
            Err(w) => {
                report.skipped += 1;
                warn(&bar, w);
            }
        }
        report.bytes += size;
        since_commit += size;
        bar.inc(size);
        if batch.len() >= 64 || since_commit >= COMMIT_BYTES {
            report.added.merge(importer.add(&batch)?);
            batch.clear();
        }
        if since_commit >= COMMIT_BYTES || files_since >= COMMIT_FILES {
            report.added.merge(importer.add(&batch)?);
            batch.clear();
            importer.commit()?;
            since_commit = 0;
            files_since = 0;
        }
    }
    report.added.merge(importer.add(&batch)?);
    bar.set_message("committing");
    importer.finish()?;
    if !feeds.is_empty() {
        use crate::feed::sink::IssueSink;
        let added = crate::library::fetched::FeedSink { shelf }.add_issues(&feeds)?;
        report.added.articles_added += added.new;
        report.added.articles_replaced += added.changed;
    }
    bar.finish_and_clear();
    Ok(report)
}

/// `dubao import PATH...`: the summary on stdout, warnings on stderr.
pub fn run(paths: &[PathBuf]) -> Result<ImportReport> {
    let dir = super::library::library_dir()?;
    let shelf = DiskShelf::open(&dir)?;
    let report = import_into(&shelf, paths, &mut |bar, w| {
        bar.suspend(|| eprintln!("dubao: {w}"));
    })?;
    println!("imported {report}");
    Ok(report)
}
