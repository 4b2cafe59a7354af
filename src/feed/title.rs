//! What an item's title and link say: the page and section in front of the headline
//! (`[01版：要闻] `, `04版教科文新闻 - `), a column in `【】` or `（）`, a subtitle opened
//! by ` —— `, and the paper's date in a link, a date line or a feed title.

use super::html::is_blank;

/// A page label and section taken off the front of a title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PagePrefix {
    /// `01`, `A3` (one-digit numbers padded: `4` → `04`).
    pub page: String,
    pub section: Option<String>,
}

/// Split `[01版：要闻] 标题` or `04版教科文新闻 - 标题` into the page and the rest.
pub fn split_page(title: &str) -> (Option<PagePrefix>, &str) {
    let t = title.trim_matches(is_blank);
    let (bracket, inner) = match t.chars().next() {
        Some(c @ ('[' | '【' | '〔')) => (Some(c), &t[c.len_utf8()..]),
        _ => (None, t),
    };
    let inner = inner.strip_prefix('第').unwrap_or(inner);
    let Some((page, after)) = page_label(inner) else {
        return (None, t);
    };
    let Some(after) = after.strip_prefix('版') else {
        return (None, t);
    };
    let after = after.trim_start_matches(['：', ':']);
    let (section, rest) = match bracket {
        Some(open) => {
            let close = match open {
                '[' => ']',
                '【' => '】',
                _ => '〕',
            };
            match after.find(close) {
                Some(i) => (after[..i].trim_start(), &after[i + close.len_utf8()..]),
                None => return (None, t),
            }
        }
        None => match [" - ", " – ", " — ", " | ", "｜", "丨"]
            .iter()
            .filter_map(|sep| after.find(sep).map(|i| (i, sep.len())))
            .min()
        {
            Some((i, len)) => (&after[..i], &after[i + len..]),
            // `01版要闻` alone, a page with no headline after it.
            None => (after, ""),
        },
    };
    let section = section.trim_matches(is_blank);
    let prefix = PagePrefix {
        page,
        section: (!section.is_empty()).then(|| section.to_string()),
    };
    (Some(prefix), rest.trim_matches(is_blank))
}

/// `01`, `4`, `A3`, `B12` at the start of `s`; the label normalised and what follows.
pub fn page_label(s: &str) -> Option<(String, &str)> {
    let letter = s.chars().next().filter(char::is_ascii_uppercase);
    let after_letter = &s[letter.map_or(0, |c| c.len_utf8())..];
    let digits = after_letter.len()
        - after_letter
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let number = &after_letter[..digits];
    let label = match letter {
        Some(l) => format!("{l}{number}"),
        None if digits == 1 => format!("0{number}"),
        None => number.to_string(),
    };
    Some((label, &after_letter[digits..]))
}

/// A headline as the title gives it: `【栏目】` in front is the column, ` —— ` opens the
/// subtitle. Returns (column, headline, subtitle).
pub fn split_headline(title: &str) -> (Option<String>, String, Option<String>) {
    let mut rest = title.trim_matches(is_blank);
    let mut column = None;
    if let Some(inner) = rest.strip_prefix('【')
        && let Some(i) = inner.find('】')
        && !inner[i + '】'.len_utf8()..].trim().is_empty()
    {
        column = Some(inner[..i].trim().to_string());
        rest = inner[i + '】'.len_utf8()..].trim_matches(is_blank);
    }
    // `——` after a space opens the subtitle; one inside a headline (`甲——乙`) does not.
    let dash = rest
        .match_indices("——")
        .find(|(i, _)| rest[..*i].ends_with(is_blank) && !rest[..*i].trim().is_empty());
    match dash {
        Some((i, _)) => (
            column,
            rest[..i].trim_matches(is_blank).to_string(),
            Some(rest[i..].trim_matches(is_blank).to_string()),
        ),
        None => (column, rest.to_string(), None),
    }
}

/// The column in `（）` after a headline: `一个节点一个节点坚守（今日谈）` with headline
/// `一个节点一个节点坚守` gives `今日谈`.
pub fn trailing_column(title: &str, headline: &str) -> Option<String> {
    let rest = title.strip_prefix(headline)?.trim_matches(is_blank);
    let inner = rest.strip_prefix('（')?.strip_suffix('）')?;
    (!inner.is_empty() && inner.chars().count() <= 20).then(|| inner.to_string())
}

/// A date written in text: `2026年08月22日`, `2026-05-05 00:00:00`, `2026/5/5`,
/// `20260427` (the first that is a real date), as `YYYY-MM-DD`.
pub fn date_in_text(text: &str) -> Option<String> {
    let groups = digit_groups(text);
    for (i, g) in groups.iter().enumerate() {
        if g.len() == 8
            && let Some(d) = ymd(&g[..4], &g[4..6], &g[6..])
        {
            return Some(d);
        }
        if g.len() == 6
            && let Some(day) = groups.get(i + 1)
            && let Some(d) = ymd(&g[..4], &g[4..], day)
        {
            return Some(d);
        }
        if g.len() == 4
            && let (Some(m), Some(day)) = (groups.get(i + 1), groups.get(i + 2))
            && let Some(d) = ymd(g, m, day)
        {
            return Some(d);
        }
    }
    None
}

/// The runs of ASCII digits in `text`, in order.
fn digit_groups(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect()
}

/// A plausible newspaper date from year, month and day digits.
fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let ok = (1900..=2200).contains(&y)
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some();
    ok.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The date in a link's path (`…/202608/22/content_1.html`, `…/2026-01/04/nw.…_20260104_4-04.htm`).
pub fn date_in_link(link: &str) -> Option<String> {
    let path = link.split_once("://").map_or(link, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    date_in_text(path)
}

/// The paper's name and date from a feed title: `新华每日电讯 - 20260427`,
/// `人民日报 - 每日全文订阅`, `光明日报`.
pub fn split_feed_title(title: &str) -> (String, Option<String>) {
    let t = title.trim_matches(is_blank);
    let cut = [" - ", " – ", " — ", " | ", "｜", "丨", "_"]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()
        .unwrap_or(t.len());
    let name = t[..cut].trim_matches(is_blank).to_string();
    (name, date_in_text(&t[cut..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_prefixes() {
        let (p, rest) = split_page("[01版：要闻] 贵州主动融入全面开放格局");
        assert_eq!(
            p.map(|p| (p.page, p.section)),
            Some(("01".into(), Some("要闻".into())))
        );
        assert_eq!(rest, "贵州主动融入全面开放格局");
        let (p, rest) = split_page("04版教科文新闻 - 窑火不熄 文化润心");
        assert_eq!(
            p.map(|p| (p.page, p.section)),
            Some(("04".into(), Some("教科文新闻".into())))
        );
        assert_eq!(rest, "窑火不熄 文化润心");
        let (p, rest) = split_page("4版 - 标题");
        assert_eq!(p.map(|p| (p.page, p.section)), Some(("04".into(), None)));
        assert_eq!(rest, "标题");
        let (p, rest) = split_page("2026年首个超级月亮现身天宇");
        assert!(p.is_none());
        assert_eq!(rest, "2026年首个超级月亮现身天宇");
        assert!(split_page("[A3版] 题").0.is_some_and(|p| p.page == "A3"));
    }

    #[test]
    fn headline_column_and_subtitle() {
        assert_eq!(
            split_headline("【大美中国】假日时光"),
            (Some("大美中国".into()), "假日时光".into(), None)
        );
        assert_eq!(
            split_headline("主题 —— 副题在此"),
            (None, "主题".into(), Some("—— 副题在此".into()))
        );
        assert_eq!(split_headline("甲——乙").1, "甲——乙");
        assert_eq!(
            trailing_column("一个节点一个节点坚守（今日谈）", "一个节点一个节点坚守"),
            Some("今日谈".into())
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            date_in_text("2026年08月22日").as_deref(),
            Some("2026-08-22")
        );
        assert_eq!(
            date_in_text("2026-05-05 00:00:00:0").as_deref(),
            Some("2026-05-05")
        );
        assert_eq!(
            date_in_link(
                "https://paper.people.com.cn/rmrb/pc/content/202608/22/content_30176459.html"
            )
            .as_deref(),
            Some("2026-08-22")
        );
        assert_eq!(
            date_in_link(
                "https://epaper.gmw.cn/gmrb/html/2026-01/04/nw.D110000gmrb_20260104_4-04.htm"
            )
            .as_deref(),
            Some("2026-01-04")
        );
        assert_eq!(date_in_link("https://example.com/a/b.html"), None);
        assert_eq!(
            split_feed_title("新华每日电讯 - 20260427"),
            ("新华每日电讯".into(), Some("2026-04-27".into()))
        );
        assert_eq!(split_feed_title("人民日报 - 每日全文订阅").0, "人民日报");
    }
}
