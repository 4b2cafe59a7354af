//! Bad input never panics the feed reader: our fixtures cut short anywhere, bytes
//! changed anywhere, HTML items of random tags; and whatever is read is clean text.

use std::path::PathBuf;

use dubao::feed::parse_bytes;
use proptest::prelude::*;

const FIXTURES: [&str; 4] = ["rss1.rdf", "atom.xml", "enp.xml", "nopage.json"];

fn fixture(i: usize) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(FIXTURES[i % FIXTURES.len()]);
    std::fs::read(path).unwrap_or_default()
}

/// No control characters (but the line break) and no bidi controls in what was read.
fn clean(issues: &[dubao::model::Issue]) -> bool {
    issues.iter().all(|i| {
        i.pages.iter().all(|p| {
            p.articles.iter().all(|a| {
                a.fields().iter().all(|(_, t)| {
                    !t.chars().any(|c| {
                        (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)
                    })
                })
            })
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mutated_feeds_never_panic(
        which in 0usize..4,
        cut in 0.0f64..1.0,
        changes in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
    ) {
        let mut bytes = fixture(which);
        for (at, b) in changes {
            let i = ((bytes.len() as f64) * at) as usize;
            if i < bytes.len() {
                bytes[i] = b;
            }
        }
        let keep = ((bytes.len() as f64) * cut) as usize;
        for body in [&bytes[..], &bytes[..keep]] {
            if let Ok(issues) = parse_bytes(body, "x") {
                prop_assert!(clean(&issues));
            }
        }
    }

    #[test]
    fn random_item_html_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_string()), Just("</p>".to_string()), Just("<br>".to_string()),
                Just("<h1>".to_string()), Just("</h2>".to_string()), Just("<table><tr><td>".to_string()),
                Just("<!--enpproperty <title>".to_string()), Just("</title>-->".to_string()),
                Just("<img data-original-title=\"&lt;p&gt;".to_string()), Just("\">".to_string()),
                Just("<script>".to_string()), Just("&amp;&#x1b;&#8238;".to_string()),
                "[\\u{4e00}-\\u{4e20}　 。，]{0,12}",
            ],
            0..40,
        ),
    ) {
        let html = parts.concat();
        let escaped = html.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let feed = format!(
            "<rss version=\"2.0\"><channel><title>报</title><item><title>[01版：要闻] 题</title>\
             <description>{escaped}</description></item></channel></rss>"
        );
        let issues = parse_bytes(feed.as_bytes(), "x");
        prop_assert!(issues.is_ok());
        prop_assert!(clean(&issues.unwrap_or_default()));
    }
}
