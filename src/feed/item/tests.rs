//! Tests of one item → one article.

use super::*;

fn item(title: &str, html: &str) -> Parsed {
    parse(&ItemSource {
        title: title.into(),
        link: Some("https://paper.example.cn/pc/content/202608/22/content_1.html".into()),
        html: Some(html.into()),
        ..Default::default()
    })
}

const RMRB: &str = r#"<div class="article">
<h3><p> 陆海内外联动  东西双向互济 </p></h3>
<h1><p> 贵州主动融入全面开放格局 </p></h1>
<h2></h2>
<p class="sec">
<!-- <span class="origin">人民日报</span><span class="date">(2020年02月06日 01版)</span> -->
本报记者  马跃峰  苏  滨
<span class="date">《人民日报》（<span class="newstime">2026年08月21日</span> 第 01 版）</span>
</p>
<div id="ozoom"><!--enpcontent--><p>　　本报贵阳8月21日电　第一段&amp;文字。</p><p>　　<strong>小标题</strong></p><p>　　第二段<br>第三段</p>
<p class="not-indent"><img src="x.jpg" data-original-title="&lt;p&gt;　　图说文字。&lt;/p&gt;&lt;p&gt;　　李信君摄（新华社发）&lt;/p&gt;"/></p>
<!--/enpcontent--></div></div>"#;

#[test]
fn e_paper_stack_byline_date_and_body() {
    let p = item("[01版：要闻] 贵州主动融入全面开放格局（权威发布）", RMRB);
    let a = &p.article;
    assert_eq!(p.page.as_ref().map(|p| p.page.as_str()), Some("01"));
    assert_eq!(
        p.page.as_ref().and_then(|p| p.section.as_deref()),
        Some("要闻")
    );
    assert_eq!(a.kicker.as_deref(), Some("陆海内外联动  东西双向互济"));
    assert_eq!(a.title, "贵州主动融入全面开放格局");
    assert_eq!(a.subtitle, None);
    assert_eq!(a.column.as_deref(), Some("权威发布"));
    assert_eq!(a.byline.as_deref(), Some("本报记者  马跃峰  苏  滨"));
    // The date line's date, not the link's.
    assert_eq!(p.date.as_deref(), Some("2026-08-21"));
    assert_eq!(a.dateline.as_deref(), Some("本报贵阳8月21日电"));
    let texts: Vec<(&str, ParagraphKind)> = a
        .paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.kind))
        .collect();
    assert_eq!(
        texts,
        [
            ("第一段&文字。", ParagraphKind::Text),
            ("小标题", ParagraphKind::Subhead),
            ("第二段", ParagraphKind::Text),
            ("第三段", ParagraphKind::Text),
            ("图说文字。 李信君摄（新华社发）", ParagraphKind::Caption),
        ]
    );
    assert!(a.link.is_some());
}

#[test]
fn table_layout_with_enpproperty() {
    let html = r##"<html><body><table><tr><td class="nav"><a href="#">上一版</a> <a href="#">下一版</a></td></tr>
<tr><td>2026年04月27日 星期一</td></tr>
<tr><td class="font01">振兴之路</td></tr>
<tr><td><founder-content><p>　　新华社北京4月26日电　正文一。</p><p>　　正文二。</p></founder-content></td></tr>
<tr><td>（ 2026-04-27 ） 稿件来源：新华每日电讯要闻</td></tr></table>
<!--enpproperty <articleid>1</articleid><date>2026-04-27</date><author>记者 王五</author><title>振兴之路</title><subtitle>——来自一线的报道</subtitle><introtitle>奋进新征程</introtitle><nodename>要闻</nodename>/enpproperty--></body></html>"##;
    let p = item("振兴之路", html);
    let a = &p.article;
    assert_eq!(a.kicker.as_deref(), Some("奋进新征程"));
    assert_eq!(a.title, "振兴之路");
    // Stored without its dash: the typesetter sets it.
    assert_eq!(a.subtitle.as_deref(), Some("来自一线的报道"));
    assert_eq!(a.byline.as_deref(), Some("记者 王五"));
    assert_eq!(p.date.as_deref(), Some("2026-04-27"));
    assert_eq!(a.dateline.as_deref(), Some("新华社北京4月26日电"));
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["正文一。", "正文二。"]);
}

#[test]
fn title_only_item_with_a_dash_subtitle() {
    let p = parse(&ItemSource {
        title: "04版教科文新闻 - 【大美中国】主题 —— 副题".into(),
        text: Some("第一行\n\n第二行".into()),
        ..Default::default()
    });
    assert_eq!(p.article.title, "主题");
    assert_eq!(p.article.subtitle.as_deref(), Some("副题"));
    assert_eq!(p.article.column.as_deref(), Some("大美中国"));
    assert_eq!(p.article.paragraphs.len(), 2);
    assert_eq!(p.date, None);
}

#[test]
fn byline_at_the_end_and_furniture_dropped() {
    let html = "<div>2026年01月04日 星期日\n</div><div id=\"articleContent\"><P>  正文。</P><P>  <STRONG>（本报记者 张国圣 李宏）</STRONG></P></div>";
    let p = item("03版综合新闻 - 标题", html);
    assert_eq!(
        p.article.byline.as_deref(),
        Some("（本报记者 张国圣 李宏）")
    );
    assert_eq!(p.article.paragraphs.len(), 1);
}

#[test]
fn staff_credits_are_page_lines() {
    let p = item(
        "[05版：人文] 本版责编：耿  磊",
        "<h1><p> 本版责编：耿  磊 </p></h1><div id=\"ozoom\"><p>　　版式设计：汪哲平</p></div>",
    );
    assert_eq!(
        p.credits,
        Some(vec![
            "本版责编：耿  磊".to_string(),
            "版式设计：汪哲平".to_string()
        ])
    );
}

#[test]
fn unsafe_text_is_cleaned() {
    let p = item("标题\u{1b}[31m", "<p>正文\u{202e}反转</p>");
    assert_eq!(p.article.title, "标题");
    assert_eq!(p.article.paragraphs[0].text, "正文反转");
}

#[test]
fn headings_in_the_body_are_subheads_not_the_stack() {
    let p = item(
        "标题",
        "<h1>标题</h1><p>　　第一段。</p><h3>小节</h3><p>　　第二段。</p><h2>另一节</h2>",
    );
    let a = &p.article;
    assert_eq!((a.kicker.as_deref(), a.subtitle.as_deref()), (None, None));
    let texts: Vec<(&str, ParagraphKind)> = a
        .paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.kind))
        .collect();
    assert_eq!(
        texts,
        [
            ("第一段。", ParagraphKind::Text),
            ("小节", ParagraphKind::Subhead),
            ("第二段。", ParagraphKind::Text),
            ("另一节", ParagraphKind::Subhead),
        ]
    );
}

#[test]
fn a_caption_gives_up_its_credit() {
    let split = |c: &str| split_credit(c);
    assert_eq!(
        split("5月3日，医护人员在护理新生儿。 李信君摄（新华社发）"),
        (
            "5月3日，医护人员在护理新生儿。".to_string(),
            Some("李信君摄（新华社发）".to_string())
        )
    );
    assert_eq!(
        split("唐时达从小生活的村子。中青报·中青网记者 杜佳冰/摄")
            .1
            .as_deref(),
        Some("中青报·中青网记者 杜佳冰/摄")
    );
    assert_eq!(
        split("新华社记者 张三摄"),
        (String::new(), Some("新华社记者 张三摄".into()))
    );
    assert_eq!(
        split("一张没有署名的图。"),
        ("一张没有署名的图。".into(), None)
    );
}

#[test]
fn a_table_laid_item_repeats_neither_its_headline_nor_its_byline_in_the_body() {
    let html = r##"<html><body><table><tr><td><founder-content><p>振兴之路</p><p>——来自一线的报道</p><p>新华社记者  王  五</p><p>　　新华社北京4月26日电　正文一。</p><p>　　正文二。</p></founder-content></td></tr></table>
<!--enpproperty <articleid>1</articleid><date>2026-04-27</date><author>新华社记者 王五</author><title>振兴之路</title><subtitle>——来自一线的报道</subtitle><introtitle></introtitle><nodename>要闻</nodename>/enpproperty--></body></html>"##;
    let p = parse(&ItemSource {
        title: "振兴之路".into(),
        html: Some(html.into()),
        ..ItemSource::default()
    });
    let a = p.article;
    assert_eq!(a.title, "振兴之路");
    assert_eq!(a.subtitle.as_deref(), Some("来自一线的报道"));
    assert_eq!(a.byline.as_deref(), Some("新华社记者 王五"));
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, vec!["正文一。", "正文二。"]);
    assert_eq!(a.dateline.as_deref(), Some("新华社北京4月26日电"));
}
