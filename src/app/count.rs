//! Counting search hits on a thread of its own, so a keystroke never waits for a total:
//! the reader asks, keeps going, and takes the answer when it comes. Only the latest
//! question is answered; older ones still waiting are dropped.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::library::{LibraryError, SearchQuery, Shelf};

/// A counting thread for one shelf; it ends when the counter is dropped.
pub struct Counter {
    ask: Sender<(u64, SearchQuery)>,
    answers: Receiver<(u64, Result<usize, LibraryError>)>,
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Counter")
    }
}

impl Counter {
    pub fn new(shelf: Arc<dyn Shelf>) -> Self {
        let (ask, questions) = channel::<(u64, SearchQuery)>();
        let (tell, answers) = channel();
        std::thread::spawn(move || {
            while let Ok(mut job) = questions.recv() {
                // Only the newest question matters.
                while let Ok(newer) = questions.try_recv() {
                    job = newer;
                }
                let n = shelf.count(&job.1);
                if tell.send((job.0, n)).is_err() {
                    return;
                }
            }
        });
        Counter { ask, answers }
    }

    /// Count the hits of `query`, answered later under `generation`.
    pub fn ask(&self, generation: u64, query: SearchQuery) {
        // The thread only stops when this counter is dropped; nothing to do if it did.
        let _ = self.ask.send((generation, query));
    }

    /// The newest answer that has come in, if any (never waits).
    pub fn poll(&self) -> Option<(u64, Result<usize, LibraryError>)> {
        self.answers.try_iter().last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::load_bundled;
    use crate::library::memory::MemoryShelf;
    use std::time::{Duration, Instant};

    #[test]
    fn answers_the_latest_question_in_the_background() {
        let counter = Counter::new(Arc::new(MemoryShelf::new(load_bundled())));
        for (g, q) in [(1, "冰"), (2, "冰雪"), (3, "冰雪产业")] {
            counter.ask(
                g,
                SearchQuery {
                    text: q.into(),
                    ..Default::default()
                },
            );
        }
        let start = Instant::now();
        let mut last = None;
        while start.elapsed() < Duration::from_secs(10) {
            if let Some(a) = counter.poll() {
                let done = a.0 == 3;
                last = Some(a);
                if done {
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let (g, n) = last.unwrap();
        assert_eq!(g, 3);
        assert!(n.unwrap() >= 1);
    }
}
