//! The screen part of the state: the terminal's size, which pane has the keys, the
//! overlay open, the status line's message, the notices kept for exit, the effects asked
//! of the terminal side, and whether the reader is closing.

use super::link::Effect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Bookmarks,
    /// The last fetch's log (scrolled with the help's keys).
    FetchLog,
}

/// What the status line says instead of the place and the key hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// What `c` did, for the pane as it is now (said again after each resize).
    Columns,
    /// Waiting for the shelf's index to be built: `indexing… 40%`.
    Indexing(u8),
    /// Any other message: an error, a warning or a confirmation.
    Message(String),
}

impl From<String> for Status {
    fn from(text: String) -> Self {
        Status::Message(text)
    }
}

impl From<&str> for Status {
    fn from(text: &str) -> Self {
        Status::Message(text.to_string())
    }
}

/// The screen: size, focus, overlay, status line and what the terminal side is asked.
#[derive(Debug)]
pub struct Screen {
    /// Terminal size in cells.
    size: (u16, u16),
    focus: Focus,
    overlay: Overlay,
    /// First row of the help (or fetch-log) overlay shown: it scrolls on small terminals.
    help_scroll: usize,
    /// A message for the status line (errors, warnings, confirmations).
    status: Option<Status>,
    /// Warnings worth repeating in full when the reader closes (the status line may cut
    /// them short).
    notices: Vec<String>,
    quit: bool,
    /// What `update` asked of the terminal side (copy, open), for it to carry out.
    effects: Vec<Effect>,
}

impl Screen {
    pub(super) fn new(size: (u16, u16)) -> Self {
        Screen {
            size,
            focus: Focus::List,
            overlay: Overlay::None,
            help_scroll: 0,
            status: None,
            notices: Vec::new(),
            quit: false,
            effects: Vec::new(),
        }
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// Warnings: `status` on the status line, `notices` kept for exit.
    pub(super) fn warn(&mut self, status: String, notices: Vec<String>) {
        self.say(status);
        self.notices.extend(notices);
    }

    /// Put a message on the status line.
    pub(super) fn say(&mut self, status: impl Into<Status>) {
        self.status = Some(status.into());
    }

    pub(super) fn set_size(&mut self, size: (u16, u16)) {
        self.size = size;
    }

    pub(super) fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }

    pub(super) fn set_overlay(&mut self, overlay: Overlay) {
        self.overlay = overlay;
    }

    /// Scroll the help (or fetch-log) overlay to row `row`.
    pub(super) fn set_help_scroll(&mut self, row: usize) {
        self.help_scroll = row;
    }

    pub(super) fn clear_status(&mut self) {
        self.status = None;
    }

    /// The status line's message, to add to it.
    pub(super) fn status_mut(&mut self) -> &mut Option<Status> {
        &mut self.status
    }

    /// Keep a warning to repeat in full when the reader closes.
    pub(super) fn notices_mut(&mut self) -> &mut Vec<String> {
        &mut self.notices
    }

    /// What the terminal side is asked to do, for `update` to add to and it to take.
    pub(super) fn effects_mut(&mut self) -> &mut Vec<Effect> {
        &mut self.effects
    }

    /// The reader closes after this action.
    pub(super) fn quit(&mut self) {
        self.quit = true;
    }
}
