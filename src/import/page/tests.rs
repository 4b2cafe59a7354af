//! Unit tests of the page rules, one small invented page each.

use super::parse_page;
use crate::model::{ArticleKind, Page, PageLineKind, ParagraphKind};

fn page(text: &str) -> Page {
    parse_page(text, "t", "2024-01-01", "01")
}

fn titles(p: &Page) -> Vec<&str> {
    p.articles.iter().map(|a| a.title.as_str()).collect()
}

fn para_kinds(p: &Page, article: usize) -> Vec<ParagraphKind> {
    p.articles[article]
        .paragraphs
        .iter()
        .map(|x| x.kind)
        .collect()
}

const A: &str = "本报讯 今天上午，会议召开。";
const B: &str = "会议指出，要抓好落实。";
/// A feature's opening: no dateline (dated reports seldom carry subheads).
const F: &str = "今天上午，会议召开。";

#[test]
fn a_short_lone_line_inside_a_story_is_a_subhead() {
    let p = page(&format!("标题在这里\n\n{F}\n\n抓好项目建设\n\n{B}"));
    assert_eq!(titles(&p), vec!["标题在这里"]);
    assert_eq!(
        para_kinds(&p, 0),
        vec![
            ParagraphKind::Text,
            ParagraphKind::Subhead,
            ParagraphKind::Text
        ]
    );
}

#[test]
fn a_short_line_after_a_dated_report_starts_the_next_story() {
    let p = page(&format!("标题一\n\n{A}\n\n{B}\n\n多地高考结束\n\n{B}"));
    assert_eq!(titles(&p), vec!["标题一", "多地高考结束"]);
}

#[test]
fn a_lone_line_before_a_dateline_starts_an_article() {
    let p = page(&format!("标题一\n\n{A}\n\n标题二\n\n{A}"));
    assert_eq!(titles(&p), vec!["标题一", "标题二"]);
}

#[test]
fn a_lone_line_before_a_caption_and_credit_starts_a_photo() {
    let p = page(&format!(
        "标题一\n\n{A}\n\n晨光\n\n白鹭在浅滩上觅食。\n\n甲乙摄"
    ));
    assert_eq!(titles(&p), vec!["标题一", "晨光"]);
    assert_eq!(p.articles[1].kind, ArticleKind::Photo);
    assert_eq!(p.articles[1].credit.as_deref(), Some("甲乙摄"));
}

#[test]
fn a_long_lone_line_is_a_cut_paragraph() {
    let head = "围绕全会对本市作出的努力在全省经济社会发展中争先进位的精准";
    let p = page(&format!("标题一\n\n{A}\n\n{head}\n\n定位，该市凝聚共识。"));
    assert_eq!(p.articles.len(), 1);
    assert_eq!(
        p.articles[0].paragraphs[1].text,
        format!("{head}定位，该市凝聚共识。")
    );
}

#[test]
fn a_lone_line_with_a_full_stop_or_a_speaker_is_speech() {
    let p = page(&format!("标题一\n\n{F}\n\n谢谢！\n\n{B}"));
    assert_eq!(para_kinds(&p, 0), vec![ParagraphKind::Text; 3]);
}

#[test]
fn a_dateline_inside_a_story_opens_the_next_piece_of_a_roundup() {
    // A dated paragraph with no headline over it stays in the article (组合报道).
    let p = page(&format!(
        "标题一\n\n{A}\n\n{B}\n\n新华社北京3月7日电 又一条消息。"
    ));
    assert_eq!(titles(&p), vec!["标题一"]);
    let last = p.articles[0].paragraphs.last().map(|x| x.text.as_str());
    assert_eq!(last, Some("新华社北京3月7日电 又一条消息。"));
}

#[test]
fn a_stack_at_the_end_goes_to_the_headless_story() {
    let p = page(&format!(
        "标题一\n\n{A}\n\n新华社北京3月7日电 又一条消息。\n\n迟到的标题\n\n本报记者 甲乙"
    ));
    assert_eq!(titles(&p), vec!["标题一", "迟到的标题"]);
    assert_eq!(p.articles[1].byline.as_deref(), Some("本报记者 甲乙"));
    assert!(p.lines.is_empty());
}

#[test]
fn a_stack_at_the_end_with_no_home_stays_on_the_page() {
    let p = page(&format!("标题一\n\n{A}\n\n下期预告的标题"));
    assert_eq!(titles(&p), vec!["标题一"]);
    let lines: Vec<_> = p.lines.iter().map(|l| (l.kind, l.text.as_str())).collect();
    assert_eq!(lines, vec![(PageLineKind::Other, "下期预告的标题")]);
}

#[test]
fn an_interview_head_printed_mid_page_is_given_back() {
    let text = format!(
        "报道标题\n\n{A}\n\n记者：问什么？\n\n甲乙：答这个。\n\n访谈的标题\n\n本报记者 丙丁\n\n访某某\n\n下一篇文章的引题在这里\n\n下一篇的标题\n\n{A}"
    );
    let p = page(&text);
    assert_eq!(titles(&p), vec!["报道标题", "访谈的标题", "下一篇的标题"]);
    assert_eq!(p.articles[1].kind, ArticleKind::Interview);
    assert_eq!(p.articles[1].subtitle.as_deref(), Some("访某某"));
    assert_eq!(p.articles[1].byline.as_deref(), Some("本报记者 丙丁"));
    assert_eq!(
        p.articles[2].kicker.as_deref(),
        Some("下一篇文章的引题在这里")
    );
    assert_eq!(p.articles[0].paragraphs.len(), 1);
}

#[test]
fn a_byline_after_the_body_closes_the_story() {
    let p = page(&format!(
        "标题一\n\n{A}\n\n（本报记者 甲乙）\n\n标题二\n\n{A}"
    ));
    assert_eq!(titles(&p), vec!["标题一", "标题二"]);
    // The closing credit stays where the paper prints it: the story's last paragraph.
    let last = p.articles[0].paragraphs.last().map(|x| x.text.as_str());
    assert_eq!(last, Some("（本报记者 甲乙）"));
    assert_eq!(p.articles[1].byline, None);
}

#[test]
fn centred_headlines_and_tab_indents() {
    // Paragraphs opened by a tab (eight cells), headlines centred further in.
    let text = format!("            标题一\n\t{A}\n\t{B}\n              标题二\n\t{A}");
    let p = page(&text);
    assert_eq!(titles(&p), vec!["标题一", "标题二"]);
    assert_eq!(p.articles[0].paragraphs.len(), 2);
}

#[test]
fn an_indented_short_line_is_a_subhead_never_a_headline() {
    let p = page(&format!("标题一\n　　{A}\n　　抓好项目\n　　{B}"));
    assert_eq!(titles(&p), vec!["标题一"]);
    assert_eq!(p.articles[0].paragraphs[1].kind, ParagraphKind::Subhead);
}

#[test]
fn an_unindented_block_continues_a_cut_paragraph_but_an_indented_one_does_not() {
    let p = page(
        "标题一\n　　本报讯 今天上午，会议在\n北京召开。\n　　会议指出\n　　会议强调，要抓好落实。",
    );
    let texts: Vec<&str> = p.articles[0]
        .paragraphs
        .iter()
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec![
            "今天上午，会议在北京召开。",
            "会议指出",
            "会议强调，要抓好落实。"
        ]
    );
}

#[test]
fn source_lines_and_page_headers_stay_on_the_page() {
    let p = page(&format!(
        "2024年3月8日 星期五\n\n标题一\n\n{A}\n\n《某某日报》（2024年03月08日 01版）\n\n标题二\n\n{A}"
    ));
    assert_eq!(titles(&p), vec!["标题一", "标题二"]);
    assert_eq!(p.articles[1].kicker, None);
    let lines: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        lines,
        vec!["2024年3月8日 星期五", "《某某日报》（2024年03月08日 01版）"]
    );
}

#[test]
fn a_commentary_signed_by_the_desk() {
    let p = page(&format!("坚定信心 迎难而上\n\n本报评论员\n\n{B}"));
    assert_eq!(titles(&p), vec!["坚定信心 迎难而上"]);
    assert_eq!(p.articles[0].byline.as_deref(), Some("本报评论员"));
}

#[test]
fn text_before_any_headline_is_a_headless_story() {
    let p = page(&format!("{B}\n\n标题一\n\n{A}"));
    // Never untitled: the opening clause names it, and it stays a headless piece.
    let first_clause: String = B.chars().take_while(|&c| c != '，' && c != '。').collect();
    assert_eq!(titles(&p), vec![first_clause.as_str(), "标题一"]);
    assert_eq!(p.articles[0].kind, ArticleKind::Other);
}

#[test]
fn no_article_on_a_page_of_headlines() {
    let p = page("只有标题\n\n又一行标题");
    assert!(p.articles.is_empty());
    assert_eq!(p.lines.len(), 2);
    assert!(page("").articles.is_empty());
}

#[test]
fn hard_wrapped_paragraphs_are_joined_whatever_their_lines_look_like() {
    let text = "标题一\n\n本报讯 今天上午，会议在北京召开，来自全国各地的\n代表出席会议并讨论了下一步\n工作安排。\n\n会议强调，要抓好落实。";
    let p = page(text);
    let texts: Vec<&str> = p.articles[0]
        .paragraphs
        .iter()
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec![
            "今天上午，会议在北京召开，来自全国各地的代表出席会议并讨论了下一步工作安排。",
            "会议强调，要抓好落实。"
        ]
    );
}

#[test]
fn a_short_block_after_a_cut_paragraph_continues_it() {
    // `开幕会议` alone looks like a subhead; after `…召` it is the rest of the sentence.
    let p = page("标题一\n\n本报讯 今天上午，在北京召\n\n开幕会议\n\n，要抓好落实。");
    let texts: Vec<&str> = p.articles[0]
        .paragraphs
        .iter()
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(texts, vec!["今天上午，在北京召开幕会议，要抓好落实。"]);
}

#[test]
fn a_credited_picture_inside_a_long_story_does_not_end_it() {
    let p = page(&format!(
        "标题一\n\n{F}\n\n{B}\n\n{B}\n\n图为会议现场。\n\n甲乙摄\n\n抓好落实\n\n{B}"
    ));
    assert_eq!(titles(&p), vec!["标题一"]);
    assert_eq!(
        para_kinds(&p, 0),
        vec![
            ParagraphKind::Text,
            ParagraphKind::Text,
            ParagraphKind::Text,
            ParagraphKind::Caption,
            ParagraphKind::Subhead,
            ParagraphKind::Text
        ]
    );
}

#[test]
fn short_answers_are_speech_not_subheads() {
    let p = page(
        "标题一\n　　问：好吗？\n　　答：好\n　　宋某某：是的\n　　问：还有吗？\n　　宋某某：没有",
    );
    let talk = &p.articles[0];
    assert_eq!(talk.kind, ArticleKind::Interview);
    assert!(
        talk.paragraphs
            .iter()
            .all(|x| x.kind == ParagraphKind::Text && x.speaker.is_some())
    );
}

#[test]
fn an_interview_head_at_the_end_finds_its_body_past_a_photo() {
    let text = format!(
        "报道标题\n\n{A}\n\n记者：问什么？\n\n甲乙：答这个。\n\n晨光\n\n白鹭在浅滩上觅食。\n\n丙丁摄\n\n访谈的标题\n\n本报记者 戊己\n\n访某某"
    );
    let p = page(&text);
    assert_eq!(titles(&p), vec!["报道标题", "访谈的标题", "晨光"]);
    assert_eq!(p.articles[1].kind, ArticleKind::Interview);
    assert_eq!(p.articles[1].paragraphs.len(), 2);
    assert_eq!(p.articles[2].kind, ArticleKind::Photo);
}
