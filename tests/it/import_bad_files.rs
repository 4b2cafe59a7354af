//! One bad file never stops a library: inside a folder, an advert page loads as page
//! lines, and an empty, unreadable, binary, oversize or non-regular file (a FIFO, a link
//! to `/dev/zero`) is skipped with one warning naming it, while every good article
//! loads and the CLI exits 0. A path named directly that cannot be read is still an
//! error. The same file reached twice loads once, ids do not depend on the order of
//! `--data`, and names with spaces or Chinese read as they should.

use crate::support;

use std::fs;
use std::path::Path;

use dubao::import::{ImportError, load_paths};
use dubao::model::Library;

const GOOD: &str = include_str!("../fixtures/import/blank-layout.txt");
const ADVERT: &str = "城东家具城\n\n周年庆  全场八折\n\n地址：城东大道88号  电话：12345678\n";

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn ids(lib: &Library) -> Vec<String> {
    lib.articles().map(|(_, a)| a.id.0.clone()).collect()
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// A day's folder with two good pages, an advert, and every kind of bad file.
fn bad_tree(root: &Path) -> Vec<&'static str> {
    let day = root.join("paper/2024-03-08");
    write(&day.join("01.txt"), GOOD.as_bytes());
    write(&day.join("02.txt"), GOOD.as_bytes());
    write(&day.join("03.txt"), ADVERT.as_bytes());
    write(&day.join("04.txt"), b"");
    write(
        &day.join("05.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
    );
    mkfifo(&day.join("06.txt"));
    std::os::unix::fs::symlink("/dev/zero", day.join("07.txt")).unwrap();
    let mut bad = vec!["04.txt", "05.txt", "06.txt", "07.txt"];
    if !is_root() {
        write(&day.join("08.txt"), GOOD.as_bytes());
        fs::set_permissions(day.join("08.txt"), fs::Permissions::from_mode(0o000)).unwrap();
        bad.push("08.txt");
    }
    bad
}

use std::os::unix::fs::PermissionsExt;

#[test]
fn bad_files_in_a_folder_are_skipped_with_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_tree(dir.path());
    let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
    let pages: Vec<&str> = loaded.library.issues[0]
        .pages
        .iter()
        .map(|p| p.number.as_str())
        .collect();
    assert_eq!(pages, vec!["01", "02", "03"]);
    // The advert is a page of page lines.
    let advert = &loaded.library.issues[0].pages[2];
    assert!(advert.articles.is_empty());
    assert!(!advert.lines.is_empty());
    let warned: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.path().file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(warned, bad);
    for w in &loaded.warnings {
        let line = w.to_string();
        assert!(line.starts_with(&w.path().display().to_string()), "{line}");
        assert!(!line.contains('\n'));
    }
    assert!(matches!(loaded.warnings[2], ImportError::NotRegular { .. }));
    assert!(matches!(loaded.warnings[3], ImportError::NotRegular { .. }));
}

#[test]
fn the_cli_lists_every_good_article_warns_per_bad_file_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_tree(dir.path());
    let out = dubao(&["--data", dir.path().to_str().unwrap(), "list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let good = load_paths(&[dir.path().join("paper/2024-03-08/01.txt")])
        .unwrap()
        .library;
    assert_eq!(stdout.lines().count(), 2 * good.articles().count());
    assert_eq!(stderr.lines().count(), bad.len(), "{stderr}");
    for (line, name) in stderr.lines().zip(&bad) {
        assert!(line.starts_with("dubao: "), "{line}");
        assert!(line.contains(name), "{line}");
    }
}

#[test]
fn a_path_named_directly_that_cannot_be_read_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    bad_tree(dir.path());
    let day = dir.path().join("paper/2024-03-08");
    for name in ["04.txt", "05.txt", "06.txt", "07.txt"] {
        let err = load_paths(&[day.join(name)]).unwrap_err();
        assert_eq!(err.path(), day.join(name));
    }
    let out = dubao(&["--data", day.join("06.txt").to_str().unwrap(), "list"]);
    assert!(!out.status.success());
}

#[test]
fn a_file_over_the_limit_is_refused_from_its_size_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big/01.txt");
    write(&big, b"");
    // Sparse: 65 MB long, no blocks written.
    fs::File::options()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    write(&dir.path().join("big/02.txt"), GOOD.as_bytes());
    let loaded = load_paths(&[dir.path().join("big")]).unwrap();
    assert_eq!(loaded.library.issues[0].pages.len(), 1);
    assert!(matches!(loaded.warnings[0], ImportError::TooLarge { .. }));
    assert!(loaded.warnings[0].to_string().contains("65 MB"));
}

#[test]
fn an_export_over_64_mb_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("t/01.txt"), GOOD.as_bytes());
    let mut lib = load_paths(&[dir.path().join("t")]).unwrap().library;
    // Pad one paragraph so the export is over the page limit.
    let p = &mut lib.issues[0].pages[0].articles[0].paragraphs[0].text;
    p.push_str(&"长".repeat(23 << 20));
    let json = dir.path().join("big.json");
    fs::write(&json, serde_json::to_vec(&lib).unwrap()).unwrap();
    assert!(fs::metadata(&json).unwrap().len() > 64 << 20);
    assert_eq!(load_paths(&[json]).unwrap().library, lib);
}

#[test]
fn the_same_files_twice_load_once_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("tree");
    write(&root.join("a/2024-03-08/01.txt"), GOOD.as_bytes());
    write(&root.join("b/2024-03-08/01.txt"), GOOD.as_bytes());
    // Another file claiming the same page of the same paper.
    write(&root.join("a/2024-03-08/sub/01.txt"), ADVERT.as_bytes());
    std::os::unix::fs::symlink(root.join("a"), dir.path().join("link")).unwrap();
    let sub = root.join("a/2024-03-08");
    let one = load_paths(std::slice::from_ref(&root)).unwrap();
    assert!(one.warnings.is_empty());
    // A bad file met twice is reported once.
    mkfifo(&sub.join("pipe.txt"));
    let twice = load_paths(&[root.clone(), sub.clone()]).unwrap();
    assert_eq!(twice.warnings.len(), 1, "{:?}", twice.warnings);
    fs::remove_file(sub.join("pipe.txt")).unwrap();
    for paths in [
        vec![root.clone(), root.clone()],
        vec![root.clone(), sub.clone()],
        vec![sub.clone(), root.clone()],
        vec![dir.path().join("link"), root.clone()],
    ] {
        let again = load_paths(&paths).unwrap();
        assert_eq!(ids(&again.library), ids(&one.library), "{paths:?}");
        assert_eq!(again.library, one.library, "{paths:?}");
    }
    // Ids do not depend on the order of the paths.
    let ab = load_paths(&[root.join("a"), root.join("b")])
        .unwrap()
        .library;
    let ba = load_paths(&[root.join("b"), root.join("a")])
        .unwrap()
        .library;
    assert_eq!(ids(&ab), ids(&ba));
}

#[test]
fn names_with_spaces_or_chinese_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("人民 日报");
    write(&folder.join("14 版.txt"), GOOD.as_bytes());
    let lib = load_paths(std::slice::from_ref(&folder)).unwrap().library;
    assert_eq!(lib.issues[0].paper, "人民 日报");
    assert_eq!(lib.issues[0].pages[0].number, "14");
    assert!(ids(&lib)[0].contains("/14/1"), "{:?}", ids(&lib));
}

#[test]
fn utf16_without_a_bom_loads() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = GOOD.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(&dir.path().join("u/01.txt"), &le);
    write(&dir.path().join("v/01.txt"), GOOD.as_bytes());
    let a = load_paths(&[dir.path().join("u/01.txt")]).unwrap().library;
    let b = load_paths(&[dir.path().join("v/01.txt")]).unwrap().library;
    assert_eq!(
        a.issues[0].pages[0].articles,
        b.issues[0].pages[0]
            .articles
            .iter()
            .map(|x| {
                let mut x = x.clone();
                x.id.0 = x.id.0.replacen("v/", "u/", 1);
                x
            })
            .collect::<Vec<_>>()
    );
}

fn dubao(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    support::dubao(args, home.path())
}
