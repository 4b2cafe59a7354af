//! A page's own lines in the reader's archive search: pages whose lines (`本版责编：…`,
//! `版式设计：…`) match are hits of their own, listed among the article hits where they
//! were printed (newest first, then page order, a page before its articles), and opening
//! one opens its page: the first article printed on it, the line on the status line.

use super::App;
use crate::library::{SearchHit, SearchQuery};
use crate::model::ArticleId;
use crate::search::engine::page_rank;
use crate::search::{hits, page_lines_article};

/// Page hits listed at the most: the newest. Each is a page read whole, and a common
/// char in page lines (`合`) matched some 500,000 pages of a ten-paper, ten-year
/// library: asking for every one froze the reader for minutes, over a GB resident.
pub(super) const PAGE_HITS: usize = 100;

/// Page hits of a search (the newest [`PAGE_HITS`]), each as a hit whose `line` is the
/// first matching line.
pub(super) fn page_hits(app: &App, q: &SearchQuery) -> Vec<SearchHit> {
    let q = SearchQuery {
        limit: PAGE_HITS,
        offset: 0,
        ..q.clone()
    };
    let Ok(found) = app.browse.shelf.search_pages(&q) else {
        return Vec::new();
    };
    let mut out: Vec<SearchHit> = found
        .into_iter()
        .filter_map(|p| {
            let page = crate::model::Page {
                lines: p.lines,
                ..Default::default()
            };
            let article = page_lines_article(&page);
            let line = match hits(&article, &q.text).first()?.field {
                crate::model::Field::Paragraph(i) => i,
                _ => 0,
            };
            Some(SearchHit {
                id: ArticleId(format!("{}/{}/{}", p.key.slug, p.key.date, p.page)),
                title: page.lines.get(line)?.text.clone(),
                paper: app.paper_name(&p.key.slug).unwrap_or(p.paper),
                key: p.key,
                page: p.page,
                snippet: String::new(),
                line: Some(line),
            })
        })
        .collect();
    out.sort_by(|a, b| order(a).cmp(&order(b)));
    out
}

/// Where a hit sorts: newest issue first, then page order, a page's own hit first.
fn order(h: &SearchHit) -> (std::cmp::Reverse<&str>, u32, bool) {
    (
        std::cmp::Reverse(h.key.date.as_str()),
        page_rank(&h.page),
        h.line.is_none(),
    )
}

/// Move the page hits of `pending` that sort before an article hit already listed (or
/// all of them, when no more article hits will come) into `results`, in their place.
pub(super) fn merge(results: &mut Vec<SearchHit>, pending: &mut Vec<SearchHit>, more: bool) {
    while let Some(p) = pending.first() {
        let at = results.iter().position(|r| order(r) > order(p));
        match (at, more) {
            (Some(i), _) => results.insert(i, pending.remove(0)),
            (None, false) => results.push(pending.remove(0)),
            (None, true) => break,
        }
    }
}

impl App {
    /// A paper's one name, as the issue list shows it.
    fn paper_name(&self, slug: &str) -> Option<String> {
        (self.browse.issues.iter())
            .find(|i| i.key.slug == slug)
            .map(|i| i.paper.clone())
    }

    /// Open a page's own hit: its issue, the first article printed on that page.
    pub(super) fn open_page_hit(&mut self, hit: &SearchHit) -> bool {
        let here = self.browse.current().is_some_and(|c| c.key == hit.key);
        if !here {
            let Some(idx) = self.browse.find(&hit.key) else {
                return false;
            };
            if !self.open_issue(idx, None) {
                return false;
            }
        }
        let issue = self.shown.issue();
        let on_page = self
            .shown
            .visible()
            .iter()
            .position(|r| issue.issues[r.issue].pages[r.page].number == hit.page);
        match on_page {
            Some(i) => {
                self.select_index(i);
                true
            }
            None => false,
        }
    }

    /// The reader is on the page of the selected hit, a page's own hit.
    pub(super) fn on_page_hit(&self, hit: &SearchHit) -> bool {
        let here = self.browse.current().is_some_and(|c| c.key == hit.key);
        here && self
            .current_ref()
            .is_some_and(|r| self.shown.issue().issues[r.issue].pages[r.page].number == hit.page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::IssueKey;

    fn hit(date: &str, page: &str, line: Option<usize>) -> SearchHit {
        SearchHit {
            key: IssueKey {
                slug: "rmrb".into(),
                date: date.into(),
            },
            page: page.into(),
            line,
            ..Default::default()
        }
    }

    #[test]
    fn only_the_newest_page_hits_are_read() {
        use crate::model::{Library, PageLine, PageLineKind, sample};
        let one = sample::library(&[("衡水", vec!["衡水市政府收到了感谢信。".into()])]);
        let mut issues = Vec::new();
        for day in 0..PAGE_HITS + 20 {
            let mut issue = one.issues[0].clone();
            issue.date = format!("2022-{:02}-{:02}", 1 + day / 28, 1 + day % 28);
            for page in &mut issue.pages {
                page.lines = vec![PageLine {
                    kind: PageLineKind::Credit,
                    text: "本版责编：张合".into(),
                }];
                for a in &mut page.articles {
                    a.id = crate::model::ArticleId(format!("t/{}/01/1", issue.date));
                }
            }
            issues.push(issue);
        }
        let newest = issues.last().unwrap().date.clone();
        let app = App::new(Library { issues }, (80, 24), None);
        let q = SearchQuery {
            text: "张合".into(),
            limit: 20,
            ..Default::default()
        };
        let found = page_hits(&app, &q);
        assert_eq!(found.len(), PAGE_HITS, "{} pages match", PAGE_HITS + 20);
        assert_eq!(found[0].key.date, newest);
        assert_eq!(found[0].line, Some(0));
    }

    #[test]
    fn page_hits_go_before_their_pages_articles_and_wait_for_older_ones() {
        let mut results = vec![
            hit("2023-07-03", "01", None),
            hit("2023-07-03", "04", None),
            hit("2023-07-02", "02", None),
        ];
        let mut pending = vec![
            hit("2023-07-03", "04", Some(0)),
            hit("2023-07-01", "03", Some(1)),
        ];
        merge(&mut results, &mut pending, true);
        let at: Vec<(&str, &str, bool)> = (results.iter())
            .map(|h| (h.key.date.as_str(), h.page.as_str(), h.line.is_some()))
            .collect();
        assert_eq!(
            at,
            [
                ("2023-07-03", "01", false),
                ("2023-07-03", "04", true),
                ("2023-07-03", "04", false),
                ("2023-07-02", "02", false),
            ]
        );
        assert_eq!(
            pending.len(),
            1,
            "older than every article hit so far: waits"
        );
        merge(&mut results, &mut pending, false);
        assert!(pending.is_empty());
        assert_eq!(results.last().unwrap().line, Some(1));
    }
}
