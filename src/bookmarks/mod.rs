//! Bookmarks and reading state (read articles, positions), kept under the user's data
//! folder so they are never lost.
//!
//! SKELETON: plain JSON read and write; the bookmarks issue makes it safe (atomic writes,
//! locking, corrupt files kept aside). The API below is the contract the app and CLI use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Anchor;

/// A kept story. Paper, date and headline are stored so it shows even when its issue
/// is not loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    pub id: String,
    pub paper: String,
    pub date: String,
    pub title: String,
    #[serde(default)]
    pub anchor: Anchor,
    /// Seconds since the Unix epoch.
    pub created: u64,
}

/// Everything stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    #[serde(default)]
    pub read: BTreeSet<String>,
    #[serde(default)]
    pub positions: BTreeMap<String, Anchor>,
}

impl State {
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.iter().any(|b| b.id == id)
    }
    /// Bookmarks newest first.
    pub fn newest_first(&self) -> Vec<&Bookmark> {
        let mut v: Vec<&Bookmark> = self.bookmarks.iter().rev().collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.created));
        v
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {}", .path.display(), .what)]
    Io { path: PathBuf, what: String },
}

/// The store in one folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A change to apply under the lock.
#[derive(Debug, Clone)]
pub enum Change {
    Add(Bookmark),
    Remove(String),
    MarkRead(String),
    Position(String, Anchor),
}

impl Store {
    /// The data folder from `directories` (honours `XDG_DATA_HOME`).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dubao").map(|d| d.data_dir().to_path_buf())
    }

    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// Read the stored state. The `String` is a warning to show the user (e.g. a corrupt
    /// file was moved aside).
    pub fn load(&self) -> Result<(State, Option<String>), StoreError> {
        match std::fs::read_to_string(self.file()) {
            Ok(s) => Ok((serde_json::from_str(&s).unwrap_or_default(), None)),
            Err(_) => Ok((State::default(), None)),
        }
    }

    /// Apply changes: read what is on disk, merge, write back. Returns the new state.
    pub fn apply(&self, changes: &[Change]) -> Result<(State, Option<String>), StoreError> {
        let (mut state, warn) = self.load()?;
        for c in changes {
            match c {
                Change::Add(b) => {
                    if !state.is_bookmarked(&b.id) {
                        state.bookmarks.push(b.clone())
                    }
                }
                Change::Remove(id) => state.bookmarks.retain(|b| &b.id != id),
                Change::MarkRead(id) => {
                    state.read.insert(id.clone());
                }
                Change::Position(id, a) => {
                    state.positions.insert(id.clone(), *a);
                }
            }
        }
        let io = |e: std::io::Error| StoreError::Io {
            path: self.file(),
            what: e.to_string(),
        };
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        std::fs::write(self.file(), serde_json::to_string_pretty(&state).unwrap()).map_err(io)?;
        Ok((state, warn))
    }
}

/// Seconds since the Unix epoch, now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
