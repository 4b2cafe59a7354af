//! A parsed feed → issues of one paper: items grouped by the paper's date, pages in
//! order, articles in the feed's order within a page, ids `<slug>/<date>/<page>/<n>`.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};

use super::item::{self, ItemSource, Parsed};
use super::{slug, title};
use crate::import::clean::clean;
use crate::import::place::page_order;
use crate::model::{ArticleId, Issue, Page, PageLine, PageLineKind};

/// The page an item goes on when its feed gives no page at all.
pub const NO_PAGE: &str = "00";

/// Turn a parsed feed into issues, oldest first. `fallback_name` names the paper when
/// the feed's title does not, or always when the user `given` it (a name the user chose
/// wins over a feed's title such as `《联合早报》-中港台-即时`).
pub fn issues(feed: &feed_rs::model::Feed, fallback_name: &str, given: bool) -> Vec<Issue> {
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| clean(&text_of(t)))
        .unwrap_or_default();
    let (mut paper, feed_date) = title::split_feed_title(&feed_title);
    let user = clean(fallback_name).trim().to_string();
    if paper.is_empty() || (given && !user.is_empty()) {
        paper = user;
    }
    let slug = slug::slug(&paper);
    let mut by_date: BTreeMap<String, Vec<Parsed>> = BTreeMap::new();
    for entry in &feed.entries {
        let mut parsed = item::parse(&source(entry));
        let date = parsed
            .date
            .take()
            .or_else(|| feed_date.clone())
            .or_else(|| china_date(entry.published.or(entry.updated)))
            .unwrap_or_default();
        by_date.entry(date).or_default().push(parsed);
    }
    by_date
        .into_iter()
        .map(|(date, items)| issue(&paper, &slug, date, items))
        .collect()
}

/// One day's items → one issue.
fn issue(paper: &str, slug: &str, date: String, items: Vec<Parsed>) -> Issue {
    let mut pages: Vec<Page> = Vec::new();
    for parsed in items {
        let (number, section) = match parsed.page {
            Some(p) if !p.page.is_empty() => (p.page, p.section),
            Some(p) => (NO_PAGE.to_string(), p.section),
            None => (NO_PAGE.to_string(), None),
        };
        let at = match pages.iter().position(|p| p.number == number) {
            Some(i) => i,
            None => {
                pages.push(Page {
                    number: number.clone(),
                    ..Default::default()
                });
                pages.len() - 1
            }
        };
        let page = &mut pages[at];
        if page.section.is_none() {
            page.section = section;
        }
        match parsed.credits {
            Some(lines) => page.lines.extend(lines.into_iter().map(|text| PageLine {
                kind: PageLineKind::Credit,
                text,
            })),
            None => {
                let mut article = parsed.article;
                article.id = ArticleId(format!(
                    "{slug}/{}/{number}/{}",
                    if date.is_empty() { "undated" } else { &date },
                    page.articles.len() + 1
                ));
                page.articles.push(article);
            }
        }
    }
    pages.sort_by(|a, b| page_order(&a.number, &b.number));
    Issue {
        paper: paper.to_string(),
        slug: slug.to_string(),
        date,
        pages,
    }
}

/// What the item gives, whatever the feed's format.
fn source(entry: &feed_rs::model::Entry) -> ItemSource {
    let html_type = |t: &str| t.contains("html") || t.contains("xml");
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.clone()?;
        Some((body, html_type(c.content_type.as_ref())))
    });
    let summary = entry
        .summary
        .as_ref()
        .map(|s| (s.content.clone(), html_type(s.content_type.as_ref())));
    // The fuller of the two: RSS puts the e-paper's HTML in `description` (the summary)
    // or in `content:encoded`.
    let body = match (content, summary) {
        (Some(c), Some(s)) if s.0.len() > c.0.len() => Some(s),
        (Some(c), _) => Some(c),
        (None, s) => s,
    };
    let (html, text) = match body {
        // Feeds often call HTML plain text; angle brackets tell.
        Some((b, is_html)) if is_html || b.contains('<') => (Some(b), None),
        Some((b, _)) => (None, Some(b)),
        None => (None, None),
    };
    ItemSource {
        title: entry.title.as_ref().map(text_of).unwrap_or_default(),
        link: entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone())
            .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone())),
        html,
        text,
        categories: entry
            .categories
            .iter()
            .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
            .collect(),
        authors: entry
            .authors
            .iter()
            .filter_map(|a| a.name.clone())
            .collect(),
    }
}

/// A feed's text field as plain text: Atom's `type="html"` titles are HTML.
fn text_of(t: &feed_rs::model::Text) -> String {
    if t.content_type.as_ref().contains("html") {
        super::html::fragment_line(&t.content)
    } else {
        t.content.clone()
    }
}

/// The date in China (UTC+8) at a moment.
fn china_date(at: Option<DateTime<Utc>>) -> Option<String> {
    let china = FixedOffset::east_opt(8 * 3600)?;
    at.map(|t| t.with_timezone(&china).format("%Y-%m-%d").to_string())
}
