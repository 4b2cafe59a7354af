//! Fetching e-paper subscriptions: which days (the newest in China time, falling back
//! to the site's own newest; one date; a range), skipping days already whole, each day
//! stored in one commit through an [`IssueSink`], and the record of which days are
//! whole or incomplete (`epapers.json` in the data folder), so a killed or failed run
//! is resumed by the next.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::http::Client;
use super::issue::{self, DayError};
use super::site;
use crate::feed::fetch::Options;
use crate::feed::sink::{Added, IssueSink, lock_dir, write_atomic};
use crate::feed::subs::Subscription;

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

/// The days each paper has whole or in part in the library, kept in the data folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Paper slug → days fetched whole.
    #[serde(default)]
    pub whole: BTreeMap<String, Vec<String>>,
    /// Paper slug → days stored with pages or articles missing.
    #[serde(default)]
    pub incomplete: BTreeMap<String, Vec<String>>,
}

impl Record {
    fn path(dir: &Path) -> std::path::PathBuf {
        dir.join("epapers.json")
    }

    /// The record in `dir`; empty when there is none or it cannot be read (it is only
    /// a shortcut: the days are fetched again).
    pub fn load(dir: &Path) -> Record {
        std::fs::read(Self::path(dir))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn is_whole(&self, slug: &str, date: &str) -> bool {
        self.whole
            .get(slug)
            .is_some_and(|d| d.iter().any(|x| x == date))
    }

    /// Note `date` of `slug` as whole or incomplete, under the folder's lock.
    pub fn mark(dir: &Path, slug: &str, date: &str, whole: bool) -> Result<(), String> {
        let _lock = lock_dir(dir)?;
        let mut r = Record::load(dir);
        let (add, drop) = if whole {
            (&mut r.whole, &mut r.incomplete)
        } else {
            (&mut r.incomplete, &mut r.whole)
        };
        let days = add.entry(slug.to_string()).or_default();
        if !days.iter().any(|d| d == date) {
            days.push(date.to_string());
            days.sort();
        }
        if let Some(d) = drop.get_mut(slug) {
            d.retain(|x| x != date);
        }
        let json = serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?;
        write_atomic(&Self::path(dir), format!("{json}\n").as_bytes())
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
    let paper = site::for_date(&sub.url, &china_today().to_string())
        .map_or_else(|| sub.name.clone(), |s| s.name);
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
        Dates::Newest => {
            for back in 0..=NEWEST_BACK {
                let Some(d) = china_today().checked_sub_days(Days::new(back)) else {
                    break;
                };
                let r = day(sub, d, &client, dir, sink, on);
                let not_served = matches!(r.outcome, DayOutcome::NotServed(_));
                if !not_served || back == NEWEST_BACK {
                    out.days.push(r);
                    break;
                }
            }
        }
        Dates::Range(from, to) => {
            for d in from.iter_days().take_while(|d| d <= to) {
                out.days.push(day(sub, d, &client, dir, sink, on));
            }
        }
    }
    if let Some(n) = named {
        out.paper = n;
    }
    out
}

/// One day: skipped when whole, else fetched, stored in one commit, and recorded.
fn day(
    sub: &Subscription,
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
    let Some(site) = site::for_date(&sub.url, &date) else {
        return report(DayOutcome::Failed(format!(
            "{}: not an e-paper address dubao can read: {}",
            sub.name, sub.url
        )));
    };
    if Record::load(dir).is_whole(&site.slug, &date) {
        return report(DayOutcome::Skipped);
    }
    on(&Event::Day {
        paper: site.name.clone(),
        date: date.clone(),
    });
    let fetched = issue::fetch(&site, &date, client, &mut |done, total| {
        on(&Event::Page { done, total });
    });
    let day = match fetched {
        Ok(d) => d,
        Err(DayError::NotServed(e)) => return report(DayOutcome::NotServed(e)),
        Err(DayError::Failed(e)) => return report(DayOutcome::Failed(e)),
    };
    let articles = day.issue.pages.iter().map(|p| p.articles.len()).sum();
    if day.issue.pages.is_empty() {
        return report(DayOutcome::Failed(day.faults.join("; ")));
    }
    let added = match sink.add_issues(std::slice::from_ref(&day.issue)) {
        Ok(a) => a,
        Err(e) => return report(DayOutcome::Failed(format!("{} {date}: {e}", site.name))),
    };
    let mut faults = day.faults.clone();
    if let Err(e) = Record::mark(dir, &site.slug, &date, day.is_whole()) {
        faults.push(format!(
            "{} {date}: cannot note the day as fetched: {e}",
            site.name
        ));
    }
    // The paper as its pages name it (a site dubao does not know is named so).
    on(&Event::Named(day.issue.paper.clone()));
    report(DayOutcome::Stored {
        added,
        pages: day.issue.pages.len(),
        articles,
        lines: day.lines,
        faults,
    })
}

/// `YYYY-MM-DD`, or one line saying what is wrong with it.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("not a date: {s} (give YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_moves_a_day_from_incomplete_to_whole() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = dir.path();
        Record::mark(d, "rmrb", "2024-12-25", false).unwrap_or_else(|e| panic!("{e}"));
        assert!(!Record::load(d).is_whole("rmrb", "2024-12-25"));
        Record::mark(d, "rmrb", "2024-12-25", true).unwrap_or_else(|e| panic!("{e}"));
        let r = Record::load(d);
        assert!(r.is_whole("rmrb", "2024-12-25"));
        assert_eq!(r.incomplete.get("rmrb").map(Vec::len), Some(0));
        assert!(parse_date("2024-02-30").is_err());
    }
}
