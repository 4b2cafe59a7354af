//! A day stored in part is completed page by page: the next fetch takes the pages
//! already whole from the library and asks the site only for the page list and the
//! pages it lacks; a story continued (转版) from a stored page is joined once.

use crate::support;

use std::path::{Path, PathBuf};

use support::feeds::{Route, Server, dubao, stderr, stdout};

fn fetch(home: &Path) -> std::process::Output {
    dubao(
        home,
        &[
            "fetch",
            "--date",
            "2026-01-02",
            "--pause",
            "0",
            "--timeout",
            "2",
        ],
    )
}

#[test]
fn the_next_fetch_asks_only_for_the_pages_not_yet_whole() {
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/epaper");
    let server = Server::start();
    super::epaper_fetch::serve_dir(&server, &site);
    // Page 03's first article fails: pages 01 and 02 come in whole, 03 in part (its
    // second article, the rest of page 01's third story, joins its first part).
    server.route(
        "/csrb/pc/content/202601/02/content_4.html",
        Route::Status(404),
    );
    let home = tempfile::tempdir().expect("temp dir");
    let add = dubao(
        home.path(),
        &["feed", "add", &server.url("/csrb/pc/layout/")],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let first = fetch(home.path());
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("(incomplete)"),
        "{}",
        stdout(&first)
    );
    super::epaper_fetch::serve_dir(&server, &site);
    let before = server.seen().len();
    let next = fetch(home.path());
    assert!(next.status.success(), "{}", stderr(&next));
    let asked: Vec<String> = server.seen()[before..]
        .iter()
        .map(|s| s.path.rsplit('/').next().unwrap_or("").to_string())
        .collect();
    let mut sorted = asked.clone();
    sorted.sort();
    // The page list (page 01), then page 03 and its two articles: 4 of 8 addresses.
    assert_eq!(
        sorted,
        [
            "content_4.html",
            "content_5.html",
            "node_01.html",
            "node_03.html"
        ],
        "{asked:?}"
    );
    assert!(
        stdout(&next).contains("3 pages, 4 articles, 1 new"),
        "{}",
        stdout(&next)
    );
    let c = stdout(&dubao(
        home.path(),
        &["show", "csrb/2026-01-02/01/3", "--json"],
    ));
    assert_eq!(
        c.matches("（上接第一版）如今，村里还建起了快递驿站。")
            .count(),
        1,
        "{c}"
    );
    let list = stdout(&dubao(home.path(), &["list", "--json"]));
    assert_eq!(list.matches("\"csrb/2026-01-02/").count(), 4, "{list}");
    let again = fetch(home.path());
    assert!(
        stdout(&again).contains("already in the library"),
        "{}",
        stdout(&again)
    );
}
