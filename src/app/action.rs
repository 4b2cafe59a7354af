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
    /// Show the next script ([`crate::text::script::Script::next`]).
    CycleScript,
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
    /// Bookmark the selected article; from the reading pane at the place shown, moving
    /// an existing bookmark there.
    SetBookmark,
    /// Remove the selected article's bookmark (`UndoRemove` brings it back).
    RemoveBookmark,
    /// Bring back the bookmark removed last.
    UndoRemove,
    OpenBookmarks,
    BookmarkOpen,
    /// Remove the bookmark selected in the bookmarks view.
    BookmarkDelete,
    /// `F`: fetch every subscribed feed into the library, in the background.
    Fetch,
    /// Show only unread articles, or all again.
    ToggleUnread,
    /// News photos in the text, or captions only.
    TogglePhotos,
    /// `P`: the shown page as printed, its articles' areas outlined.
    OpenPageView,
    /// Move the page view's selection by n areas.
    PageViewStep(isize),
    /// Open the article of the area selected in the page view.
    PageViewOpen,
    /// Time passes (sent by the event loop): an article shown long enough counts as read;
    /// background results and new issues are taken in.
    Tick(std::time::Instant),
    /// Close whatever overlay is open.
    CloseOverlay,
    /// `]` / `[`: the next or previous issue of the paper.
    StepIssue {
        forward: bool,
    },
    /// `}` / `{`: the first article of the next or previous page.
    StepPage {
        forward: bool,
    },
    /// PgDn / PgUp with the list focused: move the list a screen.
    ListPage {
        forward: bool,
    },
    /// `o`: open the go-to prompt (a date, a page or a paper).
    GotoStart,
    GotoEdit(Edit),
    GotoSubmit,
    GotoCancel,
    /// Open the last fetch's log.
    OpenFetchLog,
    /// Show the article's link on the status line and copy it.
    CopyLink,
    /// Open the article's link with the system's opener.
    OpenLink,
    /// A message from outside `update` (an opener that failed) for the status line.
    Say(String),
    /// Warnings from starting up (files skipped, a damaged library): `status` on the
    /// status line, `notices` repeated in full when the reader closes.
    Warn {
        status: String,
        notices: Vec<String>,
    },
}
