//! Fuzz the e-paper HTML reading (`dubao::feed::html`): any text, as a document or a
//! fragment, gives blocks and one line of text, never a panic; the tidied text has no
//! line breaks and tidying it again changes nothing.
#![no_main]

use dubao::feed::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let line = html::fragment_line(text);
    assert!(!line.contains('\n'), "{line:?}");
    let doc = scraper::Html::parse_document(text);
    let blocks = html::blocks(doc.root_element(), &|_| false);
    for b in &blocks {
        let t = html::tidy(&b.text);
        assert_eq!(html::tidy(&t), t);
    }
});
