//! Pages in both dump layouts, from papers other than the bundled one (invented text in
//! tests/fixtures/import/), and the bundled page re-dumped in the other layout.

use dubao::import::parse_page;
use dubao::import::{BUNDLED_PAGE, load_bundled};
use dubao::model::{Article, ArticleKind, Page, PageLineKind, ParagraphKind};

const INDENT: &str = include_str!("../fixtures/import/indent-layout.txt");
const BLANK: &str = include_str!("../fixtures/import/blank-layout.txt");

fn heads(page: &Page) -> Vec<(ArticleKind, Option<&str>, &str, Option<&str>)> {
    page.articles
        .iter()
        .map(|a| {
            (
                a.kind,
                a.kicker.as_deref(),
                a.title.as_str(),
                a.subtitle.as_deref(),
            )
        })
        .collect()
}

fn kinds(a: &Article) -> Vec<ParagraphKind> {
    a.paragraphs.iter().map(|p| p.kind).collect()
}

#[test]
fn indent_layout_articles_and_stacks() {
    let page = parse_page(INDENT, "east-lake", "2024-03-08", "A2");
    assert_eq!(
        heads(&page),
        vec![
            (
                ArticleKind::News,
                None,
                "城东新区推出二十条措施助力青年创业",
                Some("——首批三百个创业项目落地孵化")
            ),
            (ArticleKind::News, None, "湖畔书屋迎来第十万名读者", None),
            (ArticleKind::Photo, None, "晨光中的湿地", None),
            (
                ArticleKind::Interview,
                None,
                "把好事办好 把实事办实",
                Some("——访城东新区管委会主任刘明远")
            ),
        ]
    );
    assert_eq!(page.articles[0].id.0, "east-lake/2024-03-08/A2/1");
    let lines: Vec<(PageLineKind, &str)> = page
        .lines
        .iter()
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            // Lines of a headline run stay together, where the run began.
            (PageLineKind::Column, "要闻"),
            (PageLineKind::Banner, "稳就业 惠民生"),
            (PageLineKind::Credit, "本版责编：林一帆　版式设计：周小禾"),
        ]
    );
}

#[test]
fn indent_layout_datelines_cuts_and_subheads() {
    let page = parse_page(INDENT, "east-lake", "2024-03-08", "A2");
    let first = &page.articles[0];
    assert_eq!(
        first.dateline.as_deref(),
        Some("本报讯（记者 王青禾　通讯员 赵一鸣）")
    );
    // The unindented `指导。` continues the cut paragraph above it.
    assert!(
        first.paragraphs[1]
            .text
            .ends_with("安排导师一对一跟踪指导。")
    );
    assert_eq!(
        kinds(first),
        vec![
            ParagraphKind::Text,
            ParagraphKind::Text,
            ParagraphKind::Subhead,
            ParagraphKind::Text
        ]
    );
    assert_eq!(first.paragraphs[2].text, "核心措施");
    assert_eq!(page.articles[1].dateline.as_deref(), Some("本报讯"));
    let photo = &page.articles[2];
    assert_eq!(photo.credit.as_deref(), Some("本报记者  陈小满摄"));
    assert_eq!(kinds(photo), vec![ParagraphKind::Caption]);
}

#[test]
fn indent_layout_question_and_answer() {
    let page = parse_page(INDENT, "east-lake", "2024-03-08", "A2");
    let talk = &page.articles[3];
    assert_eq!(talk.byline.as_deref(), Some("本报记者 王青禾"));
    let speakers: Vec<Option<&str>> = talk
        .paragraphs
        .iter()
        .map(|p| p.speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        vec![Some("问："), Some("答："), Some("问："), Some("答：")]
    );
    assert_eq!(talk.paragraphs[0].text, "二十条措施出台的初衷是什么？");
}

#[test]
fn blank_layout_of_another_paper() {
    let page = parse_page(BLANK, "north-ridge", "", "03");
    assert_eq!(
        heads(&page),
        vec![
            (ArticleKind::News, None, "山区小学用上了“空中课堂”", None),
            (
                ArticleKind::News,
                Some("春耕时节农机忙"),
                "北岭市启动农机服务“进村入户”行动",
                None
            ),
            (
                ArticleKind::Interview,
                Some("留住乡愁 留住人"),
                "让村里的年轻人留得下",
                None
            ),
        ]
    );
    assert_eq!(page.articles[0].id.0, "north-ridge/undated/03/1");
    assert_eq!(page.articles[0].column.as_deref(), Some("今日关注"));
    assert_eq!(page.articles[2].column.as_deref(), Some("乡村振兴大家谈"));
    assert_eq!(
        page.lines
            .iter()
            .map(|l| (l.kind, l.text.as_str()))
            .collect::<Vec<_>>(),
        vec![(PageLineKind::Credit, "责任编辑：钱多多　美术编辑：孙小圆")]
    );
}

#[test]
fn blank_layout_subheads_datelines_and_bylines() {
    let page = parse_page(BLANK, "north-ridge", "", "03");
    let school = &page.articles[0];
    assert_eq!(
        school.dateline.as_deref(),
        Some("新华社北岭3月7日电（记者 孙一川）")
    );
    let subheads: Vec<&str> = school
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Subhead)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        subheads,
        vec!["核心阅读", "一、名师走进山村教室", "二、设备维护有人管"]
    );
    assert!(
        school
            .paragraphs
            .iter()
            .any(|p| p.text.ends_with("与授课教师一起研讨教案。"))
    );
    let farm = &page.articles[1];
    assert_eq!(
        farm.dateline.as_deref(),
        Some("本报北岭3月7日电  记者 周文、李想")
    );
    assert!(farm.paragraphs[0].text.starts_with("连日来"));
    // A quotation inside a report is not an interview.
    assert!(farm.paragraphs.iter().all(|p| p.speaker.is_none()));
    let talk = &page.articles[2];
    assert_eq!(talk.byline.as_deref(), Some("本报记者\u{a0}周文\u{a0}李想"));
    let speakers: Vec<Option<&str>> = talk
        .paragraphs
        .iter()
        .map(|p| p.speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        vec![
            Some("记者："),
            Some("吴春燕："),
            Some("记者："),
            Some("吴春燕：")
        ]
    );
}

/// The lines of the bundled page that are headlines, labels, bylines or credits.
const BUNDLED_HEADS: [&str; 13] = [
    "抓落实 见行动",
    "高端访谈",
    "努力在全省经济社会发展中争先进位",
    "衡水:打造“三最”营商环境跑出发展加速度",
    "省体育局开展“1+4”专项行动",
    "延伸冰雪产业链 发展后奥运经济",
    "上半年煤炭装船量超亿吨",
    "河北日报通讯员 苑立伟摄",
    "省卫生健康委统筹推进疫情防控和卫生健康工作高质量发展",
    "10多项任务清单为群众身体健康和生命安全护航",
    "全力以赴 加快推动综合经济实力实现新提升",
    "河北日报记者 单厚军 王永晨",
    "访那台市市长宋华英",
];

/// The bundled page as the other layout dumps it: one line per block, no blank lines,
/// paragraphs opened by `　　`, headlines and continuation lines of cut paragraphs not.
fn redump_indented(page: &str) -> String {
    let mut out = String::new();
    let mut cut = false;
    for block in page.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if !BUNDLED_HEADS.contains(&block) && !cut {
            out.push_str("\u{3000}\u{3000}");
        }
        out.push_str(block);
        out.push('\n');
        cut = !BUNDLED_HEADS.contains(&block) && !block.ends_with(['。', '?', '”']);
    }
    out
}

#[test]
fn the_bundled_page_redumped_in_the_indent_layout_reads_the_same() {
    let redumped = redump_indented(BUNDLED_PAGE);
    assert!(!redumped.contains("\n\n"));
    let page = parse_page(&redumped, "hebei-daily", "2022-07-01", "01");
    assert_eq!(page, load_bundled().issues[0].pages[0]);
}

#[test]
fn crlf_line_ends_read_the_same() {
    let crlf = BUNDLED_PAGE.replace('\n', "\r\n");
    let page = parse_page(&crlf, "hebei-daily", "2022-07-01", "01");
    assert_eq!(page, load_bundled().issues[0].pages[0]);
}

const CENTRED: &str = include_str!("../fixtures/import/centred-layout.txt");

#[test]
fn centred_headlines_space_indents_and_source_lines() {
    let page = parse_page(CENTRED, "north-ridge", "2024-03-08", "03");
    assert_eq!(
        heads(&page),
        vec![
            (
                ArticleKind::News,
                None,
                "坚持就业优先 稳住民生底线（经济观察）",
                Some("——多地出台措施稳岗扩岗")
            ),
            (ArticleKind::Photo, None, "春风里的招聘会", None),
            (ArticleKind::News, None, "绿色发展的“北岭答卷”", None),
        ]
    );
    let jobs = &page.articles[0];
    assert_eq!(
        jobs.dateline.as_deref(),
        Some("本报北京3月7日电  （记者 甲乙丙、丁戊）")
    );
    assert!(jobs.paragraphs[2].text.ends_with("直达市场主体和劳动者。"));
    assert_eq!(
        page.articles[1].credit.as_deref(),
        Some("新华社记者 甲乙 摄")
    );
    let green = &page.articles[2];
    assert_eq!(green.byline.as_deref(), Some("本报记者  丙丁"));
    assert_eq!(
        kinds(green),
        vec![
            ParagraphKind::Text,
            ParagraphKind::Text,
            ParagraphKind::Subhead,
            ParagraphKind::Text,
            ParagraphKind::Subhead,
            ParagraphKind::Text
        ]
    );
    let lines: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        lines,
        vec!["第03版：要闻", "《某某日报》（2024年03月08日 03版）"]
    );
}

const HOSTILE: &str = include_str!("../fixtures/import/hostile.txt");

#[test]
fn controls_escapes_and_bidi_never_reach_the_data() {
    let page = parse_page(HOSTILE, "x", "", "01");
    let mut all: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
    for a in &page.articles {
        all.extend(a.fields().into_iter().map(|(_, t)| t));
    }
    for text in &all {
        assert!(
            !text.chars().any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')),
            "{text:?}"
        );
        // The payloads of title and clipboard sequences go with them.
        assert!(
            !text.contains("窗口标题") && !text.contains("cm0g"),
            "{text:?}"
        );
    }
    let a = &page.articles[0];
    assert_eq!(a.title, "西河大桥今天通车");
    assert_eq!(a.column.as_deref(), Some("新闻快报"));
    assert_eq!(
        a.paragraphs[1].text,
        "通车后，两岸居民往来的时间将由四十分钟缩短到五分钟左右。沿线还建成了两处观景平台。"
    );
    // Half-width punctuation stays as printed.
    let ascii = parse_page("标题\n\n本报讯 今天,天气晴.", "x", "", "01");
    assert_eq!(ascii.articles[0].paragraphs[0].text, "今天,天气晴.");
}
