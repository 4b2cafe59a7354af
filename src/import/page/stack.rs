//! A headline stack → its parts: column label, kicker (引题), title (主题), subtitle (副题),
//! byline, credit; lines above the stack that belong to the page (banner, theme, column
//! labels) are handed back as page lines.
//!
//! The order of a Chinese stack is fixed: label, kicker, title, subtitle (opening with
//! `——`, or `访…` for an interview), byline. Without a marked subtitle, the last line is
//! the title and the one above it the kicker.

use super::draft::Draft;
use super::glued::{self, Glued};
use super::{rules, signature};
use crate::model::{PageLine, PageLineKind, ParagraphKind};

/// One line of a stack, as the page classified it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StackLine<'a> {
    Heading(&'a str),
    Byline(&'a str),
    Credit(&'a str),
}

/// Build an article's head from `lines`. `page_top` says nothing stands above the stack,
/// so lines above the kicker belong to the page.
pub fn build(lines: &[StackLine<'_>], page_top: bool) -> (Vec<PageLine>, Draft) {
    build_over(lines, page_top, false)
}

/// [`build`] for a stack over a body that opens with a dateline (`dated`): a news report,
/// whose two-line stacks are a little more often title and subtitle.
pub fn build_over(lines: &[StackLine<'_>], page_top: bool, dated: bool) -> (Vec<PageLine>, Draft) {
    let mut draft = Draft::default();
    let (lines, leads) = split_leads(lines);
    let mut headings = Vec::new();
    for line in lines {
        match *line {
            StackLine::Heading(t) => headings.push(t),
            StackLine::Byline(t) => append(&mut draft.byline, t),
            StackLine::Credit(t) => append(&mut draft.credit, t),
        }
    }
    for t in leads {
        draft.push(ParagraphKind::Text, t);
    }
    for s in pop_subheads(&mut headings) {
        draft.push(ParagraphKind::Subhead, s);
    }
    if headings.is_empty() {
        return (Vec::new(), draft);
    }
    let glued_title = unglue(&mut headings);
    let (title_at, joined) = title_index(&headings, dated, glued_title);
    if joined {
        let last = headings.len() - 1;
        draft.title = format!("{}  {}", headings[last - 1], headings[last]);
        headings.pop();
    } else {
        draft.title = headings[title_at].to_owned();
    }
    let below = &headings[title_at + 1..];
    if !below.is_empty() {
        draft.subtitle = Some(below.join(" "));
    }
    let page_lines = place_above(&mut draft, &headings[..title_at], page_top);
    (page_lines, draft)
}

/// The in-story headings closing a stack, popped off it in page order: `核心阅读` and the
/// like under a headline open the story's first section; so does a short label under a
/// headline its column tag closes (`…（工匠绝活）` over `绝活看点`): the tag ends the stack.
fn pop_subheads<'a>(headings: &mut Vec<&'a str>) -> Vec<&'a str> {
    let label_under_tag = |h: &[&str]| {
        let n = h.len();
        n > 1
            && h[n - 1].chars().all(rules::is_han)
            && (2..=4).contains(&h[n - 1].chars().count())
            && super::evidence::column_tagged(h[n - 2])
    };
    let mut subheads = Vec::new();
    while headings.len() > 1
        && (headings
            .last()
            .is_some_and(|h| rules::is_subhead_word(h) || rules::is_numbered_heading(h))
            || label_under_tag(headings))
    {
        subheads.push(headings.pop().unwrap_or_default());
    }
    subheads.reverse();
    subheads
}

/// Set apart the two lines a stack's last heading holds on one line (a kicker and its
/// headline, or a headline and its subtitle, see `glued`), when only marked subtitles
/// follow it; the index of the title they hold.
fn unglue(headings: &mut Vec<&str>) -> Option<usize> {
    let marked = |h: &&str| rules::is_dash_subtitle(h) || rules::is_series_mark(h);
    let at = headings.iter().rposition(|h| !marked(h))?;
    let (upper, lower, title) = match glued::split(headings[at])? {
        Glued::KickerTitle(k, t) => (k, t, at + 1),
        Glued::TitleSubtitle(t, s) if at + 1 == headings.len() => (t, s, at),
        Glued::TitleSubtitle(..) => return None,
    };
    headings.splice(at..=at, [upper, lower]);
    Some(title)
}

/// Which of a stack's headings is the title, and whether the last two are so evenly
/// read as kicker and title or title and subtitle that they stay one headline (`true`:
/// the title is the last two lines joined, as the web edition joins them).
fn title_index(headings: &[&str], dated: bool, glued_title: Option<usize>) -> (usize, bool) {
    let last = headings.len() - 1;
    if let Some(s) = (1..headings.len()).find(|&i| rules::is_dash_subtitle(headings[i])) {
        return (s - 1, false);
    }
    if let Some(at) = glued_title {
        return (at, false);
    }
    if last == 0 {
        return (0, false);
    }
    if rules::is_interview_subtitle(headings[last]) || rules::is_series_mark(headings[last]) {
        return (last - 1, false);
    }
    // A dated report leans subtitle, but never tips an unmarked pair alone.
    let (upper, lower) = (headings[last - 1], headings[last]);
    let evidence = subtitle_evidence(upper, lower);
    let unsure = evidence + i32::from(dated) < 3 && evidence >= 1;
    // Unsure, the lower line's own opening may still tell: a subtitle goes on with the
    // title's subject, a headline under its kicker names its own.
    let (goes_on, own) = (continues_subject(lower), names_own_subject(upper, lower));
    if unsure && own && !goes_on {
        (last, false)
    } else if unsure && !goes_on {
        // Still unsure: the two lines stay one headline.
        (last - 1, true)
    } else if evidence >= 1 {
        (last - 1, false)
    } else {
        (last, false)
    }
}

/// Give the lines above the title their roles: metadata (the byline's or the page's),
/// then the kicker or a column label, then a label over the kicker; what is left, and
/// any `——` line (which closes what stands above, never a kicker), goes to the page.
fn place_above(draft: &mut Draft, above: &[&str], page_top: bool) -> Vec<PageLine> {
    let mut above = above.to_vec();
    let mut page_lines = Vec::new();
    while let Some(&next) = above.last() {
        match signature::metadata(next) {
            Some(signature::Meta::Author) => append(&mut draft.byline, next),
            Some(signature::Meta::Other) => page_lines.push(PageLine {
                kind: page_line_kind(next, page_top),
                text: next.to_owned(),
            }),
            None if rules::is_dash_subtitle(next) => page_lines.push(PageLine {
                kind: PageLineKind::Other,
                text: next.to_owned(),
            }),
            None => break,
        }
        above.pop();
    }
    if let Some(&next) = above.last() {
        if rules::is_column_like(next) {
            draft.column = Some(next.to_owned());
            above.pop();
        } else if page_top && rules::is_banner_like(next) {
            // A short line of spaced phrases at the top of a page is its series banner.
        } else {
            draft.kicker = Some(next.to_owned());
            above.pop();
        }
    }
    if !page_top && draft.column.is_none() && above.last().is_some_and(|l| rules::is_label_like(l))
    {
        draft.column = above.pop().map(str::to_owned);
    }
    for text in above {
        page_lines.push(PageLine {
            kind: page_line_kind(text, page_top),
            text: text.to_owned(),
        });
    }
    page_lines
}

/// A byline closes the stack: the lines closing the run under it, when each is closed by
/// a sentence mark or is a bare figure (`21.7%`), are the body's first paragraphs.
fn split_leads<'l, 'a>(lines: &'l [StackLine<'a>]) -> (&'l [StackLine<'a>], Vec<&'a str>) {
    let Some(at) = lines
        .iter()
        .rposition(|l| matches!(l, StackLine::Byline(_)))
    else {
        return (lines, Vec::new());
    };
    let headed = lines[..at]
        .iter()
        .any(|l| matches!(l, StackLine::Heading(_)));
    let tail: Vec<&'a str> = lines[at + 1..]
        .iter()
        .map_while(|l| match *l {
            StackLine::Heading(t) if is_lead(t) => Some(t),
            _ => None,
        })
        .collect();
    if !headed || tail.is_empty() || tail.len() != lines.len() - at - 1 {
        return (lines, Vec::new());
    }
    (&lines[..=at], tail)
}

/// A heading-shaped line that reads as the start of a body: closed by a sentence mark
/// (`中国数学的历史性突破！`) or with no Han character at all (`21.7%`).
fn is_lead(text: &str) -> bool {
    !super::evidence::is_label(text)
        && (rules::ends_sentence(text) || !text.chars().any(rules::is_han))
}

/// Predicates that close a headline reporting a finished event.
const EVENTS: [&str; 16] = [
    "举行",
    "召开",
    "印发",
    "发布",
    "实施",
    "开通运营",
    "开工建设",
    "签发",
    "试运行",
    "开幕",
    "闭幕",
    "举办",
    "启动",
    "公布",
    "开赛",
    "成立",
];

/// How strongly two unmarked headline lines read as title then subtitle rather than
/// kicker then title: the column tag `（…）` goes on the title; a subtitle spells out
/// details in clauses the title does without.
fn subtitle_evidence(upper: &str, lower: &str) -> i32 {
    let (upper, lower) = (
        crate::import::script::fold(upper),
        crate::import::script::fold(lower),
    );
    let (upper, lower) = (&*upper, &*lower);
    let tagged = |t: &str| {
        let t = t.trim_end_matches(|c: char| c == '\u{200b}' || rules::is_space(c));
        t.ends_with('）') && t.contains('（') && !t.starts_with('（')
    };
    let clauses = |t: &str| t.contains(['，', '、']);
    // A label in lenticular brackets (`【文旅观察】`) heads the story, never follows it.
    if upper.starts_with('【') && upper.ends_with('】') {
        return -3;
    }
    let mut score = 0;
    if tagged(upper) {
        score += 3;
    }
    if tagged(lower) {
        score -= 3;
    }
    if clauses(lower) && !clauses(upper) {
        score += 1;
    }
    // A title stating a finished event (`…在京举行`, `…印发`) and a subtitle with the
    // formula `某某出席并讲话`.
    if EVENTS.iter().any(|e| upper.ends_with(e)) {
        score += 1;
    }
    // A line naming who presided or what was decided details the event above it.
    const DECIDED: [&str; 5] = ["审议", "通过", "决定", "听取", "会见"];
    if lower.ends_with("主持") || DECIDED.iter().any(|d| lower.starts_with(d)) {
        score += 3;
    }
    // A display headline of two matched phrases (`校准坐标　强化担当`) over a long
    // descriptive line: title and subtitle, the subtitle saying who did what.
    if parallel(upper)
        && !rules::at_most(lower, 19)
        && !lower.contains(['“', '”'])
        && !spaced(lower)
    {
        score += 3;
    }
    if lower.contains("出席") {
        score += 1 + i32::from(lower.ends_with("讲话") || lower.ends_with("致辞"));
    }
    // A line of figures details the statement above it, above all a short line.
    let len = |t: &str| t.chars().filter(|&c| !rules::is_space(c)).count();
    let figures = |t: &str| t.contains(|c: char| c.is_ascii_digit() || matches!(c, '%' | '％'));
    if figures(lower) || lower.contains(['万', '亿']) {
        score += 1;
    }
    // A title that states a figure (not a year) is a finished statement: a line under
    // it adds to it.
    if states_figure(upper) {
        score += 1;
    }
    if len(lower) <= 12 && len(upper) >= 12 {
        score += 1;
    }
    score - kicker_evidence(upper, lower)
}

/// Whether the lower of two unmarked lines goes on with the subject of the line above,
/// as a subtitle does: it opens on a figure, or on a verb or adverb with no subject of
/// its own (`已在…`, `新增…`, `实现…`, `到2028年…`).
fn continues_subject(lower: &str) -> bool {
    const OPENINGS: [&str; 16] = [
        "已", "将", "新增", "实现", "构建", "首次", "同比", "累计", "均", "到", "达", "共", "覆盖",
        "进行", "预计", "超",
    ];
    let lower = crate::import::script::fold_head(lower, 12);
    lower.starts_with(|c: char| c.is_ascii_digit()) || OPENINGS.iter().any(|o| lower.starts_with(o))
}

/// Whether the lower of two unmarked lines is the headline under a kicker: it opens as
/// a display phrase (`让…`, `把…`, `在…`, a quotation), a warning (`警惕…`) or on a team
/// as its subject, or the upper names an occasion (`2026年…锦标赛`, `…大师赛`,
/// `…瑞典站`) or who (`…村党总支`) rather than news.
fn names_own_subject(upper: &str, lower: &str) -> bool {
    let (upper, lower) = (
        crate::import::script::fold(upper),
        crate::import::script::fold_head(lower, 16),
    );
    let display = lower.starts_with(['让', '把', '在', '向', '“']);
    // A warning is the headline under the notice it comes from (`某部门发布消费提示` over
    // `警惕…`); a kicker naming a party branch or a prize-winner introduces who.
    const WARNINGS: [&str; 10] = [
        "警惕", "严防", "谨防", "防范", "当心", "小心", "切勿", "别让", "莫让", "谨记",
    ];
    const WHO: [&str; 5] = ["党总支", "党支部", "党委", "团支部", "获得者"];
    let warning = WARNINGS.iter().any(|w| lower.starts_with(w));
    let who = WHO.iter().any(|w| upper.ends_with(w));
    let team = lower.chars().take(4).any(|c| c == '队');
    let digits = upper.chars().take_while(char::is_ascii_digit).count();
    let dated_occasion = digits == 4 && upper[digits..].starts_with('年') && !states_figure(&upper);
    let occasion = upper.ends_with(['赛', '站']);
    display || team || dated_occasion || occasion || warning || who
}

/// Two phrases of the same length (two to six characters) set apart by a space.
fn parallel(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(rules::is_space)
        .filter(|p| !p.is_empty())
        .collect();
    let n = |p: &str| p.chars().count();
    matches!(parts[..], [a, b] if n(a) == n(b) && (2..=6).contains(&n(a))
        && a.chars().chain(b.chars()).all(rules::is_han))
}

fn spaced(text: &str) -> bool {
    text.contains("  ") || text.contains('\u{3000}') || text.contains(' ')
}

/// Whether a line holds a number other than a year (`6.0%`, `206万亩`, not `2026年`).
fn states_figure(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit()
            && chars
                .get(i + 1)
                .is_none_or(|n| !n.is_ascii_digit() && *n != '年')
    })
}

/// How strongly the upper of two unmarked lines reads as a kicker: a short or quoted
/// line of context, a clause over a display title (`某地：…`, two spaced phrases).
fn kicker_evidence(upper: &str, lower: &str) -> i32 {
    let mut score = 0;
    let len = |t: &str| t.chars().filter(|&c| !rules::is_space(c)).count();
    if len(upper) <= 6 {
        score += 2;
    }
    if upper.ends_with("——") {
        score += 3;
    }
    if upper.starts_with('“') && upper.ends_with('”') {
        score += 2;
    }
    // A clause of context, or a long line over another long one: a kicker sets the
    // scene at length, a subtitle adds a detail.
    if upper.contains('，') {
        score += 1;
    }
    if len(upper) >= 20 && len(lower) >= 20 {
        score += 2;
    }
    let spaced = lower.contains("  ") || lower.contains('\u{3000}') || lower.contains(' ');
    if spaced || lower.contains(['：', ':']) {
        score += 2;
    }
    score
}

/// Where a run of headline lines holds two stacks: one printed after its body (headline,
/// byline, `访…`/`——` subtitle), then the next article's. A byline closes a stack, so
/// headlines after it (other than its subtitle) start another one.
pub fn orphan_split(run: &[StackLine<'_>]) -> Option<usize> {
    let heading = |l: &StackLine<'_>| matches!(l, StackLine::Heading(_));
    let byline = run.iter().position(|l| matches!(l, StackLine::Byline(_)))?;
    if !run[..byline].iter().any(heading) {
        return None;
    }
    let subtitles = run[byline + 1..]
        .iter()
        .take_while(|l| {
            matches!(l, StackLine::Heading(h) if rules::is_interview_subtitle(h) || rules::is_dash_subtitle(h))
        })
        .count();
    let split = byline + 1 + subtitles;
    run[split..]
        .iter()
        .any(|l| matches!(l, StackLine::Heading(h) if !rules::is_subhead_word(h)))
        .then_some(split)
}

/// What a line that belongs to the page rather than an article is.
pub fn page_line_kind(text: &str, page_top: bool) -> PageLineKind {
    if rules::is_page_credit(text) {
        PageLineKind::Credit
    } else if rules::is_banner_like(text) {
        PageLineKind::Banner
    } else if rules::is_column_like(text) {
        PageLineKind::Column
    } else if page_top && rules::is_heading_like(text) {
        PageLineKind::Theme
    } else {
        PageLineKind::Other
    }
}

fn append(field: &mut Option<String>, text: &str) {
    match field {
        Some(f) => {
            f.push(' ');
            f.push_str(text);
        }
        None => *field = Some(text.to_owned()),
    }
}

#[cfg(test)]
mod tests;
