//! Widgets rendered into a `Buffer` and checked cell by cell, styles included.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::{put_str, render};
use crate::app::{Action, App, Edit};
use crate::model::{Library, sample};

fn library() -> Library {
    sample::library(&[
        ("衡水营商环境", vec!["近日,衡水市政府收到感谢信。".into()]),
        ("冰雪产业", vec!["省体育局开展专项行动。".into()]),
    ])
}

fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, app.screen().size().0, app.screen().size().1);
    let mut buf = Buffer::empty(area);
    render(app, area, &mut buf);
    buf
}

/// The x of the first cell on row `y` holding `sym`.
fn find(buf: &Buffer, y: u16, sym: &str) -> Option<u16> {
    (0..buf.area.width).find(|&x| buf[(x, y)].symbol() == sym)
}

#[test]
fn a_wide_char_never_starts_in_the_last_column() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
    let x = put_str(
        &mut buf,
        0,
        0,
        5,
        "河北日",
        crate::app::Theme::default().dim,
        false,
    );
    assert_eq!(x, 5);
    assert_eq!(buf[(0, 0)].symbol(), "河");
    assert_eq!(buf[(2, 0)].symbol(), "北");
    assert_eq!(buf[(4, 0)].symbol(), " ", "padded, not half a 日");
}

#[test]
fn selected_row_is_reversed_and_unread_is_bold() {
    let app = App::new(library(), (60, 12), None);
    let buf = draw(&app);
    // The issue's title, the page header, then two rows per article: label, headline.
    let x = find(&buf, 3, "衡").unwrap();
    let cell = &buf[(x, 3)];
    assert_eq!(cell.bg, app.setup().theme().selected.bg.unwrap());
    assert!(cell.modifier.contains(Modifier::BOLD), "unread");
    assert_eq!(
        buf[(1, 3)].symbol(),
        ">",
        "the selection is marked in text too"
    );
    let x = find(&buf, 5, "冰").unwrap();
    assert_ne!(buf[(x, 5)].bg, app.setup().theme().selected.bg.unwrap());
}

#[test]
fn bookmark_marker_shows_in_the_list() {
    let mut app = App::new(library(), (60, 12), None);
    app.update(Action::SetBookmark);
    let buf = draw(&app);
    assert_eq!(buf[(0, 3)].symbol(), "*");
    assert_eq!(buf[(0, 3)].fg, app.setup().theme().mark.fg.unwrap());
    assert_eq!(buf[(0, 5)].symbol(), " ");
}

#[test]
fn search_hits_are_highlighted_on_exactly_the_matched_chars() {
    let mut app = App::new(library(), (60, 12), None);
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert("衡水市".into())));
    let buf = draw(&app);
    let text = app.panes().text;
    let hit_bg = app.setup().theme().hit.bg.unwrap();
    let mut highlighted = String::new();
    for y in text.top()..text.bottom() {
        for x in text.left()..text.right() {
            if buf[(x, y)].bg == hit_bg {
                highlighted.push_str(buf[(x, y)].symbol());
            }
        }
    }
    assert_eq!(highlighted, "衡水市");
    // The status line shows the search line with the query.
    let status_y = app.screen().size().1 - 1;
    assert_eq!(buf[(0, status_y)].symbol(), "/");
    assert_eq!(buf[(1, status_y)].symbol(), "衡");
}

#[test]
fn a_long_query_scrolls_so_its_end_and_the_cursor_stay_in_view() {
    let mut app = App::new(library(), (41, 12), None);
    let query = "卫生健康委统筹推进疫情防控和卫生健康工作高质量发展";
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert(query.into())));
    let buf = draw(&app);
    let y = 11;
    let line: String = (0..41).map(|x| buf[(x, y)].symbol()).collect();
    assert!(line.starts_with('/'), "{line}");
    let packed = line.replace(' ', "");
    assert!(
        packed.contains("质量发展"),
        "the end of the query shows: {line}"
    );
    assert!(line.trim_end().ends_with('篇'), "the count stays: {line}");
    let area = Rect::new(0, 0, 41, 12);
    let (cx, cy) = super::status::cursor(&super::status_parts(&app), area).unwrap();
    assert_eq!(cy, y);
    // Right after the last char shown, before the count.
    assert_eq!(buf[(cx - 2, y)].symbol(), "展");
    assert_eq!(buf[(cx, y)].symbol(), " ");
    // Back at the start, the start shows again.
    app.update(Action::SearchEdit(Edit::Home));
    let buf = draw(&app);
    assert_eq!(buf[(1, y)].symbol(), "卫");
    assert_eq!(
        super::status::cursor(&super::status_parts(&app), area),
        Some((1, y))
    );
}

#[test]
fn a_kicker_hit_is_highlighted_in_the_hit_list_snippet() {
    let mut lib = library();
    lib.issues[0].pages[0].articles[1].kicker = Some("省体育局开展行动".into());
    let mut app = App::new(lib, (100, 12), None);
    app.update(Action::SearchStart);
    app.update(Action::SearchEdit(Edit::Insert("体育局".into())));
    let buf = draw(&app);
    let hit_bg = app.setup().theme().hit.bg.unwrap();
    let list = app.panes().list;
    let mut lit = String::new();
    for y in list.top()..list.bottom() {
        for x in list.left()..list.right() {
            if buf[(x, y)].bg == hit_bg {
                lit.push_str(buf[(x, y)].symbol());
            }
        }
    }
    assert_eq!(lit, "体育局");
}

#[test]
fn selection_and_focus_show_without_colour_and_in_16_colours() {
    use crate::app::{Focus, Keymap, Prefs, Theme};
    use crate::view::theme::Colors;
    for (colors, no_color_env) in [(Colors::Auto, true), (Colors::Sixteen, false)] {
        let mut app = App::new(library(), (60, 12), None);
        let theme = Theme::default().for_colors(colors, no_color_env);
        app.configure(Prefs::default(), Keymap::default(), theme);
        let buf = draw(&app);
        // Below the issue's title row and the page header.
        let x = find(&buf, 3, "衡").unwrap();
        let focused = buf[(x, 3)].clone();
        assert_eq!(buf[(1, 3)].symbol(), ">");
        app.update(Action::FocusReader);
        assert_eq!(app.screen().focus(), Focus::Reader);
        let buf = draw(&app);
        let unfocused = buf[(x, 3)].clone();
        let other = buf[(find(&buf, 5, "冰").unwrap(), 5)].clone();
        // The selected row differs from a plain row, focused or not, and the two
        // selections differ from each other.
        for sel in [&focused, &unfocused] {
            assert!(
                sel.bg != other.bg || sel.modifier != other.modifier,
                "{colors:?}: selection invisible"
            );
        }
        assert!(focused.bg != unfocused.bg || focused.modifier != unfocused.modifier);
        if no_color_env {
            let lit = |c: &ratatui::buffer::Cell| c.fg != ratatui::style::Color::Reset;
            assert!(
                !lit(&focused) && !lit(&unfocused),
                "no colour with NO_COLOR"
            );
            assert!(focused.modifier.contains(Modifier::REVERSED));
            assert!(unfocused.modifier.contains(Modifier::UNDERLINED));
        }
    }
}

#[test]
fn the_help_fits_and_scrolls_on_a_narrow_screen() {
    for (w, h) in [(20u16, 8u16), (30, 10), (39, 12)] {
        let mut app = App::new(library(), (w, h), None);
        app.update(Action::ToggleHelp);
        let first = draw(&app);
        let text = |b: &Buffer| -> String {
            (0..h)
                .map(|y| {
                    (0..w)
                        .map(|x| b[(x, y)].symbol().to_string())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(text(&first).contains("Ctrl-c"), "{}", text(&first));
        for _ in 0..1000 {
            app.update(Action::Select(1));
        }
        let last = text(&draw(&app));
        assert!(
            last.contains("Esc B q"),
            "the last entry is reachable:\n{last}"
        );
    }
}

#[test]
fn the_help_box_edges_blank_the_wide_characters_they_cut() {
    for (w, h) in [(100u16, 30u16), (80, 24)] {
        let mut app = App::new(library(), (w, h), None);
        app.update(Action::ToggleHelp);
        let area = Rect::new(0, 0, w, h);
        let r = crate::app::help::help_box(area);
        let mut buf = Buffer::empty(area);
        // Han text everywhere, at both parities, so some character lies under each edge.
        for y in 0..h {
            let text = "河北日报".repeat(usize::from(w));
            put_str(&mut buf, y % 2, y, w, &text, app.setup().theme().dim, false);
        }
        super::help::render(app.setup(), app.screen().help_scroll(), area, &mut buf);
        for y in r.top()..r.bottom() {
            if r.x > 0 {
                let left = buf[(r.x - 1, y)].symbol();
                assert!(
                    unicode_width::UnicodeWidthStr::width(left) <= 1,
                    "{w}x{h} row {y}: {left:?} left of the box hides its edge"
                );
            }
            let edge = buf[(r.x, y)].symbol();
            assert!(["│", "┌", "└"].contains(&edge), "{w}x{h} row {y}: {edge:?}");
            let edge = buf[(r.right() - 1, y)].symbol();
            assert!(["│", "┐", "┘"].contains(&edge), "{w}x{h} row {y}: {edge:?}");
            if r.right() < w {
                assert!(!buf[(r.right(), y)].symbol().is_empty());
            }
        }
    }
}

#[test]
fn the_list_shows_punctuation_as_the_reading_pane_does() {
    let lib = sample::library(&[(
        "衡水:打造营商环境",
        vec!["近日,衡水市政府收到感谢信。".into()],
    )]);
    let row = |app: &App| -> String {
        let buf = draw(app);
        let mut s = String::new();
        for y in 0..app.screen().size().1 {
            let mut x = 0;
            while x < app.screen().size().0 {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            s.push('\n');
        }
        s
    };
    let app = App::new(lib.clone(), (80, 24), None);
    let screen = row(&app);
    assert!(screen.contains("衡水：打造"), "{screen}");
    assert!(!screen.contains("衡水:打造"), "{screen}");
    let mut app = App::new(lib, (80, 24), None);
    let mut st = *app.setup().settings();
    st.fullwidth_punct = false;
    app.set_settings(st);
    assert!(row(&app).contains("衡水:打造"));
}
