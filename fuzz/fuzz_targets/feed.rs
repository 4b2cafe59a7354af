//! Fuzz the feed parser (RSS, Atom, JSON Feed, told by content): any bytes give issues
//! or one line saying why not, never a panic; every article keeps an id and a title.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = dubao::feed::looks_like_feed(bytes);
    match dubao::feed::parse_bytes(bytes, "fuzz") {
        Ok(issues) => {
            for issue in &issues {
                for page in &issue.pages {
                    for a in &page.articles {
                        assert!(!a.id.0.is_empty());
                    }
                }
            }
        }
        Err(e) => assert!(!dubao::feed::one_line(&e).contains('\n')),
    }
});
