//! `dubao feed add|list|remove|import|export` run as a user would, with the data folder
//! in a temporary directory; and the errors a user meets.

use crate::support;

use support::feeds::{Route, Server, dubao, fixture, stderr, stdout};

#[test]
fn add_list_remove_export_import() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let o = dubao(
        h,
        &[
            "feed",
            "add",
            "https://example.cn/rss/rmrb.xml",
            "--name",
            "人民日报",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = dubao(h, &["feed", "add", "https://example.cn/gmrb.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "gmrb\thttps://example.cn/gmrb.json\n");

    let list = stdout(&dubao(h, &["feed", "list"]));
    assert_eq!(
        list,
        "人民日报\thttps://example.cn/rss/rmrb.xml\ngmrb\thttps://example.cn/gmrb.json\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&dubao(h, &["feed", "list", "--json"]))).expect("json");
    assert_eq!(json[0]["name"], "人民日报");
    assert_eq!(json[1]["url"], "https://example.cn/gmrb.json");

    // The same URL twice, and removing what is not there, are refused in one line.
    let dup = dubao(h, &["feed", "add", "https://example.cn/gmrb.json"]);
    assert!(!dup.status.success());
    assert_eq!(stderr(&dup).lines().count(), 1, "{}", stderr(&dup));
    let bad = dubao(h, &["feed", "add", "not a url"]);
    assert!(!bad.status.success());

    let opml = stdout(&dubao(h, &["feed", "export"]));
    assert!(
        opml.contains("xmlUrl=\"https://example.cn/rss/rmrb.xml\""),
        "{opml}"
    );
    let opml_path = h.join("feeds.opml");
    std::fs::write(&opml_path, &opml).expect("write opml");

    assert!(dubao(h, &["feed", "remove", "人民日报"]).status.success());
    let gone = dubao(h, &["feed", "remove", "人民日报"]);
    assert!(!gone.status.success());
    assert!(
        stderr(&gone).contains("no feed named 人民日报"),
        "{}",
        stderr(&gone)
    );

    let o = dubao(h, &["feed", "import", opml_path.to_str().unwrap_or("")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 feeds added\n");
    let list = stdout(&dubao(h, &["feed", "list"]));
    assert!(
        list.contains("人民日报\thttps://example.cn/rss/rmrb.xml"),
        "{list}"
    );
}

#[test]
fn a_feed_added_without_a_name_is_named_after_its_paper() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    server.route(
        "/feed/xhmrdx.rdf",
        Route::Feed {
            body: fixture("rss1.rdf"),
            etag: None,
        },
    );
    let h = home.path();
    assert!(
        dubao(h, &["feed", "add", &server.url("/feed/xhmrdx.rdf")])
            .status
            .success()
    );
    let o = dubao(h, &["fetch"]);
    assert_eq!(stdout(&o), "新华每日电讯: 3 new\n");
    let list = stdout(&dubao(h, &["feed", "list"]));
    assert!(list.starts_with("新华每日电讯\t"), "{list}");
    // Named fetches find it by its new name.
    let o = dubao(h, &["fetch", "新华每日电讯"]);
    assert_eq!(stdout(&o), "新华每日电讯: 0 new\n");
}

#[test]
fn errors_a_user_meets() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let none = dubao(h, &["fetch"]);
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("dubao feed add"),
        "{}",
        stderr(&none)
    );
    assert!(
        dubao(h, &["feed", "add", "https://example.cn/a.xml"])
            .status
            .success()
    );
    let unknown = dubao(h, &["fetch", "nosuch"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("no feed named nosuch"));
    let not_opml = h.join("x.opml");
    std::fs::write(&not_opml, "<html/>").expect("write");
    let o = dubao(h, &["feed", "import", not_opml.to_str().unwrap_or("")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not an OPML file"), "{}", stderr(&o));
    // A damaged subscriptions file is named, not overwritten.
    let file = h.join("data/dubao/feeds.json");
    std::fs::write(&file, "{ broken").expect("write");
    let o = dubao(h, &["feed", "list"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("feeds.json"), "{}", stderr(&o));
    let o = dubao(h, &["feed", "add", "https://example.cn/b.xml"]);
    assert!(!o.status.success());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap_or_default(),
        "{ broken"
    );
}

#[test]
fn feeds_added_at_once_by_many_processes_are_all_kept() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path().to_path_buf();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let h = h.clone();
            std::thread::spawn(move || {
                let url = format!("https://example.cn/paper{i}.xml");
                dubao(&h, &["feed", "add", &url]).status.success()
            })
        })
        .collect();
    for t in threads {
        assert!(t.join().unwrap_or(false));
    }
    let list = stdout(&dubao(&h, &["feed", "list"]));
    assert_eq!(list.lines().count(), 8, "{list}");
}

#[test]
fn import_takes_saved_feeds_into_the_library_by_their_content() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    // Named as nothing in particular: told apart by what is in them.
    let rss = h.join("saved-enp.txt");
    let json = h.join("saved.json");
    std::fs::write(&rss, fixture("enp.xml")).expect("write");
    std::fs::write(&json, fixture("nopage.json")).expect("write");
    let paths = [rss.to_str().unwrap_or(""), json.to_str().unwrap_or("")];
    let o = dubao(h, &["import", paths[0], paths[1]]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no file skipped");
    let listed = stdout(&dubao(h, &["list", "--json"]));
    assert!(listed.contains("csdx/2026-04-27/04/1"), "{listed}");
    let shown = stdout(&dubao(h, &["show", "csdx/2026-04-27/04/1", "--json"]));
    assert!(shown.contains("正文二。"), "{shown}");
    // Again: nothing changes.
    let again = dubao(h, &["import", paths[0], paths[1]]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("(0 new, 0 replaced)"),
        "{}",
        stdout(&again)
    );
    assert_eq!(stdout(&dubao(h, &["list", "--json"])), listed);
}

/// A server with a feed (`/news`), an e-paper's front door (`/epaper/`, a `<meta
/// refresh>` to the day's first page, whose page list names the e-paper's address) and
/// a page that is neither (`/about`).
fn feed_door_and_about() -> Server {
    let server = Server::start();
    server.route(
        "/news",
        Route::Feed {
            body: fixture("rss1.rdf"),
            etag: None,
        },
    );
    let door = "<html><head><meta http-equiv=\"refresh\" content=\"0; URL=/csrb/pc/layout/202601/02/node_01.html\"></head><body></body></html>";
    server.route(
        "/epaper/",
        Route::Feed {
            body: door.as_bytes().to_vec(),
            etag: None,
        },
    );
    let node = std::fs::read(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/epaper/csrb/pc/layout/202601/02/node_01.html"),
    )
    .expect("fixture");
    server.route(
        "/csrb/pc/layout/202601/02/node_01.html",
        Route::Feed {
            body: node,
            etag: None,
        },
    );
    server.route(
        "/about",
        Route::Feed {
            body: b"<html><body><h1>About us</h1></body></html>".to_vec(),
            etag: None,
        },
    );
    server
}

#[test]
fn an_address_of_neither_shape_is_fetched_once_and_told() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let server = feed_door_and_about();
    let feed = dubao(h, &["feed", "add", &server.url("/news")]);
    assert!(feed.status.success(), "{}", stderr(&feed));
    let paper = dubao(h, &["feed", "add", &server.url("/epaper/")]);
    assert!(paper.status.success(), "{}", stderr(&paper));
    assert!(
        stdout(&paper).contains(&server.url("/csrb/pc/layout/")),
        "{}",
        stdout(&paper)
    );
    let asked = server
        .seen()
        .iter()
        .filter(|s| s.path == "/epaper/")
        .count();
    assert_eq!(asked, 1, "fetched once");
    let neither = dubao(h, &["feed", "add", &server.url("/about")]);
    assert!(!neither.status.success());
    let err = stderr(&neither);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("neither a feed") && err.contains("/about"),
        "{err}"
    );
    let gone = dubao(h, &["feed", "add", &server.url("/nothing-here")]);
    assert!(!gone.status.success());
    assert!(stderr(&gone).contains("cannot tell") && stderr(&gone).contains("404"));
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&dubao(h, &["feed", "list", "--json"]))).expect("json");
    let kinds: Vec<(bool, String)> = list
        .as_array()
        .expect("subscriptions")
        .iter()
        .map(|s| {
            (
                s["epaper"].as_bool().unwrap_or(false),
                s["url"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (false, server.url("/news")),
            (true, server.url("/csrb/pc/layout/"))
        ]
    );
}
