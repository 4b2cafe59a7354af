//! Conversion by phrase, the article's own script told, and char counts kept.

use super::*;
use crate::model::{Field, Paragraph};

fn to(s: &str, script: Script) -> String {
    convert_line(s, script).into_owned()
}

#[test]
fn simplified_becomes_traditional_by_phrase() {
    assert_eq!(to("头发", Script::Traditional), "頭髮");
    assert_eq!(to("发展", Script::Traditional), "發展");
    assert_eq!(to("理发店发展", Script::Traditional), "理髮店發展");
    assert_eq!(to("台湾", Script::Traditional), "臺灣");
    // Regional standard forms.
    assert_eq!(to("里面", Script::Taiwan), "裡面");
    assert_eq!(to("里面", Script::HongKong), "裏面");
    assert_eq!(to("为了", Script::Traditional), "爲了");
    assert_eq!(to("为了", Script::Taiwan), "為了");
    assert_eq!(to("为了", Script::HongKong), "為了");
    // Simplified shown as simplified, and everything as printed, is left as it is.
    assert!(matches!(
        convert_line("头发", Script::Simplified),
        Cow::Borrowed(_)
    ));
    assert!(matches!(
        convert_line("頭髮", Script::AsPrinted),
        Cow::Borrowed(_)
    ));
    assert_eq!(to("ABC 123。", Script::Traditional), "ABC 123。");
}

#[test]
fn traditional_becomes_simplified_and_regional() {
    assert_eq!(to("臺灣發展", Script::Simplified), "台湾发展");
    assert_eq!(to("本報訊「頭髮」", Script::Simplified), "本报讯「头发」");
    assert_eq!(to("裏面", Script::Taiwan), "裡面");
    // Traditional shown as traditional stays as printed.
    assert!(matches!(
        convert_line("臺灣發展", Script::Traditional),
        Cow::Borrowed(_)
    ));
}

#[test]
fn the_script_of_text_is_told_from_its_han_chars() {
    assert!(is_traditional(["中央社記者台北3日電"]));
    assert!(!is_traditional(["新华社北京3日电"]));
    assert!(!is_traditional(["ABC 123"]));
    assert!(!is_traditional(std::iter::empty()));
}

#[test]
fn names_parse_back_and_the_cycle_visits_every_script() {
    for s in Script::ALL {
        assert_eq!(Script::parse(s.name()), Some(s));
    }
    assert_eq!(Script::parse("klingon"), None);
    let mut s = Script::AsPrinted;
    let mut seen = Vec::new();
    for _ in 0..Script::ALL.len() {
        seen.push(s);
        s = s.next();
    }
    assert_eq!(s, Script::AsPrinted);
    assert_eq!(seen, Script::ALL);
}

#[test]
fn a_phrase_of_another_length_falls_back_to_chars() {
    // The vocabulary table (not used for display) turns U盘 into 隨身碟.
    let cc = OpenCC::from_config(BuiltinConfig::S2twp).unwrap();
    let text = "把U盘里的软件";
    assert_ne!(cc.convert(text).chars().count(), text.chars().count());
    let out = convert_with(&cc, text);
    assert_eq!(out.chars().count(), text.chars().count());
    assert!(out.contains('裡'), "{out}");
}

/// Every field of every article of the bundled issue, in every script: the same char
/// count, so anchors and hits map one to one, and the chars fold back to the same.
#[test]
fn converted_articles_keep_every_fields_length_and_fold_back() {
    let lib = crate::import::load_bundled();
    for (_, a) in lib.articles() {
        for script in Script::ALL {
            let c = convert_article(a, script);
            for ((f, t), (g, u)) in a.fields().into_iter().zip(c.fields()) {
                assert_eq!(f, g);
                assert_eq!(
                    t.chars().count(),
                    u.chars().count(),
                    "{} {f:?} {script:?}",
                    a.id
                );
                let folded = |s: &str| s.chars().map(fold).collect::<String>();
                assert_eq!(folded(t), folded(u), "{} {f:?} {script:?}", a.id);
            }
        }
        let t = convert_article(a, Script::Traditional);
        assert_ne!(t.title, a.title, "{}: no traditional title", a.id);
        // Back from traditional: the article is told as traditional now.
        let back = convert_article(&t, Script::Simplified);
        assert!(is_traditional([t.title.as_str()]) || t.title == back.title);
        assert_eq!(
            back.field(Field::Title).map(|s| s.chars().count()),
            Some(a.title.chars().count())
        );
    }
}

#[test]
fn an_article_is_converted_as_a_whole() {
    let a = Article {
        title: "头发".into(),
        paragraphs: vec![Paragraph {
            speaker: Some("记者:".into()),
            ..Paragraph::text("里面发展")
        }],
        ..Default::default()
    };
    let t = convert_article(&a, Script::Taiwan);
    assert_eq!(t.title, "頭髮");
    assert_eq!(t.paragraphs[0].text, "裡面發展");
    assert_eq!(t.paragraphs[0].speaker.as_deref(), Some("記者:"));
    assert!(matches!(
        convert_article(&a, Script::Simplified),
        Cow::Borrowed(_)
    ));
}
