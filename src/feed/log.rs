//! The last fetch's log: one line per feed or e-paper page, ok or failed with why,
//! saved in the data folder (`last-fetch.json`) by `dubao fetch` and `F`, read back by
//! `dubao fetch --last` and by the reader ([`load_last`]).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// The feed or paper (`人民日报`).
    pub source: String,
    pub ok: bool,
    /// What came in (`2024-12-25 page 01 要闻: 7 articles`) or what went wrong.
    pub text: String,
}

/// The log of one fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchLog {
    /// When the fetch started, RFC 3339.
    pub started: String,
    pub lines: Vec<LogLine>,
}

impl FetchLog {
    /// A log started now.
    pub fn now() -> FetchLog {
        FetchLog {
            started: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            lines: Vec::new(),
        }
    }

    pub fn push(&mut self, source: &str, ok: bool, text: impl Into<String>) {
        self.lines.push(LogLine {
            source: source.to_string(),
            ok,
            text: text.into(),
        });
    }

    /// The file in the data folder `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join("last-fetch.json")
    }

    /// Save as the last fetch's log, atomically.
    pub fn save(&self, dir: &Path) -> Result<(), super::sink::FileError> {
        let json = serde_json::to_string_pretty(self)?;
        super::sink::write_atomic(&Self::path(dir), format!("{json}\n").as_bytes())
    }
}

/// The last fetch's log in the data folder `dir`; `None` when nothing was fetched yet.
pub fn load_last(dir: &Path) -> Result<Option<FetchLog>, String> {
    let path = FetchLog::path(dir);
    match std::fs::read(&path) {
        Ok(b) => serde_json::from_slice(&b)
            .map(Some)
            .map_err(|e| format!("{}: cannot read it ({e})", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_saved_and_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(load_last(dir.path()), Ok(None));
        let mut log = FetchLog::now();
        log.push("人民日报", true, "2024-12-25 page 01: 7 articles");
        log.push("人民日报", false, "page 02: timed out");
        log.save(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(load_last(dir.path()), Ok(Some(log)));
    }
}
