//! Fuzz the page parser: any text becomes a page without panicking, and nothing of it
//! (other than spaces and controls) is lost or doubled.
#![no_main]

use std::collections::BTreeMap;

use dubao::import::clean::clean;
use dubao::import::parse_page;
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
        for (_, t) in a.fields() {
            count(&mut diff, t, -1);
        }
    }
    diff.retain(|_, n| *n != 0);
    assert!(diff.is_empty(), "lost or doubled: {diff:?}");
    let once = clean(text);
    assert_eq!(clean(&once), once, "clean is not idempotent");
});
