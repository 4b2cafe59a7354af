//! What the reader's prompts mean: a paper named by its slug, its name or its pinyin
//! initials (`rmrb` for 人民日报, through `ib-matcher`); dates typed as `2023-07-03`,
//! `20230703`, `0703` or `07-03`; search filters typed before a colon (`rmrb 2023-07: 农业`).

use ib_matcher::matcher::{IbMatcher, PinyinMatchConfig};
use ib_matcher::pinyin::PinyinNotation;

use crate::library::IssueInfo;

/// A paper on the shelf: its slug, its one name, and every name its issues came under
/// (a folder `rmrb` and the 人民日报 feed are one paper).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub slug: String,
    pub name: String,
    pub names: Vec<String>,
}

impl Paper {
    pub fn new(slug: &str, name: &str) -> Paper {
        Paper {
            slug: slug.into(),
            name: name.into(),
            names: vec![name.into()],
        }
    }
}

/// The name a catalogue of known papers gives `slug`. Hook for the e-paper catalogue
/// (`src/epaper/`, being written): until it is merged, only the shelf's own names count.
fn catalogue_name(_slug: &str) -> Option<String> {
    None
}

/// The one name of the paper `slug` among the names its issues came under: a known
/// paper's name first (the catalogue's, else a Han name whose slug is this one, as a
/// feed or `paper.json` names it), then any name other than the bare slug.
pub fn one_name(slug: &str, names: &[String]) -> String {
    let han = |n: &&String| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    catalogue_name(slug)
        .or_else(|| {
            let known = |n: &&String| han(n) && crate::import::place::slugify(n) == slug;
            names.iter().find(known).cloned()
        })
        .or_else(|| names.iter().find(han).cloned())
        .or_else(|| names.iter().find(|n| !n.eq_ignore_ascii_case(slug)).cloned())
        .or_else(|| names.first().cloned())
        .unwrap_or_else(|| slug.to_string())
}

/// The papers on the shelf, each once, in the catalogue's order, each with its one name.
pub fn papers(issues: &[IssueInfo]) -> Vec<Paper> {
    let mut out: Vec<Paper> = Vec::new();
    for i in issues {
        match out.iter_mut().find(|p| p.slug == i.key.slug) {
            Some(p) if !p.names.contains(&i.paper) => p.names.push(i.paper.clone()),
            Some(_) => {}
            None => out.push(Paper::new(&i.key.slug, &i.paper)),
        }
    }
    for p in &mut out {
        p.name = one_name(&p.slug, &p.names);
    }
    out
}

/// Give every issue its paper's one name (what the list, the status line and bookmarks
/// show).
pub fn name_papers(issues: &mut [IssueInfo]) {
    let papers = papers(issues);
    for i in issues {
        if let Some(p) = papers.iter().find(|p| p.slug == i.key.slug) {
            i.paper.clone_from(&p.name);
        }
    }
}

/// The paper `word` names: its slug or one of its names exactly, then a name holding it,
/// then a name whose pinyin (initials or full) matches it, then a slug starting with it.
pub fn match_paper<'a>(papers: &'a [Paper], word: &str) -> Option<&'a Paper> {
    let w = word.trim().to_lowercase();
    if w.is_empty() {
        return None;
    }
    let names = |p: &'a Paper| std::iter::once(&p.name).chain(&p.names);
    let exact = |p: &&'a Paper| {
        p.slug.eq_ignore_ascii_case(&w) || names(p).any(|n| n == word.trim())
    };
    let within = |p: &&'a Paper| names(p).any(|n| n.contains(word.trim()));
    let pinyin = |p: &&'a Paper| {
        w.chars().all(|c| c.is_ascii_alphabetic())
            && names(p).any(|n| {
                IbMatcher::builder(w.as_str())
                    .pinyin(PinyinMatchConfig::notations(
                        PinyinNotation::Ascii | PinyinNotation::AsciiFirstLetter,
                    ))
                    .build()
                    .is_match(n.as_str())
            })
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
        vec![Paper::new("hebei-daily", "河北日报"), Paper::new("renmin", "人民日报")]
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

    #[test]
    fn a_paper_has_one_name_and_is_found_by_any() {
        let info = |slug: &str, paper: &str| IssueInfo {
            key: crate::library::IssueKey {
                slug: slug.into(),
                date: "2023-07-03".into(),
            },
            paper: paper.into(),
            ..Default::default()
        };
        // A folder `rmrb` and the 人民日报 feed share the slug: one paper, 人民日报.
        let mut issues = vec![info("rmrb", "rmrb"), info("rmrb", "人民日报"), info("zb", "zb")];
        let p = papers(&issues);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].name.as_str(), &p[0].names[..]), ("人民日报", &["rmrb".to_string(), "人民日报".into()][..]));
        assert_eq!(p[1].name, "zb");
        for word in ["rmrb", "人民日报", "人民", "renminribao"] {
            assert_eq!(match_paper(&p, word).map(|p| p.slug.as_str()), Some("rmrb"), "{word}");
        }
        name_papers(&mut issues);
        let names: Vec<&str> = issues.iter().map(|i| i.paper.as_str()).collect();
        assert_eq!(names, ["人民日报", "人民日报", "zb"]);
        // A Han name that is this slug's paper wins over another Han name.
        let names = ["本报".to_string(), "人民日报".to_string()];
        assert_eq!(one_name("rmrb", &names), "人民日报");
        assert_eq!(one_name("x", &[]), "x");
    }
}
