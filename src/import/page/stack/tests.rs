//! Tests of the headline stack builder.
use super::StackLine::{Byline, Heading};
use super::*;

#[test]
fn kicker_above_title() {
    let (lines, d) = build(
        &[
            Heading("省体育局开展“1+4”专项行动"),
            Heading("延伸冰雪产业链 发展后奥运经济"),
        ],
        false,
    );
    assert!(lines.is_empty());
    assert_eq!(d.kicker.as_deref(), Some("省体育局开展“1+4”专项行动"));
    assert_eq!(d.title, "延伸冰雪产业链 发展后奥运经济");
    assert_eq!(d.subtitle, None);
}

#[test]
fn dash_subtitle_below_title() {
    let (_, d) = build(
        &[
            Heading("为群众身体健康护航的引题"),
            Heading("主题一行"),
            Heading("——副题一行"),
            Byline("本报记者 甲乙"),
        ],
        false,
    );
    assert_eq!(d.kicker.as_deref(), Some("为群众身体健康护航的引题"));
    assert_eq!(d.title, "主题一行");
    assert_eq!(d.subtitle.as_deref(), Some("——副题一行"));
    assert_eq!(d.byline.as_deref(), Some("本报记者 甲乙"));
}

#[test]
fn interview_stack_with_byline_between() {
    let (_, d) = build(
        &[
            Heading("全力以赴 加快推动综合经济实力实现新提升"),
            Byline("河北日报记者 单厚军 王永晨"),
            Heading("访那台市市长宋华英"),
        ],
        false,
    );
    assert_eq!(d.title, "全力以赴 加快推动综合经济实力实现新提升");
    assert_eq!(d.subtitle.as_deref(), Some("访那台市市长宋华英"));
    assert_eq!(d.kicker, None);
}

#[test]
fn a_series_mark_under_the_title_is_its_subtitle() {
    let (_, d) = build(&[Heading("走进大山深处的课堂"), Heading("（上）")], false);
    assert_eq!(d.title, "走进大山深处的课堂");
    assert_eq!(d.subtitle.as_deref(), Some("（上）"));
}

#[test]
fn page_top_banner_and_label_go_to_the_page() {
    let (lines, d) = build(
        &[
            Heading("抓落实 见行动"),
            Heading("高端访谈"),
            Heading("努力在全省经济社会发展中争先进位"),
            Heading("衡水:打造“三最”营商环境跑出发展加速度"),
        ],
        true,
    );
    let kinds: Vec<_> = lines.iter().map(|l| (l.kind, l.text.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (PageLineKind::Banner, "抓落实 见行动"),
            (PageLineKind::Column, "高端访谈")
        ]
    );
    assert_eq!(
        d.kicker.as_deref(),
        Some("努力在全省经济社会发展中争先进位")
    );
    assert_eq!(d.column, None);
}

#[test]
fn a_label_right_above_the_title_heads_the_article() {
    let (lines, d) = build(&[Heading("高端访谈"), Heading("某市长谈发展")], true);
    assert!(lines.is_empty());
    assert_eq!(d.column.as_deref(), Some("高端访谈"));
    assert_eq!(d.kicker, None);
}

#[test]
fn label_above_kicker_mid_page_heads_the_article() {
    let (lines, d) = build(
        &[
            Heading("今日关注"),
            Heading("长长的引题在这里"),
            Heading("主题"),
        ],
        false,
    );
    assert!(lines.is_empty());
    assert_eq!(d.column.as_deref(), Some("今日关注"));
    assert_eq!(d.kicker.as_deref(), Some("长长的引题在这里"));
}

#[test]
fn subhead_word_under_title_opens_the_story() {
    let (_, d) = build(&[Heading("主题一行"), Heading("核心阅读")], false);
    assert_eq!(d.title, "主题一行");
    assert_eq!(d.kicker, None);
    assert_eq!(d.paras[0].kind, ParagraphKind::Subhead);
    assert_eq!(d.paras[0].text, "核心阅读");
}

#[test]
fn a_figure_in_the_title_is_a_statement_a_year_is_not() {
    assert!(states_figure("全市林地净增206万亩"));
    assert!(!states_figure("2026年全市运动会开幕"));
    let (_, d) = build_over(
        &[Heading("全市林地净增206万亩"), Heading("实现首次回流")],
        false,
        true,
    );
    // A subtitle going on with the title's subject (`实现…`) settles the pair.
    assert_eq!(d.title, "全市林地净增206万亩");
    assert_eq!(d.subtitle.as_deref(), Some("实现首次回流"));
}

#[test]
fn page_line_kinds() {
    assert_eq!(page_line_kind("本版责编：甲乙", true), PageLineKind::Credit);
    assert_eq!(page_line_kind("抓落实 见行动", true), PageLineKind::Banner);
    assert_eq!(page_line_kind("高端访谈", false), PageLineKind::Column);
    assert_eq!(
        page_line_kind("努力在全省经济社会发展中争先进位", true),
        PageLineKind::Theme
    );
    assert_eq!(
        page_line_kind("努力在全省经济社会发展中争先进位", false),
        PageLineKind::Other
    );
}
