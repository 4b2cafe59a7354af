//! Justification reads naturally: turnover lines are made flush by moving whole
//! characters first, then by space next to punctuation and at Han/Latin boundaries, and
//! only rarely by a gap between two Han characters (never inside `2022年`).

#[path = "fixtures/typeset/articles.rs"]
mod fixtures;

use dubao::model::Article;
use dubao::typeset::{Line, Role, Settings, audit::audit, layout};

fn all_articles() -> Vec<Article> {
    let mut v = fixtures::articles();
    let lib = dubao::import::load_bundled();
    v.extend(lib.articles().map(|(_, a)| a.clone()));
    v
}

fn is_han(c: char) -> bool {
    dubao::typeset::classes::is_han(c)
}

/// Inserted gaps (unsourced spaces after the first span) between two Han characters,
/// and whether one splits a number from its unit (`2022 年`).
fn gaps(line: &Line) -> (usize, bool) {
    let sp = &line.spans;
    let mut han = 0;
    let mut unit = false;
    for i in 1..sp.len().saturating_sub(1) {
        if sp[i].role != Role::Space || sp[i].source.is_some() {
            continue;
        }
        let (Some(p), Some(c)) = (
            sp[i - 1].text.chars().next_back(),
            sp[i + 1].text.chars().next(),
        ) else {
            continue;
        };
        if is_han(p) && is_han(c) {
            han += 1;
        }
        if p.is_ascii_digit() && "年月日个亿万元%".contains(c) {
            unit = true;
        }
    }
    (han, unit)
}

/// Lines inside paragraphs, and of them: with a Han–Han gap, with two or more, with a
/// number cut from its unit; then lines and lines with a Han–Han gap at 30 cells and up.
fn count(st: &Settings) -> [usize; 6] {
    let (mut lines, mut one, mut two, mut units) = (0, 0, 0, 0);
    let (mut lines30, mut one30) = (0, 0);
    for a in all_articles() {
        for w in 10..=120u16 {
            let l = layout(&a, w, u16::MAX, st);
            assert!(audit(&a, &l, st).faults.is_empty());
            for line in &l.lines {
                if !line.spans.iter().any(|s| s.role == Role::Body) {
                    continue;
                }
                lines += 1;
                let (n, unit) = gaps(line);
                units += usize::from(unit);
                one += usize::from(n >= 1);
                if w >= 30 {
                    lines30 += 1;
                    one30 += usize::from(n >= 1);
                }
                two += usize::from(n >= 2);
            }
        }
    }
    [lines, one, two, units, lines30, one30]
}

#[test]
/// Before this rule (commit 8e351e0), default settings: 1545 of 41063 body lines (3.8%)
/// held a Han–Han gap, 1078 more than one, 108 split a number from its unit, 313 of
/// 23593 at 30 cells and up; now about 600 (1.5%), none, none, 43.
fn few_gaps_between_han_characters() {
    for st in [
        Settings::default(),
        Settings {
            fullwidth_punct: false,
            ambiguous_wide: true,
            columns: false,
        },
    ] {
        let [lines, one, two, units, lines30, one30] = count(&st);
        eprintln!(
            "{st:?}: {one} of {lines} body lines hold a Han–Han gap ({:.2}%), \
             {two} more than one, {units} a number cut from its unit; \
             at 30 cells and up {one30} of {lines30}",
            one as f64 * 100.0 / lines as f64
        );
        // Narrow panes (10–29 cells, lines of a few characters) have few marks to
        // stretch beside; at reading widths a Han–Han gap is rare.
        assert!(one30 * 1000 < lines30 * 3, "{one30} of {lines30}");
        assert!(lines > 5000);
        assert!(one * 100 < lines * 3, "{one} of {lines}");
        assert_eq!(two, 0);
        assert_eq!(units, 0);
    }
}
