//! Bylines and credits break only at spaces (a name is never split unless it is wider
//! than the line); a dateline without a closing bracket is set apart from the body by a
//! full-width space.

use crate::typeset_fixtures as fixtures;

use dubao::model::{Article, Field, Paragraph};
use dubao::typeset::{Role, Settings, audit::audit, layout};

fn role_lines(a: &Article, w: u16, role: Role) -> Vec<String> {
    let st = Settings::default();
    let l = layout(a, w, u16::MAX, &st);
    let rep = audit(a, &l, &st);
    assert!(rep.faults.is_empty(), "at {w}: {:#?}", rep.faults);
    fixtures::role_text(&l, role)
}

#[test]
fn bylines_and_credits_break_at_spaces_only() {
    for sep in [" ", "\u{3000}", "\u{A0}"] {
        let byline = ["河北日报记者", "单厚军", "王永晨"].join(sep);
        let credit = ["河北日报通讯员", "苑立伟摄"].join(sep);
        let a = Article {
            title: "标题".into(),
            byline: Some(byline.clone()),
            credit: Some(credit.clone()),
            paragraphs: vec![Paragraph::text("正文。")],
            ..Default::default()
        };
        // The text block keeps two cells for hung marks: 16 cells hold 14 of text.
        for w in 16..=60u16 {
            for (role, text) in [(Role::Byline, &byline), (Role::Credit, &credit)] {
                let lines = role_lines(&a, w, role);
                let words: Vec<&str> = text.split(sep).collect();
                let mut got: Vec<String> = Vec::new();
                for l in &lines {
                    got.extend(l.split(sep).filter(|s| !s.is_empty()).map(String::from));
                }
                assert_eq!(got, words, "{role:?} at {w}: {lines:?}");
            }
        }
        // The QA case: at 24 cells the names stay whole.
        let lines = role_lines(&a, 24, Role::Byline);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[1].trim_start_matches(sep).starts_with("王永晨"),
            "{lines:?}"
        );
    }
}

#[test]
fn a_name_wider_than_the_line_is_still_cut() {
    let a = Article {
        title: "标题".into(),
        byline: Some("记者 欧阳长孙无忌德 某".into()),
        paragraphs: vec![Paragraph::text("正文。")],
        ..Default::default()
    };
    let lines = role_lines(&a, 12, Role::Byline);
    assert_eq!(lines, ["记者", "欧阳长孙无", "忌德 某"]);
}

#[test]
fn dateline_and_body_are_set_apart_by_a_full_width_space() {
    let mut a = Article {
        title: "标题".into(),
        dateline: Some("本报北京11月27日电　记者　陈晨".into()),
        paragraphs: vec![Paragraph::text("今年秋季开学，各地学校有序开学。")],
        ..Default::default()
    };
    let st = Settings::default();
    let l = layout(&a, 80, u16::MAX, &st);
    assert!(audit(&a, &l, &st).faults.is_empty());
    let line = l
        .lines
        .iter()
        .find(|line| line.spans.iter().any(|s| s.role == Role::Dateline))
        .unwrap();
    assert_eq!(
        line.plain(),
        "\u{3000}\u{3000}本报北京11月27日电　记者　陈晨\u{3000}今年秋季开学，各地学校有序开学。"
    );
    let gap = &line.spans[2];
    assert_eq!(
        (gap.text.as_str(), gap.role, gap.source),
        ("\u{3000}", Role::Space, None)
    );
    assert_eq!(line.spans[3].source.unwrap().field, Field::Paragraph(0));
    // A dateline closing with a bracket runs straight on.
    a.dateline = Some("河北日报讯（记者陈凤来、马路）".into());
    let l = layout(&a, 80, u16::MAX, &st);
    let text: Vec<String> = l.lines.iter().map(|l| l.plain()).collect();
    assert!(
        text.contains(
            &"\u{3000}\u{3000}河北日报讯（记者陈凤来、马路）今年秋季开学，各地学校有序开学。"
                .to_string()
        ),
        "{text:#?}"
    );
    // A space already there is not doubled.
    a.dateline = Some("本报讯".into());
    a.paragraphs[0].text = "　记者陈晨报道。".into();
    let l = layout(&a, 80, u16::MAX, &st);
    let text: Vec<String> = l.lines.iter().map(|l| l.plain()).collect();
    assert!(
        text.contains(&"\u{3000}\u{3000}本报讯\u{3000}记者陈晨报道。".to_string()),
        "{text:#?}"
    );
    a.paragraphs[0].text = "今年秋季开学。".into();
    // Every width keeps the rules.
    a.dateline = Some("新华社石家庄6月30日电".into());
    for w in 2..=60u16 {
        let l = layout(&a, w, u16::MAX, &st);
        if w >= 10 {
            assert!(audit(&a, &l, &st).faults.is_empty(), "at {w}");
        }
        assert!(l.lines.iter().all(|x| x.width(false) <= w as usize));
    }
}
