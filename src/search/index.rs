//! The index a [`super::Searcher`] builds once: for every folded char, the positions
//! where it occurs in the folded text of all articles (a positional index). A query is
//! found by taking the positions of its rarest char and keeping those where each other
//! char of the query stands at the right distance; the text itself is not kept.

use std::collections::HashMap;

use super::normalize::{fold_char, pieces};
use crate::model::Library;

#[derive(Debug, Default)]
pub struct Index {
    /// Position (in folded chars) where each article (in library order) starts.
    starts: Vec<u32>,
    /// For each folded char, its positions, ascending. Positions count folded chars of
    /// all articles in order, plus one unindexed separator before every run, so no
    /// match crosses a field that does not run on, or an article.
    postings: HashMap<char, Vec<u32>>,
    /// For the densest chars (a bitset no bigger than their posting list), their
    /// positions also as a bitset, so "is this char at position t?" is one bit test.
    dense: HashMap<char, Vec<u64>>,
}

/// Posting lists while building: a direct table for the Basic Multilingual Plane (where
/// nearly all text lives) spares a hash lookup per char.
#[derive(Default)]
struct Lists {
    /// For each BMP code point, 1 + its index in `lists` (0: none yet).
    bmp: Vec<u32>,
    chars: Vec<char>,
    lists: Vec<Vec<u32>>,
    other: HashMap<char, usize>,
}

impl Lists {
    fn push(&mut self, c: char, pos: u32) {
        let i = if (c as u32) < 0x1_0000 {
            if self.bmp.is_empty() {
                self.bmp = vec![0; 0x1_0000];
            }
            let slot = &mut self.bmp[c as usize];
            if *slot == 0 {
                self.chars.push(c);
                self.lists.push(Vec::new());
                *slot = offset(self.lists.len());
            }
            *slot as usize - 1
        } else {
            *self.other.entry(c).or_insert_with(|| {
                self.chars.push(c);
                self.lists.push(Vec::new());
                self.lists.len() - 1
            })
        };
        self.lists[i].push(pos);
    }

    fn into_map(self) -> HashMap<char, Vec<u32>> {
        self.chars
            .into_iter()
            .zip(self.lists)
            .map(|(c, mut list)| {
                list.shrink_to_fit();
                (c, list)
            })
            .collect()
    }
}

/// Where a query occurs: positions of its first char, ascending.
#[derive(Debug)]
pub enum Matches {
    /// A one-char query occurs exactly where its posting list says (kept by reference).
    Char(char),
    List(Vec<u32>),
}

impl Index {
    /// Folds and indexes every article of `lib`.
    ///
    /// # Panics
    /// When the folded text passes 2^32 chars (positions are `u32`).
    pub fn new(lib: &Library) -> Self {
        Self::build(lib, 32)
    }

    /// [`Index::new`], keeping bitsets for chars at over 1 in `dense_above` positions
    /// (none when 0).
    fn build(lib: &Library, dense_above: usize) -> Self {
        let mut starts = Vec::new();
        let mut lists = Lists::default();
        let mut pos: u32 = 0;
        for (_, article) in lib.articles() {
            starts.push(pos);
            for piece in pieces(article) {
                if !piece.joins {
                    pos = next(pos); // the separator
                }
                for c in piece.text.chars() {
                    fold_char(c, |f| {
                        lists.push(f, pos);
                        pos = next(pos);
                    });
                }
            }
        }
        let postings = lists.into_map();
        // A bitset of every position costs `pos / 8` bytes; keep one for each char whose
        // posting list costs at least as much (over 1 in 32 positions).
        let dense = postings
            .iter()
            .filter(|(_, list)| dense_above > 0 && list.len() * dense_above >= pos as usize)
            .map(|(&c, list)| {
                let mut bits = vec![0u64; (pos as usize).div_ceil(64)];
                for &p in list {
                    bits[p as usize / 64] |= 1 << (p % 64);
                }
                (c, bits)
            })
            .collect();
        Index {
            starts,
            postings,
            dense,
        }
    }

    /// Bytes of heap the index holds (article starts, posting lists and the map's table,
    /// estimated from its capacity).
    pub fn heap_bytes(&self) -> usize {
        let lists: usize = self
            .postings
            .values()
            .map(|v| v.capacity() * size_of::<u32>())
            .sum();
        let table = self.postings.capacity() * (size_of::<(char, Vec<u32>)>() + 1);
        let dense: usize = self
            .dense
            .values()
            .map(|v| v.capacity() * size_of::<u64>())
            .sum::<usize>()
            + self.dense.capacity() * (size_of::<(char, Vec<u64>)>() + 1);
        self.starts.capacity() * size_of::<u32>() + lists + table + dense
    }

    /// The positions `m` stands for.
    pub fn slice<'a>(&'a self, m: &'a Matches) -> &'a [u32] {
        match m {
            Matches::Char(c) => self.list(*c),
            Matches::List(v) => v,
        }
    }

    /// The starts `s` among ascending `cands` where char `c` stands at `s + k`: a bit
    /// test for a dense char, else a walk along its posting list.
    fn filter_at(&self, cands: &[u32], c: char, k: u32) -> Vec<u32> {
        match self.dense.get(&c) {
            Some(bits) => {
                let mut out = Vec::with_capacity(cands.len() / 4);
                for &s in cands {
                    let t = s as usize + k as usize;
                    if bits.get(t / 64).is_some_and(|w| w >> (t % 64) & 1 == 1) {
                        out.push(s);
                    }
                }
                out
            }
            None => {
                let mut seek = Seeker::new(self.list(c), cands.len());
                cands
                    .iter()
                    .copied()
                    .filter(|&s| seek.has(s.saturating_add(k)))
                    .collect()
            }
        }
    }

    fn list(&self, c: char) -> &[u32] {
        self.postings.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The work [`Index::find`] would do for folded query `q`: the length of the
    /// posting list of its rarest char (0 when some char never occurs).
    pub fn cost(&self, q: &str) -> usize {
        q.chars().map(|c| self.list(c).len()).min().unwrap_or(0)
    }

    /// Every occurrence of folded query `q` (overlapping ones too): the positions of its
    /// rarest char, shifted back to the query's start, kept where the other chars stand.
    pub fn find(&self, q: &str) -> Matches {
        let chars: Vec<char> = q.chars().collect();
        if let [c] = chars[..] {
            return Matches::Char(c);
        }
        let Some((k0, &c0)) = chars
            .iter()
            .enumerate()
            .min_by_key(|(_, c)| self.list(**c).len())
        else {
            return Matches::List(Vec::new());
        };
        let k0 = offset(k0);
        let base: Vec<u32> = self
            .list(c0)
            .iter()
            .filter(|&&p| p >= k0)
            .map(|&p| p - k0)
            .collect();
        Matches::List(self.keep(base, &chars, |k| k != k0 as usize))
    }

    /// The positions among `prev` (occurrences of `q`'s first `prev_chars` chars) where
    /// all of `q` occurs.
    pub fn refine(&self, prev: &Matches, prev_chars: usize, q: &str) -> Matches {
        let chars: Vec<char> = q.chars().collect();
        let Some(&first) = chars.get(prev_chars) else {
            return Matches::List(self.slice(prev).to_vec());
        };
        let base = self.filter_at(self.slice(prev), first, offset(prev_chars));
        Matches::List(self.keep(base, &chars, |k| k > prev_chars))
    }

    /// Keeps the candidate starts where every char `chars[k]` (for `k` passing `check`)
    /// stands `k` chars on; the rarest chars are checked first, as they cut most.
    fn keep(&self, mut cands: Vec<u32>, chars: &[char], check: impl Fn(usize) -> bool) -> Vec<u32> {
        let mut order: Vec<usize> = (0..chars.len()).filter(|&k| check(k)).collect();
        order.sort_by_key(|&k| self.list(chars[k]).len());
        for k in order {
            if cands.is_empty() {
                break;
            }
            cands = self.filter_at(&cands, chars[k], offset(k));
        }
        cands
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

/// Answers "is `t` in `list`?" for ascending `t`, moving through ascending `list`: step
/// by step when the two are of a size (a plain merge), by galloping when `list` is much
/// longer than the number of questions.
struct Seeker<'a> {
    list: &'a [u32],
    at: usize,
    gallop: bool,
}

impl<'a> Seeker<'a> {
    fn new(list: &'a [u32], questions: usize) -> Self {
        Seeker {
            list,
            at: 0,
            gallop: list.len() > 8 * questions,
        }
    }

    #[inline]
    fn has(&mut self, t: u32) -> bool {
        if self.gallop {
            self.at += gallop(&self.list[self.at..], t);
        } else {
            while self.list.get(self.at).is_some_and(|&x| x < t) {
                self.at += 1;
            }
        }
        self.list.get(self.at) == Some(&t)
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("search index over 2^32 chars")
}

fn next(pos: u32) -> u32 {
    pos.checked_add(1).expect("search index over 2^32 chars")
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
