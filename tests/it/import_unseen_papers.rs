//! Pages in the shapes of papers the splitter was not developed on (issue 17), each of
//! our own making in `tests/fixtures/import/patterns/`: wire copy closing each story on
//! its 电头 in brackets, a Xinhua-daily-like page, a Singapore-daily-like page of
//! blank-line blocks in both scripts, and a theory weekly's essays with author and
//! word-count lines and numbered sections set flush left.

use dubao::model::{ArticleKind, ParagraphKind};

use crate::support::patterns::{page, stacks, texts, titles};

#[test]
fn wire_copy_keeps_each_closing_dateline_with_its_story() {
    let p = page("wire_closing_brackets.txt");
    assert_eq!(
        titles(&p),
        vec![
            "江城自贸片区新增企业两千余家",
            "青山县五万亩茶园迎来采摘季",
            "国际航班旅客量同比增长三成"
        ]
    );
    assert_eq!(
        texts(&p.articles[0]).last(),
        Some(&"（新华社江城5月2日电）")
    );
    assert_eq!(
        texts(&p.articles[1]).last(),
        Some(&"（新华社青山5月2日电）")
    );
    assert_eq!(p.articles[1].dateline, None);
    assert_eq!(
        p.articles[0].dateline.as_deref(),
        Some("新华社江城5月2日电（记者林晓）")
    );
    assert_eq!(
        p.articles[2].dateline.as_deref(),
        Some("新华社北京5月3日电")
    );
    assert_eq!(p.articles[2].byline.as_deref(), Some("新华社记者  陈  杰"));
}

#[test]
fn a_xinhua_daily_page_keeps_its_stacks_and_closing_datelines() {
    let p = page("xinhua_daily_blank.txt");
    let stacks = stacks(&p);
    assert_eq!(
        stacks,
        vec![
            (Some("江城港口物流——"), "一条航线连通两大洲", None),
            (
                None,
                "山村里的“数字课堂”",
                Some("——青山县推进城乡教育均衡发展见闻")
            ),
            (None, "图片新闻", None),
        ]
    );
    assert_eq!(texts(&p.articles[0]).last(), Some(&"新华社江城6月12日电"));
    assert_eq!(texts(&p.articles[1]).last(), Some(&"新华社青山6月12日电"));
    assert_eq!(
        p.articles[1].byline.as_deref(),
        Some("新华社记者  陈  杰  王  芳")
    );
    assert_eq!(p.articles[2].kind, ArticleKind::Photo);
    assert_eq!(
        p.articles[2].credit.as_deref(),
        Some("新华社记者  赵  敏摄")
    );
}

#[test]
fn a_singapore_daily_page_in_both_scripts_splits_on_its_bracketed_datelines() {
    let p = page("singapore_blank.txt");
    assert_eq!(
        titles(&p),
        vec![
            "組屋轉售價格連續第十季上漲",
            "小販中心推行自助收盤",
            "新加坡队3∶2战胜泰国队  晋级东南亚杯决赛"
        ]
    );
    // `（新加坡訊）` opens its story as a dateline does, and so starts the third one.
    assert_eq!(p.articles[0].dateline.as_deref(), Some("（新加坡訊）"));
    assert_eq!(p.articles[2].dateline.as_deref(), Some("（新加坡讯）"));
    assert_eq!(p.articles[1].byline.as_deref(), Some("本報記者  林曉"));
    assert_eq!(texts(&p.articles[1]).len(), 2);
}

#[test]
fn a_theory_weekly_keeps_its_sections_and_metadata_apart_from_headlines() {
    let p = page("theory_weekly.txt");
    assert_eq!(
        titles(&p),
        vec![
            "新时代推进理论创新的实践逻辑与方法论意义",
            "以高质量发展推动共同富裕取得更为明显的实质性进展"
        ]
    );
    assert_eq!(
        p.articles[0].byline.as_deref(),
        Some("作者：林  晓（江城大学马克思主义学院教授）")
    );
    assert_eq!(p.articles[1].byline.as_deref(), Some("作者：陈  杰"));
    // Numbered sections set flush left stay the essay's subheads.
    let subheads: Vec<&str> = p.articles[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Subhead)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        subheads,
        vec!["一、理论创新源于实践的需要", "二、理论创新要坚持问题导向"]
    );
    let lines: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(lines.contains(&"字数：4210字"), "{lines:?}");
    assert!(lines.contains(&"字数：2980字"), "{lines:?}");
}
