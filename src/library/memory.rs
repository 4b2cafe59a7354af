//! A [`Shelf`] over a [`Library`] held in memory: `--data` files and the bundled issue.

use crate::model::{Article, ArticleId, Issue, Library};
use crate::search::normalize;

use super::{IssueInfo, IssueKey, LibraryError, SearchHit, SearchQuery, Shelf};

/// Issues in memory, served through the [`Shelf`] contract.
#[derive(Debug, Default)]
pub struct MemoryShelf {
    library: Library,
}

impl MemoryShelf {
    pub fn new(mut library: Library) -> Self {
        library
            .issues
            .sort_by(|a, b| (&a.date, &a.slug).cmp(&(&b.date, &b.slug)));
        MemoryShelf { library }
    }

    fn key(issue: &Issue) -> IssueKey {
        IssueKey {
            slug: issue.slug.clone(),
            date: issue.date.clone(),
        }
    }

    /// Every hit in order (newest issue first), before limit and offset.
    fn all_hits(&self, query: &SearchQuery) -> Vec<SearchHit> {
        let folded = normalize(&query.text);
        if folded.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for issue in self.library.issues.iter().rev() {
            if !issue_passes(issue, query) {
                continue;
            }
            for page in &issue.pages {
                for article in &page.articles {
                    if let Some(snippet) = first_match(article, &folded) {
                        hits.push(SearchHit {
                            id: article.id.clone(),
                            key: Self::key(issue),
                            paper: issue.paper.clone(),
                            page: page.number.clone(),
                            title: article.title.clone(),
                            snippet,
                        });
                    }
                }
            }
        }
        hits
    }
}

fn issue_passes(issue: &Issue, q: &SearchQuery) -> bool {
    let paper_ok = q
        .paper
        .as_deref()
        .is_none_or(|p| p == issue.slug || p == issue.paper);
    let from_ok = q.from.as_deref().is_none_or(|f| issue.date.as_str() >= f);
    let to_ok = q.to.as_deref().is_none_or(|t| issue.date.as_str() <= t);
    paper_ok && from_ok && to_ok
}

/// The text of the first field that holds `folded`, cut to a snippet around it.
fn first_match(article: &Article, folded: &str) -> Option<String> {
    article.fields().into_iter().find_map(|(_, text)| {
        let n = normalize(text);
        let at = n.find(folded)?;
        let start = n[..at].chars().count().saturating_sub(10);
        Some(n.chars().skip(start).take(40).collect())
    })
}

impl Shelf for MemoryShelf {
    fn issues(&self) -> Vec<IssueInfo> {
        self.library
            .issues
            .iter()
            .map(|i| IssueInfo {
                key: Self::key(i),
                paper: i.paper.clone(),
                pages: i.pages.len(),
                articles: i.pages.iter().map(|p| p.articles.len()).sum(),
            })
            .collect()
    }

    fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError> {
        self.library
            .issues
            .iter()
            .find(|i| Self::key(i) == *key)
            .cloned()
            .ok_or_else(|| LibraryError::NoIssue(format!("{} {}", key.slug, key.date)))
    }

    fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)> {
        self.library.issues.iter().find_map(|i| {
            i.pages
                .iter()
                .flat_map(|p| &p.articles)
                .find(|a| a.id == *id)
                .map(|a| (Self::key(i), a.clone()))
        })
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError> {
        let hits = self.all_hits(query).into_iter().skip(query.offset);
        Ok(match query.limit {
            0 => hits.collect(),
            n => hits.take(n).collect(),
        })
    }

    fn count(&self, query: &SearchQuery) -> Result<usize, LibraryError> {
        Ok(self.all_hits(query).len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::load_bundled;

    #[test]
    fn bundled_issue_is_on_the_shelf_and_searchable() {
        let shelf = MemoryShelf::new(load_bundled());
        let issues = shelf.issues();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].key.date, "2022-07-01");
        assert_eq!(issues[0].articles, 5);
        let issue = shelf.load_issue(&issues[0].key).unwrap();
        let first = &issue.pages[0].articles[0];
        assert_eq!(shelf.article(&first.id).unwrap().1.title, first.title);
        let q = SearchQuery {
            text: "冰雪".into(),
            ..Default::default()
        };
        let hits = shelf.search(&q).unwrap();
        assert!(!hits.is_empty());
        assert_eq!(shelf.count(&q).unwrap(), hits.len());
        assert!(hits.iter().all(|h| h.snippet.contains("冰雪")));
        let none = SearchQuery {
            text: "冰雪".into(),
            from: Some("2023-01-01".into()),
            ..Default::default()
        };
        assert_eq!(shelf.count(&none).unwrap(), 0);
    }
}
