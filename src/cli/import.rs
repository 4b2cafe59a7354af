//! `dubao import PATH...`: page dumps, folders, exports and saved feeds (RSS, Atom, JSON
//! Feed; told by their content, and merged like a fetch) into the library on disk,
//! with a progress bar on a terminal and a one-line summary. A file that cannot be read
//! is reported on its own line and skipped; the rest go on.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use crate::import::ImportError;
use crate::library::AddSummary;
use crate::library::disk::DiskShelf;
use crate::model::Issue;

/// Commit after about this much page text or this many files, so a long import keeps
/// what it has done when it is stopped.
const COMMIT_BYTES: u64 = 128 << 20;
const COMMIT_FILES: usize = 4096;

/// What an import did, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct ImportReport {
    pub files: usize,
    /// Files read whole (pages, exports, feeds): none means nothing was imported.
    pub read: usize,
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

/// What a folder is searched for: page dumps, exports and saved feeds.
const IMPORT_EXTS: &[&str] = &["txt", "json", "xml", "rss", "rdf", "atom"];

/// Every file an import of `paths` reads, found by the importer's own rules (regular
/// files only, each once, in canonical order); whatever cannot be read is a warning.
pub fn collect_files(paths: &[PathBuf], warn: &mut dyn FnMut(String)) -> Vec<PathBuf> {
    let (files, warnings) = crate::import::tree::find_files(paths, IMPORT_EXTS);
    for w in warnings {
        warn(w.to_string());
    }
    files
}

/// What a file holds: pages (dumps, exports) or a feed's items.
enum Loaded {
    Pages(Vec<Issue>),
    Feed(Vec<Issue>),
}

/// One file's issues, or the one-line reason it was skipped. A file small enough to be
/// a page is read once, bounded, to tell a feed by its content; anything larger can only
/// be an export, which the importer streams.
fn load_one(file: &Path) -> Result<Loaded, String> {
    let limit = crate::import::decode::MAX_BYTES as u64;
    match crate::import::tree::read_regular(file, limit) {
        Ok(bytes) if crate::feed::looks_like_feed(&bytes) => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            return crate::feed::parse_bytes(&bytes, &stem)
                .map(Loaded::Feed)
                .map_err(|e| format!("{}: {e}", file.display()));
        }
        Ok(_) | Err(ImportError::TooLarge { .. }) => {}
        Err(e) => return Err(e.to_string()),
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
    // Files are read and parsed on every core, taken here in order.
    let threads = crate::import::parallel::threads_for(files.len());
    let parsed = crate::import::parallel::in_order(files, threads, |f: &PathBuf| load_one(f));
    for ((_, loaded), size) in parsed.zip(sizes) {
        files_since += 1;
        report.files += 1;
        match loaded {
            Ok(Loaded::Pages(issues)) => {
                report.read += 1;
                batch.extend(issues);
            }
            Ok(Loaded::Feed(issues)) => {
                report.read += 1;
                feeds.extend(issues);
            }
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
    if report.read == 0 {
        anyhow::bail!("{}", nothing_imported(&report));
    }
    println!("imported {report}");
    Ok(report)
}

/// Why an import that read no file did nothing, in one line.
fn nothing_imported(report: &ImportReport) -> String {
    match report.skipped {
        0 => "nothing imported: no page dumps, exports or feeds found there".to_string(),
        n => format!("nothing imported: {n} skipped and none read (see above)"),
    }
}
