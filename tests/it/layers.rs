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

/// The module path of a source file: `src/import/page/rules.rs` → `import::page::rules`,
/// `src/import/page/mod.rs` → `import::page`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The module paths named by `rest`, the text after `base::`: `a::b::C` gives
/// `base::a::b::C`, and a group `{a, b::c}` gives each of its items.
fn paths_after(base: &[String], rest: &str, out: &mut Vec<Vec<String>>) {
    let mut path = base.to_vec();
    let mut rest = rest;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                paths_after(&path, item.trim(), out);
            }
            return;
        }
        let name = ident(rest);
        if name.is_empty() {
            break;
        }
        path.push(name.to_string());
        match rest[name.len()..].strip_prefix("::") {
            Some(more) => rest = more,
            None => break,
        }
    }
    out.push(path);
}

/// The files a file names: every `crate::a::b` and `super::a` path, resolved to the
/// deepest module that has a file of its own.
fn imports(src: &Path, file: &Path, modules: &[Vec<String>]) -> Vec<Vec<String>> {
    let me = module_of(src, file);
    // Code only: a doc comment may point the reader anywhere.
    let text: String = std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut named = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        paths_after(&[], &text[i + 7..], &mut named);
    }
    for (i, _) in text.match_indices("super::") {
        if text[..i].ends_with("super::") || text[..i].ends_with("crate::") {
            continue;
        }
        let mut base = me.clone();
        base.pop();
        let mut rest = &text[i + 7..];
        while let Some(more) = rest.strip_prefix("super::") {
            base.pop();
            rest = more;
        }
        paths_after(&base, rest, &mut named);
    }
    let mut out = Vec::new();
    for mut path in named {
        while !path.is_empty() && !modules.contains(&path) {
            path.pop();
        }
        if !path.is_empty() && path != me && !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

#[test]
fn no_two_files_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    // Unit-test files sit beside what they test and may name it freely.
    files.retain(|f| {
        let name = f.file_name().unwrap().to_string_lossy();
        !name.ends_with("tests.rs") && !f.components().any(|c| c.as_os_str() == "tests")
    });
    let modules: Vec<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let edges: Vec<(Vec<String>, Vec<Vec<String>>)> = files
        .iter()
        .map(|f| (module_of(&src, f), imports(&src, f, &modules)))
        .collect();
    let mut both = Vec::new();
    for (a, to) in &edges {
        for b in to {
            // A parent naming its child and the child naming the parent's items is the
            // room and its door, not two rooms leaning on each other.
            if b.starts_with(a) || a.starts_with(b) || a > b {
                continue;
            }
            let back = edges.iter().any(|(x, xs)| x == b && xs.contains(a));
            if back {
                both.push(format!("{} <-> {}", a.join("::"), b.join("::")));
            }
        }
    }
    both.sort();
    both.dedup();
    assert!(
        both.is_empty(),
        "files importing each other:\n{}",
        both.join("\n")
    );
}

/// The rooms of issue 20: the page reader private behind `parse_page`, the keys in their
/// own room, layout below both app and UI, and the quality tools out of the binary.
#[test]
fn the_rooms_are_where_a_newcomer_looks() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |p: &str| std::fs::read_to_string(src.join(p)).unwrap();
    let import = read("import/mod.rs");
    assert!(
        import.lines().any(|l| l.trim() == "mod page;"),
        "import::page is private"
    );
    assert!(!import.contains("pub mod page"), "import::page is private");
    for room in [
        "app/keys",
        "import/page",
        "view",
        "epaper",
        "photos",
        "search",
    ] {
        assert!(src.join(room).join("mod.rs").is_file(), "{room}/mod.rs");
    }
    for file in ["geometry.rs", "rows.rs", "theme.rs"] {
        assert!(src.join("view").join(file).is_file(), "view/{file}");
    }
    // The scorer and the audit are built only with the dev feature.
    for (module, name) in [
        ("import/mod.rs", "score"),
        ("import/mod.rs", "faults"),
        ("typeset/mod.rs", "audit"),
    ] {
        let text = read(module);
        let at = text
            .find(&format!("pub mod {name};"))
            .unwrap_or_else(|| panic!("{module}: {name}"));
        let before = text[..at].lines().last().unwrap_or("");
        let above = text[..at].trim_end().lines().last().unwrap_or("");
        assert!(
            before.contains("feature = \"dev\"") || above.contains("feature = \"dev\""),
            "{module}: {name} only with the dev feature"
        );
    }
    // The UI draws from the view layer, never from the app's layout.
    let mut ui = Vec::new();
    sources(&src.join("ui"), &mut ui);
    for f in ui {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            !text.contains("app::geometry"),
            "{} reaches into app for layout",
            f.display()
        );
    }
}

/// Unit tests have one placement: a module's `mod tests` inline when short, else its
/// own `tests.rs` where Rust looks for it (`item.rs` → `item/tests.rs`); no `#[path]`,
/// no `x_tests.rs` beside the module.
#[test]
fn unit_tests_sit_where_rust_looks_for_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut odd = Vec::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with("_tests.rs") {
            odd.push(format!("{}: a test file beside its module", f.display()));
        }
        let text = std::fs::read_to_string(&f).unwrap();
        if text.contains("#[path") {
            odd.push(format!("{}: #[path]", f.display()));
        }
    }
    assert!(odd.is_empty(), "{}", odd.join("\n"));
}
