//! Files into the library: page dumps, folders, exports and saved feeds (RSS, Atom, JSON
//! Feed; told by their content, and merged like a fetch), parsed on every core and taken
//! in order, committed in batches so a long import keeps what it has done when it is
//! stopped. A file that cannot be read is one warning; the rest go on.

use std::path::{Path, PathBuf};

use super::fetched::FeedSink;
use crate::import::ImportError;
use crate::library::disk::DiskShelf;
use crate::library::{AddSummary, LibraryError};
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
fn load_one(file: &Path) -> Result<Loaded, ImportError> {
    let limit = crate::import::decode::MAX_BYTES as u64;
    match crate::import::tree::read_regular(file, limit) {
        Ok(bytes) if crate::feed::looks_like_feed(&bytes) => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            return crate::feed::parse_bytes(&bytes, &stem)
                .map(Loaded::Feed)
                .map_err(|e| ImportError::new(file, e.to_string()));
        }
        Ok(_) | Err(ImportError::TooLarge { .. }) => {}
        Err(e) => return Err(e),
    }
    crate::import::load_paths(&[file.to_path_buf()])
        .map(|loaded| Loaded::Pages(loaded.library.issues))
}

/// What an import tells as it goes: a progress bar on a terminal, nothing in tests.
pub trait Progress {
    /// The bytes of every file to read.
    fn start(&mut self, total: u64) {
        let _ = total;
    }
    /// `bytes` more were read.
    fn advance(&mut self, bytes: u64) {
        let _ = bytes;
    }
    /// A file skipped, or a folder that could not be read: one line.
    fn warn(&mut self, line: String);
    /// Every file is read; the last commit is under way.
    fn committing(&mut self) {}
    /// Done.
    fn finish(&mut self) {}
}

/// Import `paths` (page dumps, folders, exports, saved feeds) into the library `shelf`,
/// telling `progress` as it goes. The one path files take into the library: pages in
/// batches committed every [`COMMIT_BYTES`] or [`COMMIT_FILES`], then feeds merged as a
/// fetch merges them ([`FeedSink`]).
pub fn import_files(
    shelf: &DiskShelf,
    paths: &[PathBuf],
    progress: &mut dyn Progress,
) -> Result<ImportReport, LibraryError> {
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
    progress.start(sizes.iter().sum());
    for w in early {
        progress.warn(w);
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
                progress.warn(w.to_string());
            }
        }
        report.bytes += size;
        since_commit += size;
        progress.advance(size);
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
    progress.committing();
    importer.finish()?;
    if !feeds.is_empty() {
        let added = FeedSink { shelf }.merge_issues(&feeds)?;
        report.added.articles_added += added.new;
        report.added.articles_replaced += added.changed;
    }
    progress.finish();
    Ok(report)
}
