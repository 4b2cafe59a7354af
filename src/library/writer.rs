//! How the library's one index writer is held to a bounded memory, whatever the size of
//! an import: a memory budget for its threads ([`budget`]), merges that never read more
//! than [`MERGE_DOCS`] documents, one merge at a time ([`BoundedMerges`]), and an importer that never
//! runs more than [`AHEAD_BYTES`] of text ahead of the writer's threads ([`Pace`]).
//!
//! Tantivy queues up to 10,000 documents for its threads; a page with its articles is
//! about 50 KB, so a queue left to fill holds some 100 MB, and a merge maps every
//! segment it reads (a library's whole index, at its last merges). With glibc, the
//! process keeps to [`MALLOC_ARENAS`] malloc arenas, trimmed, once a writer is made: each thread
//! of a writer (indexing, merging, compressing) otherwise gets an arena of its own,
//! holding on to what it freed (some 50 MB over an import).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tantivy::index::SegmentMeta;
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// The bytes budget of each of a writer's indexing threads, and of all of them.
const THREAD_BYTES: usize = 32_000_000;
const WRITER_BYTES: usize = 64_000_000;
/// The budget of a writer of one thread.
const ONE_THREAD_BYTES: usize = 30_000_000;

/// The memory budget of a writer with `threads` indexing threads.
pub fn budget(threads: usize) -> usize {
    if threads <= 1 {
        ONE_THREAD_BYTES
    } else {
        (threads * THREAD_BYTES).min(WRITER_BYTES)
    }
}

/// The most documents (alive or deleted) one merge reads: about 100 MB of index, a
/// year of a 16-page daily in two or three segments.
pub const MERGE_DOCS: u32 = 20_000;

/// Malloc arenas for the whole process once a writer is made.
const MALLOC_ARENAS: i32 = 2;

/// Free memory at the top of a malloc heap kept for later, at the most. Setting it also
/// stops glibc raising its mmap threshold as blocks are freed, so the writer's 1 MB
/// arena pages stay mapped apart and go back to the system when a segment is written,
/// not into a heap that only grows (two years imported: peak 317 → 230 MB at the same
/// CPU).
const MALLOC_TRIM_BYTES: i32 = 16 << 20;

/// Keeps the process to [`MALLOC_ARENAS`] malloc arenas that give back what is freed
/// ([`MALLOC_TRIM_BYTES`]) (glibc only; once).
pub fn few_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only sets a tunable of glibc's allocator; any thread may
        // call it at any time, and arenas made before keep working.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_ARENA_MAX, MALLOC_ARENAS);
            libc::mallopt(libc::M_TRIM_THRESHOLD, MALLOC_TRIM_BYTES);
        });
    }
}

/// Merges run at once (tantivy's default is 4, each mapping what it reads).
pub const MERGE_THREADS: usize = 1;

/// Segments merged together at the least.
const MERGE_AT_LEAST: usize = 4;

/// Merges the smallest segments, at least [`MERGE_AT_LEAST`] at a time and never more
/// than [`MERGE_DOCS`] documents in one merge; a segment as large leaves merging.
#[derive(Debug, Clone, Copy)]
pub struct BoundedMerges {
    pub max_docs: u32,
    pub at_least: usize,
}

impl Default for BoundedMerges {
    fn default() -> BoundedMerges {
        BoundedMerges {
            max_docs: MERGE_DOCS,
            at_least: MERGE_AT_LEAST,
        }
    }
}

impl BoundedMerges {
    /// Groups of segment sizes (`(index, docs)`, smallest first) to merge.
    fn groups(&self, mut sizes: Vec<(usize, u32)>) -> Vec<Vec<usize>> {
        sizes.sort_by_key(|&(_, n)| n);
        let mut groups = Vec::new();
        let mut group: Vec<usize> = Vec::new();
        let mut total = 0u32;
        for (i, n) in sizes {
            if total.saturating_add(n) > self.max_docs {
                if group.len() >= self.at_least {
                    groups.push(std::mem::take(&mut group));
                }
                group.clear();
                total = 0;
                if n.saturating_mul(self.at_least as u32) > self.max_docs {
                    // Every segment from here on is too large to merge with others.
                    break;
                }
            }
            group.push(i);
            total += n;
        }
        if group.len() >= self.at_least {
            groups.push(group);
        }
        groups
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes = segments
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.max_doc()))
            .collect();
        self.groups(sizes)
            .into_iter()
            .map(|g| MergeCandidate(g.into_iter().map(|i| segments[i].id()).collect()))
            .collect()
    }
}

/// Text an importer may send ahead of what the writer's threads have taken up.
pub const AHEAD_BYTES: usize = 8 << 20;

/// Waiting longer than this with no progress of the writer's threads: go on anyway
/// (they have stopped, and the writer will say why).
const STALLED: Duration = Duration::from_secs(10);

/// The text sent to the writer and the text its threads have taken up (counted by the
/// pair tokenizer, see [`crate::search::engine::register_counting_tokenizers`]).
#[derive(Debug, Default)]
pub struct Pace {
    pub sent: AtomicUsize,
    pub taken: Arc<AtomicUsize>,
}

impl Pace {
    /// Counts `bytes` of text sent to the writer.
    pub fn send(&self, bytes: usize) {
        self.sent.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Starts again from what was taken up (a new writer: what an earlier one dropped
    /// will never be).
    pub fn reset(&self) {
        self.sent
            .store(self.taken.load(Ordering::Relaxed), Ordering::Relaxed);
    }

    /// Waits while more than [`AHEAD_BYTES`] sent are not yet taken up.
    pub fn keep(&self) {
        let mut last = (self.taken.load(Ordering::Relaxed), Instant::now());
        loop {
            let taken = self.taken.load(Ordering::Relaxed);
            if self.sent.load(Ordering::Relaxed).saturating_sub(taken) <= AHEAD_BYTES {
                return;
            }
            if taken != last.0 {
                last = (taken, Instant::now());
            } else if last.1.elapsed() > STALLED {
                self.reset();
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_take_the_smallest_and_stay_bounded() {
        let p = BoundedMerges {
            max_docs: 100,
            at_least: 3,
        };
        let sizes = |v: &[u32]| v.iter().copied().enumerate().collect::<Vec<_>>();
        assert_eq!(p.groups(sizes(&[10, 10])), Vec::<Vec<usize>>::new());
        assert_eq!(p.groups(sizes(&[30, 10, 20, 90])), vec![vec![1, 2, 0]]);
        // The second 40 would make 130: the group closes before it.
        assert_eq!(
            p.groups(sizes(&[5, 5, 5, 5, 40, 40, 30])),
            vec![vec![0, 1, 2, 3, 6, 4]]
        );
        assert!(
            p.groups(sizes(&[40, 40, 40])).is_empty(),
            "too large to merge"
        );
    }

    #[test]
    fn the_pace_waits_for_the_writer_and_never_forever() {
        let pace = Arc::new(Pace::default());
        pace.send(AHEAD_BYTES);
        pace.keep(); // not ahead yet: no wait
        pace.send(1000);
        let taken = pace.taken.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            taken.fetch_add(1000, Ordering::Relaxed);
        });
        let start = Instant::now();
        pace.keep();
        assert!(start.elapsed() >= Duration::from_millis(15));
        t.join().unwrap();
    }
}
