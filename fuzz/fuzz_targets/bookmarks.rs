//! Fuzz the bookmarks and reading-state files: any bytes give a state (what could be
//! read) and one line per file that could not be read whole, never a panic; a state
//! that was read writes back and reads again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&[u8], &[u8])| {
    let (bookmarks, reading) = input;
    let (state, why) = dubao::bookmarks::parse_files(bookmarks, reading);
    for w in &why {
        assert!(!w.contains('\n'), "{w}");
    }
    let again = dubao::bookmarks::encode_files(&state);
    let (back, why) = dubao::bookmarks::parse_files(again.0.as_bytes(), again.1.as_bytes());
    assert!(why.is_empty(), "{why:?}");
    assert_eq!(back, state);
});
