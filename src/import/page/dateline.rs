//! The dateline (电头) that opens a news story's first paragraph: `河北日报讯(记者…)`,
//! `本报讯`, `本报北京6月30日电  记者…`, `新华社北京6月30日电（记者…）`, `据新华社电`.
//!
//! Its shape: a source (a paper, agency or site: a word ending in 报, 社, 网, 台, 端),
//! maybe a place and a date ending in 日, then 讯 or 电; then maybe the reporters, in
//! brackets or as `记者 某某 某某`.

use super::rules::{self, is_han, is_space};
use crate::import::script;

/// How far into a paragraph the 讯/电 may stand.
const HEAD_MAX: usize = 24;
/// The longest bracketed reporter list.
const BRACKET_MAX: usize = 60;

const SOURCES: [char; 5] = ['报', '社', '网', '台', '端'];

/// Split a paragraph into its dateline and the text that follows, if it opens with one.
pub fn split(text: &str) -> Option<(&str, &str)> {
    let end = dateline_len(text)?;
    let rest = text[end..].trim_start_matches(is_space);
    Some((text[..end].trim_end_matches(is_space), rest))
}

/// Whether a paragraph opens with a dateline.
pub fn starts_with_dateline(text: &str) -> bool {
    dateline_len(text).is_some()
}

/// How many bytes of a paragraph's opening are read for a dateline, folded to one script.
const READ_MAX: usize = 600;

fn dateline_len(full: &str) -> Option<usize> {
    // Read in either script: the fold keeps byte offsets.
    let folded = script::fold_head(full, READ_MAX);
    dateline_len_folded(&folded).or_else(|| bracketed_len(&folded))
}

/// `（中央社記者林曉台北3日電）今天…`: a dateline in brackets opening the paragraph (as
/// Taiwan's agency prints it), when text follows; alone in brackets it closes a story.
fn bracketed_len(text: &str) -> Option<usize> {
    let (open, close) = match text.chars().next()? {
        '（' => ('（', '）'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let inner_at = open.len_utf8();
    let close_at = inner_at
        + text[inner_at..]
            .char_indices()
            .take(HEAD_MAX + 16)
            .find(|&(_, c)| c == close)?
            .0;
    let inner = &text[inner_at..close_at];
    let end = close_at + close.len_utf8();
    let whole = dateline_len_folded(inner).is_some_and(|n| n == inner.len()) || place_wire(inner);
    (whole && !text[end..].trim_start_matches(is_space).is_empty()).then_some(end)
}

/// A place and 讯 or 电 alone in brackets, as papers abroad open a story: `（新加坡讯）`,
/// `（吉隆坡电）`.
fn place_wire(inner: &str) -> bool {
    let n = inner.chars().count();
    (3..=8).contains(&n) && inner.chars().all(is_han) && inner.ends_with(['讯', '电'])
}

fn dateline_len_folded(full: &str) -> Option<usize> {
    // `■本报讯` in a column of briefs: the mark goes with the dateline.
    let text = full.trim_start_matches(|c| rules::is_ornament(c) || is_space(c));
    let lead = full.len() - text.len();
    let (mark_at, mark) = text
        .char_indices()
        .take(HEAD_MAX)
        .find(|&(i, c)| c == '讯' || c == '电' || (c == '消' && text[i..].starts_with("消息")))?;
    let head = &text[..mark_at];
    if !head
        .chars()
        .all(|c| is_han(c) || c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    let source = head.strip_prefix('据').unwrap_or(head);
    let source_at = source.find(SOURCES)?;
    if source[..source_at].chars().count() > 10 {
        return None;
    }
    let ends_dated = head.ends_with('日');
    let ok = match mark {
        // 本报讯, 河北日报讯, 新华网讯, 本报石家庄6月30日讯
        '讯' => ends_dated || head.ends_with(SOURCES),
        // 新华社北京6月30日电, 据新华社电 (but not 本报电力…)
        // 本报武汉电: the paper's own wire, place but no date
        '电' => {
            ends_dated
                || head.ends_with('社')
                || (head.starts_with("本报") && (3..=8).contains(&head.chars().count()))
        }
        // 央视网消息, 据新华社消息
        _ => head.ends_with(SOURCES),
    };
    if !ok {
        return None;
    }
    let mark_len = if mark == '消' {
        "消息".len()
    } else {
        mark.len_utf8()
    };
    let after_mark = mark_at + mark_len;
    let end = after_mark + reporters_len(&text[after_mark..]);
    // `央视网消息（记者 某某）：` — a colon after the dateline belongs to it.
    let colon = text[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '：' | ':'));
    Some(lead + end + colon.map_or(0, char::len_utf8))
}

/// The reporters right after 讯/电: `(记者陈凤来、马路)` or `  记者 甲乙 丙丁`.
fn reporters_len(text: &str) -> usize {
    let gap = text.len() - text.trim_start_matches(is_space).len();
    let t = &text[gap..];
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = t.strip_prefix(open) {
            let Some((close_at, _)) = inner
                .char_indices()
                .take(BRACKET_MAX)
                .find(|&(_, c)| c == close)
            else {
                return 0;
            };
            let note = &inner[..close_at];
            if note.contains(['。', '（', '(']) {
                return 0;
            }
            return gap + open.len_utf8() + close_at + close.len_utf8();
        }
    }
    if !["记者", "通讯员", "特约记者", "实习生"]
        .iter()
        .any(|r| t.starts_with(r))
    {
        return 0;
    }
    // Tokens separated by spaces or 、: roles, names, 报道; the text starts at the first
    // token that is none of these.
    let mut end = 0;
    let mut pos = 0;
    for token in t.split_inclusive(|c: char| is_space(c) || c == '、') {
        let mut word = token.trim_end_matches(|c: char| is_space(c) || c == '、');
        if let Some(i) = word.find("报道").or_else(|| word.find("报导")) {
            word = &word[..i + "报道".len()];
        }
        if word.is_empty() {
            pos += token.len();
            continue;
        }
        if !is_reporter_token(word) {
            break;
        }
        end = pos + word.len();
        pos += token.len();
        if word.ends_with("报道") || word.ends_with("报导") {
            break;
        }
    }
    let mut end = gap + end;
    if end > gap {
        for colon in ['：', ':'] {
            if text[end..].starts_with(colon) {
                end += colon.len_utf8();
            }
        }
    }
    end
}

fn is_reporter_token(word: &str) -> bool {
    let roles = ["特约记者", "记者", "通讯员", "实习生"];
    let w = roles
        .iter()
        .find_map(|r| word.strip_prefix(r))
        .unwrap_or(word);
    let w = w
        .strip_suffix("报道")
        .or_else(|| w.strip_suffix("报导"))
        .unwrap_or(w);
    let n = w.chars().count();
    (n == 0 && w.len() < word.len()) || ((2..=4).contains(&n) && w.chars().all(is_han))
}

/// A paragraph made only of a dateline, bare or in brackets.
pub(super) fn is_lone_dateline(text: &str) -> bool {
    let inner = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
        .unwrap_or(text);
    split(inner).is_some_and(|(_, rest)| rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_xun_with_bracketed_reporters() {
        assert_eq!(
            split("河北日报讯(记者陈凤来、马路)近日,衡水市政府"),
            Some(("河北日报讯(记者陈凤来、马路)", "近日,衡水市政府"))
        );
        assert_eq!(
            split("本报讯（记者 甲乙 通讯员 丙丁）今天上午"),
            Some(("本报讯（记者 甲乙 通讯员 丙丁）", "今天上午"))
        );
    }

    #[test]
    fn bare_benbao_xun() {
        assert_eq!(
            split("本报讯 今天上午,会议召开。"),
            Some(("本报讯", "今天上午,会议召开。"))
        );
        assert_eq!(split("本报讯今天上午"), Some(("本报讯", "今天上午")));
    }

    #[test]
    fn dated_dian_with_reporters_after_spaces() {
        assert_eq!(
            split("本报北京6月30日电  记者甲乙、丙丁  今天,会议在京召开。"),
            Some(("本报北京6月30日电  记者甲乙、丙丁", "今天,会议在京召开。"))
        );
        assert_eq!(
            split("本报北京6月30日电\u{3000}记者\u{a0}甲乙\u{3000}今天,会议召开。"),
            Some(("本报北京6月30日电\u{3000}记者\u{a0}甲乙", "今天,会议召开。"))
        );
        assert_eq!(
            split("本报北京6月30日电 记者甲乙报道：今天"),
            Some(("本报北京6月30日电 记者甲乙报道：", "今天"))
        );
    }

    #[test]
    fn agency_datelines() {
        assert_eq!(
            split("新华社北京6月30日电（记者甲乙）国务院"),
            Some(("新华社北京6月30日电（记者甲乙）", "国务院"))
        );
        assert_eq!(
            split("新华社北京6月30日电 国务院"),
            Some(("新华社北京6月30日电", "国务院"))
        );
        assert_eq!(split("据新华社电 国务院"), Some(("据新华社电", "国务院")));
        assert_eq!(
            split("央视网消息（记者 甲乙）：今天"),
            Some(("央视网消息（记者 甲乙）：", "今天"))
        );
        assert_eq!(split("消息传来，大家很高兴。"), None);
    }

    #[test]
    fn briefs_marked_with_an_ornament() {
        assert_eq!(split("■本报讯 今天上午"), Some(("■本报讯", "今天上午")));
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(split("本报电力记者前往"), None);
        assert_eq!(split("6月30日,煤炭装船作业在黄骅港进行。"), None);
        assert_eq!(split("通讯录里有人"), None);
        // A place and 讯 in brackets opens a story of a paper abroad, in either script.
        assert_eq!(
            split("（新加坡訊）建屋局昨天公布數據。"),
            Some(("（新加坡訊）", "建屋局昨天公布數據。"))
        );
        assert_eq!(split("（通讯录）里有人"), None);
        assert_eq!(split("他说,新华社电台"), None);
    }

    #[test]
    fn an_unclosed_bracket_is_left_in_the_text() {
        assert_eq!(
            split("本报讯(记者甲乙今天"),
            Some(("本报讯", "(记者甲乙今天"))
        );
    }
}
