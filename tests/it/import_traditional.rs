//! Pages in traditional script split as well as simplified ones (issue 23): the whole
//! development corpus, pages and truth alike, converted to traditional here with OpenCC's
//! tables (Taiwan forms and phrases, corner quotes `「」『』`), imports with article F1
//! within 0.01 of the simplified pages, source by source and style by style.

use std::collections::BTreeMap;

use dubao::import::parse_page;
use dubao::import::score::{Score, Truth, score_corpus, score_page};
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use super::import_corpus::corpus_pages;

/// Simplified text as a Taiwan paper prints it: characters and phrases by OpenCC, quotes
/// as corner brackets.
fn traditional(cc: &OpenCC, text: &str) -> String {
    cc.convert(text)
        .chars()
        .map(|c| match c {
            '“' => '「',
            '”' => '」',
            '‘' => '『',
            '’' => '』',
            c => c,
        })
        .collect()
}

fn convert_truth(cc: &OpenCC, truth: &mut Truth) {
    for a in &mut truth.articles {
        for field in [&mut a.kicker, &mut a.title, &mut a.subtitle, &mut a.byline] {
            *field = traditional(cc, field);
        }
        for p in &mut a.paragraphs {
            *p = traditional(cc, p);
        }
    }
}

/// Scores of the corpus converted to traditional, per (source, style).
fn traditional_scores(dir: &std::path::Path) -> BTreeMap<(String, String), Score> {
    let cc = OpenCC::from_config(BuiltinConfig::S2twp).expect("OpenCC's Taiwan tables load");
    let mut scores: BTreeMap<(String, String), Score> = BTreeMap::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    names.sort();
    for path in names {
        let stem = path
            .to_string_lossy()
            .trim_end_matches(".truth.json")
            .to_owned();
        let source = stem.rsplit('/').next().unwrap_or_default();
        let source = source.split('-').next().unwrap_or_default().to_owned();
        let mut truth: Truth =
            serde_json::from_slice(&std::fs::read(&path).expect("truth reads")).expect("json");
        convert_truth(&cc, &mut truth);
        for style in ["blank", "indent"] {
            let Ok(text) = std::fs::read_to_string(format!("{stem}.{style}.txt")) else {
                continue;
            };
            let page = parse_page(&traditional(&cc, &text), &source, "", "01");
            let s = score_page(&truth, &page);
            scores
                .entry((source.clone(), style.to_owned()))
                .or_default()
                .add(&s);
        }
    }
    scores
}

#[test]
fn the_corpus_in_traditional_splits_as_well_as_in_simplified() {
    let Some(dir) = corpus_pages() else {
        return;
    };
    let simplified = score_corpus(&dir, |_, _, _| {}).expect("the corpus reads");
    let traditional = traditional_scores(&dir);
    assert_eq!(simplified.len(), traditional.len());
    for (key, s) in &simplified {
        let t = &traditional[key];
        println!("{key:?} simplified: {}", s.line());
        println!("{key:?} traditional: {}", t.line());
        println!("{key:?} traditional: {}", t.faults.line());
        assert!(
            (s.f1() - t.f1()).abs() <= 0.01,
            "{key:?}: F1 {:.3} traditional, {:.3} simplified",
            t.f1(),
            s.f1()
        );
        assert!(
            t.paragraph_recall() >= s.paragraph_recall() - 0.01,
            "{key:?}"
        );
    }
}

#[test]
fn traditional_datelines_and_bylines_are_found() {
    let text = "港口吞吐量創新高\n\n記者林曉／台北報導\n\n（中央社記者王揚台北3日電）今年前五個月，港口吞吐量「再創新高」。\n\n港口負責人說，新航線帶來了更多貨源。\n\n社區便民服務點開張\n\n本報訊（記者 陳傑）近日，首批社區便民服務點開張。\n";
    let p = parse_page(text, "t", "", "01");
    let titles: Vec<&str> = p.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, vec!["港口吞吐量創新高", "社區便民服務點開張"]);
    assert_eq!(p.articles[0].byline.as_deref(), Some("記者林曉／台北報導"));
    assert_eq!(
        p.articles[0].dateline.as_deref(),
        Some("（中央社記者王揚台北3日電）")
    );
    assert!(p.articles[0].paragraphs[0].text.starts_with("今年前五個月"));
    assert_eq!(
        p.articles[1].dateline.as_deref(),
        Some("本報訊（記者 陳傑）")
    );
}
