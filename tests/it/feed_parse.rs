//! Feeds of every format and shape read into issues: RSS 1.0, Atom, a table-layout
//! e-paper with an `enpproperty` comment, a JSON Feed with no pages; and bad input
//! refused with one line.

use std::path::PathBuf;

use dubao::feed::{FeedError, parse_bytes, parse_file};
use dubao::model::{Issue, ParagraphKind};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

fn read(name: &str) -> Vec<Issue> {
    parse_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn paragraphs(issue: &Issue, page: usize, article: usize) -> Vec<String> {
    issue.pages[page].articles[article]
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn rss1_dated_by_the_feed_title_pages_in_order() {
    let issues = read("rss1.rdf");
    assert_eq!(issues.len(), 1);
    let issue = &issues[0];
    assert_eq!(issue.paper, "新华每日电讯");
    assert_eq!(issue.slug, "xhmrdx");
    // The feed's title says 27 April; the item's own time (28 April) is not the paper's.
    assert_eq!(issue.date, "2026-04-27");
    let pages: Vec<&str> = issue.pages.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(pages, ["01", "02", "10"]);
    let a = &issue.pages[1].articles[0];
    assert_eq!(a.id.0, "xhmrdx/2026-04-27/02/1");
    assert_eq!(a.title, "春耕正当时");
    assert_eq!(a.subtitle.as_deref(), Some("各地抓农时促生产"));
    assert_eq!(a.dateline.as_deref(), Some("新华社北京4月26日电"));
    assert_eq!(a.link.as_deref(), Some("http://127.0.0.1/a/1.html"));
    assert_eq!(
        paragraphs(issue, 1, 0),
        ["春耕 生产全面展开。", "各地抓农时。", "促生产。"]
    );
    assert_eq!(paragraphs(issue, 0, 0), ["头版正文&更多。"]);
    assert_eq!(issue.pages[0].section.as_deref(), Some("要闻"));
}

#[test]
fn a_name_the_user_gave_wins_over_the_feeds_title() {
    let path = format!("{}/tests/fixtures/feeds/atom.xml", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let given = dubao::feed::parse_named(&bytes, "联合早报", true).unwrap();
    assert_eq!((given[0].paper.as_str(), given[0].slug.as_str()), ("联合早报", "lhzb"));
    assert!(given[0].pages[0].articles[0].id.0.starts_with("lhzb/"));
    // A name made up from the address only fills in for a feed without a title.
    let made_up = dubao::feed::parse_named(&bytes, "atom", false).unwrap();
    assert_eq!(made_up[0].paper, "测试晚报");
}

#[test]
fn atom_with_a_category_page_and_china_time() {
    let issues = read("atom.xml");
    let issue = &issues[0];
    assert_eq!(issue.paper, "测试晚报");
    // 17:30 UTC on the 26th is 01:30 on the 27th in China.
    assert_eq!(issue.date, "2026-04-27");
    assert_eq!(issue.pages[0].number, "03");
    assert_eq!(issue.pages[0].section.as_deref(), Some("国际"));
    let a = &issue.pages[0].articles[0];
    assert_eq!(a.kicker.as_deref(), Some("引题在此"));
    assert_eq!(a.title, "科技创新走在前列");
    assert_eq!(a.subtitle.as_deref(), Some("副题在此"));
    assert_eq!(a.byline.as_deref(), Some("本报记者 张三"));
    let kinds: Vec<ParagraphKind> = a.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Text,
            ParagraphKind::Caption,
            ParagraphKind::Text
        ]
    );
    assert_eq!(a.paragraphs[1].text, "图为实验室。 李四摄");
}

#[test]
fn table_layout_e_paper_with_enpproperty() {
    let issues = read("enp.xml");
    let issue = &issues[0];
    assert_eq!(issue.paper, "测试电讯");
    assert_eq!(issue.date, "2026-04-27");
    assert_eq!(issue.pages[0].number, "04");
    let a = &issue.pages[0].articles[0];
    assert_eq!(a.kicker.as_deref(), Some("奋进新征程"));
    assert_eq!(a.title, "振兴之路");
    assert_eq!(a.subtitle.as_deref(), Some("来自一线的报道"));
    assert_eq!(a.byline.as_deref(), Some("记者 王五"));
    assert_eq!(a.dateline.as_deref(), Some("新华社北京4月26日电"));
    // Navigation, the date line, the source line and the script are all gone.
    assert_eq!(paragraphs(issue, 0, 0), ["正文一“引号”。", "正文二。"]);
}

#[test]
fn json_feed_with_no_page() {
    let issues = read("nopage.json");
    let dates: Vec<&str> = issues.iter().map(|i| i.date.as_str()).collect();
    // 20:00 UTC on 1 March is 2 March in China; 10:00 UTC is still 1 March.
    assert_eq!(dates, ["2026-03-01", "2026-03-02"]);
    assert_eq!(issues[0].pages[0].number, "00");
    assert_eq!(issues[0].pages[0].articles[0].title, "第二篇");
    assert_eq!(
        paragraphs(&issues[0], 0, 0),
        ["纯文本第一段。", "纯文本第二段。"]
    );
    // The escape sequence is gone.
    assert_eq!(paragraphs(&issues[1], 0, 0), ["第一段。", "第二段。"]);
}

#[test]
fn parsing_twice_gives_the_same_ids() {
    assert_eq!(read("rss1.rdf"), read("rss1.rdf"));
}

#[test]
fn bad_input_is_refused_in_one_line() {
    let whole = std::fs::read(fixture("rss1.rdf")).unwrap_or_default();
    let cut = &whole[..whole.len() / 2];
    assert!(matches!(parse_bytes(cut, "x"), Err(FeedError::Truncated)));
    let json = std::fs::read(fixture("nopage.json")).unwrap_or_default();
    assert!(matches!(
        parse_bytes(&json[..json.len() / 2], "x"),
        Err(FeedError::Truncated)
    ));
    for bad in [
        &b""[..],
        b"<html><body><p>Not a feed</p></body></html>",
        b"\x00\x01\x02garbage\xff",
        b"{\"hello\": 1}",
        b"<?xml version=\"1.0\"?><opml/>",
    ] {
        match parse_bytes(bad, "x") {
            Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
            Ok(issues) => panic!("{:?} read as {issues:?}", String::from_utf8_lossy(bad)),
        }
    }
    let missing = parse_file(&fixture("no-such-file.xml"));
    assert!(matches!(missing, Err(FeedError::Io { .. })));
}

#[test]
fn a_feed_in_gbk_as_its_declaration_says() {
    let text = "<?xml version=\"1.0\" encoding=\"GBK\"?><rss version=\"2.0\"><channel><title>测试日报</title>\
        <item><title>[01版：要闻] 国标编码的标题</title><link>http://127.0.0.1/2026-05-06/1.html</link>\
        <description>&lt;p&gt;正文。&lt;/p&gt;</description></item></channel></rss>";
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let issues = parse_bytes(&bytes, "x").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(issues[0].paper, "测试日报");
    assert_eq!(issues[0].date, "2026-05-06");
    assert_eq!(issues[0].pages[0].articles[0].title, "国标编码的标题");
    // Cut short, it is still told apart from a document that is not a feed.
    assert!(matches!(
        parse_bytes(&bytes[..bytes.len() - 20], "x"),
        Err(FeedError::Truncated)
    ));
}

#[test]
fn atom_html_titles_and_xhtml_content_are_read_as_text() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">某报 - 2026年5月6日</title><id>x</id>
<updated>2026-05-05T10:00:00Z</updated>
<entry><title type="html">[03版：理论] 题目&lt;b&gt;粗&lt;/b&gt;&amp;amp;细</title><id>1</id>
<updated>2026-05-05T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>第一段&amp;。</p><p>第二段。</p></div></content></entry>
<entry><title>只有摘要</title><id>2</id><updated>2026-05-05T10:00:00Z</updated><summary>摘要一段。</summary></entry>
</feed>"#;
    let issues = parse_bytes(atom.as_bytes(), "x").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(issues.len(), 1);
    let issue = &issues[0];
    assert_eq!(
        (issue.paper.as_str(), issue.date.as_str()),
        ("某报", "2026-05-06")
    );
    let page3 = issue.pages.iter().find(|p| p.number == "03");
    let a = page3.map(|p| &p.articles[0]);
    assert_eq!(a.map(|a| a.title.as_str()), Some("题目粗&细"));
    assert_eq!(
        a.map(|a| a.paragraphs.len()),
        Some(2),
        "xhtml content gives its paragraphs"
    );
    let summary_only = issue.pages.iter().find(|p| p.number == "00");
    assert_eq!(
        summary_only.map(|p| p.articles[0].paragraphs[0].text.as_str()),
        Some("摘要一段。")
    );
}
