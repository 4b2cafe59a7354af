//! Finding the exact source chars a query matches in one article, for highlighting.

use super::Hit;
use super::normalize::{Piece, fold_char, normalize, pieces};
use crate::model::Article;

/// Every hit of `query` in one article, in reading order of [`Article::fields`].
///
/// Matching is on folded text (see [`super::normalize`]): case, width and white space
/// are ignored on both sides, and a match may run from a paragraph cut by a column break
/// into the next; such a match gives one [`Hit`] per field it touches. Each hit spans
/// exactly the source chars from the first to the last matched one (white space between
/// them included). Matches do not overlap; an empty or blank query has no hits.
pub fn hits(article: &Article, query: &str) -> Vec<Hit> {
    let q: Vec<char> = normalize(query).chars().collect();
    let mut out = Vec::new();
    if q.is_empty() {
        return out;
    }
    let pieces = pieces(article);
    let mut run = Run::default();
    for (i, piece) in pieces.iter().enumerate() {
        if !piece.joins {
            run.search(&q, &pieces, &mut out);
            run.clear();
        }
        for (src, c) in piece.text.chars().enumerate() {
            fold_char(c, |f| {
                run.folded.push(f);
                run.source.push((i, src));
            });
        }
    }
    run.search(&q, &pieces, &mut out);
    out
}

/// The folded chars of one run, each with the piece and source char it came from.
#[derive(Default)]
struct Run {
    folded: Vec<char>,
    source: Vec<(usize, usize)>,
}

impl Run {
    fn clear(&mut self) {
        self.folded.clear();
        self.source.clear();
    }

    /// Pushes the hits of every non-overlapping match of `q` in this run.
    fn search(&self, q: &[char], pieces: &[Piece], out: &mut Vec<Hit>) {
        let mut i = 0;
        while i + q.len() <= self.folded.len() {
            if self.folded[i] == q[0] && self.folded[i..i + q.len()] == *q {
                self.push_hits(i, i + q.len(), pieces, out);
                i += q.len();
            } else {
                i += 1;
            }
        }
    }

    /// One hit per piece that folded chars `from..to` touch.
    fn push_hits(&self, from: usize, to: usize, pieces: &[Piece], out: &mut Vec<Hit>) {
        let mut k = from;
        while k < to {
            let (piece, start) = self.source[k];
            let mut end = start + 1;
            while k < to && self.source[k].0 == piece {
                end = self.source[k].1 + 1;
                k += 1;
            }
            out.push(Hit {
                field: pieces[piece].field,
                start,
                end,
            });
        }
    }
}
