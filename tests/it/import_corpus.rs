//! The page splitter scored against the development corpus (`../shared/corpus/pages`,
//! real pages of two papers in two dump styles with their true articles), with bounds
//! just below what it reaches. Skipped, and passing, when the corpus is not there.

use std::path::PathBuf;

use dubao::import::score::{Score, score_corpus};

/// (source, style, article F1, paragraph recall, false merges per article) at least /
/// at most.
const BOUNDS: [(&str, &str, f64, f64, f64); 4] = [
    ("gmrb", "blank", 0.98, 0.99, 0.01),
    ("gmrb", "indent", 0.98, 0.995, 0.005),
    ("rmrb", "blank", 0.945, 0.98, 0.01),
    ("rmrb", "indent", 0.985, 0.99, 0.005),
];

#[test]
fn the_corpus_splits_within_bounds() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pages");
    if !dir.is_dir() {
        println!("SKIPPED: ../shared not found");
        return;
    }
    let scores = score_corpus(&dir, |_, _, _| {}).expect("the corpus reads");
    for (source, style, f1, para, merges) in BOUNDS {
        let s: &Score = scores
            .get(&(source.to_owned(), style.to_owned()))
            .unwrap_or_else(|| panic!("no {source} {style} pages"));
        println!("{source} {style}: {}", s.line());
        assert!(s.f1() >= f1, "{source} {style}: F1 {:.3} < {f1}", s.f1());
        assert!(
            s.paragraph_recall() >= para,
            "{source} {style}: paragraph recall {:.3} < {para}",
            s.paragraph_recall()
        );
        assert!(
            s.merge_rate() <= merges,
            "{source} {style}: false merges {:.3} > {merges}",
            s.merge_rate()
        );
    }
}
