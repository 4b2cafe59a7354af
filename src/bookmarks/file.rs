//! One versioned JSON file of the store: what it holds, how it is parsed (missing,
//! good, newer, corrupt), written atomically, and moved aside when corrupt.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{Bookmark, LastRead, State};
use crate::model::Anchor;

/// The format version this dubao reads and writes.
pub const VERSION: u64 = 1;

/// The two files of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Bookmarks,
    Reading,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::Bookmarks, Part::Reading];

    pub fn file_name(self) -> &'static str {
        match self {
            Part::Bookmarks => "bookmarks.json",
            Part::Reading => "reading.json",
        }
    }

    /// How the user hears of it: "bookmarks file", "reading-state file".
    pub fn label(self) -> &'static str {
        match self {
            Part::Bookmarks => "bookmarks file",
            Part::Reading => "reading-state file",
        }
    }

    /// Prefix of this part's temporary files (hidden, so a folder listing stays clean).
    pub fn temp_prefix(self) -> String {
        format!(".{}.", self.file_name())
    }

    /// This part's JSON for `state`.
    pub fn encode(self, state: &State) -> String {
        let mut s = match self {
            Part::Bookmarks => serde_json::to_string_pretty(&BookmarksFile {
                version: VERSION,
                bookmarks: state.bookmarks.clone(),
                stamps: state.bookmark_stamps.clone(),
            }),
            // Machine state, written often and large after years: compact.
            Part::Reading => serde_json::to_string(&ReadingFile {
                version: VERSION,
                read: state.read.clone(),
                positions: state.positions.clone(),
                stamps: state.position_stamps.clone(),
                last: state.last.clone(),
            }),
        }
        .expect("plain structs always serialise");
        s.push('\n');
        s
    }

    /// Parse this part's file text.
    pub fn parse(self, bytes: &[u8]) -> Parsed {
        match self {
            Part::Bookmarks => match parse::<BookmarksFile>(bytes, |f| State {
                bookmarks: f.bookmarks,
                bookmark_stamps: f.stamps,
                ..State::default()
            }) {
                Parsed::Corrupt(why) => salvage(bytes).unwrap_or(Parsed::Corrupt(why)),
                parsed => parsed,
            },
            Part::Reading => parse::<ReadingFile>(bytes, |f| State {
                read: f.read,
                positions: f.positions,
                position_stamps: f.stamps,
                last: f.last,
                ..State::default()
            }),
        }
    }

    /// Copy this part of `from` into `into`.
    pub fn take(self, into: &mut State, from: State) {
        match self {
            Part::Bookmarks => {
                into.bookmarks = from.bookmarks;
                into.bookmark_stamps = from.bookmark_stamps;
            }
            Part::Reading => {
                into.read = from.read;
                into.positions = from.positions;
                into.position_stamps = from.position_stamps;
                into.last = from.last;
            }
        }
    }

    /// Whether `a` and `b` agree on this part.
    pub fn same(self, a: &State, b: &State) -> bool {
        match self {
            Part::Bookmarks => a.bookmarks == b.bookmarks && a.bookmark_stamps == b.bookmark_stamps,
            Part::Reading => {
                a.read == b.read
                    && a.positions == b.positions
                    && a.position_stamps == b.position_stamps
                    && a.last == b.last
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct BookmarksFile {
    version: u64,
    bookmarks: Vec<Bookmark>,
    /// When each article's bookmark last changed (ms): see [`State::apply_at`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    stamps: BTreeMap<String, u64>,
}

#[derive(Serialize, Deserialize)]
struct ReadingFile {
    version: u64,
    #[serde(default)]
    read: BTreeSet<String>,
    #[serde(default)]
    positions: BTreeMap<String, Anchor>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    stamps: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last: Option<LastRead>,
}

/// What a file on disk turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Missing,
    Good(State),
    /// Written by a newer dubao; `State` holds what this version could make of it.
    Newer {
        version: u64,
        best_effort: State,
    },
    /// Not a store file: why, in a few words.
    Corrupt(String),
    /// A good file but for some entries: the good ones, and each bad one's JSON text
    /// (to set aside) with why the first was refused.
    Salvaged {
        state: State,
        rejected: Vec<String>,
        why: String,
    },
}

/// A bookmarks file of this version whose `bookmarks` array holds entries that do not
/// parse: keep the rest. `None` when it is not that (then the whole file is corrupt).
fn salvage(bytes: &[u8]) -> Option<Parsed> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    if value.get("version")?.as_u64()? != VERSION {
        return None;
    }
    let mut good = Vec::new();
    let mut rejected = Vec::new();
    let mut why = String::new();
    for entry in value.get("bookmarks")?.as_array()? {
        match serde_json::from_value::<Bookmark>(entry.clone()) {
            Ok(b) => good.push(b),
            Err(e) => {
                if why.is_empty() {
                    why = e.to_string();
                }
                rejected.push(entry.to_string());
            }
        }
    }
    let stamps = value
        .get("stamps")
        .and_then(|s| serde_json::from_value(s.clone()).ok())
        .unwrap_or_default();
    (!rejected.is_empty()).then(|| Parsed::Salvaged {
        state: State {
            bookmarks: good,
            bookmark_stamps: stamps,
            ..State::default()
        },
        rejected,
        why,
    })
}

/// A store file's own format version.
trait Versioned {
    fn version(&self) -> u64;
}

impl Versioned for BookmarksFile {
    fn version(&self) -> u64 {
        self.version
    }
}

impl Versioned for ReadingFile {
    fn version(&self) -> u64 {
        self.version
    }
}

/// Parse a file. The usual case (a good file of this version) is one typed parse;
/// anything else is looked at again to tell a newer file from a corrupt one.
fn parse<T: DeserializeOwned + Versioned>(bytes: &[u8], to_state: impl Fn(T) -> State) -> Parsed {
    if let Ok(t) = serde_json::from_slice::<T>(bytes)
        && t.version() == VERSION
    {
        return Parsed::Good(to_state(t));
    }
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Parsed::Corrupt(format!("not JSON: {e}")),
    };
    let version = match value.get("version") {
        None => return Parsed::Corrupt("no \"version\" field".into()),
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => return Parsed::Corrupt("\"version\" is not a whole number".into()),
        },
    };
    if version > VERSION {
        let best_effort = serde_json::from_value(value)
            .map(to_state)
            .unwrap_or_default();
        return Parsed::Newer {
            version,
            best_effort,
        };
    }
    if version < VERSION {
        return Parsed::Corrupt(format!("unknown format version {version}"));
    }
    match serde_json::from_value::<T>(value) {
        Ok(t) => Parsed::Good(to_state(t)),
        Err(e) => Parsed::Corrupt(e.to_string()),
    }
}

/// Read a file whole; `None` when it does not exist.
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Which step of saving a file failed; the I/O error in its plainest form.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot create a temporary file in the folder: {}", plain(.0))]
    Temp(io::Error),
    #[error("cannot write: {}", plain(.0))]
    Write(io::Error),
    #[error("cannot sync to disk: {}", plain(.0))]
    Sync(io::Error),
    #[error("cannot replace the file: {}", plain(.0))]
    Replace(io::Error),
}

/// Replace `path` (in `dir`) by `text`, atomically: a temporary file in the same folder
/// is written, flushed, synced and renamed over the old file, then the folder is
/// synced. On any error the temporary file is removed and the old file is untouched;
/// the error says which step failed.
pub fn write_atomic(dir: &Path, part: Part, text: &str) -> Result<(), SaveError> {
    // A symlinked file stays a symlink: the file it points to is replaced.
    let target = resolve_links(&dir.join(part.file_name()));
    let dir = target.parent().unwrap_or(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&part.temp_prefix())
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(SaveError::Temp)?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.flush())
        .map_err(SaveError::Write)?;
    tmp.as_file().sync_all().map_err(SaveError::Sync)?;
    tmp.persist(&target)
        .map_err(|e| SaveError::Replace(e.error))?;
    // The new file is in place; syncing the folder makes the rename survive a power
    // cut. If that fails the save has still happened, so it is not reported as failed.
    let _ = sync_dir(dir);
    Ok(())
}

/// The file `path` finally names, following symlinks (a few levels; a loop or an
/// unreadable link stops there).
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..16 {
        let Ok(to) = std::fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(parent) if to.is_relative() => parent.join(to),
            _ => to,
        };
    }
    path
}

/// Keep entries refused from `part`'s file in `<name>.rejected-<UTC time>` (a JSON
/// array, one entry per line) and return where. Call only under the lock.
pub fn set_aside(
    dir: &Path,
    part: Part,
    unix_secs: u64,
    entries: &[String],
) -> io::Result<PathBuf> {
    let base = format!("{}.rejected-{}", part.file_name(), timestamp(unix_secs));
    let mut to = dir.join(&base);
    let mut n = 2;
    while std::fs::symlink_metadata(&to).is_ok() {
        to = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    let text = format!("[\n{}\n]\n", entries.join(",\n"));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&to)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    Ok(to)
}

/// An I/O error without the temporary file's name that `tempfile` appends to it
/// (`… at path "/…/.bookmarks.json.Xy12ab.tmp"`): the user never sees that file.
fn plain(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" at path \"") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Make a rename in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Remove temporary files left by a process killed while writing. Call only under the
/// lock: then no live writer has a temporary file.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefixes: Vec<String> = Part::ALL.iter().map(|p| p.temp_prefix()).collect();
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".tmp") && prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Move a corrupt file aside as `<name>.corrupt-<UTC time>` (a `-2`, `-3`… suffix when
/// that name is taken) and return where it went. Call only under the lock.
pub fn move_aside(dir: &Path, part: Part, unix_secs: u64) -> io::Result<PathBuf> {
    let base = format!("{}.corrupt-{}", part.file_name(), timestamp(unix_secs));
    let mut to = dir.join(&base);
    let mut n = 2;
    while std::fs::symlink_metadata(&to).is_ok() {
        to = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    std::fs::rename(dir.join(part.file_name()), &to)?;
    let _ = sync_dir(dir);
    Ok(to)
}

/// `20261128T031500`: a UTC time, sortable and safe in a file name.
pub fn timestamp(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let secs = unix_secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's
/// algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
