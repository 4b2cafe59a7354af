//! A run of text to be set as one block: the display chars of one or more article fields
//! (dateline + speaker + paragraph text, say), their cell widths, where each came from,
//! and where a line may break (UAX #14 with the clreq rules on top).

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::classes::{display_char, is_cjk, is_han, is_hidden, is_unit, no_end, no_start};
use super::{Role, Settings, Source, Squeeze};
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

/// Glyphs ready for line filling. The buffers are reused from block to block.
#[derive(Debug, Default)]
pub struct Stream {
    /// Display chars (one per stored char).
    pub chars: Vec<char>,
    /// The display chars as one string, and each glyph's byte offset in it (`len + 1`
    /// entries), so spans are cut out of it whole.
    pub text: String,
    pub offs: Vec<u32>,
    /// Cell widths; hidden chars have width 0 and `hidden` set.
    pub widths: Vec<u8>,
    pub hidden: Vec<bool>,
    /// Han ideographs (UAX #14 class ID, no clreq rule applies).
    pub han: Vec<bool>,
    /// `brk[i]`: may a line break before glyph `i` (`brk[len]` is `Must`).
    pub brk: Vec<Brk>,
    pub runs: Vec<Run>,
    /// What is known of each BMP char seen (`KNOWN | HIDDEN | HAN | width`), for the
    /// ambiguous-width setting `memo_wide`.
    memo: Vec<u8>,
    memo_wide: bool,
    /// Which marks may be set half-width to fit a line ([`Settings::squeeze_punct`]).
    pub squeeze: Squeeze,
}

const KNOWN: u8 = 0x80;
const HIDDEN: u8 = 0x20;
const HAN: u8 = 0x10;

impl Stream {
    /// Set the given fields one after the other as a single block.
    pub fn new(parts: &[(Field, Role, &str)], settings: &Settings) -> Stream {
        let mut s = Stream::default();
        s.set(parts, settings);
        s
    }

    /// Refill with new parts, keeping the buffers.
    pub fn set(&mut self, parts: &[(Field, Role, &str)], settings: &Settings) {
        self.squeeze = settings.squeeze_punct;
        self.chars.clear();
        self.runs.clear();
        for &(field, role, text) in parts {
            self.runs.push(Run {
                first: self.chars.len(),
                field,
                role,
                start: 0,
            });
            self.chars.extend(text.chars());
        }
        let n = self.chars.len();
        self.text.clear();
        self.offs.clear();
        self.widths.clear();
        self.hidden.clear();
        self.han.clear();
        self.text.reserve(n * 3);
        self.offs.reserve(n + 1);
        self.widths.reserve(n);
        self.hidden.reserve(n);
        self.han.reserve(n);
        if self.memo.is_empty() || self.memo_wide != settings.ambiguous_wide {
            self.memo.clear();
            self.memo.resize(0x10000, 0);
            self.memo_wide = settings.ambiguous_wide;
        }
        let mut prev = None;
        for i in 0..n {
            let raw = self.chars[i];
            let c = if raw.is_ascii_punctuation() || raw == '\t' {
                let next = self.chars.get(i + 1).copied();
                let c = display_char(prev, raw, next, settings.fullwidth_punct);
                self.chars[i] = c;
                c
            } else {
                raw
            };
            prev = Some(raw);
            let info = self.info(c);
            self.hidden.push(info & HIDDEN != 0);
            self.han.push(info & HAN != 0);
            self.widths.push(info & 0x0F);
            self.offs.push(self.text.len() as u32);
            self.text.push(c);
        }
        self.offs.push(self.text.len() as u32);
        breaks(
            &self.text,
            &self.offs,
            &self.chars,
            &self.han,
            &mut self.brk,
        );
    }

    /// Width (`char_width`), hidden and Han flags of a char, remembered for the BMP.
    #[inline]
    fn info(&mut self, c: char) -> u8 {
        let k = c as usize;
        if k < 0x10000 && self.memo[k] != 0 {
            return self.memo[k];
        }
        let info = if is_hidden(c) {
            KNOWN | HIDDEN
        } else {
            let han = if is_han(c) { HAN } else { 0 };
            KNOWN | han | char_width(c, self.memo_wide).min(15) as u8
        };
        if k < 0x10000 {
            self.memo[k] = info;
        }
        info
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
fn breaks(disp: &str, offs: &[u32], chars: &[char], han: &[bool], brk: &mut Vec<Brk>) {
    let n = chars.len();
    brk.clear();
    brk.resize(n + 1, Brk::No);
    // Between two Han ideographs (class ID) UAX #14 always allows a break, and what
    // follows does not depend on what came before: run the algorithm only on the
    // stretches in between, which start and end with a Han char or the block's ends.
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && !(han[b - 1] && han[b]) {
            b += 1;
        }
        if b < n {
            brk[b] = Brk::May;
        }
        if b - a > 1 {
            let base = offs[a] as usize;
            let mut g = a;
            for (pos, op) in linebreaks(&disp[base..offs[b] as usize]) {
                let pos = base + pos;
                while g < b && (offs[g] as usize) < pos {
                    g += 1;
                }
                if g < b {
                    brk[g] = match op {
                        BreakOpportunity::Mandatory => Brk::Must,
                        BreakOpportunity::Allowed => Brk::May,
                    };
                }
            }
        }
        a = b;
    }
    brk[0] = Brk::No;
    brk[n] = Brk::Must;
    for i in 1..n {
        let (p, c) = (chars[i - 1], chars[i]);
        if (han[i - 1] && han[i]) || brk[i] == Brk::Must {
            continue;
        }
        if no_start(c) || no_end(p) || (p.is_ascii_digit() && is_unit(c)) {
            // A number stays with its unit or counter (`2022年`, `17个`).
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

    /// UAX #14 over the whole block, for comparison with the stretch-by-stretch run.
    fn whole(disp: &str) -> Vec<(usize, bool)> {
        linebreaks(disp)
            .map(|(p, o)| (p, o == BreakOpportunity::Mandatory))
            .filter(|&(p, _)| p < disp.len())
            .collect()
    }

    fn stretched(disp: &str) -> Vec<(usize, bool)> {
        let chars: Vec<char> = disp.chars().collect();
        let mut offs: Vec<u32> = disp.char_indices().map(|(i, _)| i as u32).collect();
        offs.push(disp.len() as u32);
        let n = chars.len();
        let mut brk = vec![Brk::No; n + 1];
        let mut a = 0;
        // Only the UAX #14 part of `breaks`: stop before the clreq overrides.
        while a < n {
            let mut b = a + 1;
            while b < n && !(is_han(chars[b - 1]) && is_han(chars[b])) {
                b += 1;
            }
            if b < n {
                brk[b] = Brk::May;
            }
            let base = offs[a] as usize;
            let mut g = a;
            for (pos, op) in linebreaks(&disp[base..offs[b] as usize]) {
                while g < b && (offs[g] as usize) < base + pos {
                    g += 1;
                }
                if g < b {
                    brk[g] = if op == BreakOpportunity::Mandatory {
                        Brk::Must
                    } else {
                        Brk::May
                    };
                }
            }
            a = b;
        }
        (1..n)
            .filter(|&i| brk[i] != Brk::No)
            .map(|i| (offs[i] as usize, brk[i] == Brk::Must))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Running UAX #14 only between Han pairs gives the same breaks as over the whole.
        #[test]
        fn han_pairs_split_exactly(v in proptest::collection::vec(proptest::sample::select(vec![
            "中", "国", "〇", "，", "。", "“", "”", "（", "）", " ", "\u{3000}", "a", "b", "1", "2", ".", ",",
            "%", "\n", "\u{200D}", "\u{0301}", "—", "…", "-", "(", ")", "\"", "'", "￥", "!", "?", "·", "/",
            "\u{00A0}", "\u{2060}", "、", "《", "》", "😀", "\u{FE0F}",
        ]), 0..40)) {
            let s: String = v.concat();
            proptest::prop_assert_eq!(stretched(&s), whole(&s), "{:?}", s);
        }
    }

    #[test]
    fn opportunities() {
        assert_eq!(marks("他说：“好。”我们"), "他|说：|“好。”|我|们");
        assert_eq!(marks("增长25.60%和1,032元"), "增|长|25.60%|和|1,032元");
        assert_eq!(marks("2022年17个"), "2022年|17个");
        assert_eq!(marks("等等……还有——是"), "等|等……|还|有——|是");
        assert_eq!(marks("比分1+4，China队"), "比|分|1+4，|China|队");
        assert_eq!(marks("（记者）近日"), "（记|者）|近|日");
        assert_eq!(marks("说“5G”2亿"), "说|“5G”|2亿");
        assert_eq!(marks("don’t"), "don’t");
    }
}
