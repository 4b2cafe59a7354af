//! The search line's editing state: text and a cursor that moves by grapheme cluster,
//! with the line-editor keys (Backspace, Delete, Ctrl-W, Ctrl-U, Ctrl-K, Home, End). Pure logic:
//! the app maps keys to these calls and draws `text()` with the cursor at
//! `cursor_cells()`.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::char_width;

/// The text of the search line and the cursor, a byte offset that always sits on a
/// grapheme-cluster boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchInput {
    text: String,
    cursor: usize,
}

/// What Ctrl-W treats as one word: a run of graphemes of the same class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    /// Han characters (and kana): Chinese has no spaces, so a run of Han is a word.
    Han,
    /// Letters and digits of other scripts (Latin words, numbers, full-width ones too).
    Word,
    /// Punctuation and symbols.
    Punct,
}

fn class(grapheme: &str) -> Class {
    let c = grapheme.chars().next().unwrap_or(' ');
    if c.is_whitespace() {
        Class::Space
    } else if is_han(c) {
        Class::Han
    } else if c.is_alphanumeric() || c == '_' {
        Class::Word
    } else {
        Class::Punct
    }
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}'           // 々 〇
        | '\u{3040}'..='\u{30FA}'         // kana
        | '\u{3400}'..='\u{4DBF}'         // Ext A
        | '\u{4E00}'..='\u{9FFF}'         // unified ideographs
        | '\u{F900}'..='\u{FAFF}'         // compatibility ideographs
        | '\u{20000}'..='\u{3134F}') // Ext B–G
}

impl SearchInput {
    pub fn new() -> Self {
        Self::default()
    }

    /// A line holding `text`, the cursor at its end.
    pub fn with_text(text: &str) -> Self {
        let mut input = Self::new();
        input.insert(text);
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into [`SearchInput::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Display cells before the cursor: where the terminal cursor goes, relative to the
    /// start of the text.
    pub fn cursor_cells(&self, ambiguous_wide: bool) -> usize {
        self.text[..self.cursor]
            .chars()
            .map(|c| char_width(c, ambiguous_wide))
            .sum()
    }

    /// Inserts what an input method or a paste delivers, at the cursor, and moves the
    /// cursor past it. Line breaks and tabs become spaces; other control characters are
    /// dropped (the search line is one line, and controls must not reach the terminal).
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        self.snap();
    }

    /// Empties the line.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// One grapheme cluster to the left; false at the start.
    pub fn left(&mut self) -> bool {
        match self.before().next_back() {
            Some(g) => {
                self.cursor -= g.len();
                true
            }
            None => false,
        }
    }

    /// One grapheme cluster to the right; false at the end.
    pub fn right(&mut self) -> bool {
        match self.after().next() {
            Some(g) => {
                self.cursor += g.len();
                true
            }
            None => false,
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Deletes the grapheme cluster before the cursor; false when there is none.
    pub fn backspace(&mut self) -> bool {
        let from = self.cursor;
        if !self.left() {
            return false;
        }
        self.text.drain(self.cursor..from);
        self.snap();
        true
    }

    /// Deletes the grapheme cluster after the cursor; false when there is none.
    pub fn delete(&mut self) -> bool {
        match self.after().next() {
            Some(g) => {
                let n = g.len();
                self.text.drain(self.cursor..self.cursor + n);
                self.snap();
                true
            }
            None => false,
        }
    }

    /// Ctrl-W: deletes the word before the cursor. White space before the cursor goes
    /// first, then one run of grapheme clusters of the same class: a run of Han (Chinese
    /// has no spaces between words, so this is back to the previous space, punctuation,
    /// Latin word or number), a run of letters and digits, or a run of punctuation.
    /// `近日,衡水` loses `衡水`, then `,`, then `近日`; `卫生abc` loses `abc`, then `卫生`.
    /// False when there is nothing before the cursor.
    pub fn delete_word(&mut self) -> bool {
        let head = &self.text[..self.cursor];
        let mut start = self.cursor;
        let mut run: Option<Class> = None;
        for (i, g) in head.grapheme_indices(true).rev() {
            let c = class(g);
            match run {
                None if c == Class::Space => {}
                None => run = Some(c),
                Some(r) if r == c => {}
                Some(_) => break,
            }
            start = i;
        }
        if start == self.cursor {
            return false;
        }
        self.text.drain(start..self.cursor);
        self.cursor = start;
        // What is left may join across the gap (two regional indicators make one flag).
        self.snap();
        true
    }

    /// Ctrl-U: deletes everything before the cursor; false when there was nothing.
    pub fn delete_to_start(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.text.drain(..self.cursor);
        self.cursor = 0;
        self.snap();
        true
    }

    /// Ctrl-K: deletes everything after the cursor; false when there was nothing.
    pub fn delete_to_end(&mut self) -> bool {
        if self.cursor == self.text.len() {
            return false;
        }
        self.text.truncate(self.cursor);
        true
    }

    fn before(&self) -> unicode_segmentation::Graphemes<'_> {
        self.text[..self.cursor].graphemes(true)
    }

    fn after(&self) -> unicode_segmentation::Graphemes<'_> {
        self.text[self.cursor..].graphemes(true)
    }

    /// Moves the cursor forward to a grapheme boundary (an inserted base character may
    /// have joined a combining mark that follows it).
    fn snap(&mut self) {
        let mut at = 0;
        for g in self.text.graphemes(true) {
            if at >= self.cursor {
                break;
            }
            at += g.len();
        }
        self.cursor = at;
    }
}

#[cfg(test)]
mod tests;
