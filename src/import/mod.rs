//! Importers: turn page dumps (and `export --json` files) on disk, or the bundled issue
//! embedded in the binary, into the plain data of [`crate::model`].
//!
//! - [`decode`]: bytes → text (UTF-8 ± BOM, UTF-16 with BOM, GB18030/GBK); binary refused.
//! - [`clean`]: the safety clean-up (controls, escape sequences, bidi controls, tabs, NFC).
//! - [`page`]: one page's text → articles and page lines, by the rules of [`rules`],
//!   [`stack`], [`dateline`], [`speaker`] and [`draft`].
//! - [`tree`]: files and folders → a library; [`export`]: `export --json` files back.
//!
//! Every error names the file it is about, on one line: `PATH: what is wrong`.

mod blocks;
pub mod clean;
pub mod dateline;
pub mod decode;
pub mod draft;
pub mod evidence;
pub mod export;
pub mod page;
pub mod rules;
pub mod score;
pub mod signature;
pub mod speaker;
pub mod stack;
pub mod tree;

use std::path::{Path, PathBuf};

use crate::model::{Issue, Library};

/// What went wrong loading a path; always names the path, on one line.
#[derive(Debug)]
pub enum ImportError {
    Path { path: PathBuf, what: String },
}

impl ImportError {
    pub fn new(path: &Path, what: impl Into<String>) -> Self {
        ImportError::Path {
            path: path.to_path_buf(),
            what: what.into(),
        }
    }

    /// The path the error is about.
    pub fn path(&self) -> &Path {
        let ImportError::Path { path, .. } = self;
        path
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ImportError::Path { path, what } = self;
        // A file name may hold anything, a newline or an escape sequence included.
        let one_line = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_control() || clean::is_unsafe(c) {
                        '?'
                    } else {
                        c
                    }
                })
                .collect()
        };
        write!(
            f,
            "{}: {}",
            one_line(&path.display().to_string()),
            one_line(what)
        )
    }
}

impl std::error::Error for ImportError {}

/// The bundled issue's page text, embedded at build time.
pub const BUNDLED_PAGE: &str = include_str!("../../data/hebei-daily/2022-07-01/01.txt");
/// The bundled issue's metadata, embedded at build time.
pub const BUNDLED_META: &str = include_str!("../../data/hebei-daily/2022-07-01/issue.json");

/// The issue that ships inside the binary: 河北日报, 1 July 2022, page 1. Never fails.
pub fn load_bundled() -> Library {
    #[derive(serde::Deserialize)]
    struct Meta {
        paper: String,
        date: String,
    }
    let meta = serde_json::from_str::<Meta>(BUNDLED_META).unwrap_or_else(|_| Meta {
        paper: "河北日报".into(),
        date: "2022-07-01".into(),
    });
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

/// Load files and folders (folders recursively) into one library: page dumps, folder
/// trees `<root>/<paper>/<YYYY-MM-DD>/<NN>.txt`, and `export --json` files.
pub fn load_paths(paths: &[PathBuf]) -> Result<Library, ImportError> {
    tree::load(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_one_line_naming_the_path() {
        let e = ImportError::new(Path::new("a\nb\u{1b}[31m.txt"), "bad\nthing");
        let s = e.to_string();
        assert_eq!(s, "a?b?[31m.txt: bad?thing");
        assert_eq!(e.path(), Path::new("a\nb\u{1b}[31m.txt"));
    }
}
