//! Files and folders on disk → one library.
//!
//! A folder tree `<root>/<paper>/<YYYY-MM-DD>/<NN>.txt` is read as issues by date and
//! pages by number. Metadata, when present: `issue.json` (`{"paper": "河北日报", "date":
//! "2022-07-01"}`, optionally `"slug"`) in the date folder, `paper.json` (`{"name": …,
//! "slug": …}`) in the paper folder; otherwise the folder names stand in.
//!
//! A lone file (no `issue.json` beside it, its folder not a date) is one page: if its
//! name looks like a page number (`01.txt`, `A3.txt`) the paper is its folder, else the
//! paper is the file itself and the page is `01`. Its date is the folder's name when
//! that is a date, else unknown (ids then say `undated`). A slug is the ASCII name
//! lower-cased (`Hebei Daily` → `hebei-daily`); a name with no ASCII letters gets
//! `p-` and a stable hash of it (`河北日报` → `p-…`).
//!
//! `.json` files are `dubao export --json` output and come back as they were.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{ImportError, decode, export, page::parse_page};
use crate::model::{Issue, Library};

/// Folders deeper than this are not followed (a guard against link loops).
const MAX_DEPTH: usize = 12;

/// Load files and folders (folders recursively) into one library.
pub fn load(paths: &[PathBuf]) -> Result<Library, ImportError> {
    let mut files = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| ImportError::new(path, io_what(&e)))?;
        if meta.is_dir() {
            let before = files.len();
            walk(path, 0, &mut files, &mut seen_dirs)?;
            if files.len() == before {
                return Err(ImportError::new(
                    path,
                    "no page dumps (.txt) or exports (.json) in this folder",
                ));
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut seen_files = HashSet::new();
    let mut lib = Library::default();
    for file in files {
        let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if !seen_files.insert(key) {
            continue;
        }
        load_file(&file, &mut lib)?;
    }
    lib.issues.sort_by(|a, b| {
        (a.date.is_empty(), &a.date, &a.slug).cmp(&(b.date.is_empty(), &b.date, &b.slug))
    });
    for issue in &mut lib.issues {
        issue.pages.sort_by(|a, b| page_order(&a.number, &b.number));
    }
    Ok(lib)
}

fn io_what(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn walk(
    dir: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), ImportError> {
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if depth > MAX_DEPTH || !seen.insert(key) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| ImportError::new(dir, io_what(&e)))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name == "issue.json" || name == "paper.json" {
            continue;
        }
        if path.is_dir() {
            walk(&path, depth + 1, files, seen)?;
        } else if has_extension(&path, "txt") || has_extension(&path, "json") {
            files.push(path);
        }
    }
    Ok(())
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

fn load_file(path: &Path, lib: &mut Library) -> Result<(), ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::new(path, io_what(&e)))?;
    if has_extension(path, "json") {
        let more = export::parse(&bytes).map_err(|what| ImportError::new(path, what))?;
        for issue in more.issues {
            merge_export_issue(lib, issue, path)?;
        }
        return Ok(());
    }
    let text = decode::decode_vec(bytes).map_err(|what| ImportError::new(path, what))?;
    let place = PagePlace::of(path)?;
    let issue_at = issue_index(lib, &place);
    let issue = &mut lib.issues[issue_at];
    let mut page = parse_page(&text, &place.slug, &place.date, &place.number);
    if page.articles.is_empty() {
        return Err(ImportError::new(path, "no article found on this page"));
    }
    if issue.pages.contains(&page) {
        // The same page again (from an export loaded alongside, say): not doubled.
        return Ok(());
    }
    // Two different files claiming the same page keep distinct ids.
    let mut k = 1;
    while issue.pages.iter().any(|p| p.number == page.number) {
        k += 1;
        page = parse_page(
            &text,
            &place.slug,
            &place.date,
            &format!("{}-{k}", place.number),
        );
    }
    issue.pages.push(page);
    Ok(())
}

fn issue_index(lib: &mut Library, place: &PagePlace) -> usize {
    if let Some(i) = lib
        .issues
        .iter()
        .position(|i| i.slug == place.slug && i.date == place.date)
    {
        return i;
    }
    lib.issues.push(Issue {
        paper: place.paper.clone(),
        slug: place.slug.clone(),
        date: place.date.clone(),
        pages: Vec::new(),
    });
    lib.issues.len() - 1
}

/// Add an exported issue; one already loaded (the same export twice) is not doubled,
/// and article ids must stay unique.
fn merge_export_issue(lib: &mut Library, issue: Issue, path: &Path) -> Result<(), ImportError> {
    let Some(at) = lib
        .issues
        .iter()
        .position(|i| i.slug == issue.slug && i.date == issue.date)
    else {
        lib.issues.push(issue);
        return Ok(());
    };
    for page in issue.pages {
        let existing = &lib.issues[at].pages;
        if existing.contains(&page) {
            continue;
        }
        if let Some(a) = page.articles.iter().find(|a| lib.find(&a.id.0).is_some()) {
            return Err(ImportError::new(
                path,
                format!("article {} is already loaded from another file", a.id),
            ));
        }
        lib.issues[at].pages.push(page);
    }
    Ok(())
}

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
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    let text = decode::decode(&bytes).map_err(|what| ImportError::new(path, what))?;
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
            return Ok(PagePlace {
                paper,
                slug,
                date,
                number: stem,
            });
        }
        let date = String::new();
        if looks_like_page_number(&stem) && !folder_name.is_empty() {
            let slug = slugify(&folder_name);
            Ok(PagePlace {
                paper: folder_name,
                slug,
                date,
                number: stem,
            })
        } else {
            let slug = slugify(&stem);
            Ok(PagePlace {
                paper: stem,
                slug,
                date,
                number: "01".into(),
            })
        }
    }
}

fn file_name(name: Option<&std::ffi::OsStr>) -> String {
    let name = name
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::clean::clean(&name).replace('\n', " ")
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

/// `01`, `12`, `A3`, `B12`: at most one letter then one to three digits.
fn looks_like_page_number(s: &str) -> bool {
    let digits = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    s.len() - digits.len() <= 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// An ASCII slug for ids and folders.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if !slug.is_empty() && name.is_ascii() {
        return slug;
    }
    // FNV-1a: stable across runs and builds.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    if slug.is_empty() {
        format!("p-{hash:08x}")
    } else {
        format!("{slug}-{hash:08x}")
    }
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
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(slugify("hebei-daily"), "hebei-daily");
        assert_eq!(slugify("Hebei Daily"), "hebei-daily");
        let s = slugify("河北日报");
        assert!(s.starts_with("p-") && s.is_ascii(), "{s}");
        assert_eq!(s, slugify("河北日报"));
        assert_ne!(s, slugify("人民日报"));
    }

    #[test]
    fn pages_in_natural_order() {
        let mut v = vec!["10", "2", "01-2", "01", "A10", "A2"];
        v.sort_by(|a, b| page_order(a, b));
        assert_eq!(v, vec!["01", "01-2", "2", "10", "A2", "A10"]);
    }
}
