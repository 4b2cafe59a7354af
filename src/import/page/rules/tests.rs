//! Unit tests of the line rules.

use super::*;

#[test]
fn sentence_ends() {
    assert!(ends_sentence("跑出发展加速度。"));
    assert!(ends_sentence("审批流程。”"));
    assert!(ends_sentence("实现新提升?"));
    assert!(ends_sentence("具体措施如下："));
    assert!(ends_sentence("（完）"));
    assert!(!ends_sentence("衡水市出台了稳住经"));
    assert!(!ends_sentence("推进计划,"));
    assert!(!ends_sentence("被称为“网红打卡地”"));
    assert!(!ends_sentence("通道——"));
}

#[test]
fn body_punctuation_but_not_in_numbers() {
    assert!(has_body_punctuation(
        "为助力企业纾困渡难关,衡水市出台了稳住经"
    ));
    assert!(has_body_punctuation("疫情防控。省卫生健康委"));
    assert!(!has_body_punctuation("上半年煤炭装船量超1.032亿吨"));
    assert!(!has_body_punctuation("出口4,800万元"));
    assert!(!has_body_punctuation("经济怎么办？"));
    assert!(has_body_punctuation("为什么？因为"));
}

#[test]
fn heading_like_lines() {
    assert!(is_heading_like("延伸冰雪产业链 发展后奥运经济"));
    assert!(is_heading_like("衡水:打造“三最”营商环境跑出发展加速度"));
    assert!(is_heading_like(
        "省卫生健康委统筹推进疫情防控和卫生健康工作高质量发展"
    ));
    assert!(!is_heading_like("（完）"));
    assert!(!is_heading_like("（上接第一版）"));
    assert!(is_heading_like("（上）"));
    assert!(is_heading_like("（之一）"));
    assert!(!is_heading_like("为助力企业纾困渡难关,衡水市出台了稳住经"));
    assert!(!is_heading_like(&"长".repeat(HEADING_MAX + 1)));
}

#[test]
fn bylines_with_any_space() {
    assert!(is_byline("河北日报记者 单厚军 王永晨"));
    assert!(is_byline("河北日报记者\u{3000}单厚军\u{3000}王永晨"));
    assert!(is_byline("河北日报记者\u{a0}单厚军\u{a0}王永晨"));
    assert!(is_byline("本报记者张三"));
    assert!(is_byline("■本报记者 张三"));
    assert!(is_byline("文/甲乙丙"));
    assert!(is_byline("文·图/本报记者 甲乙"));
    assert!(!is_byline("文/这是一个很长的句子不是名字"));
    assert!(is_byline("（记者 甲乙丙、丁戊 通讯员 己庚）"));
    assert!(!is_byline("河北日报通讯员 苑立伟摄"));
    assert!(!is_byline("记者节前的一次采访活动"));
    assert!(!is_byline("延伸冰雪产业链 发展后奥运经济"));
}

#[test]
fn photo_credits() {
    assert!(is_photo_credit("河北日报通讯员 苑立伟摄"));
    assert!(is_photo_credit("本报记者  某某摄"));
    assert!(is_photo_credit("张三 摄"));
    assert!(is_photo_credit("本报记者 张三 摄影报道"));
    assert!(is_photo_credit("苑立伟摄"));
    assert!(is_photo_credit("（新华社记者 甲乙 摄）"));
    assert!(!is_photo_credit("上半年煤炭装船量超亿吨"));
    assert!(!is_photo_credit("他们一起去拍摄"));
    assert!(!is_photo_credit("春日随手摄"));
    assert!(is_photo_credit("欧阳小明 摄"));
    assert!(is_photo_credit("视觉中国供图"));
}

#[test]
fn page_furniture() {
    assert!(is_page_furniture("《人民日报》（2024年03月08日 01版）"));
    assert!(is_page_furniture("2024年3月8日 星期五"));
    assert!(is_page_furniture("第04版：要闻"));
    assert!(!is_page_furniture("2024年全国两会开幕"));
    assert!(!is_page_furniture("第一次走进山村"));
}

#[test]
fn desk_bylines_and_agency_credits() {
    assert!(is_byline("本报评论员"));
    assert!(!is_byline("评论员"));
    assert!(is_photo_credit("（新华社发）"));
    assert!(is_photo_credit("新华社记者 甲乙 发"));
    assert!(!is_photo_credit("经济快速发"));
}

#[test]
fn page_credits() {
    assert!(is_page_credit("本版责编：甲乙 版式设计：丙丁"));
    assert!(is_page_credit("版式设计:丙丁"));
    assert!(is_page_credit("一版责编：甲  乙  二版责编：丙  丁"));
    assert!(is_page_credit("12版责编：甲乙"));
    assert!(is_page_credit("责任编辑 甲乙"));
    assert!(is_page_credit("（本版编辑：甲乙）"));
    assert!(!is_page_credit("编辑部的故事"));
}

#[test]
fn labels_and_banners() {
    assert!(is_column_like("高端访谈"));
    assert!(!is_column_like("抓落实 见行动"));
    assert!(is_banner_like("抓落实 见行动"));
    assert!(is_banner_like("奋进新征程·建功新时代"));
    assert!(!is_banner_like("延伸冰雪产业链 发展后奥运经济"));
}

#[test]
fn subhead_shapes() {
    assert!(is_subhead_word("核心阅读"));
    assert!(is_numbered_heading("一、坚持创新驱动"));
    assert!(is_numbered_heading("（二）抓好项目建设"));
    assert!(is_numbered_heading("3.扩大开放"));
    assert!(!is_numbered_heading("1+4专项行动"));
    assert!(is_dash_subtitle("——访某某"));
    assert!(is_dash_subtitle("──访某某"));
    assert!(is_dash_subtitle("－－访某某"));
    assert!(!is_dash_subtitle("访某某"));
    assert!(is_interview_subtitle("访那台市市长宋华英"));
    assert!(is_series_mark("（上）"));
    assert!(!is_series_mark("（完）"));
}
