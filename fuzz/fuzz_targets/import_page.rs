//! Fuzz the page parser: any text becomes a page without panicking, and nothing of it
//! (other than spaces and controls) is lost or doubled, but for the title a headless
//! piece takes from its opening clause.
#![no_main]

use std::collections::BTreeMap;

use dubao::import::clean::clean;
use dubao::import::parse_page;
use dubao::model::{ArticleKind, Field};
use libfuzzer_sys::fuzz_target;

fn count(into: &mut BTreeMap<char, isize>, text: &str, sign: isize) {
    for c in text
        .chars()
        .filter(|&c| !(c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'))
    {
        *into.entry(c).or_default() += sign;
    }
}

fuzz_target!(|text: &str| {
    let page = parse_page(text, "f", "", "01");
    let mut diff = BTreeMap::new();
    count(&mut diff, &clean(text), 1);
    for line in &page.lines {
        count(&mut diff, &line.text, -1);
    }
    for a in &page.articles {
        // A page opening on a story's body names it by a copy of its opening clause
        // (the article stays `Other`, headless): that title is not the page's text.
        // (Spaces do not count: the title may join a speaker's label and words with one.)
        let bare = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let copied = a.kind == ArticleKind::Other
            && a.paragraphs.first().is_some_and(|p| {
                let said = format!("{}{}", p.speaker.as_deref().unwrap_or(""), p.text);
                bare(&said).contains(&bare(&a.title))
            });
        for (field, t) in a.fields() {
            if !(copied && field == Field::Title) {
                count(&mut diff, t, -1);
            }
        }
    }
    diff.retain(|_, n| *n != 0);
    assert!(diff.is_empty(), "lost or doubled: {diff:?}");
    let once = clean(text);
    assert_eq!(clean(&once), once, "clean is not idempotent");
});
