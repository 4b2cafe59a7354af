//! What a single line of a page is, judged the way a Chinese paper is set: headlines and
//! subheads carry no clause punctuation (a space stands where a comma would), body text
//! does; bylines, photo credits and staff credits have their own fixed shapes.
//!
//! Every predicate looks at a bounded prefix or suffix, or gives up after a few dozen
//! characters, so a 20 MB line costs no more than reading it once.

/// The longest line that can still be a headline (kicker, title, subtitle), in chars.
pub const HEADING_MAX: usize = 36;
/// The longest single line taken as an in-article subhead rather than a new headline.
pub const SUBHEAD_MAX: usize = 16;
/// The longest line standing alone (no kicker, no dateline after it) that is taken as a
/// headline inside a page; longer, it is body text that happens to hold no comma.
pub const LONE_TITLE_MAX: usize = 24;
/// The longest byline or credit line, in chars.
const CREDIT_MAX: usize = 40;

/// Spaces that may stand between names or headline phrases.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// Marks that end a sentence (or a paragraph that introduces a list: `：`).
fn is_final_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '⋯' | '．' | '.' | '：' | ':' | '｡'
    )
}

/// Closing quotes and brackets that may follow a final mark (`。”`, `？）`).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '〕' | '"' | '\'' | '］' | ']'
    )
}

/// Whether a block ends a sentence, so the next block starts a new paragraph.
/// A block ending mid-sentence was cut where a printed column broke.
pub fn ends_sentence(text: &str) -> bool {
    let mut rev = text.trim_end_matches(is_space).chars().rev();
    let Some(last) = rev.next() else {
        return true;
    };
    if is_final_mark(last) {
        return true;
    }
    if !is_closer(last) {
        return false;
    }
    // A bracketed note closes a paragraph (`（完）`, `(记者 某某)`); a quote closes it
    // only after a final mark inside it.
    if matches!(last, '）' | ')' | '】' | '〕' | '］' | ']') {
        return true;
    }
    for c in rev.take(4) {
        if is_final_mark(c) {
            return true;
        }
        if !is_closer(c) {
            return false;
        }
    }
    false
}

/// Clause and sentence punctuation that headlines do without. A comma or full stop
/// between two digits (`1,000`, `1.032`) does not count.
pub fn has_body_punctuation(text: &str) -> bool {
    let chars: Vec<char> = text.chars().take(HEADING_MAX + 2).collect();
    let last = chars.len().saturating_sub(1);
    chars.iter().enumerate().any(|(i, &c)| match c {
        '，' | '；' | '。' | ';' => true,
        ',' | '.' => {
            let digit = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
            };
            !(digit(i.checked_sub(1)) && digit(Some(i + 1)))
        }
        // A headline may end with a question or exclamation, but not carry one inside.
        '！' | '？' | '!' | '?' => {
            i < last
                && !chars[i + 1..]
                    .iter()
                    .all(|&d| is_closer(d) || is_final_mark(d))
        }
        _ => false,
    })
}

/// Whether `text` has at most `max` chars (without counting a long line through).
pub fn at_most(text: &str, max: usize) -> bool {
    // A char takes one to four bytes: most lines are decided by their length alone.
    if text.len() <= max {
        return true;
    }
    if text.len() > max.saturating_mul(4) {
        return false;
    }
    // Count chars as the bytes that start one: a tight loop over at most `4 * max` bytes.
    text.bytes().filter(|&b| (b as i8) >= -0x40).count() <= max
}

/// A line shaped like a headline, kicker, subtitle, subhead, label or banner: short and
/// free of clause punctuation, and not a bracketed note such as `（完）`.
pub fn is_heading_like(text: &str) -> bool {
    if !at_most(text, HEADING_MAX) || has_body_punctuation(text) {
        return false;
    }
    // A bracketed note (`（完）`, `（上接第一版）`) is text; a bracketed series mark
    // under a headline (`（上）`, `（之一）`) is not.
    let bracketed = (text.starts_with('（') && text.ends_with('）'))
        || (text.starts_with('(') && text.ends_with(')'));
    !bracketed || is_series_mark(text)
}

/// The longest line an indented page may set unindented as a headline, in chars.
pub const LONG_HEADING_MAX: usize = 64;

/// A line that may be a headline where the layout says so (unindented on a page whose
/// paragraphs are indented): clause punctuation allowed (`江苏苏州：早餐升级，热！`), but
/// not longer than two printed lines and not closed by a full stop.
pub fn is_long_heading_like(text: &str) -> bool {
    at_most(text, LONG_HEADING_MAX)
        && !text
            .trim_end_matches(is_closer)
            .ends_with(['。', '；', ';', '，', ','])
}

/// A note naming where figures come from: `数据来源：…`, `资料来源：…`.
pub fn is_source_note(text: &str) -> bool {
    let folded = crate::import::script::fold_head(text, 24);
    let folded_head = &*folded;
    let head = &folded_head[..folded_head
        .char_indices()
        .nth(6)
        .map_or(folded_head.len(), |(i, _)| i)];
    head.contains("来源：")
        || head.contains("来源:")
        || (at_most(text, 80)
            && (text.contains('@') || text.contains("http") || text.contains("www.")))
}

/// Roles that open a byline or a photo credit.
const ROLES: [&str; 12] = [
    "特约记者",
    "见习记者",
    "记者",
    "通讯员",
    "实习生",
    "特约撰稿人",
    "撰稿人",
    "撰稿",
    "撰文",
    "评论员",
    "文/",
    "文／",
];

fn strip_role(token: &str) -> Option<&str> {
    // `本报通讯员`: a short source may stand before the role inside the token.
    role_at(token, 6).map(|(at, len)| &token[at + len..])
}

/// Where the first role starts (byte offset and length), after at most `source` Han
/// characters: a scan of a few starts rather than a search of the whole line.
fn role_at(text: &str, source: usize) -> Option<(usize, usize)> {
    for (n, (i, c)) in text.char_indices().enumerate() {
        if let Some(r) = ROLES.iter().find(|r| text[i..].starts_with(**r)) {
            return Some((i, r.len()));
        }
        if n >= source || !is_han(c) {
            return None;
        }
    }
    None
}

/// A personal name as bylines print it: two to five Han characters (a middle dot for
/// transliterated names), or a Latin name.
pub(super) fn is_name(token: &str) -> bool {
    let n = token.chars().count();
    let han = token.chars().all(|c| is_han(c) || c == '·' || c == '•');
    let latin = token
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-');
    let dotted = token.contains(['·', '•']);
    // A transliterated name runs long: `莫瓦西尔·德奥利韦拉·菲略`.
    (han && (2..=4).contains(&n)) || (han && dotted && n <= 16) || (latin && (2..=20).contains(&n))
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// `role names…` with an optional source before the role: `河北日报记者 单厚军 王永晨`,
/// `本报记者张三`, `记者 甲乙、丙丁 通讯员 戊己`. Names may be separated by ordinary,
/// full-width or no-break spaces, `、` or `/`.
fn is_role_and_names(text: &str) -> bool {
    let Some((pos, _)) = role_at(text, 10) else {
        return false;
    };
    let source = &text[..pos];
    let mut names = 0;
    let mut tokens = Vec::new();
    for token in
        text[pos..].split(|c: char| is_space(c) || matches!(c, '、' | '/' | '／' | '，' | ','))
    {
        // `报导`: the Taiwan form of `报道`, once folded.
        if token.is_empty() || token == "报道" || token == "报导" {
            continue;
        }
        let rest = strip_role(token).unwrap_or(token);
        let rest = rest
            .strip_suffix("报道")
            .or_else(|| rest.strip_suffix("报导"))
            .unwrap_or(rest);
        if !rest.is_empty() {
            tokens.push(rest);
        }
    }
    for name in padded_names(&tokens) {
        if !is_name(&name) {
            return false;
        }
        names += 1;
    }
    // `本报评论员`, `新华社评论员`: the desk signs, not a person.
    let desk = text[pos..].trim_end_matches(is_space);
    names > 0 || (!source.is_empty() && (desk == "评论员" || desk == "记者"))
}

/// Names as tokens, with a name padded to width by spaces (`李　蕊`, `常  钦`) put back
/// together: runs of single Han characters join, two at a time or three when the run is
/// three long.
pub(super) fn padded_names(tokens: &[&str]) -> Vec<String> {
    let single = |t: &str| t.chars().count() == 1 && t.chars().all(is_han);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..].iter().take_while(|t| single(t)).count();
        if run == 0 {
            out.push(tokens[i].to_owned());
            i += 1;
            continue;
        }
        let mut left = run;
        while left > 0 {
            let take = if left == 3 || left == 1 { left } else { 2 };
            out.push(tokens[i..i + take].concat());
            i += take;
            left -= take;
        }
    }
    out
}

/// Marks some papers set before a byline or credit: `■本报记者 某某`.
pub fn is_ornament(c: char) -> bool {
    matches!(
        c,
        '■' | '□' | '●' | '○' | '◎' | '▲' | '△' | '★' | '☆' | '◆' | '◇' | '▌' | '▍'
    )
}

fn unbracket(text: &str) -> &str {
    let text = text.trim_start_matches(|c| is_ornament(c) || is_space(c));
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            return inner.trim_matches(is_space);
        }
    }
    text
}

/// A byline on its own line: `河北日报记者 单厚军 王永晨`, `（本报记者 张三）`.
pub fn is_byline(text: &str) -> bool {
    if !at_most(text, CREDIT_MAX) || is_photo_credit(text) {
        return false;
    }
    let folded = crate::import::script::fold(text);
    let text = &*folded;
    let inner = unbracket(text);
    // `文/张三`, `文·图/本报记者 张三`: who wrote (and shot) it.
    let signed = ["文/", "文／", "图/", "图／", "文图/", "文·图/", "文·图／"]
        .iter()
        .find_map(|p| inner.strip_prefix(p));
    match signed {
        Some(rest) => is_role_and_names(rest) || are_names(rest),
        None => is_role_and_names(inner),
    }
}

/// Names alone, separated by spaces or `、`.
fn are_names(text: &str) -> bool {
    let mut tokens = text
        .split(|c: char| is_space(c) || c == '、')
        .filter(|t| !t.is_empty())
        .peekable();
    tokens.peek().is_some() && tokens.all(is_name)
}

/// A photo credit: `河北日报通讯员 苑立伟摄`, `本报记者  某某摄`, `张三 摄`, `某社供图`.
pub fn is_photo_credit(text: &str) -> bool {
    if !at_most(text, CREDIT_MAX) {
        return false;
    }
    let folded = crate::import::script::fold(text);
    let text = &*folded;
    // `王  彪摄（影像中国）`: a column tag may follow the credit.
    let text = match text.rfind('（') {
        Some(at) if at > 0 && text.ends_with('）') && text[..at].ends_with('摄') => &text[..at],
        _ => text,
    };
    let inner = unbracket(text);
    let agency = inner
        .strip_suffix('发')
        .filter(|w| w.contains('社') || w.contains("记者"));
    let shot = ["摄影报道", "摄影", "摄"]
        .iter()
        .find_map(|end| inner.strip_suffix(end));
    let Some(who) = shot.or(inner.strip_suffix("供图")).or(agency) else {
        return false;
    };
    let spaced = who.ends_with(|c: char| is_space(c) || c == '/' || c == '／');
    let who = who.trim_end_matches(|c: char| is_space(c) || c == '/' || c == '／');
    if who.is_empty() || has_body_punctuation(who) {
        return false;
    }
    if is_role_and_names(who) {
        return true;
    }
    // A bare name before 摄 is a person's (two or three characters, or set apart by a
    // space), so a headline like `春日随手摄` is not taken for a credit.
    let personal = |t: &str| is_name(t) && (spaced || (!at_most(t, 1) && at_most(t, 3)));
    if shot.is_some() {
        let tokens: Vec<&str> = who
            .split(|c: char| is_space(c) || c == '、')
            .filter(|t| !t.is_empty())
            .collect();
        let names = padded_names(&tokens);
        !names.is_empty() && names.iter().all(|n| personal(n))
    } else {
        are_names(who)
    }
}

/// Staff credits for the page: `本版责编：某某`, `版式设计：某某`, `责任编辑 某某`.
pub fn is_page_credit(text: &str) -> bool {
    const JOBS: [&str; 16] = [
        "责任编辑",
        "责编",
        "图片编辑",
        "编辑",
        "版式设计",
        "版式",
        "美编",
        "美术编辑",
        "设计",
        "校对",
        "制图",
        "组版",
        "审校",
        "监制",
        "主编",
        "统筹",
    ];
    // The job opens the line: its first dozen characters, read in either script.
    let folded = crate::import::script::fold_head(text, 60);
    let t = unbracket(&folded);
    // `本版责编`, `一版责编`, `12版责编`: the page's own staff, or the issue's.
    let page = t
        .char_indices()
        .take(4)
        .find(|&(_, c)| c == '版')
        .filter(|&(i, _)| {
            i > 0
                && t[..i]
                    .chars()
                    .all(|c| c == '本' || c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let t = &t[page..];
    JOBS.iter().any(|job| {
        t.strip_prefix(job)
            .is_some_and(|rest| rest.starts_with(['：', ':']) || rest.starts_with(is_space))
    }) && at_most(text, 400)
        && !text.contains('。')
}

/// A line of the page's furniture rather than of any article: the source line some
/// dumps put after each story (`《人民日报》（2024年03月08日 01版）`), or a page header
/// giving the date or page (`2024年3月8日 星期五`, `第04版：要闻`).
pub fn is_page_furniture(text: &str) -> bool {
    if !at_most(text, 40) {
        return false;
    }
    let source_line = text.starts_with('《') && (text.ends_with("版）") || text.ends_with("版)"));
    let page_no = text.strip_prefix('第').is_some_and(|t| {
        let d = t.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
        d.len() < t.len() && d.starts_with('版')
    });
    source_line || page_no || is_mostly_date(text)
}

/// `2024年3月8日 星期五`: a date (and weekday) with little else.
fn is_mostly_date(text: &str) -> bool {
    let weekday = text.contains("星期") || text.contains("周一") || text.contains("周日");
    let (mut digits, mut marks) = (0, 0);
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if matches!(c, '年' | '月' | '日') {
            marks += 1;
        }
    }
    let rest = text
        .chars()
        .filter(|&c| !c.is_ascii_digit() && !is_space(c))
        .count()
        - marks;
    (marks == 3 && digits >= 4 && rest <= 8) || (weekday && rest <= 6)
}

/// A column label (栏目): two to six Han characters, perhaps joined by a middle dot.
pub fn is_column_like(text: &str) -> bool {
    let n = text.chars().count();
    (2..=6).contains(&n) && text.chars().all(|c| is_han(c) || c == '·')
}

/// A line that can label a column when it stands above a kicker: up to eight Han
/// characters, no spaces (`乡村振兴大家谈`).
pub fn is_label_like(text: &str) -> bool {
    let n = text.chars().count();
    (2..=8).contains(&n) && text.chars().all(|c| is_han(c) || c == '·')
}

/// A series banner: a short line of phrases set apart by spaces or a middle dot,
/// e.g. `抓落实 见行动`.
pub fn is_banner_like(text: &str) -> bool {
    at_most(text, 12)
        && text.chars().any(|c| is_space(c) || c == '·')
        && !has_body_punctuation(text)
}

/// Words that head a section inside a story rather than a story.
const SUBHEAD_WORDS: [&str; 16] = [
    "核心阅读",
    "阅读提示",
    "导读",
    "编者按",
    "相关链接",
    "链接",
    "背景链接",
    "新闻链接",
    "记者手记",
    "延伸阅读",
    "短评",
    "小贴士",
    "新闻背景",
    "名词解释",
    "记者观察",
    "专家点评",
];

/// A fixed in-story heading such as `核心阅读`.
pub fn is_subhead_word(text: &str) -> bool {
    at_most(text, 8) && SUBHEAD_WORDS.contains(&&*crate::import::script::fold(text))
}

/// A numbered section heading: `一、…`, `（二）…`, `3.…`.
pub fn is_numbered_heading(text: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let t = text.strip_prefix(['（', '(']).unwrap_or(text);
    let digits = t
        .chars()
        .take_while(|&c| NUMERALS.contains(c) || c.is_ascii_digit())
        .count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let mut rest = t.chars().skip(digits);
    let (after, then) = (rest.next(), rest.next());
    // `1.3万余家…` opens on a figure, not a number.
    let decimal = matches!(after, Some('．' | '.')) && then.is_some_and(|c| c.is_ascii_digit());
    matches!(after, Some('、' | '）' | ')' | '．' | '.')) && !decimal
}

/// An interview subtitle: `访那台市市长宋华英`.
pub fn is_interview_subtitle(text: &str) -> bool {
    text.starts_with('访') && at_most(text, 24)
}

/// A series mark under a headline: `（上）`, `（之一）`.
pub fn is_series_mark(text: &str) -> bool {
    let inner = text
        .strip_prefix('（')
        .and_then(|t| t.strip_suffix('）'))
        .or_else(|| text.strip_prefix('(').and_then(|t| t.strip_suffix(')')));
    inner.is_some_and(|i| !i.is_empty() && at_most(i, 2) && i != "完")
}

/// A subtitle set under the headline: `——…`.
pub fn is_dash_subtitle(text: &str) -> bool {
    text.starts_with(['—', '⸺', '─', '－']) || text.starts_with("--")
}

#[cfg(test)]
mod tests;
