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
    ("rmrb", "blank", 0.97, 0.985, 0.01),
    ("rmrb", "indent", 0.99, 0.99, 0.005),
];

/// (source, style, share of found articles whose stack roles are right, datelines moved,
/// articles swallowed) at least / at most; no style may leave a title empty or open one
/// with `——`.
const FAULT_BOUNDS: [(&str, &str, f64, usize, usize); 4] = [
    ("gmrb", "blank", 0.99, 0, 1),
    ("gmrb", "indent", 0.99, 0, 1),
    ("rmrb", "blank", 0.97, 0, 7),
    ("rmrb", "indent", 0.97, 0, 1),
];

/// The development corpus's pages: `../shared/corpus/pages`, or under `$DUBAO_SHARED`
/// when that names the shared folder (a worktree that sits elsewhere). `None`, with the
/// skip printed, when it is not there.
pub fn corpus_pages() -> Option<PathBuf> {
    let dir = crate::typeset_corpus::shared_dir()
        .map(|s| s.join("corpus/pages"))
        .filter(|d| d.is_dir());
    if dir.is_none() {
        println!("SKIPPED: ../shared not found");
    }
    dir
}

#[test]
fn the_corpus_splits_within_bounds() {
    let Some(dir) = corpus_pages() else {
        return;
    };
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
        let f = &s.faults;
        println!("{source} {style}: {}", f.line());
        assert_eq!((f.empty_titles, f.dash_titles), (0, 0), "{source} {style}");
        assert!(
            s.merge_rate() <= merges,
            "{source} {style}: false merges {:.3} > {merges}",
            s.merge_rate()
        );
    }
}

#[test]
fn the_corpus_faults_stay_within_bounds() {
    let Some(dir) = corpus_pages() else {
        return;
    };
    let scores = score_corpus(&dir, |_, _, _| {}).expect("the corpus reads");
    for (source, style, stacks, moved, swallowed) in FAULT_BOUNDS {
        let s = &scores[&(source.to_owned(), style.to_owned())];
        let f = &s.faults;
        assert!(
            s.stacks_right() >= stacks,
            "{source} {style}: stacks right {:.3} < {stacks}",
            s.stacks_right()
        );
        assert!(f.datelines_moved <= moved, "{source} {style}: {}", f.line());
        assert!(f.swallowed <= swallowed, "{source} {style}: {}", f.line());
    }
}
