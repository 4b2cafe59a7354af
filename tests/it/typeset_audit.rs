//! The audit targets of issue 10 (flush text without holes), on the development corpus
//! (skipped when `../shared` is missing) and on this crate's own fixtures (always): no
//! line-breaking fault, no line wider than the pane, body lines with a run of two or
//! more inserted blank cells at most 0.1%, no gap between two Han characters, inner
//! paragraph lines ending two or more cells short of the text block at most 1.5%.
//! The full sweep of every width 10..=200 is `cargo run --release --example
//! typeset_audit`; here the widths are sampled so a debug build stays quick.

use crate::typeset_corpus as corpus;
use crate::typeset_fixtures as fixtures;

use dubao::model::Article;
use dubao::typeset::audit::{Report, audit};
use dubao::typeset::{Settings, layout};

/// Totals of the audit over `(article, width)` pairs.
fn sweep<'a>(pairs: impl Iterator<Item = (&'a Article, u16)>, st: &Settings) -> Report {
    let mut t = Report::default();
    for (a, w) in pairs {
        let l = layout(a, w, u16::MAX, st);
        let r = audit(a, &l, st);
        assert!(r.faults.is_empty(), "{} at {w}: {:#?}", a.id, r.faults);
        t.add_counts(&r);
        t.notes.extend(r.notes);
    }
    t
}

/// The targets of issues 10 and 19: no gap beside a mark (it reads as a typo) beyond
/// 0.2% of body lines, inner lines 2+ short at most 1.5% (marks set half-width fill
/// where a gap may not: 0.9% on the corpus, `examples/typeset_audit`), no orphan dash,
/// no headline broken inside a word or name.
fn assert_targets(name: &str, t: &Report) {
    assert_flush(name, t, 15);
    assert!(t.mark_gaps * 500 <= t.body_lines, "{name}: {t:?}");
    assert_eq!(t.orphan_dashes, 0, "{name}: {:#?}", t.notes);
    assert_eq!(t.word_breaks, 0, "{name}: {:#?}", t.notes);
}

/// The targets, with inner lines 2+ short at most `ragged` per mille.
fn assert_flush(name: &str, t: &Report, ragged: usize) {
    eprintln!(
        "{name}: {} body lines, {} with 2+ inserted blanks, {} Han–Han gaps; \
         {} of {} inner lines 2+ short; {} hung marks",
        t.body_lines, t.wide_gaps, t.han_gaps, t.ragged, t.turnovers, t.hung
    );
    assert!(t.body_lines > 1000, "{name}: too few lines to judge");
    assert!(t.wide_gaps * 1000 <= t.body_lines, "{name}: {t:?}");
    assert_eq!(t.han_gaps, 0, "{name}");
    assert!(t.ragged * 1000 <= t.turnovers * ragged, "{name}: {t:?}");
    assert!(t.hung > 0, "{name}: marks hang");
}

/// Six widths per article, spread over 10..=200 and rotating from one article to the
/// next, so together they cover the range.
fn sampled(arts: &[Article]) -> impl Iterator<Item = (&Article, u16)> {
    arts.iter()
        .enumerate()
        .flat_map(|(i, a)| (0..6).map(move |k| (a, 10 + ((i * 7 + k * 32) % 191) as u16)))
}

#[test]
fn corpus_meets_the_targets() {
    let Some(shared) = corpus::shared_dir() else {
        eprintln!("SKIPPED: ../shared not found");
        return;
    };
    let arts = corpus::articles(&shared.join("corpus/pages"));
    if arts.is_empty() {
        eprintln!("SKIPPED: ../shared not found");
        return;
    }
    let st = squeeze();
    assert_targets("corpus", &sweep(sampled(&arts), &st));
}

#[test]
fn with_marks_kept_full_width_the_defaults_meet_the_targets() {
    let mut arts = fixtures::articles();
    let lib = dubao::import::load_bundled();
    arts.extend(lib.articles().map(|(_, a)| a.clone()));
    let every = |a| (10..=200u16).map(move |w| (a, w));
    let st = Settings::default();
    assert!(!st.squeeze_punct, "marks stay full-width by default");
    let t = sweep(arts.iter().flat_map(every), &st);
    assert_eq!(t.squeezed, 0, "no mark set half-width");
    // A closing pair hangs whole where the pane has room, and a narrow quote takes a
    // cell on its open side where a line would otherwise end ragged (1.4% here).
    assert_flush("fixtures, default settings", &t, 15);
    // The quote's cell counts as a gap beside a mark: 0.18% of body lines on the
    // corpus (issue 19: at most 0.2%), 0.22% on these fixtures, where the measure-80
    // layout of a quote-rich page repeats at every width from 82 up.
    assert!(t.mark_gaps * 400 <= t.body_lines, "{t:?}");
    assert_eq!(t.orphan_dashes, 0, "{:#?}", t.notes);
    assert_eq!(t.word_breaks, 0, "{:#?}", t.notes);
}

#[test]
fn own_fixtures_meet_the_targets_at_every_width() {
    let mut arts = fixtures::articles();
    let lib = dubao::import::load_bundled();
    arts.extend(lib.articles().map(|(_, a)| a.clone()));
    let every = |a| (10..=200u16).map(move |w| (a, w));
    for st in [
        squeeze(),
        Settings {
            measure: 40,
            ..squeeze()
        },
    ] {
        let t = sweep(arts.iter().flat_map(every), &st);
        assert_targets(&format!("fixtures {st:?}"), &t);
    }
    // ASCII punctuation kept (one cell, and a `,` takes no gap beside it) with
    // two-cell quotes: odd widths everywhere, so a little more raggedness.
    let st = Settings {
        ambiguous_wide: true,
        fullwidth_punct: false,
        ..squeeze()
    };
    let t = sweep(arts.iter().flat_map(every), &st);
    assert_flush(&format!("fixtures {st:?}"), &t, 30);
}

/// The settings these targets are met with: the defaults with marks set half-width where
/// a line is a little too long (`squeeze_punct`, off by default; issue 19's 1.5% needs it).
fn squeeze() -> Settings {
    Settings {
        squeeze_punct: true,
        ..Settings::default()
    }
}
