//! `dubao feed add <e-paper address> && dubao fetch --date D` against a local copy of an
//! e-paper site on 127.0.0.1 (our own small site under `tests/fixtures/epaper/`): every
//! page and article in with page, section and the exact headline stack; a second fetch
//! adds nothing; each fault named in one line while the rest comes in, and the next
//! fetch completes the day.

use crate::support;

use std::path::{Path, PathBuf};

use support::feeds::{Route, Server, dubao, stderr, stdout};

/// Serve every file under `dir` at `/` + its path there.
pub fn serve_dir(server: &Server, dir: &Path) {
    fn walk(server: &Server, root: &Path, dir: &Path) {
        for e in std::fs::read_dir(dir).expect("read fixture dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(server, root, &p);
            } else {
                let rel = p.strip_prefix(root).expect("under root");
                let path = format!("/{}", rel.to_string_lossy().replace('\\', "/"));
                let body = std::fs::read(&p).expect("read fixture");
                server.route(&path, Route::Feed { body, etag: None });
            }
        }
    }
    walk(server, dir, dir);
}

fn site_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/epaper")
}

fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    let o = dubao(home, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn fetch(home: &Path, date: &str) -> std::process::Output {
    dubao(
        home,
        &["fetch", "--date", date, "--pause", "0", "--timeout", "2"],
    )
}

#[test]
fn a_local_site_comes_in_whole_and_a_second_fetch_adds_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    serve_dir(&server, &site_dir());
    let add = dubao(
        home.path(),
        &["feed", "add", &server.url("/csrb/pc/layout/")],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    // A site dubao does not know goes by its slug until its pages name the paper.
    assert!(stdout(&add).starts_with("csrb\t"), "{}", stdout(&add));
    // Its newest issue: the site serves none of the last days, said in one line that
    // names the days looked at, and nothing was done (exit 1).
    let newest = dubao(home.path(), &["fetch", "--pause", "0"]);
    assert!(!newest.status.success());
    assert!(
        stderr(&newest).contains("csrb: no issue on the site from"),
        "{}",
        stderr(&newest)
    );
    assert_eq!(stderr(&newest).lines().count(), 1, "{}", stderr(&newest));
    let o = fetch(home.path(), "2026-01-02");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2026-01-02: 3 pages, 4 articles, 4 new"),
        "{}",
        stdout(&o)
    );
    let a = json(home.path(), &["show", "csrb/2026-01-02/01/1", "--json"]);
    assert_eq!(a["kicker"], "各地抓农时");
    assert_eq!(a["title"], "春耕备耕忙");
    assert_eq!(a["subtitle"], "农机下田 农资到村");
    assert_eq!(a["byline"], "本报记者  王  五");
    assert_eq!(a["dateline"], "本报北京1月1日电　（记者王五）");
    assert_eq!(a["paragraphs"][1]["kind"], "subhead");
    assert_eq!(
        a["link"],
        server.url("/csrb/pc/content/202601/02/content_1.html")
    );
    // The photo page: its photo with caption and credit, an absolute address.
    let p = json(home.path(), &["show", "csrb/2026-01-02/01/2", "--json"]);
    assert_eq!(
        p["photos"][0]["url"],
        server.url("/csrb/pc/pic/202601/02/photo2.jpg")
    );
    assert_eq!(p["photos"][0]["caption"], "1月1日，游客在冰雪大世界游玩。");
    assert_eq!(p["photos"][0]["credit"], "本报记者 赵六摄");
    // 转版: page 03's continuation joined its first part on page 01.
    let c = json(home.path(), &["show", "csrb/2026-01-02/01/3", "--json"]);
    let texts: Vec<&str> = c["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert_eq!(
        texts.last(),
        Some(&"（上接第一版）如今，村里还建起了快递驿站。")
    );
    let again = fetch(home.path(), "2026-01-02");
    assert!(again.status.success(), "{}", stderr(&again));
    // Named as on the first fetch (by its paper), not by the address's slug.
    assert!(
        stdout(&again).contains("测试日报 2026-01-02: already in the library"),
        "{}",
        stdout(&again)
    );
    let list = stdout(&dubao(home.path(), &["list", "--json"]));
    assert_eq!(list.matches("\"csrb/2026-01-02/").count(), 4, "{list}");
    // From now on its lines name the paper, as its pages do.
    let newest = dubao(home.path(), &["fetch", "--pause", "0"]);
    assert!(
        stderr(&newest).contains("测试日报: no issue on the site from"),
        "{}",
        stderr(&newest)
    );
}

#[test]
fn each_fault_is_one_line_and_the_next_fetch_completes_the_day() {
    let home = tempfile::tempdir().expect("temp dir");
    let server = Server::start();
    serve_dir(&server, &site_dir());
    let content = |n: u32| format!("/csrb/pc/content/202601/02/content_{n}.html");
    let error_page = b"<html><body><h1>502 Bad Gateway</h1></body></html>".to_vec();
    server.route(
        "/csrb/pc/layout/202601/02/node_03.html",
        Route::Feed {
            body: error_page,
            etag: None,
        },
    );
    let no_body = b"<html><body><div class=\"article\"><h1>\xe6\x98\xa5</h1></div></body></html>";
    server.route(
        &content(1),
        Route::Feed {
            body: no_body.to_vec(),
            etag: None,
        },
    );
    server.route(&content(2), Route::Hang);
    server.route(
        &content(3),
        Route::Truncated(b"<html><body><div class=\"article\">".to_vec()),
    );
    let add = dubao(
        home.path(),
        &["feed", "add", &server.url("/csrb/pc/layout/")],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let o = dubao(
        home.path(),
        &[
            "fetch",
            "--date",
            "2026-01-02",
            "--pause",
            "0",
            "--timeout",
            "0.5",
        ],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "part of the day came in: {err}");
    assert!(
        err.contains("page 03") && err.contains("a#pageLink"),
        "{err}"
    );
    assert!(
        err.contains("春耕备耕忙") && err.contains("no article body"),
        "{err}"
    );
    assert!(
        err.contains("图片报道") && err.contains("timed out"),
        "{err}"
    );
    assert!(err.contains("山村通上了快递"), "{err}");
    assert!(stdout(&o).contains("(incomplete)"), "{}", stdout(&o));
    // A date the site does not serve: one line, non-zero (nothing was done).
    let gone = fetch(home.path(), "2026-01-03");
    assert!(!gone.status.success());
    assert!(
        stderr(&gone).contains("does not serve this date"),
        "{}",
        stderr(&gone)
    );
    // The site is whole again: the next fetch completes the day.
    serve_dir(&server, &site_dir());
    let next = fetch(home.path(), "2026-01-02");
    assert!(next.status.success(), "{}", stderr(&next));
    assert!(
        stdout(&next).contains("测试日报 2026-01-02: 3 pages, 4 articles, 4 new"),
        "{}",
        stdout(&next)
    );
    let last = stdout(&dubao(home.path(), &["fetch", "--last"]));
    assert!(last.contains("page 01 要闻: 3 articles"), "{last}");
}

#[test]
fn papers_are_listed_and_added_by_name() {
    let home = tempfile::tempdir().expect("temp dir");
    let list = stdout(&dubao(home.path(), &["papers"]));
    for name in [
        "人民日报",
        "人民日报海外版",
        "光明日报",
        "经济日报",
        "中国青年报",
        "河北日报",
        "新华每日电讯",
        "解放军报",
    ] {
        assert!(list.contains(name), "{name}: {list}");
    }
    let rows = json(home.path(), &["papers", "--json"]);
    assert!(rows.as_array().is_some_and(|r| r.len() >= 8));
    let o = dubao(home.path(), &["feed", "add", "renminribao"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "人民日报\thttps://paper.people.com.cn/rmrb/pc/layout/"
    );
    let bad = dubao(home.path(), &["feed", "add", "不存在日报"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("dubao papers"), "{}", stderr(&bad));
    let date = dubao(home.path(), &["fetch", "--date", "2025-02-30"]);
    assert!(!date.status.success() && stderr(&date).contains("no real date"));
}
