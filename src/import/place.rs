//! Where a page file sits in a tree: its paper (folder or `paper.json`), issue date
//! (folder or `issue.json`) and page number (file name: `01.txt`, `A3.txt`, `14 版.txt`),
//! and the ASCII slug ids are built from.

use std::path::Path;

use serde::Deserialize;

use super::{ImportError, decode};

/// Where a page file sits: its paper, issue date and page number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePlace {
    pub paper: String,
    pub slug: String,
    pub date: String,
    pub number: String,
}

#[derive(Deserialize)]
struct IssueMeta {
    paper: Option<String>,
    date: Option<String>,
    slug: Option<String>,
}

#[derive(Deserialize)]
struct PaperMeta {
    name: Option<String>,
    slug: Option<String>,
}

fn read_meta<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, ImportError> {
    // Metadata is small: a bounded read of a regular file, or nothing.
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| {
        use std::io::Read;
        f.take(1 << 20).read_to_end(&mut bytes)
    });
    if read.is_err() {
        return Ok(None);
    }
    let text = decode::decode(&bytes).map_err(|what| ImportError::new(path, what.to_string()))?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| ImportError::new(path, format!("bad metadata ({e})")))
}

impl PagePlace {
    pub fn of(path: &Path) -> Result<PagePlace, ImportError> {
        let stem = file_name(path.file_stem());
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let folder_abs = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        let folder_name = file_name(folder_abs.file_name());
        let issue: Option<IssueMeta> = read_meta(&folder.join("issue.json"))?;
        let dated_folder = looks_like_date(&folder_name);
        let paper_dir = folder_abs.parent().map(Path::to_path_buf);
        let paper_meta: Option<PaperMeta> = match &paper_dir {
            Some(dir) if issue.is_some() || dated_folder => read_meta(&dir.join("paper.json"))?,
            _ => None,
        };
        let clean = |s: String| super::clean::clean(&s).trim().to_owned();
        if issue.is_some() || dated_folder {
            let paper_folder = file_name(paper_dir.as_deref().and_then(Path::file_name));
            let issue = issue.unwrap_or(IssueMeta {
                paper: None,
                date: None,
                slug: None,
            });
            let paper_meta = paper_meta.unwrap_or(PaperMeta {
                name: None,
                slug: None,
            });
            let paper = issue
                .paper
                .or(paper_meta.name)
                .map(clean)
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| paper_folder.clone());
            let slug = issue
                .slug
                .or(paper_meta.slug)
                .map(|s| slugify(&s))
                .or_else(|| (!paper_folder.is_empty()).then(|| slugify(&paper_folder)))
                .unwrap_or_else(|| slugify(&paper));
            let date = issue.date.map(clean).unwrap_or_else(|| {
                if dated_folder {
                    folder_name.clone()
                } else {
                    String::new()
                }
            });
            let number = page_number(&stem).unwrap_or(stem);
            return Ok(PagePlace {
                paper,
                slug,
                date,
                number,
            });
        }
        Ok(PagePlace::undated(stem, folder_name))
    }

    /// A page outside a dated folder: its file name names paper, date and page; else
    /// it is a page (`05.txt`) of an undated paper named by its folder; else a one-page
    /// paper named by the file.
    fn undated(stem: String, folder_name: String) -> PagePlace {
        if let Some((paper, date, number)) = named_in_file(&stem) {
            let slug = slugify(&paper);
            return PagePlace {
                paper,
                slug,
                date,
                number,
            };
        }
        match page_number(&stem) {
            Some(number) if !folder_name.is_empty() => PagePlace {
                slug: slugify(&folder_name),
                paper: folder_name,
                date: String::new(),
                number,
            },
            _ => PagePlace {
                slug: slugify(&stem),
                paper: stem,
                date: String::new(),
                number: "01".into(),
            },
        }
    }
}

fn file_name(name: Option<&std::ffi::OsStr>) -> String {
    let name = name
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::clean::clean(&name).replace('\n', " ")
}

/// A file name that names its paper, date and page, as dumps are often named:
/// `rmrb-20260701-04.txt`, `rmrb_2026-07-01_04.blank.txt`, `人民日报-20260701-A3.txt`
/// (the part after the first `.` of the stem is ignored). The date must be a real day.
fn named_in_file(stem: &str) -> Option<(String, String, String)> {
    let core = stem.split('.').next()?.trim();
    let parts: Vec<&str> = core
        .split(['-', '_', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let (number, rest) = parts.split_last()?;
    let number = page_number(number)?;
    let (date, paper) = match rest {
        [paper @ .., d] if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) => {
            (format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]), paper)
        }
        [paper @ .., y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            (format!("{y}-{m}-{d}"), paper)
        }
        _ => return None,
    };
    if paper.is_empty() || !crate::text::date::is_day(&date) {
        return None;
    }
    Some((paper.join("-"), date, number))
}

/// `YYYY-MM-DD`.
pub fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// The page number a file name gives: `01`, `A3`, and as people name files, `14 版`,
/// `第14版`, `14版` (→ `14`).
pub fn page_number(stem: &str) -> Option<String> {
    let t = stem.trim();
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.strip_suffix('版').unwrap_or(t).trim();
    looks_like_page_number(t).then(|| t.to_owned())
}

/// `01`, `12`, `A3`, `B12`: at most one letter then one to three digits.
fn looks_like_page_number(s: &str) -> bool {
    let digits = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    s.len() - digits.len() <= 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Readings the pinyin table gets wrong for papers' names (it gives the commonest
/// reading of a character).
const READINGS: [(&str, &str); 2] = [("重庆", "cq"), ("长沙", "cs")];

/// The one ASCII slug for ids and folders, used by the folder importer and the feed alike:
/// the pinyin initials of a Han name (`人民日报` → `rmrb`), ASCII letters and digits kept
/// (`Hebei Daily` → `hebei-daily`), other runs a single `-`, and a stable hash only when
/// nothing readable is left.
pub fn slugify(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut out = String::new();
    let mut rest = name.trim();
    'chars: while let Some(c) = rest.chars().next() {
        for (word, initials) in READINGS {
            if let Some(after) = rest.strip_prefix(word) {
                out.push_str(initials);
                rest = after;
                continue 'chars;
            }
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(p) = c.to_pinyin() {
            out.push_str(p.first_letter());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        rest = &rest[c.len_utf8()..];
    }
    let out = out.trim_matches('-').to_owned();
    if !out.is_empty() {
        return out;
    }
    // FNV-1a: stable across runs and builds.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("p-{hash:08x}")
}

/// Page numbers in natural order: `2` before `10`, `A2` before `A10`, `01-2` after `01`.
pub fn page_order(a: &str, b: &str) -> std::cmp::Ordering {
    natural_key(a).cmp(&natural_key(b)).then_with(|| a.cmp(b))
}

fn natural_key(s: &str) -> Vec<(u8, u64, String)> {
    let mut key = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let n = rest[..digits].parse::<u64>().unwrap_or(u64::MAX);
            key.push((0, n, String::new()));
            rest = &rest[digits..];
        } else {
            let text = rest.len() - rest.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
            key.push((1, 0, rest[..text].to_owned()));
            rest = &rest[text..];
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_page_numbers() {
        assert!(looks_like_date("2022-07-01"));
        assert!(!looks_like_date("2022-7-1"));
        assert!(looks_like_page_number("01"));
        assert!(looks_like_page_number("A3"));
        assert!(!looks_like_page_number("hebei"));
        assert_eq!(page_number("14 版").as_deref(), Some("14"));
        assert_eq!(page_number("第3版").as_deref(), Some("3"));
        assert_eq!(page_number("A3").as_deref(), Some("A3"));
        assert_eq!(page_number("人民 日报"), None);
    }

    #[test]
    fn file_names_that_name_paper_date_and_page() {
        let got = |s: &str| named_in_file(s);
        let want = |p: &str, d: &str, n: &str| Some((p.to_string(), d.to_string(), n.to_string()));
        assert_eq!(
            got("rmrb-20260701-04.indent"),
            want("rmrb", "2026-07-01", "04")
        );
        assert_eq!(got("rmrb_2026-07-01_04"), want("rmrb", "2026-07-01", "04"));
        assert_eq!(
            got("人民日报-20260701-A3"),
            want("人民日报", "2026-07-01", "A3")
        );
        assert_eq!(
            got("hebei-daily-20220701-01"),
            want("hebei-daily", "2022-07-01", "01")
        );
        assert_eq!(got("rmrb-20260231-04"), None, "no such day");
        assert_eq!(got("20260701-04"), None, "no paper");
        assert_eq!(got("notes-2026"), None);
        assert_eq!(got("01"), None);
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(slugify("hebei-daily"), "hebei-daily");
        assert_eq!(slugify("Hebei Daily"), "hebei-daily");
        assert_eq!(slugify("河北日报"), "hbrb");
        assert_eq!(slugify("人民日报"), "rmrb");
        assert_eq!(slugify("重庆日报"), "cqrb");
        assert_eq!(slugify("新华每日电讯"), "xhmrdx");
        let s = slugify("★");
        assert!(s.starts_with("p-") && s.is_ascii(), "{s}");
        assert_eq!(s, slugify("★"));
        assert_ne!(s, slugify("☆"));
    }

    #[test]
    fn pages_in_natural_order() {
        let mut v = vec!["10", "2", "01-2", "01", "A10", "A2"];
        v.sort_by(|a, b| page_order(a, b));
        assert_eq!(v, vec!["01", "01-2", "2", "10", "A2", "A10"]);
    }
}
