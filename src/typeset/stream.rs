//! A run of text to be set as one block: the display chars of one or more article fields
//! (dateline + speaker + paragraph text, say), their cell widths, where each came from,
//! and where a line may break (UAX #14 with the clreq rules on top).

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::classes::{display_char, is_cjk, is_hidden, no_end, no_start};
use super::{Role, Settings, Source};
use crate::model::Field;
use crate::text::char_width;

/// May a line break before a glyph?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brk {
    No,
    May,
    Must,
}

/// A stretch of glyphs from one field, set in one role.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Index of the run's first glyph in the stream.
    pub first: usize,
    pub field: Field,
    pub role: Role,
    /// Char offset of the first glyph in the field's text.
    pub start: usize,
}

/// Glyphs ready for line filling.
#[derive(Debug, Default)]
pub struct Stream {
    /// Display chars (one per stored char).
    pub chars: Vec<char>,
    /// Cell widths; hidden chars have width 0 and `hidden` set.
    pub widths: Vec<u8>,
    pub hidden: Vec<bool>,
    /// `brk[i]`: may a line break before glyph `i` (`brk[len]` is `Must`).
    pub brk: Vec<Brk>,
    pub runs: Vec<Run>,
}

impl Stream {
    /// Set the given fields one after the other as a single block.
    pub fn new(parts: &[(Field, Role, &str)], settings: &Settings) -> Stream {
        let mut raw: Vec<char> = Vec::new();
        let mut runs = Vec::with_capacity(parts.len());
        for &(field, role, text) in parts {
            runs.push(Run {
                first: raw.len(),
                field,
                role,
                start: 0,
            });
            raw.extend(text.chars());
        }
        let n = raw.len();
        let mut chars = Vec::with_capacity(n);
        let mut widths = Vec::with_capacity(n);
        let mut hidden = Vec::with_capacity(n);
        let mut disp = String::with_capacity(n * 3);
        for i in 0..n {
            let prev = if i > 0 { Some(raw[i - 1]) } else { None };
            let c = display_char(
                prev,
                raw[i],
                raw.get(i + 1).copied(),
                settings.fullwidth_punct,
            );
            let h = is_hidden(c);
            chars.push(c);
            hidden.push(h);
            widths.push(if h {
                0
            } else {
                char_width(c, settings.ambiguous_wide) as u8
            });
            disp.push(c);
        }
        let brk = breaks(&disp, &chars);
        Stream {
            chars,
            widths,
            hidden,
            brk,
            runs,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Index of the run holding glyph `g`.
    pub fn run_of(&self, g: usize) -> usize {
        self.runs
            .partition_point(|r| r.first <= g)
            .saturating_sub(1)
    }

    /// Where glyph `g` comes from, given its run.
    pub fn source(&self, run: usize, g: usize) -> Source {
        let r = &self.runs[run];
        Source {
            field: r.field,
            start: r.start + (g - r.first),
        }
    }

    /// Cells taken by glyphs `a..b`.
    pub fn width(&self, a: usize, b: usize) -> usize {
        self.widths[a..b].iter().map(|&w| w as usize).sum()
    }
}

/// Break opportunities: UAX #14, then the clreq prohibitions, then breaks around curly
/// quotes in Chinese text (UAX #14 before 15.1 forbids every break next to a quote).
fn breaks(disp: &str, chars: &[char]) -> Vec<Brk> {
    let n = chars.len();
    let mut brk = vec![Brk::No; n + 1];
    let mut g = 0usize;
    let mut byte = 0usize;
    for (pos, op) in linebreaks(disp) {
        while byte < pos && g < n {
            byte += chars[g].len_utf8();
            g += 1;
        }
        brk[g] = match op {
            BreakOpportunity::Mandatory => Brk::Must,
            BreakOpportunity::Allowed => Brk::May,
        };
    }
    brk[0] = Brk::No;
    brk[n] = Brk::Must;
    for i in 1..n {
        if brk[i] == Brk::Must {
            continue;
        }
        let (p, c) = (chars[i - 1], chars[i]);
        if no_start(c) || no_end(p) {
            brk[i] = Brk::No;
        } else if brk[i] == Brk::No
            && (quote_break(i.checked_sub(2).map(|j| chars[j]), p, c, chars.get(i + 1).copied())
                // ASCII brackets around Chinese text break like full-width ones.
                || (matches!(c, '(' | '[') && !p.is_whitespace() && chars.get(i + 1).is_some_and(|&n| is_cjk(n)))
                || (matches!(p, ')' | ']') && !c.is_whitespace() && i >= 2 && is_cjk(chars[i - 2])))
        {
            brk[i] = Brk::May;
        }
    }
    brk
}

/// A break next to a curly quote or full-width bracket: before an opening double quote
/// or bracket, after a closing one (as UAX #14 15.1 does for East Asian quotes and
/// brackets, which 15.0 ties to adjacent numbers and words); for single quotes,
/// which double as apostrophes, only with Chinese text on the other side or inside. The clreq
/// prohibitions are applied before this.
fn quote_break(before: Option<char>, p: char, c: char, next: Option<char>) -> bool {
    match (p, c) {
        (_, '“' | '（' | '《' | '「' | '『' | '【' | '〔' | '［' | '〈' | '｛') => {
            !p.is_whitespace()
        }
        ('”' | '）' | '》' | '」' | '』' | '】' | '〕' | '］' | '〉' | '｝', _) => {
            !c.is_whitespace()
        }
        (_, '‘') => is_cjk(p) || no_start(p) || next.is_some_and(is_cjk),
        ('’', _) => is_cjk(c) || no_end(c) || before.is_some_and(is_cjk),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(s: &str) -> String {
        let st = Stream::new(&[(Field::Title, Role::Body, s)], &Settings::default());
        let mut out = String::new();
        for (i, c) in st.chars.iter().enumerate() {
            if i > 0 && st.brk[i] == Brk::May {
                out.push('|');
            }
            out.push(*c);
        }
        out
    }

    #[test]
    fn opportunities() {
        assert_eq!(marks("他说：“好。”我们"), "他|说：|“好。”|我|们");
        assert_eq!(marks("增长25.60%和1,032元"), "增|长|25.60%|和|1,032|元");
        assert_eq!(marks("等等……还有——是"), "等|等……|还|有——|是");
        assert_eq!(marks("比分1+4，China队"), "比|分|1+4，|China|队");
        assert_eq!(marks("（记者）近日"), "（记|者）|近|日");
        assert_eq!(marks("说“5G”2亿"), "说|“5G”|2|亿");
        assert_eq!(marks("don’t"), "don’t");
    }
}
