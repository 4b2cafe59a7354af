//! Score the page splitter against a corpus of pages with their true articles:
//! `cargo run --release --example import_score -- [DIR] [--verbose]`.
//!
//! DIR (default `../shared/corpus/pages`) holds `<source>-<date>-<NN>.{blank,indent}.txt`
//! beside `<source>-<date>-<NN>.truth.json`. Prints article precision, recall and F1,
//! paragraph recall and false merges per source and style, then per style and overall;
//! `--verbose` adds every page that is not perfect, with its missed and extra titles.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dubao::import::score::{Score, Truth, score_page};
use dubao::import::{decode, page::parse_page};

/// `--show FILE`: how one page splits, article by article.
fn show(path: &std::path::Path) -> anyhow::Result<()> {
    let text = decode::decode(&std::fs::read(path)?).map_err(|e| anyhow::anyhow!("{e}"))?;
    let page = parse_page(&text, "show", "", "01");
    for line in &page.lines {
        println!("PAGE {:?} {}", line.kind, line.text);
    }
    for a in &page.articles {
        println!(
            "== {:?} | {:?} | {} | {:?} | by {:?}",
            a.column, a.kicker, a.title, a.subtitle, a.byline
        );
        for p in &a.paragraphs {
            let t: String = p.text.chars().take(30).collect();
            println!("   {:?} {t}", p.kind);
        }
    }
    Ok(())
}

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
            _ => dir = PathBuf::from(arg),
        }
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    names.sort();
    let mut by_group: BTreeMap<(String, &str), Score> = BTreeMap::new();
    for truth_path in &names {
        let stem = truth_path
            .to_string_lossy()
            .trim_end_matches(".truth.json")
            .to_owned();
        let name = stem.rsplit('/').next().unwrap_or_default().to_owned();
        let source = name.split('-').next().unwrap_or_default().to_owned();
        let truth: Truth = serde_json::from_slice(&std::fs::read(truth_path)?)?;
        for style in ["blank", "indent"] {
            let path = PathBuf::from(format!("{stem}.{style}.txt"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text =
                decode::decode(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let page = parse_page(&text, &source, "", "01");
            let s = score_page(&truth, &page);
            if verbose
                && (!s.missed.is_empty()
                    || !s.extra.is_empty()
                    || s.paragraph_recall() < 1.0
                    || s.false_merges > 0)
            {
                println!("{name}.{style}: {}", s.line());
                for t in &s.missed {
                    println!("    missed: {t}");
                }
                for t in &s.extra {
                    println!("    extra:  {t}");
                }
                let short = |t: &str| t.chars().take(40).collect::<String>();
                for t in &s.lost {
                    println!("    lost:   {}", short(t));
                }
                for t in &s.merged {
                    println!("    merged: {}", short(t));
                }
            }
            by_group.entry((source.clone(), style)).or_default().add(&s);
        }
    }
    let mut by_style: BTreeMap<&str, Score> = BTreeMap::new();
    let mut all = Score::default();
    println!("source  style   figures");
    for ((source, style), s) in &by_group {
        println!("{source:<7} {style:<7} {}", s.line());
        by_style.entry(style).or_default().add(s);
        all.add(s);
    }
    for (style, s) in &by_style {
        println!("{:<7} {style:<7} {}", "all", s.line());
    }
    println!("{:<7} {:<7} {}", "all", "both", all.line());
    Ok(())
}
