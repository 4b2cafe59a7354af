//! The page archive: every page added to the library, whole, one file per issue under
//! `library/pages/<paper slug>/<date>.json.zst` (an [`Issue`] as JSON, compressed with
//! the zstd tantivy already links). It is written, each file atomically and synced,
//! before the index commits, so the index can always be rebuilt from it
//! (`dubao library rebuild`) and bookmarks and backups never depend on the index.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::LibraryError;
use super::store::store_err;
use crate::model::Issue;

const DIR: &str = "pages";
const EXT: &str = ".json.zst";

/// The archive of a library folder.
#[derive(Debug, Clone)]
pub struct Archive {
    dir: PathBuf,
}

/// A path part for any text: ASCII letters, digits, `-` and `_` as they are, every
/// other byte as `%XX`, so two names never meet in one file.
fn encode(s: &str) -> String {
    if s.is_empty() {
        return "%".to_string();
    }
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn err(path: &Path, e: impl std::fmt::Display) -> LibraryError {
    store_err(&path.display().to_string(), e)
}

impl Archive {
    /// The archive of the library in `library_dir`.
    pub fn new(library_dir: &Path) -> Archive {
        Archive {
            dir: library_dir.join(DIR),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether any issue has been archived.
    pub fn is_empty(&self) -> bool {
        self.files().0.is_empty()
    }

    fn path(&self, slug: &str, date: &str) -> PathBuf {
        self.dir
            .join(encode(slug))
            .join(format!("{}{EXT}", encode(date)))
    }

    /// Every issue file, in name order, and a line per folder that cannot be listed.
    pub fn files(&self) -> (Vec<PathBuf>, Vec<String>) {
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        let Ok(papers) = std::fs::read_dir(&self.dir) else {
            return (files, warnings);
        };
        for paper in papers.filter_map(Result::ok) {
            let path = paper.path();
            if !path.is_dir() {
                continue;
            }
            match std::fs::read_dir(&path) {
                Ok(issues) => files.extend(
                    issues
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.to_string_lossy().ends_with(EXT)),
                ),
                Err(e) => warnings.push(format!("{}: {e}", path.display())),
            }
        }
        files.sort();
        (files, warnings)
    }

    /// One archived issue.
    pub fn read(path: &Path) -> Result<Issue, LibraryError> {
        let bytes = std::fs::read(path).map_err(|e| err(path, e))?;
        let json = zstd::decode_all(&bytes[..])
            .map_err(|e| err(path, format!("not a page archive ({e})")))?;
        serde_json::from_slice(&json).map_err(|e| err(path, format!("not a page archive ({e})")))
    }

    fn read_if_there(path: &Path) -> Result<Option<Issue>, LibraryError> {
        match std::fs::metadata(path) {
            Ok(_) => Self::read(path).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(err(path, e)),
        }
    }

    /// Every archived issue that can be read, with a line for each file that cannot.
    pub fn issues(&self) -> (Vec<Issue>, Vec<String>) {
        let (files, mut warnings) = self.files();
        let mut issues = Vec::with_capacity(files.len());
        for f in files {
            match Self::read(&f) {
                Ok(i) => issues.push(i),
                Err(e) => warnings.push(e.to_string()),
            }
        }
        (issues, warnings)
    }

    /// Adds pages: each issue's file is read, its pages replaced by number, and written
    /// back whole (a temp file synced and renamed over it) when anything changed.
    /// Returns how many files were written.
    pub fn add(&self, issues: &[Issue]) -> Result<usize, LibraryError> {
        let mut by_key: BTreeMap<(&str, &str), Vec<&Issue>> = BTreeMap::new();
        for i in issues {
            by_key.entry((&i.slug, &i.date)).or_default().push(i);
        }
        let mut written = 0;
        for ((slug, date), parts) in by_key {
            let path = self.path(slug, date);
            let old = Self::read_if_there(&path)?;
            let mut issue = old.clone().unwrap_or_else(|| Issue {
                slug: slug.to_string(),
                date: date.to_string(),
                ..Default::default()
            });
            for part in parts {
                issue.paper.clone_from(&part.paper);
                for page in &part.pages {
                    match issue.pages.iter_mut().find(|p| p.number == page.number) {
                        Some(p) => p.clone_from(page),
                        None => issue.pages.push(page.clone()),
                    }
                }
            }
            issue
                .pages
                .sort_by(|a, b| crate::import::place::page_order(&a.number, &b.number));
            if old.as_ref() != Some(&issue) {
                self.write(&path, &issue)?;
                written += 1;
            }
        }
        Ok(written)
    }

    fn write(&self, path: &Path, issue: &Issue) -> Result<(), LibraryError> {
        let folder = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(folder).map_err(|e| err(folder, e))?;
        let json = serde_json::to_vec(issue).map_err(|e| err(path, e))?;
        let body = zstd::encode_all(&json[..], 3).map_err(|e| err(path, e))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".pages.")
            .tempfile_in(folder)
            .map_err(|e| err(folder, e))?;
        tmp.write_all(&body).map_err(|e| err(path, e))?;
        tmp.as_file().sync_all().map_err(|e| err(path, e))?;
        tmp.persist(path).map_err(|e| err(path, e.error))?;
        if let Ok(d) = std::fs::File::open(folder) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::load_bundled;

    #[test]
    fn pages_are_kept_whole_and_replaced_by_number() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::new(dir.path());
        assert!(a.is_empty());
        let lib = load_bundled();
        assert_eq!(a.add(&lib.issues).unwrap(), 1);
        assert_eq!(
            a.add(&lib.issues).unwrap(),
            0,
            "the same page again: no write"
        );
        let mut changed = lib.issues[0].clone();
        changed.pages[0].articles[0].title = "新标题".into();
        let mut second = lib.issues[0].clone();
        second.pages[0].number = "02".into();
        assert_eq!(a.add(&[second, changed.clone()]).unwrap(), 1);
        let (issues, warnings) = a.issues();
        assert!(warnings.is_empty());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].pages.len(), 2);
        assert_eq!(issues[0].pages[0], changed.pages[0]);
    }

    #[test]
    fn any_slug_or_date_has_its_own_file() {
        assert_eq!(encode("hebei-daily"), "hebei-daily");
        assert_eq!(encode("a/b"), "a%2Fb");
        assert_eq!(encode("a%2Fb"), "a%252Fb");
        assert_eq!(encode(""), "%");
        assert_eq!(encode("2022-07-01"), "2022-07-01");
    }

    #[test]
    fn a_damaged_file_is_named_and_the_rest_read() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::new(dir.path());
        let mut lib = load_bundled();
        a.add(&lib.issues).unwrap();
        lib.issues[0].date = "2022-07-02".into();
        a.add(&lib.issues).unwrap();
        let (files, _) = a.files();
        std::fs::write(&files[0], b"garbage").unwrap();
        let (issues, warnings) = a.issues();
        assert_eq!(issues.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("2022-07-01"), "{warnings:?}");
    }
}
