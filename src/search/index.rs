//! The index a [`super::Searcher`] builds once: every article's folded text in one
//! string, and for every char the byte offsets where it occurs (a positional index), so
//! a query is checked only where its rarest char stands.

use std::collections::HashMap;

use super::normalize::{fold_char, pieces};
use crate::model::Library;

/// Separates runs (and articles) in [`Index::text`]; folded queries never contain it,
/// so no match crosses a field that does not run on, or an article.
const SEP: char = '\n';

#[derive(Debug, Default)]
pub struct Index {
    /// Folded text of all articles; each run is preceded by [`SEP`].
    text: String,
    /// Byte offset in `text` where each article (in library order) starts.
    starts: Vec<u32>,
    /// For each char, the byte offsets of its occurrences in `text`, ascending.
    postings: HashMap<char, Vec<u32>>,
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
        let mut postings: HashMap<char, Vec<u32>> = HashMap::new();
        // Count first so each list is allocated once at its exact size.
        let mut counts: HashMap<char, usize> = HashMap::new();
        for c in text.chars().filter(|&c| c != SEP) {
            *counts.entry(c).or_default() += 1;
        }
        for (c, n) in counts {
            postings.insert(c, Vec::with_capacity(n));
        }
        for (i, c) in text.char_indices().filter(|&(_, c)| c != SEP) {
            if let Some(list) = postings.get_mut(&c) {
                list.push(offset(i));
            }
        }
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

    /// The work [`Index::find`] would do for folded query `q`: the length of the
    /// posting list of its rarest char (0 when some char never occurs).
    pub fn cost(&self, q: &str) -> usize {
        q.chars()
            .map(|c| self.postings.get(&c).map_or(0, Vec::len))
            .min()
            .unwrap_or(0)
    }

    /// Byte offsets of every occurrence of folded query `q` (overlapping ones too),
    /// ascending: the posting list of its rarest char, each checked in place.
    pub fn find(&self, q: &str) -> Vec<u32> {
        let Some((shift, list)) = q
            .char_indices()
            .map(|(k, c)| (k, self.postings.get(&c)))
            .min_by_key(|(_, list)| list.map_or(0, |l| l.len()))
        else {
            return Vec::new();
        };
        let Some(list) = list else {
            return Vec::new();
        };
        let shift = offset(shift);
        let bytes = self.text.as_bytes();
        let q = q.as_bytes();
        list.iter()
            .filter(|&&p| p >= shift)
            .map(|&p| p - shift)
            .filter(|&s| bytes[s as usize..].starts_with(q))
            .collect()
    }

    /// The offsets among `prev` (occurrences of a prefix of `q`) where `q` occurs.
    pub fn refine(&self, prev: &[u32], q: &str) -> Vec<u32> {
        let bytes = self.text.as_bytes();
        let q = q.as_bytes();
        prev.iter()
            .copied()
            .filter(|&s| bytes[s as usize..].starts_with(q))
            .collect()
    }

    /// The articles (indices in library order) that hold the ascending offsets `matches`.
    pub fn articles_of(&self, matches: &[u32]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut rest = matches;
        while let Some(&first) = rest.first() {
            let a = self.starts.partition_point(|&s| s <= first) - 1;
            out.push(a);
            match self.starts.get(a + 1) {
                Some(&next) => rest = &rest[rest.partition_point(|&m| m < next)..],
                None => break,
            }
        }
        out
    }
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

    #[test]
    fn finds_every_occurrence_and_its_article() {
        let l = lib(&[&["衡水市。"], &["没有。"], &["衡水 衡水。", "衡水。"]]);
        let ix = Index::new(&l);
        let m = ix.find("衡水");
        assert_eq!(m.len(), 4);
        assert_eq!(ix.articles_of(&m), vec![0, 2]);
        assert_eq!(ix.articles_of(&ix.find("水衡")), vec![2]);
        assert!(ix.find("衡水县").is_empty());
        assert!(ix.find("鑫").is_empty());
        assert_eq!(ix.refine(&m, "衡水市"), m[..1].to_vec());
        assert_eq!(ix.cost("衡水市"), 1);
        assert_eq!(ix.cost("衡鑫"), 0);
    }

    #[test]
    fn runs_and_articles_do_not_join() {
        // "。" ends the paragraph: no match across it; across a cut paragraph there is.
        let l = lib(&[&["精准。", "定位"], &["精准", "定位"], &["精准"], &["定位"]]);
        let ix = Index::new(&l);
        assert_eq!(ix.articles_of(&ix.find("精准定位")), vec![1]);
        assert_eq!(ix.articles_of(&ix.find("。定位")), Vec::<usize>::new());
        assert_eq!(ix.starts.len(), 4);
        assert!(ix.heap_bytes() >= ix.text.len());
    }
}
