//! The e-paper side of the CLI: `dubao papers [--json]`, what `dubao feed add` takes
//! (a paper's name, slug or pinyin, or an e-paper address, else a feed), and `dubao
//! fetch` for e-paper subscriptions (dates, a progress bar per paper and page, a line
//! per day and per fault, the fetch log, `--last`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use crate::epaper::catalogue::{self, PAPERS};
use crate::epaper::http::Client;
use crate::epaper::run::{self, Dates, DayOutcome, Event, RunOptions};
use crate::epaper::site;
use crate::epaper::sniff::{self, Served};
use crate::feed::fetch::Options;
use crate::feed::log::FetchLog;
use crate::feed::sink::IssueSink;
use crate::feed::subs::{Subscription, Subscriptions};
use crate::text::date;

/// `dubao papers`: the catalogue, a row per paper and system.
pub fn papers(out: &mut dyn Write, json: bool) -> Result<ExitCode> {
    if json {
        serde_json::to_writer_pretty(&mut *out, PAPERS)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for p in PAPERS {
        let last = p.last.unwrap_or("now");
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}…{last}\t{}",
            p.name,
            p.slug,
            p.pinyin,
            p.system.label(),
            p.first,
            p.address
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `dubao feed add KEY`: a paper of the catalogue, an e-paper address, a feed's
/// address; an address of neither shape is fetched once to tell which it serves.
pub fn add(dir: &Path, key: &str, name: Option<&str>) -> Result<Subscription> {
    let key = key.trim();
    let told;
    let key = if key.contains("://")
        && site::named(key).is_none()
        && !site::is_epaper_address(key)
        && !sniff::is_feed_address(key)
    {
        let client = Client::new(Options::default().with_timeout(20.0), Duration::ZERO);
        told = sniff::sniff(key, &client)?;
        match &told {
            Served::Feed => key,
            Served::Epaper(at) => at.as_str(),
        }
    } else {
        key
    };
    let (url, name, epaper) = match site::named(key) {
        Some((paper, url)) => (url, Some(name.map_or(paper, str::to_string)), true),
        None if site::is_epaper_address(key) => {
            let known = catalogue::by_address(key).map(|p| p.name.to_string());
            (
                site::followed(key),
                name.map(str::to_string).or(known),
                true,
            )
        }
        None if !key.contains("://") => anyhow::bail!(
            "no paper named {key} (see `dubao papers`), and not an address (give an http:// or https:// URL)"
        ),
        None => (key.trim().to_string(), name.map(str::to_string), false),
    };
    // An e-paper of a site dubao does not know goes by its slug (`csrb`) until its
    // pages name the paper on the first fetch.
    let slug = (epaper && name.is_none()).then(|| site::slug_of(&url));
    let sub = Subscriptions::update(dir, |s| {
        s.add(&url, name.as_deref())?;
        let at = s.feeds.len() - 1;
        if let Some(slug) = &slug {
            let own = s.unique(slug);
            s.feeds[at].name = own;
        }
        s.feeds[at].epaper = epaper;
        Ok::<_, crate::feed::subs::SubsError>(s.feeds[at].clone())
    })?;
    Ok(sub)
}

/// The subscription `key` names: its name or address, or a paper's slug or pinyin.
pub fn find<'a>(subs: &'a Subscriptions, key: &str) -> Option<&'a Subscription> {
    subs.find(key).or_else(|| {
        let (_, url) = site::named(key)?;
        subs.feeds.iter().find(|s| s.url == url)
    })
}

/// The days `--date`, `--from`/`--to` ask for, in the one date grammar of the program:
/// `--date 2025-01-03` one day, `--date 2025-01` a month, `--date 2025-01..2025-03` a
/// range; `--from` the first day of what it names, `--to` the last.
pub fn dates(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> Result<Dates> {
    Ok(match (date, from, to) {
        (Some(d), _, _) => match date::parse_range(d)? {
            date::DateRange {
                from: Some(f),
                to: Some(t),
            } => Dates::Range(f, t),
            _ => anyhow::bail!("--date {d}: a fetch needs both ends of a range"),
        },
        (None, Some(f), Some(t)) => {
            let (f, t) = (date::parse_span(f)?.first, date::parse_span(t)?.last);
            if f > t {
                anyhow::bail!("--from {f} comes after --to {t}");
            }
            Dates::Range(f, t)
        }
        _ => Dates::Newest,
    })
}

/// Fetch the e-paper subscriptions `papers`; how many brought something and how many
/// failed outright.
#[allow(clippy::too_many_arguments)]
pub fn fetch(
    dir: &Path,
    papers: &[Subscription],
    dates: &Dates,
    http: Options,
    pause: f64,
    sink: &mut dyn IssueSink,
    out: &mut dyn Write,
    log: &mut FetchLog,
) -> Result<(usize, usize)> {
    let pause = if pause.is_finite() {
        pause.clamp(0.0, 60.0)
    } else {
        0.5
    };
    let opts = RunOptions {
        http,
        pause: Duration::from_secs_f64(pause),
    };
    let (mut ok, mut bad) = (0, 0);
    for sub in papers {
        let bar = super::output::progress(1);
        let o = run::run(sub, dates, &opts, dir, sink, &mut |e: &Event| {
            if let Some(bar) = &bar {
                match e {
                    Event::Day { paper, date } => {
                        bar.set_message(format!("{paper} {date}"));
                        bar.set_position(0);
                    }
                    Event::Page { done, total } => {
                        bar.set_length(*total as u64);
                        bar.set_position(*done as u64);
                    }
                    Event::Named(_) => {}
                }
            }
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        report(&o, out, log)?;
        let failure = o.failure();
        remember(dir, sub, failure.clone(), &o.paper);
        if failure.is_some() { bad += 1 } else { ok += 1 }
    }
    Ok((ok, bad))
}

/// A line per day on stdout, a line per fault on stderr, all into the log.
fn report(o: &run::Outcome, out: &mut dyn Write, log: &mut FetchLog) -> Result<()> {
    let name = o.paper.as_str();
    for d in &o.days {
        match &d.outcome {
            DayOutcome::Skipped => {
                writeln!(out, "{name} {}: already in the library", d.date)?;
                log.push(name, true, format!("{}: already in the library", d.date));
            }
            DayOutcome::Stored {
                added,
                pages,
                articles,
                lines,
                faults,
            } => {
                let incomplete = if faults.is_empty() {
                    ""
                } else {
                    " (incomplete)"
                };
                writeln!(
                    out,
                    "{name} {}: {pages} pages, {articles} articles, {} new{incomplete}",
                    d.date, added.new
                )?;
                for l in lines {
                    log.push(name, true, l.clone());
                }
                for f in faults {
                    eprintln!("dubao: {f}");
                    log.push(name, false, f.clone());
                }
            }
            DayOutcome::NotServed(e) | DayOutcome::Failed(e) => {
                eprintln!("dubao: {e}");
                log.push(name, false, e.clone());
            }
        }
    }
    Ok(())
}

/// Keep the last failure on the subscription (shown by `dubao feed list`), or clear it.
fn remember(dir: &Path, sub: &Subscription, failure: Option<String>, paper: &str) {
    let r = Subscriptions::update(dir, |s| {
        let taken = s.feeds.iter().any(|f| f.url != sub.url && f.name == paper);
        if let Some(f) = s.feeds.iter_mut().find(|f| f.url == sub.url) {
            f.last_error = failure;
            if f.auto_name && !taken && failure_free(&f.last_error) && !paper.is_empty() {
                f.name = paper.to_string();
                f.auto_name = false;
            }
        }
        Ok::<(), crate::feed::subs::SubsError>(())
    });
    if let Err(e) = r {
        eprintln!("dubao: {e}");
    }
}

fn failure_free(e: &Option<String>) -> bool {
    e.is_none()
}

/// `dubao fetch --last`: the last fetch's log.
pub fn print_last(dir: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let Some(log) = crate::feed::log::load_last(dir).map_err(anyhow::Error::msg)? else {
        writeln!(out, "nothing fetched yet")?;
        return Ok(ExitCode::SUCCESS);
    };
    writeln!(out, "fetch of {}", log.started)?;
    for l in &log.lines {
        let mark = if l.ok { "ok" } else { "FAILED" };
        writeln!(out, "{mark}\t{}\t{}", l.source, l.text)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn fetch_dates_take_the_readers_grammar() {
        let range = |d: Option<&str>, f: Option<&str>, t: Option<&str>| dates(d, f, t).ok();
        let want = |a: &str, b: &str| Some(Dates::Range(day(a), day(b)));
        assert_eq!(range(None, None, None), Some(Dates::Newest));
        assert_eq!(
            range(Some("2025-01-03"), None, None),
            want("2025-01-03", "2025-01-03")
        );
        assert_eq!(
            range(Some("2024-02"), None, None),
            want("2024-02-01", "2024-02-29")
        );
        assert_eq!(
            range(Some("2025-01..2025-03"), None, None),
            want("2025-01-01", "2025-03-31")
        );
        assert_eq!(
            range(None, Some("2025-01"), Some("2025-02")),
            want("2025-01-01", "2025-02-28")
        );
        assert_eq!(range(Some("2025-02-30"), None, None), None);
        assert_eq!(range(Some("2025-01.."), None, None), None);
        assert_eq!(range(None, Some("2025-03-01"), Some("2025-02-01")), None);
    }
}
