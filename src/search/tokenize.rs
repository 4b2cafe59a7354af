//! The CJK tokenizers the search engine indexes with: single folded chars, and
//! overlapping pairs of folded chars with real positions, so a query of any length is
//! found exactly where it occurs (substring semantics, like Ctrl-F).
//!
//! Text is folded as [`super::normalize`] folds a query ([`super::normalize::fold_char`]: width, case,
//! quote forms and traditional → simplified, one char at a time); a
//! [`RUN_BREAK`] in the indexed text (between runs, see [`super::normalize::pieces`])
//! leaves one position empty and starts a new run, so no pair and no phrase spans it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::normalize::{fold_char_in, pieces};
use crate::model::Article;

/// Separates runs in indexed text; never in source text (the importer drops controls).
pub const RUN_BREAK: char = '\u{1E}';

/// The text the engine indexes for one article: every field in reading order, a
/// [`RUN_BREAK`] before every run.
pub fn indexed_text(article: &Article) -> String {
    let mut out = String::new();
    for piece in pieces(article) {
        if !piece.joins {
            out.push(RUN_BREAK);
        }
        out.push_str(piece.text);
    }
    out
}

/// Single folded chars (`pairs == false`) or overlapping pairs of them (`pairs == true`).
///
/// Single chars are indexed without positions, so each distinct char of a text is given
/// once (at its first position): the index holds the same, and indexing does a third of
/// the work.
#[derive(Debug, Clone, Default)]
pub struct CjkTokenizer {
    pub pairs: bool,
    /// Fold traditional to simplified (always, in a library; `false` only to measure).
    pub scripts: bool,
    /// Bytes of text this tokenizer (and its clones) has been given, counted as each
    /// text is taken up: how far the index writer's threads have come, for an importer
    /// that must not run ahead of them (see `library::store`).
    pub taken: Option<Arc<AtomicUsize>>,
}

/// Which chars a stream has given already: a bitset over the Basic Multilingual Plane,
/// a list for the rest.
struct Seen {
    bmp: Vec<u64>,
    other: Vec<char>,
}

impl Seen {
    fn new() -> Seen {
        Seen {
            bmp: vec![0; 0x1_0000 / 64],
            other: Vec::new(),
        }
    }

    /// True the first time `c` is given.
    fn first(&mut self, c: char) -> bool {
        let n = c as usize;
        if let Some(word) = self.bmp.get_mut(n / 64) {
            let bit = 1u64 << (n % 64);
            let new = *word & bit == 0;
            *word |= bit;
            return new;
        }
        if self.other.contains(&c) {
            return false;
        }
        self.other.push(c);
        true
    }
}

/// The token stream of [`CjkTokenizer`].
pub struct CjkStream<'a> {
    text: &'a str,
    /// Byte offset of the next source char.
    at: usize,
    /// Folded chars of the current source char not yet consumed.
    pending: Vec<char>,
    next_pending: usize,
    /// Byte range of the source char `pending` came from.
    source: (usize, usize),
    /// The previous folded char of this run, and where it started.
    prev: Option<(char, usize)>,
    /// The position of the next folded char.
    pos: usize,
    /// Single chars given so far (`None` for pairs).
    seen: Option<Seen>,
    scripts: bool,
    token: Token,
}

impl Tokenizer for CjkTokenizer {
    type TokenStream<'a> = CjkStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkStream<'a> {
        if let Some(taken) = &self.taken {
            taken.fetch_add(text.len(), Ordering::Relaxed);
        }
        CjkStream {
            text,
            at: 0,
            pending: Vec::with_capacity(4),
            next_pending: 0,
            source: (0, 0),
            prev: None,
            pos: 0,
            seen: (!self.pairs).then(Seen::new),
            scripts: self.scripts,
            token: Token::default(),
        }
    }
}

impl CjkStream<'_> {
    /// The next folded char of the current run, or `None` at a run break or the end
    /// (`Some(None)` at a break, `None` at the end).
    fn next_folded(&mut self) -> Option<Option<char>> {
        while self.next_pending >= self.pending.len() {
            let c = self.text[self.at..].chars().next()?;
            let start = self.at;
            self.at += c.len_utf8();
            if c == RUN_BREAK {
                return Some(None);
            }
            self.pending.clear();
            self.next_pending = 0;
            self.source = (start, self.at);
            let pending = &mut self.pending;
            fold_char_in(c, self.scripts, |f| pending.push(f));
        }
        let c = self.pending[self.next_pending];
        self.next_pending += 1;
        Some(Some(c))
    }
}

impl TokenStream for CjkStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some(next) = self.next_folded() else {
                return false;
            };
            let Some(c) = next else {
                // A run break: one empty position, and no pair across it.
                if self.pos > 0 {
                    self.pos += 1;
                }
                self.prev = None;
                continue;
            };
            let pos = self.pos;
            self.pos += 1;
            let t = &mut self.token;
            if let Some(seen) = &mut self.seen {
                if !seen.first(c) {
                    continue;
                }
                t.text.clear();
                t.text.push(c);
                t.position = pos;
                t.offset_from = self.source.0;
                t.offset_to = self.source.1;
                return true;
            }
            let prev = self.prev.replace((c, self.source.0));
            if let Some((p, from)) = prev {
                t.text.clear();
                t.text.push(p);
                t.text.push(c);
                t.position = pos - 1;
                t.offset_from = from;
                t.offset_to = self.source.1;
                return true;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// How a folded query is asked of the index: one char (the single-char field), one
/// pair, or pairs at offsets (a phrase over the pair field) that cover every char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryTerms {
    None,
    Char(String),
    Pair(String),
    Phrase(Vec<(usize, String)>),
}

/// The terms for a query already folded by [`super::normalize`]: one char, one pair,
/// or every pair at every offset, of which a phrase asks for those [`cover`] keeps.
pub fn query_terms(folded: &str) -> QueryTerms {
    let chars: Vec<char> = folded.chars().filter(|&c| c != RUN_BREAK).collect();
    let pair = |i: usize| -> String { chars[i..i + 2].iter().collect() };
    match chars.len() {
        0 => QueryTerms::None,
        1 => QueryTerms::Char(chars[0].to_string()),
        2 => QueryTerms::Pair(pair(0)),
        n => QueryTerms::Phrase((0..n - 1).map(|i| (i, pair(i))).collect()),
    }
}

/// Offsets of the pairs of a phrase of `pairs` pairs (`pairs + 1` chars) that it asks
/// for: pair `rarest` and every other one from it out to both ends, and the first and
/// last pair when that skips an end, so every char is covered and positions make the
/// phrase exact. About half the pairs (each is a term lookup in every segment), but
/// always the rarest, which drives the phrase: `发展银行` asks for the rare `展银`
/// and checks positions in a few documents, not in every one holding `发展` and `银行`.
pub fn cover(pairs: usize, rarest: usize) -> Vec<usize> {
    if pairs == 0 {
        return Vec::new();
    }
    let rarest = rarest.min(pairs - 1);
    let mut at: Vec<usize> = (0..=rarest).rev().step_by(2).collect();
    if at.last() != Some(&0) {
        at.push(0);
    }
    at.extend((rarest + 2..pairs).step_by(2));
    if at.iter().max() != Some(&(pairs - 1)) {
        at.push(pairs - 1);
    }
    at.sort_unstable();
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cover_holds_the_rarest_pair_and_every_char_in_about_half_the_pairs() {
        assert_eq!(cover(3, 0), vec![0, 2]);
        assert_eq!(cover(3, 1), vec![0, 1, 2]);
        assert_eq!(cover(4, 0), vec![0, 2, 3]);
        assert_eq!(cover(1, 5), vec![0]);
        for pairs in 1..12 {
            for rarest in 0..pairs {
                let c = cover(pairs, rarest);
                assert!(c.contains(&rarest), "{pairs} {rarest} {c:?}");
                for ch in 0..=pairs {
                    assert!(
                        c.iter().any(|&p| p == ch || p + 1 == ch),
                        "char {ch} of {pairs} pairs, rarest {rarest}: {c:?}"
                    );
                }
                assert!(c.len() <= pairs.div_ceil(2) + 1, "{pairs} {rarest} {c:?}");
                assert!(c.windows(2).all(|w| w[0] < w[1]));
            }
        }
    }

    fn tokens(text: &str, pairs: bool) -> Vec<(String, usize)> {
        let mut t = CjkTokenizer {
            pairs,
            scripts: true,
            taken: None,
        };
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().text.clone(), s.token().position));
        }
        out
    }

    #[test]
    fn chars_and_pairs_carry_their_positions() {
        let t = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|(s, p)| (s.to_string(), *p)).collect()
        };
        assert_eq!(
            tokens("农业 银行", false),
            t(&[("农", 0), ("业", 1), ("银", 2), ("行", 3)])
        );
        // Single chars: each once.
        assert_eq!(
            tokens("农业农村𠀀𠀀", false),
            t(&[("农", 0), ("业", 1), ("村", 3), ("𠀀", 4)])
        );
        assert_eq!(
            tokens("农业 银行", true),
            t(&[("农业", 0), ("业银", 1), ("银行", 2)])
        );
        // Width and case fold; a run break leaves a gap and breaks the pairs.
        assert_eq!(
            tokens("ＡＢ\u{1E}c", true),
            t(&[("ab", 0)]) // "bc" is not a pair across the break
        );
        assert_eq!(
            tokens("ＡＢ\u{1E}c", false),
            t(&[("a", 0), ("b", 1), ("c", 3)])
        );
    }

    #[test]
    fn queries_cover_every_char() {
        assert_eq!(query_terms(""), QueryTerms::None);
        assert_eq!(query_terms("农"), QueryTerms::Char("农".into()));
        assert_eq!(query_terms("农业"), QueryTerms::Pair("农业".into()));
        assert_eq!(
            query_terms("农业发"),
            QueryTerms::Phrase(vec![(0, "农业".into()), (1, "业发".into())])
        );
        assert_eq!(
            query_terms("农业发展"),
            QueryTerms::Phrase(vec![
                (0, "农业".into()),
                (1, "业发".into()),
                (2, "发展".into())
            ])
        );
    }
}
