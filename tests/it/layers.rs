//! The layers point one way: every `crate::` path in a module names a module below it
//! (model → text → import → feed → photos → search → library → typeset → bookmarks → view → app → config → ui
//! → tui → cli). A new module goes into `LAYERS` where it belongs.

use std::path::Path;

const LAYERS: &[&str] = &[
    "model",
    "text",
    "import",
    "feed",
    "epaper",
    "photos",
    "search",
    "library",
    "typeset",
    "bookmarks",
    "view",
    "app",
    "config",
    "ui",
    "tui",
    "cli",
];

fn sources(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).unwrap() {
            sources(&e.unwrap().path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn every_use_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (level, module) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        sources(&src.join(module), &mut files);
        sources(&src.join(format!("{module}.rs")), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (i, _) in text.match_indices("crate::") {
                let name: String = text[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let Some(to) = LAYERS.iter().position(|m| *m == name) else {
                    continue;
                };
                if to > level {
                    wrong.push(format!("{} uses crate::{name}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "uses pointing up:\n{}", wrong.join("\n"));
}
