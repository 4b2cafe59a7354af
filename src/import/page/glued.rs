//! A headline line that holds two lines of its stack set on one, apart by two spaces or
//! more or an ideographic space: a kicker and its headline (`3∶2战胜对手  中国队晋级总决赛`),
//! or a headline and its subtitle (`全市人大常委会会议举行  审议两部法规草案`).
//!
//! The web edition joins a headline's own two printed lines the same way (`一肩担使命  一心
//! 暖乡邻`, `杭州拱墅  走出文旅融合新路径`), so a line is split only where one half says
//! what it is: a kicker closes on `——`, on a speech verb (`某某调研时强调`), names an
//! occasion (`…锦标赛`, `…上海站`) or is a quotation or a clause of context; a subtitle
//! opens on `——` or details the event the headline reports (`审议…`, `…主持`). Unsure, the
//! line stays one headline, which still reads right.

use super::rules;

/// What the two halves of a glued headline line are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glued<'a> {
    /// A kicker, then the headline.
    KickerTitle(&'a str, &'a str),
    /// The headline, then its subtitle.
    TitleSubtitle(&'a str, &'a str),
}

/// The two stack lines a headline-shaped line holds, if it holds two.
pub fn split(line: &str) -> Option<Glued<'_>> {
    if rules::ends_sentence(line) || rules::is_dash_subtitle(line) || line.contains('\n') {
        return None;
    }
    let (left, right) = halves(line)?;
    let headline_like = |t: &str| {
        t.chars().filter(|&c| rules::is_han(c)).count() >= 2
            && rules::at_most(t, rules::HEADING_MAX)
    };
    if !headline_like(left) || !headline_like(right) {
        return None;
    }
    if subtitle_half(left, right) {
        Some(Glued::TitleSubtitle(left, right))
    } else if kicker_half(left, right) {
        Some(Glued::KickerTitle(left, right))
    } else {
        None
    }
}

/// The line cut at its first wide gap (two spaces or more, or an ideographic space)
/// that stands outside brackets and quotes, both sides trimmed.
fn halves(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_matches(rules::is_space);
    let mut depth = 0usize;
    let mut gap: Option<(usize, usize, bool)> = None;
    for (at, c) in line.char_indices() {
        if rules::is_space(c) {
            if depth == 0 {
                let (start, n, wide) = gap.unwrap_or((at, 0, false));
                gap = Some((start, n + 1, wide || c == '\u{3000}'));
            }
            continue;
        }
        if let Some((start, n, wide)) = gap.take()
            && (n >= 2 || wide)
        {
            return Some((&line[..start], &line[at..]));
        }
        if "（(“‘《【〈「『〔[".contains(c) {
            depth += 1;
        } else if "）)”’》】〉」』〕]".contains(c) {
            depth = depth.saturating_sub(1);
        }
    }
    None
}

/// Verbs that close a kicker reporting what someone said (`某某在某地调研时强调`).
const SPEECH: [&str; 6] = ["强调", "指出", "表示", "要求", "提出", "宣布"];

/// Whether the left half of a glued line is a kicker over the right: it closes on `——`
/// or a speech verb, names an occasion (`…锦标赛`, `…上海站`, `2026年…`) or who
/// (`…党支部`), gives the score over a team's result, is a quotation over a plain
/// headline, or a clause of context the headline does without.
fn kicker_half(left: &str, right: &str) -> bool {
    let (l, r) = (
        crate::import::script::fold(left),
        crate::import::script::fold(right),
    );
    let (l, r) = (&*l, &*r);
    let n = |t: &str| t.chars().filter(|&c| !rules::is_space(c)).count();
    let dashed = l.ends_with("——");
    let speech = n(l) >= 4 && SPEECH.iter().any(|v| l.ends_with(v));
    let sports = l.contains(['赛', '杯']);
    let occasion = l.ends_with('赛') || (l.ends_with('站') && sports) || dated_occasion(l);
    const WHO: [&str; 5] = ["党总支", "党支部", "党委", "团支部", "获得者"];
    let who = WHO.iter().any(|w| l.ends_with(w));
    // A team's result under the score or the match that brought it.
    let scored = l.contains(|c: char| c.is_ascii_digit() || matches!(c, '∶' | '：' | ':'));
    let team = r.chars().take(4).any(|c| c == '队') && (scored || sports);
    let quoted = |t: &str| t.starts_with('“') && t.ends_with('”') && t.matches('”').count() == 1;
    let quotation = quoted(l) && !r.starts_with('“');
    let clause = l.contains('，') && !r.contains('，');
    dashed || speech || occasion || who || team || quotation || clause
}

/// A left half opening on a year (`2026年…`) that names an occasion, not a figure.
fn dated_occasion(l: &str) -> bool {
    let digits = l.chars().take_while(char::is_ascii_digit).count();
    digits == 4 && l[digits..].starts_with('年') && !l[digits..].chars().any(|c| c.is_ascii_digit())
}

/// Whether the right half of a glued line is the subtitle of the left: it opens on `——`,
/// or the left reports an event (`…举行`, `…召开`) and the right says what it decided or
/// who presided (`审议…`, `…主持`, `…出席并讲话`).
fn subtitle_half(left: &str, right: &str) -> bool {
    if rules::is_dash_subtitle(right) {
        return true;
    }
    const EVENTS: [&str; 6] = ["举行", "召开", "开幕", "闭幕", "举办", "开幕式"];
    const DECIDED: [&str; 5] = ["审议", "通过", "决定", "听取", "会见"];
    let (l, r) = (
        crate::import::script::fold(left),
        crate::import::script::fold(right),
    );
    let event = EVENTS.iter().any(|e| l.ends_with(e));
    let detail = DECIDED.iter().any(|d| r.starts_with(d))
        || r.ends_with("主持")
        || (r.contains("出席")
            && (r.ends_with("讲话") || r.ends_with("致辞") || r.ends_with("出席")));
    event && detail
}

#[cfg(test)]
mod tests {
    use super::Glued::{KickerTitle, TitleSubtitle};
    use super::*;

    #[test]
    fn a_kicker_glued_to_its_headline_comes_apart() {
        for (line, kicker, title) in [
            (
                "3∶2战胜对手  中国队晋级总决赛",
                "3∶2战胜对手",
                "中国队晋级总决赛",
            ),
            (
                "江城市委书记林海——\u{3000}扎根山区守初心",
                "江城市委书记林海——",
                "扎根山区守初心",
            ),
            (
                "某某在江城调研时强调  推动产业提质增效",
                "某某在江城调研时强调",
                "推动产业提质增效",
            ),
            (
                "2026年江城国际马拉松  两万人奔跑在江边",
                "2026年江城国际马拉松",
                "两万人奔跑在江边",
            ),
            (
                "“让每个孩子都有书读”  山村图书室开张了",
                "“让每个孩子都有书读”",
                "山村图书室开张了",
            ),
        ] {
            assert_eq!(split(line), Some(KickerTitle(kicker, title)), "{line}");
        }
    }

    #[test]
    fn a_subtitle_glued_to_its_headline_comes_apart() {
        assert_eq!(
            split("全市人大常委会会议举行  审议两部法规草案"),
            Some(TitleSubtitle("全市人大常委会会议举行", "审议两部法规草案"))
        );
        assert_eq!(
            split("扎根山区二十年\u{3000}——记乡村教师李春华"),
            Some(TitleSubtitle("扎根山区二十年", "——记乡村教师李春华"))
        );
    }

    #[test]
    fn one_headline_in_two_phrases_stays_whole() {
        for line in [
            // A headline's two printed lines, as the web edition joins them.
            "一肩担使命  一心暖乡邻",
            "校准坐标\u{3000}强化担当",
            "杭州拱墅  走出文旅体商融合发展新路径",
            "40余米溃口  两天完成封堵（在现场）",
            "美加墨世界杯  照见世界足球的发展脉络",
            "陕西汉中  四十五载守护  谱写朱鹮保护华章",
            // The gap inside quotes or brackets is the headline's own.
            "共同参观“传承中俄世代友好  树立大国关系典范”图片展",
            "乡村绘新景（牢记初心使命  奋进复兴征程）",
            // A single space is a word space, not a gap.
            "3∶2战胜对手 中国队晋级总决赛",
        ] {
            assert_eq!(split(line), None, "{line}");
        }
    }

    #[test]
    fn names_sentences_and_tables_are_no_glued_headlines() {
        for line in [
            // A byline's padded names, a body line with a wide space, a table row.
            "本报记者  王  芳",
            "王  芳",
            "会议强调，要推动产业提质增效\u{3000}确保取得实效。",
            "项目\u{3000}\u{3000}数量\u{3000}\u{3000}金额",
            "——记乡村教师李春华  本报记者  王  芳",
        ] {
            assert_eq!(split(line), None, "{line}");
        }
    }
}
