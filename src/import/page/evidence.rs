//! Whether a run of headline-shaped lines in the middle of a page starts a new article
//! or stays inside the current one (in-text subheads, a package's sub-stories), weighed
//! from evidence that holds across papers rather than decided by the first rule that
//! fires:
//!
//! - for a new article: a byline under the run, a dateline opening the body, a column
//!   tag closing a line (`（今日谈）`), a kicker ending in `——` or a subtitle opening with
//!   it, the story before closed by its credit (`（本报记者 …）`, `…摄`), a photo caption
//!   and credit following, a long line with no clause marks (two printed lines joined);
//! - against: numbered or stock subhead words (`一、`, `核心阅读`), a short line, the
//!   story before still inside a package its editor's note opened (there a byline
//!   signs a sub-story, not a new article).

use super::draft::Draft;
use super::{rules, signature};
use crate::model::ParagraphKind;

/// What is known about a run of headline lines and its surroundings.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    /// The headline-shaped lines of the run, in order.
    pub headings: &'a [&'a str],
    /// A byline stands in the run.
    pub byline: bool,
    /// That byline is a name alone or with a post (`吕忠梅`, `某大学教授  某某`): a
    /// columnist's signature rather than a reporter's.
    pub signed: bool,
    /// The first body block after the run.
    pub next: &'a str,
    /// A short caption closed by a photo credit follows.
    pub photo: bool,
    /// The body after the run closes on a dateline in brackets (`（新华社北京5月2日电）`)
    /// before the next headline.
    pub closing_dateline_ahead: bool,
    /// The page stacks a place over a headline three times or more with no byline or
    /// dateline: the sections of a roundup from several places, not stories.
    pub place_sections: bool,
}

/// The score from which a run starts an article.
pub const THRESHOLD: i32 = 3;

/// How strongly the run starts a new article after `current` (positive: it does).
pub fn new_article_score(run: &Run<'_>, current: &Draft, in_package: bool) -> i32 {
    surroundings_score(run, current, in_package)
        + headings_score(run, in_package)
        + lone_line_score(run.headings)
}

/// The evidence around the run: a byline in it, a dateline or a photo under it, the
/// story before closed or dated.
fn surroundings_score(run: &Run<'_>, current: &Draft, in_package: bool) -> i32 {
    let mut score = 0;
    // A digest of speeches (`…发言摘编`) is one article of signed, credited pieces.
    let digest = is_digest(current);
    // Inside a package reporters sign its pieces; a columnist's signature still opens
    // an article of its own.
    if run.byline && !digest && (!in_package || run.signed) {
        score += 3;
    }
    if super::dateline::starts_with_dateline(run.next) {
        score += 3;
    }
    if run.photo {
        score += 3;
    }
    // A contributor's note (`（某某参与采写）`) closes a story, but inside a package
    // each sub-story carries one.
    let noted = current
        .paras
        .last()
        .is_some_and(|p| is_contributor_note(&p.text));
    if (closed(current) || (noted && !in_package)) && !digest {
        score += 3;
    }
    // A story has one dateline: one closing the text ahead, under a story that has its
    // own already, belongs to another story, which the run heads.
    if run.closing_dateline_ahead && has_dateline(current) {
        score += 3;
    }
    // A dated news report (`本报北京5月4日电…`) seldom has subheads: a headline after
    // one starts the next story.
    // (A line longer than a one-line headline may still be the head of a paragraph a
    // column cut in two.)
    let one_line_headline = run.headings.len() > 1
        || run
            .headings
            .iter()
            .all(|h| rules::at_most(h, rules::LONE_TITLE_MAX));
    if one_line_headline
        && current
            .paras
            .first()
            .is_some_and(|p| super::dateline::starts_with_dateline(&p.text))
    {
        score += 3;
    }
    score
}

/// The evidence of the run's own lines: tags, labels, `——` kickers and subtitles, a
/// place over a headline, spaced display lines; against: a subhead opening the run.
fn headings_score(run: &Run<'_>, in_package: bool) -> i32 {
    let mut score = 0;
    let stacked = run.headings.len() > 1;
    for (i, &h) in run.headings.iter().enumerate() {
        if column_tagged(h) || is_label(h) || is_photo_heading(h) || reports_release(h) {
            score += 3;
        }
        // A lone `——…` line is an epigraph's source or a note's signature, not a stack.
        let kicker = h.ends_with("——") && stacked;
        let subtitle = rules::is_dash_subtitle(h) && i > 0;
        // A kicker and headline, or headline and subtitle, set on one line.
        let glued = super::glued::split(h).is_some();
        if !in_package && (kicker || subtitle || glued) {
            score += 2;
        }
        // A numbered or stock subhead opening the run is the story's; one under a
        // headline opens the first section of the story that headline starts.
        if i == 0 && (rules::is_numbered_heading(h) || rules::is_subhead_word(h)) {
            score -= 3;
        }
    }
    // A kicker naming only where (`河南某县`, `甘肃某地`) over a headline: a news stack.
    if !in_package && !run.place_sections && stacked && is_place_line(run.headings[0]) {
        score += 3;
    }
    // A display headline of phrases set apart by wide spaces over its subtitle.
    let spaced = |h: &str| (h.contains("  ") || h.contains('\u{3000}')) && !rules::at_most(h, 12);
    if !in_package
        && stacked
        && spaced(run.headings[0])
        && !rules::is_dash_subtitle(run.headings[0])
    {
        score += 1;
    }
    score
}

/// The evidence of a run of one line: two printed lines joined by spaces, or longer
/// than a subhead runs, or three spaced phrases.
fn lone_line_score(headings: &[&str]) -> i32 {
    let [only] = headings else {
        return 0;
    };
    let mut score = 0;
    let joined = only.contains("  ") || only.contains('\u{3000}');
    if !rules::at_most(only, 24) && !only.contains('，') {
        score += 2;
    }
    if joined && !rules::at_most(only, 12) {
        score += 1;
    }
    // Three phrases set apart by wide spaces: a display headline, not a subhead.
    if only.split("  ").count() + only.split('\u{3000}').count() >= 4 {
        score += 2;
    }
    score
}

/// Whether a lone line after a paragraph that stopped with no full stop heads a new
/// article rather than going on with that paragraph: it is headline-shaped with no closing
/// stop, and either the paragraph is whole after all (a caption closed by its
/// photographer) or the line and the text after it say a headline on their own (a column
/// tag, a label, a display headline's length or spacing). That a dated story seldom has
/// subheads is no such evidence: the rest of a cut sentence can look like one.
pub fn heads_after_open(run: &Run<'_>, current: &Draft, in_package: bool) -> bool {
    let [line] = run.headings else {
        return false;
    };
    rules::is_heading_like(line)
        && !rules::ends_sentence(line)
        && (closed(current) || new_article_score(run, &Draft::default(), in_package) >= THRESHOLD)
}

/// Whether a signed story headed `某某——` under a story that is only a short unsigned,
/// undated introduction is the first story of a package (组合报道): the introduction
/// heads several signed pieces.
pub fn opens_package(current: &Draft, headings: &[&str]) -> bool {
    let intro = current.has_head()
        && current.byline.is_none()
        && current.credit.is_none()
        && (1..=3).contains(&current.paras.len())
        && current.paras.iter().all(|p| p.kind == ParagraphKind::Text)
        && !current
            .paras
            .first()
            .is_some_and(|p| super::dateline::starts_with_dateline(&p.text));
    // The introduction's epigraph may close with its source (`——摘自…`) over the stack.
    let stack = match headings {
        [source, rest @ ..] if source.starts_with("——") => rest,
        _ => headings,
    };
    intro && stack.len() >= 2 && stack[0].ends_with("——")
}

/// Whether a story's headline announces a digest of several speakers' words
/// (`…发言摘编`, `…摘登`): its pieces, each signed and credited, stay inside it.
pub fn is_digest(d: &Draft) -> bool {
    let heads = [
        d.kicker.as_deref(),
        Some(d.title.as_str()),
        d.subtitle.as_deref(),
    ];
    heads
        .into_iter()
        .flatten()
        .map(crate::import::script::fold)
        .any(|h| h.contains("摘编") || h.contains("摘登"))
}

/// Whether the first paragraph under a byline is a deck printed without a full stop
/// that the page prints again (a lead repeated as a pull quote or a closing line): one
/// clause-marked sentence, whole, so no column cut continues it.
pub fn is_repeated_deck(text: &str, page: &str) -> bool {
    text.contains('，')
        && !text.contains(['。', '？', '！'])
        && rules::at_most(text, 80)
        && page.matches(text).nth(1).is_some()
}

/// How a person's post ends (`副局长`, `研究员`, `教授`, `顾问`).
const POST_ENDS: [&str; 12] = [
    "长", "员", "授", "士", "问", "任", "书记", "主席", "家", "师", "总裁", "代表",
];

/// Whether `line` is a speaker's post and name signing the next piece of a digest
/// (`…发言摘编`): a paragraph of its own, never the end of the one before.
pub fn signs_digest_piece(current: &Draft, line: &str) -> bool {
    is_digest(current) && (signature::is_signature(line) || signature::is_bare_name(line))
}

/// A headline closed by a column tag: `汇聚银发力量（编辑手记）`.
pub fn column_tagged(text: &str) -> bool {
    if !rules::at_most(text, 90) {
        return false;
    }
    let folded = crate::import::script::fold(text);
    let t = folded.trim_end_matches(|c: char| c == '\u{200b}' || rules::is_space(c));
    // `某某（某大学教授）`: a participant's name and post, not a tagged headline.
    let named = t.split_once('（').is_some_and(|(name, post)| {
        let post = post.trim_end_matches('）');
        signature::is_bare_name(name) && POST_ENDS.iter().any(|e| post.ends_with(e))
    });
    t.ends_with('）') && t.contains('（') && !t.starts_with('（') && rules::at_most(t, 80) && !named
}

/// A headline reporting that a document came out: `《某某规划》印发`, `《…报告》发布`.
fn reports_release(text: &str) -> bool {
    const RELEASED: [&str; 7] = ["发布", "印发", "出台", "公布", "施行", "实施", "出版"];
    text.starts_with('《')
        && text.contains('》')
        && rules::at_most(text, rules::HEADING_MAX)
        && RELEASED.iter().any(|r| text.ends_with(r))
}

/// Provinces and regions of China, which open a place name.
const PROVINCES: [&str; 34] = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
];

/// A line naming only a place: a province or region and at most a few characters more
/// (`河南宝丰县`, `甘肃敦煌`), all Han, no space.
pub fn is_place_line(text: &str) -> bool {
    let folded = crate::import::script::fold(text);
    let t = &*folded;
    let n = t.chars().count();
    (2..=8).contains(&n)
        && t.chars().all(rules::is_han)
        && PROVINCES.iter().any(|p| t.starts_with(p))
}

/// The stock headline of a photo feature: `图片报道`, `图片新闻`.
pub fn is_photo_heading(text: &str) -> bool {
    matches!(
        &*crate::import::script::fold_head(text, 16),
        "图片报道" | "图片新闻" | "新闻图片" | "新闻图说" | "图说"
    )
}

/// A column label in lenticular brackets, `【文旅观察】`, which heads an article.
pub fn is_label(text: &str) -> bool {
    text.starts_with('【') && text.ends_with('】') && rules::at_most(text, 20)
}

/// Whether a story is finished: credited, or its last paragraph is a closing credit.
pub fn closed(d: &Draft) -> bool {
    // A credited photo is complete; a long story may hold a credited picture and go on.
    // A dateline in brackets closes its story as a credit does.
    (d.credit.is_some() && d.paras.len() <= 3)
        || d.paras.last().is_some_and(|p| {
            is_closing_credit(&p.text)
                || ends_with_photo_credit(&p.text)
                || is_closing_dateline(&p.text)
        })
}

/// A note in brackets naming who helped report the story: `（某某参与采写）`.
fn is_contributor_note(text: &str) -> bool {
    let bracketed = text.starts_with(['（', '(']) && text.ends_with(['）', ')']);
    bracketed && rules::at_most(text, 30) && crate::import::script::fold(text).contains("采写")
}

/// A dateline alone in brackets: `（新华社北京5月2日电）`, which closes its story.
pub fn is_closing_dateline(text: &str) -> bool {
    text.starts_with(['（', '(']) && super::dateline::is_lone_dateline(text)
}

/// Whether a story holds a dateline: opening its first paragraph, or closing it.
fn has_dateline(d: &Draft) -> bool {
    d.paras
        .first()
        .is_some_and(|p| super::dateline::starts_with_dateline(&p.text))
        || d.paras.iter().any(|p| is_closing_dateline(&p.text))
}

/// A credit closing a story: `（本报记者 苏雁）`, `（作者：…）`, `（新华社记者 某某）`.
pub fn is_closing_credit(text: &str) -> bool {
    if !rules::at_most(text, 60) {
        return false;
    }
    let folded = crate::import::script::fold(text);
    let text = &*folded;
    let bracketed = (text.starts_with('（') && text.ends_with('）'))
        || (text.starts_with('(') && text.ends_with(')'));
    bracketed
        && rules::at_most(text, 60)
        && (rules::is_byline(text)
            || text.contains("作者")
            || text.contains("记者")
            || text.contains("来源"))
}

/// A caption that ends with its photographer: `…。本报记者  某某摄`, `（某某摄）`.
pub fn ends_with_photo_credit(text: &str) -> bool {
    let t = text.trim_end_matches(['）', ')']);
    t.ends_with(['摄', '攝']) || t.ends_with("供图") || t.ends_with("供圖")
}

/// An editor's note that opens a package: `编者按`, or signed `——编  者`.
pub fn is_editors_note(text: &str) -> bool {
    let squeezed: String = text
        .chars()
        .rev()
        .take(8)
        .filter(|&c| !rules::is_space(c))
        .map(crate::import::script::fold_char)
        .collect();
    crate::import::script::fold_head(text, 9).starts_with("编者按")
        || squeezed.starts_with("者编——")
        || squeezed.starts_with("者编—")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(last: &str) -> Draft {
        let mut d = Draft::default();
        d.push(ParagraphKind::Text, "正文第一段。");
        d.push(ParagraphKind::Text, last);
        d
    }

    fn run<'a>(headings: &'a [&'a str], byline: bool, next: &'a str) -> Run<'a> {
        Run {
            headings,
            byline,
            signed: false,
            next,
            photo: false,
            closing_dateline_ahead: false,
            place_sections: false,
        }
    }

    #[test]
    fn a_short_line_in_a_story_is_not_an_article() {
        let r = run(&["田野课堂培育新农人"], false, "村民们在地头学技术。");
        assert!(new_article_score(&r, &story("又一段。"), false) < THRESHOLD);
    }

    #[test]
    fn a_byline_a_dateline_a_tag_or_a_closed_story_starts_one() {
        let d = story("又一段。");
        let cues = [
            run(&["题目"], true, "正文。"),
            run(&["题目"], false, "本报北京5月4日电  正文。"),
            run(&["题目（今日谈）"], false, "正文。"),
            run(&["【文旅观察】", "题目"], false, "正文。"),
        ];
        for r in cues {
            assert!(new_article_score(&r, &d, false) >= THRESHOLD, "{r:?}");
        }
        // A kicker ending in `——` is weaker alone: two-line subheads take that shape.
        let dashed = run(&["一片树林——", "滩涂上种起“绿存折”"], false, "正文。");
        assert!(new_article_score(&dashed, &d, false) < THRESHOLD);
        let closed = story("（本报记者 甲乙）");
        assert!(new_article_score(&run(&["题目"], false, "正文。"), &closed, false) >= THRESHOLD);
    }

    #[test]
    fn inside_a_package_a_byline_signs_a_sub_story() {
        let r = run(&["某某——", "子题目"], true, "正文。");
        assert!(new_article_score(&r, &story("又一段。"), true) < THRESHOLD);
        assert!(is_editors_note("这是编者的话。\u{3000}——编  者"));
        assert!(is_editors_note("——编  者"));
        assert!(is_editors_note("编者按：今年是……"));
    }
}
