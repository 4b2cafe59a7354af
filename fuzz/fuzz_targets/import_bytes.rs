//! Fuzz the whole file path: bytes → decode → page, or an export → library. Never a
//! panic; errors are one line.
#![no_main]

use dubao::import::{decode, export, parse_page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode::decode(bytes);
    assert_eq!(decode::decode_vec(bytes.to_vec()), decoded);
    match decoded {
        Ok(text) => {
            let _ = parse_page(&text, "f", "", "01");
        }
        Err(what) => assert!(!what.to_string().contains('\n')),
    }
    if let Err(what) = export::parse(bytes) {
        assert!(!what.to_string().contains('\n'));
    }
});
