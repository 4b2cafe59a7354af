//! Lines set flush left (or right) without an indent, as bylines, column labels,
//! credits and photo captions' credits are: bylines and credits break only at spaces.

use super::classes::is_space;
use super::emit::emit;
use super::fill::{Frame, SetLine, fill};
use super::stream::Stream;
use super::{Line, Role, Settings};
use crate::model::Field;

/// A space a byline or credit may break at: ordinary, ideographic or no-break.
pub(super) fn word_space(c: char) -> bool {
    is_space(c) || c == '\u{A0}'
}

/// Lines broken only at spaces (a byline or credit never splits a name): words share a
/// line while they fit; a word longer than a whole line is cut as a last resort. Spaces
/// at a break are dropped, except a no-break space, which stays at the line end.
fn at_spaces(s: &Stream, width: usize) -> Vec<SetLine> {
    let n = s.len();
    let full = Frame {
        left: 0,
        measure: width,
    };
    let droppable = |c: char| is_space(c);
    let vis = |a: usize, mut e: usize| {
        while e > a && (droppable(s.chars[e - 1]) || s.hidden[e - 1]) {
            e -= 1;
        }
        e
    };
    let cands: Vec<usize> = (1..=n)
        .filter(|&j| j == n || (word_space(s.chars[j - 1]) && !word_space(s.chars[j])))
        .collect();
    let mut out: Vec<SetLine> = Vec::new();
    let mut ls = 0;
    while ls < n && droppable(s.chars[ls]) {
        ls += 1;
    }
    while ls < n {
        // The words (without any space after them) that fit.
        let word_end = |c: usize| {
            let mut e = c;
            while e > ls && (word_space(s.chars[e - 1]) || s.hidden[e - 1]) {
                e -= 1;
            }
            e
        };
        let fits = cands
            .iter()
            .copied()
            .filter(|&c| c > ls)
            .take_while(|&c| s.width(ls, word_end(c)) <= width)
            .last();
        match fits {
            Some(c) => {
                let mut e = vis(ls, c);
                let mut next = c;
                if s.width(ls, e) > width {
                    // A no-break space that does not fit opens the next line instead.
                    e = word_end(c);
                    next = e;
                }
                out.push(SetLine {
                    frame: full,
                    start: ls,
                    end: e,
                    used: s.width(ls, e),
                    last: false,
                    hung: 0,
                    squeeze: 0,
                });
                ls = next;
            }
            None => {
                // One word wider than the line: cut it where `fill` would; its last
                // piece may share a line with the words after it.
                let c = cands.iter().copied().find(|&c| c > ls).unwrap_or(n);
                let mut pieces = fill(s, ls, c, full, full);
                match pieces.last() {
                    Some(t) if pieces.len() >= 2 && t.start > ls => {
                        ls = t.start;
                        pieces.pop();
                    }
                    _ => ls = c,
                }
                out.extend(pieces);
            }
        }
    }
    match out.last_mut() {
        Some(l) => l.last = true,
        None => out.extend(fill(s, 0, n, full, full)),
    }
    out
}

/// Lines set flush left (or right) without an indent: byline, column label, credit.
/// Bylines and credits break only at spaces.
pub fn plain(
    field: Field,
    role: Role,
    text: &str,
    width: usize,
    right: bool,
    st: &Settings,
    out: &mut Vec<Line>,
) {
    let s = Stream::new(&[(field, role, text)], st);
    let full = Frame {
        left: 0,
        measure: width,
    };
    let lines = if matches!(role, Role::Byline | Role::Credit) {
        at_spaces(&s, width)
    } else {
        fill(&s, 0, s.len(), full, full)
    };
    for l in &lines {
        let left = if right {
            width.saturating_sub(l.used)
        } else {
            0
        };
        out.push(emit(&s, l, left, false, false));
    }
}
