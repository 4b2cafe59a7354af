//! A library that can be trusted: [`check`] says whether it is whole (format, index,
//! every stored page, the page archive, an interrupted rebuild), [`readable`] gathers
//! every page that can still be read from a damaged or older library (the archive, then
//! whatever the old index still holds), and [`rebuild`] makes a new index from those
//! pages, keeping every id.
//!
//! A rebuild never deletes: it first adds to the archive the pages only the old index
//! held, builds the new index in `index.new/`, and only then moves the old index aside
//! (`index.old-<time>/`, named for the user to remove) and the new one in. Killed at any
//! moment, it leaves the archive and the old index as they were.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::{Index, SegmentReader, TantivyDocument};

use super::LibraryError;
use super::archive::Archive;
use super::disk::{FORMAT, FORMAT_FILE, INDEX_DIR, read_format, write_format};
use super::drop_behind::DropBehind;
use super::store::{Store, StoredPage, store_err};
use crate::model::{Issue, Library, Page};
use crate::search::engine;

/// Where a rebuild builds the new index.
const NEW_DIR: &str = "index.new";

/// Pages between the rebuild's commits (and progress reports).
const BATCH_PAGES: usize = 200;

/// `slug`, `date`, page number.
type PageKey = (String, String, String);

/// What [`check`] found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Health {
    /// One line per thing wrong; empty when the library is whole.
    pub problems: Vec<String>,
    /// Pages in the archive, and pages the index holds readable.
    pub archived: usize,
    pub indexed: usize,
}

/// Every stored page an index still holds: read segment by segment, so one damaged
/// segment costs only its own pages (each failure is a line in `warnings`).
fn index_pages(index_dir: &Path, warnings: &mut Vec<String>) -> Option<Vec<StoredPage>> {
    let name = index_dir.display();
    let index = match MmapDirectory::open(index_dir)
        .map_err(|e| e.to_string())
        .and_then(|d| Index::open(d).map_err(|e| e.to_string()))
    {
        Ok(i) => i,
        Err(e) => {
            warnings.push(format!("{name}: cannot be opened ({e})"));
            return None;
        }
    };
    let Ok(body) = index.schema().get_field("body") else {
        warnings.push(format!("{name}: not a dubao library index"));
        return None;
    };
    let segments = match index.searchable_segments() {
        Ok(s) => s,
        Err(e) => {
            warnings.push(format!("{name}: cannot be read ({e})"));
            return None;
        }
    };
    let mut pages = Vec::new();
    for seg in &segments {
        let id = seg.id().uuid_string();
        let read = SegmentReader::open(seg)
            .map_err(|e| e.to_string())
            .and_then(|r| segment_pages(&r, body, &mut pages).map_err(|e| e.to_string()));
        if let Err(e) = read {
            warnings.push(format!("{name}: segment {id} is damaged ({e})"));
        }
    }
    Some(pages)
}

fn segment_pages(
    seg: &SegmentReader,
    body: tantivy::schema::Field,
    out: &mut Vec<StoredPage>,
) -> tantivy::Result<()> {
    let store = seg.get_store_reader(1)?;
    for doc in store.iter::<TantivyDocument>(seg.alive_bitset()) {
        let doc = doc?;
        if let Some(bytes) = doc.get_first(body).and_then(|v| v.as_bytes())
            && let Ok(p) = serde_json::from_slice::<StoredPage>(bytes)
        {
            out.push(p);
        }
    }
    Ok(())
}

fn key_of(slug: &str, date: &str, page: &Page) -> PageKey {
    (slug.to_string(), date.to_string(), page.number.clone())
}

/// Every page that can be read: the archive's, then those only the old index holds.
/// Returns the library, how many pages came from the index alone, and a line per thing
/// that could not be read.
pub fn readable(dir: &Path) -> (Library, usize, Vec<String>) {
    let (issues, mut warnings) = Archive::new(dir).issues();
    let mut seen: BTreeMap<(String, String), Issue> = issues
        .into_iter()
        .map(|i| ((i.slug.clone(), i.date.clone()), i))
        .collect();
    let mut salvaged = 0;
    let index_dir = dir.join(INDEX_DIR);
    if index_dir.join("meta.json").exists() {
        for p in index_pages(&index_dir, &mut warnings).unwrap_or_default() {
            let issue = seen
                .entry((p.slug.clone(), p.date.clone()))
                .or_insert_with(|| Issue {
                    paper: p.paper.clone(),
                    slug: p.slug.clone(),
                    date: p.date.clone(),
                    pages: Vec::new(),
                });
            if !issue.pages.iter().any(|q| q.number == p.page.number) {
                issue.pages.push(p.page);
                salvaged += 1;
            }
        }
    }
    let mut issues: Vec<Issue> = seen.into_values().collect();
    for i in &mut issues {
        i.pages
            .sort_by(|a, b| crate::import::place::page_order(&a.number, &b.number));
    }
    issues.sort_by(|a, b| (&a.date, &a.slug).cmp(&(&b.date, &b.slug)));
    (Library { issues }, salvaged, warnings)
}

/// Whether the library in `dir` is whole: one line per thing wrong.
pub fn check(dir: &Path) -> Health {
    let mut h = Health::default();
    match read_format(dir) {
        Ok(Some(f)) if f != FORMAT => h.problems.push(format!(
            "{}: format {f}, this dubao reads {FORMAT}",
            dir.join(FORMAT_FILE).display()
        )),
        Ok(_) => {}
        Err(e) => h.problems.push(e.to_string()),
    }
    if dir.join(NEW_DIR).exists() {
        h.problems.push(format!(
            "{}: left by an interrupted rebuild",
            dir.join(NEW_DIR).display()
        ));
    }
    let (archived, warnings) = Archive::new(dir).issues();
    h.problems.extend(warnings);
    let mut want: BTreeMap<PageKey, Page> = BTreeMap::new();
    for i in archived {
        for p in i.pages {
            want.insert(key_of(&i.slug, &i.date, &p), p);
        }
    }
    h.archived = want.len();
    let index_dir = dir.join(INDEX_DIR);
    let mut have: BTreeMap<PageKey, Page> = BTreeMap::new();
    if index_dir.join("meta.json").exists() {
        let mut warnings = Vec::new();
        for p in index_pages(&index_dir, &mut warnings).unwrap_or_default() {
            have.insert(key_of(&p.slug, &p.date, &p.page), p.page);
        }
        h.problems.extend(warnings);
    } else if !want.is_empty() {
        h.problems
            .push(format!("{}: the index is missing", index_dir.display()));
    }
    h.indexed = have.len();
    let missing = want.keys().filter(|k| !have.contains_key(*k)).count();
    let differ = want
        .iter()
        .filter(|(k, p)| have.get(*k).is_some_and(|q| q != *p))
        .count();
    let unarchived = have.keys().filter(|k| !want.contains_key(*k)).count();
    let mut say = |n: usize, what: &str| {
        if n > 0 {
            h.problems.push(format!("{n} pages {what}"));
        }
    };
    say(missing, "of the archive are not in the index");
    say(differ, "differ between the archive and the index");
    say(unarchived, "are in the index but not in the page archive");
    h
}

/// The damaged file a tantivy error names (`meta.json`, `….store`), if any.
fn named_file(why: &str) -> Option<String> {
    why.split(|c: char| c.is_whitespace() || "\"'()[]{},:".contains(c))
        .map(|w| w.rsplit('/').next().unwrap_or(w))
        .find(|w| {
            *w == "meta.json"
                || [
                    ".store",
                    ".idx",
                    ".term",
                    ".pos",
                    ".fast",
                    ".fieldnorm",
                    ".del",
                ]
                .iter()
                .any(|e| w.ends_with(e) && w.len() > e.len())
        })
        .map(str::to_string)
}

/// A short line for the status line: what is wrong with the library in `dir` and the
/// command that repairs it (`open_error`: why it could not be opened, if it could not);
/// `None` when nothing is seen wrong without reading a segment (a segment file gone
/// fails the open; a segment damaged inside is named by the first search).
pub fn diagnose(dir: &Path, open_error: Option<&LibraryError>) -> Option<String> {
    const REBUILD: &str = "`dubao library rebuild` rebuilds it from the stored pages";
    match read_format(dir) {
        Ok(Some(f)) if f < FORMAT => {
            return Some(format!(
                "library in an older format ({f}): `dubao library rebuild` brings it to format {FORMAT}"
            ));
        }
        Ok(Some(f)) if f > FORMAT => {
            return Some(format!(
                "library written by a newer dubao (format {f}): update dubao to read it"
            ));
        }
        Err(_) => return Some(format!("{FORMAT_FILE} damaged: {REBUILD}")),
        Ok(_) => {}
    }
    if let Some(e) = open_error {
        let why = e.to_string();
        if why.contains("the index is missing") {
            return Some(format!("library index missing: {REBUILD}"));
        }
        if e.is_busy() {
            return None;
        }
        return Some(match named_file(&why) {
            Some(f) => format!("library index damaged ({f}): {REBUILD}"),
            None => format!("library index damaged: {REBUILD}"),
        });
    }
    dir.join(NEW_DIR).exists().then(|| {
        "a rebuild of the library was interrupted: `dubao library rebuild` finishes it".to_string()
    })
}

/// The old index's writer, held through a rebuild so no import or fetch writes to it
/// meanwhile; `None` when the old index cannot be opened (damaged, missing).
fn hold_writer(index_dir: &Path) -> Result<Option<tantivy::IndexWriter>, LibraryError> {
    let Ok(index) = Index::open_in_dir(index_dir) else {
        return Ok(None);
    };
    match index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000) {
        Ok(w) => Ok(Some(w)),
        Err(tantivy::TantivyError::LockFailure(..)) => Err(super::store::busy("library")),
        Err(_) => Ok(None),
    }
}

/// What [`rebuild`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    pub issues: usize,
    pub pages: usize,
    /// Pages only the old index held, now in the archive too.
    pub salvaged: usize,
    /// Where the old index was moved (for the user to remove).
    pub old_index: Option<PathBuf>,
    /// What could not be read.
    pub warnings: Vec<String>,
}

/// Builds a new index for the library in `dir` from every readable page, then puts it
/// in place of the old one (moved aside, not deleted). `progress` hears the pages
/// indexed so far and the total.
pub fn rebuild(
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Rebuilt, LibraryError> {
    let index_dir = dir.join(INDEX_DIR);
    let writer = hold_writer(&index_dir)?;
    let (lib, salvaged, warnings) = readable(dir);
    let archive = Archive::new(dir);
    // First of all, what only the old index held goes where it cannot be lost.
    archive.add(&lib.issues)?;
    let total: usize = lib.issues.iter().map(|i| i.pages.len()).sum();
    let new_dir = dir.join(NEW_DIR);
    if new_dir.exists() {
        // Only ever a rebuild's own unfinished work: every page in it is in the archive.
        std::fs::remove_dir_all(&new_dir)
            .map_err(|e| store_err(&new_dir.display().to_string(), e))?;
    }
    build_index(&new_dir, &lib, total, progress)?;
    drop(writer);
    let old_index = if index_dir.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let aside = dir.join(format!("index.old-{stamp}"));
        std::fs::rename(&index_dir, &aside)
            .map_err(|e| store_err(&index_dir.display().to_string(), e))?;
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&new_dir, &index_dir)
        .map_err(|e| store_err(&new_dir.display().to_string(), e))?;
    write_format(dir)?;
    Ok(Rebuilt {
        issues: lib.issues.len(),
        pages: total,
        salvaged,
        old_index,
        warnings,
    })
}

fn build_index(
    new_dir: &Path,
    lib: &Library,
    total: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), LibraryError> {
    let at = new_dir.display().to_string();
    std::fs::create_dir_all(new_dir).map_err(|e| store_err(&at, e))?;
    // Read through by the merges, like the writer's (see `super::drop_behind`).
    let mmap = DropBehind::new(MmapDirectory::open(new_dir).map_err(|e| store_err(&at, e))?);
    let index = Index::builder()
        .schema(engine::schema().0)
        .settings(engine::settings())
        .open_or_create(mmap)
        .map_err(|e| store_err(&at, e))?;
    let store = Store::new(index)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut writer = store.writer(threads)?;
    let (mut done, mut since) = (0, 0);
    progress(0, total);
    for issue in &lib.issues {
        store.add(&writer, std::slice::from_ref(issue))?;
        done += issue.pages.len();
        since += issue.pages.len();
        if since >= BATCH_PAGES {
            store.commit(&mut writer)?;
            progress(done, total);
            since = 0;
        }
    }
    store.commit(&mut writer)?;
    writer
        .wait_merging_threads()
        .map_err(|e| store_err("library merge", e))?;
    progress(done, total);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::load_bundled;
    use crate::library::Shelf;
    use crate::library::disk::DiskShelf;

    fn two_issues() -> Vec<Issue> {
        let mut a = load_bundled().issues;
        let mut b = a[0].clone();
        b.date = "2022-07-02".into();
        a.push(b);
        a
    }

    #[test]
    fn the_damaged_file_is_named() {
        assert_eq!(
            named_file("Data corrupted: 'meta.json' …").as_deref(),
            Some("meta.json")
        );
        let e = "FileDoesNotExist(\"/x/index/0a1b.store\")";
        assert_eq!(named_file(e).as_deref(), Some("0a1b.store"));
        assert_eq!(named_file("nothing here .store"), None);
    }

    #[test]
    fn a_whole_library_checks_whole_and_a_damaged_one_rebuilds() {
        let dir = tempfile::tempdir().unwrap();
        DiskShelf::open(dir.path())
            .unwrap()
            .add_issues(&two_issues())
            .unwrap();
        let h = check(dir.path());
        assert_eq!(h.problems, Vec::<String>::new());
        assert_eq!((h.archived, h.indexed), (2, 2));
        std::fs::write(dir.path().join("index/meta.json"), b"garbage").unwrap();
        assert!(DiskShelf::open(dir.path()).is_err());
        assert!(!check(dir.path()).problems.is_empty());
        let r = rebuild(dir.path(), &mut |_, _| {}).unwrap();
        assert_eq!((r.issues, r.pages, r.salvaged), (2, 2, 0));
        assert!(r.old_index.unwrap().exists(), "moved aside, not deleted");
        assert_eq!(check(dir.path()).problems, Vec::<String>::new());
        let shelf = DiskShelf::open(dir.path()).unwrap();
        assert_eq!(shelf.issues().len(), 2);
        let id = &two_issues()[1].pages[0].articles[0].id;
        assert!(shelf.article(id).is_some(), "ids kept");
    }

    #[test]
    fn pages_only_the_old_index_holds_are_salvaged_into_the_archive() {
        let dir = tempfile::tempdir().unwrap();
        DiskShelf::open(dir.path())
            .unwrap()
            .add_issues(&two_issues())
            .unwrap();
        // An older library: no archive.
        std::fs::remove_dir_all(dir.path().join("pages")).unwrap();
        let h = check(dir.path());
        assert_eq!(
            h.problems,
            vec!["2 pages are in the index but not in the page archive".to_string()]
        );
        let r = rebuild(dir.path(), &mut |_, _| {}).unwrap();
        assert_eq!(r.salvaged, 2);
        assert_eq!(Archive::new(dir.path()).issues().0.len(), 2);
        assert!(check(dir.path()).problems.is_empty());
    }
}
