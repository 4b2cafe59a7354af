//! What indexing one field layout costs, alone: the articles of a folder of pages parsed
//! first (timed apart), then their text indexed into a fresh index on disk with no
//! merges, and the CPU seconds, wall time and size printed. The floor under `dubao
//! import`'s speed (see the README's performance table).
//!
//! `cargo run --release --example index_cost -- DIR LAYOUT [THREADS] [MB_PER_THREAD]`
//!
//! LAYOUT: `current` (chars without positions + pairs with them, as the library
//! indexes), `pos` (pairs with positions only), `chars` (single chars without
//! positions, each once per article), `basic` (every pair, without positions), `dedup`
//! (each pair once per article, without positions, tokenized here), `dedup+chars`.

use std::collections::HashSet;
use std::path::PathBuf;

use dubao::search::engine::{CHARS, PAIRS, register_tokenizers};
use dubao::search::tokenize::indexed_text;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{Index, TantivyDocument};

/// CPU seconds this process has used, all threads (from /proc, at 100 ticks a second).
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    (tick(11) + tick(12)) as f64 / 100.0
}

fn opts(tok: &str, rec: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tok)
            .set_index_option(rec)
            .set_fieldnorms(false),
    )
}

fn pairs_dedup(text: &str) -> PreTokenizedString {
    let mut seen = HashSet::new();
    let mut tokens = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c == '\u{1E}' {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let s: String = [p, c].iter().collect();
            if seen.insert(s.clone()) {
                tokens.push(Token {
                    text: s,
                    position: tokens.len(),
                    ..Default::default()
                });
            }
        }
        prev = Some(c);
    }
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(&args[1]);
    let variant = args[2].as_str();
    let t0 = (cpu(), std::time::Instant::now());
    let loaded = dubao::import::load_paths(&[dir]).expect("load");
    let mut texts = Vec::new();
    let mut bytes = 0;
    for issue in &loaded.library.issues {
        for page in &issue.pages {
            for a in &page.articles {
                let t = indexed_text(a);
                bytes += t.len();
                texts.push(t);
            }
        }
    }
    let t1 = (cpu(), std::time::Instant::now());
    eprintln!(
        "parsed {} articles, {:.1} MB text: {:.2} cpu s, {:.2} s",
        texts.len(),
        bytes as f64 / 1e6,
        t1.0 - t0.0,
        (t1.1 - t0.1).as_secs_f64()
    );
    let mut b = Schema::builder();
    let chars = b.add_text_field("chars", opts(CHARS, IndexRecordOption::Basic));
    let pos = b.add_text_field(
        "pairs",
        opts(PAIRS, IndexRecordOption::WithFreqsAndPositions),
    );
    let basic = b.add_text_field("pairs_b", opts(PAIRS, IndexRecordOption::Basic));
    let pre = b.add_text_field("pairs_pre", opts(PAIRS, IndexRecordOption::Basic));
    let tmp = std::env::temp_dir().join(format!("dubao_index_cost_{variant}"));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let index = Index::create_in_dir(&tmp, b.build()).unwrap();
    register_tokenizers(&index);
    let threads: usize = args.get(3).map_or(2, |s| s.parse().unwrap());
    let budget: usize = args.get(4).map_or(32, |s| s.parse().unwrap());
    let mut w: tantivy::IndexWriter = index
        .writer_with_num_threads(threads, threads * budget * 1_000_000)
        .unwrap();
    w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    for t in &texts {
        let mut d = TantivyDocument::default();
        match variant {
            "current" => {
                d.add_text(chars, t);
                d.add_text(pos, t);
            }
            "pos" => d.add_text(pos, t),
            "chars" => d.add_text(chars, t),
            "basic" => d.add_text(basic, t),
            "dedup" => d.add_pre_tokenized_text(pre, pairs_dedup(t)),
            "dedup+chars" => {
                d.add_text(chars, t);
                d.add_pre_tokenized_text(pre, pairs_dedup(t));
            }
            other => panic!("unknown layout {other}"),
        }
        w.add_document(d).unwrap();
    }
    w.commit().unwrap();
    w.wait_merging_threads().unwrap();
    let t2 = (cpu(), std::time::Instant::now());
    let size: u64 = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    eprintln!(
        "{variant}: index {:.2} cpu s, {:.2} s wall, {:.1} MB on disk, {:.1} MB/s wall",
        t2.0 - t1.0,
        (t2.1 - t1.1).as_secs_f64(),
        size as f64 / 1e6,
        bytes as f64 / 1e6 / (t2.1 - t1.1).as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
