//! Either script, measured (issue 23): conversion speed for display (MB/s of article
//! text, per script), the search fold's speed, and what the fold changes in the size of
//! the article index, on the development corpus (`../shared/corpus`, when there) or the
//! bundled issue. `cargo bench --bench script`; it prints numbers, it asserts nothing.

#[path = "../tests/fixtures/typeset/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use dubao::model::Article;
use dubao::search::engine;
use dubao::search::normalize::fold_char_in;
use dubao::search::tokenize::indexed_text;
use dubao::text::script::{Script, convert_article};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, TantivyDocument};

fn articles() -> (String, Vec<Article>) {
    if let Some(shared) = corpus::shared_dir() {
        let arts = corpus::articles(&shared.join("corpus/pages"));
        if !arts.is_empty() {
            return ("the development corpus".into(), arts);
        }
    }
    let lib = dubao::import::load_bundled();
    let one: Vec<Article> = lib.articles().map(|(_, a)| a.clone()).collect();
    let arts = (0..100).flat_map(|_| one.iter().cloned()).collect();
    ("the bundled issue ×100".into(), arts)
}

fn bytes(arts: &[Article]) -> usize {
    arts.iter()
        .map(|a| a.fields().iter().map(|(_, t)| t.len()).sum::<usize>())
        .sum()
}

/// MB/s of converting every article to `script`, best of three.
fn convert_speed(arts: &[Article], script: Script) -> f64 {
    let _ = convert_article(&arts[0], script); // load the tables first
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for a in arts {
            black_box(convert_article(a, script));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    bytes(arts) as f64 / 1e6 / best
}

/// MB/s of folding every article's text as search does, with the script fold or
/// without it; best of three.
fn fold_speed(arts: &[Article], scripts: bool) -> f64 {
    let texts: Vec<String> = arts.iter().map(indexed_text).collect();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let mut n = 0usize;
        for s in &texts {
            for c in s.chars() {
                fold_char_in(c, scripts, |f| n += f as usize & 1);
            }
        }
        black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    texts.iter().map(String::len).sum::<usize>() as f64 / 1e6 / best
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Bytes of an article index (the chars and pairs fields only) of `arts`, with the
/// script fold or without it, merged into one segment.
fn index_size(arts: &[Article], scripts: bool) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let (schema, f) = engine::schema();
    let mmap = MmapDirectory::open(dir.path()).unwrap();
    let index = Index::builder()
        .schema(schema)
        .settings(engine::settings())
        .open_or_create(mmap)
        .unwrap();
    engine::register_tokenizers_with(&index, scripts);
    let mut w = index.writer_with_num_threads(1, 64_000_000).unwrap();
    for a in arts {
        let text = indexed_text(a);
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.kind, engine::KIND_ARTICLE);
        doc.add_text(f.chars, &text);
        doc.add_text(f.pairs, &text);
        w.add_document(doc).unwrap();
    }
    w.commit().unwrap();
    let ids = index.searchable_segment_ids().unwrap();
    if ids.len() > 1 {
        let _ = w.merge(&ids).wait();
    }
    w.wait_merging_threads().unwrap();
    dir_size(dir.path())
}

fn main() {
    let (name, arts) = articles();
    let mb = bytes(&arts) as f64 / 1e6;
    println!(
        "script: {} articles of {name}, {mb:.1} MB of text",
        arts.len()
    );
    for script in [Script::Traditional, Script::Taiwan, Script::HongKong] {
        let speed = convert_speed(&arts, script);
        println!(
            "  convert simplified → {:<11} {speed:6.1} MB/s",
            script.name()
        );
    }
    let trad: Vec<Article> = arts
        .iter()
        .map(|a| convert_article(a, Script::Traditional).into_owned())
        .collect();
    let back = convert_speed(&trad, Script::Simplified);
    println!("  convert traditional → simplified {back:6.1} MB/s");
    println!(
        "  search fold of traditional text: {:.1} MB/s with the script fold, {:.1} MB/s without",
        fold_speed(&trad, true),
        fold_speed(&trad, false)
    );
    let mut both = arts.clone();
    both.extend(trad.iter().cloned());
    for (what, set) in [("simplified", &arts), ("simplified + traditional", &both)] {
        let without = index_size(set, false);
        let with = index_size(set, true);
        let change = (with as f64 - without as f64) / without as f64 * 100.0;
        println!(
            "  article index of {what}: {:.2} MB without the fold, {:.2} MB with it ({change:+.1}%)",
            without as f64 / 1e6,
            with as f64 / 1e6
        );
    }
}
