//! The three real feeds in `../shared/fixtures/feeds`: the share of items read with the
//! right headline (no page prefix), page and paragraphs, and no markup or entities left
//! anywhere. Skipped when `../shared` is not there.

use std::path::PathBuf;

use dubao::model::{Article, Issue};

fn shared_feeds() -> Option<PathBuf> {
    let dir = crate::support::feeds::shared_feeds();
    if dir.is_none() {
        println!("SKIPPED: ../shared not found");
    }
    dir
}

/// The page and the rest of an item's title, read the simple way: digits before `版`.
fn expected(title: &str) -> (String, String) {
    let t = title.trim().trim_start_matches('[');
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = match (title.find(']'), title.find(" - ")) {
        (Some(i), _) => &title[i + 1..],
        (None, Some(i)) => &title[i + 3..],
        _ => title,
    };
    (format!("{digits:0>2}"), rest.trim().to_string())
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{200b}')
        .collect()
}

/// Markup or an entity left in a text.
fn has_markup(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        || ["&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#"]
            .iter()
            .any(|e| s.contains(e))
}

fn texts(a: &Article) -> Vec<&str> {
    a.fields().into_iter().map(|(_, t)| t).collect()
}

struct Score {
    items: usize,
    right: usize,
    markup: usize,
}

fn score(file: &str) -> Option<(Score, Vec<Issue>)> {
    let path = shared_feeds()?.join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let feed = feed_rs::parser::parse(bytes.as_slice()).unwrap_or_else(|e| panic!("{e}"));
    let issues = dubao::feed::parse_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut s = Score {
        items: 0,
        right: 0,
        markup: 0,
    };
    for entry in &feed.entries {
        s.items += 1;
        let title = entry
            .title
            .as_ref()
            .map(|t| t.content.clone())
            .unwrap_or_default();
        let link = entry.links.first().map(|l| l.href.clone());
        let (page, rest) = expected(&title);
        let on_page = issues
            .iter()
            .flat_map(|i| i.pages.iter())
            .filter(|p| p.number == page);
        let mut found = None;
        let mut credit = false;
        for p in on_page {
            if let Some(a) = p.articles.iter().find(|a| a.link == link) {
                found = Some(a);
            }
            credit |= p
                .lines
                .iter()
                .any(|l| squash(&rest).contains(&squash(&l.text)));
        }
        let ok = match found {
            Some(a) => {
                let t = squash(&a.title);
                let headline = !t.is_empty() && !t.contains("版：") && squash(&rest).contains(&t);
                if texts(a).iter().any(|t| has_markup(t)) {
                    s.markup += 1;
                }
                headline && !a.paragraphs.is_empty()
            }
            None => credit,
        };
        if ok {
            s.right += 1;
        } else {
            println!("{file}: not right: {title}");
        }
    }
    Some((s, issues))
}

fn check(file: &str, dates: &[&str], paper: &str) {
    let Some((s, issues)) = score(file) else {
        return;
    };
    let share = s.right as f64 / s.items as f64;
    println!(
        "{file}: {}/{} items right ({:.1}%), {} with markup",
        s.right,
        s.items,
        share * 100.0,
        s.markup
    );
    assert!(share >= 0.95, "{file}: only {:.1}% right", share * 100.0);
    assert_eq!(s.markup, 0);
    let got: Vec<&str> = issues.iter().map(|i| i.date.as_str()).collect();
    assert_eq!(got, dates);
    for issue in &issues {
        assert_eq!(issue.paper, paper);
        let numbers: Vec<&str> = issue.pages.iter().map(|p| p.number.as_str()).collect();
        let mut sorted = numbers.clone();
        sorted.sort();
        assert_eq!(numbers, sorted, "pages in order");
        for p in &issue.pages {
            assert!(p.section.is_some(), "page {} has its section", p.number);
            for (n, a) in p.articles.iter().enumerate() {
                let id = format!("{}/{}/{}/{}", issue.slug, issue.date, p.number, n + 1);
                assert_eq!(a.id.0, id);
            }
        }
    }
}

#[test]
fn rmrb_may() {
    check("rmrb-2026-05-05.rss.xml", &["2026-05-05"], "人民日报");
}

#[test]
fn rmrb_august() {
    check("rmrb-2026-08-22.rss.xml", &["2026-08-22"], "人民日报");
}

#[test]
fn guangming_json_feed() {
    check(
        "guangming.feed.json",
        &["2026-01-03", "2026-01-04"],
        "光明日报",
    );
}
