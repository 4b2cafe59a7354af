//! Unit tests for the search line's editing state.

use super::*;

#[test]
fn input_method_inserts_whole_strings_and_cursor_counts_cells() {
    let mut s = SearchInput::new();
    s.insert("卫生");
    s.insert("健康委");
    assert_eq!(s.text(), "卫生健康委");
    assert_eq!(s.cursor_cells(false), 10);
    s.left();
    s.left();
    assert_eq!(s.cursor_cells(false), 6);
    s.insert("a");
    assert_eq!(s.text(), "卫生健a康委");
    assert_eq!(s.cursor_cells(false), 7);
}

#[test]
fn ambiguous_width_setting_moves_the_cursor() {
    let s = SearchInput::with_text("“三最”");
    assert_eq!(s.cursor_cells(false), 6);
    assert_eq!(s.cursor_cells(true), 8);
}

#[test]
fn cursor_moves_by_grapheme_cluster() {
    // e + combining acute is one cluster; so is a flag (two regional indicators).
    let mut s = SearchInput::with_text("ae\u{301}🇨🇳衡");
    assert!(s.left());
    assert_eq!(s.cursor(), "ae\u{301}🇨🇳".len());
    assert!(s.left());
    assert_eq!(s.cursor(), "ae\u{301}".len());
    assert!(s.left());
    assert_eq!(s.cursor(), 1);
    assert!(s.left());
    assert!(!s.left());
    assert_eq!(s.cursor(), 0);
    assert!(s.right());
    assert!(s.right());
    assert_eq!(s.cursor(), "ae\u{301}".len());
    s.end();
    assert!(!s.right());
    s.home();
    assert_eq!(s.cursor(), 0);
}

#[test]
fn backspace_and_delete_remove_one_cluster() {
    let mut s = SearchInput::with_text("衡e\u{301}水");
    s.left();
    assert!(s.backspace());
    assert_eq!(s.text(), "衡水");
    assert_eq!(s.cursor(), "衡".len());
    assert!(s.delete());
    assert_eq!(s.text(), "衡");
    assert!(!s.delete());
    assert!(s.backspace());
    assert!(!s.backspace());
    assert!(s.is_empty());
}

#[test]
fn ctrl_w_deletes_runs_of_one_class() {
    let mut s = SearchInput::with_text("近日,衡水");
    assert!(s.delete_word());
    assert_eq!(s.text(), "近日,");
    assert!(s.delete_word());
    assert_eq!(s.text(), "近日");
    assert!(s.delete_word());
    assert_eq!(s.text(), "");
    assert!(!s.delete_word());

    let mut s = SearchInput::with_text("卫生abc12");
    s.delete_word();
    assert_eq!(s.text(), "卫生");

    // White space before the cursor goes with the word before it.
    let mut s = SearchInput::with_text("衡水 市政府\u{3000}  ");
    s.delete_word();
    assert_eq!(s.text(), "衡水 ");
    assert_eq!(s.cursor(), "衡水 ".len());

    // Only what is before the cursor goes.
    let mut s = SearchInput::with_text("河北 日报");
    s.left();
    s.delete_word();
    assert_eq!(s.text(), "河北 报");
    assert_eq!(s.cursor(), "河北 ".len());
}

#[test]
fn ctrl_u_and_ctrl_k_delete_to_start_and_end() {
    let mut s = SearchInput::with_text("河北日报");
    s.left();
    assert!(s.delete_to_start());
    assert_eq!(s.text(), "报");
    assert_eq!(s.cursor(), 0);
    assert!(!s.delete_to_start());
    s.insert("河北");
    s.home();
    s.right();
    assert!(s.delete_to_end());
    assert_eq!(s.text(), "河");
    assert!(!s.delete_to_end());
    s.clear();
    assert!(s.is_empty());
}

#[test]
fn controls_are_dropped_and_breaks_become_spaces() {
    let s = SearchInput::with_text("衡\x1b]0;x\x07水\n市\t");
    assert_eq!(s.text(), "衡]0;x水 市 ");
    assert_eq!(s.cursor(), s.text().len());
}

#[test]
fn inserting_before_a_combining_mark_keeps_the_cursor_on_a_boundary() {
    let mut s = SearchInput::with_text("\u{301}");
    s.home();
    s.insert("e");
    assert_eq!(s.text(), "e\u{301}");
    assert_eq!(s.cursor(), s.text().len());
}
