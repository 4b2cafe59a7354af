//! `F`: fetching every subscribed feed into the library on a thread of its own, so the
//! reader never waits on the network. [`Fetcher`] runs it; the app polls its channel on
//! each tick ([`App::poll_fetch`]) and shows the progress on the status line
//! (`抓取 2/3 人民日报: 57 new`); when it is done the shelf is refreshed and new issues
//! appear. E-paper subscriptions bring their newest issue, page by page
//! (`抓取 2/3 人民日报 2026-12-01 3/20版`); the fetch log is saved as `dubao fetch` saves it.

use std::path::PathBuf;
use std::sync::mpsc;

use super::App;
use crate::epaper::run::{self, Dates, DayOutcome, Event, RunOptions};
use crate::feed::batch::{self, Outcome};
use crate::feed::fetch::Options;
use crate::feed::log::FetchLog;
use crate::feed::subs::Subscriptions;
use crate::library::disk::DiskShelf;
use crate::library::ingest::FeedSink;

/// What a reader with nothing followed is told, on the first screen and by `F`.
pub const HINT: &str = "没有订阅 nothing followed: get today's paper with `dubao feed add 人民日报` (`dubao papers` lists them)";

/// Where the fetch reads the subscriptions and writes the issues.
#[derive(Debug, Clone)]
pub struct FetchSetup {
    /// The data folder holding the subscriptions (`$XDG_DATA_HOME/dubao`).
    pub data_dir: PathBuf,
    /// The library the issues go into.
    pub library_dir: PathBuf,
    /// The reader shows something else (the bundled issue): open the library once
    /// something was fetched into it.
    pub open_library: bool,
    pub options: Options,
    /// Nothing is followed yet: the status line says how to get today's paper.
    pub nothing_followed: bool,
}

/// The status line's hint on a fresh install.
pub const SHORT_HINT: &str = "今日报纸 today's paper: dubao feed add 人民日报 │ ";

/// What the fetch thread tells the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchMsg {
    /// One more feed is done: `抓取 2/3 人民日报: 57 new`.
    Progress(String),
    /// All done: the summary, and how many articles were new or changed.
    Done { summary: String, added: usize },
}

/// A fetch running in the background.
#[derive(Debug)]
pub struct Fetcher {
    rx: mpsc::Receiver<FetchMsg>,
}

/// One feed's line: `人民日报: 57 new` or `人民日报: what is wrong`. A feed named from
/// its address is named after its paper, as `dubao fetch` does.
fn line(o: &Outcome, auto_name: bool) -> String {
    let name = match &o.result {
        Ok(r) if auto_name && !r.paper.is_empty() => r.paper.as_str(),
        _ => o.name.as_str(),
    };
    match &o.result {
        Ok(r) if r.not_modified => format!("{name}: not modified"),
        Ok(r) if r.added.changed > 0 => {
            format!("{name}: {} new, {} changed", r.added.new, r.added.changed)
        }
        Ok(r) => format!("{name}: {} new", r.added.new),
        Err(e) => format!("{name}: {e}"),
    }
}

/// Why `F` fetches nothing.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{HINT}")]
    NothingFollowed,
    #[error("{0}")]
    Subscriptions(#[from] crate::feed::subs::SubsError),
}

impl Fetcher {
    /// Starts fetching every feed in `setup.data_dir`; an error (one line) when there
    /// is nothing to fetch or the subscriptions cannot be read.
    pub fn start(setup: &FetchSetup) -> Result<Fetcher, StartError> {
        let subs = Subscriptions::load(&setup.data_dir)?;
        if subs.feeds.is_empty() {
            return Err(StartError::NothingFollowed);
        }
        let (tx, rx) = mpsc::channel();
        let setup = setup.clone();
        std::thread::spawn(move || run(&setup, &subs, &tx));
        Ok(Fetcher { rx })
    }

    /// The next message, if one came; a thread gone without a word is done.
    pub fn poll(&self) -> Option<FetchMsg> {
        match self.rx.try_recv() {
            Ok(m) => Some(m),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(FetchMsg::Done {
                summary: "抓取中止 the fetch stopped".into(),
                added: 0,
            }),
        }
    }
}

/// The thread's work: every feed into the library, a message per feed.
fn run(setup: &FetchSetup, subs: &Subscriptions, tx: &mpsc::Sender<FetchMsg>) {
    let shelf = match DiskShelf::open(&setup.library_dir) {
        Ok(s) => s,
        Err(e) => {
            let _ = tx.send(FetchMsg::Done {
                summary: format!("抓取失败 fetch failed: {e}"),
                added: 0,
            });
            return;
        }
    };
    let (feeds, papers): (Vec<_>, Vec<_>) = subs.feeds.iter().cloned().partition(|s| !s.epaper);
    let total = subs.feeds.len();
    let mut done = 0;
    let mut sink = FeedSink { shelf: &shelf };
    let mut log = FetchLog::now();
    let outcomes = batch::run(&feeds, &setup.options, 4, &mut sink, &mut |o| {
        done += 1;
        let auto = feeds.get(o.index).is_some_and(|s| s.auto_name);
        let text = format!("抓取 {done}/{total} {}", line(o, auto));
        let _ = tx.send(FetchMsg::Progress(text));
    });
    let _ = batch::remember(&setup.data_dir, &outcomes, &feeds);
    let mut added: usize = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .map(|r| r.added.new + r.added.changed)
        .sum();
    let mut failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    for o in &outcomes {
        let ok = o.result.is_ok();
        log.push(&o.name, ok, line(o, false));
    }
    for sub in &papers {
        done += 1;
        let (new, ok) = fetch_paper(setup, sub, &mut sink, &mut log, &mut |text| {
            let _ = tx.send(FetchMsg::Progress(format!("抓取 {done}/{total} {text}")));
        });
        added += new;
        failed += usize::from(!ok);
    }
    let _ = log.save(&setup.data_dir);
    let mut summary = format!("抓取完毕 fetched {total}: {added} new or changed");
    if failed > 0 {
        summary.push_str(&format!(", {failed} failed"));
    }
    let _ = tx.send(FetchMsg::Done { summary, added });
}

/// One e-paper's newest issue; its lines into the log, progress page by page. How many
/// articles came in, and whether it did not fail.
fn fetch_paper(
    setup: &FetchSetup,
    sub: &crate::feed::subs::Subscription,
    sink: &mut FeedSink<'_>,
    log: &mut FetchLog,
    progress: &mut dyn FnMut(String),
) -> (usize, bool) {
    let opts = RunOptions {
        http: setup.options,
        pause: std::time::Duration::from_millis(500),
    };
    let mut day = String::new();
    let o = run::run(
        sub,
        &Dates::Newest,
        &opts,
        &setup.data_dir,
        sink,
        &mut |e| match e {
            Event::Day { paper, date } => day = format!("{paper} {date}"),
            Event::Page { done, total } => progress(format!("{day} {done}/{total}版")),
            Event::Named(_) => {}
        },
    );
    let mut new = 0;
    for d in &o.days {
        match &d.outcome {
            DayOutcome::Stored {
                added,
                lines,
                faults,
                ..
            } => {
                new += added.new + added.changed;
                lines
                    .iter()
                    .for_each(|l| log.push(&o.paper, true, l.clone()));
                faults
                    .iter()
                    .for_each(|f| log.push(&o.paper, false, f.clone()));
            }
            DayOutcome::Skipped => log.push(&o.paper, true, format!("{}: already in", d.date)),
            DayOutcome::NotServed(e) | DayOutcome::Failed(e) => {
                log.push(&o.paper, false, e.clone())
            }
        }
    }
    (new, o.failure().is_none())
}

impl App {
    /// On a fresh install (nothing followed, the reader not on `--data` files), the
    /// status line's hints say how to get today's paper ([`SHORT_HINT`]).
    pub fn hint_if_nothing_followed(&mut self) {
        let Some(setup) = self.fetch.setup.as_mut().filter(|s| s.open_library) else {
            return;
        };
        setup.nothing_followed =
            Subscriptions::load(&setup.data_dir).is_ok_and(|s| s.feeds.is_empty());
    }

    /// `F`: start fetching, unless a fetch is running or the reader has nowhere to fetch to.
    pub(super) fn start_fetch(&mut self) {
        if self.fetch.job.is_some() {
            self.screen.say("正在抓取 already fetching");
            return;
        }
        let Some(setup) = &self.fetch.setup else {
            self.screen.say("不能抓取 cannot fetch: no data folder");
            return;
        };
        match Fetcher::start(setup) {
            Ok(f) => {
                self.fetch.job = Some(f);
                self.screen.say("抓取中 fetching…");
            }
            Err(e) => self.screen.say(e.to_string()),
        }
    }

    /// Take in the fetch's progress, one message a tick so each feed's line is seen;
    /// when it is done, refresh the shelf.
    pub fn poll_fetch(&mut self) {
        let Some(msg) = self.fetch.job.as_ref().and_then(Fetcher::poll) else {
            return;
        };
        match msg {
            FetchMsg::Progress(s) => self.screen.say(s),
            FetchMsg::Done { summary, added } => {
                self.fetch.job = None;
                self.fetched(added);
                self.screen.say(summary);
            }
        }
    }

    /// The fetch is done: new issues into the list without a restart. A reader on the
    /// bundled issue opens the library once the fetch put something in it.
    fn fetched(&mut self, added: usize) {
        if self.refresh_shelf() || added == 0 {
            return;
        }
        let Some(setup) = self.fetch.setup.as_mut().filter(|s| s.open_library) else {
            return;
        };
        let disk = DiskShelf::open_existing(&setup.library_dir).ok().flatten();
        if let Some(disk) = disk.filter(|d| !d.is_empty()) {
            setup.open_library = false;
            self.replace_shelf(std::sync::Arc::new(disk));
        }
    }
}

/// The fetch part of the state: where `F` fetches from and into, the fetch running in
/// the background, and the last fetch's log as the fetch-log view last read it.
#[derive(Debug, Default)]
pub struct Fetching {
    /// `None`: fetching is not offered.
    setup: Option<FetchSetup>,
    job: Option<Fetcher>,
    log: Option<crate::feed::log::FetchLog>,
}

impl Fetching {
    /// The last fetch's log, as the fetch-log view last read it.
    pub fn log(&self) -> Option<&crate::feed::log::FetchLog> {
        self.log.as_ref()
    }

    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Where `F` fetches from and into, if fetching is offered.
    pub fn setup(&self) -> Option<&FetchSetup> {
        self.setup.as_ref()
    }

    pub(super) fn set_setup(&mut self, setup: Option<FetchSetup>) {
        self.setup = setup;
    }

    pub(super) fn set_log(&mut self, log: Option<crate::feed::log::FetchLog>) {
        self.log = log;
    }
}
