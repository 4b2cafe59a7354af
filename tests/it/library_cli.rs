//! `dubao import`, `list`, `search` and `library` on the library in a temp data folder,
//! and readers (whole processes) that keep answering while an import writes.

use crate::support;

use support::library::{dubao, stderr, stdout, write_archive};

#[test]
fn import_then_list_search_and_describe_the_library() {
    let home = tempfile::tempdir().unwrap();
    let pages = home.path().join("pages");
    write_archive(&pages, 3, 2);
    let bad = home.path().join("broken.txt");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 0, 255]).unwrap();
    let o = dubao(
        &["import", pages.to_str().unwrap(), bad.to_str().unwrap()],
        home.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("imported 6 pages"), "{out}");
    assert!(out.contains("1 skipped"), "{out}");
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.txt"));

    // Again: nothing changes.
    let again = stdout(&dubao(&["import", pages.to_str().unwrap()], home.path()));
    assert!(again.starts_with("imported 0 pages, 0 articles"), "{again}");

    // The bundled issue is no longer shown once there is a library.
    let o = dubao(&["list", "--json", "--date", "2021-01-02"], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["date"] == "2021-01-02"));
    let id = rows[0]["id"].as_str().unwrap();
    let shown = dubao(&["show", id, "--json"], home.path());
    assert!(shown.status.success(), "{}", stderr(&shown));
    let a: dubao::model::Article = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(a.id.0, id);
    let page2 = stdout(&dubao(
        &["list", "--date", "2021-01-02", "--page", "2"],
        home.path(),
    ));
    assert!(
        page2.lines().all(|l| l.contains("/2021-01-02/02/")),
        "{page2}"
    );
    let all = stdout(&dubao(
        &["list", "--from", "2021-01-01", "--to", "2021-01-03"],
        home.path(),
    ));
    assert!(all.lines().count() > page2.lines().count());

    let o = dubao(&["search", "的", "--limit", "2", "--json"], home.path());
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["date"], "2021-01-03", "newest first");
    let o = dubao(
        &["search", "的", "--to", "2021-01-01", "--json"],
        home.path(),
    );
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h["date"] == "2021-01-01")
    );
    let bad_date = dubao(&["search", "的", "--from", "July"], home.path());
    assert!(!bad_date.status.success());
    assert!(stderr(&bad_date).contains("July"));

    let o = dubao(&["library", "--json"], home.path());
    let lib: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(lib["papers"][0]["issues"], 3);
    assert_eq!(lib["papers"][0]["pages"], 6);
    assert_eq!(lib["papers"][0]["first"], "2021-01-01");
    assert!(lib["size_bytes"].as_u64().unwrap() > 0);
}

#[test]
fn without_a_library_the_commands_read_the_bundled_issue() {
    let home = tempfile::tempdir().unwrap();
    let o = dubao(&["library"], home.path());
    assert!(o.status.success());
    assert!(stdout(&o).contains("河北日报"));
    assert!(
        !support::library::library_dir(home.path()).exists(),
        "nothing written"
    );
}

#[test]
fn readers_keep_answering_while_an_import_writes() {
    let home = tempfile::tempdir().unwrap();
    let first = home.path().join("first");
    let second = home.path().join("second");
    write_archive(&first, 2, 2);
    // More pages on later days, imported while readers run.
    let files = write_archive(&second, 40, 4);
    let o = dubao(&["import", first.to_str().unwrap()], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let mut import = support::library::command(&["import", second.to_str().unwrap()], home.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let readers: Vec<_> = (0..2)
        .map(|r| {
            let home = home.path().to_path_buf();
            std::thread::spawn(move || {
                let mut seen = Vec::new();
                for _ in 0..6 {
                    let o = dubao(&["library", "--json"], &home);
                    assert!(o.status.success(), "reader {r}: {}", stderr(&o));
                    let lib: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
                    seen.push(lib["papers"][0]["pages"].as_u64().unwrap());
                    let s = dubao(&["search", "的", "--limit", "5"], &home);
                    assert!(s.status.success(), "reader {r}: {}", stderr(&s));
                }
                seen
            })
        })
        .collect();
    for r in readers {
        let seen = r.join().unwrap();
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    }
    assert!(import.wait().unwrap().success());
    let o = dubao(&["library", "--json"], home.path());
    let lib: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        lib["papers"][0]["pages"].as_u64().unwrap() as usize,
        files.len()
    );
}

/// Import reads folders by the importer's own rules: a pipe and a link to `/dev/zero`
/// beside a good page are each skipped with one warning (never opened, so the import
/// never hangs or grows without bound), and a folder named twice imports once.
#[test]
fn import_skips_pipes_and_devices_in_a_folder_and_reads_a_folder_once() {
    use std::time::{Duration, Instant};
    let home = tempfile::tempdir().unwrap();
    let day = home
        .path()
        .join("pages")
        .join("hebei-daily")
        .join("2022-07-01");
    std::fs::create_dir_all(&day).unwrap();
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/hebei-daily/2022-07-01/01.txt"
    );
    std::fs::copy(page, day.join("01.txt")).unwrap();
    let fifo = day.join("02.txt");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", day.join("03.txt")).unwrap();
    let pages = home.path().join("pages");
    let pages = pages.to_str().unwrap();
    let mut child = support::library::command(&["import", pages, pages], home.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the import hung on a pipe or a device");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("imported 1 pages, 5 articles"), "{out}");
    assert!(out.contains("2 skipped"), "{out}");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("02.txt") && err.contains("03.txt"), "{err}");
}

/// Page files named `rmrb-YYYYMMDD-NN` go to 人民日报's issues of those days, and `dubao
/// library` names the paper as the reader does.
#[test]
fn files_named_by_paper_date_and_page_go_to_their_issue() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("dumps");
    std::fs::create_dir_all(&dir).unwrap();
    let bundled = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/hebei-daily/2022-07-01/01.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("rmrb-20260701-04.blank.txt"), &bundled).unwrap();
    std::fs::write(dir.join("rmrb_2026-07-02_A3.txt"), &bundled).unwrap();
    let o = dubao(&["import", dir.to_str().unwrap()], home.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&dubao(&["list"], home.path()));
    assert!(
        list.lines().any(|l| l.starts_with("rmrb/2026-07-01/04/")),
        "{list}"
    );
    assert!(
        list.lines().any(|l| l.starts_with("rmrb/2026-07-02/A3/")),
        "{list}"
    );
    let lib = stdout(&dubao(&["library"], home.path()));
    assert!(
        lib.lines()
            .any(|l| l.starts_with("人民日报\trmrb\t2026-07-01 .. 2026-07-02\t2 issues")),
        "{lib}"
    );
}
