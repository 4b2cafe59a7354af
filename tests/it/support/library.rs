//! Shared by the library tests: a small archive of page dumps written to a temp folder
//! (from the bundled page and the import fixtures), and running the real binary with
//! its data folder in a temp dir.

use std::path::{Path, PathBuf};

/// The page texts an archive is made of: the bundled page and the import fixtures.
pub fn page_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = vec![dubao::import::BUNDLED_PAGE.to_string()];
    for name in [
        "blank-layout.txt",
        "centred-layout.txt",
        "indent-layout.txt",
    ] {
        let path = root.join("tests/fixtures/import").join(name);
        texts.push(std::fs::read_to_string(path).expect("fixture"));
    }
    texts
}

/// The date `n` days after 2021-01-01 (months of 28 days keep it simple and valid).
pub fn date(n: usize) -> String {
    let (y, rest) = (2021 + n / 336, n % 336);
    format!("{y}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
}

/// Writes `days` issues of `pages` pages under `root/hebei-daily/<date>/<NN>.txt`;
/// returns the page files.
pub fn write_archive(root: &Path, days: usize, pages: usize) -> Vec<PathBuf> {
    let texts = page_texts();
    let mut files = Vec::new();
    for d in 0..days {
        let dir = root.join("hebei-daily").join(date(d));
        std::fs::create_dir_all(&dir).unwrap();
        for p in 0..pages {
            let path = dir.join(format!("{:02}.txt", p + 1));
            std::fs::write(&path, &texts[(d + p) % texts.len()]).unwrap();
            files.push(path);
        }
    }
    files
}

pub use super::{Rng, command_with as command, dubao, stderr, stdout};

/// The library folder the binary uses under `home`.
pub fn library_dir(home: &Path) -> PathBuf {
    super::data_home(home).join("dubao").join("library")
}
