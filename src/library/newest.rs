//! Search hits newest first (then page order) across an index's segments, reading as
//! little as the newest hits need.
//!
//! Segments are read newest first, by the greatest `order` each holds; once enough hits
//! are held, a segment whose newest document is older than every one of them is not
//! read at all. Within a segment whose documents were added day by day (days never go
//! back as doc ids grow: an import adds issues oldest first, and merges keep that order
//! for the segments it has made), hits are read from the end in growing windows, and
//! the rest of the segment is left once every document before the window is older than
//! every hit held. A common query then reads the newest few hundred documents of a few
//! segments; a rare one reads every segment's short posting lists.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use tantivy::collector::Count;
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::{DocAddress, DocId, DocSet, Searcher, SegmentReader, TERMINATED};

use super::LibraryError;

/// Documents in a segment's last window, read first; each window before is
/// [`GROWTH`] times as long.
pub const FIRST_WINDOW: u32 = 2048;
const GROWTH: u32 = 4;

/// Segments at the least for a search to read them on several threads (each thread
/// every n-th segment, newest first), and the threads at the most: a search reading
/// every segment's posting lists (a rare phrase) is then done in half the time on two
/// cores.
const PARALLEL_FROM: usize = 16;
const MAX_THREADS: usize = 4;

/// Which segments have their days in doc id order, found once per segment.
#[derive(Default)]
pub struct DayOrder {
    known: Mutex<HashMap<SegmentId, bool>>,
}

impl DayOrder {
    fn ascending(&self, seg: &SegmentReader, order: &Column<u64>) -> bool {
        let id = seg.segment_id();
        let known = self.known.lock().ok().and_then(|k| k.get(&id).copied());
        if let Some(a) = known {
            return a;
        }
        let ascending = days_ascend(order);
        if let Ok(mut k) = self.known.lock() {
            k.insert(id, ascending);
        }
        ascending
    }
}

/// Whether the days of `order`'s values never go back, in doc id order (values are
/// kept in doc id order; documents without one are left out), decoded in blocks.
fn days_ascend(order: &Column<u64>) -> bool {
    let values = &order.values;
    let n = u64::from(values.num_vals());
    let mut block = vec![0u64; 4096];
    let (mut at, mut last) = (0u64, 0u64);
    while at < n {
        let len = (n - at).min(block.len() as u64) as usize;
        values.get_range(at, &mut block[..len]);
        for &o in &block[..len] {
            if o >> 32 < last {
                return false;
            }
            last = o >> 32;
        }
        at += len as u64;
    }
    true
}

/// A hit's key: greater is newer, then earlier in the issue.
type Key = (Option<u64>, Reverse<DocAddress>);

/// The best `want` hits so far, the worst on top; with the threads reading other
/// segments, the newest `order` any one of them knows the best `want` are newer than
/// (plus one; 0: none yet), so none reads a segment another has made useless.
struct Best<'a> {
    want: usize,
    heap: BinaryHeap<Reverse<Key>>,
    shared: &'a AtomicU64,
}

impl Best<'_> {
    fn new(want: usize, shared: &AtomicU64) -> Best<'_> {
        Best {
            want,
            heap: BinaryHeap::new(),
            shared,
        }
    }

    fn full(&self) -> bool {
        self.heap.len() >= self.want
    }

    /// The best `want` hits, here or on another thread, are all newer than `key`.
    fn all_newer_than(&self, key: Option<u64>) -> bool {
        let shared = self.shared.load(Ordering::Relaxed);
        (shared > 0 && Some(shared - 1) > key)
            || (self.full() && self.heap.peek().is_some_and(|w| (w.0).0 > key))
    }

    /// Tells the other threads how new this one's worst hit is, once it holds `want`.
    fn publish(&self) {
        if let Some(Some(o)) = self.heap.peek().filter(|_| self.full()).map(|w| (w.0).0) {
            self.shared
                .fetch_max(o.saturating_add(1), Ordering::Relaxed);
        }
    }

    fn offer(&mut self, key: Key) {
        if self.heap.len() < self.want {
            self.heap.push(Reverse(key));
        } else if self.heap.peek().is_some_and(|w| w.0 < key) {
            self.heap.pop();
            self.heap.push(Reverse(key));
        }
    }

    /// Offers every alive hit of `scorer` from where it is to `end` (exclusive).
    fn take(&mut self, scorer: &mut dyn Scorer, end: DocId, seg: &SegmentReader, at: Ctx) {
        let mut doc = scorer.doc();
        while doc < end {
            if !seg.is_deleted(doc) {
                let order = at.1.and_then(|c| c.first(doc));
                self.offer((order, Reverse(DocAddress::new(at.0, doc))));
            }
            doc = scorer.advance();
        }
        self.publish();
    }
}

/// A segment's ordinal and its `order` column.
type Ctx<'a> = (u32, Option<&'a Column<u64>>);

/// The greatest key any document before `start` can have, in a segment whose days
/// ascend: the end of the day of the last document before it that has one.
fn bound_before(order: &Column<u64>, start: DocId) -> Option<u64> {
    (0..start)
        .rev()
        .find_map(|d| order.first(d))
        .map(|o| o | 0xFFFF_FFFF)
}

/// Reads a segment whose days ascend from its end, window by window.
fn read_from_end(
    weight: &dyn Weight,
    seg: &SegmentReader,
    at: Ctx,
    order: &Column<u64>,
    best: &mut Best,
    first_window: u32,
) -> tantivy::Result<()> {
    let mut end = seg.max_doc();
    let mut window = first_window.max(1);
    let mut scorer = weight.scorer(seg, 1.0)?;
    // Too few hits for the last window to hold enough: read them all at once.
    let hits = u64::from(scorer.size_hint());
    if hits * u64::from(window) < best.want as u64 * u64::from(end) {
        best.take(scorer.as_mut(), TERMINATED, seg, at);
        return Ok(());
    }
    while end > 0 {
        let start = end.saturating_sub(window);
        if start > scorer.doc() {
            scorer.seek(start);
        }
        best.take(scorer.as_mut(), end, seg, at);
        if start == 0 || best.all_newer_than(bound_before(order, start)) {
            break;
        }
        end = start;
        window = window.saturating_mul(GROWTH);
        scorer = weight.scorer(seg, 1.0)?;
    }
    Ok(())
}

/// `work(t)` for each thread `t` of `threads`, on threads of their own when more than
/// one; `None` when one of them stopped (panicked).
pub(super) fn on_threads<T: Send>(
    threads: usize,
    work: &(dyn Fn(usize) -> T + Sync),
) -> Option<Vec<T>> {
    if threads <= 1 {
        return Some(vec![work(0)]);
    }
    std::thread::scope(|s| {
        let running: Vec<_> = (0..threads).map(|t| s.spawn(move || work(t))).collect();
        running.into_iter().map(|r| r.join().ok()).collect()
    })
}

/// The documents matching `query`, newest first (then page order), `limit` of them after
/// skipping `offset` (`limit` 0: every one), with their `order`.
pub fn newest_first(
    searcher: &Searcher,
    query: &dyn Query,
    page: (usize, usize),
    days: &DayOrder,
    first_window: u32,
) -> Result<Vec<(Option<u64>, DocAddress)>, LibraryError> {
    newest_first_on(searcher, query, page, days, (first_window, 0))
}

/// [`newest_first`] on `threads` threads (0: as many as the segments are worth).
fn newest_first_on(
    searcher: &Searcher,
    query: &dyn Query,
    (limit, offset): (usize, usize),
    days: &DayOrder,
    (first_window, threads): (u32, usize),
) -> Result<Vec<(Option<u64>, DocAddress)>, LibraryError> {
    let err = |e: tantivy::TantivyError| LibraryError::Store {
        what: "library search".into(),
        why: e.to_string(),
    };
    let limit = match limit {
        0 => searcher.search(query, &Count).map_err(err)?,
        n => n,
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let weight = query
        .weight(EnableScoring::disabled_from_searcher(searcher))
        .map_err(err)?;
    // Each segment with its `order` column and the newest it holds, newest first.
    let mut segments: Vec<(u64, u32, Option<Column<u64>>)> = Vec::new();
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let order = seg.fast_fields().u64("order").ok();
        let newest = order.as_ref().map_or(0, |c| c.max_value());
        segments.push((newest, ord as u32, order));
    }
    segments.sort_by_key(|s| Reverse((s.0, s.1)));
    let want = limit.saturating_add(offset);
    let threads = match threads {
        0 if segments.len() >= PARALLEL_FROM => {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
        }
        0 => 1,
        n => n,
    };
    let shared = AtomicU64::new(0);
    // Every `threads`-th segment to each thread, so each reads from the newest.
    let scan = |first: usize| -> tantivy::Result<Best> {
        let mut best = Best::new(want, &shared);
        for (newest, ord, order) in segments.iter().skip(first).step_by(threads) {
            if best.all_newer_than(Some(*newest)) {
                break;
            }
            let seg = searcher.segment_reader(*ord);
            let at = (*ord, order.as_ref());
            match order.as_ref().filter(|o| days.ascending(seg, o)) {
                Some(o) => read_from_end(weight.as_ref(), seg, at, o, &mut best, first_window)?,
                None => best.take(weight.scorer(seg, 1.0)?.as_mut(), TERMINATED, seg, at),
            }
        }
        Ok(best)
    };
    let stopped = || tantivy::TantivyError::InternalError("a search thread stopped".into());
    let parts = on_threads(threads, &scan).ok_or_else(|| err(stopped()))?;
    let mut best = Best::new(want, &shared);
    for part in parts {
        for Reverse(key) in part.map_err(err)?.heap {
            best.offer(key);
        }
    }
    // Sorted ascending by `Reverse` keys: the best first.
    Ok(best
        .heap
        .into_sorted_vec()
        .into_iter()
        .skip(offset)
        .map(|Reverse((order, Reverse(addr)))| (order, addr))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::engine::{self, Filter, KIND_ARTICLE};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    /// Days of each segment's documents in doc id order (each committed apart, no
    /// merges); every third document holds `农业`, and every fifth has no `order`.
    fn index(segments: &[Vec<u64>]) -> Index {
        let index = Index::create_in_ram(engine::schema().0);
        engine::register_tokenizers(&index);
        let f = engine::fields_of(&index.schema()).unwrap();
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let mut n = 0;
        for days in segments {
            for &day in days {
                let mut doc = TantivyDocument::default();
                doc.add_u64(f.kind, KIND_ARTICLE);
                doc.add_text(f.chars, if n % 3 == 0 { "农业" } else { "别的" });
                doc.add_text(f.pairs, if n % 3 == 0 { "农业" } else { "别的" });
                if n % 5 != 4 {
                    doc.add_u64(f.order, engine::order_key(day, 1, n % 7));
                }
                w.add_document(doc).unwrap();
                n += 1;
            }
            w.commit().unwrap();
        }
        index
    }

    /// Every hit read whole, sorted: what any window must give.
    fn all(searcher: &Searcher, q: &dyn Query) -> Vec<(Option<u64>, DocAddress)> {
        newest_first(searcher, q, (0, 0), &DayOrder::default(), u32::MAX).unwrap()
    }

    #[test]
    fn many_segments_read_on_several_threads_give_the_hits_one_thread_gives() {
        let segs: Vec<Vec<u64>> = (0..PARALLEL_FROM as u64 + 3)
            .map(|s| (0..7).map(|i| 20_240_101 + (s * 5 + i * 3) % 17).collect())
            .collect();
        let index = index(&segs);
        let searcher = index.reader().unwrap().searcher();
        let f = engine::fields_of(&index.schema()).unwrap();
        let q = engine::query(&f, "农业", &Filter::default(), &|_| 0).unwrap();
        let days = DayOrder::default();
        let one = |page| newest_first_on(&searcher, q.as_ref(), page, &days, (4, 1)).unwrap();
        let whole = one((0, 0));
        assert_eq!(whole.len(), 45);
        for threads in [0, 2, 3, 4] {
            for page in [(1, 0), (3, 2), (20, 0), (20, 30), (0, 0)] {
                let got =
                    newest_first_on(&searcher, q.as_ref(), page, &days, (4, threads)).unwrap();
                assert_eq!(got, one(page), "{threads} threads, {page:?}");
            }
        }
    }

    #[test]
    fn windows_from_the_end_give_the_same_hits_as_reading_everything() {
        let ascending: Vec<u64> = (0..60).map(|i| 20_240_101 + i / 4).collect();
        let mixed: Vec<u64> = (0..40).map(|i| 20_240_101 + (i * 7) % 13).collect();
        let index = index(&[ascending.clone(), mixed, ascending[..9].to_vec()]);
        let searcher = index.reader().unwrap().searcher();
        let f = engine::fields_of(&index.schema()).unwrap();
        let q = engine::query(&f, "农业", &Filter::default(), &|_| 0).unwrap();
        let whole = all(&searcher, q.as_ref());
        assert_eq!(whole.len(), 37);
        let days = DayOrder::default();
        for window in [1, 2, 3, 5, 8, 64] {
            for limit in [1, 2, 5, 20, 37, 50] {
                for offset in [0, 1, 7, 36] {
                    let got = newest_first(&searcher, q.as_ref(), (limit, offset), &days, window)
                        .unwrap();
                    let want: Vec<_> = whole.iter().skip(offset).take(limit).cloned().collect();
                    assert_eq!(got, want, "window {window} limit {limit} offset {offset}");
                }
            }
        }
        for threads in [2, 3] {
            let got = newest_first_on(&searcher, q.as_ref(), (5, 2), &days, (2, threads)).unwrap();
            assert_eq!(got, whole[2..7].to_vec(), "{threads} threads");
        }
        let seg = |i: usize| searcher.segment_reader(i as u32);
        let order = |i: usize| seg(i).fast_fields().u64("order").unwrap();
        assert!(days.ascending(seg(0), &order(0)));
        assert!(!days.ascending(seg(1), &order(1)));
    }
}
