//! Bookmarks and reading state (read articles, positions), kept under the user's data
//! folder so they are never lost.
//!
//! The types here are plain data; [`MarkStore`] (in `store.rs`) keeps them on disk.
//!
//! ## On disk
//! In [`MarkStore::default_dir`] (`$XDG_DATA_HOME/dubao` on Linux):
//! - `bookmarks.json`: `{"version": 1, "bookmarks": [...]}`. Written only when a
//!   bookmark is added or removed.
//! - `reading.json`: `{"version": 1, "read": [...], "positions": {...}, "last": {...}}`
//!   (`last`: the article read last, to open on after a restart). Written each
//!   time an article is opened or left, so it lives apart: a write of the reading state
//!   never rewrites (and so can never endanger) the bookmarks.
//! - `state.lock`: an empty file, locked (advisory, `flock`) around every
//!   read-merge-write, so two readers or CLI calls at once never drop each other's
//!   changes.
//! - `state.json`: where the first skeleton kept everything, unversioned. Read (never
//!   written) while a part's own file does not exist yet, so its bookmarks carry over.
//!
//! Every write goes to a temporary file in the same folder, is flushed and synced, and
//! renamed over the old file; the folder is synced after. A file that does not parse
//! is moved aside as `<name>.corrupt-<UTC time>` and the user is told where it went. A
//! file with a newer `version` is read as far as it can be but never written.
//!
//! ## For the app
//! - Start: `store.load()`; show the warning (if any) in the status line.
//! - `b`: `let change = state.toggle(Bookmark::for_article(&lib, id, anchor)?)`, then
//!   `store.apply(&[change])`. `Ok((new, warning))`: take `new` as the state (it holds
//!   other processes' changes too). `Err(e)`: show `e`, `state.apply(&change)` so the
//!   bookmark stays on screen, and keep the change to send again with the next
//!   `apply` (changes are safe to replay: `Add` of a kept bookmark and `Remove` of a
//!   gone one change nothing).
//! - Reading: `MarkRead` when an article opens, `Position` when it is left or the app
//!   quits — not on every scroll (each save syncs to disk: see `benches/bookmarks.rs`).

mod file;
mod store;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::{Anchor, Library};

pub use store::{MarkStore, Stamp};

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

impl Bookmark {
    /// A bookmark on article `id` of `lib` at `anchor`, made now; `None` when the
    /// article is not in `lib`.
    pub fn for_article(lib: &Library, id: &str, anchor: Anchor) -> Option<Bookmark> {
        let (r, article) = lib.find(id)?;
        let issue = &lib.issues[r.issue];
        Some(Bookmark {
            id: id.to_string(),
            paper: issue.paper.clone(),
            date: issue.date.clone(),
            title: article.title.clone(),
            anchor,
            created: now(),
        })
    }
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
    /// When each article's bookmark was last added or removed (ms since the epoch).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bookmark_stamps: BTreeMap<String, u64>,
    /// When each article's place was last saved (ms since the epoch).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub position_stamps: BTreeMap<String, u64>,
    /// The article read last: the reader opens on it after a restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<LastRead>,
}

/// The article read last (its id names its issue: `<slug>/<date>/…`), and when it was
/// opened (ms since the epoch): of two readers the later one wins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastRead {
    pub id: String,
    pub at: u64,
}

impl State {
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.iter().any(|b| b.id == id)
    }

    /// The bookmark on article `id`, if there is one.
    pub fn bookmark(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id == id)
    }

    /// Whether article `id` has been opened.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    /// Where the reader left article `id`.
    pub fn position(&self, id: &str) -> Option<Anchor> {
        self.positions.get(id).copied()
    }

    /// Bookmarks newest first; bookmarks made in the same second, last made first.
    pub fn newest_first(&self) -> Vec<&Bookmark> {
        let mut v: Vec<&Bookmark> = self.bookmarks.iter().rev().collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.created));
        v
    }

    /// The change that toggles `bookmark` as this state shows it: `Remove` when its
    /// article is bookmarked here, else `Add`. Decided on what the user sees (not on
    /// what another process may have written since), so `b` always does what the
    /// marker on screen promises.
    pub fn toggle(&self, bookmark: Bookmark) -> Change {
        if self.is_bookmarked(&bookmark.id) {
            Change::Remove(bookmark.id)
        } else {
            Change::Add(bookmark)
        }
    }

    /// Apply one change in memory; returns whether anything changed. [`MarkStore::apply`]
    /// uses this to merge under the lock; the app can use it to keep a change that
    /// could not be saved.
    ///
    /// `Add` of an article that is already bookmarked keeps the first bookmark (its
    /// date and place); `Remove` removes every bookmark on that article.
    pub fn apply(&mut self, change: &Change) -> bool {
        self.apply_at(change, now_ms())
    }

    /// Apply a change made at `at` (ms since the epoch). A change older than the last
    /// one to the same article's bookmark (or place) changes nothing: a change that
    /// failed to save and is sent again later never undoes a newer one made since,
    /// here or by another process.
    pub fn apply_at(&mut self, change: &Change, at: u64) -> bool {
        let (stamps, id) = match change {
            Change::Add(b) => (&mut self.bookmark_stamps, &b.id),
            Change::Remove(id) => (&mut self.bookmark_stamps, id),
            Change::Position(id, _) => (&mut self.position_stamps, id),
            Change::MarkRead(id) => return self.read.insert(id.clone()),
            Change::Opened(id) => return self.opened(id, at),
        };
        if stamps.get(id).is_some_and(|&t| t > at) {
            return false;
        }
        let id = id.clone();
        let changed = self.apply_now(change);
        if changed {
            let stamps = match change {
                Change::Position(..) => &mut self.position_stamps,
                _ => &mut self.bookmark_stamps,
            };
            stamps.insert(id, at);
        }
        changed
    }

    /// Article `id` was opened at `at`: it is the last read, unless a later one is.
    fn opened(&mut self, id: &str, at: u64) -> bool {
        if self.last.as_ref().is_some_and(|l| l.at > at || l.id == id) {
            return false;
        }
        self.last = Some(LastRead { id: id.into(), at });
        true
    }

    fn apply_now(&mut self, change: &Change) -> bool {
        match change {
            Change::Add(b) => {
                if self.is_bookmarked(&b.id) {
                    false
                } else {
                    self.bookmarks.push(b.clone());
                    true
                }
            }
            Change::Remove(id) => {
                let before = self.bookmarks.len();
                self.bookmarks.retain(|b| &b.id != id);
                self.bookmarks.len() != before
            }
            Change::MarkRead(id) => self.read.insert(id.clone()),
            Change::Position(id, a) => self.positions.insert(id.clone(), *a) != Some(*a),
            Change::Opened(id) => self.opened(id, now_ms()),
        }
    }
}

/// What went wrong with the store. Displays as one line naming the file and the
/// trouble.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading, writing, locking or moving a file failed.
    #[error("{}: {}", .path.display(), .what)]
    Io { path: PathBuf, what: String },
    /// The file was written by a newer dubao; this one refuses to overwrite it.
    #[error(
        "{}: written by a newer dubao (format version {version}, this one knows {}); not changed — upgrade dubao to save",
        .path.display(),
        file::VERSION
    )]
    Newer { path: PathBuf, version: u64 },
}

/// A change to apply under the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add(Bookmark),
    Remove(String),
    MarkRead(String),
    Position(String, Anchor),
    /// The reader opened this article: the one to open on after a restart.
    Opened(String),
}

impl Change {
    /// Whether this change touches the bookmarks (else the reading state).
    fn is_bookmark(&self) -> bool {
        matches!(self, Change::Add(_) | Change::Remove(_))
    }
}

/// The text of a bookmarks file and a reading-state file read as the store reads them,
/// without a folder (for fuzzing and checks): the state they give and, for each file
/// that could not be read whole, why in one line.
pub fn parse_files(bookmarks: &[u8], reading: &[u8]) -> (State, Vec<String>) {
    let mut state = State::default();
    let mut why = Vec::new();
    for (part, bytes) in [
        (file::Part::Bookmarks, bookmarks),
        (file::Part::Reading, reading),
    ] {
        let got = match part.parse(bytes) {
            file::Parsed::Missing => State::default(),
            file::Parsed::Good(s) => s,
            file::Parsed::Newer { best_effort, .. } => best_effort,
            file::Parsed::Salvaged {
                state,
                rejected,
                why: first,
            } => {
                why.push(format!(
                    "{}: {} set aside: {first}",
                    part.label(),
                    rejected.len()
                ));
                state
            }
            file::Parsed::Corrupt(w) => {
                why.push(format!("{}: {w}", part.label()));
                State::default()
            }
        };
        part.take(&mut state, got);
    }
    (state, why)
}

/// The text the store writes for `state`: the bookmarks file and the reading-state file.
pub fn encode_files(state: &State) -> (String, String) {
    (
        file::Part::Bookmarks.encode(state),
        file::Part::Reading.encode(state),
    )
}

/// Milliseconds since the Unix epoch, now (stamps changes).
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Seconds since the Unix epoch, now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
