//! Fetching e-paper subscriptions: which days (the newest in China time, falling back
//! to the site's own newest; one date; a range), skipping days already whole, each day
//! stored through an [`IssueSink`] as its pages come in (a commit of the whole pages
//! so far at most every [`COMMIT_EVERY`], and at the day's end), and the [`Record`] of
//! which days and pages are whole, so a killed or failed run is resumed by the next
//! with only the pages it lacks.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};

use super::http::Client;
use super::issue::{self, Day, DayError, Progress};
pub use super::record::Record;
use super::site::{self, Site};
use crate::feed::fetch::Options;
use crate::feed::sink::{Added, IssueSink, merge};
use crate::feed::subs::Subscription;
use crate::model::{Issue, Page};

/// The longest a day's fetched pages wait to be stored.
pub const COMMIT_EVERY: Duration = Duration::from_secs(1);

/// Which days to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dates {
    /// Today in China; the site's newest when today's is not up yet.
    Newest,
    /// From the first to the last date, both `YYYY-MM-DD`, inclusive.
    Range(NaiveDate, NaiveDate),
}

/// How far back `Newest` looks for the site's newest issue.
const NEWEST_BACK: u64 = 7;

/// Limits of a run.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    pub http: Options,
    /// Between two requests to a site.
    pub pause: Duration,
}

/// What happened while fetching, for progress bars and the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Starting a day: its pages come next.
    Day { paper: String, date: String },
    /// `done` of `total` pages of the day are in.
    Page { done: usize, total: usize },
    /// The site names its paper so (a subscription named from its address).
    Named(String),
}

/// What became of one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayReport {
    pub date: String,
    pub outcome: DayOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayOutcome {
    /// Already whole in the library: not fetched again.
    Skipped,
    /// Fetched and stored; `faults` says what did not come in (the day is then
    /// marked incomplete); `lines` says what came in, page by page.
    Stored {
        added: Added,
        pages: usize,
        articles: usize,
        lines: Vec<String>,
        faults: Vec<String>,
    },
    NotServed(String),
    Failed(String),
}

/// What became of one subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The paper's name (`人民日报`).
    pub paper: String,
    pub days: Vec<DayReport>,
}

impl Outcome {
    /// Something was stored, or found already whole.
    pub fn did_something(&self) -> bool {
        self.days
            .iter()
            .any(|d| matches!(d.outcome, DayOutcome::Skipped | DayOutcome::Stored { .. }))
    }

    /// The first failure, if every day failed.
    pub fn failure(&self) -> Option<String> {
        if self.did_something() {
            return None;
        }
        self.days.iter().find_map(|d| match &d.outcome {
            DayOutcome::NotServed(e) | DayOutcome::Failed(e) => Some(e.clone()),
            _ => None,
        })
    }
}

/// Today's date in China (UTC+8).
pub fn china_today() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive()
}

/// Fetch `sub` for `dates` into `sink`; `dir` holds the record of whole days.
pub fn run(
    sub: &Subscription,
    dates: &Dates,
    opts: &RunOptions,
    dir: &Path,
    sink: &mut dyn IssueSink,
    on: &mut dyn FnMut(&Event),
) -> Outcome {
    let client = Client::new(opts.http, opts.pause);
    // A subscription named (by the user, or by its paper on the first fetch) keeps its
    // name; one named from its address takes the site's.
    let paper = match site::for_date(&sub.url, &china_today().to_string()) {
        Some(s) if sub.auto_name => s.name,
        _ => sub.name.clone(),
    };
    let paper_name = paper.clone();
    let mut out = Outcome {
        paper,
        days: Vec::new(),
    };
    let mut named = None;
    let mut on = |e: &Event| {
        if let Event::Named(n) = e {
            named = Some(n.clone());
        }
        on(e);
    };
    let on = &mut on;
    match dates {
        Dates::Newest => out
            .days
            .push(newest(sub, &paper_name, &client, dir, sink, on)),
        Dates::Range(from, to) => {
            for d in from.iter_days().take_while(|d| d <= to) {
                out.days
                    .push(day(sub, &paper_name, d, &client, dir, sink, on));
            }
        }
    }
    if let Some(n) = named {
        out.paper = n;
    }
    out
}

/// One day: skipped when whole, else fetched (the pages already whole taken from the
/// library), stored as it comes in, and recorded.
/// The newest issue: today's in China, else the site's newest up to [`NEWEST_BACK`]
/// days back; when none is served, one line naming the days looked at.
fn newest(
    sub: &Subscription,
    paper: &str,
    client: &Client,
    dir: &Path,
    sink: &mut dyn IssueSink,
    on: &mut dyn FnMut(&Event),
) -> DayReport {
    let today = china_today();
    let mut last = None;
    for back in 0..=NEWEST_BACK {
        let Some(d) = today.checked_sub_days(Days::new(back)) else {
            break;
        };
        let r = day(sub, paper, d, client, dir, sink, on);
        match r.outcome {
            DayOutcome::NotServed(_) => last = Some((d, r)),
            _ => return r,
        }
    }
    match last {
        Some((first, r)) => {
            let why = match &r.outcome {
                DayOutcome::NotServed(e) => e.rsplit(": ").next().unwrap_or(e).to_string(),
                _ => String::new(),
            };
            DayReport {
                date: r.date,
                outcome: DayOutcome::NotServed(format!(
                    "{paper}: no issue on the site from {first} to {today} (the newest {} days): {why}",
                    NEWEST_BACK + 1
                )),
            }
        }
        None => DayReport {
            date: today.to_string(),
            outcome: DayOutcome::Failed(format!("{paper}: no date to fetch")),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn day(
    sub: &Subscription,
    paper: &str,
    date: NaiveDate,
    client: &Client,
    dir: &Path,
    sink: &mut dyn IssueSink,
    on: &mut dyn FnMut(&Event),
) -> DayReport {
    let date = date.to_string();
    let report = |outcome| DayReport {
        date: date.clone(),
        outcome,
    };
    let Some(mut site) = site::for_date(&sub.url, &date) else {
        return report(DayOutcome::Failed(format!(
            "{}: not an e-paper address dubao can read: {}",
            sub.name, sub.url
        )));
    };
    // A site dubao does not know is named by its slug; its lines name the paper as
    // the subscription does.
    if site.name == site.slug && !paper.is_empty() {
        site.name = paper.to_string();
    }
    let record = Record::load(dir);
    if record.is_whole(&site.slug, &date) {
        return report(DayOutcome::Skipped);
    }
    on(&Event::Day {
        paper: site.name.clone(),
        date: date.clone(),
    });
    let whole = record.whole_pages(&site.slug, &date);
    // What the library held before: the pages to take, and what is new is counted from.
    let before = sink.stored(&site.slug, &date);
    let mut store = Store {
        sink,
        dir,
        site: &site,
        date: &date,
        stored: before.clone().map(|i| keep_pages(i, &whole)),
        last: Instant::now(),
        sent: 0,
        errors: Vec::new(),
        on,
    };
    let fetched = issue::fetch(&site, &date, client, &mut store);
    let day = match fetched {
        Ok(d) => d,
        Err(DayError::NotServed(e)) => return report(DayOutcome::NotServed(e)),
        Err(DayError::Failed(e)) => return report(DayOutcome::Failed(e)),
    };
    if day.issue.pages.is_empty() {
        return report(DayOutcome::Failed(day.faults.join("; ")));
    }
    store.commit(&day, true);
    let errors = store.errors;
    if store.sent == 0 {
        return report(DayOutcome::Failed(errors.join("; ")));
    }
    // The paper as its pages name it (a site dubao does not know is named so).
    on(&Event::Named(day.issue.paper.clone()));
    let articles = day.issue.pages.iter().map(|p| p.articles.len()).sum();
    let mut added = Added::default();
    match before {
        Some(mut b) => merge(&mut b, &day.issue, &mut added),
        None => added.new = articles,
    }
    let mut faults = day.faults.clone();
    faults.extend(errors);
    report(DayOutcome::Stored {
        added,
        pages: day.issue.pages.len(),
        articles,
        lines: day.lines,
        faults,
    })
}

/// The pages of `issue` numbered in `whole`.
fn keep_pages(mut issue: Issue, whole: &[String]) -> Vec<Page> {
    issue.pages.retain(|p| whole.contains(&p.number));
    issue.pages
}

/// A day going into the library as its pages come in.
struct Store<'a> {
    sink: &'a mut dyn IssueSink,
    dir: &'a Path,
    site: &'a Site,
    date: &'a str,
    /// The pages the library holds whole.
    stored: Option<Vec<Page>>,
    /// When the last commit was.
    last: Instant,
    /// How many pages the last commit held.
    sent: usize,
    errors: Vec<String>,
    on: &'a mut dyn FnMut(&Event),
}

impl Store<'_> {
    /// Store `day` so far (a commit), then note its whole pages; `end` when the day is
    /// done (it is then noted whole or incomplete). Nothing new since the last commit
    /// is no commit.
    fn commit(&mut self, day: &Day, end: bool) {
        let pages = day.issue.pages.len();
        if pages > self.sent {
            match self.sink.add_issues(std::slice::from_ref(&day.issue)) {
                Ok(_) => self.sent = pages,
                Err(e) => {
                    let who = format!("{} {}", self.site.name, self.date);
                    self.errors.push(format!("{who}: {e}"));
                    return;
                }
            }
        }
        self.last = Instant::now();
        let whole = end && day.is_whole() && self.sent == pages;
        if let Err(e) = Record::note(
            self.dir,
            &self.site.slug,
            self.date,
            whole,
            &day.whole_pages,
        ) {
            let who = format!("{} {}", self.site.name, self.date);
            self.errors
                .push(format!("{who}: cannot note the day as fetched: {e}"));
        }
    }
}

impl Progress for Store<'_> {
    fn stored(&self, number: &str) -> Option<Page> {
        self.stored
            .as_ref()?
            .iter()
            .find(|p| p.number == number)
            .cloned()
    }

    fn page(&mut self, day: &Day, done: usize, total: usize) {
        (self.on)(&Event::Page { done, total });
        if done < total && self.last.elapsed() >= COMMIT_EVERY {
            self.commit(day, false);
        }
    }
}
