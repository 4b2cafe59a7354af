//! Traditional text set by the same clreq rules (issue 23): articles converted to
//! traditional in the test (by phrase, with the quotes of traditional papers, 「」『』)
//! are set with no line-breaking fault at every width — 「 never ends a line, 」 never
//! starts one — and the typeset audit finds 0 faults on the development corpus
//! converted so (skipped when `../shared` is missing). Setting a stored simplified
//! article with `Settings::script` audits clean too.

use crate::typeset_corpus as corpus;
use crate::typeset_fixtures as fixtures;

use dubao::model::Article;
use dubao::text::script::{Script, convert_article};
use dubao::typeset::audit::{Report, audit};
use dubao::typeset::{Layout, Settings, Squeeze, layout};

/// The article as a traditional paper prints it: converted by phrase, `“”` → `「」` and
/// `‘’` → `『』`.
fn traditional(a: &Article, script: Script) -> Article {
    let mut t = convert_article(a, script).into_owned();
    let quotes = |s: &mut String| {
        *s = s
            .chars()
            .map(|c| match c {
                '“' => '「',
                '”' => '」',
                '‘' => '『',
                '’' => '』',
                c => c,
            })
            .collect();
    };
    quotes(&mut t.title);
    t.paragraphs.iter_mut().for_each(|p| quotes(&mut p.text));
    t
}

/// No line ends on an opening quote or starts on a closing one.
fn quotes_hold(l: &Layout) -> Result<(), String> {
    for line in &l.lines {
        let text = line.plain();
        let t = text.trim();
        if t.ends_with(['「', '『']) || t.starts_with(['」', '』']) {
            return Err(text);
        }
    }
    Ok(())
}

fn sweep<'a>(pairs: impl Iterator<Item = (&'a Article, u16)>, st: &Settings) -> Report {
    let mut t = Report::default();
    for (a, w) in pairs {
        let l = layout(a, w, u16::MAX, st);
        let r = audit(a, &l, st);
        assert!(r.faults.is_empty(), "{} at {w}: {:#?}", a.id, r.faults);
        if let Err(line) = quotes_hold(&l) {
            panic!("{} at {w}: {line:?}", a.id);
        }
        t.add_counts(&r);
    }
    t
}

fn fixture_articles() -> Vec<Article> {
    let mut arts = fixtures::articles();
    arts.extend(
        dubao::import::load_bundled()
            .articles()
            .map(|(_, a)| a.clone()),
    );
    arts
}

#[test]
fn traditional_fixtures_keep_the_rules_at_every_width() {
    let arts: Vec<Article> = fixture_articles()
        .iter()
        .flat_map(|a| {
            [
                traditional(a, Script::Traditional),
                traditional(a, Script::Taiwan),
            ]
        })
        .collect();
    let quoted = arts
        .iter()
        .filter(|a| a.paragraphs.iter().any(|p| p.text.contains('「')))
        .count();
    assert!(quoted > 4, "traditional quotes in the fixtures: {quoted}");
    let t = sweep(
        arts.iter().flat_map(|a| (10..=120u16).map(move |w| (a, w))),
        &squeeze(),
    );
    assert_eq!(t.han_gaps, 0);
    assert!(t.hung > 0, "marks hang");
}

#[test]
fn a_simplified_article_set_in_each_script_audits_clean() {
    for script in Script::ALL {
        let st = Settings {
            script,
            ..squeeze()
        };
        let arts = fixture_articles();
        let t = sweep(
            arts.iter().flat_map(|a| [12u16, 37, 80].map(|w| (a, w))),
            &st,
        );
        assert_eq!(t.han_gaps, 0, "{script:?}");
    }
}

#[test]
fn the_corpus_in_traditional_audits_with_no_fault() {
    let Some(shared) = corpus::shared_dir() else {
        println!("SKIPPED: ../shared not found");
        return;
    };
    let arts: Vec<Article> = corpus::articles(&shared.join("corpus/pages"))
        .iter()
        .map(|a| traditional(a, Script::Traditional))
        .collect();
    if arts.is_empty() {
        println!("SKIPPED: ../shared not found");
        return;
    }
    // Six widths per article over 10..=200, rotating, as the simplified audit samples.
    let pairs = arts
        .iter()
        .enumerate()
        .flat_map(|(i, a)| (0..6).map(move |k| (a, 10 + ((i * 7 + k * 32) % 191) as u16)));
    let t = sweep(pairs, &squeeze());
    eprintln!(
        "corpus in traditional: {} body lines, {} with 2+ inserted blanks, {} Han–Han gaps; \
         {} of {} inner lines 2+ short",
        t.body_lines, t.wide_gaps, t.han_gaps, t.ragged, t.turnovers
    );
    assert!(t.body_lines > 1000);
    assert_eq!(t.han_gaps, 0);
    assert!(t.wide_gaps * 1000 <= t.body_lines, "{t:?}");
    // The simplified audit's bound (tests/it/typeset_audit.rs, issue 19): 1.5%.
    assert!(t.ragged * 1000 <= t.turnovers * 15, "{t:?}");
}

/// The defaults with up to three marks a line set half-width where a line is a little
/// too long (`Squeeze::All`, commas too; the default sets one `。` or `、`).
fn squeeze() -> Settings {
    Settings {
        squeeze_punct: Squeeze::All,
        ..Settings::default()
    }
}
