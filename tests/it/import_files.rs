//! Loading from disk: folder trees with metadata, lone files, encodings, `export --json`
//! round trips, and plain one-line errors for what cannot be read.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use dubao::import::{BUNDLED_PAGE, load_bundled, load_paths};
use dubao::model::Library;

const INDENT: &str = include_str!("../fixtures/import/indent-layout.txt");
const BLANK: &str = include_str!("../fixtures/import/blank-layout.txt");

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn ids(lib: &Library) -> Vec<String> {
    lib.articles().map(|(_, a)| a.id.0.clone()).collect()
}

#[test]
fn a_folder_tree_loads_as_issues_by_date_and_pages_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let day = root.join("hebei-daily/2022-07-01");
    write(
        &day.join("issue.json"),
        br#"{"paper": "HB", "date": "2022-07-01"}"#,
    );
    write(&day.join("10.txt"), BLANK.as_bytes());
    write(&day.join("01.txt"), BUNDLED_PAGE.as_bytes());
    write(&day.join("02.txt"), INDENT.as_bytes());
    // No issue.json: the folder names stand in.
    write(
        &root.join("hebei-daily/2022-06-30/01.txt"),
        BLANK.as_bytes(),
    );
    write(&root.join("hebei-daily/README.md"), b"not a page");
    let lib = load_paths(&[root.to_path_buf()]).unwrap().library;
    let issues: Vec<(&str, &str, &str)> = lib
        .issues
        .iter()
        .map(|i| (i.paper.as_str(), i.slug.as_str(), i.date.as_str()))
        .collect();
    assert_eq!(
        issues,
        vec![
            ("hebei-daily", "hebei-daily", "2022-06-30"),
            ("HB", "hebei-daily", "2022-07-01")
        ]
    );
    let pages: Vec<&str> = lib.issues[1]
        .pages
        .iter()
        .map(|p| p.number.as_str())
        .collect();
    assert_eq!(pages, vec!["01", "02", "10"]);
    assert_eq!(lib.issues[1].pages[0], load_bundled().issues[0].pages[0]);
    let all = ids(&lib);
    assert!(all.contains(&"hebei-daily/2022-06-30/01/1".to_string()));
    assert!(all.contains(&"hebei-daily/2022-07-01/10/3".to_string()));
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len());
}

#[test]
fn paper_json_names_the_paper() {
    let dir = tempfile::tempdir().unwrap();
    let paper = dir.path().join("donghu");
    write(
        &paper.join("paper.json"),
        r#"{"name": "东湖晚报", "slug": "east-lake"}"#.as_bytes(),
    );
    write(&paper.join("2024-03-08/A2.txt"), INDENT.as_bytes());
    let lib = load_paths(&[dir.path().to_path_buf()]).unwrap().library;
    assert_eq!(lib.issues[0].paper, "东湖晚报");
    assert_eq!(lib.issues[0].slug, "east-lake");
    assert_eq!(ids(&lib)[0], "east-lake/2024-03-08/A2/1");
}

#[test]
fn the_bundled_tree_loads_like_the_bundled_issue() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    assert_eq!(load_paths(&[data]).unwrap().library, load_bundled());
}

#[test]
fn a_lone_file_takes_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("My Page.txt");
    write(&file, BLANK.as_bytes());
    let lib = load_paths(std::slice::from_ref(&file)).unwrap().library;
    assert_eq!(lib.issues[0].paper, "My Page");
    assert_eq!(lib.issues[0].slug, "my-page");
    assert_eq!(lib.issues[0].date, "");
    assert_eq!(ids(&lib)[0], "my-page/undated/01/1");
    // The same file twice is loaded once.
    assert_eq!(load_paths(&[file.clone(), file]).unwrap().library, lib);
}

#[test]
fn a_lone_file_in_a_dated_folder_takes_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2024-03-08/page.txt");
    write(&file, BLANK.as_bytes());
    let lib = load_paths(&[file]).unwrap().library;
    assert_eq!(lib.issues[0].date, "2024-03-08");
}

#[test]
fn gb18030_and_utf16_files_read_like_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(INDENT);
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(INDENT.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let mut bom8 = vec![0xef, 0xbb, 0xbf];
    bom8.extend_from_slice(INDENT.as_bytes());
    let plain = dir.path().join("a/page.txt");
    write(&plain, INDENT.as_bytes());
    let want = load_paths(&[plain]).unwrap().library;
    for (name, bytes) in [("gbk", gbk.to_vec()), ("utf16", utf16), ("bom", bom8)] {
        let file = dir.path().join(name).join("page.txt");
        write(&file, &bytes);
        assert_eq!(load_paths(&[file]).unwrap().library, want, "{name}");
    }
}

#[test]
fn an_export_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree/hebei-daily/2022-07-01");
    write(&tree.join("01.txt"), BUNDLED_PAGE.as_bytes());
    write(&tree.join("02.txt"), INDENT.as_bytes());
    let lib = load_paths(&[dir.path().join("tree")]).unwrap().library;
    let json = dir.path().join("export.json");
    write(&json, &serde_json::to_vec_pretty(&lib).unwrap());
    assert_eq!(
        load_paths(std::slice::from_ref(&json)).unwrap().library,
        lib
    );
    // Loading the export and its source together does not double anything.
    assert_eq!(
        load_paths(&[json, dir.path().join("tree")])
            .unwrap()
            .library,
        lib
    );
}

fn error_of(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    write(&file, bytes);
    let err = load_paths(std::slice::from_ref(&file))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&file.display().to_string()), "{err}");
    assert!(!err.contains('\n'), "{err}");
    err
}

#[test]
fn bad_input_gets_a_plain_one_line_error() {
    assert!(
        error_of(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", "a.txt").contains("binary")
    );
    assert!(error_of(b"", "empty.txt").contains("empty"));
    assert!(error_of(b"\xff\xfe\x00\xd8", "u16.txt").contains("UTF-16"));
    assert!(error_of(b"{\"issues\": 3}", "x.json").contains("not a dubao export"));
    let missing = load_paths(&[PathBuf::from("/nonexistent/page.txt")]).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "/nonexistent/page.txt: no such file or folder"
    );
    let empty_dir = tempfile::tempdir().unwrap();
    let err = load_paths(&[empty_dir.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("no page dumps"), "{err}");
}

#[test]
fn a_long_line_without_newline_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let line = "长文没有换行，".repeat(100_000);
    write(&file, line.as_bytes());
    let lib = load_paths(&[file]).unwrap().library;
    let a = lib.articles().next().unwrap().1;
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.paragraphs[0].text.len(), line.len());
}

fn dubao(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    support::dubao(args, home.path())
}

#[test]
fn the_cli_round_trips_and_refuses_binary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dubao(&["export", "--json"]);
    assert!(out.status.success());
    let json = dir.path().join("bundled.json");
    write(&json, &out.stdout);
    let again = dubao(&["--data", json.to_str().unwrap(), "export", "--json"]);
    assert_eq!(again.stdout, out.stdout);

    let bin = dir.path().join("image.txt");
    write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let bad = dubao(&["--data", bin.to_str().unwrap(), "list"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("image.txt"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
