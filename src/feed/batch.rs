//! Fetching several feeds: a few at a time on worker threads, each fetched and parsed
//! there, the issues handed to one [`IssueSink`] on the calling thread. One feed's
//! failure is that feed's outcome only; the sink is written only with whole feeds.

use std::collections::VecDeque;
use std::sync::{Mutex, mpsc};

use super::FeedError;
use super::fetch::{self, Fetched, Options};
use super::sink::{Added, IssueSink};
use super::subs::{SubsError, Subscription, Subscriptions};
use crate::model::Issue;

/// What became of one feed.
#[derive(Debug)]
pub struct Outcome {
    /// Index into the subscriptions given.
    pub index: usize,
    pub name: String,
    pub result: Result<Report, FeedError>,
}

/// A feed fetched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The server said nothing changed (304).
    pub not_modified: bool,
    pub added: Added,
    /// The paper's name as the feed gives it (empty if it gave no issue).
    pub paper: String,
    /// What to send next time.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Fetch `subs`, at most `jobs` at a time, into `sink`; `on_done` is called as each feed
/// finishes (for a progress bar). Outcomes come back in the order of `subs`.
pub fn run(
    subs: &[Subscription],
    opts: &Options,
    jobs: usize,
    sink: &mut dyn IssueSink,
    on_done: &mut dyn FnMut(&Outcome),
) -> Vec<Outcome> {
    let queue: Mutex<VecDeque<(usize, &Subscription)>> =
        Mutex::new(subs.iter().enumerate().collect());
    let (tx, rx) = mpsc::channel::<(usize, Result<Fetched, FeedError>, Vec<Issue>)>();
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(subs.len());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, 16).min(subs.len().max(1)) {
            let tx = tx.clone();
            let queue = &queue;
            scope.spawn(move || {
                loop {
                    let next = queue.lock().map(|mut q| q.pop_front()).unwrap_or(None);
                    let Some((i, sub)) = next else { break };
                    let (fetched, issues) = fetch_one(sub, opts);
                    if tx.send((i, fetched, issues)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, fetched, issues) in rx {
            let sub = &subs[i];
            let result = fetched.and_then(|f| store(f, &issues, sink));
            let outcome = Outcome {
                index: i,
                name: sub.name.clone(),
                result,
            };
            on_done(&outcome);
            outcomes.push(outcome);
        }
    });
    outcomes.sort_by_key(|o| o.index);
    outcomes
}

/// Fetch and parse one feed (on a worker thread).
fn fetch_one(sub: &Subscription, opts: &Options) -> (Result<Fetched, FeedError>, Vec<Issue>) {
    match fetch::get(
        &sub.url,
        sub.etag.as_deref(),
        sub.last_modified.as_deref(),
        opts,
    ) {
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
        }) => match super::parse_named(&bytes, &sub.name, !sub.auto_name) {
            Ok(issues) => (
                Ok(Fetched::Body {
                    bytes: Vec::new(),
                    etag,
                    last_modified,
                }),
                issues,
            ),
            Err(e) => (Err(e), Vec::new()),
        },
        other => (other, Vec::new()),
    }
}

/// Hand a fetched feed's issues to the sink (on the calling thread).
fn store(
    fetched: Fetched,
    issues: &[Issue],
    sink: &mut dyn IssueSink,
) -> Result<Report, FeedError> {
    match fetched {
        Fetched::Moved(to) => Err(FeedError::Http(format!("moved to {to}"))),
        Fetched::NotModified => Ok(Report {
            not_modified: true,
            ..Default::default()
        }),
        Fetched::Body {
            etag,
            last_modified,
            ..
        } => {
            let added = if issues.is_empty() {
                Added::default()
            } else {
                sink.add_issues(issues)
                    .map_err(|e| FeedError::Store(e.to_string()))?
            };
            Ok(Report {
                not_modified: false,
                added,
                paper: issues.first().map(|i| i.paper.clone()).unwrap_or_default(),
                etag,
                last_modified,
            })
        }
    }
}

/// Keep each fetched feed's ETag and Last-Modified in the subscriptions in `dir`, and
/// name a feed added without a name after its paper; under the lock, reading the file
/// again so changes made meanwhile are kept. `fetched` is what was given to [`run`].
pub fn remember(
    dir: &std::path::Path,
    outcomes: &[Outcome],
    fetched: &[Subscription],
) -> Result<(), SubsError> {
    Subscriptions::update(dir, |subs| {
        record(subs, outcomes, fetched);
        Ok::<(), SubsError>(())
    })
}

/// Write down in `subs` what each fetched feed's server said, and the paper's name.
pub fn record(subs: &mut Subscriptions, outcomes: &[Outcome], fetched: &[Subscription]) {
    for o in outcomes {
        let Some(sub) = fetched.get(o.index) else {
            continue;
        };
        let r = match &o.result {
            Ok(r) => r,
            Err(e) => {
                if let Some(s) = subs.feeds.iter_mut().find(|s| s.url == sub.url) {
                    s.last_error = Some(e.to_string());
                }
                continue;
            }
        };
        if let Some(s) = subs.feeds.iter_mut().find(|s| s.url == sub.url) {
            s.last_error = None;
        }
        if r.not_modified {
            continue;
        }
        let taken = subs
            .feeds
            .iter()
            .any(|f| f.url != sub.url && f.name == r.paper);
        let rename = match (r.paper.is_empty(), taken) {
            (true, _) => None,
            (false, true) => Some(subs.unique(&r.paper)),
            (false, false) => Some(r.paper.clone()),
        };
        if let Some(s) = subs.feeds.iter_mut().find(|s| s.url == sub.url) {
            s.etag.clone_from(&r.etag);
            s.last_modified.clone_from(&r.last_modified);
            if s.auto_name
                && let Some(name) = rename
            {
                s.name = name;
                s.auto_name = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(name: &str, url: &str, auto_name: bool) -> Subscription {
        Subscription {
            name: name.into(),
            url: url.into(),
            auto_name,
            ..Default::default()
        }
    }

    fn fetched(index: usize, paper: &str) -> Outcome {
        Outcome {
            index,
            name: String::new(),
            result: Ok(Report {
                paper: paper.into(),
                etag: Some(format!("\"{index}\"")),
                ..Default::default()
            }),
        }
    }

    #[test]
    fn record_keeps_etags_and_names_feeds_after_their_paper() {
        let feeds = vec![
            sub("人民日报", "https://a/1", false),
            sub("rmrb", "https://b/2", true),
            sub("china", "https://c/china", true),
        ];
        let mut subs = Subscriptions {
            feeds: feeds.clone(),
        };
        let outcomes = [
            fetched(0, "人民日报"),
            fetched(1, "人民日报"),
            fetched(2, "china"),
        ];
        record(&mut subs, &outcomes, &feeds);
        let names: Vec<(&str, bool)> = subs
            .feeds
            .iter()
            .map(|s| (s.name.as_str(), s.auto_name))
            .collect();
        assert_eq!(
            names,
            [("人民日报", false), ("人民日报-2", false), ("china", false)]
        );
        assert_eq!(subs.feeds[1].etag.as_deref(), Some("\"1\""));
    }
}
