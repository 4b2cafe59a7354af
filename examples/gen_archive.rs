//! Writes a generated archive of a daily paper for benches and trials: `YEARS` years of
//! `PAGES` pages a day (default 16) under `OUT/<paper>/<YYYY-MM-DD>/<NN>.txt`, made from
//! the bundled page and the import fixtures (and any `.txt` pages under `--pages DIR`),
//! with a share of their Han characters swapped per page so no two days read alike.
//! `--papers N` writes N such papers (`sim-daily`, `sim-daily-2`, …), each its own text;
//! `--only K` writes only the K-th of them (the same text as in a run of N), so a large
//! archive can be made and imported a paper at a time on a small disk.
//!
//! `cargo run --release --example gen_archive -- OUT YEARS [PAGES] [--pages DIR] [--papers N] [--only K]`

use std::path::{Path, PathBuf};

fn usage() -> ! {
    eprintln!("usage: gen_archive OUT YEARS [PAGES] [--pages DIR] [--papers N] [--only K]");
    std::process::exit(2)
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn source_pages(extra: Option<&Path>) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![dubao::import::BUNDLED_PAGE.to_string()];
    for name in [
        "blank-layout.txt",
        "centred-layout.txt",
        "indent-layout.txt",
    ] {
        if let Ok(t) = std::fs::read_to_string(root.join("tests/fixtures/import").join(name)) {
            pages.push(t);
        }
    }
    if let Some(dir) = extra {
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "txt")
                    && let Ok(t) = std::fs::read_to_string(&p)
                {
                    pages.push(t);
                }
            }
        }
    }
    pages
}

/// Days since 1970-01-01 → `YYYY-MM-DD` (the proleptic Gregorian calendar).
fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let extra = args.iter().position(|a| a == "--pages").map(|i| {
        let dir = args.get(i + 1).cloned().unwrap_or_else(|| usage());
        args.drain(i..=i + 1);
        PathBuf::from(dir)
    });
    let papers: usize = match args.iter().position(|a| a == "--papers") {
        Some(i) => {
            let n = args.get(i + 1).and_then(|n| n.parse().ok());
            args.drain(i..=(i + 1).min(args.len() - 1));
            n.unwrap_or_else(|| usage())
        }
        None => 1,
    };
    let only: Option<usize> = args.iter().position(|a| a == "--only").map(|i| {
        let k = args.get(i + 1).and_then(|n| n.parse().ok());
        args.drain(i..=(i + 1).min(args.len() - 1));
        k.unwrap_or_else(|| usage())
    });
    let out = PathBuf::from(args.first().unwrap_or_else(|| usage()));
    let years: f64 = args
        .get(1)
        .and_then(|y| y.parse().ok())
        .unwrap_or_else(|| usage());
    let per_day: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(16);
    let pages = source_pages(extra.as_deref());
    let pool: Vec<char> = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|&c| is_han(c))
        .collect();
    let days = (years * 365.0).round() as i64;
    let first = 19_000 - days; // ending in early 2022
    let mut bytes = 0usize;
    let written: Vec<usize> = (1..=papers)
        .filter(|&p| only.is_none_or(|k| k == p))
        .collect();
    for &paper in &written {
        let name = match paper {
            1 => "sim-daily".to_string(),
            n => format!("sim-daily-{n}"),
        };
        let mut rng = Rng(0x0dd_ba11 + paper as u64 - 1);
        bytes += write_paper(
            &out.join(name),
            &pages,
            &pool,
            &mut rng,
            (first, days),
            per_day,
        );
    }
    println!(
        "{} papers x {} days x {per_day} pages = {} pages, {:.1} MB of text in {}",
        written.len(),
        days,
        written.len() * days as usize * per_day,
        bytes as f64 / 1e6,
        out.display()
    );
}

/// One paper's days `(first, days)` of `per_day` pages under `dir`; its bytes of text.
fn write_paper(
    dir: &Path,
    pages: &[String],
    pool: &[char],
    rng: &mut Rng,
    (first, days): (i64, i64),
    per_day: usize,
) -> usize {
    let mut bytes = 0;
    for day in 0..days {
        let dir = dir.join(civil(first + day));
        std::fs::create_dir_all(&dir).expect("create the day's folder");
        for p in 0..per_day {
            // Mostly full pages (the bundled one), sometimes a short fixture page.
            let src = if pages.len() > 1 && rng.below(8) == 0 {
                &pages[1 + rng.below(pages.len() - 1)]
            } else {
                &pages[0]
            };
            let text: String = src
                .chars()
                .map(|c| {
                    if is_han(c) && rng.below(6) == 0 {
                        pool[rng.below(pool.len())]
                    } else {
                        c
                    }
                })
                .collect();
            bytes += text.len();
            std::fs::write(dir.join(format!("{:02}.txt", p + 1)), text).expect("write a page");
        }
    }
    bytes
}
