//! Issues kept in a tantivy index, on disk or in memory: adding pages (the same page
//! again changes nothing, a changed page replaces its articles) and taking in what
//! another process committed. The reading side is in [`super::catalogue`].
//!
//! The index is the only source of truth: every page is stored whole in its page
//! document, and a page and its articles are added and deleted in one commit, so a
//! process killed at any moment leaves each page in its old or its new state.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::index::SegmentMeta;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocSet, Index, IndexWriter, SegmentReader, TantivyDocument, Term};

use super::issue_list::{IssueList, read_segment, segment_key};
use super::reader::LazyReader;
use super::writer::{self, Pace};
use super::{IssueKey, LibraryError};
use crate::model::{Issue, Page};
use crate::search::engine::{self, Fields, KIND_ARTICLE, KIND_PAGE};
use crate::search::tokenize::indexed_text;

/// What [`Store::add`] did: pages and articles added, replaced (their page changed),
/// and left as they were (the same page again).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddSummary {
    pub pages: usize,
    pub pages_unchanged: usize,
    pub articles_added: usize,
    pub articles_replaced: usize,
    pub articles_unchanged: usize,
}

impl AddSummary {
    pub fn merge(&mut self, o: AddSummary) {
        self.pages += o.pages;
        self.pages_unchanged += o.pages_unchanged;
        self.articles_added += o.articles_added;
        self.articles_replaced += o.articles_replaced;
        self.articles_unchanged += o.articles_unchanged;
    }
}

/// A page as stored: whole, with the issue it belongs to, so the library can be
/// rebuilt from its own documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredPage {
    pub paper: String,
    pub slug: String,
    pub date: String,
    pub page: Page,
}

/// A tantivy index with its reader and its issue list.
pub struct Store {
    pub(super) index: Index,
    pub(super) reader: LazyReader,
    pub(super) issue_list: IssueList,
    /// Which segments have their days in doc id order (see [`super::newest`]).
    pub(super) days: super::newest::DayOrder,
    pub(super) f: Fields,
    /// The opstamp of the commit the reader last loaded.
    seen: Mutex<u64>,
    /// How far adding has run ahead of the writer's threads.
    pace: Pace,
    /// The same index opened apart for the writer, when the reader's is mapped for
    /// random reads (see [`Store::with_writing_index`]).
    writing: Option<Index>,
}

pub(super) fn store_err(what: &str, e: impl std::fmt::Display) -> LibraryError {
    LibraryError::Store {
        what: what.to_string(),
        why: e.to_string(),
    }
}

/// `slug \t date \t number`: a page's identity.
pub fn page_key(slug: &str, date: &str, number: &str) -> String {
    format!("{slug}\t{date}\t{number}")
}

/// `slug \t date`: an issue's identity in the index.
pub fn issue_key(key: &IssueKey) -> String {
    format!("{}\t{}", key.slug, key.date)
}

/// FNV-1a, 64 bits: stable across runs and versions, unlike `std`'s hasher.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The first document of `seg` holding `term` and not deleted, if any.
pub(super) fn first_alive(seg: &SegmentReader, term: &Term) -> Option<tantivy::DocId> {
    let inverted = seg.inverted_index(term.field()).ok()?;
    let mut postings = inverted
        .read_postings(term, IndexRecordOption::Basic)
        .ok()??;
    let mut doc = postings.doc();
    while doc != tantivy::TERMINATED && seg.is_deleted(doc) {
        doc = postings.advance();
    }
    (doc != tantivy::TERMINATED).then_some(doc)
}

/// The hash and article count of the page document holding `term` in `seg`, if any.
fn hash_in(seg: &SegmentReader, term: &Term) -> Option<(u64, usize)> {
    let doc = first_alive(seg, term)?;
    let ff = seg.fast_fields();
    let hash = ff.u64("hash").ok()?.first(doc)?;
    let n = ff.u64("articles").ok().and_then(|c| c.first(doc));
    Some((hash, n.unwrap_or(0) as usize))
}

/// Where [`Store::add`] finds the pages already stored: in the segments the issue list
/// says hold their issue, opened alone (none for an issue new to the library), so an
/// import into a large library neither opens every segment nor looks a page up in
/// each; through the reader when the list does not know every segment.
enum StoredPages {
    Reader(tantivy::Searcher),
    Segments {
        metas: Vec<SegmentMeta>,
        holding: HashMap<(String, String), Vec<usize>>,
        open: HashMap<usize, SegmentReader>,
    },
}

impl StoredPages {
    fn new(store: &Store, issues: &[Issue]) -> Result<StoredPages, LibraryError> {
        if let Some(r) = store.reader.ready() {
            return Ok(StoredPages::Reader(r.searcher()));
        }
        let (metas, keys) = store.committed_segments();
        let read = |i: usize| read_segment(&store.open_segment(&metas[i]).ok()?, &store.f);
        let wanted = issues
            .iter()
            .map(|i| (i.slug.as_str(), i.date.as_str()))
            .collect();
        let holding = store
            .issue_list
            .ensure(&keys, read, false)
            .then(|| store.issue_list.holding_each(&keys, &wanted))
            .flatten();
        Ok(match holding {
            Some(holding) => StoredPages::Segments {
                metas,
                holding,
                open: HashMap::new(),
            },
            None => StoredPages::Reader(store.reader.get()?.searcher()),
        })
    }

    /// The hash and article count of page `key` of `issue` as stored, if it is.
    fn hash(
        &mut self,
        store: &Store,
        issue: &Issue,
        key: &str,
    ) -> Result<Option<(u64, usize)>, LibraryError> {
        let (metas, holding, open) = match self {
            StoredPages::Reader(searcher) => return store.stored_hash(searcher, key),
            StoredPages::Segments {
                metas,
                holding,
                open,
            } => (metas, holding, open),
        };
        let Some(among) = holding.get(&(issue.slug.clone(), issue.date.clone())) else {
            return Ok(None);
        };
        let term = Term::from_field_text(store.f.page_key, key);
        for &i in among {
            if let std::collections::hash_map::Entry::Vacant(slot) = open.entry(i) {
                match store.open_segment(&metas[i]) {
                    Ok(seg) => _ = slot.insert(seg),
                    // Merged away since the commit was read: ask the reader instead.
                    Err(_) => {
                        *self = StoredPages::Reader(store.reader.get()?.searcher());
                        return self.hash(store, issue, key);
                    }
                }
            }
            if let Some(found) = open.get(&i).and_then(|seg| hash_in(seg, &term)) {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }
}

/// The library's one writer is held by another process.
pub(super) fn busy(what: &str) -> LibraryError {
    LibraryError::Busy {
        what: what.to_string(),
    }
}

impl Store {
    /// The last commit's segments, with their keys in the issue list.
    pub(super) fn committed_segments(&self) -> (Vec<SegmentMeta>, Vec<String>) {
        let metas = self.index.searchable_segment_metas().unwrap_or_default();
        let keys = metas
            .iter()
            .map(|m| segment_key(m.id(), m.num_deleted_docs()))
            .collect();
        (metas, keys)
    }

    /// One segment of a commit, opened alone (it fails once a writer merged it away).
    pub(super) fn open_segment(&self, meta: &SegmentMeta) -> tantivy::Result<SegmentReader> {
        SegmentReader::open(&self.index.segment(meta.clone()))
    }

    /// Wraps an index: registers the tokenizers and opens a reader.
    pub fn new(index: Index) -> Result<Store, LibraryError> {
        let reader = LazyReader::now(&index)?;
        Store::with_reader(index, reader, IssueList::new(None))
    }

    /// Wraps an index whose reader is opened on first use, its issue list kept in
    /// `issue_file` (see [`super::issue_list`]).
    pub fn lazy(index: Index, issue_file: std::path::PathBuf) -> Result<Store, LibraryError> {
        let reader = LazyReader::later(&index);
        Store::with_reader(index, reader, IssueList::new(Some(issue_file)))
    }

    fn with_reader(
        index: Index,
        reader: LazyReader,
        issue_list: IssueList,
    ) -> Result<Store, LibraryError> {
        let pace = Pace::default();
        engine::register_counting_tokenizers(&index, pace.taken.clone());
        let f = engine::fields_of(&index.schema())
            .ok_or_else(|| store_err("library index", "not a dubao library index"))?;
        let seen = index.load_metas().map(|m| m.opstamp).unwrap_or(0);
        Ok(Store {
            index,
            reader,
            issue_list,
            days: Default::default(),
            f,
            seen: Mutex::new(seen),
            pace,
            writing: None,
        })
    }

    /// The writer (and its merges) works on `index`, the same files opened apart:
    /// merges read every segment through, which a map made for a reader's random
    /// reads would fault in one small page at a time.
    pub fn with_writing_index(mut self, index: Index) -> Store {
        engine::register_counting_tokenizers(&index, self.pace.taken.clone());
        self.writing = Some(index);
        self
    }

    /// An empty index held in memory.
    pub fn in_ram() -> Result<Store, LibraryError> {
        Store::new(engine::create_in_ram().map_err(|e| store_err("in-memory index", e))?)
    }

    /// The writer; only one at a time, across processes (tantivy's lock file). Its
    /// memory stays bounded however much is added (see [`super::writer`]).
    pub fn writer(&self, threads: usize) -> Result<IndexWriter, LibraryError> {
        writer::few_malloc_arenas();
        let threads = threads.max(1);
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(writer::budget(threads) / threads)
            .num_merge_threads(writer::MERGE_THREADS)
            .build();
        let writer = self
            .writing
            .as_ref()
            .unwrap_or(&self.index)
            .writer_with_options(options)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => busy("library"),
                e => store_err("library writer", e),
            })?;
        // A writer killed mid-way leaves files no commit names (a segment, a delete
        // bitset) whose names the next writer may want again: clear them first.
        let _ = writer.garbage_collect_files().wait();
        writer.set_merge_policy(Box::new(writer::BoundedMerges::default()));
        self.pace.reset();
        Ok(writer)
    }

    /// Commits what `writer` holds and lets the reader see it.
    pub fn commit(&self, writer: &mut IndexWriter) -> Result<(), LibraryError> {
        writer
            .commit()
            .map_err(|e| store_err("library commit", e))?;
        self.refresh();
        Ok(())
    }

    /// Adds `issues` through `writer` (not yet committed): pages already stored as they
    /// are change nothing; a page that changed has its documents replaced.
    pub fn add(&self, writer: &IndexWriter, issues: &[Issue]) -> Result<AddSummary, LibraryError> {
        let mut stored = StoredPages::new(self, issues)?;
        let mut batch: HashMap<String, (u64, usize)> = HashMap::new();
        let mut sum = AddSummary::default();
        for issue in issues {
            for page in &issue.pages {
                let page_doc = StoredPage {
                    paper: issue.paper.clone(),
                    slug: issue.slug.clone(),
                    date: issue.date.clone(),
                    page: page.clone(),
                };
                let body = serde_json::to_vec(&page_doc).map_err(|e| store_err("page", e))?;
                let hash = fnv(&body);
                let key = page_key(&issue.slug, &issue.date, &page.number);
                let before = match batch.get(&key) {
                    Some(&b) => Some(b),
                    None => stored.hash(self, issue, &key)?,
                };
                let n = page.articles.len();
                sum.pages += 1;
                match before {
                    Some((h, _)) if h == hash => {
                        sum.pages_unchanged += 1;
                        sum.articles_unchanged += n;
                        continue;
                    }
                    Some((_, old)) => {
                        writer.delete_term(Term::from_field_text(self.f.page_key, &key));
                        writer.delete_term(Term::from_field_text(self.f.of_page, &key));
                        sum.articles_replaced += n.min(old);
                        sum.articles_added += n.saturating_sub(old);
                    }
                    None => sum.articles_added += n,
                }
                batch.insert(key.clone(), (hash, n));
                self.add_page(writer, &page_doc, &key, hash, &body)?;
                self.pace.keep();
            }
        }
        Ok(sum)
    }

    /// The hash and article count of the page stored under `key`, if any.
    fn stored_hash(
        &self,
        searcher: &tantivy::Searcher,
        key: &str,
    ) -> Result<Option<(u64, usize)>, LibraryError> {
        let term = Term::from_field_text(self.f.page_key, key);
        let segs = searcher.segment_readers();
        Ok(segs.iter().find_map(|seg| hash_in(seg, &term)))
    }

    fn add_page(
        &self,
        writer: &IndexWriter,
        stored: &StoredPage,
        key: &str,
        hash: u64,
        body: &[u8],
    ) -> Result<(), LibraryError> {
        let f = &self.f;
        let day = engine::day_of(&stored.date).unwrap_or(0);
        let issue = issue_key(&IssueKey {
            slug: stored.slug.clone(),
            date: stored.date.clone(),
        });
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.kind, KIND_PAGE);
        doc.add_text(f.page_key, key);
        doc.add_text(f.issue_key, &issue);
        doc.add_text(f.paper_name, &stored.paper);
        doc.add_u64(f.hash, hash);
        doc.add_u64(f.articles, stored.page.articles.len() as u64);
        doc.add_bytes(f.body, body);
        doc.add_u64(f.day, day);
        let rank = engine::page_rank(&stored.page.number);
        if !stored.page.lines.is_empty() {
            // The page's own lines, found like article text (as the page's own hits,
            // just before its first article).
            let text = indexed_text(&crate::search::page_lines_article(&stored.page));
            self.pace.send(text.len());
            doc.add_text(f.line_chars, &text);
            doc.add_text(f.line_pairs, &text);
            doc.add_text(f.paper, &stored.slug);
            if stored.paper != stored.slug {
                doc.add_text(f.paper, &stored.paper);
            }
            doc.add_u64(f.order, engine::order_key(day, rank, 0).saturating_add(1));
        }
        let add = |d| writer.add_document(d).map_err(|e| store_err("library", e));
        add(doc)?;
        for (pos, article) in stored.page.articles.iter().enumerate() {
            let text = indexed_text(article);
            self.pace.send(text.len());
            let mut doc = TantivyDocument::default();
            doc.add_u64(f.kind, KIND_ARTICLE);
            doc.add_text(f.of_page, key);
            doc.add_u64(f.pos, pos as u64);
            doc.add_text(f.id, &article.id.0);
            doc.add_text(f.paper, &stored.slug);
            if stored.paper != stored.slug {
                doc.add_text(f.paper, &stored.paper);
            }
            doc.add_u64(f.day, day);
            doc.add_u64(f.order, engine::order_key(day, rank, pos));
            doc.add_text(f.chars, &text);
            doc.add_text(f.pairs, &text);
            add(doc)?;
        }
        Ok(())
    }

    /// Takes in a commit made since the last call (by this or another process); true
    /// when there was one.
    pub fn refresh(&self) -> bool {
        let Ok(meta) = self.index.load_metas() else {
            return false;
        };
        let Ok(mut seen) = self.seen.lock() else {
            return false;
        };
        let changed = meta.opstamp != *seen;
        // A reader opened while a commit was made may hold the one before it.
        let stale = self.reader.behind(meta.opstamp);
        // A reload can race a writer removing merged segments: keep the old view and
        // try again on the next call. A reader not open yet opens on the newest commit.
        if let Some(r) = self.reader.ready().filter(|_| changed || stale) {
            if r.reload().is_err() {
                return false;
            }
            self.reader.caught_up(meta.opstamp);
        }
        *seen = meta.opstamp;
        changed
    }

    /// Takes in the writer's merges (which keep the opstamp), so the merged-away
    /// segments are let go: their mapped pages stay resident while a reader holds them.
    pub fn let_go_of_merged(&self) {
        if let Some(r) = self.reader.ready() {
            let _ = r.reload();
        }
    }

    /// The stored page of a page document.
    pub(super) fn page_of(&self, doc: &TantivyDocument) -> Option<StoredPage> {
        let body = doc.get_first(self.f.body)?.as_bytes()?;
        serde_json::from_slice(body).ok()
    }
}
