//! `dubao feed add|list|remove|import|export` and `dubao fetch [NAME...]`: the
//! subscriptions, and fetching them into the library with a progress bar on a terminal
//! and one summary line per feed.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Subcommand;

use crate::feed::batch::{self, Outcome};
use crate::feed::fetch::Options;
use crate::feed::subs::{self, Subscriptions};
use crate::library::disk::DiskShelf;
use crate::library::fetched::FeedSink;

#[derive(Debug, Subcommand)]
pub enum FeedAction {
    /// Follow a paper's feed (RSS, Atom or JSON Feed).
    Add {
        /// The feed's address (http:// or https://).
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
    /// Only these feeds (by name or address); default: every feed.
    pub names: Vec<String>,
    /// Give up on a feed after this many seconds (default 30).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// How many feeds to fetch at once.
    #[arg(long, default_value_t = 4)]
    pub jobs: usize,
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
            let sub = Subscriptions::update(&dir, |s| s.add(url, name.as_deref()).cloned())?;
            writeln!(out, "{}\t{}", sub.name, sub.url)?;
        }
        FeedAction::List { json } => {
            if *json {
                serde_json::to_writer_pretty(&mut *out, &subs.feeds)?;
                writeln!(out)?;
            } else {
                for s in &subs.feeds {
                    writeln!(out, "{}\t{}", s.name, s.url)?;
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

/// Run `dubao fetch`: non-zero only when every feed failed.
pub fn run_fetch(args: &FetchArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let dir = data_dir()?;
    let subs = Subscriptions::load(&dir)?;
    let chosen: Vec<subs::Subscription> = if args.names.is_empty() {
        subs.feeds.clone()
    } else {
        let mut v = Vec::new();
        for n in &args.names {
            let s = subs
                .find(n)
                .with_context(|| format!("no feed named {n} (see `dubao feed list`)"))?;
            v.push(s.clone());
        }
        v
    };
    if chosen.is_empty() {
        anyhow::bail!("no feeds to fetch: add one with `dubao feed add URL`");
    }
    let mut opts = Options::default();
    if let Some(t) = args.timeout {
        opts = opts.with_timeout(t);
    }
    let shelf = DiskShelf::open(super::library::library_dir()?)?;
    let mut sink = FeedSink { shelf: &shelf };
    let bar = progress(chosen.len());
    let outcomes = batch::run(&chosen, &opts, args.jobs, &mut sink, &mut |o: &Outcome| {
        if let Some(bar) = &bar {
            bar.set_message(o.name.clone());
            bar.inc(1);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let failed = report(&outcomes, &chosen, out)?;
    batch::remember(&dir, &outcomes, &chosen)?;
    Ok(if failed == outcomes.len() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar on stderr when it is a terminal.
fn progress(n: usize) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// One line per feed: `人民日报: 61 new` on stdout, `NAME: what is wrong` on stderr.
/// Returns how many failed.
fn report(
    outcomes: &[Outcome],
    chosen: &[subs::Subscription],
    out: &mut dyn Write,
) -> Result<usize> {
    let mut failed = 0;
    for o in outcomes {
        // A feed named from its URL is named after its paper from now on.
        let name = match &o.result {
            Ok(r) if chosen[o.index].auto_name && !r.paper.is_empty() => r.paper.as_str(),
            _ => o.name.as_str(),
        };
        match &o.result {
            Ok(r) if r.not_modified => writeln!(out, "{name}: not modified")?,
            Ok(r) if r.added.changed > 0 => writeln!(
                out,
                "{name}: {} new, {} changed",
                r.added.new, r.added.changed
            )?,
            Ok(r) => writeln!(out, "{name}: {} new", r.added.new)?,
            Err(e) => {
                failed += 1;
                eprintln!("dubao: {name}: {e}");
            }
        }
    }
    Ok(failed)
}
