//! Unit tests for hits: ranges map back to the matched source chars.

use super::*;
use crate::model::{Article, Paragraph, ParagraphKind};

fn article(title: &str, paragraphs: &[&str]) -> Article {
    Article {
        title: title.into(),
        paragraphs: paragraphs.iter().map(|t| Paragraph::text(*t)).collect(),
        ..Default::default()
    }
}

fn hit(field: Field, start: usize, end: usize) -> Hit {
    Hit { field, start, end }
}

/// The source chars a hit covers.
fn covered(a: &Article, h: Hit) -> String {
    let text = a.field(h.field).unwrap();
    text.chars().skip(h.start).take(h.end - h.start).collect()
}

#[test]
fn full_width_comma_finds_half_width_source() {
    let a = article("标题", &["近日,衡水市政府收到了感谢信。"]);
    let h = hits(&a, "近日，衡水");
    assert_eq!(h, vec![hit(Field::Paragraph(0), 0, 5)]);
    assert_eq!(covered(&a, h[0]), "近日,衡水");
}

#[test]
fn width_case_and_space_on_both_sides() {
    let a = article("5G基站 建设", &["按 1+4 模式,ＡＩ 应用。"]);
    assert_eq!(hits(&a, "１＋４"), vec![hit(Field::Paragraph(0), 2, 5)]);
    assert_eq!(hits(&a, "5g基站建设"), vec![hit(Field::Title, 0, 7)]);
    let h = hits(&a, "ai应用");
    assert_eq!(h, vec![hit(Field::Paragraph(0), 9, 14)]);
    assert_eq!(covered(&a, h[0]), "ＡＩ 应用");
    // Leading and trailing white space of the query do not widen the hit.
    assert_eq!(
        hits(&a, "\u{3000}1 + 4 "),
        vec![hit(Field::Paragraph(0), 2, 5)]
    );
}

#[test]
fn line_breaks_inside_a_field_are_ignored() {
    let a = article("衡水:打造\n营商环境", &[]);
    let h = hits(&a, "打造营商");
    assert_eq!(h, vec![hit(Field::Title, 3, 8)]);
    assert_eq!(covered(&a, h[0]), "打造\n营商");
}

#[test]
fn quotes_match_across_forms() {
    let a = article("", &["聚焦“三最”营商环境。"]);
    let h = hits(&a, "\"三最\"");
    assert_eq!(h, vec![hit(Field::Paragraph(0), 2, 6)]);
    assert_eq!(covered(&a, h[0]), "“三最”");
}

#[test]
fn match_across_a_column_break_gives_one_hit_per_paragraph() {
    let a = article("", &["对衡水作出的精准", "定位,该市凝聚共识。", "定位"]);
    let h = hits(&a, "精准定位");
    assert_eq!(
        h,
        vec![
            hit(Field::Paragraph(0), 6, 8),
            hit(Field::Paragraph(1), 0, 2)
        ]
    );
    assert_eq!(covered(&a, h[0]), "精准");
    assert_eq!(covered(&a, h[1]), "定位");
    // A sentence end closes the run: "共识。" + "定位" is not one text.
    assert!(hits(&a, "共识。定位").is_empty());
    assert_eq!(hits(&a, "定位").len(), 2);
}

#[test]
fn fields_do_not_run_into_each_other() {
    let mut a = article("衡水", &["市政府。"]);
    a.kicker = Some("河北".into());
    assert!(hits(&a, "河北衡水").is_empty());
    assert!(hits(&a, "衡水市").is_empty());
    a.paragraphs[0].speaker = Some("记者：".into());
    assert_eq!(hits(&a, "记者:"), vec![hit(Field::Speaker(0), 0, 3)]);
    assert!(hits(&a, "记者:市").is_empty());
}

#[test]
fn every_field_is_searched_in_reading_order() {
    let a = Article {
        column: Some("高端访谈 衡".into()),
        kicker: Some("衡引".into()),
        title: "衡题".into(),
        subtitle: Some("——衡副".into()),
        byline: Some("记者 衡".into()),
        dateline: Some("衡讯".into()),
        paragraphs: vec![
            Paragraph {
                kind: ParagraphKind::Text,
                speaker: Some("衡:".into()),
                text: "衡答。".into(),
            },
            Paragraph {
                kind: ParagraphKind::Caption,
                speaker: None,
                text: "图为衡".into(),
            },
        ],
        credit: Some("衡摄".into()),
        ..Default::default()
    };
    let fields: Vec<Field> = hits(&a, "衡").into_iter().map(|h| h.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::Column,
            Field::Kicker,
            Field::Title,
            Field::Subtitle,
            Field::Byline,
            Field::Dateline,
            Field::Speaker(0),
            Field::Paragraph(0),
            Field::Paragraph(1),
            Field::Credit,
        ]
    );
}

#[test]
fn matches_do_not_overlap_and_blank_queries_find_nothing() {
    let a = article("哈哈哈", &[]);
    assert_eq!(hits(&a, "哈哈"), vec![hit(Field::Title, 0, 2)]);
    assert!(hits(&a, "").is_empty());
    assert!(hits(&a, " \u{3000}\n").is_empty());
}

#[test]
fn bundled_issue_finds_the_health_article_and_the_cut_paragraph() {
    let lib = crate::import::load_bundled();
    let found = |q: &str| {
        lib.articles()
            .map(|(_, a)| a)
            .find(|a| !hits(a, q).is_empty())
    };
    let a = found("近日，衡水").unwrap();
    let h = hits(a, "近日，衡水");
    assert_eq!(covered(a, h[0]), "近日,衡水");
    // The page dump cuts "精准 / 定位" at a column break.
    assert!(found("精准定位").is_some());
}
