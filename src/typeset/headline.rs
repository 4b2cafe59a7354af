//! Where a headline phrase too long for one line breaks: between the words the
//! segmenter finds (`words`), so never inside a word, a name or a number; a `——` opens
//! the line of the words it introduces, never ends one. Among the breaks that give
//! lines of about equal length (within a few cells of the ideal), the one that reads
//! best, by the cues any Chinese reader uses:
//!
//! 1. after a space, before a `——` (best);
//! 2. after a pause, stop or closing mark, or before an opening one;
//! 3. after a number and its unit or counter (`10多项`, `上半年`, `17个`);
//! 4. before or after a common function character: after 的 地 得 了 着 过 中 等 出,
//!    before 和 与 及 并 在 为 是 把 对 将 从 向 让 使 被 以 于 跑 超 达 近 逾 — each
//!    unless it is likely the second half of a common word (作为, 现在, 可以, 中国…);
//! 5. next to one of a short list of frequent two-character news words (发展, 经济…);
//! 6. where Han meets Latin or digits;
//! 7. between two other words.
//!
//! Only a word (with the marks that may not leave it) wider than the whole line is
//! broken inside, between two Han characters, better at an even offset from the start
//! of its Han run (全省|经济, not 全省经|济). A break inside a number or Latin word is
//! never taken (the stream forbids it), and a line of one character costs much.

mod balance;

pub use balance::best_breaks;

use super::classes::{is_han, is_space, is_unit, no_end, no_start, stretch_after};
use super::fill::{Frame, SetLine, fill};
use super::stream::{Brk, Stream};
use super::{Role, Settings};
use crate::model::Field;

/// Two-character words frequent in news headlines (not a dictionary: a short list of
/// the words a balanced break most often splits).
const WORDS: &str = "发展经济社会建设改革推进推动工作产业项目企业创新服务管理提升实现协同质量\
加快全面全省全国全市群众生命安全健康卫生疫情防控环境营商政府国家城市乡村振兴生态文化旅游体育\
冰雪运动消费市场投资资金政策制度体系能力水平重点任务措施落实部署会议精神领导干部人民民生教育\
医疗医院科技技术数字农业粮食丰收工业制造能源煤炭交通港口装船铁路京津津冀雄安新区香港回归祖国\
周年庆祝台阶迈上综合实力配套试验园区招商引资合作开放加速速度活动系列专项行动清单统筹委员主任\
市长书记记者综述访谈争先进位身体护航全力以赴延伸链条奥运夏粮北方总部审批高效标准";

/// Do `a` and `b` make one of the [`WORDS`]?
fn word(a: char, b: char) -> bool {
    let mut it = WORDS.chars();
    while let (Some(x), Some(y)) = (it.next(), it.next()) {
        if x == a && y == b {
            return true;
        }
    }
    false
}

/// A numeral: ASCII or full-width digit, or a Chinese numeral (for `上半年`, `两万`).
fn numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "零〇一二两三四五六七八九十百千万亿半几多余".contains(c)
}

/// A function character a break may follow, unless `next` makes it part of a word.
fn after_fn(p: char, next: char) -> bool {
    let stop = match p {
        '的' => "确士",
        '地' => "区方点位图域产面铁址下震球带理貌势税标",
        '得' => "到",
        '了' => "解不却结",
        '着' => "力手重想陆装眼",
        '过' => "程去往度渡",
        '中' => "国华央共心部小学医欧美非东西南北亚层期间",
        '等' => "待级同于",
        '出' => "台发现口版席色租行生身院来",
        _ => return false,
    };
    !stop.contains(next)
}

/// A function character a break may precede, unless `prev` makes it part of a word.
fn before_fn(c: char, prev: char) -> bool {
    let stop = match c {
        '和' => "温平共随调缓协暖柔祥总保饱",
        '与' => "参给赋授",
        '及' => "以涉普危来波不顾提触遍企",
        '并' => "合兼吞归",
        '在' => "现正存实所自内外潜健",
        '为' => "成作因认行称视以为",
        '是' => "但还就只于正不也可总凡即或要",
        '把' => "一车",
        '对' => "面针应相绝反核校作派配",
        '将' => "即必行终老大主强名",
        '从' => "服自遵顺随",
        '向' => "方导走面志意转风倾动去取",
        '让' => "转谦出礼退",
        '使' => "大致促迫即假特行天",
        '被' => "棉",
        '以' => "可所加予难得足给用",
        '于' => "由关对属至终等处位在基善敢勇乐急",
        '跑' => "长赛慢奔领",
        '超' => "赶",
        '达' => "到表发抵传下通",
        '近' => "最接靠附临将邻",
        '逾' => "",
        _ => return false,
    };
    !stop.contains(prev)
}

/// Cost of breaking before glyph `j` (lower is better): between two words when `edge`,
/// else inside a word too wide for a line, where `run` is where the Han run around it
/// starts (for the two-character-word parity).
fn break_cost(s: &Stream, j: usize, run: usize, edge: bool) -> u32 {
    let c = &s.chars;
    let (p, n) = (c[j - 1], c[j]);
    if !edge {
        return 40 + cue_cost(s, j, run);
    }
    let cost = cue_cost(s, j, run);
    if is_han(p) && is_han(n) {
        cost.min(8)
    } else {
        cost
    }
}

/// The cues of a break before glyph `j`, as if no segmenter had spoken.
fn cue_cost(s: &Stream, j: usize, run: usize) -> u32 {
    let c = &s.chars;
    let (p, n) = (c[j - 1], c[j]);
    if is_space(p) || (n == '—' && c.get(j + 1) == Some(&'—')) {
        0
    } else if stretch_after(p) || no_end(n) || (no_start(p) && !matches!(p, '-' | '–' | '—')) {
        1
    } else if is_unit(p) && j >= 2 && numeral(c[j - 2]) && !numeral(n) {
        2
    } else if numeral(p) && is_unit(n) {
        40
    } else if word(p, n) {
        30
    } else if after_fn(p, n) || before_fn(n, p) {
        3
    } else if (j >= 2 && word(c[j - 2], p)) || c.get(j + 1).is_some_and(|&x| word(n, x)) {
        6
    } else if is_han(p) != is_han(n) {
        4
    } else if is_han(p) {
        if (j - run).is_multiple_of(2) { 8 } else { 16 }
    } else {
        10
    }
}

/// Where each Han run starts, for every glyph of `a..b` (runs restart after non-Han
/// glyphs, around function characters and after a number's unit).
fn run_starts(s: &Stream, a: usize, b: usize) -> Vec<usize> {
    let c = &s.chars;
    let mut out = Vec::with_capacity(b - a);
    let mut start = a;
    for j in a..b {
        if j > a {
            let (p, n) = (c[j - 1], c[j]);
            if !is_han(p)
                || after_fn(p, n)
                || (is_unit(p) && j >= a + 2 && numeral(c[j - 2]))
                || (j >= a + 2 && before_fn(p, c[j - 2]))
            {
                start = j;
            }
            if before_fn(n, p) {
                start = j + 1;
            }
        }
        out.push(start.min(j));
    }
    out
}

/// Glyph positions a headline phrase `a..b` may break before in lines of `width`
/// cells, with `a` and `b` around them, and whether each is between two words: the
/// allowed breaks where `word[j]` holds, none right after a `——` nor before one that
/// ends the phrase; inside a stretch
/// between two of them wider than a line, every allowed break as well (a word too wide
/// for the line), not after a `——` unless nothing else is there.
pub fn candidates(
    s: &Stream,
    a: usize,
    b: usize,
    width: usize,
    word: &[bool],
) -> Vec<(usize, bool)> {
    let ok = |j: usize| s.brk[j] == Brk::May;
    let mut edges: Vec<usize> = vec![a];
    // A `——` ending the phrase (a kicker's, pointing at the title) stays on its line.
    let closing = |j: usize| s.chars[j..b].iter().all(|&c| matches!(c, '—' | '⸺'));
    edges.extend((a + 1..b).filter(|&j| ok(j) && word[j] && !after_dash(s, a, j) && !closing(j)));
    edges.push(b);
    let mut out = Vec::with_capacity(edges.len());
    for w in edges.windows(2) {
        let (x, y) = (w[0], w[1]);
        out.push((x, true));
        if s.width(x, vis(s, x, y)) <= width {
            continue;
        }
        let inner: Vec<usize> = (x + 1..y).filter(|&j| ok(j)).collect();
        let clean: Vec<usize> = inner
            .iter()
            .copied()
            .filter(|&j| !after_dash(s, x, j))
            .collect();
        let pick = if clean.is_empty() { inner } else { clean };
        out.extend(pick.into_iter().map(|j| (j, false)));
    }
    out.push((b, true));
    out
}

/// Does the text before glyph `j` (spaces aside, not before `a`) end with a `——`?
fn after_dash(s: &Stream, a: usize, j: usize) -> bool {
    let e = vis(s, a, j);
    e >= a + 2 && matches!(s.chars[e - 1], '—' | '⸺') && s.chars[e - 2] == '—'
        || e > a && s.chars[e - 1] == '⸺'
}

/// Where the visible text of `i..j` ends: trailing spaces and hidden chars dropped.
fn vis(s: &Stream, i: usize, j: usize) -> usize {
    let mut e = j;
    while e > i && (is_space(s.chars[e - 1]) || s.hidden[e - 1]) {
        e -= 1;
    }
    e
}

/// Does the `——` put before the subtitle `text` fit a line of `width` cells with the
/// word it introduces (and what may not leave that word, `200多种`)? Where it does not,
/// the subtitle is set without it rather than split the word or leave the dash alone.
pub fn dash_fits(text: &str, width: usize, st: &Settings) -> bool {
    let dash = crate::text::str_width("——", st.ambiguous_wide);
    let s = Stream::new(&[(Field::Subtitle, Role::Subtitle, text)], st);
    let first = super::words::starts(text)
        .iter()
        .map(|&j| j as usize)
        .find(|&j| j < s.len() && s.brk[j] == Brk::May)
        .unwrap_or(s.len());
    s.width(0, vis(&s, 0, first)) + dash <= width
}

/// Glyphs `cands[0]..` to the last candidate, each line taking as many words as fit;
/// a stretch between two candidates wider than a line (a run that may not break,
/// wider than the block: `（2026—2028年）》` in 8 cells) is cut by `fill`, and only
/// that stretch: the words around it stay whole.
pub fn word_fill(s: &Stream, cands: &[(usize, bool)], width: usize) -> Vec<SetLine> {
    let full = Frame {
        left: 0,
        measure: width,
    };
    let set = |i: usize, j: usize| {
        let e = vis(s, i, j);
        SetLine {
            frame: full,
            start: i,
            end: e,
            used: s.width(i, e),
            last: false,
            hung: 0,
            squeeze: 0,
        }
    };
    let mut out = Vec::new();
    let Some(&(mut start, _)) = cands.first() else {
        return out;
    };
    let (mut prev, mut i) = (start, 1);
    while i < cands.len() {
        let j = cands[i].0;
        if s.width(start, vis(s, start, j)) <= width {
            (prev, i) = (j, i + 1);
        } else if prev > start {
            out.push(set(start, prev));
            start = prev;
        } else {
            let mut pieces = fill(s, start, j, full, full);
            match pieces.pop() {
                Some(t) if t.start > start && s.width(t.start, vis(s, t.start, j)) <= width => {
                    start = t.start;
                }
                Some(t) => {
                    pieces.push(t);
                    (start, i) = (j, i + 1);
                }
                None => (start, i) = (j, i + 1),
            }
            prev = start;
            out.extend(pieces.into_iter().map(|l| SetLine { last: false, ..l }));
        }
    }
    if prev > start {
        out.push(set(start, prev));
    }
    if let Some(l) = out.last_mut() {
        l.last = true;
    }
    out
}

/// Lines the greedy fill at `cands` takes (each line as many words as fit); `None` when
/// some stretch between two candidates is wider than a line.
pub fn greedy_lines(s: &Stream, cands: &[(usize, bool)], width: usize) -> Option<usize> {
    let mut n = 1;
    let mut start = cands.first()?.0;
    let mut prev = start;
    for &(j, _) in &cands[1..] {
        if s.width(start, vis(s, start, j)) <= width {
            prev = j;
            continue;
        }
        if prev == start || s.width(prev, vis(s, prev, j)) > width {
            return None;
        }
        n += 1;
        start = prev;
        prev = j;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;
    use crate::typeset::{Role, Settings};

    fn set(text: &str, width: usize) -> Vec<String> {
        let s = Stream::new(&[(Field::Title, Role::Title, text)], &Settings::default());
        let full = Frame {
            left: 0,
            measure: width,
        };
        if super::super::fill::fill(&s, 0, s.len(), full, full).len() == 1 {
            return vec![text.to_string()];
        }
        let mut word = vec![false; s.len() + 1];
        for &j in super::super::words::starts(text).iter() {
            word[j as usize] = true;
        }
        let cands = candidates(&s, 0, s.len(), width, &word);
        let n = greedy_lines(&s, &cands, width).unwrap();
        best_breaks(&s, &cands, width, n)
            .unwrap_or_else(|| panic!("{text} at {width}"))
            .iter()
            .map(|l| s.chars[l.start..l.end].iter().collect())
            .collect()
    }

    #[test]
    fn headlines_break_between_words() {
        assert_eq!(
            set("努力在全省经济社会发展中争先进位", 30),
            ["努力在全省经济社会", "发展中争先进位"]
        );
        assert_eq!(
            set("10多项任务清单为群众身体健康和生命安全护航", 36),
            ["10多项任务清单为群众", "身体健康和生命安全护航"]
        );
        assert_eq!(
            set("上半年煤炭装船量超亿吨", 20),
            ["上半年煤炭", "装船量超亿吨"]
        );
        // Frequent words stay whole (京津冀, 发展), punctuation beats a word edge.
        assert_eq!(
            set("推动京津冀协同发展迈上新台阶", 22),
            ["推动京津冀协同", "发展迈上新台阶"]
        );
        assert_eq!(
            set("衡水：打造“三最”营商环境跑出发展加速度", 30),
            ["衡水：打造“三最”", "营商环境跑出发展加速度"]
        );
    }

    #[test]
    fn breaks_prefer_marks_units_and_function_chars() {
        // After a pause mark rather than mid-phrase.
        assert_eq!(
            set("衡水：打造营商环境跑出发展加速度", 24),
            ["衡水：打造营商环境", "跑出发展加速度"]
        );
        // Never a one-character line, never inside 2022年.
        for w in 10..40 {
            for l in set("2022年全省粮食总产量再创新高", w) {
                assert!(!l.contains("2022") || l.contains("2022年"), "{l} at {w}");
                assert!(l.chars().count() > 1, "{l} at {w}");
            }
        }
    }
}
