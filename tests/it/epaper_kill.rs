//! A fetch of an e-paper killed at a random moment leaves the library whole (it opens,
//! every issue loads) and the next fetch completes the day, adding nothing twice.

use crate::support;

use std::time::Duration;

use dubao::library::Shelf;
use dubao::library::disk::DiskShelf;
use support::feeds::{Server, dubao, stderr, stdout};

#[test]
fn a_fetch_killed_at_a_random_moment_is_completed_by_the_next() {
    let server = Server::start();
    super::epaper_fetch::serve_dir(
        &server,
        &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/epaper"),
    );
    let mut rng = support::Rng::from_time();
    println!("seed {}", rng.0);
    for round in 0..3 {
        let home = tempfile::tempdir().expect("temp dir");
        let add = dubao(
            home.path(),
            &["feed", "add", &server.url("/csrb/pc/layout/")],
        );
        assert!(add.status.success(), "{}", stderr(&add));
        // A pause of 40 ms between requests: the 8 pages and articles take about 0.4 s.
        let mut child = support::command_with(
            &["fetch", "--date", "2026-01-02", "--pause", "0.04"],
            home.path(),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn dubao fetch");
        let at = rng.below(600);
        std::thread::sleep(Duration::from_millis(at));
        let _ = child.kill();
        let _ = child.wait();
        let lib = support::data_home(home.path()).join("dubao/library");
        if lib.exists() {
            let shelf = DiskShelf::open(&lib).expect("the library opens after the kill");
            for i in shelf.issues() {
                shelf.load_issue(&i.key).expect("every issue loads");
            }
        }
        let next = dubao(
            home.path(),
            &["fetch", "--date", "2026-01-02", "--pause", "0"],
        );
        assert!(
            next.status.success(),
            "round {round}, killed at {at} ms: {}",
            stderr(&next)
        );
        let list = stdout(&dubao(home.path(), &["list", "--json"]));
        assert_eq!(
            list.matches("\"csrb/2026-01-02/").count(),
            4,
            "round {round}, killed at {at} ms: {list}"
        );
        let again = dubao(
            home.path(),
            &["fetch", "--date", "2026-01-02", "--pause", "0"],
        );
        assert!(
            stdout(&again).contains("already in the library"),
            "{}",
            stdout(&again)
        );
    }
}

/// Each page's articles, as (page, headline, paragraphs), of the library under `home`.
fn contents(home: &std::path::Path) -> Vec<(String, String, usize)> {
    let dir = support::data_home(home).join("dubao/library");
    let shelf = DiskShelf::open(&dir).expect("the library opens");
    let mut out = Vec::new();
    for i in shelf.issues() {
        let issue = shelf.load_issue(&i.key).expect("every issue loads");
        for p in &issue.pages {
            for a in &p.articles {
                assert!(!a.title.is_empty(), "an article without headline: {a:?}");
                out.push((p.number.clone(), a.title.clone(), a.paragraphs.len()));
            }
        }
    }
    out
}

/// The pages of 2024-12-25 the record says are whole, and whether the day is.
fn recorded(home: &std::path::Path) -> (Vec<String>, bool) {
    let path = support::data_home(home).join("dubao/epapers.json");
    let json: serde_json::Value = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let whole = json["whole"]["rmrb"]
        .as_array()
        .is_some_and(|d| d.iter().any(|x| x == "2024-12-25"));
    let pages = json["pages"]["rmrb"]["2024-12-25"]
        .as_array()
        .map(|p| {
            p.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    (pages, whole)
}

/// How many addresses the next fetch asks for, after a kill left `pages` recorded whole
/// (`day_whole` when the whole day is): the page list and every page it lacks.
fn wanted(
    pages: &[String],
    day_whole: bool,
    sections: &[(String, String)],
    requests_of: &dyn Fn(&str) -> usize,
) -> usize {
    if day_whole {
        return 0;
    }
    let lacking: usize = sections
        .iter()
        .filter(|(n, _)| !pages.contains(n))
        .map(|(n, _)| requests_of(n))
        .sum();
    // Page 01 gives the page list: fetched even when whole.
    lacking + usize::from(pages.contains(&"01".to_string()))
}

#[test]
fn a_fetch_of_the_real_renmin_ribao_site_killed_at_random_resumes_with_what_it_lacks() {
    let Some(dir) = super::epaper_shared::shared_fixtures() else {
        return;
    };
    let server = Server::start();
    let (sections, expected) = super::epaper_shared::serve_rmrb(&server, &dir);
    let requests_of = |page: &str| 1 + expected.iter().filter(|(n, _, _)| n == page).count();
    let day = ["fetch", "--date", "2024-12-25", "--pause", "0"];
    // The day fetched whole without a kill, to compare with.
    let reference = tempfile::tempdir().expect("temp dir");
    let url = server.url("/rmrb/pc/layout/");
    assert!(
        dubao(reference.path(), &["feed", "add", &url])
            .status
            .success()
    );
    let o = dubao(reference.path(), &day);
    assert!(o.status.success(), "{}", stderr(&o));
    let whole = contents(reference.path());
    assert!(whole.len() > 80, "{}", whole.len());
    let mut rng = support::Rng::from_time();
    println!("seed {}", rng.0);
    for round in 0..2 {
        let home = tempfile::tempdir().expect("temp dir");
        assert!(dubao(home.path(), &["feed", "add", &url]).status.success());
        // 40 ms between requests: the 125 pages and articles take about 5 s.
        let mut child = support::command_with(
            &["fetch", "--date", "2024-12-25", "--pause", "0.04"],
            home.path(),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn dubao fetch");
        let at = rng.below(5000);
        std::thread::sleep(Duration::from_millis(at));
        let _ = child.kill();
        let _ = child.wait();
        let lib = support::data_home(home.path()).join("dubao/library");
        let kept = if lib.exists() {
            contents(home.path())
        } else {
            Vec::new()
        };
        // Whatever was stored is stored right: each article as the whole fetch has it.
        for a in &kept {
            assert!(whole.contains(a), "round {round}, killed at {at} ms: {a:?}");
        }
        let (pages, day_whole) = recorded(home.path());
        let want = wanted(&pages, day_whole, &sections, &requests_of);
        let seen = server.seen().len();
        let next = dubao(home.path(), &day);
        assert!(next.status.success(), "round {round}: {}", stderr(&next));
        let asked = server.seen().len() - seen;
        println!(
            "round {round}, killed at {at} ms: {} articles and pages {pages:?} kept; the next fetch asked {asked} of {} addresses",
            kept.len(),
            20 + expected.len()
        );
        assert_eq!(
            asked, want,
            "round {round}, killed at {at} ms, pages {pages:?}"
        );
        assert_eq!(
            contents(home.path()),
            whole,
            "round {round}, killed at {at} ms"
        );
        let seen = server.seen().len();
        let again = dubao(home.path(), &day);
        assert!(
            stdout(&again).contains("already in the library"),
            "{}",
            stdout(&again)
        );
        assert_eq!(server.seen().len(), seen, "a whole day asks nothing");
    }
}
