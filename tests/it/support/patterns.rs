//! The invented pattern pages of `tests/fixtures/import/patterns/`, read as the importer
//! reads a page, and the small views of the result the pattern tests compare.

use dubao::import::parse_page;
use dubao::model::{Article, Page};

/// The pattern page `name`, parsed as page 01 of paper `t` on 2026-06-02.
pub fn page(name: &str) -> Page {
    let path = format!(
        "{}/tests/fixtures/import/patterns/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture reads");
    parse_page(&text, "t", "2026-06-02", "01")
}

/// Each article's headline, in page order.
pub fn titles(p: &Page) -> Vec<&str> {
    p.articles.iter().map(|a| a.title.as_str()).collect()
}

/// Each paragraph's text, in order.
pub fn texts(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

/// A headline stack: kicker, title, subtitle.
pub type Stack<'a> = (Option<&'a str>, &'a str, Option<&'a str>);

/// Each article's headline stack, in page order.
pub fn stacks(p: &Page) -> Vec<Stack<'_>> {
    p.articles
        .iter()
        .map(|a| (a.kicker.as_deref(), a.title.as_str(), a.subtitle.as_deref()))
        .collect()
}
