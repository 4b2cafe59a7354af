//! Fuzz the config file: any text loads or is refused with one line naming the file
//! (`PATH:LINE: key: what`), never a panic; a config that loads gives settings in range.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match dubao::config::parse(text, Path::new("/fuzz/config.toml")) {
        Ok(loaded) => {
            let s = loaded.settings();
            assert!(s.measure >= dubao::typeset::measure::MIN_MEASURE);
            assert!(s.measure <= dubao::typeset::measure::MAX_MEASURE);
        }
        Err(e) => {
            let line = e.to_string();
            assert!(line.starts_with("/fuzz/config.toml"), "{line}");
            assert!(!line.contains('\n'), "{line}");
        }
    }
});
