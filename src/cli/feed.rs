//! `dubao feed add|list|remove|import|export` and `dubao fetch [NAME...]`: the
//! subscriptions, and fetching them into the library with a progress bar on a terminal
//! and one summary line per feed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Subcommand;

use crate::feed::batch::{self, Outcome};
use crate::feed::fetch::Options;
use crate::feed::subs::{self, Subscriptions};
use crate::library::disk::DiskShelf;
use crate::library::ingest::FeedSink;

#[derive(Debug, Subcommand)]
pub enum FeedAction {
    /// Follow a paper: its e-paper site by name (`人民日报`, `rmrb`, `renminribao`; see
    /// `dubao papers`), an e-paper address, or a feed (RSS, Atom or JSON Feed).
    Add {
        /// A paper's name, slug or pinyin, an e-paper address or a feed's address.
        url: String,
        /// What to call it (default: the paper's name, once fetched).
        #[arg(long)]
        name: Option<String>,
    },
    /// The feeds followed: name and address.
    List {
        /// Print JSON: name, address and what the server said last time.
        #[arg(long)]
        json: bool,
    },
    /// Stop following a feed (by name or address).
    Remove {
        /// The feed's name (see `dubao feed list`) or address.
        name: String,
    },
    /// Follow every feed in an OPML file.
    Import {
        /// An OPML file, as feed readers export their subscriptions.
        file: PathBuf,
    },
    /// Print the feeds followed as OPML.
    Export,
}

/// Options of `dubao fetch`.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// Only these feeds and papers (by name, slug or address); default: all followed.
    pub names: Vec<String>,
    /// Give up on a feed or page after this many seconds (default 30).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// How many feeds to fetch at once.
    #[arg(long, default_value_t = 4)]
    pub jobs: usize,
    /// E-papers: this day's issue instead of the newest (2025-01-03), or every issue of
    /// a month, a year or a range (2025-01, 2025-01..2025-03).
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    pub date: Option<String>,
    /// E-papers: every issue from this day (YYYY-MM-DD, or the first of a month or year)…
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// …to this day, inclusive; issues already whole in the library are skipped.
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// E-papers: seconds between two requests to a site (default 0.5).
    #[arg(long, value_name = "SECS")]
    pub pause: Option<f64>,
    /// Print the last fetch's log instead of fetching.
    #[arg(long, conflicts_with_all = ["names", "date", "from", "to"])]
    pub last: bool,
}

/// Where the subscriptions live: `$XDG_DATA_HOME/dubao`.
fn data_dir() -> Result<PathBuf> {
    subs::data_dir().context("no home folder: cannot find where to keep feeds")
}

/// Run `dubao feed …`.
pub fn run_feed(action: &FeedAction, out: &mut dyn Write) -> Result<ExitCode> {
    let dir = data_dir()?;
    let subs = Subscriptions::load(&dir)?;
    match action {
        FeedAction::Add { url, name } => {
            let sub = super::epaper::add(&dir, url, name.as_deref())?;
            writeln!(out, "{}\t{}", sub.name, sub.url)?;
        }
        FeedAction::List { json } => {
            if *json {
                serde_json::to_writer_pretty(&mut *out, &subs.feeds)?;
                writeln!(out)?;
            } else {
                for s in &subs.feeds {
                    match &s.last_error {
                        Some(e) => writeln!(out, "{}\t{}\tfailed last time: {e}", s.name, s.url)?,
                        None => writeln!(out, "{}\t{}", s.name, s.url)?,
                    }
                }
            }
        }
        FeedAction::Remove { name } => {
            Subscriptions::update(&dir, |s| s.remove(name))?;
        }
        FeedAction::Import { file } => {
            let n = Subscriptions::update(&dir, |s| s.import_opml(file))?;
            writeln!(out, "{n} feeds added")?;
        }
        FeedAction::Export => {
            out.write_all(subs.to_opml().as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Run `dubao fetch`: feeds, then e-papers. Non-zero when nothing asked for was done
/// (every source failed, no such paper, a bad date); 0 with a warning when part was.
pub fn run_fetch(args: &FetchArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let dir = data_dir()?;
    if args.last {
        return super::epaper::print_last(&dir, out);
    }
    let dates = super::epaper::dates(
        args.date.as_deref(),
        args.from.as_deref(),
        args.to.as_deref(),
    )?;
    let subs = Subscriptions::load(&dir)?;
    let chosen: Vec<subs::Subscription> = if args.names.is_empty() {
        subs.feeds.clone()
    } else {
        let mut v = Vec::new();
        for n in &args.names {
            let s = super::epaper::find(&subs, n).with_context(|| {
                format!("no feed named {n} (see `dubao feed list`; papers: `dubao papers`)")
            })?;
            v.push(s.clone());
        }
        v
    };
    if chosen.is_empty() {
        anyhow::bail!(
            "nothing followed: get today's paper with `dubao feed add 人民日报` (`dubao papers` lists them)"
        );
    }
    let mut opts = Options::default();
    if let Some(t) = args.timeout {
        opts = opts.with_timeout(t);
    }
    let shelf = DiskShelf::open(super::library::library_dir()?)?;
    let mut sink = FeedSink { shelf: &shelf };
    let mut log = crate::feed::log::FetchLog::now();
    let (feeds, papers): (Vec<_>, Vec<_>) = chosen.into_iter().partition(|s| !s.epaper);
    let mut failed = 0;
    if !feeds.is_empty() {
        let bar = super::output::progress(feeds.len());
        let outcomes = batch::run(&feeds, &opts, args.jobs, &mut sink, &mut |o: &Outcome| {
            if let Some(bar) = &bar {
                bar.set_message(o.name.clone());
                bar.inc(1);
            }
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        failed += report(&outcomes, &feeds, out, &mut log)?;
        batch::remember(&dir, &outcomes, &feeds)?;
    }
    let mut did = feeds.len() - failed;
    if !papers.is_empty() {
        let pause = args.pause.unwrap_or(0.5);
        let (ok, _failed) =
            super::epaper::fetch(&dir, &papers, &dates, opts, pause, &mut sink, out, &mut log)?;
        did += ok;
    }
    if let Err(e) = log.save(&dir) {
        eprintln!("dubao: cannot save the fetch log: {e}");
    }
    // Each source that did not come in has its own line above: those are the warnings.
    Ok(if did == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One line per feed: `人民日报: 61 new` on stdout, `NAME: what is wrong` on stderr.
/// Returns how many failed.
fn report(
    outcomes: &[Outcome],
    chosen: &[subs::Subscription],
    out: &mut dyn Write,
    log: &mut crate::feed::log::FetchLog,
) -> Result<usize> {
    let mut failed = 0;
    for o in outcomes {
        // A feed named from its URL is named after its paper from now on.
        let name = match &o.result {
            Ok(r) if chosen[o.index].auto_name && !r.paper.is_empty() => r.paper.as_str(),
            _ => o.name.as_str(),
        };
        let line = match &o.result {
            Ok(r) if r.not_modified => "not modified".to_string(),
            Ok(r) if r.added.changed > 0 => {
                format!("{} new, {} changed", r.added.new, r.added.changed)
            }
            Ok(r) => format!("{} new", r.added.new),
            Err(e) => {
                failed += 1;
                eprintln!("dubao: {name}: {e}");
                log.push(name, false, e.to_string());
                continue;
            }
        };
        writeln!(out, "{name}: {line}")?;
        log.push(name, true, line);
    }
    Ok(failed)
}
