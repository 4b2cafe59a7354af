//! The library's figures on a generated archive (see `gen_archive`): import MB/s, index
//! size against text size, open to the newest issue, per-keystroke search latency for
//! the first 20 hits (1-char queries included), whole-process `list --date` and
//! `search --limit 20`, and resident memory.
//!
//! `cargo run --release --example library_bench -- ARCHIVE DATA_HOME [--no-import]`
//! (the library goes to `DATA_HOME/dubao/library`; the `dubao` binary next to this
//! example's folder is used for whole-process times: `cargo build --release` first).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use dubao::library::disk::DiskShelf;
use dubao::library::ingest;
use dubao::library::{SearchQuery, Shelf};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Resident kB of mapped files by extension (`.term`, `.pos`, …), most first, from
/// /proc/self/smaps: which part of the index a reader keeps in memory.
fn mapped_by_extension() -> Vec<(String, u64)> {
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap_or_default();
    let mut by: std::collections::BTreeMap<String, u64> = Default::default();
    let mut ext: Option<String> = None;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            ext = line
                .split_whitespace()
                .nth(5)
                .filter(|p| p.starts_with('/'))
                .map(|p| p.rsplit('.').next().unwrap_or("").to_string());
        } else if let (Some(e), Some(kb)) = (&ext, line.strip_prefix("Rss:")) {
            let kb: u64 = kb.trim().trim_end_matches(" kB").parse().unwrap_or(0);
            *by.entry(e.clone()).or_default() += kb;
        }
    }
    let mut v: Vec<(String, u64)> = by.into_iter().filter(|(_, kb)| *kb > 1024).collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1));
    v
}

/// CPU seconds this process has used, all threads (from /proc, at 100 ticks a second).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let f: Vec<&str> = after.split_whitespace().collect();
    // After the command: state, ppid, … utime and stime are fields 14 and 15 of the line.
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    (tick(11) + tick(12)) as f64 / 100.0
}

fn text_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// Times whole `dubao` processes; the best and the median of `n` runs.
fn whole_process(bin: &Path, home: &Path, args: &[&str], n: usize) -> (f64, f64) {
    let mut t: Vec<f64> = (0..n)
        .map(|_| {
            let start = Instant::now();
            let o = Command::new(bin)
                .args(args)
                .env("XDG_DATA_HOME", home)
                .output()
                .expect("run dubao");
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            ms(start.elapsed())
        })
        .collect();
    let median = percentile(&mut t, 0.5);
    (t[0], median)
}

/// An import's warnings on stderr; no bar.
struct Warnings;

impl ingest::Progress for Warnings {
    fn warn(&mut self, line: String) {
        eprintln!("{line}");
    }
}

fn import(dir: &Path, archive: &Path) -> anyhow::Result<()> {
    let shelf = DiskShelf::open(dir)?;
    let start = Instant::now();
    let cpu = cpu_secs();
    let report = ingest::import_files(&shelf, &[archive.to_path_buf()], &mut Warnings)?;
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu;
    let mb = report.bytes as f64 / 1e6;
    println!(
        "import: {mb:.1} MB in {secs:.1} s = {:.1} MB/s wall; {cpu:.1} CPU s = {:.1} MB per CPU second ({report})",
        mb / secs,
        mb / cpu,
    );
    Ok(())
}

/// Per-keystroke search for the first 20 hits: phrases typed one char at a time.
fn keystrokes(shelf: &DiskShelf, issue: &dubao::model::Issue) -> anyhow::Result<()> {
    let mut phrases: Vec<String> = Vec::new();
    for a in issue.pages.iter().flat_map(|p| &p.articles).take(24) {
        let chars: Vec<char> = a.title.chars().filter(|c| !c.is_whitespace()).collect();
        phrases.push(chars.iter().take(6).collect());
    }
    phrases.extend(["的", "中国", "农业", "发展银行", "一", "z", "2022", "鬱"].map(String::from));
    let mut times = Vec::new();
    let mut one_char = Vec::new();
    let mut slowest: Vec<(f64, String)> = Vec::new();
    for phrase in &phrases {
        let mut typed = String::new();
        for c in phrase.chars() {
            typed.push(c);
            let q = SearchQuery {
                text: typed.clone(),
                limit: 20,
                ..Default::default()
            };
            let start = Instant::now();
            std::hint::black_box(shelf.search(&q)?);
            let t = ms(start.elapsed());
            slowest.push((t, typed.clone()));
            times.push(t);
            if typed.chars().count() == 1 {
                one_char.push(t);
            }
        }
    }
    let n = times.len();
    println!(
        "search, first 20 hits per keystroke ({n} keystrokes): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; 1-char p99 {:.2} ms",
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.99),
        times[n - 1],
        percentile(&mut one_char, 0.99),
    );
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let worst: Vec<String> = slowest
        .iter()
        .take(4)
        .map(|(t, q)| format!("{q} {t:.1} ms"))
        .collect();
    println!("slowest keystrokes: {}", worst.join(", "));
    let (total, took) = timed_count(shelf, "的")?;
    println!("count of 的: {total} articles in {took:.1} ms");
    Ok(())
}

/// How many articles hold `text`, and the milliseconds the count took.
fn timed_count(shelf: &DiskShelf, text: &str) -> anyhow::Result<(usize, f64)> {
    let start = Instant::now();
    let total = shelf.count(&SearchQuery {
        text: text.into(),
        ..Default::default()
    })?;
    Ok((total, ms(start.elapsed())))
}

/// Whole `dubao` processes, with the binary beside this example's folder.
fn whole_processes(home: &Path, date: &str) -> anyhow::Result<()> {
    let bin = std::env::current_exe()?
        .parent()
        .and_then(Path::parent)
        .map(|p| p.join("dubao"))
        .filter(|p| p.exists());
    let Some(bin) = bin else {
        println!("(no dubao binary beside the example: skipping whole-process times)");
        return Ok(());
    };
    for args in [
        vec!["list", "--date", date],
        vec!["search", "农业", "--limit", "20"],
        vec!["search", "的", "--limit", "20"],
        vec!["library"],
    ] {
        let (best, median) = whole_process(&bin, home, &args, 7);
        println!(
            "whole process `dubao {}`: best {best:.1} ms, median {median:.1} ms",
            args.join(" ")
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let archive = PathBuf::from(args.first().expect("ARCHIVE"));
    let home = PathBuf::from(args.get(1).expect("DATA_HOME"));
    let dir = home.join("dubao").join("library");
    if !args.iter().any(|a| a == "--no-import") {
        import(&dir, &archive)?;
    }
    let start = Instant::now();
    let shelf = DiskShelf::open(&dir)?;
    let opened = start.elapsed();
    let issues = shelf.issues();
    let listed = start.elapsed();
    let newest = issues.last().expect("an imported archive").clone();
    let issue = shelf.load_issue(&newest.key)?;
    let open = start.elapsed();
    let (size, text) = (shelf.size_on_disk(), text_bytes(&archive));
    println!(
        "library: {} issues, {} articles; {:.1} MB on disk for {:.1} MB of text = {:.2}x",
        issues.len(),
        issues.iter().map(|i| i.articles).sum::<usize>(),
        size as f64 / 1e6,
        text as f64 / 1e6,
        size as f64 / text as f64
    );
    println!(
        "open to the newest issue ({} pages): {:.1} ms (library open {:.1} ms, issue list of {} entries {:.1} ms, the issue {:.1} ms)",
        issue.pages.len(),
        ms(open),
        ms(opened),
        issues.len(),
        ms(listed - opened),
        ms(open - listed),
    );
    // As the reader does once the first issue is shown; a search waits for it.
    shelf.index_in_background();
    let (_, took) = timed_count(&shelf, "的")?;
    println!("index reader opened (in the background, as the reader opens it) {took:.1} ms later");
    keystrokes(&shelf, &issue)?;
    println!(
        "resident memory: {} MB now ({} MB anonymous, {} MB of mapped files), {} MB peak (import included when run)",
        rss_kb("VmRSS:") / 1024,
        rss_kb("RssAnon:") / 1024,
        rss_kb("RssFile:") / 1024,
        rss_kb("VmHWM:") / 1024
    );
    let mapped: Vec<String> = mapped_by_extension()
        .iter()
        .map(|(e, kb)| format!(".{e} {} MB", kb / 1024))
        .collect();
    println!("mapped files resident: {}", mapped.join(", "));
    whole_processes(&home, &newest.key.date)
}
