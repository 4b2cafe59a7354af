//! Nothing of a page is lost or doubled: every non-space character of the (cleaned) input
//! appears in exactly one field of the result, on generated pages in both layouts, on
//! arbitrary text, and on the fixtures.

use std::collections::BTreeMap;

use dubao::import::clean::clean;
use dubao::import::parse_page;
use dubao::import::{BUNDLED_PAGE, load_bundled};
use dubao::model::{ArticleKind, Field, Library, Page};
use proptest::prelude::*;

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

fn count(into: &mut BTreeMap<char, isize>, text: &str, sign: isize) {
    for c in text.chars().filter(|&c| !is_blank(c)) {
        *into.entry(c).or_default() += sign;
    }
}

/// What the input holds and the page does not (positive), or the reverse (negative).
fn difference(input: &str, page: &Page) -> BTreeMap<char, isize> {
    let mut diff = BTreeMap::new();
    count(&mut diff, &clean(input), 1);
    for line in &page.lines {
        count(&mut diff, &line.text, -1);
    }
    for a in &page.articles {
        // A headless piece's title is a copy of its opening clause (never untitled).
        let copied = a.kind == ArticleKind::Other
            && a.paragraphs.first().is_some_and(|p| {
                let whole = format!("{}{}", p.speaker.as_deref().unwrap_or_default(), p.text);
                whole.starts_with(&a.title)
            });
        for (field, text) in a.fields() {
            if !(copied && field == Field::Title) {
                count(&mut diff, text, -1);
            }
        }
    }
    diff.retain(|_, n| *n != 0);
    diff
}

fn assert_whole(input: &str) {
    let page = parse_page(input, "p", "2024-01-01", "01");
    assert_eq!(
        difference(input, &page),
        BTreeMap::new(),
        "input: {input:?}"
    );
}

#[test]
fn the_bundled_page_and_fixtures_are_whole() {
    assert_whole(BUNDLED_PAGE);
    assert_whole(include_str!("../fixtures/import/indent-layout.txt"));
    assert_whole(include_str!("../fixtures/import/blank-layout.txt"));
    assert_whole(include_str!("../fixtures/import/hostile.txt"));
    assert_whole(include_str!("../fixtures/import/centred-layout.txt"));
    let lib: Library = load_bundled();
    assert_eq!(
        difference(BUNDLED_PAGE, &lib.issues[0].pages[0]),
        BTreeMap::new()
    );
}

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

fn han(min: usize, max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = HAN.chars().collect();
    proptest::collection::vec(proptest::sample::select(chars), min..=max)
        .prop_map(|v| v.into_iter().collect())
}

/// A body sentence: Han with numbers, Latin, quotes and clause marks.
fn sentence() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(
            (
                han(2, 12),
                prop_oneof![
                    Just("，"),
                    Just(","),
                    Just("、"),
                    Just("“"),
                    Just("”"),
                    Just("25.60"),
                    Just("1+4"),
                    Just("GDP")
                ],
            ),
            1..5,
        ),
        prop_oneof![Just("。"), Just("？"), Just("！"), Just("。”"), Just("")],
    )
        .prop_map(|(parts, end)| {
            let mut s: String = parts.into_iter().map(|(h, p)| h + p).collect();
            s.push_str(end);
            s
        })
}

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(sentence(), 1..4).prop_map(|v| v.concat())
}

/// One block of a page, as text, before the layout is applied.
fn block() -> impl Strategy<Value = (String, bool)> {
    // (text, is a paragraph)
    prop_oneof![
        4 => paragraph().prop_map(|p| (p, true)),
        2 => han(4, 20).prop_map(|h| (h, false)),
        1 => (han(3, 8), han(3, 8)).prop_map(|(a, b)| (format!("{a} {b}"), false)),
        1 => han(4, 16).prop_map(|h| (format!("——{h}"), false)),
        1 => (han(2, 3), han(2, 3)).prop_map(|(a, b)| (format!("本报记者\u{a0}{a} {b}"), false)),
        1 => (han(2, 3), paragraph()).prop_map(|(a, p)| (format!("本报讯（记者 {a}）{p}"), true)),
        1 => (han(2, 3), paragraph()).prop_map(|(a, p)| (format!("本报北京6月30日电  记者 {a}  {p}"), true)),
        1 => paragraph().prop_map(|p| (format!("记者：{p}"), true)),
        1 => (han(2, 3), paragraph()).prop_map(|(n, p)| (format!("{n}：{p}"), true)),
        1 => han(2, 3).prop_map(|n| (format!("通讯员 {n}摄"), false)),
        1 => han(2, 3).prop_map(|n| (format!("本版责编：{n}"), false)),
        1 => (paragraph(), 1usize..30).prop_map(|(p, at)| {
            // A paragraph cut where a column broke: two blocks.
            let cut = p.char_indices().nth(at % p.chars().count().max(1)).map_or(p.len(), |(i, _)| i);
            (format!("{}\n{}", &p[..cut], &p[cut..]), true)
        }),
        1 => "[\\PC\\t\u{1b}\u{7}\u{202e}\u{3000}]{0,20}".prop_map(|s| (s, false)),
    ]
}

fn page() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(block(), 0..14),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(blocks, indent_layout, crlf)| {
            let mut out = String::new();
            for (text, is_para) in blocks {
                for (i, line) in text.split('\n').enumerate() {
                    if indent_layout {
                        if is_para && i == 0 {
                            out.push_str("\u{3000}\u{3000}");
                        }
                        out.push_str(line);
                        out.push('\n');
                    } else {
                        out.push_str(line);
                        out.push_str("\n\n");
                    }
                }
            }
            if crlf { out.replace('\n', "\r\n") } else { out }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn generated_pages_lose_nothing(text in page()) {
        let page = parse_page(&text, "p", "2024-01-01", "01");
        prop_assert_eq!(difference(&text, &page), BTreeMap::new());
        // Ids are unique and numbered in page order.
        for (i, a) in page.articles.iter().enumerate() {
            prop_assert_eq!(&a.id.0, &format!("p/2024-01-01/01/{}", i + 1));
        }
    }

    #[test]
    fn arbitrary_text_loses_nothing(text in "\\PC{0,200}|[\\x00-\\x7f\u{3000}。，：记者讯电摄“”\n]{0,200}") {
        let page = parse_page(&text, "p", "", "01");
        prop_assert_eq!(difference(&text, &page), BTreeMap::new());
    }

    #[test]
    fn parsing_is_stable(text in page()) {
        prop_assert_eq!(parse_page(&text, "p", "d", "1"), parse_page(&text, "p", "d", "1"));
    }

    #[test]
    fn clean_is_idempotent(text in "\\PC{0,80}|[\\x00-\\x20\\x7f-\\x9f\u{1b}\\[\\]\\\\0-9;]{0,80}") {
        let once = clean(&text);
        prop_assert_eq!(clean(&once), once.clone());
        prop_assert!(!once.chars().any(|c| c.is_control() && c != '\n'));
    }
}
