//! Reading a [`Store`]: the list of issues (kept per segment, no page read), one issue's
//! pages when it is shown (the first before the reader is open), articles by id, and
//! search newest first.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

use super::issue_list::{read_segment, segment_key};
use super::newest;
use super::store::{Store, StoredPage, first_alive, issue_key, store_err};
use super::{IssueInfo, IssueKey, LibraryError, SearchHit, SearchQuery};
use crate::model::{Article, ArticleId, Issue};
use crate::search::engine::{self, Filter};
use crate::search::normalize;

/// Chars of context before the first match in a snippet, and its whole length.
const SNIPPET_BEFORE: usize = 10;
const SNIPPET_CHARS: usize = 40;

impl Store {
    /// Every issue, oldest first (by date, then slug): the issue list kept per segment
    /// (see [`super::issue_list`]), a segment not seen before read from its page
    /// documents' fast fields. Through the reader's segments when it is open, else
    /// through the last commit's, opening only those the list lacks.
    pub fn issues(&self) -> Vec<IssueInfo> {
        if let Some(reader) = self.reader.ready() {
            let searcher = reader.searcher();
            let segs = searcher.segment_readers();
            let keys: Vec<String> = segs
                .iter()
                .map(|s| segment_key(s.segment_id(), s.num_deleted_docs()))
                .collect();
            return self
                .issue_list
                .issues(&keys, |i| read_segment(&segs[i], &self.f));
        }
        // A segment that cannot be opened was most likely merged away by a writer since
        // the commit was read: read the commit again, twice at the most.
        let mut tries = 0;
        loop {
            let (metas, keys) = self.committed_segments();
            let mut failed = false;
            let issues = self.issue_list.issues(&keys, |i| {
                let seg = self.open_segment(&metas[i]).ok();
                let entries = seg.and_then(|seg| read_segment(&seg, &self.f));
                failed |= entries.is_none();
                entries
            });
            tries += 1;
            if !failed || tries == 3 {
                return issues;
            }
        }
    }

    /// Brings the issue list's file up to the last commit, reading only the segments it
    /// lacks and building no list (what an import leaves for the next open).
    pub fn save_issue_list(&self) {
        let (metas, keys) = self.committed_segments();
        let read = |i: usize| read_segment(&self.open_segment(&metas[i]).ok()?, &self.f);
        self.issue_list.ensure(&keys, read, true);
    }

    /// The pages of issue `key` (`term`) read from the segments the issue list says hold
    /// it, without the reader; `None` when the list does not know them or one cannot be
    /// read (a writer merged them away meanwhile).
    fn pages_without_reader(&self, key: &IssueKey, term: &Term) -> Option<Vec<StoredPage>> {
        let (metas, keys) = self.committed_segments();
        let holding = self.issue_list.holding(&keys, key);
        if holding.is_empty() {
            return None;
        }
        let mut out = Vec::new();
        for i in holding {
            let seg = self.open_segment(&metas[i]).ok()?;
            let inverted = seg.inverted_index(self.f.issue_key).ok()?;
            let Some(mut postings) = inverted
                .read_postings(term, IndexRecordOption::Basic)
                .ok()?
            else {
                continue;
            };
            let store = seg.get_store_reader(1).ok()?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !seg.is_deleted(doc) {
                    let stored: TantivyDocument = store.get(doc).ok()?;
                    out.extend(self.page_of(&stored));
                }
                doc = postings.advance();
            }
        }
        Some(out)
    }

    /// Every stored page matching a term, read whole.
    fn pages_where(
        &self,
        searcher: &Searcher,
        term: Term,
    ) -> Result<Vec<StoredPage>, LibraryError> {
        let q = TermQuery::new(term, IndexRecordOption::Basic);
        let n = searcher
            .search(&q, &Count)
            .map_err(|e| store_err("library", e))?;
        if n == 0 {
            return Ok(Vec::new());
        }
        let top = searcher
            .search(&q, &TopDocs::with_limit(n).order_by_score())
            .map_err(|e| store_err("library", e))?;
        let mut out = Vec::with_capacity(n);
        for (_, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| store_err("library", e))?;
            if let Some(p) = self.page_of(&doc) {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// One issue with all its pages, in page order.
    pub fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError> {
        let term = Term::from_field_text(self.f.issue_key, &issue_key(key));
        // The reader's first issue is read before the reader opens, from its segments.
        let early = match self.reader.ready() {
            None => self.pages_without_reader(key, &term),
            Some(_) => None,
        };
        let mut pages = match early {
            Some(pages) => pages,
            None => self.pages_where(&self.reader.get()?.searcher(), term)?,
        };
        let Some(first) = pages.first() else {
            return Err(LibraryError::NoIssue(format!("{} {}", key.slug, key.date)));
        };
        let mut issue = Issue {
            paper: first.paper.clone(),
            slug: first.slug.clone(),
            date: first.date.clone(),
            pages: Vec::new(),
        };
        pages.sort_by(|a, b| crate::import::place::page_order(&a.page.number, &b.page.number));
        issue.pages = pages.into_iter().map(|p| p.page).collect();
        Ok(issue)
    }

    /// The page stored under `key`, looked for first in segment `near` (where its
    /// articles mostly are), then in the others, one term lookup in each: a hit's page
    /// is found without a query over every segment (on 192 segments, twenty hits' pages
    /// took some 12,000 term lookups).
    fn page_by_key(&self, searcher: &Searcher, key: &str, near: u32) -> Option<StoredPage> {
        let term = Term::from_field_text(self.f.page_key, key);
        let segs = searcher.segment_readers();
        let near = near as usize;
        let others = (0..segs.len()).filter(|&i| i != near);
        for ord in std::iter::once(near).chain(others) {
            let Some(doc) = segs.get(ord).and_then(|seg| first_alive(seg, &term)) else {
                continue;
            };
            let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc)).ok()?;
            return self.page_of(&stored);
        }
        None
    }

    /// The article a document of an article points at, with its page.
    fn article_at(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        cache: &mut HashMap<String, Option<StoredPage>>,
    ) -> Option<(StoredPage, usize)> {
        let doc: TantivyDocument = searcher.doc(addr).ok()?;
        let key = doc.get_first(self.f.of_page)?.as_str()?.to_string();
        let pos = doc.get_first(self.f.pos)?.as_u64()? as usize;
        let page = match cache.get(&key) {
            Some(p) => p.clone(),
            None => {
                let p = self.page_by_key(searcher, &key, addr.segment_ord);
                cache.insert(key, p.clone());
                p
            }
        }?;
        (pos < page.page.articles.len()).then_some((page, pos))
    }

    /// The article with this id and the issue it is in.
    pub fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)> {
        let searcher = self.reader.get().ok()?.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.f.id, &id.0),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())
            .ok()?;
        let (_, addr) = top.first()?;
        let (page, pos) = self.article_at(&searcher, *addr, &mut HashMap::new())?;
        let key = IssueKey {
            slug: page.slug,
            date: page.date,
        };
        Some((key, page.page.articles.into_iter().nth(pos)?))
    }

    fn filter<'q>(&self, q: &'q SearchQuery) -> Result<Filter<'q>, LibraryError> {
        let day = |d: &Option<String>, what: &str| -> Result<Option<u64>, LibraryError> {
            match d.as_deref() {
                None | Some("") => Ok(None),
                Some(d) => engine::day_of(d)
                    .map(Some)
                    .ok_or_else(|| store_err(d, format!("not a date for {what} (YYYY-MM-DD)"))),
            }
        };
        Ok(Filter {
            paper: q.paper.as_deref().filter(|p| !p.is_empty()),
            from: day(&q.from, "--from")?,
            to: day(&q.to, "--to")?,
        })
    }

    /// The hits of `query`, newest first (see [`super::newest`]).
    fn newest_first(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        page: (usize, usize),
    ) -> Result<Vec<(Option<u64>, DocAddress)>, LibraryError> {
        newest::newest_first(searcher, query, page, &self.days, newest::FIRST_WINDOW)
    }

    /// Hits for `q`, newest issue first, then page order (see [`super::newest`]).
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError> {
        let filter = self.filter(q)?;
        let searcher = self.reader.get()?.searcher();
        let doc_freq = doc_freq_in_largest(&searcher);
        match engine::query(&self.f, &normalize(&q.text), &filter, &doc_freq) {
            Some(query) => self.top_hits(&searcher, query.as_ref(), q),
            None => Ok(Vec::new()),
        }
    }

    fn top_hits(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        q: &SearchQuery,
    ) -> Result<Vec<SearchHit>, LibraryError> {
        let top = self.newest_first(searcher, query, (q.limit, q.offset))?;
        // Each hit's page is read and parsed whole: on two threads when there are many.
        let threads = if top.len() >= PARALLEL_PAGES {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
        } else {
            1
        };
        let chunk = top.len().div_ceil(threads).max(1);
        let hits_of = |t: usize| {
            let part = top.chunks(chunk).nth(t).unwrap_or_default();
            let mut cache = HashMap::new();
            part.iter()
                .filter_map(|&(_, addr)| {
                    let (page, pos) = self.article_at(searcher, addr, &mut cache)?;
                    Some(hit(&page, pos, &q.text))
                })
                .collect::<Vec<SearchHit>>()
        };
        let parts = newest::on_threads(threads, &hits_of)
            .ok_or_else(|| store_err("library search", "a search thread stopped"))?;
        Ok(parts.into_iter().flatten().collect())
    }

    /// Pages whose own lines match `q`, newest first, then page order.
    pub fn search_pages(&self, q: &SearchQuery) -> Result<Vec<super::PageHit>, LibraryError> {
        let filter = self.filter(q)?;
        let searcher = self.reader.get()?.searcher();
        let doc_freq = doc_freq_in_largest(&searcher);
        let folded = normalize(&q.text);
        let Some(query) = engine::page_lines_query(&self.f, &folded, &filter, &doc_freq) else {
            return Ok(Vec::new());
        };
        let top = self.newest_first(&searcher, &query, (q.limit, 0))?;
        let mut hits = Vec::with_capacity(top.len());
        for (_, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| store_err("library", e))?;
            if let Some(p) = self.page_of(&doc) {
                hits.push(super::PageHit {
                    key: IssueKey {
                        slug: p.slug,
                        date: p.date,
                    },
                    paper: p.paper,
                    page: p.page.number,
                    lines: p.page.lines,
                });
            }
        }
        Ok(hits)
    }

    /// How many articles match `q` (limit and offset aside).
    pub fn count(&self, q: &SearchQuery) -> Result<usize, LibraryError> {
        let filter = self.filter(q)?;
        let searcher = self.reader.get()?.searcher();
        let doc_freq = doc_freq_in_largest(&searcher);
        let Some(query) = engine::query(&self.f, &normalize(&q.text), &filter, &doc_freq) else {
            return Ok(0);
        };
        searcher
            .search(&query, &Count)
            .map_err(|e| store_err("library search", e))
    }
}

/// Hits at the least for their pages to be read on two threads.
const PARALLEL_PAGES: usize = 8;

/// The hit for article `pos` of `page`, its snippet around the first match of `text`.
fn hit(page: &StoredPage, pos: usize, text: &str) -> SearchHit {
    let article = &page.page.articles[pos];
    SearchHit {
        id: article.id.clone(),
        key: IssueKey {
            slug: page.slug.clone(),
            date: page.date.clone(),
        },
        paper: page.paper.clone(),
        page: page.page.number.clone(),
        title: article.title.clone(),
        snippet: snippet(article, text),
        line: None,
    }
}

/// How many documents of the searcher's largest segment hold a term: which pairs of a
/// phrase are rare, at a lookup each in one segment.
fn doc_freq_in_largest(searcher: &Searcher) -> impl Fn(&Term) -> u64 + '_ {
    let largest = searcher
        .segment_readers()
        .iter()
        .max_by_key(|s| s.max_doc());
    move |t: &Term| {
        largest
            .and_then(|s| s.inverted_index(t.field()).ok()?.get_term_info(t).ok()?)
            .map_or(0, |info| u64::from(info.doc_freq))
    }
}

/// The source text around the first match of `query` in `article`, on one line (white
/// space left out, as search ignores it).
pub fn snippet(article: &Article, query: &str) -> String {
    let Some(hit) = crate::search::hits(article, query).into_iter().next() else {
        return article.title.clone();
    };
    let text = article.field(hit.field).unwrap_or("");
    let from = hit.start.saturating_sub(SNIPPET_BEFORE);
    text.chars()
        .skip(from)
        .take(SNIPPET_CHARS.max(hit.end - from))
        .filter(|&c| !crate::search::normalize::is_invisible(c))
        .collect()
}
