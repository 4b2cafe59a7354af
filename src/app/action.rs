//! Everything the reader can be asked to do: the messages `update` applies.

/// One edit of the search line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(String),
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    DeleteWord,
    DeleteToStart,
    DeleteToEnd,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Move the list selection (or the bookmarks view selection) by n rows.
    Select(isize),
    SelectFirst,
    SelectLast,
    FocusReader,
    FocusList,
    /// Scroll the reading pane by n lines.
    Scroll(isize),
    /// Scroll the reading pane by n screens (or half screens when `half`).
    Page {
        forward: bool,
        half: bool,
    },
    ScrollTop,
    ScrollBottom,
    ToggleHelp,
    ToggleColumns,
    /// Widen (positive) or narrow the reading measure by this many cells.
    Measure(i32),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// Mouse wheel at a cell: positive is down.
    Wheel {
        column: u16,
        row: u16,
        delta: isize,
    },
    Click {
        column: u16,
        row: u16,
    },
    SearchStart,
    SearchEdit(Edit),
    SearchSubmit,
    SearchCancel,
    NextMatch,
    PrevMatch,
    ToggleBookmark,
    OpenBookmarks,
    BookmarkOpen,
    BookmarkDelete,
    /// Close whatever overlay is open.
    CloseOverlay,
}
