//! The config: the default text loads back unchanged, bad values are named with their
//! line and key, and what it sets reaches the reader.

use std::path::Path;

use super::*;
use crate::app::keys::Command;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn p() -> &'static Path {
    Path::new("/cfg/config.toml")
}

#[test]
fn the_default_text_loads_back_unchanged() {
    let text = default_text();
    let loaded = parse(&text, p()).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert_eq!(loaded.keymap, Keymap::default());
    assert_eq!(loaded.theme, Theme::default());
    assert_eq!(loaded.prefs, Prefs::default());
    assert_eq!(loaded.settings(), Settings::default());
    // Every role and every binding is written out.
    for (name, ..) in ROLES {
        assert!(text.contains(&format!("\n{name} = ")), "{name}");
    }
    assert!(text.contains("delete-word = [\"Ctrl-w\"]"));
}

#[test]
fn an_empty_file_is_the_defaults() {
    let loaded = parse("", p()).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert_eq!(loaded.keymap, Keymap::default());
}

#[test]
fn bad_values_are_named_with_file_line_and_key() {
    let cases = [
        (
            "[display]\nlist_width = \"wide\"\n",
            2,
            "display.list_width",
        ),
        ("[reading]\ncontinuous = 3\n", 2, "reading.continuous"),
        ("\n[display]\ncolors = \"rainbow\"\n", 3, "display.colors"),
        ("[display]\nscript = \"klingon\"\n", 2, "display.script"),
        ("[theme]\nhit = \"blurple on yellow\"\n", 2, "theme.hit"),
        ("[theme]\nsparkle = \"red\"\n", 2, "theme.sparkle"),
        ("[keys.list]\ndown = [\"Hyper-j\"]\n", 2, "keys.list.down"),
        ("[keys.list]\nfly = [\"j\"]\n", 2, "keys.list.fly"),
        ("[reading]\nmeasure = \"wide\"\n", 2, "reading.measure"),
        ("[reading]\ncolumnz = true\n", 2, "reading.columnz"),
        (
            "[display]\nsqueeze_punct = \"some\"\n",
            2,
            "display.squeeze_punct",
        ),
    ];
    for (text, line, key) in cases {
        let e = parse(text, p()).expect_err(text);
        let s = e.to_string();
        assert!(
            s.starts_with(&format!("/cfg/config.toml:{line}: {key}: ")),
            "{text:?} gave {s:?}"
        );
        assert!(!s.contains('\n'), "one line: {s:?}");
    }
    for (text, line, key, range) in [
        (
            "[reading]\nmeasure = 5\n",
            2,
            "reading.measure",
            "20..=400 cells",
        ),
        (
            "[reading]\n\nmeasure = \"300字\"\n",
            3,
            "reading.measure",
            "10字..=200字",
        ),
        (
            "[reading]\nread_after = 99999\n",
            2,
            "reading.read_after",
            "0..=3600",
        ),
    ] {
        let s = parse(text, p()).expect_err(text).to_string();
        assert!(
            s.starts_with(&format!("/cfg/config.toml:{line}: {key}: ")),
            "{s}"
        );
        assert!(s.contains(range), "{s}");
    }
    assert_eq!(
        parse("[reading]\nmeasure = 0\n", p()).unwrap().measure,
        None
    );
    let e = parse("[display\n", p()).unwrap_err().to_string();
    assert!(e.starts_with("/cfg/config.toml:1:"), "{e}");
}

#[test]
fn what_the_config_sets_reaches_the_reader() {
    let text = r#"
[reading]
continuous = false
columns = true
measure = "36字"
[display]
list_width = 24
language = "en"
colors = "none"
ambiguous_wide = true
script = "taiwan"
[theme]
hit = "white on #204080"
[keys.list]
down = ["J"]
"#;
    let l = parse(text, p()).unwrap();
    assert!(!l.prefs.continuous);
    assert_eq!(l.prefs.list_width, Some(24));
    assert_eq!(l.prefs.lang, Lang::En);
    assert_eq!(l.measure, Some(72));
    assert!(l.settings().columns && l.settings().ambiguous_wide);
    assert_eq!(l.settings().script, crate::text::script::Script::Taiwan);
    assert_eq!(l.theme.hit.bg, Some(Color::Rgb(0x20, 0x40, 0x80)));
    assert_eq!(l.theme_for(false).hit.bg, None, "colors = none");
    let ev = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let list = crate::app::keys::Mode::List;
    assert_eq!(l.keymap.lookup(list, &ev('J')), Some(Command::Down));
    assert_eq!(l.keymap.lookup(list, &ev('j')), None);
}

#[test]
fn squeeze_punct_takes_a_mode_or_the_old_flag() {
    let mode = |v: &str| {
        parse(&format!("[display]\nsqueeze_punct = {v}\n"), p())
            .unwrap()
            .settings()
            .squeeze_punct
    };
    assert_eq!(Settings::default().squeeze_punct, Squeeze::Stops);
    assert_eq!(mode("\"stops\""), Squeeze::Stops);
    assert_eq!(mode("\"all\""), Squeeze::All);
    assert_eq!(mode("\"off\""), Squeeze::Off);
    assert_eq!(mode("true"), Squeeze::All);
    assert_eq!(mode("false"), Squeeze::Off);
}

#[test]
fn a_missing_file_is_the_defaults_and_an_unreadable_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("config.toml");
    let l = load(&missing).unwrap();
    assert_eq!(l.path, None);
    let e = load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("cannot read"), "{e}");
    std::fs::write(&missing, default_text()).unwrap();
    assert_eq!(load(&missing).unwrap().config, Config::default());
}

#[test]
fn a_key_another_command_takes_is_named_with_its_line() {
    let text = "[reading]\ncolumns = false\n\n[keys.main]\nquit = [\"j\"]\n";
    let e = parse(text, p()).unwrap_err().to_string();
    assert!(e.starts_with("/cfg/config.toml:5: keys.main.quit:"), "{e}");
    assert!(
        e.contains("`j` is also bound to `down` in [keys.list]"),
        "{e}"
    );
    // Two keys swapped is no conflict.
    let swap = "[keys.list]\ndown = [\"k\"]\nup = [\"j\"]\n";
    parse(swap, p()).unwrap();
}
