//! The photo worker: a few threads that download (or read from the cache), decode,
//! scale and encode pictures, so the reader never waits for any of it. The app sends a
//! [`Job`] and takes each [`Outcome`] as it comes; a download that hangs holds up one
//! thread until its timeout, never the reader.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use ratatui_image::picker::Picker;

use super::render::{Rendered, render};
use super::{Cache, Options, PhotoError, load};

/// One picture to make ready for a box of `cols` × `rows` cells, with outlines drawn
/// in (a page scan's article areas) when any are given.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Job {
    pub url: String,
    pub cols: u16,
    pub rows: u16,
    pub outlines: Vec<Vec<i32>>,
}

/// What came of a job.
#[derive(Debug)]
pub struct Outcome {
    pub job: Job,
    pub result: Result<Rendered, PhotoError>,
}

/// The threads and their two channels.
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Outcome>,
    picker: Picker,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("protocol", &self.picker.protocol_type())
            .finish()
    }
}

/// Make `job` ready: the picture's bytes, decoded, scaled and encoded.
pub fn run(job: &Job, picker: &Picker, cache: Option<&Cache>, opts: &Options) -> Outcome {
    let result = load(&job.url, cache, opts)
        .and_then(|img| render(&img, job.cols, job.rows, picker, &job.outlines));
    Outcome {
        job: job.clone(),
        result,
    }
}

impl Worker {
    /// `threads` threads (at least one) drawing for `picker`, keeping downloads in
    /// `cache` when there is one.
    pub fn start(picker: Picker, cache: Option<Cache>, opts: Options, threads: usize) -> Worker {
        let (jobs, rx) = mpsc::channel::<Job>();
        let (tx, done) = mpsc::channel();
        let rx = Arc::new(Mutex::new(rx));
        for _ in 0..threads.max(1) {
            let (rx, tx) = (Arc::clone(&rx), tx.clone());
            let (picker, cache) = (picker.clone(), cache.clone());
            std::thread::spawn(move || {
                loop {
                    let job = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    let Ok(job) = job else { return };
                    if tx.send(run(&job, &picker, cache.as_ref(), &opts)).is_err() {
                        return;
                    }
                }
            });
        }
        Worker { jobs, done, picker }
    }

    /// Queue a job (a worker gone quiet only means no picture comes).
    pub fn send(&self, job: Job) {
        let _ = self.jobs.send(job);
    }

    /// The next outcome, if one is ready.
    pub fn poll(&self) -> Option<Outcome> {
        self.done.try_recv().ok()
    }

    pub fn picker(&self) -> &Picker {
        &self.picker
    }
}
