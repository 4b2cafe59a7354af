//! Each script setting on the bundled page (issue 23): `dubao show --script`, the config's
//! `[display] script`, and the reader's screen (list and reading pane) through
//! `TestBackend`; widths stay within the pane after conversion.

use crate::support::{self, dubao, stderr, stdout};

use dubao::app::{Action, App};
use dubao::import::load_bundled;
use dubao::text::script::Script;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Words of the bundled page as each script prints them: the first article's
/// `营商环境`/`为助力`, `卫生` of the health article, and the third headline's end.
fn expected(script: Script) -> [&'static str; 4] {
    match script {
        Script::AsPrinted | Script::Simplified => ["营商环境", "为助力", "卫生", "装船量超亿吨"],
        Script::Traditional => ["營商環境", "爲助力", "衛生", "裝船量超億噸"],
        Script::Taiwan => ["營商環境", "為助力", "衛生", "裝船量超億噸"],
        Script::HongKong => ["營商環境", "為助力", "衞生", "裝船量超億噸"],
    }
}

/// The ids of the first article and of the first that speaks of 卫生.
fn ids() -> (String, String) {
    let lib = load_bundled();
    let first = lib.articles().next().unwrap().1.id.0.clone();
    let health = lib
        .articles()
        .find(|(_, a)| a.paragraphs.iter().any(|p| p.text.contains("卫生")))
        .unwrap()
        .1
        .id
        .0
        .clone();
    (first, health)
}

fn show(args: &[&str], home: &std::path::Path) -> String {
    let o = dubao(args, home);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn show_prints_each_script_and_keeps_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let (first, health) = ids();
    for script in Script::ALL {
        let [env, wei, health_word, _] = expected(script);
        let a = show(
            &["show", &first, "--width", "50", "--script", script.name()],
            dir.path(),
        );
        assert!(a.contains(env) && a.contains(wei), "{script:?}:\n{a}");
        for line in a.lines() {
            assert!(dubao::text::str_width(line, false) <= 50, "{line:?}");
        }
        let h = show(
            &["show", &health, "--width", "50", "--script", script.name()],
            dir.path(),
        );
        assert!(h.contains(health_word), "{script:?}:\n{h}");
    }
    let o = dubao(&["show", &first, "--script", "klingon"], dir.path());
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("klingon") && e.contains("traditional"), "{e}");
}

#[test]
fn the_config_sets_the_script_and_the_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config/dubao");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "[display]\nscript = \"hongkong\"\n",
    )
    .unwrap();
    let (_, health) = ids();
    assert!(show(&["show", &health], dir.path()).contains("衞生"));
    let flag = show(&["show", &health, "--script", "as-printed"], dir.path());
    assert!(flag.contains("卫生"));
    // A bad value: one line naming the file, the line and the key.
    std::fs::write(cfg.join("config.toml"), "[display]\nscript = \"tw\"\n").unwrap();
    let o = support::dubao(&["show", &health], dir.path());
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("config.toml:2: display.script"), "{e}");
}

fn screen(app: &App) -> String {
    let (w, h) = app.screen().size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| dubao::ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += dubao::text::str_width(sym, false).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_reader_shows_each_script_in_the_list_and_the_pane() {
    let mut app = App::new(load_bundled(), (110, 32), None);
    for script in Script::ALL {
        assert_eq!(app.setup().settings().script, script);
        let s = screen(&app);
        let [env, wei, _, listed] = expected(script);
        // A headline in the list, the first article in the pane.
        assert!(s.contains(listed) && s.contains(env), "{script:?}:\n{s}");
        let pane: String = app
            .pane()
            .layout()
            .lines
            .iter()
            .map(|l| l.plain())
            .collect();
        assert!(pane.contains(wei), "{script:?}:\n{pane}");
        app.update(Action::CycleScript);
    }
    assert_eq!(app.setup().settings().script, Script::AsPrinted);
}

/// Every field of every article of the bundled issue, in every script: the same char
/// count, so anchors, bookmarks and hits map one to one, and the chars fold back to the
/// same.
#[test]
fn converted_articles_keep_every_fields_length_and_fold_back() {
    use dubao::text::fold::fold;
    use dubao::text::script::convert_article;
    let lib = load_bundled();
    for (_, a) in lib.articles() {
        for script in Script::ALL {
            let c = convert_article(a, script);
            for ((f, t), (g, u)) in a.fields().into_iter().zip(c.fields()) {
                assert_eq!(f, g);
                let n = |s: &str| s.chars().count();
                assert_eq!(n(t), n(u), "{} {f:?} {script:?}", a.id);
                let folded = |s: &str| s.chars().map(fold).collect::<String>();
                assert_eq!(folded(t), folded(u), "{} {f:?} {script:?}", a.id);
            }
        }
        let t = convert_article(a, Script::Traditional);
        assert_ne!(t.title, a.title, "{}: no traditional title", a.id);
    }
}
