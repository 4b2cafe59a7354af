//! Photos in the reader: the pictures the reading pane (or the page view) needs are
//! asked of the photo worker as soon as their boxes are laid out, and what comes back
//! is kept for the UI to draw; a picture not there yet is a placeholder line, one that
//! failed is a one-line note. Nothing here waits.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;

use super::App;
use crate::photos::render::Rendered;
use crate::photos::{Job, Worker};

/// How photos are shown, as the config's `[display] photos` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PhotoMode {
    /// The terminal's graphics protocol when it has one, else half blocks.
    #[default]
    Auto,
    Halfblocks,
    /// Captions only (a key brings the photos back).
    Off,
}

impl PhotoMode {
    pub const NAMES: [&str; 3] = ["auto", "halfblocks", "off"];

    pub fn parse(s: &str) -> Option<PhotoMode> {
        match s {
            "auto" => Some(PhotoMode::Auto),
            "halfblocks" => Some(PhotoMode::Halfblocks),
            "off" => Some(PhotoMode::Off),
            _ => None,
        }
    }
}

/// Where photos are kept and how they are shown: what the terminal side needs to start
/// the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoSetup {
    pub mode: PhotoMode,
    /// The cache folder (`$XDG_DATA_HOME/dubao/photos`), `None`: no cache.
    pub cache_dir: Option<PathBuf>,
    pub cache_bytes: u64,
}

/// One picture as the UI finds it.
#[derive(Debug)]
pub enum Shown {
    Coming,
    Ready(Rendered),
    Failed(String),
}

/// Pictures kept at most (each box size of each picture counts once).
const KEEP: usize = 48;

/// The photo worker and what it has made.
#[derive(Debug, Default)]
pub struct Photos {
    pub(super) setup: Option<PhotoSetup>,
    worker: Option<Worker>,
    shown: HashMap<Job, Shown>,
    order: VecDeque<Job>,
    /// Addresses that failed, with the note: not asked again at another size.
    failed: HashMap<String, String>,
}

impl Photos {
    /// Where the worker reads and caches pictures, once the reader has it.
    pub fn setup(&self) -> Option<&PhotoSetup> {
        self.setup.as_ref()
    }

    /// The picture for `job`, if it was asked for.
    pub fn get(&self, job: &Job) -> Option<&Shown> {
        self.shown.get(job)
    }

    /// The note for a failed address.
    pub fn failure(&self, url: &str) -> Option<&str> {
        self.failed.get(url).map(String::as_str)
    }

    pub fn has_worker(&self) -> bool {
        self.worker.is_some()
    }

    /// Ask for `job` unless it was asked for already.
    fn want(&mut self, job: Job) {
        let Some(w) = &self.worker else { return };
        if self.shown.contains_key(&job) || self.failed.contains_key(&job.url) {
            return;
        }
        w.send(job.clone());
        self.shown.insert(job.clone(), Shown::Coming);
        self.order.push_back(job);
        while self.order.len() > KEEP {
            if let Some(old) = self.order.pop_front() {
                self.shown.remove(&old);
            }
        }
    }

    /// Forget the failures, so the pictures are asked for again (a network back up).
    fn retry(&mut self) {
        self.failed.clear();
        self.shown.retain(|_, s| !matches!(s, Shown::Failed(_)));
    }

    /// Take in what the worker made; whether anything came.
    fn poll(&mut self) -> bool {
        let Some(w) = &self.worker else { return false };
        let mut any = false;
        while let Some(o) = w.poll() {
            any = true;
            match o.result {
                Ok(r) if self.shown.contains_key(&o.job) => {
                    self.shown.insert(o.job, Shown::Ready(r));
                }
                Ok(_) => {}
                Err(e) => {
                    self.failed.insert(o.job.url.clone(), e.to_string());
                    self.shown.insert(o.job, Shown::Failed(e.to_string()));
                }
            }
        }
        any
    }
}

impl App {
    /// Start drawing photos with `worker` (the terminal side makes it for its protocol).
    pub fn start_photos(&mut self, worker: Worker) {
        self.photos.worker = Some(worker);
        self.want_photos();
    }

    /// Ask for the pictures of every photo box in the shown article's layout.
    pub(crate) fn want_photos(&mut self) {
        if let Some(j) = self.page_view_job() {
            self.photos.want(j);
        }
        let Some(a) = self.current() else { return };
        let jobs: Vec<Job> = self
            .pane
            .layout()
            .photos
            .iter()
            .filter_map(|b| {
                Some(Job {
                    url: a.photos.get(b.photo)?.url.clone(),
                    cols: b.width,
                    rows: b.rows,
                    outlines: Vec::new(),
                })
            })
            .collect();
        for j in jobs {
            self.photos.want(j);
        }
    }

    /// Take in finished pictures (on each tick).
    pub(crate) fn poll_photos(&mut self) -> bool {
        self.photos.poll()
    }

    /// The job for box `i` of the shown layout.
    pub fn photo_job(&self, i: usize) -> Option<Job> {
        let b = self.pane.layout().photos.get(i)?;
        let a = self.current()?;
        Some(Job {
            url: a.photos.get(b.photo)?.url.clone(),
            cols: b.width,
            rows: b.rows,
            outlines: Vec::new(),
        })
    }

    /// Photos shown in the text, or captions only.
    /// Turning them on asks again for any that failed.
    pub(crate) fn toggle_photos(&mut self) {
        self.setup.toggle_photos();
        if self.setup.settings().photos {
            self.photos.retry();
        }
        self.relayout();
        self.screen.say(if self.setup.settings().photos {
            "图片 photos on"
        } else {
            "图片关 photos off (captions only)"
        });
    }
}
