//! Score the page splitter against a corpus of pages with their true articles:
//! `cargo run --release --example import_score -- [DIR] [--verbose] [--show FILE]`.
//!
//! DIR (default `../shared/corpus/pages`) holds `<source>-<date>-<NN>.{blank,indent}.txt`
//! beside `<source>-<date>-<NN>.truth.json`. Prints article precision, recall and F1,
//! paragraph recall and false merges per source and style, then per style and overall;
//! each group also counts the faults of [`dubao::import::faults`] (empty and dash titles,
//! moved datelines, wrong stack roles, swallowed articles) and the share of stacks right;
//! `--verbose` adds every page that is not perfect, with its missed and extra titles, the
//! paragraphs not found whole, the false merges and each fault. `--show FILE` prints how one page
//! splits; `--speed` only times the import.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dubao::import::score::{Score, score_corpus};
use dubao::import::{decode, parse_page};

fn main() -> anyhow::Result<()> {
    let mut dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/pages"
    ));
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--show" => return show(&PathBuf::from(args.next().unwrap_or_default())),
            "--speed" => return speed(&dir),
            _ => dir = PathBuf::from(arg),
        }
    }
    let groups = score_corpus(&dir, |name, style, s| {
        if verbose && !perfect(s) {
            print_page(name, style, s);
        }
    })
    .map_err(anyhow::Error::msg)?;
    let mut by_style: BTreeMap<&str, Score> = BTreeMap::new();
    let mut all = Score::default();
    println!("source  style   figures");
    for ((source, style), s) in &groups {
        print_group(source, style, s);
        by_style.entry(style).or_default().add(s);
        all.add(s);
    }
    for (style, s) in &by_style {
        print_group("all", style, s);
    }
    print_group("all", "both", &all);
    speed(&dir)?;
    Ok(())
}

/// How fast the pages import (decode, clean, split), in MB of page text a second.
fn speed(dir: &Path) -> anyhow::Result<()> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read(&path)?);
        }
    }
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let rounds = 5;
    let cpu_start = cpu_seconds();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            let text = decode::decode(t).map_err(anyhow::Error::msg)?;
            std::hint::black_box(parse_page(&text, "s", "", "01"));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_start;
    let mb = (bytes * rounds) as f64 / 1e6;
    // On a shared machine the wall clock counts other processes' turns; CPU time does not.
    println!(
        "speed: {:.1} MB/s of CPU time, {:.1} MB/s wall ({} pages, {:.1} MB of page text, {rounds} rounds)",
        mb / cpu,
        mb / secs,
        texts.len(),
        bytes as f64 / 1e6
    );
    Ok(())
}

/// The CPU time this process has used, in seconds.
fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to write.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// A group's figures, then its fault counts and the share of stacks right.
fn print_group(source: &str, style: &str, s: &Score) {
    println!("{source:<7} {style:<7} {}", s.line());
    println!(
        "{:<15} {}  stacks right {:.3}",
        "",
        s.faults.line(),
        s.stacks_right()
    );
}

fn perfect(s: &Score) -> bool {
    s.missed.is_empty()
        && s.extra.is_empty()
        && s.lost.is_empty()
        && s.merged.is_empty()
        && s.faults.is_clean()
}

fn print_page(name: &str, style: &str, s: &Score) {
    println!("{name}.{style}: {}", s.line());
    let short = |t: &str| t.chars().take(40).collect::<String>();
    for t in &s.missed {
        println!("    missed: {t}");
    }
    for t in &s.extra {
        println!("    extra:  {t}");
    }
    for t in &s.lost {
        println!("    lost:   {}", short(t));
    }
    for t in &s.merged {
        println!("    merged: {}", short(t));
    }
    for t in &s.faults.notes {
        println!("    fault:  {t}");
    }
}

/// `--show FILE`: how one page splits, article by article.
fn show(path: &Path) -> anyhow::Result<()> {
    let text = decode::decode(&std::fs::read(path)?).map_err(anyhow::Error::msg)?;
    let page = parse_page(&text, "show", "", "01");
    for line in &page.lines {
        println!("PAGE {:?} {}", line.kind, line.text);
    }
    for a in &page.articles {
        println!(
            "== {:?} | {:?} | {} | {:?} | by {:?} | credit {:?}",
            a.column, a.kicker, a.title, a.subtitle, a.byline, a.credit
        );
        for p in &a.paragraphs {
            let t: String = p.text.chars().take(30).collect();
            println!("   {:?} {t}", p.kind);
        }
    }
    Ok(())
}
