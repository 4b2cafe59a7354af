//! The issue list kept per segment of the index, in memory and in the library's
//! `issues.json`, so the list (and the newest issue) is had without opening every
//! segment: a segment's issues (paper, pages and articles of its page documents still
//! alive) are read once, when the segment is first seen, and kept under its id and its
//! count of deleted documents, the only thing of a segment that ever changes.
//!
//! The file is a cache: written atomically by whichever dubao read a segment it lacked
//! (any number may; each writes only what the segments say), never needed, and rebuilt
//! from the index when it is missing, damaged or from another index.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::columnar::StrColumn;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, SegmentReader, TERMINATED, Term};

use super::{IssueInfo, IssueKey};
use crate::search::engine::{Fields, KIND_PAGE};

/// The file, in the library folder.
pub const FILE: &str = "issues.json";
/// Its layout; a file of another is read as empty.
const VERSION: u32 = 1;

/// One issue's pages in one segment: slug, date, paper name, pages, articles.
pub type Entry = (String, String, String, usize, usize);

#[derive(Default, Deserialize)]
struct Saved {
    version: u32,
    segments: HashMap<String, Vec<Entry>>,
}

#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
    segments: &'a HashMap<String, Vec<Entry>>,
}

/// The key a segment's entries are kept under.
pub fn segment_key(id: tantivy::index::SegmentId, deleted: u32) -> String {
    format!("{}.{deleted}", id.uuid_string())
}

/// The issue list by segment, loaded from its file on first use.
pub struct IssueList {
    path: Option<PathBuf>,
    known: Mutex<Option<HashMap<String, Vec<Entry>>>>,
}

impl IssueList {
    /// A list kept in `path` (`None`: in memory only).
    pub fn new(path: Option<PathBuf>) -> IssueList {
        IssueList {
            path,
            known: Mutex::new(None),
        }
    }

    fn load(&self) -> HashMap<String, Vec<Entry>> {
        let Some(bytes) = self.path.as_ref().and_then(|p| std::fs::read(p).ok()) else {
            return HashMap::new();
        };
        match serde_json::from_slice::<Saved>(&bytes) {
            Ok(s) if s.version == VERSION => s.segments,
            _ => HashMap::new(),
        }
    }

    fn save(&self, segments: &HashMap<String, Vec<Entry>>) {
        let Some(path) = &self.path else { return };
        let Some(dir) = path.parent() else { return };
        let saved = SavedRef {
            version: VERSION,
            segments,
        };
        let Ok(body) = serde_json::to_vec(&saved) else {
            return;
        };
        // A cache: a folder that cannot be written to only costs the next open time.
        let Ok(mut tmp) = tempfile::Builder::new().prefix(".issues.").tempfile_in(dir) else {
            return;
        };
        if std::io::Write::write_all(&mut tmp, &body).is_ok() {
            let _ = tmp.persist(path);
        }
    }

    /// Makes sure the entries of `segments` (keys, see [`segment_key`]) are known:
    /// `read(i)` gives those of `segments[i]` when they are not (`None`: it cannot be
    /// read, and is left out). With `save`, the file is rewritten when any were read or
    /// a segment was let go. Whether every segment is known now.
    pub fn ensure(
        &self,
        segments: &[String],
        mut read: impl FnMut(usize) -> Option<Vec<Entry>>,
        save: bool,
    ) -> bool {
        let Ok(mut known) = self.known.lock() else {
            return false;
        };
        let known = known.get_or_insert_with(|| self.load());
        let (mut changed, mut all) = (false, true);
        for (i, key) in segments.iter().enumerate() {
            if known.contains_key(key) {
                continue;
            }
            match read(i) {
                Some(entries) => {
                    known.insert(key.clone(), entries);
                    changed = true;
                }
                None => all = false,
            }
        }
        let now: HashSet<&String> = segments.iter().collect();
        if save && (changed || known.keys().any(|k| !now.contains(k))) {
            known.retain(|k, _| now.contains(k));
            self.save(known);
        }
        all
    }

    /// Every issue of `segments`, oldest first by date, then slug (see [`Self::ensure`]).
    pub fn issues(
        &self,
        segments: &[String],
        read: impl FnMut(usize) -> Option<Vec<Entry>>,
    ) -> Vec<IssueInfo> {
        self.ensure(segments, read, true);
        let Ok(known) = self.known.lock() else {
            return Vec::new();
        };
        let mut all: BTreeMap<(&str, &str), IssueInfo> = BTreeMap::new();
        let entries = segments.iter().filter_map(|k| known.as_ref()?.get(k));
        for (slug, date, paper, pages, articles) in entries.flatten() {
            let e = all.entry((date, slug)).or_insert_with(|| IssueInfo {
                key: IssueKey {
                    slug: slug.clone(),
                    date: date.clone(),
                },
                paper: paper.clone(),
                pages: 0,
                articles: 0,
            });
            e.pages += pages;
            e.articles += articles;
        }
        all.into_values().collect()
    }

    /// Which of `segments` hold pages of the issue `key`; none when the list does not
    /// know every one of them (a segment made since may hold more of the issue).
    pub fn holding(&self, segments: &[String], key: &IssueKey) -> Vec<usize> {
        let wanted = HashSet::from([(key.slug.as_str(), key.date.as_str())]);
        self.holding_each(segments, &wanted)
            .and_then(|mut m| m.remove(&(key.slug.clone(), key.date.clone())))
            .unwrap_or_default()
    }

    /// For each issue (slug, date) of `wanted` that `segments` hold, which of them do:
    /// one pass over the list for a batch of issues; `None` when the list does not know
    /// every segment.
    pub fn holding_each(
        &self,
        segments: &[String],
        wanted: &HashSet<(&str, &str)>,
    ) -> Option<HashMap<(String, String), Vec<usize>>> {
        let known = self.known.lock().ok()?;
        let known = known.as_ref()?;
        let mut out: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, seg) in segments.iter().enumerate() {
            for e in known.get(seg)? {
                if wanted.contains(&(e.0.as_str(), e.1.as_str())) {
                    let at = out.entry((e.0.clone(), e.1.clone())).or_default();
                    if at.last() != Some(&i) {
                        at.push(i);
                    }
                }
            }
        }
        Some(out)
    }
}

/// The issues of one segment's page documents still alive; `None` when it cannot be
/// read.
pub fn read_segment(seg: &SegmentReader, f: &Fields) -> Option<Vec<Entry>> {
    let ff = seg.fast_fields();
    let (keys, papers): (StrColumn, StrColumn) =
        (ff.str("issue_key").ok()??, ff.str("paper_name").ok()??);
    let counts = ff.u64("articles").ok()?;
    let term = Term::from_field_u64(f.kind, KIND_PAGE);
    let postings = seg
        .inverted_index(f.kind)
        .ok()?
        .read_postings(&term, IndexRecordOption::Basic)
        .ok()?;
    // issue ord → (paper ord, pages, articles), resolved to text below.
    let mut by_ord: HashMap<u64, (u64, usize, usize)> = HashMap::new();
    if let Some(mut postings) = postings {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if !seg.is_deleted(doc)
                && let Some(k) = keys.term_ords(doc).next()
            {
                let p = papers.term_ords(doc).next().unwrap_or(0);
                let e = by_ord.entry(k).or_insert((p, 0, 0));
                e.1 += 1;
                e.2 += counts.first(doc).unwrap_or(0) as usize;
            }
            doc = postings.advance();
        }
    }
    let mut out = Vec::with_capacity(by_ord.len());
    let (mut key, mut paper) = (String::new(), String::new());
    for (k, (p, pages, articles)) in by_ord {
        key.clear();
        paper.clear();
        if !keys.ord_to_str(k, &mut key).unwrap_or(false) {
            continue;
        }
        let _ = papers.ord_to_str(p, &mut paper);
        let (slug, date) = key.split_once('\t').unwrap_or((key.as_str(), ""));
        out.push((
            slug.to_string(),
            date.to_string(),
            paper.clone(),
            pages,
            articles,
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, date: &str, pages: usize) -> Entry {
        (
            slug.into(),
            date.into(),
            format!("{slug}报"),
            pages,
            pages * 3,
        )
    }

    #[test]
    fn segments_are_read_once_kept_in_the_file_and_let_go_when_gone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let segs = vec!["a.0".to_string(), "b.0".to_string()];
        let mut reads = Vec::new();
        let list = IssueList::new(Some(path.clone()));
        let got = list.issues(&segs, |i| {
            reads.push(i);
            Some(match i {
                0 => vec![
                    entry("rmrb", "2024-01-02", 2),
                    entry("gmrb", "2024-01-01", 1),
                ],
                _ => vec![entry("rmrb", "2024-01-02", 3)],
            })
        });
        assert_eq!(reads, vec![0, 1]);
        let keys: Vec<_> = got
            .iter()
            .map(|i| {
                (
                    i.key.slug.as_str(),
                    i.key.date.as_str(),
                    i.pages,
                    i.articles,
                )
            })
            .collect();
        assert_eq!(
            keys,
            vec![("gmrb", "2024-01-01", 1, 3), ("rmrb", "2024-01-02", 5, 15)],
            "oldest first, an issue across segments added up"
        );
        assert_eq!(list.holding(&segs, &got[1].key), vec![0, 1]);
        let with_new = vec!["a.0".to_string(), "b.0".to_string(), "n.0".to_string()];
        assert!(
            list.holding(&with_new, &got[1].key).is_empty(),
            "a segment the list has not read may hold more of the issue"
        );
        // Another process: read from the file, nothing read again.
        let again = IssueList::new(Some(path.clone()));
        assert_eq!(again.issues(&segs, |_| panic!("read again")), got);
        // `b` merged away into `c`, with a page deleted: `b` let go, `c` read.
        let segs2 = vec!["a.0".to_string(), "c.1".to_string()];
        let third = again.issues(&segs2, |_| Some(vec![entry("rmrb", "2024-01-03", 1)]));
        assert_eq!(third.len(), 3);
        let saved: Saved = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let mut kept: Vec<_> = saved.segments.keys().cloned().collect();
        kept.sort();
        assert_eq!(kept, segs2);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_read_as_empty_and_a_segment_unread_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        std::fs::write(&path, b"{garbage").unwrap();
        let segs = vec!["a.0".to_string(), "b.0".to_string()];
        let list = IssueList::new(Some(path.clone()));
        let got = list.issues(&segs, |i| {
            (i == 0).then(|| vec![entry("p", "2024-01-01", 1)])
        });
        assert_eq!(got.len(), 1);
        assert!(serde_json::from_slice::<Saved>(&std::fs::read(&path).unwrap()).is_ok());
        std::fs::write(&path, br#"{"version":99,"segments":{"a.0":[]}}"#).unwrap();
        let fresh = IssueList::new(Some(path));
        assert_eq!(
            fresh
                .issues(&segs[..1], |_| Some(vec![entry("q", "2024-01-02", 1)]))
                .len(),
            1
        );
    }
}
