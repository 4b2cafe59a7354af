//! The bundled 河北日报 page becomes exactly its five pieces, whole.

use dubao::import::load_bundled;
use dubao::model::{ArticleKind, PageLineKind, ParagraphKind};

#[test]
fn five_pieces_in_page_order() {
    let lib = load_bundled();
    let page = &lib.issues[0].pages[0];
    let got: Vec<(&str, ArticleKind, Option<&str>, &str)> = page
        .articles
        .iter()
        .map(|a| {
            (
                a.id.0.as_str(),
                a.kind,
                a.kicker.as_deref(),
                a.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "hebei-daily/2022-07-01/01/1",
                ArticleKind::News,
                Some("努力在全省经济社会发展中争先进位"),
                "衡水:打造“三最”营商环境跑出发展加速度"
            ),
            (
                "hebei-daily/2022-07-01/01/2",
                ArticleKind::News,
                Some("省体育局开展“1+4”专项行动"),
                "延伸冰雪产业链 发展后奥运经济"
            ),
            (
                "hebei-daily/2022-07-01/01/3",
                ArticleKind::Photo,
                None,
                "上半年煤炭装船量超亿吨"
            ),
            (
                "hebei-daily/2022-07-01/01/4",
                ArticleKind::News,
                Some("省卫生健康委统筹推进疫情防控和卫生健康工作高质量发展"),
                "10多项任务清单为群众身体健康和生命安全护航"
            ),
            (
                "hebei-daily/2022-07-01/01/5",
                ArticleKind::Interview,
                None,
                "全力以赴 加快推动综合经济实力实现新提升"
            ),
        ]
    );
}

#[test]
fn banner_and_column_label_stay_on_the_page() {
    let lib = load_bundled();
    let lines: Vec<(PageLineKind, &str)> = lib.issues[0].pages[0]
        .lines
        .iter()
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (PageLineKind::Banner, "抓落实 见行动"),
            (PageLineKind::Column, "高端访谈")
        ]
    );
}

#[test]
fn datelines_are_split_off() {
    let lib = load_bundled();
    let arts = &lib.issues[0].pages[0].articles;
    let datelines: Vec<Option<&str>> = arts.iter().map(|a| a.dateline.as_deref()).collect();
    assert_eq!(
        datelines,
        vec![
            Some("河北日报讯(记者陈凤来、马路)"),
            Some("河北日报讯(记者陈华)"),
            None,
            Some("河北日报讯(记者张淑会)"),
            None
        ]
    );
    assert!(
        arts[0].paragraphs[0]
            .text
            .starts_with("近日,衡水市政府收到了")
    );
    assert!(arts[1].paragraphs[0].text.starts_with("6月26日,2022邯郸市"));
}

#[test]
fn column_cut_paragraphs_are_whole() {
    let lib = load_bundled();
    let arts = &lib.issues[0].pages[0].articles;
    let texts: Vec<&str> = arts
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    let whole = |head: &str, tail: &str| {
        texts
            .iter()
            .any(|t| t.contains(head) && t.contains(tail) && t.find(head) < t.find(tail))
    };
    assert!(whole(
        "衡水市出台了稳住经济大盘17个专项行动方案",
        "累计投放25.60亿元。"
    ));
    assert!(whole(
        "“努力在全省经济社会发展中争先进位”的精准定位,该市凝聚共识",
        "加速流入的地方。"
    ));
    assert!(whole(
        "省市重点项目建设推进计划,将项目年度计划细化到月",
        "65%。"
    ));
    assert!(whole(
        "拓展全季全年度运动,推动冰雪场馆的四季运营",
        "嘉年华”。"
    ));
    assert!(whole(
        "因时因势调整优化防控举措,不断提高",
        "科学精准实施管控。"
    ));
    // Every paragraph ends a sentence: nothing is left cut.
    for t in &texts {
        assert!(
            t.ends_with(['。', '?', '”', '？']),
            "paragraph left cut: …{}",
            t.chars().rev().take(12).collect::<String>()
        );
    }
    assert_eq!(arts[0].paragraphs.len(), 7);
    assert_eq!(arts[1].paragraphs.len(), 9);
    assert_eq!(arts[3].paragraphs.len(), 8);
}

#[test]
fn the_photo_has_caption_and_credit() {
    let lib = load_bundled();
    let photo = &lib.issues[0].pages[0].articles[2];
    assert_eq!(photo.credit.as_deref(), Some("河北日报通讯员 苑立伟摄"));
    assert_eq!(photo.paragraphs.len(), 1);
    assert_eq!(photo.paragraphs[0].kind, ParagraphKind::Caption);
    assert!(photo.paragraphs[0].text.ends_with("煤炭装船量1.032亿吨。"));
}

#[test]
fn the_interview_gets_its_head_back_and_every_speaker() {
    let lib = load_bundled();
    let arts = &lib.issues[0].pages[0].articles;
    let health = &arts[3];
    assert!(health.paragraphs.iter().all(|p| p.speaker.is_none()));
    assert!(
        health
            .paragraphs
            .last()
            .unwrap()
            .text
            .starts_with("与此同时,省卫生健康委")
    );
    let talk = &arts[4];
    assert_eq!(talk.subtitle.as_deref(), Some("访那台市市长宋华英"));
    assert_eq!(talk.byline.as_deref(), Some("河北日报记者 单厚军 王永晨"));
    let speakers: Vec<Option<&str>> = talk
        .paragraphs
        .iter()
        .map(|p| p.speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        vec![
            Some("记者:"),
            Some("宋华英:"),
            Some("记者:"),
            Some("宋华英:"),
            Some("记者:"),
            Some("宋华英:")
        ]
    );
    assert!(
        talk.paragraphs[0]
            .text
            .starts_with("贯彻落实省委十届二次全会精神")
    );
}

#[test]
fn ids_are_unique_and_stable() {
    let a = load_bundled();
    let b = load_bundled();
    assert_eq!(a, b);
    let mut ids: Vec<&str> = a.articles().map(|(_, art)| art.id.0.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5);
}
