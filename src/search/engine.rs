//! The search engine's schema and queries, on tantivy: which fields a page and an
//! article are indexed under, the CJK tokenizers registered by name, and the query for
//! a folded text with paper and date filters.
//!
//! Every page is one document (its whole text stored, the catalogue's source) and every
//! article one more (indexed for search, pointing back at its page). Text is indexed
//! twice: single chars without positions (1-char queries) and char pairs with positions
//! (everything longer, as a phrase of pairs), see [`super::tokenize`].

use std::ops::Bound;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use tantivy::query::{BooleanQuery, InvertedIndexRangeQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexSettings, Term};

use super::tokenize::{CjkTokenizer, QueryTerms, query_terms};

/// Tokenizer names as registered on every index.
pub const CHARS: &str = "dubao_chars";
pub const PAIRS: &str = "dubao_pairs";

/// `kind` of a page document.
pub const KIND_PAGE: u64 = 1;
/// `kind` of an article document.
pub const KIND_ARTICLE: u64 = 2;

/// The fields of the schema, by handle.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// [`KIND_PAGE`] or [`KIND_ARTICLE`].
    pub kind: Field,
    /// Page documents: `slug \t date \t number`, the page's identity.
    pub page_key: Field,
    /// Page documents: `slug \t date` (fast, for the catalogue).
    pub issue_key: Field,
    /// Page documents: the paper's own name (fast, for the catalogue).
    pub paper_name: Field,
    /// Page documents: a hash of the stored page, to tell a changed page from the same.
    pub hash: Field,
    /// Page documents: how many articles the page has.
    pub articles: Field,
    /// Page documents: the stored page (JSON).
    pub body: Field,
    /// Article documents: the page they are on (a `page_key`).
    pub of_page: Field,
    /// Article documents: their index on the page (stored).
    pub pos: Field,
    /// Article documents: the article id.
    pub id: Field,
    /// Article documents: paper slug and paper name, for the paper filter.
    pub paper: Field,
    /// Both: the issue date as `yyyymmdd` (0 when unknown), for the date filter.
    pub day: Field,
    /// Article documents: newest issue first, then page and article order, when sorted
    /// descending.
    pub order: Field,
    /// Article documents: single folded chars.
    pub chars: Field,
    /// Article documents: pairs of folded chars with positions.
    pub pairs: Field,
    /// Page documents: the page's own lines (`本版责编：…`), single folded chars.
    pub line_chars: Field,
    /// Page documents: the page's own lines, pairs with positions.
    pub line_pairs: Field,
}

fn text_field(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record)
            .set_fieldnorms(false),
    )
}

/// The schema of a library index, with its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        kind: b.add_u64_field("kind", INDEXED),
        page_key: b.add_text_field("page_key", STRING),
        issue_key: b.add_text_field("issue_key", STRING | FAST),
        paper_name: b.add_text_field("paper_name", STRING | FAST),
        hash: b.add_u64_field("hash", FAST),
        articles: b.add_u64_field("articles", FAST),
        body: b.add_bytes_field("body", STORED),
        of_page: b.add_text_field("of_page", STRING | STORED),
        pos: b.add_u64_field("pos", STORED),
        id: b.add_text_field("id", STRING),
        paper: b.add_text_field("paper", STRING),
        day: b.add_u64_field("day", INDEXED | FAST),
        order: b.add_u64_field("order", FAST),
        chars: b.add_text_field("chars", text_field(CHARS, IndexRecordOption::Basic)),
        pairs: b.add_text_field(
            "pairs",
            text_field(PAIRS, IndexRecordOption::WithFreqsAndPositions),
        ),
        line_chars: b.add_text_field("line_chars", text_field(CHARS, IndexRecordOption::Basic)),
        line_pairs: b.add_text_field(
            "line_pairs",
            text_field(PAIRS, IndexRecordOption::WithFreqsAndPositions),
        ),
    };
    (b.build(), fields)
}

/// How an index stores its documents: zstd over 64 KiB blocks, which keeps Chinese
/// text at about half the size lz4 does; a page is still read in well under a
/// millisecond.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 64 * 1024,
        ..Default::default()
    }
}

/// A new index in memory, with [`settings`] and the tokenizers registered.
pub fn create_in_ram() -> tantivy::Result<Index> {
    Index::builder()
        .schema(schema().0)
        .settings(settings())
        .create_in_ram()
}

/// The field handles of an index opened from disk; `None` when its schema is not ours.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |name: &str| schema.get_field(name).ok();
    Some(Fields {
        kind: f("kind")?,
        page_key: f("page_key")?,
        issue_key: f("issue_key")?,
        paper_name: f("paper_name")?,
        hash: f("hash")?,
        articles: f("articles")?,
        body: f("body")?,
        of_page: f("of_page")?,
        pos: f("pos")?,
        id: f("id")?,
        paper: f("paper")?,
        day: f("day")?,
        order: f("order")?,
        chars: f("chars")?,
        pairs: f("pairs")?,
        line_chars: f("line_chars")?,
        line_pairs: f("line_pairs")?,
    })
}

/// Registers the CJK tokenizers; needed on every index, each time it is opened.
pub fn register_tokenizers(index: &Index) {
    register_tokenizers_with(index, true);
}

/// [`register_tokenizers`], with the pair tokenizer adding the bytes of every text it
/// takes up to `taken` (how far the writer's threads have come).
pub fn register_counting_tokenizers(index: &Index, taken: Arc<AtomicUsize>) {
    register(index, true, Some(taken));
}

/// The CJK tokenizers with the traditional→simplified fold on or off (`scripts`): off
/// only to measure what the fold costs (`benches/script.rs`).
pub fn register_tokenizers_with(index: &Index, scripts: bool) {
    register(index, scripts, None);
}

fn register(index: &Index, scripts: bool, taken: Option<Arc<AtomicUsize>>) {
    let m = index.tokenizers();
    m.register(
        CHARS,
        TextAnalyzer::from(CjkTokenizer {
            pairs: false,
            scripts,
            taken: None,
        }),
    );
    m.register(
        PAIRS,
        TextAnalyzer::from(CjkTokenizer {
            pairs: true,
            scripts,
            taken,
        }),
    );
}

/// `2022-07-01` → `20220701`; `None` for anything that is not a date.
pub fn day_of(date: &str) -> Option<u64> {
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !ok {
        return None;
    }
    date.replace('-', "").parse().ok()
}

/// What a search is narrowed to besides its text.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    /// A paper slug or name.
    pub paper: Option<&'a str>,
    /// First and last day (`yyyymmdd`), inclusive.
    pub from: Option<u64>,
    pub to: Option<u64>,
}

/// How many documents hold a term, as far as a caller can tell cheaply (from one
/// segment, say); only which pairs are rarer than others matters.
pub type DocFreq<'a> = &'a dyn Fn(&Term) -> u64;

/// The query for article documents holding `folded` (already [`super::normalize`]d)
/// within `filter`; `None` for an empty text. A phrase asks for the pairs
/// [`super::tokenize::cover`] keeps around the rarest by `doc_freq`.
pub fn query(
    f: &Fields,
    folded: &str,
    filter: &Filter,
    doc_freq: DocFreq,
) -> Option<Box<dyn Query>> {
    query_in(f, (f.chars, f.pairs), folded, filter, doc_freq)
}

/// [`query`] for the page documents holding `folded` in their own lines.
pub fn page_lines_query(
    f: &Fields,
    folded: &str,
    filter: &Filter,
    doc_freq: DocFreq,
) -> Option<Box<dyn Query>> {
    query_in(f, (f.line_chars, f.line_pairs), folded, filter, doc_freq)
}

/// The phrase of `pairs` (all of them, at their offsets) over `field`, asking for
/// those the cover of the rarest keeps.
fn phrase(field: Field, pairs: Vec<(usize, String)>, doc_freq: DocFreq) -> PhraseQuery {
    let terms: Vec<(usize, Term)> = pairs
        .into_iter()
        .map(|(at, t)| (at, Term::from_field_text(field, &t)))
        .collect();
    let rarest = (0..terms.len())
        .min_by_key(|&i| doc_freq(&terms[i].1))
        .unwrap_or(0);
    let keep = super::tokenize::cover(terms.len(), rarest);
    PhraseQuery::new_with_offset(keep.into_iter().map(|i| terms[i].clone()).collect())
}

fn query_in(
    f: &Fields,
    (chars, pairs): (Field, Field),
    folded: &str,
    filter: &Filter,
    doc_freq: DocFreq,
) -> Option<Box<dyn Query>> {
    let text: Box<dyn Query> = match query_terms(folded) {
        QueryTerms::None => return None,
        QueryTerms::Char(c) => Box::new(TermQuery::new(
            Term::from_field_text(chars, &c),
            IndexRecordOption::Basic,
        )),
        QueryTerms::Pair(p) => Box::new(TermQuery::new(
            Term::from_field_text(pairs, &p),
            IndexRecordOption::Basic,
        )),
        QueryTerms::Phrase(terms) => Box::new(phrase(pairs, terms, doc_freq)),
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    if let Some(p) = filter.paper {
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.paper, p),
                IndexRecordOption::Basic,
            )),
        ));
    }
    if filter.from.is_some() || filter.to.is_some() {
        let bound = |d: Option<u64>| match d {
            Some(d) => Bound::Included(Term::from_field_u64(f.day, d)),
            None => Bound::Unbounded,
        };
        let from = bound(filter.from.or(Some(1)));
        // From the inverted index (the days' posting lists), not the fast field: a
        // short range is then the cheap side of the intersection and drives it, so a
        // phrase is checked only in the days asked for.
        clauses.push((
            Occur::Must,
            Box::new(InvertedIndexRangeQuery::new(from, bound(filter.to))),
        ));
    }
    if clauses.len() == 1 {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// The sort key of an article: descending, newest day first, then page and article
/// order within it.
pub fn order_key(day: u64, page_rank: u32, pos: usize) -> u64 {
    let within = (u64::from(page_rank.min(0xF_FFFF)) << 12) | (pos.min(0xFFF) as u64);
    (day << 32) | (0xFFFF_FFFF - within)
}

/// A rank for a printed page number in reading order: `01` → 1, `A3` → 1003, `B1` →
/// 2001; anything else after those.
pub fn page_rank(number: &str) -> u32 {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
    let n: u32 = digits.parse().unwrap_or(999).min(999);
    match number.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => {
            (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1) * 1000 + n
        }
        Some(c) if c.is_ascii_digit() => n,
        _ => 900_000,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_order() {
        assert_eq!(day_of("2022-07-01"), Some(20220701));
        assert_eq!(day_of("2022-7-1"), None);
        assert_eq!(day_of(""), None);
        assert!(order_key(20220702, 5, 0) > order_key(20220701, 1, 0));
        assert!(order_key(20220701, 1, 3) > order_key(20220701, 2, 0));
        assert!(order_key(20220701, 1, 0) > order_key(20220701, 1, 1));
        assert!(page_rank("02") < page_rank("A1"));
        assert!(page_rank("A9") < page_rank("B1"));
    }
}
