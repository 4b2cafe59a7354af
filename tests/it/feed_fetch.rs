//! `dubao fetch` against a local HTTP server: feeds fetched into the library, a
//! second fetch adding nothing (304 and unchanged items), gzip, the User-Agent, and every
//! kind of broken server named on stderr while the others are still fetched.

use crate::support;

use std::time::{Duration, Instant};

use support::feeds::{Route, Server, dubao, fixture, shared_feeds, stderr, stdout};

/// What the library holds, as `dubao list --json` and `dubao show --json` of `ids`
/// tell it (the real binary, the library under `home`).
fn library(home: &std::path::Path, ids: &[&str]) -> Vec<String> {
    let mut out = vec![stdout(&dubao(home, &["list", "--json"]))];
    for id in ids {
        out.push(stdout(&dubao(home, &["show", id, "--json"])));
    }
    out
}

fn add(home: &std::path::Path, url: &str, name: &str) {
    let o = dubao(home, &["feed", "add", url, "--name", name]);
    assert!(o.status.success(), "feed add: {}", stderr(&o));
}

#[test]
fn fetch_stores_issues_and_a_second_fetch_adds_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    server.route(
        "/xhmrdx.rdf",
        Route::Feed {
            body: fixture("rss1.rdf"),
            etag: Some("\"v1\"".into()),
        },
    );
    server.route("/atom.xml", Route::Gzip(fixture("atom.xml")));
    server.route(
        "/enp.xml",
        Route::Feed {
            body: fixture("enp.xml"),
            etag: None,
        },
    );
    add(home.path(), &server.url("/xhmrdx.rdf"), "新华每日电讯");
    add(home.path(), &server.url("/atom.xml"), "晚报");
    add(home.path(), &server.url("/enp.xml"), "电讯");

    let o = dubao(home.path(), &["fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("新华每日电讯: 3 new"), "{out}");
    assert!(out.contains("晚报: 1 new"), "{out}");
    assert!(out.contains("电讯: 1 new"), "{out}");

    // What was fetched is in the library and reads like any other issue.
    let list = dubao(home.path(), &["list", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let listed = stdout(&list);
    assert!(listed.contains("xhmrdx/2026-04-27/02/1"), "{listed}");
    assert!(listed.contains("春耕正当时"), "{listed}");
    let found = stdout(&dubao(home.path(), &["search", "春耕", "--json"]));
    assert!(found.contains("xhmrdx/2026-04-27/"), "{found}");

    // The server was asked as dubao, with gzip.
    let seen = server.seen();
    let ua = seen[0]
        .headers
        .get("user-agent")
        .cloned()
        .unwrap_or_default();
    assert!(ua.starts_with("dubao/"), "{ua}");
    let gz = seen.iter().find(|s| s.path == "/atom.xml");
    assert!(gz.is_some_and(|s| {
        s.headers
            .get("accept-encoding")
            .is_some_and(|a| a.contains("gzip"))
    }));

    let before = library(home.path(), &["xhmrdx/2026-04-27/02/1"]);
    let again = dubao(home.path(), &["fetch"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let out = stdout(&again);
    assert!(out.contains("新华每日电讯: not modified"), "{out}");
    assert!(out.contains("晚报: 0 new"), "{out}");
    assert!(out.contains("电讯: 0 new"), "{out}");
    assert_eq!(
        library(home.path(), &["xhmrdx/2026-04-27/02/1"]),
        before,
        "a second fetch changes nothing"
    );
    let last = server.seen().into_iter().rfind(|s| s.path == "/xhmrdx.rdf");
    assert_eq!(
        last.and_then(|s| s.headers.get("if-none-match").cloned())
            .as_deref(),
        Some("\"v1\"")
    );
}

#[test]
fn broken_feeds_are_named_and_the_rest_fetched() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    server.route(
        "/good.xml",
        Route::Feed {
            body: fixture("atom.xml"),
            etag: None,
        },
    );
    server.route("/gone.xml", Route::Status(404));
    server.route("/error.xml", Route::Status(500));
    server.route(
        "/page.xml",
        Route::Feed {
            body: b"<html><head><title>Home</title></head><body><p>Hi</p></body></html>".to_vec(),
            etag: None,
        },
    );
    server.route("/garbage.xml", Route::Garbage);
    server.route("/hang.xml", Route::Hang);
    server.route("/huge.xml", Route::Huge);
    server.route("/loop.xml", Route::Redirect("/loop.xml".into()));
    let rdf = fixture("rss1.rdf");
    server.route("/cut.xml", Route::Truncated(rdf[..rdf.len() / 2].to_vec()));
    let broken = [
        ("/gone.xml", "gone", "404"),
        ("/error.xml", "error", "500"),
        ("/page.xml", "page", "not a feed"),
        ("/garbage.xml", "garbage", "HTTP"),
        ("/hang.xml", "hang", "timed out"),
        ("/huge.xml", "huge", "too big"),
        ("/loop.xml", "loop", "redirect"),
        ("/cut.xml", "cut", "truncated"),
    ];
    add(home.path(), &server.url("/good.xml"), "good");
    for (path, name, _) in broken {
        add(home.path(), &server.url(path), name);
    }
    let started = Instant::now();
    let o = dubao(home.path(), &["fetch", "--timeout", "3", "--jobs", "4"]);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(60), "took {took:?}");
    assert!(
        o.status.success(),
        "one feed worked, so success: {}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("good: 1 new"), "{}", stdout(&o));
    let err = stderr(&o);
    for (_, name, what) in broken {
        let line = err
            .lines()
            .find(|l| l.starts_with(&format!("dubao: {name}: ")))
            .unwrap_or_else(|| panic!("no line for {name} in:\n{err}"));
        assert!(line.contains(what), "{name}: {line}");
    }
    assert_eq!(err.lines().count(), broken.len(), "{err}");
    println!("{err}");
}

#[test]
fn every_feed_failing_exits_non_zero_and_keeps_what_is_stored() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    server.route(
        "/a.xml",
        Route::Feed {
            body: fixture("enp.xml"),
            etag: None,
        },
    );
    add(home.path(), &server.url("/a.xml"), "测试电讯");
    assert!(dubao(home.path(), &["fetch"]).status.success());
    let id = "csdx/2026-04-27/04/1";
    let before = library(home.path(), &[id]);
    assert!(before[0].contains(id), "{}", before[0]);
    for broken in [
        Route::Status(500),
        Route::Garbage,
        Route::Truncated(fixture("enp.xml")),
    ] {
        server.route("/a.xml", broken);
        let o = dubao(home.path(), &["fetch", "--timeout", "3"]);
        assert!(!o.status.success());
        assert!(
            stderr(&o).starts_with("dubao: 测试电讯: "),
            "{}",
            stderr(&o)
        );
        assert_eq!(
            library(home.path(), &[id]),
            before,
            "nothing stored is lost or changed"
        );
    }
}

#[test]
fn a_changed_item_replaces_its_article_under_the_same_id() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    let body = fixture("enp.xml");
    server.route(
        "/a.xml",
        Route::Feed {
            body: body.clone(),
            etag: None,
        },
    );
    add(home.path(), &server.url("/a.xml"), "测试电讯");
    assert!(dubao(home.path(), &["fetch"]).status.success());
    let changed = String::from_utf8_lossy(&body).replace("正文二。", "正文二（更正）。");
    server.route(
        "/a.xml",
        Route::Feed {
            body: changed.into_bytes(),
            etag: None,
        },
    );
    let o = dubao(home.path(), &["fetch"]);
    assert!(
        stdout(&o).contains("测试电讯: 0 new, 1 changed"),
        "{}",
        stdout(&o)
    );
    let shown = dubao(home.path(), &["show", "csdx/2026-04-27/04/1", "--json"]);
    assert!(
        stdout(&shown).contains("正文二（更正）。"),
        "{}",
        stderr(&shown)
    );
}

#[test]
fn the_shared_feeds_served_over_http() {
    let Some(dir) = shared_feeds() else {
        println!("SKIPPED: ../shared not found");
        return;
    };
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    for (file, name) in [
        ("rmrb-2026-05-05.rss.xml", "rmrb-may"),
        ("rmrb-2026-08-22.rss.xml", "rmrb-aug"),
        ("guangming.feed.json", "gmrb"),
    ] {
        let body = std::fs::read(dir.join(file)).unwrap_or_default();
        server.route(&format!("/{file}"), Route::Gzip(body));
        add(home.path(), &server.url(&format!("/{file}")), name);
    }
    let o = dubao(home.path(), &["fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // Items less the pages' staff credits, which become page lines.
    assert!(out.contains("rmrb-may: 41 new"), "{out}");
    assert!(out.contains("rmrb-aug: 57 new"), "{out}");
    assert!(out.contains("gmrb: 60 new"), "{out}");
    let again = stdout(&dubao(home.path(), &["fetch"]));
    assert_eq!(again.matches(": 0 new").count(), 3, "{again}");
}

#[test]
fn a_fetch_killed_half_way_leaves_the_library_whole() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let server = Server::start();
    server.route(
        "/a.xml",
        Route::Feed {
            body: fixture("enp.xml"),
            etag: None,
        },
    );
    server.route("/hang.xml", Route::Hang);
    add(h, &server.url("/a.xml"), "测试电讯");
    add(h, &server.url("/hang.xml"), "hang");
    let mut child = support::command(h)
        .args(["fetch", "--jobs", "2", "--timeout", "30"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run dubao");
    // Killed while one feed is stored and the other still hangs.
    let started = Instant::now();
    while !stdout(&dubao(h, &["list", "--json"])).contains("csdx/2026-04-27/04/1") {
        assert!(started.elapsed() < Duration::from_secs(20), "never stored");
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().expect("kill");
    let _ = child.wait();
    let shown = dubao(h, &["show", "csdx/2026-04-27/04/1", "--json"]);
    assert!(stdout(&shown).contains("正文二。"), "{}", stderr(&shown));
    // The next fetch takes the writer at once and adds nothing new.
    server.route("/hang.xml", Route::Status(404));
    let o = dubao(h, &["fetch"]);
    assert!(
        stdout(&o).contains("测试电讯: 0 new"),
        "{} {}",
        stdout(&o),
        stderr(&o)
    );
}
