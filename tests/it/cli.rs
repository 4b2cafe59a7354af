//! The command line as scripts use it: exact forms, exit codes, no escape codes in pipes.

use std::process::Output;

use crate::support;
use support::dubao;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn list_json_from_any_folder_lists_the_bundled_articles() {
    let dir = tempfile::tempdir().unwrap();
    let o = dubao(&["list", "--json"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert_eq!(rows[0]["paper"], "河北日报");
    assert_eq!(rows[0]["date"], "2022-07-01");
    assert!(
        rows[0]["id"]
            .as_str()
            .unwrap()
            .starts_with("hebei-daily/2022-07-01/01/")
    );
    let plain = stdout(&dubao(&["list"], dir.path()));
    assert_eq!(plain.lines().count(), rows.len());
}

#[test]
fn show_sets_the_article_for_a_width_without_escape_codes() {
    let dir = tempfile::tempdir().unwrap();
    let list: serde_json::Value =
        serde_json::from_slice(&dubao(&["list", "--json"], dir.path()).stdout).unwrap();
    let id = list[0]["id"].as_str().unwrap();
    for width in ["20", "41", "80"] {
        let o = dubao(&["show", id, "--width", width], dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
        let text = stdout(&o);
        assert!(!text.contains('\x1b'), "no escape codes in a pipe");
        let w: usize = width.parse().unwrap();
        for line in text.lines() {
            assert!(
                dubao::text::str_width(line, false) <= w,
                "{line:?} wider than {w}"
            );
        }
    }
    let o = dubao(&["show", id, "--json"], dir.path());
    let a: dubao::model::Article = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(a.id.0, id);
}

#[test]
fn export_loads_back_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let o = dubao(&["export", "--json"], dir.path());
    assert!(o.status.success());
    let path = dir.path().join("export.json");
    std::fs::write(&path, &o.stdout).unwrap();
    let again = dubao(
        &["export", "--json", "--data", path.to_str().unwrap()],
        dir.path(),
    );
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&again), stdout(&o));
}

#[test]
fn bad_paths_get_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let binary = dir.path().join("photo.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 255, 254, 0, 1, 2, 3]).unwrap();
    for path in [&missing, &binary] {
        let p = path.to_str().unwrap();
        for args in [vec!["list", "--data", p], vec!["--data", p]] {
            let o = dubao(&args, dir.path());
            assert!(!o.status.success());
            let err = stderr(&o);
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
            assert!(err.contains(p), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}

#[test]
fn unknown_id_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let o = dubao(&["show", "no/such/id"], dir.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no/such/id"));
}

#[test]
fn search_prints_hits_and_nothing_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let o = dubao(&["search", "衡水"], dir.path());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.lines().count() > 3);
    assert!(out.lines().all(|l| l.contains("衡水")));
    let none = dubao(&["search", "不可能出现的词语"], dir.path());
    assert!(none.status.success());
    assert_eq!(stdout(&none), "");
}
