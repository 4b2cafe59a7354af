//! A [`Shelf`] over issues held in memory (`--data` files, the bundled issue): issues,
//! pages and articles are served from the [`Library`] itself, and the search engine's
//! index in RAM is built only when a search first needs it (or, for the reader, on a
//! thread of its own when its search line opens, [`Shelf::index_in_background`]).
//!
//! The issues are put in the order and shape the index would give them (a page number
//! once per issue, the last page wins; issues by date then paper; pages in page order),
//! so whether the index is built yet never changes what the shelf answers.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crate::import::place::page_order;
use crate::model::{Article, ArticleId, Issue, Library};

use super::store::Store;
use super::{IssueInfo, IssueKey, LibraryError, SearchHit, SearchQuery, Shelf};

/// Articles few enough to index at once, on one thread.
const SMALL: usize = 500;

/// Issues held in memory, served through the [`Shelf`] contract; cheap to clone (the
/// clones share the issues and the index).
#[derive(Clone)]
pub struct MemoryShelf {
    inner: Arc<Inner>,
}

struct Inner {
    /// Oldest first, each issue's pages in page order.
    issues: Vec<Issue>,
    infos: Vec<IssueInfo>,
    by_key: HashMap<IssueKey, usize>,
    /// Article id → (issue, page, position), made on the first look-up by id.
    by_id: OnceLock<HashMap<String, (usize, usize, usize)>>,
    /// The search index, made on the first search (or in the background).
    index: OnceLock<Result<Store, String>>,
    /// The index is being built in the background (a search would wait for it).
    background: AtomicBool,
    /// Articles handed to the index so far, of `total`.
    indexed: AtomicUsize,
    total: usize,
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
    /// Holds `library` in memory; nothing is indexed until a search asks for it.
    pub fn new(library: Library) -> Self {
        let issues = arrange(library.issues);
        let infos: Vec<IssueInfo> = issues.iter().map(info_of).collect();
        let by_key = infos
            .iter()
            .enumerate()
            .map(|(i, info)| (info.key.clone(), i))
            .collect();
        let total = infos.iter().map(|i| i.articles).sum();
        MemoryShelf {
            inner: Arc::new(Inner {
                issues,
                infos,
                by_key,
                by_id: OnceLock::new(),
                index: OnceLock::new(),
                background: AtomicBool::new(false),
                indexed: AtomicUsize::new(0),
                total,
            }),
        }
    }

    /// The index, built now if it is not yet. Should that fail (it needs threads and
    /// memory, nothing more), every search says why.
    fn store(&self) -> Result<&Store, LibraryError> {
        let inner = &self.inner;
        inner
            .index
            .get_or_init(|| inner.build().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|why| LibraryError::Store {
                what: "in-memory index".into(),
                why: why.clone(),
            })
    }

    fn ids(&self) -> &HashMap<String, (usize, usize, usize)> {
        self.inner.by_id.get_or_init(|| {
            let mut ids = HashMap::with_capacity(self.inner.total);
            for (i, issue) in self.inner.issues.iter().enumerate() {
                for (p, page) in issue.pages.iter().enumerate() {
                    for (a, article) in page.articles.iter().enumerate() {
                        ids.entry(article.id.0.clone()).or_insert((i, p, a));
                    }
                }
            }
            ids
        })
    }
}

impl Inner {
    fn build(&self) -> Result<Store, LibraryError> {
        let store = Store::in_ram()?;
        // One indexing thread for a few pages (the bundled issue); all cores for more.
        let threads = match self.total {
            0..=SMALL => 1,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
        };
        let mut writer = store.writer(threads)?;
        for issue in self.issues.chunks(8) {
            store.add(&writer, issue)?;
            let n: usize = issue
                .iter()
                .flat_map(|i| &i.pages)
                .map(|p| p.articles.len())
                .sum();
            self.indexed.fetch_add(n, Ordering::Relaxed);
        }
        store.commit(&mut writer)?;
        Ok(store)
    }
}

/// The issues as the index would give them back: one issue per paper and date (the
/// first one's name), a page number once (the last page given wins, as a changed page
/// replaces its old self), no issue without pages; by date then slug, pages in order.
fn arrange(issues: Vec<Issue>) -> Vec<Issue> {
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    let mut out: Vec<Issue> = Vec::with_capacity(issues.len());
    for issue in issues {
        let key = (issue.slug.clone(), issue.date.clone());
        match at.get(&key) {
            Some(&i) => out[i].pages.extend(issue.pages),
            None => {
                at.insert(key, out.len());
                out.push(issue);
            }
        }
    }
    out.retain(|i| !i.pages.is_empty());
    for issue in &mut out {
        let mut seen = std::collections::HashSet::new();
        // Keep the last page of each number, in the order given.
        let mut pages: Vec<_> = std::mem::take(&mut issue.pages)
            .into_iter()
            .rev()
            .filter(|p| seen.insert(p.number.clone()))
            .collect();
        pages.reverse();
        pages.sort_by(|a, b| page_order(&a.number, &b.number));
        issue.pages = pages;
    }
    out.sort_by(|a, b| (&a.date, &a.slug).cmp(&(&b.date, &b.slug)));
    out
}

fn info_of(issue: &Issue) -> IssueInfo {
    IssueInfo {
        key: IssueKey {
            slug: issue.slug.clone(),
            date: issue.date.clone(),
        },
        paper: issue.paper.clone(),
        pages: issue.pages.len(),
        articles: issue.pages.iter().map(|p| p.articles.len()).sum(),
    }
}

impl Shelf for MemoryShelf {
    fn issues(&self) -> Vec<IssueInfo> {
        self.inner.infos.clone()
    }

    fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError> {
        self.inner
            .by_key
            .get(key)
            .map(|&i| self.inner.issues[i].clone())
            .ok_or_else(|| LibraryError::NoIssue(format!("{} {}", key.slug, key.date)))
    }

    fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)> {
        let &(i, p, a) = self.ids().get(&id.0)?;
        let issue = &self.inner.issues[i];
        let key = self.inner.infos[i].key.clone();
        Some((key, issue.pages[p].articles[a].clone()))
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

    /// Starts building the search index on a thread of its own; a search made before
    /// it is done waits for it ([`Shelf::indexing`] says how far it is).
    fn index_in_background(&self) {
        if self.inner.total <= SMALL {
            // A few pages (the bundled issue) index at once.
            let _ = self.store();
            return;
        }
        if self.inner.index.get().is_some() || self.inner.background.swap(true, Ordering::SeqCst) {
            return;
        }
        let shelf = self.clone();
        let spawned = std::thread::Builder::new()
            .name("dubao-index".into())
            .spawn(move || {
                let _ = shelf.store();
            });
        if spawned.is_err() {
            // Without a thread, the first search builds the index itself.
            self.inner.background.store(false, Ordering::SeqCst);
        }
    }

    fn indexing(&self) -> Option<u8> {
        if self.inner.index.get().is_some() || !self.inner.background.load(Ordering::SeqCst) {
            return None;
        }
        let done = self.inner.indexed.load(Ordering::Relaxed);
        Some((done * 100 / self.inner.total.max(1)).min(99) as u8)
    }
}

#[cfg(test)]
mod tests;
