//! The key map: a pure function from a key (and the mode the reader is in) to an action.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Edit};
use super::{App, Focus, Overlay};

/// Cells the reading measure changes by per key press (two Han characters).
pub const MEASURE_STEP: i32 = 4;

/// The action a key asks for, if any.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if app.search.editing {
        return search_key(key, ctrl);
    }
    match app.overlay {
        Overlay::Help => {
            return match key.code {
                KeyCode::Char('q') => Some(Action::Quit),
                KeyCode::Char('j') | KeyCode::Down => Some(Action::Select(1)),
                KeyCode::Char('k') | KeyCode::Up => Some(Action::Select(-1)),
                KeyCode::Esc | KeyCode::Char('?') | KeyCode::Enter => Some(Action::CloseOverlay),
                _ => None,
            };
        }
        Overlay::Bookmarks => {
            return match key.code {
                KeyCode::Char('q') => Some(Action::Quit),
                KeyCode::Esc | KeyCode::Char('B') => Some(Action::CloseOverlay),
                KeyCode::Char('j') | KeyCode::Down => Some(Action::Select(1)),
                KeyCode::Char('k') | KeyCode::Up => Some(Action::Select(-1)),
                KeyCode::Char('g') | KeyCode::Home => Some(Action::SelectFirst),
                KeyCode::Char('G') | KeyCode::End => Some(Action::SelectLast),
                KeyCode::Enter => Some(Action::BookmarkOpen),
                KeyCode::Char('d') | KeyCode::Delete => Some(Action::BookmarkDelete),
                KeyCode::Char('?') => Some(Action::ToggleHelp),
                _ => None,
            };
        }
        Overlay::None => {}
    }
    let common = match key.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('/') => Some(Action::SearchStart),
        KeyCode::Char('n') => Some(Action::NextMatch),
        KeyCode::Char('N') => Some(Action::PrevMatch),
        KeyCode::Char('b') => Some(Action::ToggleBookmark),
        KeyCode::Char('B') => Some(Action::OpenBookmarks),
        KeyCode::Char('c') => Some(Action::ToggleColumns),
        KeyCode::Char('<') => Some(Action::Measure(-MEASURE_STEP)),
        KeyCode::Char('>') => Some(Action::Measure(MEASURE_STEP)),
        KeyCode::PageDown => Some(Action::Page {
            forward: true,
            half: false,
        }),
        KeyCode::PageUp => Some(Action::Page {
            forward: false,
            half: false,
        }),
        KeyCode::Char('d') if ctrl => Some(Action::Page {
            forward: true,
            half: true,
        }),
        KeyCode::Char('u') if ctrl => Some(Action::Page {
            forward: false,
            half: true,
        }),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match app.focus {
        Focus::List => match key.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Select(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Select(-1)),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::SelectFirst),
            KeyCode::Char('G') | KeyCode::End => Some(Action::SelectLast),
            KeyCode::Tab | KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right => {
                Some(Action::FocusReader)
            }
            KeyCode::Char(' ') => Some(Action::Page {
                forward: true,
                half: false,
            }),
            KeyCode::Esc => Some(Action::SearchCancel),
            _ => None,
        },
        Focus::Reader => match key.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Scroll(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Scroll(-1)),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::ScrollTop),
            KeyCode::Char('G') | KeyCode::End => Some(Action::ScrollBottom),
            KeyCode::Char(' ') => Some(Action::Page {
                forward: true,
                half: false,
            }),
            KeyCode::Esc if app.search.active() => Some(Action::SearchCancel),
            KeyCode::Char('h') | KeyCode::Esc | KeyCode::Left | KeyCode::BackTab => {
                Some(Action::FocusList)
            }
            KeyCode::Tab => Some(Action::FocusList),
            _ => None,
        },
    }
}

fn search_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    let edit = |e| Some(Action::SearchEdit(e));
    match key.code {
        KeyCode::Esc => Some(Action::SearchCancel),
        KeyCode::Enter => Some(Action::SearchSubmit),
        KeyCode::Char('w') if ctrl => edit(Edit::DeleteWord),
        KeyCode::Char('u') if ctrl => edit(Edit::DeleteToStart),
        KeyCode::Char('k') if ctrl => edit(Edit::DeleteToEnd),
        KeyCode::Char('a') if ctrl => edit(Edit::Home),
        KeyCode::Char('e') if ctrl => edit(Edit::End),
        KeyCode::Char('h') if ctrl => edit(Edit::Backspace),
        KeyCode::Char(c) if !ctrl => edit(Edit::Insert(c.to_string())),
        KeyCode::Left => edit(Edit::Left),
        KeyCode::Right => edit(Edit::Right),
        KeyCode::Home => edit(Edit::Home),
        KeyCode::End => edit(Edit::End),
        KeyCode::Backspace => edit(Edit::Backspace),
        KeyCode::Delete => edit(Edit::Delete),
        _ => None,
    }
}
