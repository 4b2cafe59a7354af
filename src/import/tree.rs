//! Files and folders on disk → one library.
//!
//! A folder tree `<root>/<paper>/<YYYY-MM-DD>/<NN>.txt` is read as issues by date and
//! pages by number; [`super::place`] says where each file sits. `.json` files are
//! `dubao export --json` output and come back as they were, read as a stream.
//!
//! One bad file never stops a library: a file found inside a folder that is empty,
//! unreadable, binary, not a regular file (a pipe, a device, a link to one) or over the
//! size limit is skipped with one warning naming it, and everything else loads. A path
//! named directly that cannot be loaded is an error. Nothing is opened before its
//! metadata says it is a regular file, and no more than the limit is ever read. The same
//! file reached twice (two paths, a folder and its subfolder, a link) loads once, and
//! files load in the order of their canonical paths, so ids never depend on the order
//! the paths were given in.

use std::collections::HashSet;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use super::place::{PagePlace, page_order};
use super::{ImportError, decode, export, parse_page};
use crate::model::{Issue, Library};

/// Folders deeper than this are not followed (a guard against link loops).
const MAX_DEPTH: usize = 12;

/// What loading gave: the library, and the files skipped on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    /// One per file skipped inside a folder, naming it.
    pub warnings: Vec<ImportError>,
}

/// A file to load, and whether it was named directly (then failing is an error).
#[derive(Clone)]
struct Found {
    path: PathBuf,
    key: PathBuf,
    direct: bool,
}

/// What a folder holds that loading reads: page dumps and exports.
const PAGE_EXTS: &[&str] = &["txt", "json"];

/// Load files and folders (folders recursively) into one library.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, ImportError> {
    let mut out = Loaded::default();
    let files = gather(paths, PAGE_EXTS, true, &mut out.warnings)?;
    // Files are read and parsed on every core, and merged here in their order.
    let threads = super::parallel::threads_for(files.len());
    let read = super::parallel::in_order(files, threads, |f: &Found| read_file(&f.path));
    for (file, read) in read {
        match read.and_then(|r| merge_file(&file.path, r, &mut out.library)) {
            Ok(()) => {}
            Err(e) if file.direct => return Err(e),
            Err(e) => out.warnings.push(e),
        }
    }
    dedup_warnings(&mut out.warnings);
    let lib = &mut out.library;
    lib.issues.sort_by(|a, b| {
        (a.date.is_empty(), &a.date, &a.slug).cmp(&(b.date.is_empty(), &b.date, &b.slug))
    });
    for issue in &mut lib.issues {
        issue.pages.sort_by(|a, b| page_order(&a.number, &b.number));
    }
    Ok(out)
}

/// Folders of page dumps loaded issue by issue, oldest first (by date, then paper slug,
/// as a shelf lists them), each issue handed to `each` as soon as its files are read,
/// with its pages in order: what [`load`] gives, without waiting for the rest. Returns
/// the files skipped. `None`, with nothing loaded, when a path is not a folder or a
/// folder holds an export: [`load`] those.
pub fn load_by_issue(
    paths: &[PathBuf],
    each: &mut dyn FnMut(Issue) -> std::io::Result<()>,
) -> Option<std::io::Result<Vec<ImportError>>> {
    if paths.is_empty() || !paths.iter().all(|p| p.is_dir()) {
        return None;
    }
    let mut warnings = Vec::new();
    let files = gather(paths, PAGE_EXTS, true, &mut warnings).ok()?;
    if files
        .iter()
        .any(|f| f.direct || has_extension(&f.path, "json"))
    {
        return None;
    }
    // Where each file says it sits decides its issue; a file that cannot say fails
    // when read, as in `load`.
    let mut placed: Vec<(Option<(String, String)>, Found)> = files
        .into_iter()
        .map(|f| (PagePlace::of(&f.path).ok().map(|p| (p.date, p.slug)), f))
        .collect();
    placed.sort_by(|a, b| a.0.cmp(&b.0));
    let threads = super::parallel::threads_for(placed.len());
    let read = super::parallel::in_order(placed, threads, |(_, f): &(_, Found)| read_file(&f.path));
    let mut lib = Library::default();
    let mut flush = |lib: &mut Library| -> std::io::Result<()> {
        for mut issue in lib.issues.drain(..) {
            issue.pages.sort_by(|a, b| page_order(&a.number, &b.number));
            each(issue)?;
        }
        Ok(())
    };
    for ((at, file), read) in read {
        let current = lib.issues.first().map(|i| (i.date.clone(), i.slug.clone()));
        if current.is_some()
            && at.is_some()
            && current != at
            && let Err(e) = flush(&mut lib)
        {
            return Some(Err(e));
        }
        if let Err(e) = read.and_then(|r| merge_file(&file.path, r, &mut lib)) {
            warnings.push(e);
        }
    }
    if let Err(e) = flush(&mut lib) {
        return Some(Err(e));
    }
    dedup_warnings(&mut warnings);
    Some(Ok(warnings))
}

/// Every file under `paths` whose extension is one of `exts`, each once (named first
/// wins its `direct`), in canonical order. Folders are walked as [`walk`] does; a path
/// named directly that is missing, not a regular file or a folder holding nothing is an
/// error when `strict`, else a warning like any other.
fn gather(
    paths: &[PathBuf],
    exts: &[&str],
    strict: bool,
    warnings: &mut Vec<ImportError>,
) -> Result<Vec<Found>, ImportError> {
    let mut files = Vec::new();
    for path in paths {
        let problem = match std::fs::metadata(path) {
            Err(e) => Some(ImportError::io(path, &e)),
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                let mut seen = HashSet::new();
                walk(path, 0, exts, &mut files, &mut seen, warnings);
                let skipped = warnings.iter().any(|w| w.path().starts_with(path));
                (files.len() == before && !skipped)
                    .then(|| ImportError::NoPages { path: path.clone() })
            }
            Ok(meta) if meta.is_file() => {
                files.push(found(path.clone(), true));
                None
            }
            Ok(_) => Some(ImportError::NotRegular { path: path.clone() }),
        };
        match problem {
            Some(e) if strict => return Err(e),
            Some(e) => warnings.push(e),
            None => {}
        }
    }
    files.sort_by(|a, b| a.key.cmp(&b.key).then(b.direct.cmp(&a.direct)));
    files.dedup_by(|b, a| a.key == b.key);
    Ok(files)
}

/// The files an import of `paths` reads, by the same rules as [`load`] (regular files
/// only, each once, in canonical order), with `exts` naming what a folder is searched
/// for. Whatever cannot be read is a warning, never an error.
pub fn find_files(paths: &[PathBuf], exts: &[&str]) -> (Vec<PathBuf>, Vec<ImportError>) {
    let mut warnings = Vec::new();
    let files = gather(paths, exts, false, &mut warnings).unwrap_or_default();
    dedup_warnings(&mut warnings);
    (files.into_iter().map(|f| f.path).collect(), warnings)
}

/// A bad file met twice (a folder and its subfolder, a folder named twice) is reported
/// once.
fn dedup_warnings(warnings: &mut Vec<ImportError>) {
    let place = |w: &ImportError| {
        let p = w.path();
        let dir = p.parent().and_then(|d| std::fs::canonicalize(d).ok());
        match (dir, p.file_name()) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => p.to_path_buf(),
        }
    };
    warnings.sort_by_cached_key(|w| (place(w), w.path().to_path_buf()));
    warnings.dedup_by(|b, a| place(a) == place(b));
}

fn found(path: PathBuf, direct: bool) -> Found {
    let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    Found { path, key, direct }
}

fn walk(
    dir: &Path,
    depth: usize,
    exts: &[&str],
    files: &mut Vec<Found>,
    seen: &mut HashSet<PathBuf>,
    warnings: &mut Vec<ImportError>,
) {
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if depth > MAX_DEPTH || !seen.insert(key) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return warnings.push(ImportError::io(dir, &e)),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name == "issue.json" || name == "paper.json" {
            continue;
        }
        let page_like = exts.iter().any(|e| has_extension(&path, e));
        // Links are followed to what they name, which decides what they are.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, depth + 1, exts, files, seen, warnings),
            Ok(meta) if meta.is_file() && page_like => files.push(found(path, false)),
            Ok(_) if page_like => warnings.push(ImportError::NotRegular { path }),
            Err(e) if page_like => warnings.push(ImportError::io(&path, &e)),
            _ => {}
        }
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// Open a file only when it is a regular one, and read at most `limit` bytes of it.
fn open_regular(path: &Path) -> Result<(std::fs::File, u64), ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::io(path, &e))?;
    if !meta.is_file() {
        return Err(ImportError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    let file = std::fs::File::open(path).map_err(|e| ImportError::io(path, &e))?;
    // What was opened is what was checked (not swapped for a pipe in between).
    match file.metadata() {
        Ok(m) if m.is_file() => Ok((file, m.len())),
        Ok(_) => Err(ImportError::NotRegular {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(ImportError::io(path, &e)),
    }
}

/// A page file's bytes (at most [`decode::MAX_BYTES`]).
fn read_page_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    read_regular(path, decode::MAX_BYTES as u64)
}

/// A regular file's bytes, at most `limit` of them: the size checked from metadata, then
/// read through a bounded reader (a file that grows past the limit while read is refused
/// too). A pipe, a device or a link to one is refused before it is opened.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let too_large = |size| ImportError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    let (file, size) = open_regular(path)?;
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An export, parsed as it streams in: no size limit, a UTF-8 BOM allowed.
fn read_export(path: &Path) -> Result<Library, ImportError> {
    let bad = |what: String| ImportError::Export {
        path: path.to_path_buf(),
        what,
    };
    let (file, _) = open_regular(path)?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(|e| ImportError::io(path, &e))?;
    if head.is_empty() {
        return Err(ImportError::NotText {
            path: path.to_path_buf(),
            what: "the file is empty".into(),
        });
    }
    if head.starts_with(&[0xef, 0xbb, 0xbf]) {
        reader.consume(3);
    }
    let mut lib: Library =
        serde_json::from_reader(reader).map_err(|e| bad(format!("not a dubao export ({e})")))?;
    export::clean_library(&mut lib);
    if lib.articles().next().is_none() {
        return Err(bad("this export holds no articles".into()));
    }
    Ok(lib)
}

/// A file as read, before it joins the library: an export's issues, or a page with the
/// text it was parsed from.
// A window of them in flight at most: their size does not matter.
#[allow(clippy::large_enum_variant)]
enum ReadFile {
    Export(Library),
    Page {
        text: String,
        place: PagePlace,
        page: crate::model::Page,
    },
}

/// Reads and parses one file (the part that runs on every core).
fn read_file(path: &Path) -> Result<ReadFile, ImportError> {
    if has_extension(path, "json") {
        return read_export(path).map(ReadFile::Export);
    }
    let bytes = read_page_bytes(path)?;
    let text = decode::decode_vec(bytes).map_err(|what| ImportError::NotText {
        path: path.to_path_buf(),
        what: what.to_string(),
    })?;
    let place = PagePlace::of(path)?;
    let page = parse_page(&text, &place.slug, &place.date, &place.number);
    // A page with text but no article (an advert page) is a page of page lines.
    if page.articles.is_empty() && page.lines.is_empty() {
        return Err(ImportError::NotText {
            path: path.to_path_buf(),
            what: "no text on this page".into(),
        });
    }
    Ok(ReadFile::Page { text, place, page })
}

/// Adds what a file held to the library, in file order.
fn merge_file(path: &Path, read: ReadFile, lib: &mut Library) -> Result<(), ImportError> {
    let (text, place, mut page) = match read {
        ReadFile::Export(export) => {
            for issue in export.issues {
                merge_export_issue(lib, issue, path)?;
            }
            return Ok(());
        }
        ReadFile::Page { text, place, page } => (text, place, page),
    };
    let issue_at = issue_index(lib, &place);
    let issue = &mut lib.issues[issue_at];
    if issue.pages.contains(&page) {
        // The same page again (from an export loaded alongside, say): not doubled.
        return Ok(());
    }
    // Two different files claiming the same page keep distinct ids.
    let mut k = 1;
    while issue.pages.iter().any(|p| p.number == page.number) {
        k += 1;
        page = parse_page(
            &text,
            &place.slug,
            &place.date,
            &format!("{}-{k}", place.number),
        );
    }
    issue.pages.push(page);
    Ok(())
}

fn issue_index(lib: &mut Library, place: &PagePlace) -> usize {
    if let Some(i) = lib
        .issues
        .iter()
        .position(|i| i.slug == place.slug && i.date == place.date)
    {
        return i;
    }
    lib.issues.push(Issue {
        paper: place.paper.clone(),
        slug: place.slug.clone(),
        date: place.date.clone(),
        pages: Vec::new(),
    });
    lib.issues.len() - 1
}

/// Add an exported issue; one already loaded (the same export twice) is not doubled,
/// and article ids must stay unique.
fn merge_export_issue(lib: &mut Library, issue: Issue, path: &Path) -> Result<(), ImportError> {
    let Some(at) = lib
        .issues
        .iter()
        .position(|i| i.slug == issue.slug && i.date == issue.date)
    else {
        lib.issues.push(issue);
        return Ok(());
    };
    for page in issue.pages {
        let existing = &lib.issues[at].pages;
        if existing.contains(&page) {
            continue;
        }
        if let Some(a) = page.articles.iter().find(|a| lib.find(&a.id.0).is_some()) {
            return Err(ImportError::Export {
                path: path.to_path_buf(),
                what: format!("article {} is already loaded from another file", a.id),
            });
        }
        lib.issues[at].pages.push(page);
    }
    Ok(())
}
