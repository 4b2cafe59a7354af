//! The key map: a pure function from a key (and the mode the reader is in) to an action,
//! read off the one key table (`keys.rs`) with whatever the config rebinds.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::names::Key;
use super::table::{Binding, Command, Mode, default_bindings};
use crate::app::action::{Action, Edit};
use crate::app::{App, Focus, Overlay};

/// The bindings in force: the table's, with the config's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: default_bindings(),
        }
    }
}

/// A `[keys]` entry of the config that names no mode, no command or no key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("no mode `{0}` (modes: all, main, list, reader, search, help, bookmarks)")]
    Mode(String),
    #[error("no command `{command}` in mode `{mode}` (see `dubao config --default`)")]
    Command { mode: String, command: String },
    #[error("`{0}` is not a key name (e.g. `j`, `Space`, `Ctrl-d`, `PgDn`, `Down`)")]
    Key(String),
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Bind `command` in `mode` to `keys` instead of its defaults (an empty list unbinds).
    pub fn rebind(&mut self, mode: &str, command: &str, keys: &[String]) -> Result<(), KeyError> {
        let m = Mode::from_name(mode).ok_or_else(|| KeyError::Mode(mode.into()))?;
        let keys = keys
            .iter()
            .map(|k| Key::parse(k).ok_or_else(|| KeyError::Key(k.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        let row = self
            .bindings
            .iter_mut()
            .find(|b| b.mode == m && b.name == command)
            .ok_or_else(|| KeyError::Command {
                mode: mode.into(),
                command: command.into(),
            })?;
        row.keys = keys;
        Ok(())
    }

    /// A key of `command` in `mode` that another command takes where it would be read:
    /// the same mode, or `main` against `list` and `reader` (their rows win there). The
    /// message names the key, the other command and its mode. Only keys `defaults` does
    /// not give the command are checked: the table's own overlaps are meant.
    pub fn conflict(&self, defaults: &Keymap, mode: &str, command: &str) -> Option<String> {
        let m = Mode::from_name(mode)?;
        let me = self
            .bindings
            .iter()
            .find(|b| b.mode == m && b.name == command)?;
        let meets = |other: Mode| {
            other == m
                || (m == Mode::Main && matches!(other, Mode::List | Mode::Reader))
                || (other == Mode::Main && matches!(m, Mode::List | Mode::Reader))
        };
        let old = defaults
            .bindings
            .iter()
            .find(|b| b.mode == m && b.name == command)
            .map_or(&[][..], |b| &b.keys[..]);
        me.keys.iter().filter(|k| !old.contains(k)).find_map(|k| {
            self.bindings
                .iter()
                .filter(|b| meets(b.mode) && !(b.mode == m && b.name == command))
                .find(|b| b.keys.contains(k))
                .map(|b| {
                    format!(
                        "`{}` is also bound to `{}` in [keys.{}]",
                        k.name(),
                        b.name,
                        b.mode.name()
                    )
                })
        })
    }

    /// The command `ev` asks for in `mode`: its own rows first, then (list and reader)
    /// `main`, then `all`.
    pub fn lookup(&self, mode: Mode, ev: &KeyEvent) -> Option<Command> {
        let main = matches!(mode, Mode::List | Mode::Reader);
        let order = [Some(mode), main.then_some(Mode::Main), Some(Mode::All)];
        order.into_iter().flatten().find_map(|m| {
            self.bindings
                .iter()
                .find(|b| b.mode == m && b.keys.iter().any(|k| k.matches(ev)))
                .map(|b| b.command)
        })
    }

    /// The first key bound to `command` where `mode` looks, for hints (`? 帮助`).
    pub fn key_for(&self, mode: Mode, command: Command) -> Option<Key> {
        let main = matches!(mode, Mode::List | Mode::Reader);
        let order = [Some(mode), main.then_some(Mode::Main), Some(Mode::All)];
        order.into_iter().flatten().find_map(|m| {
            self.bindings
                .iter()
                .find(|b| b.mode == m && b.command == command)
                .and_then(|b| b.keys.first().copied())
        })
    }
}

impl App {
    /// The mode keys are read in now.
    pub fn key_mode(&self) -> Mode {
        if self.search.editing || self.goto.editing {
            return Mode::Search;
        }
        if self.page_view.is_some() {
            return Mode::Page;
        }
        match (self.screen.overlay(), self.screen.focus()) {
            (Overlay::Help | Overlay::FetchLog, _) => Mode::Help,
            (Overlay::Bookmarks, _) => Mode::Bookmarks,
            (Overlay::None, Focus::List) => Mode::List,
            (Overlay::None, Focus::Reader) => Mode::Reader,
        }
    }
}

/// Cells the reading measure changes by per key press (two Han characters).
pub const MEASURE_STEP: i32 = 4;

/// The action a key asks for, if any.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mode = app.key_mode();
    if app.goto.editing {
        // The go-to prompt edits its line with the search line's keys.
        return match search_action(app, mode, key)? {
            Action::SearchEdit(e) => Some(Action::GotoEdit(e)),
            Action::SearchSubmit => Some(Action::GotoSubmit),
            Action::SearchCancel => Some(Action::GotoCancel),
            other => Some(other),
        };
    }
    search_action(app, mode, key)
}

/// The action of `key` in `mode` from the key table; unbound characters on the search
/// line are typed.
fn search_action(app: &App, mode: Mode, key: KeyEvent) -> Option<Action> {
    match app.setup.keymap().lookup(mode, &key) {
        Some(command) => action_for(app, mode, command),
        None if mode == Mode::Search => match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::SearchEdit(Edit::Insert(c.to_string())))
            }
            _ => None,
        },
        None => None,
    }
}

/// What `command` does in `mode`.
fn action_for(app: &App, mode: Mode, command: Command) -> Option<Action> {
    use Command as C;
    let page = |forward: bool, half: bool| Action::Page { forward, half };
    let edit = |e| Some(Action::SearchEdit(e));
    let scrolls = mode == Mode::Reader;
    Some(match command {
        C::Quit => Action::Quit,
        C::Help => Action::ToggleHelp,
        C::Close => Action::CloseOverlay,
        C::Search => Action::SearchStart,
        C::NextMatch => Action::NextMatch,
        C::PrevMatch => Action::PrevMatch,
        C::Bookmark => Action::SetBookmark,
        C::Unbookmark => Action::RemoveBookmark,
        C::Undo => Action::UndoRemove,
        C::Bookmarks => Action::OpenBookmarks,
        C::Columns => Action::ToggleColumns,
        C::Script => Action::CycleScript,
        C::Unread => Action::ToggleUnread,
        C::Photos => Action::TogglePhotos,
        C::PageScan => Action::OpenPageView,
        C::Down if mode == Mode::Page => Action::PageViewStep(1),
        C::Up if mode == Mode::Page => Action::PageViewStep(-1),
        C::Open if mode == Mode::Page => Action::PageViewOpen,
        C::Fetch => Action::Fetch,
        C::MeasureNarrow => Action::Measure(-MEASURE_STEP),
        C::MeasureWiden => Action::Measure(MEASURE_STEP),
        C::Goto => Action::GotoStart,
        C::CopyLink => Action::CopyLink,
        C::FetchLog => Action::OpenFetchLog,
        C::OpenLink => Action::OpenLink,
        C::NextIssue => Action::StepIssue { forward: true },
        C::PrevIssue => Action::StepIssue { forward: false },
        C::NextPage => Action::StepPage { forward: true },
        C::PrevPage => Action::StepPage { forward: false },
        C::ListPageDown => Action::ListPage { forward: true },
        C::ListPageUp => Action::ListPage { forward: false },
        C::PageDown if mode == Mode::Help => Action::Select(help_page(app)),
        C::PageUp if mode == Mode::Help => Action::Select(-help_page(app)),
        C::PageDown => page(true, false),
        C::PageUp => page(false, false),
        C::HalfPageDown => page(true, true),
        C::HalfPageUp => page(false, true),
        C::Down if scrolls => Action::Scroll(1),
        C::Up if scrolls => Action::Scroll(-1),
        C::First if scrolls => Action::ScrollTop,
        C::Last if scrolls => Action::ScrollBottom,
        C::Down => Action::Select(1),
        C::Up => Action::Select(-1),
        C::First => Action::SelectFirst,
        C::Last => Action::SelectLast,
        C::Read => Action::FocusReader,
        C::Back => Action::FocusList,
        C::Escape if scrolls && !app.search.active() => Action::FocusList,
        C::Escape | C::Cancel => Action::SearchCancel,
        C::Open => Action::BookmarkOpen,
        C::Remove => Action::BookmarkDelete,
        C::Submit => Action::SearchSubmit,
        C::DeleteWord => return edit(Edit::DeleteWord),
        C::DeleteToStart => return edit(Edit::DeleteToStart),
        C::DeleteToEnd => return edit(Edit::DeleteToEnd),
        C::LineStart => return edit(Edit::Home),
        C::LineEnd => return edit(Edit::End),
        C::Left => return edit(Edit::Left),
        C::Right => return edit(Edit::Right),
        C::Backspace => return edit(Edit::Backspace),
        C::Delete => return edit(Edit::Delete),
    })
}

/// Rows the help moves by a page.
fn help_page(app: &App) -> isize {
    (app.screen.size().1 as isize - 4).max(1)
}
