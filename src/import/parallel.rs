//! Files read and parsed on every core while the caller takes the results one by one in
//! the files' own order (so ids and replacements never depend on which thread was
//! faster), with at most a window of results waiting (memory stays bounded, whatever
//! the number of files).

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Condvar, Mutex};

/// Results that may wait, done but not yet taken, per worker thread.
const WINDOW_PER_THREAD: usize = 16;

/// Workers for `items` items: the machine's cores (one when there is a single item).
pub fn threads_for(items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(items).max(1)
}

/// What the workers share.
struct Shared<T> {
    items: Vec<T>,
    /// The next item to start.
    next: AtomicUsize,
    /// The iterator was dropped: start nothing more.
    stop: AtomicBool,
    /// How many results were taken, for workers to wait on.
    taken: Mutex<usize>,
    turn: Condvar,
    window: usize,
}

impl<T> Shared<T> {
    /// Waits until item `i` is within the window of the results taken; false when
    /// stopped.
    fn wait_turn(&self, i: usize) -> bool {
        let Ok(mut n) = self.taken.lock() else {
            return false;
        };
        while i >= *n + self.window && !self.stop.load(Ordering::SeqCst) {
            n = match self.turn.wait(n) {
                Ok(n) => n,
                Err(_) => return false,
            };
        }
        !self.stop.load(Ordering::SeqCst)
    }
}

/// `work` done on every item on `threads` threads; the iterator gives `(item, result)`
/// in the items' order, each as soon as it and all before it are done. Dropping it
/// stops the work (items not yet started are never worked on).
pub struct InOrder<T, R> {
    shared: Arc<Shared<T>>,
    results: Receiver<(usize, Option<R>)>,
    waiting: Vec<Option<R>>,
    want: usize,
    work: Arc<Work<T, R>>,
}

type Work<T, R> = dyn Fn(&T) -> R + Send + Sync;

/// Starts `work` on `items` (see [`InOrder`]).
pub fn in_order<T, R>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(&T) -> R + Send + Sync + 'static,
) -> InOrder<T, R>
where
    T: Clone + Send + Sync + 'static,
    R: Send + 'static,
{
    let threads = threads.max(1);
    let window = threads * WINDOW_PER_THREAD;
    let shared = Arc::new(Shared {
        items,
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        taken: Mutex::new(0),
        turn: Condvar::new(),
        window,
    });
    let (tell, results) = channel();
    let work: Arc<Work<T, R>> = Arc::new(work);
    for _ in 0..threads {
        let (shared, tell, work) = (shared.clone(), tell.clone(), work.clone());
        let spawned = std::thread::Builder::new()
            .name("dubao-parse".into())
            .spawn(move || {
                loop {
                    let i = shared.next.fetch_add(1, Ordering::SeqCst);
                    if i >= shared.items.len() || !shared.wait_turn(i) {
                        return;
                    }
                    // A panic is the caller's to meet: it works that item itself.
                    let item = &shared.items[i];
                    let r = std::panic::catch_unwind(AssertUnwindSafe(|| work(item))).ok();
                    if tell.send((i, r)).is_err() {
                        return;
                    }
                }
            });
        // A thread that cannot start leaves its share to the others; with none at all,
        // `next` works on the calling thread.
        drop(spawned);
    }
    InOrder {
        shared,
        results,
        waiting: (0..window).map(|_| None).collect(),
        want: 0,
        work,
    }
}

impl<T: Clone, R> Iterator for InOrder<T, R> {
    type Item = (T, R);

    fn next(&mut self) -> Option<(T, R)> {
        let items = &self.shared.items;
        if self.want >= items.len() {
            return None;
        }
        let slot = self.want % self.shared.window;
        while self.waiting[slot].is_none() {
            match self.results.recv() {
                Ok((i, Some(r))) => self.waiting[i % self.shared.window] = Some(r),
                Ok((i, None)) => {
                    self.waiting[i % self.shared.window] = Some((self.work)(&items[i]))
                }
                // Every worker is gone (none could start): the work is done here.
                Err(_) => {
                    let r = (self.work)(&items[self.want]);
                    self.waiting[slot] = Some(r);
                }
            }
        }
        let r = self.waiting[slot].take()?;
        let item = items[self.want].clone();
        self.want += 1;
        if let Ok(mut n) = self.shared.taken.lock() {
            *n = self.want;
        }
        self.shared.turn.notify_all();
        Some((item, r))
    }
}

impl<T, R> Drop for InOrder<T, R> {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.turn.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..500).collect();
        let got: Vec<(u64, u64)> = in_order(items.clone(), 3, |&n| {
            // Early items take longest.
            std::thread::sleep(std::time::Duration::from_micros((500 - n) % 7 * 50));
            n * 2
        })
        .collect();
        assert_eq!(got, items.iter().map(|&n| (n, n * 2)).collect::<Vec<_>>());
    }

    #[test]
    fn dropping_stops_the_work() {
        let items: Vec<usize> = (0..10_000).collect();
        let done = Arc::new(AtomicUsize::new(0));
        let counted = done.clone();
        let mut it = in_order(items, 2, move |&n| {
            counted.fetch_add(1, Ordering::SeqCst);
            n
        });
        assert_eq!(it.nth(10), Some((10, 10)));
        drop(it);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(done.load(Ordering::SeqCst) <= 11 + 2 * WINDOW_PER_THREAD + 2);
        assert_eq!(threads_for(1), 1);
    }
}
