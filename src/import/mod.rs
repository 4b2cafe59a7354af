//! Importers: turn page dumps (and `export --json` files) on disk, or the bundled issue
//! embedded in the binary, into the plain data of [`crate::model`].
//!
//! FIRST VERSION (skeleton): blocks split on blank lines, first block is the headline.
//! The importer issue replaces `page.rs` with the real rules.

pub mod page;

use std::path::{Path, PathBuf};

use crate::model::{Issue, Library};

/// What went wrong loading a path; always names the path.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {}", .path.display(), .what)]
    Path { path: PathBuf, what: String },
}

impl ImportError {
    pub fn new(path: &Path, what: impl Into<String>) -> Self {
        ImportError::Path {
            path: path.to_path_buf(),
            what: what.into(),
        }
    }
}

/// The bundled issue's page text, embedded at build time.
pub const BUNDLED_PAGE: &str = include_str!("../../data/hebei-daily/2022-07-01/01.txt");
/// The bundled issue's metadata, embedded at build time.
pub const BUNDLED_META: &str = include_str!("../../data/hebei-daily/2022-07-01/issue.json");

/// The issue that ships inside the binary: 河北日报, 1 July 2022, page 1.
pub fn load_bundled() -> Library {
    #[derive(serde::Deserialize)]
    struct Meta {
        paper: String,
        date: String,
    }
    let meta: Meta = serde_json::from_str(BUNDLED_META).expect("bundled metadata is valid JSON");
    let page = page::parse_page(BUNDLED_PAGE, "hebei-daily", &meta.date, "01");
    Library {
        issues: vec![Issue {
            paper: meta.paper,
            slug: "hebei-daily".into(),
            date: meta.date,
            pages: vec![page],
        }],
    }
}

/// Load files and folders (folders recursively) into one library.
pub fn load_paths(paths: &[PathBuf]) -> Result<Library, ImportError> {
    let mut lib = Library::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| ImportError::new(path, e.to_string()))?;
        if meta.is_dir() {
            return Err(ImportError::new(path, "folders are not supported yet"));
        }
        let bytes = std::fs::read(path).map_err(|e| ImportError::new(path, e.to_string()))?;
        if path.extension().is_some_and(|e| e == "json") {
            let more: Library = serde_json::from_slice(&bytes)
                .map_err(|e| ImportError::new(path, format!("not a dubao export: {e}")))?;
            lib.issues.extend(more.issues);
            continue;
        }
        let text =
            String::from_utf8(bytes).map_err(|_| ImportError::new(path, "not UTF-8 text"))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let page = page::parse_page(&text, &stem, "", "01");
        if page.articles.is_empty() {
            return Err(ImportError::new(path, "no articles found on this page"));
        }
        lib.issues.push(Issue {
            paper: stem.clone(),
            slug: stem,
            date: String::new(),
            pages: vec![page],
        });
    }
    Ok(lib)
}
