//! What the reader's prompts mean: a paper named by its slug, its name or its pinyin
//! initials (`rmrb` for 人民日报, through `ib-matcher`); dates typed as `2023-07-03`,
//! `20230703`, `0703` or `07-03`; search filters typed before a colon (`rmrb 2023-07: 农业`).

use ib_matcher::matcher::{IbMatcher, PinyinMatchConfig};
use ib_matcher::pinyin::PinyinNotation;

use crate::library::IssueInfo;

/// A paper on the shelf: its slug and its own name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub slug: String,
    pub name: String,
}

/// The papers on the shelf, each once, in the catalogue's order.
pub fn papers(issues: &[IssueInfo]) -> Vec<Paper> {
    let mut out: Vec<Paper> = Vec::new();
    for i in issues {
        if !out.iter().any(|p| p.slug == i.key.slug) {
            out.push(Paper {
                slug: i.key.slug.clone(),
                name: i.paper.clone(),
            });
        }
    }
    out
}

/// The paper `word` names: its slug or name exactly, then a name holding it, then a name
/// whose pinyin (initials or full) matches it, then a slug starting with it.
pub fn match_paper<'a>(papers: &'a [Paper], word: &str) -> Option<&'a Paper> {
    let w = word.trim().to_lowercase();
    if w.is_empty() {
        return None;
    }
    let exact = |p: &&Paper| p.slug.eq_ignore_ascii_case(&w) || p.name == word.trim();
    let within = |p: &&Paper| p.name.contains(word.trim());
    let pinyin = |p: &&Paper| {
        w.chars().all(|c| c.is_ascii_alphabetic())
            && IbMatcher::builder(w.as_str())
                .pinyin(PinyinMatchConfig::notations(
                    PinyinNotation::Ascii | PinyinNotation::AsciiFirstLetter,
                ))
                .build()
                .is_match(p.name.as_str())
    };
    let prefix = |p: &&Paper| p.slug.to_lowercase().starts_with(&w);
    papers
        .iter()
        .find(exact)
        .or_else(|| papers.iter().find(within))
        .or_else(|| papers.iter().find(pinyin))
        .or_else(|| papers.iter().find(prefix))
}

/// A date as typed: a whole date, or a month and day of a year not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedDate {
    pub year: Option<u32>,
    pub month: u32,
    pub day: u32,
}

impl TypedDate {
    /// `YYYY-MM-DD`, with `year` filling a year not typed.
    pub fn with_year(self, year: u32) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.year.unwrap_or(year),
            self.month,
            self.day
        )
    }
}

/// `2023-07-03`, `2023/7/3`, `20230703`, `07-03`, `7-3`, `0703`.
pub fn parse_date(word: &str) -> Option<TypedDate> {
    let w = word.trim();
    let nums: Vec<&str> = w.split(['-', '/', '.']).collect();
    let num = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let (year, month, day) = match nums.as_slice() {
        [y, m, d] if y.len() == 4 => (Some(num(y)?), num(m)?, num(d)?),
        [m, d] if m.len() <= 2 && d.len() <= 2 => (None, num(m)?, num(d)?),
        [s] if s.len() == 8 => (Some(num(&s[..4])?), num(&s[4..6])?, num(&s[6..])?),
        [s] if s.len() == 4 && num(s)? > 100 => (None, num(&s[..2])?, num(&s[2..])?),
        _ => return None,
    };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(TypedDate { year, month, day })
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, to measure how near two dates are.
pub fn day_number(date: &str) -> Option<i64> {
    let mut p = date.split('-').map(|s| s.parse::<i64>().ok());
    let (y, m, d) = (p.next()??, p.next()??, p.next()??);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// A date range filter: `2023`, `2023-07`, `2023-07-03`, or two of them joined by `..`
/// (either side may be left open), by the one grammar of [`crate::text::date`]; `None`
/// for anything else, impossible dates included. Returns (from, to), inclusive.
pub fn parse_range(word: &str) -> Option<(Option<String>, Option<String>)> {
    let r = crate::text::date::parse_range(word).ok()?;
    Some((r.from_str(), r.to_str()))
}

/// A search line split into its filters and the text to find.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchLine {
    pub text: String,
    pub paper: Option<Paper>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// `rmrb 2023-07: 农业` → paper 人民日报, July 2023, text `农业`. The part before the
/// first ASCII `:` is read as filters only when every word of it is a paper or a date
/// range; otherwise the whole line is the text (so `责编:` searches for itself).
pub fn parse_search(line: &str, papers: &[Paper]) -> SearchLine {
    let plain = SearchLine {
        text: line.to_string(),
        ..Default::default()
    };
    let Some((head, text)) = line.split_once(':') else {
        return plain;
    };
    let mut out = SearchLine {
        text: text.trim_start().to_string(),
        ..Default::default()
    };
    for word in head.split_whitespace() {
        if let Some((from, to)) = parse_range(word) {
            out.from = from.or(out.from);
            out.to = to.or(out.to);
        } else if let Some(p) = match_paper(papers, word) {
            out.paper = Some(p.clone());
        } else {
            return plain;
        }
    }
    if head.trim().is_empty() {
        return plain;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shelf() -> Vec<Paper> {
        vec![
            Paper {
                slug: "hebei-daily".into(),
                name: "河北日报".into(),
            },
            Paper {
                slug: "renmin".into(),
                name: "人民日报".into(),
            },
        ]
    }

    #[test]
    fn papers_by_slug_name_and_pinyin_initials() {
        let p = shelf();
        let slug = |w: &str| match_paper(&p, w).map(|p| p.slug.as_str());
        assert_eq!(slug("rmrb"), Some("renmin"));
        assert_eq!(slug("RMRB"), Some("renmin"));
        assert_eq!(slug("hbrb"), Some("hebei-daily"));
        assert_eq!(slug("人民日报"), Some("renmin"));
        assert_eq!(slug("人民"), Some("renmin"));
        assert_eq!(slug("renminribao"), Some("renmin"));
        assert_eq!(slug("hebei"), Some("hebei-daily"));
        assert_eq!(slug("xyz"), None);
        assert_eq!(slug(""), None);
    }

    #[test]
    fn dates_as_typed() {
        let d = |w: &str| parse_date(w).map(|d| d.with_year(2022));
        assert_eq!(d("2023-07-03").as_deref(), Some("2023-07-03"));
        assert_eq!(d("2023/7/3").as_deref(), Some("2023-07-03"));
        assert_eq!(d("20230703").as_deref(), Some("2023-07-03"));
        assert_eq!(d("0703").as_deref(), Some("2022-07-03"));
        assert_eq!(d("7-3").as_deref(), Some("2022-07-03"));
        assert_eq!(d("1399"), None);
        assert_eq!(d("2023"), None);
        assert_eq!(d("rmrb"), None);
        assert_eq!(d("2023-02-31x"), None);
    }

    #[test]
    fn day_numbers_measure_distance() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        let a = day_number("2023-03-01").unwrap();
        assert_eq!(a - day_number("2023-02-28").unwrap(), 1);
    }

    #[test]
    fn search_filters_before_a_colon() {
        let p = shelf();
        let s = parse_search("rmrb 2023-07: 农业", &p);
        assert_eq!(s.text, "农业");
        assert_eq!(s.paper.unwrap().slug, "renmin");
        assert_eq!(s.from.as_deref(), Some("2023-07-01"));
        assert_eq!(s.to.as_deref(), Some("2023-07-31"));
        let s = parse_search("2022..2023-06:乡村", &p);
        assert_eq!(
            (s.from.as_deref(), s.to.as_deref()),
            (Some("2022-01-01"), Some("2023-06-30"))
        );
        // Not filters: the whole line is the text.
        assert_eq!(parse_search("本版责编:李", &p).text, "本版责编:李");
        assert_eq!(parse_search(":农业", &p).text, ":农业");
        assert_eq!(parse_search("农业", &p).text, "农业");
        assert_eq!(parse_search("..:x", &p).text, "..:x");
        assert_eq!(parse_search("2023-02-31:x", &p).text, "2023-02-31:x");
    }
}
