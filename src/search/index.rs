//! The index a [`super::Searcher`] builds once: every article's folded text in one
//! string, and for every char the byte offsets where it occurs (a positional index), so
//! a query is checked only where its rarest char stands.

use std::collections::HashMap;

use super::normalize::{fold_char, pieces};
use crate::model::Library;

/// Separates runs (and articles) in [`Index::text`]; folded queries never contain it,
/// so no match crosses a field that does not run on, or an article.
const SEP: char = '\n';

/// Zero bytes after the text, so an 8-byte load at any text offset stays in bounds.
const PAD: usize = 8;

#[derive(Debug, Default)]
pub struct Index {
    /// Folded text of all articles, UTF-8; each run is preceded by [`SEP`]; then
    /// [`PAD`] zero bytes.
    text: Vec<u8>,
    /// Byte offset in `text` where each article (in library order) starts.
    starts: Vec<u32>,
    /// For each char, the byte offsets of its occurrences in `text`, ascending.
    postings: HashMap<char, Vec<u32>>,
}

/// Where a query occurs: byte offsets into the index text, ascending.
#[derive(Debug)]
pub enum Matches {
    /// A one-char query occurs exactly where its posting list says (kept by reference).
    Char(char),
    List(Vec<u32>),
}

/// A folded query prepared for fast checks: its first 8 bytes as a masked word.
struct Needle<'q> {
    bytes: &'q [u8],
    head: u64,
    mask: u64,
}

impl<'q> Needle<'q> {
    fn new(q: &'q str) -> Self {
        let bytes = q.as_bytes();
        let mut head = [0u8; 8];
        let n = bytes.len().min(8);
        head[..n].copy_from_slice(&bytes[..n]);
        Needle {
            bytes,
            head: u64::from_le_bytes(head),
            mask: if n == 8 { !0 } else { (1u64 << (8 * n)) - 1 },
        }
    }
}

impl Index {
    /// Folds and indexes every article of `lib`.
    ///
    /// # Panics
    /// When the folded text passes 4 GiB (offsets are `u32`).
    pub fn new(lib: &Library) -> Self {
        let mut text = String::new();
        let mut starts = Vec::new();
        for (_, article) in lib.articles() {
            starts.push(offset(text.len()));
            for piece in pieces(article) {
                if !piece.joins {
                    text.push(SEP);
                }
                for c in piece.text.chars() {
                    fold_char(c, |f| text.push(f));
                }
            }
        }
        // Count first so each list is allocated once at its exact size.
        let mut counts: HashMap<char, usize> = HashMap::new();
        for c in text.chars().filter(|&c| c != SEP) {
            *counts.entry(c).or_default() += 1;
        }
        let mut postings: HashMap<char, Vec<u32>> = counts
            .into_iter()
            .map(|(c, n)| (c, Vec::with_capacity(n)))
            .collect();
        for (i, c) in text.char_indices().filter(|&(_, c)| c != SEP) {
            if let Some(list) = postings.get_mut(&c) {
                list.push(offset(i));
            }
        }
        let mut text = text.into_bytes();
        text.extend_from_slice(&[0; PAD]);
        text.shrink_to_fit();
        Index {
            text,
            starts,
            postings,
        }
    }

    /// Bytes of heap the index holds (text, article starts, posting lists and the
    /// map's table, estimated from its capacity).
    pub fn heap_bytes(&self) -> usize {
        let lists: usize = self
            .postings
            .values()
            .map(|v| v.capacity() * size_of::<u32>())
            .sum();
        let table = self.postings.capacity() * (size_of::<(char, Vec<u32>)>() + 1);
        self.text.capacity() + self.starts.capacity() * size_of::<u32>() + lists + table
    }

    /// The offsets `m` stands for.
    pub fn slice<'a>(&'a self, m: &'a Matches) -> &'a [u32] {
        match m {
            Matches::Char(c) => self.postings.get(c).map_or(&[], Vec::as_slice),
            Matches::List(v) => v,
        }
    }

    /// Whether the needle occurs at byte offset `s` of the text.
    #[inline]
    fn at(&self, s: usize, q: &Needle) -> bool {
        let word: [u8; 8] = self.text[s..s + 8].try_into().expect("padded text");
        u64::from_le_bytes(word) & q.mask == q.head
            && (q.bytes.len() <= 8 || self.text[s + 8..].starts_with(&q.bytes[8..]))
    }

    /// The work [`Index::find`] would do for folded query `q`: the length of the
    /// posting list of its rarest char (0 when some char never occurs).
    pub fn cost(&self, q: &str) -> usize {
        q.chars()
            .map(|c| self.postings.get(&c).map_or(0, Vec::len))
            .min()
            .unwrap_or(0)
    }

    /// Every occurrence of folded query `q` (overlapping ones too): the posting list of
    /// its rarest char, each checked in place.
    pub fn find(&self, q: &str) -> Matches {
        let mut chars = q.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Matches::Char(c);
        }
        let Some((shift, Some(list))) = q
            .char_indices()
            .map(|(k, c)| (k, self.postings.get(&c)))
            .min_by_key(|(_, list)| list.map_or(0, |l| l.len()))
        else {
            return Matches::List(Vec::new());
        };
        let shift = offset(shift);
        let needle = Needle::new(q);
        Matches::List(
            list.iter()
                .filter(|&&p| p >= shift)
                .map(|&p| p - shift)
                .filter(|&s| self.at(s as usize, &needle))
                .collect(),
        )
    }

    /// The offsets among `prev` (occurrences of a prefix of `q`) where `q` occurs.
    pub fn refine(&self, prev: &Matches, q: &str) -> Matches {
        let needle = Needle::new(q);
        Matches::List(
            self.slice(prev)
                .iter()
                .copied()
                .filter(|&s| self.at(s as usize, &needle))
                .collect(),
        )
    }

    /// The articles (indices in library order) that hold the ascending offsets `matches`:
    /// a merge of the two sorted lists that gallops over the matches of one article.
    pub fn articles_of(&self, matches: &[u32]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut rest = matches;
        let mut a = 0;
        while let Some(&first) = rest.first() {
            while self.starts.get(a + 1).is_some_and(|&s| s <= first) {
                a += 1;
            }
            out.push(a);
            match self.starts.get(a + 1) {
                Some(&next) => rest = &rest[gallop(rest, next)..],
                None => break,
            }
        }
        out
    }
}

/// The index of the first item of ascending `list` that is `>= x`, found by doubling
/// steps from the front (cheap when it is near the front).
fn gallop(list: &[u32], x: u32) -> usize {
    let mut hi = 1;
    while hi < list.len() && list[hi] < x {
        hi *= 2;
    }
    let lo = hi / 2;
    let hi = hi.min(list.len());
    lo + list[lo..hi].partition_point(|&m| m < x)
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("search index over 4 GiB")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Issue, Page, Paragraph};

    fn lib(texts: &[&[&str]]) -> Library {
        let articles = texts
            .iter()
            .map(|ps| Article {
                title: String::new(),
                paragraphs: ps.iter().map(|t| Paragraph::text(*t)).collect(),
                ..Default::default()
            })
            .collect();
        Library {
            issues: vec![Issue {
                pages: vec![Page {
                    articles,
                    ..Default::default()
                }],
                ..Default::default()
            }],
        }
    }

    fn find(ix: &Index, q: &str) -> Vec<u32> {
        ix.slice(&ix.find(q)).to_vec()
    }

    #[test]
    fn finds_every_occurrence_and_its_article() {
        let l = lib(&[&["衡水市。"], &["没有。"], &["衡水 衡水。", "衡水。"]]);
        let ix = Index::new(&l);
        let m = find(&ix, "衡水");
        assert_eq!(m.len(), 4);
        assert_eq!(ix.articles_of(&m), vec![0, 2]);
        assert_eq!(ix.articles_of(&find(&ix, "水衡")), vec![2]);
        assert!(find(&ix, "衡水县").is_empty());
        assert!(find(&ix, "鑫").is_empty());
        assert_eq!(find(&ix, "衡"), m);
        let refined = ix.refine(&Matches::List(m.clone()), "衡水市");
        assert_eq!(ix.slice(&refined), &m[..1]);
        assert_eq!(ix.cost("衡水市"), 1);
        assert_eq!(ix.cost("衡鑫"), 0);
    }

    #[test]
    fn gallop_finds_the_first_item_not_below() {
        let list = [1, 3, 3, 5, 8, 13, 21, 34, 55];
        for x in 0..60 {
            assert_eq!(
                gallop(&list, x),
                list.partition_point(|&m| m < x),
                "x = {x}"
            );
        }
        assert_eq!(gallop(&[], 7), 0);
    }

    #[test]
    fn runs_and_articles_do_not_join() {
        // "。" ends the paragraph: no match across it; across a cut paragraph there is.
        let l = lib(&[&["精准。", "定位"], &["精准", "定位"], &["精准"], &["定位"]]);
        let ix = Index::new(&l);
        assert_eq!(ix.articles_of(&find(&ix, "精准定位")), vec![1]);
        assert_eq!(ix.articles_of(&find(&ix, "。定位")), Vec::<usize>::new());
        assert_eq!(ix.starts.len(), 4);
        assert!(ix.heap_bytes() >= ix.text.len());
    }
}
