//! What can go wrong loading a path, as a typed error that always names the path and
//! prints on one line: `PATH: what is wrong`. Inside a folder the same errors are
//! warnings: the file is skipped and the rest loads.

use std::path::{Path, PathBuf};

use super::clean;

/// What went wrong loading a path.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: no such file or folder", one_line_path(.path))]
    NotFound { path: PathBuf },
    #[error("{}: permission denied", one_line_path(.path))]
    PermissionDenied { path: PathBuf },
    /// A device, pipe or socket: never opened.
    #[error("{}: not a regular file", one_line_path(.path))]
    NotRegular { path: PathBuf },
    #[error(
        "{}: too large to be a page ({} MB; the limit is {} MB)",
        one_line_path(.path),
        .size / (1024 * 1024),
        .limit / (1024 * 1024)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Empty, binary or in no encoding dubao reads.
    #[error("{}: {}", one_line_path(.path), one_line(.what))]
    NotText { path: PathBuf, what: String },
    #[error("{}: no page dumps (.txt) or exports (.json) in this folder", one_line_path(.path))]
    NoPages { path: PathBuf },
    /// A `.json` file that is not a dubao export, or one that clashes with what is loaded.
    #[error("{}: {}", one_line_path(.path), one_line(.what))]
    Export { path: PathBuf, what: String },
    /// Anything else the system reported.
    #[error("{}: {}", one_line_path(.path), one_line(.what))]
    Other { path: PathBuf, what: String },
}

impl ImportError {
    /// An error about `path` in words.
    pub fn new(path: &Path, what: impl Into<String>) -> Self {
        ImportError::Other {
            path: path.to_path_buf(),
            what: what.into(),
        }
    }

    /// What an I/O error on `path` means, in its plainest form.
    pub fn io(path: &Path, e: &std::io::Error) -> Self {
        let path = path.to_path_buf();
        match e.kind() {
            std::io::ErrorKind::NotFound => ImportError::NotFound { path },
            std::io::ErrorKind::PermissionDenied => ImportError::PermissionDenied { path },
            _ => ImportError::Other {
                path,
                what: e.to_string(),
            },
        }
    }

    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ImportError::NotFound { path }
            | ImportError::PermissionDenied { path }
            | ImportError::NotRegular { path }
            | ImportError::TooLarge { path, .. }
            | ImportError::NotText { path, .. }
            | ImportError::NoPages { path }
            | ImportError::Export { path, .. }
            | ImportError::Other { path, .. } => path,
        }
    }
}

/// A file name may hold anything, a newline or an escape sequence included.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || clean::is_unsafe(c) {
                '?'
            } else {
                c
            }
        })
        .collect()
}

fn one_line_path(path: &Path) -> String {
    one_line(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_one_line_naming_the_path() {
        let e = ImportError::new(Path::new("a\nb\u{1b}[31m.txt"), "bad\nthing");
        assert_eq!(e.to_string(), "a?b?[31m.txt: bad?thing");
        assert_eq!(e.path(), Path::new("a\nb\u{1b}[31m.txt"));
        let big = ImportError::TooLarge {
            path: "x.txt".into(),
            size: 65 << 20,
            limit: 64 << 20,
        };
        assert_eq!(
            big.to_string(),
            "x.txt: too large to be a page (65 MB; the limit is 64 MB)"
        );
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            ImportError::io(Path::new("p.txt"), &gone).to_string(),
            "p.txt: no such file or folder"
        );
    }
}
