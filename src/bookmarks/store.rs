//! The store in one folder: load the state, and apply changes under the lock
//! (lock → read → merge → atomic write).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::file::{self, Parsed, Part};
use super::{Change, State, StoreError};

/// The store in one folder.
#[derive(Debug, Clone)]
pub struct MarkStore {
    dir: PathBuf,
}

/// One part as read, with what the user should hear about it.
pub(super) struct Loaded {
    pub(super) state: State,
    /// The format version, when a newer dubao wrote the file.
    newer: Option<u64>,
    pub(super) warning: Option<String>,
}

/// How the store's files stood when last seen (see [`MarkStore::stamp`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamp([Option<(u64, u64, i64, i64)>; 2]);

/// The name of the lock file in the store's folder.
const LOCK_FILE: &str = "state.lock";
/// Where the first skeleton kept everything, unversioned.
const LEGACY_FILE: &str = "state.json";

impl MarkStore {
    /// The data folder from `directories` (honours `XDG_DATA_HOME`).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dubao").map(|d| d.data_dir().to_path_buf())
    }

    pub fn new(dir: impl Into<PathBuf>) -> MarkStore {
        MarkStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds the bookmarks.
    pub fn bookmarks_path(&self) -> PathBuf {
        self.path(Part::Bookmarks)
    }

    /// The file that holds the reading state (read articles, positions).
    pub fn reading_path(&self) -> PathBuf {
        self.path(Part::Reading)
    }

    fn path(&self, part: Part) -> PathBuf {
        self.dir.join(part.file_name())
    }

    /// What the two files look like on disk now (size, time and file of each): a
    /// different stamp means another process (or this one) wrote since. Every write
    /// renames a new file in, so a write always shows.
    pub fn stamp(&self) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp(Part::ALL.map(|part| {
            std::fs::metadata(self.path(part))
                .ok()
                .map(|m| (m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
        }))
    }

    /// Read the stored state. The `String` is a warning to show the user (a corrupt
    /// file was moved aside, a newer dubao wrote a file). Reads take no lock (files
    /// are only ever replaced whole by a rename); moving a corrupt file aside does.
    pub fn load(&self) -> Result<(State, Option<String>), StoreError> {
        let mut state = State::default();
        let mut warnings = Vec::new();
        for part in Part::ALL {
            let parsed = match (self.read(part), part) {
                (Ok(parsed), _) => parsed,
                // Reading state that cannot be read never keeps the bookmarks from loading.
                (Err(e), Part::Reading) => {
                    warnings.push(format!("{e}; reading state not loaded"));
                    continue;
                }
                (Err(e), Part::Bookmarks) => return Err(e),
            };
            let loaded = self.load_part(part, parsed)?;
            part.take(&mut state, loaded.state);
            warnings.extend(loaded.warning);
        }
        Ok((state, join(warnings)))
    }

    /// Apply changes: under the lock, read what is on disk, merge, write back the
    /// files that changed. Returns the new state (with every other process's changes)
    /// and a warning for the user, as [`MarkStore::load`].
    ///
    /// On error nothing was half-written: each file on disk is either the old one or
    /// the new one whole. The error names the file and the trouble in one line.
    pub fn apply(&self, changes: &[Change]) -> Result<(State, Option<String>), StoreError> {
        let at = super::now_ms();
        let stamped: Vec<(Change, u64)> = changes.iter().map(|c| (c.clone(), at)).collect();
        self.apply_stamped(&stamped)
    }

    /// [`MarkStore::apply`] for changes made earlier (each with when it was made, ms since
    /// the epoch): one older than the last change on disk to the same article's
    /// bookmark or place changes nothing, so a failed change sent again later never
    /// undoes a newer one another process made.
    pub fn apply_stamped(
        &self,
        changes: &[(Change, u64)],
    ) -> Result<(State, Option<String>), StoreError> {
        if changes.is_empty() {
            return self.load();
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| StoreError::Io {
            path: self.dir.clone(),
            what: format!("cannot create the folder, so nothing was saved: {e}"),
        })?;
        let _lock = self.lock()?;
        file::remove_stale_temps(&self.dir);
        let mut state = State::default();
        let mut warnings = Vec::new();
        for part in Part::ALL {
            let touched = changes
                .iter()
                .any(|(c, _)| c.is_bookmark() == (part == Part::Bookmarks));
            let parsed = match self.read(part) {
                Ok(parsed) => parsed,
                // Unreadable and not changed: left alone (its part of the state is
                // empty, and an unchanged part is never written).
                Err(e) if !touched => {
                    warnings.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e),
            };
            let loaded = self.settle(part, parsed)?;
            if let (true, Some(version)) = (touched, loaded.newer) {
                return Err(StoreError::Newer {
                    path: self.path(part),
                    version,
                });
            }
            part.take(&mut state, loaded.state);
            warnings.extend(loaded.warning);
        }
        let before = state.clone();
        for (c, at) in changes {
            state.apply_at(c, *at);
        }
        for part in Part::ALL {
            if part.same(&before, &state) {
                continue;
            }
            file::write_atomic(&self.dir, part, &part.encode(&state)).map_err(|e| {
                StoreError::Io {
                    path: self.path(part),
                    what: format!("could not save ({e}); the file on disk is as it was"),
                }
            })?;
        }
        Ok((state, join(warnings)))
    }

    /// Settle a part read without the lock. A corrupt one is read again under the
    /// lock before it is moved: another process may have moved or replaced it since.
    pub(super) fn load_part(&self, part: Part, unlocked: Parsed) -> Result<Loaded, StoreError> {
        match unlocked {
            Parsed::Corrupt(_) | Parsed::Salvaged { .. } => {
                let _lock = self.lock()?;
                let again = self.read(part)?;
                self.settle(part, again)
            }
            parsed => self.settle(part, parsed),
        }
    }

    /// Read one part's file.
    pub(super) fn read(&self, part: Part) -> Result<Parsed, StoreError> {
        let path = self.path(part);
        match file::read(&path) {
            Ok(None) => Ok(self.legacy()),
            Ok(Some(bytes)) => Ok(part.parse(&bytes)),
            Err(e) => Err(StoreError::Io {
                path,
                what: format!("cannot read: {e}"),
            }),
        }
    }

    /// While a part's own file does not exist yet, the skeleton's `state.json` (if it
    /// parses) stands in for it, so bookmarks made with the first dubao carry over on
    /// the next save. `state.json` itself is never changed or moved; one that does not
    /// parse is left alone and counts as no file.
    fn legacy(&self) -> Parsed {
        std::fs::read(self.dir.join(LEGACY_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<State>(&bytes).ok())
            .map_or(Parsed::Missing, Parsed::Good)
    }

    /// Turn a parsed file into state and a warning; a corrupt file is moved aside
    /// (the caller holds the lock).
    fn settle(&self, part: Part, parsed: Parsed) -> Result<Loaded, StoreError> {
        let path = self.path(part);
        let loaded = match parsed {
            Parsed::Missing => Loaded {
                state: State::default(),
                newer: None,
                warning: None,
            },
            Parsed::Good(state) => Loaded {
                state,
                newer: None,
                warning: None,
            },
            Parsed::Newer {
                version,
                best_effort,
            } => Loaded {
                state: best_effort,
                newer: Some(version),
                warning: Some(format!(
                    "{} {} was written by a newer dubao (format version {version}); \
                     showing what this version understands, changes to it will not be saved",
                    part.label(),
                    path.display()
                )),
            },
            Parsed::Salvaged {
                state,
                rejected,
                why,
            } => self.salvaged(part, state, &rejected, &why)?,
            Parsed::Corrupt(why) => {
                let to = file::move_aside(&self.dir, part, super::now()).map_err(|e| {
                    StoreError::Io {
                        path: path.clone(),
                        what: format!("corrupt ({why}) and could not be moved aside: {e}"),
                    }
                })?;
                Loaded {
                    state: State::default(),
                    newer: None,
                    warning: Some(format!(
                        "{} was corrupt ({why}); moved to {}",
                        part.label(),
                        to.display()
                    )),
                }
            }
        };
        Ok(loaded)
    }

    /// Set a file's bad entries aside and write back the good ones (the caller holds
    /// the lock), so the next load is clean and nothing is lost.
    fn salvaged(
        &self,
        part: Part,
        state: State,
        rejected: &[String],
        why: &str,
    ) -> Result<Loaded, StoreError> {
        let path = self.path(part);
        let io = |what: String| StoreError::Io {
            path: path.clone(),
            what,
        };
        let to = file::set_aside(&self.dir, part, super::now(), rejected)
            .map_err(|e| io(format!("bad entries could not be set aside: {e}")))?;
        file::write_atomic(&self.dir, part, &part.encode(&state))
            .map_err(|e| io(format!("could not save the good entries ({e})")))?;
        let n = rejected.len();
        Ok(Loaded {
            warning: Some(format!(
                "{} {}: {n} bad {} ({why}) set aside in {}; the other {} kept",
                part.label(),
                path.display(),
                if n == 1 { "entry" } else { "entries" },
                to.display(),
                state.bookmarks.len()
            )),
            state,
            newer: None,
        })
    }

    /// Take the store's advisory lock; it is released when the returned file drops
    /// (or the process dies).
    fn lock(&self) -> Result<File, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            // On a read-only file system an existing lock file still opens for reading,
            // and a read-only descriptor can hold the lock.
            .or_else(|e| File::open(&path).map_err(|_| e))
            .map_err(|e| StoreError::Io {
                path: path.clone(),
                what: format!("cannot create the lock file, so nothing was saved: {e}"),
            })?;
        file.lock().map_err(|e| StoreError::Io {
            path,
            what: format!("cannot take the lock, so nothing was saved: {e}"),
        })?;
        Ok(file)
    }
}

fn join(warnings: Vec<String>) -> Option<String> {
    (!warnings.is_empty()).then(|| warnings.join("; "))
}
