//! A [`Shelf`] over issues held in memory (`--data` files, the bundled issue): the same
//! search engine as the library on disk, over an index in RAM.

use crate::model::{Article, ArticleId, Issue, Library};

use super::store::Store;
use super::{IssueInfo, IssueKey, LibraryError, SearchHit, SearchQuery, Shelf};

/// Issues indexed in memory, served through the [`Shelf`] contract.
pub struct MemoryShelf {
    store: Result<Store, String>,
}

impl std::fmt::Debug for MemoryShelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryShelf").finish_non_exhaustive()
    }
}

impl Default for MemoryShelf {
    fn default() -> Self {
        MemoryShelf::new(Library::default())
    }
}

impl MemoryShelf {
    /// Indexes `library` in memory. Should that fail (it needs threads and memory,
    /// nothing more), the shelf is empty and every call says why.
    pub fn new(library: Library) -> Self {
        MemoryShelf {
            store: Self::build(&library).map_err(|e| e.to_string()),
        }
    }

    fn build(library: &Library) -> Result<Store, LibraryError> {
        let store = Store::in_ram()?;
        // One indexing thread for a few pages (the bundled issue); all cores for more.
        let threads = match library.articles().count() {
            0..=500 => 1,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
        };
        let mut writer = store.writer(threads)?;
        store.add(&writer, &library.issues)?;
        store.commit(&mut writer)?;
        Ok(store)
    }

    fn store(&self) -> Result<&Store, LibraryError> {
        self.store.as_ref().map_err(|why| LibraryError::Store {
            what: "in-memory index".into(),
            why: why.clone(),
        })
    }
}

impl Shelf for MemoryShelf {
    fn issues(&self) -> Vec<IssueInfo> {
        self.store().map(Store::issues).unwrap_or_default()
    }

    fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError> {
        self.store()?.load_issue(key)
    }

    fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)> {
        self.store().ok()?.article(id)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError> {
        self.store()?.search(query)
    }

    fn count(&self, query: &SearchQuery) -> Result<usize, LibraryError> {
        self.store()?.count(query)
    }

    fn search_pages(&self, query: &SearchQuery) -> Result<Vec<super::PageHit>, LibraryError> {
        self.store()?.search_pages(query)
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
        assert_eq!(issues[0].paper, "河北日报");
        let issue = shelf.load_issue(&issues[0].key).unwrap();
        assert_eq!(issue, load_bundled().issues[0]);
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
