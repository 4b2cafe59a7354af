//! The two systems that are not HTML pages of articles, from loopback copies made up in
//! `tests/fixtures/epaper/` in the layout the sites' crawlers read: 解放军报's day as one
//! `index.json` (`paperInfo[].xyList[]`, the bodies in it), and 新华每日电讯's
//! `IssueIndex.htm`, a `<meta refresh>` to the page whose `div.listdaohang` lists the
//! whole issue, its article links in `daoxiang`.

use crate::support;

use std::path::{Path, PathBuf};

use support::feeds::{Server, dubao, stderr, stdout};

fn site() -> Server {
    let server = Server::start();
    super::epaper_fetch::serve_dir(
        &server,
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/epaper"),
    );
    server
}

fn show(home: &Path, id: &str) -> serde_json::Value {
    let o = dubao(home, &["show", id, "--json"]);
    assert!(o.status.success(), "{id}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("json")
}

#[test]
fn jiefangjun_bao_comes_in_from_its_index_json_in_one_request() {
    let server = site();
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let add = dubao(h, &["feed", "add", &server.url("/_szb/jfjb/")]);
    assert!(add.status.success(), "{}", stderr(&add));
    assert!(stdout(&add).starts_with("解放军报\t"), "{}", stdout(&add));
    let day = ["fetch", "--date", "2026-09-27", "--pause", "0"];
    let o = dubao(h, &day);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("解放军报 2026-09-27: 3 pages, 3 articles, 3 new"),
        "{}",
        stdout(&o)
    );
    assert_eq!(server.seen().len(), 1, "the day is one request");
    let a = show(h, "jfjb/2026-09-27/01/1");
    assert_eq!(a["kicker"], "练兵备战一线");
    assert_eq!(a["title"], "秋训场上砺精兵");
    assert_eq!(a["subtitle"], "某旅开展实战化考核");
    assert_eq!(a["byline"], "本报记者 张三 通讯员 李四");
    assert_eq!(a["paragraphs"][1]["kind"], "subhead");
    assert!(
        a["link"]
            .as_str()
            .is_some_and(|l| l.ends_with("paperDate=2026-09-27&paperNumber=01&articleid=900101")),
        "{}",
        a["link"]
    );
    let photo = show(h, "jfjb/2026-09-27/01/2");
    assert!(
        photo["photos"][0]["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/images/900102.jpg"))
    );
    let c = show(h, "jfjb/2026-09-27/03/1");
    assert_eq!(
        (c["title"].as_str(), c["byline"].as_str()),
        (Some("把每一次训练都当作实战"), Some("钟军"))
    );
    let again = dubao(h, &day);
    assert!(
        stdout(&again).contains("already in the library"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn xinhua_meiri_dianxun_follows_its_issue_index_to_the_list_of_the_issue() {
    let server = site();
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let add = dubao(h, &["feed", "add", &server.url("/content/PaperIndex.htm")]);
    assert!(add.status.success(), "{}", stderr(&add));
    assert!(
        stdout(&add).starts_with("新华每日电讯\t"),
        "{}",
        stdout(&add)
    );
    let o = dubao(h, &["fetch", "--date", "2026-09-28", "--pause", "0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("新华每日电讯 2026-09-28: 2 pages, 3 articles, 3 new"),
        "{}",
        stdout(&o)
    );
    let a = show(h, "xhmrdx/2026-09-28/01/1");
    assert_eq!(
        (
            a["kicker"].as_str(),
            a["title"].as_str(),
            a["subtitle"].as_str()
        ),
        (Some("奋进新征程"), Some("振兴之路"), Some("来自一线的报道"))
    );
    let texts: Vec<&str> = a["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert_eq!(texts, ["正文一。", "正文二。"]);
    let p2 = show(h, "xhmrdx/2026-09-28/02/1");
    assert_eq!(p2["title"], "山里的快递站");
}
