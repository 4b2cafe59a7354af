//! The index reader, opened only when something needs it: a search, an article by id,
//! an import. The issue list and the newest issue are read without it (see
//! [`super::issue_list`]), so a library of any size opens at once; the reader opens on
//! first use, or on a thread of its own ([`LazyReader::open_in_background`]) while
//! the reader shows the first issue.
//!
//! Opening it opens every segment of the index. With the page cache cold each segment
//! costs a few disk reads that tantivy makes in turn; [`warm_segments`] first makes them
//! on several threads, so the disk answers them together (on 78 segments, 99 → 69 ms).

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::{Index, IndexReader, ReloadPolicy};

use super::LibraryError;
use crate::search::engine;

/// What to run when the index cannot be used.
pub const REPAIR: &str = "`dubao library rebuild` rebuilds it from the stored pages";

/// Decompressed blocks of stored pages each segment's reader keeps. Tantivy's default
/// is 100 a segment: on the ten papers x ten years library (192 segments), 160
/// keystrokes of search kept 65 MB anonymous, against 40 MB with 2 (resident 314-319 ->
/// 295 MB) at search p99 per keystroke 7.6 -> 9.9 ms (`examples/library_bench.rs`).
pub const STORE_BLOCKS: usize = 2;

/// Segments opened together at the least before [`warm_segments`] is worth it, and the
/// threads it opens them on (they wait on the disk, not the CPU).
const WARM_FROM: usize = 8;
const WARM_THREADS: usize = 8;

/// An index's reader, opened once, when first asked for. A failed open is not kept:
/// the next use tries again (a writer's merge may have raced it).
pub struct LazyReader {
    inner: Arc<Inner>,
    started: AtomicBool,
}

struct Inner {
    index: Index,
    cell: OnceLock<IndexReader>,
    /// Held while opening, so a search waits for the thread opening it.
    opening: Mutex<()>,
    /// The commit read before the reader opened: it holds that one or a newer.
    opened_at: AtomicU64,
}

impl Inner {
    fn get(&self) -> Result<&IndexReader, String> {
        if let Some(r) = self.cell.get() {
            return Ok(r);
        }
        let _opening = self.opening.lock().map_err(|e| e.to_string())?;
        if let Some(r) = self.cell.get() {
            return Ok(r);
        }
        let stamp = self.index.load_metas().map_or(0, |m| m.opstamp);
        warm_segments(&self.index);
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(STORE_BLOCKS)
            .try_into()
            .map_err(|e: tantivy::TantivyError| e.to_string())?;
        self.opened_at.store(stamp, Ordering::Relaxed);
        Ok(self.cell.get_or_init(|| reader))
    }
}

impl LazyReader {
    /// A reader opened now: an error when the index cannot be read.
    pub fn now(index: &Index) -> Result<LazyReader, LibraryError> {
        let r = LazyReader::later(index);
        r.get()?;
        Ok(r)
    }

    /// A reader opened on first use.
    pub fn later(index: &Index) -> LazyReader {
        LazyReader {
            inner: Arc::new(Inner {
                index: index.clone(),
                cell: OnceLock::new(),
                opening: Mutex::new(()),
                opened_at: AtomicU64::new(0),
            }),
            started: AtomicBool::new(false),
        }
    }

    /// The reader, opened now if it is not yet (waiting for a thread opening it).
    pub fn get(&self) -> Result<&IndexReader, LibraryError> {
        self.inner.get().map_err(|e| LibraryError::Store {
            what: "library index".into(),
            why: format!("damaged ({e}); {REPAIR}"),
        })
    }

    /// The reader if it is open already.
    pub fn ready(&self) -> Option<&IndexReader> {
        self.inner.cell.get()
    }

    /// Whether the open reader may hold a commit older than `opstamp` (one made while
    /// it was opening): it is then reloaded even though the commit was seen before.
    pub fn behind(&self, opstamp: u64) -> bool {
        self.inner.opened_at.load(Ordering::Relaxed) < opstamp
    }

    /// The open reader was reloaded on commit `opstamp`.
    pub fn caught_up(&self, opstamp: u64) {
        self.inner.opened_at.fetch_max(opstamp, Ordering::Relaxed);
    }

    /// Opens the reader on a thread of its own (once; nothing when it is open).
    pub fn open_in_background(&self) {
        if self.ready().is_some() || self.started.swap(true, Ordering::Relaxed) {
            return;
        }
        let inner = self.inner.clone();
        let spawned = std::thread::Builder::new()
            .name("dubao-index-open".into())
            .spawn(move || {
                let _ = inner.get();
            });
        if spawned.is_err() {
            self.started.store(false, Ordering::Relaxed);
        }
    }
}

/// Opens every segment of `index` once, several at a time, with the parts a search and
/// the issue list read first, before the reader opens them one by one. The segments
/// opened (none for a small index).
fn warm_segments(index: &Index) -> usize {
    let Ok(segments) = index.searchable_segments() else {
        return 0;
    };
    if segments.len() < WARM_FROM {
        return 0;
    }
    let opened = AtomicUsize::new(0);
    let opened = &opened;
    let kind = engine::fields_of(&index.schema()).map(|f| f.kind);
    let per_thread = segments.len().div_ceil(WARM_THREADS);
    std::thread::scope(|scope| {
        for chunk in segments.chunks(per_thread) {
            scope.spawn(move || {
                for segment in chunk {
                    let Ok(reader) = tantivy::SegmentReader::open(segment) else {
                        continue;
                    };
                    opened.fetch_add(1, Ordering::Relaxed);
                    if let Some(kind) = kind {
                        let _ = reader.inverted_index(kind);
                    }
                    let ff = reader.fast_fields();
                    let _ = (ff.str("issue_key"), ff.str("paper_name"));
                    let _ = (ff.u64("articles"), ff.u64("order"), ff.u64("day"));
                }
            });
        }
    });
    opened.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use tantivy::IndexWriter;

    /// An index of `n` segments, one document each (no merges).
    pub(crate) fn segments(dir: &Path, n: usize) -> Index {
        let index = Index::create_in_dir(dir, engine::schema().0).unwrap();
        engine::register_tokenizers(&index);
        let f = engine::fields_of(&index.schema()).unwrap();
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for i in 0..n {
            let mut doc = tantivy::TantivyDocument::default();
            doc.add_u64(f.kind, engine::KIND_PAGE);
            doc.add_text(f.issue_key, format!("p\t2024-01-{:02}", i + 1));
            w.add_document(doc).unwrap();
            w.commit().unwrap();
        }
        index
    }

    #[test]
    fn warming_opens_every_segment_of_a_large_index_and_none_of_a_small_one() {
        let dir = tempfile::tempdir().unwrap();
        let index = segments(dir.path(), WARM_FROM + 2);
        assert_eq!(warm_segments(&index), WARM_FROM + 2);
        let small = tempfile::tempdir().unwrap();
        assert_eq!(warm_segments(&segments(small.path(), 2)), 0);
    }

    #[test]
    fn a_reader_opened_later_is_opened_once_on_first_use_or_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        let index = segments(dir.path(), 3);
        let r = LazyReader::later(&index);
        assert!(r.ready().is_none(), "nothing opened until asked");
        assert_eq!(r.get().unwrap().searcher().num_docs(), 3);
        assert!(r.ready().is_some());
        let b = LazyReader::later(&index);
        b.open_in_background();
        b.open_in_background();
        assert_eq!(b.get().unwrap().searcher().num_docs(), 3);
    }

    #[test]
    fn a_reader_of_a_damaged_index_says_so_and_names_the_repair() {
        let dir = tempfile::tempdir().unwrap();
        let index = segments(dir.path(), 1);
        for e in std::fs::read_dir(dir.path()).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "term") {
                std::fs::remove_file(p).unwrap();
            }
        }
        let r = LazyReader::later(&index);
        let e = r.get().err().unwrap().to_string();
        assert!(e.contains("damaged") && e.contains(REPAIR), "{e}");
        assert!(LazyReader::now(&index).is_err());
        assert!(
            r.ready().is_none(),
            "a failed open is not kept: tried again next time"
        );
    }
}
