//! `dubao export` and `dubao bookmarks --export|--import`: the two files a whole move
//! to a new machine takes. The export is what the other commands read (the library on
//! disk, or the `--data` files), written an issue at a time so a large library never
//! sits in memory whole; `dubao import` reads it back with the same ids.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize};

use crate::bookmarks::{Bookmark, Change, MarkStore, State};
use crate::library::Shelf;

/// Every issue of a shelf, loaded one at a time as it is written.
struct Issues<'a>(&'a dyn Shelf);

impl Serialize for Issues<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let infos = self.0.issues();
        let mut seq = s.serialize_seq(Some(infos.len()))?;
        for info in &infos {
            let issue = self.0.load_issue(&info.key).map_err(S::Error::custom)?;
            seq.serialize_element(&issue)?;
        }
        seq.end()
    }
}

/// A [`crate::model::Library`] whose issues come from a shelf.
struct ShelfLibrary<'a>(&'a dyn Shelf);

impl Serialize for ShelfLibrary<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Library", 1)?;
        st.serialize_field("issues", &Issues(self.0))?;
        st.end()
    }
}

/// `dubao export`: the `--data` files as loaded, else the library (the bundled issue
/// while nothing is imported), as one `export --json` document. Returns the number of
/// issues written.
pub fn export(out: &mut impl Write, data: &[PathBuf]) -> Result<usize> {
    if !data.is_empty() {
        let lib = super::load_library(data)?;
        serde_json::to_writer_pretty(&mut *out, &lib)?;
        writeln!(out)?;
        return Ok(lib.issues.len());
    }
    let source = super::library::open_source(data)?;
    let shelf = source.shelf();
    serde_json::to_writer_pretty(&mut *out, &ShelfLibrary(shelf))?;
    writeln!(out)?;
    Ok(shelf.issues().len())
}

/// What `dubao bookmarks --export` writes: the bookmarks and the reading state.
#[derive(Debug, Serialize, Deserialize)]
struct StateExport {
    dubao_state: u32,
    #[serde(flatten)]
    state: State,
}

/// `dubao bookmarks --export`: bookmarks, read articles and places, with their stamps.
pub fn export_state(out: &mut impl Write, state: &State) -> Result<()> {
    let doc = StateExport {
        dubao_state: 1,
        state: state.clone(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

/// Read a file written by `bookmarks --export` (or the array of `bookmarks --json`).
fn read_state(path: &Path) -> Result<State> {
    let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
    if let Ok(list) = serde_json::from_slice::<Vec<Bookmark>>(&bytes) {
        return Ok(State {
            bookmarks: list,
            ..State::default()
        });
    }
    serde_json::from_slice::<StateExport>(&bytes)
        .map(|e| e.state)
        .map_err(|e| {
            anyhow::anyhow!(
                "{}: not a `dubao bookmarks --export` or `--json` file ({e})",
                path.display()
            )
        })
}

/// The changes that bring `from` into a store: each bookmark and place with the time
/// it was made, so a newer change already in the store is never undone.
fn changes_of(from: State) -> Vec<(Change, u64)> {
    let mut out = Vec::new();
    for b in from.bookmarks {
        let at = from
            .bookmark_stamps
            .get(&b.id)
            .copied()
            .unwrap_or(b.created.saturating_mul(1000));
        out.push((Change::Add(b), at));
    }
    for id in from.read {
        out.push((Change::MarkRead(id), 0));
    }
    for (id, anchor) in from.positions {
        let at = from.position_stamps.get(&id).copied().unwrap_or(0);
        out.push((Change::Position(id, anchor), at));
    }
    out
}

/// `dubao bookmarks --import FILE`: merge a state export into the store. Returns how
/// many bookmarks the store holds that it did not before; fails when the file holds
/// nothing at all.
pub fn import_state(store: &MarkStore, path: &Path) -> Result<(usize, Option<String>)> {
    let from = read_state(path)?;
    let changes = changes_of(from);
    if changes.is_empty() {
        anyhow::bail!(
            "{}: holds no bookmarks and no reading state",
            path.display()
        );
    }
    let (before, _) = store.load()?;
    let (after, warning) = store.apply_stamped(&changes)?;
    let new = after
        .bookmarks
        .iter()
        .filter(|b| !before.is_bookmarked(&b.id))
        .count();
    Ok((new, warning))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Anchor;

    fn bookmark(id: &str) -> Bookmark {
        Bookmark {
            id: id.into(),
            paper: "河北日报".into(),
            date: "2022-07-01".into(),
            title: "标题".into(),
            anchor: Anchor::default(),
            created: 1_700_000_000,
        }
    }

    #[test]
    fn a_state_export_reads_back_whole() {
        let mut state = State::default();
        state.apply_at(&Change::Add(bookmark("a/1")), 5);
        state.apply_at(&Change::MarkRead("a/2".into()), 6);
        state.apply_at(&Change::Position("a/2".into(), Anchor::default()), 7);
        let mut out = Vec::new();
        export_state(&mut out, &state).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, &out).unwrap();
        assert_eq!(read_state(&path).unwrap(), state);
    }

    #[test]
    fn a_bookmarks_json_array_is_taken_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.json");
        std::fs::write(&path, serde_json::to_vec(&[bookmark("a/1")]).unwrap()).unwrap();
        let state = read_state(&path).unwrap();
        assert_eq!(state.bookmarks, vec![bookmark("a/1")]);
        let changes = changes_of(state);
        assert_eq!(changes[0].1, 1_700_000_000_000, "stamped when it was made");
    }

    #[test]
    fn other_json_is_refused_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.json");
        std::fs::write(&path, br#"{"issues": []}"#).unwrap();
        let err = read_state(&path).unwrap_err().to_string();
        assert!(
            err.contains("other.json") && err.contains("--export"),
            "{err}"
        );
    }
}
