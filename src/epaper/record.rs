//! The record of what the library holds of each e-paper day (`epapers.json` in the data
//! folder): the days fetched whole, the days stored with something missing, and, for
//! those, the pages already whole, so a killed or failed fetch resumes with the pages
//! it lacks. It is only a shortcut: lost or unreadable, the days are fetched again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::feed::sink::{lock_dir, write_atomic};

/// The days each paper has whole or in part in the library, kept in the data folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Paper slug → days fetched whole.
    #[serde(default)]
    pub whole: BTreeMap<String, Vec<String>>,
    /// Paper slug → days stored with pages or articles missing.
    #[serde(default)]
    pub incomplete: BTreeMap<String, Vec<String>>,
    /// Paper slug → incomplete day → its pages stored whole (by number).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pages: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// Why the record could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RecordError(String);

impl Record {
    fn path(dir: &Path) -> PathBuf {
        dir.join("epapers.json")
    }

    /// The record in `dir`; empty when there is none or it cannot be read.
    pub fn load(dir: &Path) -> Record {
        std::fs::read(Self::path(dir))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn is_whole(&self, slug: &str, date: &str) -> bool {
        self.whole
            .get(slug)
            .is_some_and(|d| d.iter().any(|x| x == date))
    }

    /// The pages of an incomplete day already stored whole.
    pub fn whole_pages(&self, slug: &str, date: &str) -> Vec<String> {
        self.pages
            .get(slug)
            .and_then(|d| d.get(date))
            .cloned()
            .unwrap_or_default()
    }

    /// Note `date` of `slug` as whole (its pages forgotten) or incomplete with `pages`
    /// whole, under the folder's lock.
    pub fn note(
        dir: &Path,
        slug: &str,
        date: &str,
        whole: bool,
        pages: &[String],
    ) -> Result<(), RecordError> {
        let _lock = lock_dir(dir).map_err(|e| RecordError(e.to_string()))?;
        let mut r = Record::load(dir);
        let (add, drop) = if whole {
            (&mut r.whole, &mut r.incomplete)
        } else {
            (&mut r.incomplete, &mut r.whole)
        };
        let days = add.entry(slug.to_string()).or_default();
        if !days.iter().any(|d| d == date) {
            days.push(date.to_string());
            days.sort();
        }
        if let Some(d) = drop.get_mut(slug) {
            d.retain(|x| x != date);
        }
        let days = r.pages.entry(slug.to_string()).or_default();
        if whole || pages.is_empty() {
            days.remove(date);
        } else {
            days.insert(date.to_string(), pages.to_vec());
        }
        r.pages.retain(|_, d| !d.is_empty());
        let json = serde_json::to_string_pretty(&r).map_err(|e| RecordError(e.to_string()))?;
        write_atomic(&Self::path(dir), format!("{json}\n").as_bytes())
            .map_err(|e| RecordError(e.to_string()))
    }

    /// Note `date` of `slug` as whole or incomplete (no pages kept).
    pub fn mark(dir: &Path, slug: &str, date: &str, whole: bool) -> Result<(), RecordError> {
        Record::note(dir, slug, date, whole, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_moves_a_day_from_incomplete_to_whole_and_forgets_its_pages() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = dir.path();
        let pages = ["01".to_string(), "02".to_string()];
        Record::note(d, "rmrb", "2024-12-25", false, &pages).unwrap_or_else(|e| panic!("{e}"));
        let r = Record::load(d);
        assert!(!r.is_whole("rmrb", "2024-12-25"));
        assert_eq!(r.whole_pages("rmrb", "2024-12-25"), pages);
        Record::mark(d, "rmrb", "2024-12-25", true).unwrap_or_else(|e| panic!("{e}"));
        let r = Record::load(d);
        assert!(r.is_whole("rmrb", "2024-12-25"));
        assert_eq!(r.incomplete.get("rmrb").map(Vec::len), Some(0));
        assert!(r.whole_pages("rmrb", "2024-12-25").is_empty());
        assert!(r.pages.is_empty());
    }
}
