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
use dubao::typeset::{Settings, Squeeze, layout};

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
/// 0.2% of body lines, inner lines 2+ short at most 1.5% (a `。` or `、` set half-width
/// fills where a gap may not: 1.40% at the defaults on the corpus, 0.72% with up to
/// three marks a line, `examples/typeset_audit`), no orphan dash, no headline broken
/// inside a word or name.
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
    // At the defaults: 1.40% ragged, 0.001% gaps beside a mark over every width
    // (`examples/typeset_audit`; before issue 19's change 1.73% and 0.18%).
    let st = Settings::default();
    assert_targets("corpus", &sweep(sampled(&arts), &st));
}

/// Every fixture and the bundled page at every width 10..=200.
fn everything(st: &Settings) -> Report {
    let mut arts = fixtures::articles();
    let lib = dubao::import::load_bundled();
    arts.extend(lib.articles().map(|(_, a)| a.clone()));
    let every = |a| (10..=200u16).map(move |w| (a, w));
    sweep(arts.iter().flat_map(every), st)
}

#[test]
fn the_defaults_meet_the_targets_at_every_width() {
    let st = Settings::default();
    assert_eq!(st.squeeze_punct, Squeeze::Stops);
    let t = everything(&st);
    // One `。` or `、` a line set half-width where the line would otherwise end ragged,
    // chosen over the whole paragraph: 0.94% ragged and no gap beside a mark on the
    // bundled page, 1.40% and 0.001% on the corpus (`examples/typeset_audit`); with
    // every mark full-width 1.65% here (below).
    assert_targets("fixtures, default settings", &t);
    assert!(t.squeezed > 0, "{t:?}");
    assert!(t.squeezed * 100 <= t.body_lines, "rarely: {t:?}");
    assert!(t.mark_gaps * 10_000 <= t.body_lines, "{t:?}");
}

#[test]
fn with_marks_kept_full_width_more_lines_end_short() {
    let st = Settings {
        squeeze_punct: Squeeze::Off,
        ..Settings::default()
    };
    let t = everything(&st);
    assert_eq!(t.squeezed, 0, "no mark set half-width");
    // A closing pair hangs whole where the pane has room, and no cell goes beside a
    // mark (not even on the open side of a narrow quote, `说 “好`): 1.65% of inner
    // lines end short here (1.96% on the corpus), past issue 19's 1.5%, hence `Stops`.
    assert_flush("fixtures, marks full-width", &t, 17);
    assert!(t.ragged * 1000 > t.turnovers * 15, "{t:?}");
    assert_eq!(t.mark_gaps, 0, "{t:?}");
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

/// The defaults with up to three marks a line set half-width where a line is a little
/// too long (`Squeeze::All`, commas too).
fn squeeze() -> Settings {
    Settings {
        squeeze_punct: Squeeze::All,
        ..Settings::default()
    }
}
