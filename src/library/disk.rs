//! The library on disk, under `$XDG_DATA_HOME/dubao/library/`: the page archive (in
//! `pages/`, see [`super::archive`]) that keeps every page whole, a tantivy index (in
//! `index/`) built from the same pages that holds them too and indexes every article, and
//! `library.json` saying which format the folder is in, and `issues.json`, the issue
//! list by segment (a cache, see [`super::issue_list`]). A damaged or older index is
//! named with the command that rebuilds it from the archive (`dubao library rebuild`).
//!
//! One writer at a time (tantivy's lock file, `index/.tantivy-writer.lock`, an OS lock
//! that dies with its process); any number of readers, which hold no lock and take in
//! new commits through [`Shelf::refresh`]. A folder in another format is refused with
//! a message naming it, never emptied.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::{Advice, MmapDirectory};
use tantivy::{Index, IndexWriter};

use super::archive::Archive;
use super::drop_behind::DropBehind;
use super::store::{AddSummary, Store, store_err};
use super::{IssueInfo, IssueKey, LibraryError, SearchHit, SearchQuery, Shelf};
use crate::model::{Article, ArticleId, Issue};
use crate::search::engine;

/// The format this dubao reads and writes; bumped whenever the schema, the tokenizers
/// or what is indexed change (2: the page archive beside the index, page lines indexed,
/// and search folding traditional and simplified characters, `crate::text::fold`). An
/// older library is brought to it by `dubao library rebuild`.
pub const FORMAT: u32 = 2;

pub(super) const FORMAT_FILE: &str = "library.json";
pub(super) const INDEX_DIR: &str = "index";

pub use super::reader::REPAIR;

#[derive(Debug, Serialize, Deserialize)]
struct FormatFile {
    format: u32,
}

/// The library in a folder.
pub struct DiskShelf {
    dir: PathBuf,
    store: Store,
}

impl std::fmt::Debug for DiskShelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiskShelf")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> LibraryError {
    store_err(&path.display().to_string(), e)
}

/// The format a library folder says it is in; `None` when it says nothing (new).
pub(super) fn read_format(dir: &Path) -> Result<Option<u32>, LibraryError> {
    let path = dir.join(FORMAT_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice::<FormatFile>(&bytes)
            .map(|f| Some(f.format))
            .map_err(|e| io_err(&path, format!("not a dubao library format file ({e})"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(&path, e)),
    }
}

/// Writes the format file atomically (a temp file renamed over it).
pub(super) fn write_format(dir: &Path) -> Result<(), LibraryError> {
    let path = dir.join(FORMAT_FILE);
    let body = serde_json::to_vec(&FormatFile { format: FORMAT }).unwrap_or_default();
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| io_err(dir, e))?;
    std::io::Write::write_all(&mut tmp, &body).map_err(|e| io_err(&path, e))?;
    tmp.as_file().sync_all().map_err(|e| io_err(&path, e))?;
    tmp.persist(&path).map_err(|e| io_err(&path, e.error))?;
    Ok(())
}

/// The first file the last commit names that is not in the index folder, if any: a
/// segment file gone, found without opening a segment. A file a writer removed after
/// merging its segment away is not damage: the commit is read again, and a file is
/// missing only when the same segments are still named.
fn missing_file(index: &Index, index_dir: &Path) -> Option<PathBuf> {
    use tantivy::index::SegmentComponent as C;
    let always = [
        C::Postings,
        C::Positions,
        C::Terms,
        C::Store,
        C::FastFields,
        C::FieldNorms,
    ];
    let ids = |metas: &[tantivy::index::SegmentMeta]| -> Vec<_> {
        metas.iter().map(|m| (m.id(), m.delete_opstamp())).collect()
    };
    let mut metas = index.searchable_segment_metas().ok()?;
    for _ in 0..3 {
        let there: std::collections::HashSet<std::ffi::OsString> = std::fs::read_dir(index_dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        let gone = metas.iter().find_map(|m| {
            let deletes = m.has_deletes().then_some(C::Delete);
            always
                .iter()
                .cloned()
                .chain(deletes)
                .map(|c| m.relative_path(c))
                .find(|f| !there.contains(f.as_os_str()))
        })?;
        let again = index.searchable_segment_metas().ok()?;
        if ids(&again) == ids(&metas) {
            return Some(index_dir.join(gone));
        }
        metas = again;
    }
    None
}

/// What an index of an older format lacks, for the message that refuses it.
fn older_format_misses(format: u32) -> &'static str {
    match format {
        1 => "does not fold traditional and simplified characters together",
        _ => "is not the one this dubao searches",
    }
}

impl DiskShelf {
    /// Opens the library in `dir`, creating it when the folder is new or empty.
    pub fn open(dir: impl Into<PathBuf>) -> Result<DiskShelf, LibraryError> {
        let dir = dir.into();
        let index_dir = dir.join(INDEX_DIR);
        if !index_dir.join("meta.json").exists() && !Archive::new(&dir).is_empty() {
            return Err(io_err(
                &index_dir,
                format!("the index is missing; {REPAIR}"),
            ));
        }
        std::fs::create_dir_all(&index_dir).map_err(|e| io_err(&dir, e))?;
        Self::check_format(&dir)?;
        let damaged =
            |e: &dyn std::fmt::Display| io_err(&index_dir, format!("damaged ({e}); {REPAIR}"));
        // The reader's map is for random reads: a cold open then reads the few pages
        // each segment's headers need, not the readahead around each (1.2 s → 99 ms
        // for `dubao library` on a library of 78 segments); the writer's is read
        // through.
        let open = |advice: Option<Advice>| {
            let dir: Box<dyn tantivy::Directory> = match advice {
                Some(a) => Box::new(
                    MmapDirectory::open_with_madvice(&index_dir, a).map_err(|e| damaged(&e))?,
                ),
                // The writer's merges read their segments through once: let go of
                // what they have read (see `super::drop_behind`).
                None => Box::new(DropBehind::new(
                    MmapDirectory::open(&index_dir).map_err(|e| damaged(&e))?,
                )),
            };
            Index::builder()
                .schema(engine::schema().0)
                .settings(engine::settings())
                .open_or_create(dir)
                .map_err(|e| damaged(&e))
        };
        let index = open(Some(Advice::Random))?;
        if let Some(gone) = missing_file(&index, &index_dir) {
            return Err(damaged(&format!("FileDoesNotExist({gone:?})")));
        }
        let writing = open(None)?;
        // The reader opens on first use: the issue list and the first issue are read
        // without it (see `super::issue_list`).
        let store = Store::lazy(index, dir.join(super::issue_list::FILE))
            .map_err(|e| damaged(&e))?
            .with_writing_index(writing);
        if read_format(&dir)?.is_none() {
            write_format(&dir)?;
        }
        Ok(DiskShelf { dir, store })
    }

    /// Opens the library in `dir` if there is one; `None` when the folder holds none.
    pub fn open_existing(dir: impl Into<PathBuf>) -> Result<Option<DiskShelf>, LibraryError> {
        let dir = dir.into();
        if !dir.join(FORMAT_FILE).exists()
            && !dir.join(INDEX_DIR).join("meta.json").exists()
            && Archive::new(&dir).is_empty()
        {
            return Ok(None);
        }
        Self::open(dir).map(Some)
    }

    fn check_format(dir: &Path) -> Result<(), LibraryError> {
        match read_format(dir)? {
            None => Ok(()),
            Some(f) if f == FORMAT => Ok(()),
            Some(f) if f > FORMAT => Err(io_err(
                dir,
                format!(
                    "this library was written by a newer dubao (format {f}; this one reads {FORMAT}); \
                     update dubao, or move the folder away and import again"
                ),
            )),
            Some(f) => Err(io_err(
                dir,
                format!(
                    "this library was written by an older dubao (format {f}; this one reads {FORMAT}): \
                     its search index {}; it is left as it is until `dubao library rebuild` brings it to this format, keeping every page and id",
                    older_format_misses(f)
                ),
            )),
        }
    }

    /// True when nothing has been imported yet.
    pub fn is_empty(&self) -> bool {
        let metas = self.store.index.searchable_segment_metas();
        metas.is_ok_and(|m| m.iter().all(|s| s.num_docs() == 0))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Adds issues in one commit (see [`Importer`] to add in several).
    pub fn add_issues(&self, issues: &[Issue]) -> Result<AddSummary, LibraryError> {
        let mut importer = self.importer()?;
        let sum = importer.add(issues)?;
        importer.finish()?;
        Ok(sum)
    }

    /// The one writer: fails at once, saying so, while another process holds it.
    pub fn importer(&self) -> Result<Importer<'_>, LibraryError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        Ok(Importer {
            archive: Archive::new(&self.dir),
            store: &self.store,
            writer: self.store.writer(threads)?,
            dirty: false,
        })
    }

    /// Bytes the library takes on disk.
    pub fn size_on_disk(&self) -> u64 {
        fn walk(p: &Path) -> u64 {
            let Ok(entries) = std::fs::read_dir(p) else {
                return 0;
            };
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => walk(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        }
        walk(&self.dir)
    }
}

/// Adds issues to the library through its one writer; [`Importer::commit`] makes what
/// was added so far visible and durable, all of it or none.
pub struct Importer<'a> {
    /// Written before the index, so a page in the index is always in the archive.
    archive: Archive,
    store: &'a Store,
    writer: IndexWriter,
    /// Something was added or replaced since the last commit.
    dirty: bool,
}

impl Importer<'_> {
    pub fn add(&mut self, issues: &[Issue]) -> Result<AddSummary, LibraryError> {
        self.archive.add(issues)?;
        let sum = self.store.add(&self.writer, issues)?;
        self.dirty |= sum.pages > sum.pages_unchanged;
        self.store.let_go_of_merged();
        Ok(sum)
    }

    /// Commits what was added; nothing at all (no new commit for readers to take in)
    /// when every page was already there as it is.
    pub fn commit(&mut self) -> Result<(), LibraryError> {
        if !self.dirty {
            return Ok(());
        }
        self.dirty = false;
        self.store.commit(&mut self.writer)
    }

    /// Commits, then waits for background merges so the index is left compact.
    pub fn finish(mut self) -> Result<(), LibraryError> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| store_err("library merge", e))?;
        self.store.refresh();
        self.store.let_go_of_merged();
        // The issue list of the segments this import left, for the next open.
        self.store.save_issue_list();
        Ok(())
    }
}

impl Shelf for DiskShelf {
    fn issues(&self) -> Vec<IssueInfo> {
        self.store.issues()
    }

    fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError> {
        self.store.load_issue(key)
    }

    fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)> {
        self.store.article(id)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError> {
        self.store.search(query)
    }

    fn count(&self, query: &SearchQuery) -> Result<usize, LibraryError> {
        self.store.count(query)
    }

    fn search_pages(&self, query: &SearchQuery) -> Result<Vec<super::PageHit>, LibraryError> {
        self.store.search_pages(query)
    }

    fn refresh(&self) -> bool {
        self.store.refresh()
    }

    /// Opens the index reader on a thread of its own (the issue list and the first
    /// issue do not wait for it; a search does).
    fn index_in_background(&self) {
        self.store.reader.open_in_background();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_library(dir: &Path) -> DiskShelf {
        let shelf = DiskShelf::open(dir).unwrap();
        let mut second = crate::import::load_bundled().issues;
        second[0].date = "2022-07-02".into();
        shelf
            .add_issues(&crate::import::load_bundled().issues)
            .unwrap();
        shelf.add_issues(&second).unwrap();
        shelf
    }

    #[test]
    fn the_list_and_newest_issue_are_read_without_the_reader_and_the_same_after() {
        let dir = tempfile::tempdir().unwrap();
        drop(bundled_library(dir.path()));
        assert!(dir.path().join(super::super::issue_list::FILE).exists());
        let shelf = DiskShelf::open(dir.path()).unwrap();
        let issues = shelf.issues();
        let newest = shelf.load_issue(&issues[1].key).unwrap();
        assert!(shelf.store.reader.ready().is_none(), "no reader opened");
        assert_eq!(issues.len(), 2);
        assert_eq!(newest.date, "2022-07-02");
        // The same through the reader.
        shelf.store.reader.get().unwrap();
        assert_eq!(shelf.issues(), issues);
        assert_eq!(shelf.load_issue(&issues[1].key).unwrap(), newest);
        // Without its file the list is read again from the segments.
        std::fs::remove_file(dir.path().join(super::super::issue_list::FILE)).unwrap();
        assert_eq!(DiskShelf::open(dir.path()).unwrap().issues(), issues);
    }

    #[test]
    fn adding_to_a_library_opens_no_reader_and_tells_new_changed_and_same_pages_apart() {
        let dir = tempfile::tempdir().unwrap();
        drop(bundled_library(dir.path()));
        let lib = crate::import::load_bundled().issues;
        let shelf = DiskShelf::open(dir.path()).unwrap();
        let same = shelf.add_issues(&lib).unwrap();
        assert_eq!((same.pages, same.pages_unchanged), (1, 1), "{same:?}");
        let mut changed = lib.clone();
        changed[0].pages[0].articles[0].title = "新标题".into();
        let mut extra = lib[0].clone();
        extra.pages[0].number = "09".into();
        extra.date = "2022-07-02".into();
        let mut new_day = lib[0].clone();
        new_day.date = "2022-07-03".into();
        let sum = shelf
            .add_issues(&[changed[0].clone(), extra, new_day])
            .unwrap();
        let n = lib[0].pages[0].articles.len();
        assert_eq!(sum.pages_unchanged, 0, "{sum:?}");
        assert_eq!(
            (sum.articles_replaced, sum.articles_added),
            (n, 2 * n),
            "{sum:?}"
        );
        assert!(
            shelf.store.reader.ready().is_none(),
            "no reader opened to add"
        );
        let issues = shelf.issues();
        assert_eq!(issues.len(), 3);
        assert_eq!(issues[1].pages, 2, "a page added to an issue already there");
        let first = shelf.load_issue(&issues[0].key).unwrap();
        assert_eq!(first.pages[0].articles[0].title, "新标题");
        // The same through a reader: nothing changes again.
        shelf.store.reader.get().unwrap();
        let again = shelf.add_issues(&[changed[0].clone()]).unwrap();
        assert_eq!(again.pages_unchanged, 1, "{again:?}");
    }

    #[test]
    fn a_segment_file_gone_is_named_at_open() {
        let dir = tempfile::tempdir().unwrap();
        drop(bundled_library(dir.path()));
        let store = std::fs::read_dir(dir.path().join(INDEX_DIR))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "store"))
            .unwrap();
        std::fs::remove_file(&store).unwrap();
        let e = DiskShelf::open(dir.path()).unwrap_err().to_string();
        let name = store.file_name().unwrap().to_string_lossy().to_string();
        assert!(e.contains(&name) && e.contains(REPAIR), "{e}");
    }
}
