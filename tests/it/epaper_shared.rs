//! The real saved e-paper pages of `../shared/fixtures/epaper/` served as a local copy
//! of their sites (skipped when `../shared` is not there): 人民日报 of 2024-12-25, its
//! real page 01 and page list, the other pages made from page 01's markup, every content
//! page filled with a real article of the shared feeds (the same markup); 中国青年报 of
//! 2026-09-16, its real page 06 and its real five-photo article page of page 05.

use crate::support;

use std::path::{Path, PathBuf};

use support::feeds::{Route, Server, dubao, stderr, stdout};

/// `../shared/fixtures`, or `$DUBAO_SHARED/fixtures` (a worktree kept elsewhere).
fn shared() -> Option<PathBuf> {
    crate::typeset_corpus::shared_dir()
        .map(|s| s.join("fixtures"))
        .filter(|d| d.join("epaper").is_dir())
}

fn page(server: &Server, path: &str, body: String) {
    server.route(
        path,
        Route::Feed {
            body: body.into_bytes(),
            etag: None,
        },
    );
}

/// Each `<item>` of a saved RSS feed: its title after the page prefix, and its HTML.
fn items(xml: &str) -> Vec<(String, String)> {
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#13;", "\r")
            .replace("&amp;", "&")
    };
    xml.split("<item>")
        .skip(1)
        .filter_map(|it| {
            let t = it.split("<title>").nth(1)?.split("</title>").next()?;
            let d = it
                .split("<description>")
                .nth(1)?
                .split("</description>")
                .next()?;
            let title = unescape(t);
            let title = title
                .split_once(']')
                .map_or(title.as_str(), |(_, r)| r)
                .trim();
            let title: String = title
                .chars()
                .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}'))
                .collect();
            Some((title, unescape(d)))
        })
        .collect()
}

/// Kicker, headline, subtitle.
pub type Stack = (Option<String>, String, Option<String>);

/// The headline stack as the item's HTML has it, read with plain string search: the
/// text of `<h3>`, `<h1>`, `<h2>` without tags, the 副题's dash left out.
fn stack(html: &str) -> Stack {
    let text = |tag: &str| {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let at = html.find(&open)? + open.len();
        let inner = &html[at..at + html[at..].find(&close)?];
        let mut out = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        let out: String = out
            .replace("&nbsp;", " ")
            .chars()
            .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}' | '\r' | '\n' | '\t'))
            .collect();
        let out = out
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
            .to_string();
        Some(out).filter(|t| !t.is_empty())
    };
    let sub = text("h2")
        .map(|s| s.trim_start_matches('—').trim().to_string())
        .filter(|s| !s.is_empty());
    (text("h3"), text("h1").unwrap_or_default(), sub)
}

/// The library under `home` (where the binary keeps it), as JSON: `{"issues": […]}`.
fn export(home: &Path) -> serde_json::Value {
    use dubao::library::Shelf;
    let dir = support::data_home(home).join("dubao/library");
    let shelf = dubao::library::disk::DiskShelf::open(&dir).expect("library");
    let issues: Vec<dubao::model::Issue> = shelf
        .issues()
        .iter()
        .map(|i| shelf.load_issue(&i.key).expect("issue"))
        .collect();
    serde_json::json!({ "issues": issues })
}

/// A page and its articles: (page number, the feed's title, the stack).
pub type Expected = Vec<(String, String, Stack)>;

/// 人民日报 of 2024-12-25 served by `server` from the saved page 01 in `dir` (the
/// shared fixtures): its 20 pages (number, section) and every article served.
pub fn serve_rmrb(server: &Server, dir: &Path) -> (Vec<(String, String)>, Expected) {
    let node01 =
        std::fs::read_to_string(dir.join("epaper/rmrb-2024-12-25-node_01.html")).expect("node_01");
    let mut arts = Vec::new();
    for f in ["rmrb-2026-08-22.rss.xml", "rmrb-2026-05-05.rss.xml"] {
        arts.extend(items(
            &std::fs::read_to_string(dir.join("feeds").join(f)).expect("feed"),
        ));
    }
    let base = "/rmrb/pc/layout/202412/25/";
    let sections: Vec<(String, String)> = (1..=20)
        .map(|n| {
            let label = format!(">{n:02}版：");
            let at = node01.find(&label).expect("page list") + label.len();
            let sec = node01[at..].split('<').next().unwrap_or("").to_string();
            (format!("{n:02}"), sec)
        })
        .collect();
    let mut expected = Vec::new();
    let mut next = 0;
    for (num, sec) in &sections {
        let mut body = node01.replace("第01版：要闻", &format!("第{num}版：{sec}"));
        // Each page's own content ids; the adverts pages (广告) and page 20 list none.
        body = body.replace("content_300480", &format!("content_{num}0480"));
        if sec == "广告" || num == "20" {
            let (a, b) = (
                body.find("<ul class=\"news-list\">").unwrap(),
                body.find("</ul>\r\n\t\t\t\t</div>\r\n\t\t\t</div>")
                    .or_else(|| body.rfind("</ul>"))
                    .unwrap(),
            );
            body.replace_range(a..b, "<ul class=\"news-list\">");
            body = body.replace(
                &format!("href=\"../../../content/202412/25/content_{num}0480"),
                "href=\"#none",
            );
        } else {
            for k in 54..=60 {
                let (title, html) = &arts[next];
                next += 1;
                let path = format!("/rmrb/pc/content/202412/25/content_{num}0480{k}.html");
                page(server, &path, format!("<html><body>{html}</body></html>"));
                expected.push((num.clone(), title.clone(), stack(html)));
            }
        }
        page(server, &format!("{base}node_{num}.html"), body);
    }
    (sections, expected)
}

/// ../shared's fixtures, or a line saying the test is skipped.
pub fn shared_fixtures() -> Option<PathBuf> {
    let d = shared();
    if d.is_none() {
        println!("SKIPPED: ../shared not found");
    }
    d
}

/// Every headline served (but the credit items) stored with its exact stack, on its page
/// or joined to its first part on an earlier page (转版); how many articles are stored
/// and how many stacks were checked.
fn check_stacks(
    pages: &[serde_json::Value],
    expected: &[(String, String, Stack)],
) -> (usize, usize) {
    let opt = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let stored_stacks: Vec<(String, Stack)> = pages
        .iter()
        .flat_map(|p| {
            let n = p["number"].as_str().unwrap_or("").to_string();
            p["articles"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |a| {
                    (
                        n.clone(),
                        (
                            opt(&a["kicker"]),
                            a["title"].as_str().unwrap_or("").to_string(),
                            opt(&a["subtitle"]),
                        ),
                    )
                })
        })
        .collect();
    let mut right = 0;
    for (num, title, (kicker, h1, h2)) in expected {
        if title.contains("责编") {
            continue;
        }
        let found = stored_stacks.iter().find(|(n, s)| n <= num && s.1 == *h1);
        assert!(found.is_some(), "page {num}: {h1} missing");
        assert_eq!(
            found.map(|(_, s)| s),
            Some(&(kicker.clone(), h1.clone(), h2.clone())),
            "page {num}"
        );
        right += 1;
    }
    (stored_stacks.len(), right)
}

#[test]
fn renmin_ribao_2024_12_25_from_a_local_copy_of_its_site() {
    let Some(dir) = shared() else {
        println!("SKIPPED: ../shared not found");
        return;
    };
    let server = Server::start();
    let (sections, expected) = serve_rmrb(&server, &dir);
    let home = tempfile::tempdir().expect("temp dir");
    let add = dubao(
        home.path(),
        &["feed", "add", &server.url("/rmrb/pc/layout/")],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    assert!(stdout(&add).starts_with("人民日报\t"), "{}", stdout(&add));
    let o = dubao(
        home.path(),
        &["fetch", "--date", "2024-12-25", "--pause", "0"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    println!("{}{}", stdout(&o), stderr(&o));
    let lib = export(home.path());
    let issue = &lib["issues"][0];
    assert_eq!(issue["paper"], "人民日报");
    let pages = issue["pages"].as_array().expect("pages");
    let got: Vec<(String, String)> = pages
        .iter()
        .map(|p| {
            (
                p["number"].as_str().unwrap_or("").into(),
                p["section"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(got, sections);
    let p1 = &pages[0];
    assert!(
        p1["scan"]["image"]
            .as_str()
            .is_some_and(|s| s.starts_with("http://127.0.0.1") && s.ends_with(".jpg.2"))
    );
    assert!(
        p1["scan"]["pdf"]
            .as_str()
            .is_some_and(|s| s.ends_with(".pdf"))
    );
    assert_eq!(p1["scan"]["areas"].as_array().map(Vec::len), Some(7));
    let (stored, right) = check_stacks(pages, &expected);
    let credit_items = expected
        .iter()
        .filter(|(_, t, _)| t.contains("责编"))
        .count();
    let credits = pages
        .iter()
        .flat_map(|p| p["lines"].as_array().cloned().unwrap_or_default())
        .filter(|l| l["kind"] == "credit")
        .count();
    println!("人民日报 2024-12-25: {right} articles with the exact headline stack");
    assert!(credits >= credit_items, "credits kept as page lines");
    println!(
        "人民日报 2024-12-25: {} pages, {} articles stored of {} served",
        pages.len(),
        stored,
        expected.len()
    );
    let again = dubao(
        home.path(),
        &["fetch", "--date", "2024-12-25", "--pause", "0"],
    );
    assert!(
        stdout(&again).contains("already in the library"),
        "{}",
        stdout(&again)
    );
}

/// A local copy of 中国青年报 2026-09-16: eight pages of page 06's markup, page 05 and
/// page 06 listing the saved article page (page 06 its three copies, retitled).
fn serve_zqb(dir: &Path) -> Server {
    let read = |f: &str| std::fs::read_to_string(dir.join("epaper").join(f)).expect("fixture");
    let node06 = read("zqb-2026-09-16-node_06.html");
    let content = read("zqb-2026-09-16-content_430781.html");
    let server = Server::start();
    let base = "/pc/layout/202609/16/";
    for n in 1..=8 {
        let body = if n == 6 {
            node06.clone()
        } else if n == 5 {
            node06
                .replace("第06版：冰点周刊", "第05版：冰点周刊")
                .replace("content_430782.html", "content_430781.html")
        } else {
            // The other pages: page 06's markup with no articles.
            node06
                .replace("第06版：冰点周刊", &format!("第{n:02}版：版{n}"))
                .replace("content_43078", "none_")
        };
        page(&server, &format!("{base}node_{n:02}.html"), body);
    }
    page(
        &server,
        "/pc/content/202609/16/content_430781.html",
        content.clone(),
    );
    // Page 06's three articles: the real article page's markup, its headline changed.
    for (id, t) in [(430782, "甲篇"), (430783, "乙篇"), (430784, "丙篇")] {
        page(
            &server,
            &format!("/pc/content/202609/16/content_{id}.html"),
            content.replace("<h1>谁的房子谁的家</h1>", &format!("<h1>{t}</h1>")),
        );
    }
    server
}

/// The saved 冰点 article as stored: its stack, byline, five photos with credits, the
/// body read once, its subheads.
fn check_bingdian(a: &serde_json::Value) {
    assert_eq!(a["kicker"], "冰点特稿第1354期");
    assert_eq!(a["title"], "谁的房子谁的家");
    assert_eq!(a["subtitle"], serde_json::Value::Null);
    assert_eq!(a["byline"], "中青报·中青网记者 杜佳冰");
    let photos = a["photos"].as_array().expect("photos");
    assert_eq!(photos.len(), 5, "{photos:?}");
    assert!(photos[0]["url"].as_str().is_some_and(|u| {
        u.ends_with("/pc/pic/202609/16/fe8ba7a0-ed9f-4323-9240-a45d7141ce78.jpg")
    }));
    assert_eq!(photos[0]["credit"], "中青报·中青网记者 杜佳冰/摄");
    // The hidden second copy of the body is not read: each paragraph once.
    let paras: Vec<&str> = a["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    let first = "两个儿子为了争夺房产又牵出冒名顶替入学的官司，闹得人尽皆知，71岁的母亲肖桔华越来越感到难以支应。";
    assert_eq!(paras.iter().filter(|p| **p == first).count(), 1);
    let subheads: Vec<&str> = a["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter(|p| p["kind"] == "subhead")
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert!(subheads.contains(&"向上的家庭"), "{subheads:?}");
}

#[test]
fn zhongguo_qingnianbao_2026_09_16_its_real_pages() {
    let Some(dir) = shared() else {
        println!("SKIPPED: ../shared not found");
        return;
    };
    let server = serve_zqb(&dir);
    let home = tempfile::tempdir().expect("temp dir");
    let add = dubao(home.path(), &["feed", "add", &server.url("/pc/layout/")]);
    assert!(add.status.success(), "{}", stderr(&add));
    let o = dubao(
        home.path(),
        &["fetch", "--date", "2026-09-16", "--pause", "0"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lib = export(home.path());
    let issue = &lib["issues"][0];
    assert_eq!(issue["paper"], "中国青年报");
    let p5 = issue["pages"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["number"] == "05"))
        .expect("page 05");
    assert_eq!(p5["section"], "冰点周刊");
    check_bingdian(&p5["articles"][0]);
    let p6 = issue["pages"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["number"] == "06"))
        .expect("page 06");
    let titles: Vec<&str> = p6["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, ["甲篇", "乙篇", "丙篇"]);
}
