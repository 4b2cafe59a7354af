//! Keys as data: ONE table of (mode, keys, command, help text in Chinese and English).
//! The key map, the help overlay, the status-line hints, the config file's `[keys]`
//! names and the README's key table all come from it. To add a binding, add a row.

use super::names::Key;
use ratatui::crossterm::event::KeyCode;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// Everywhere, the search line included.
    All,
    /// The list and the reading pane (unless the list or reader row for the key says
    /// otherwise).
    Main,
    List,
    Reader,
    /// The search line is open: it takes the keys (unbound characters are typed).
    Search,
    Help,
    Bookmarks,
    /// The page as printed (`P`).
    Page,
}

impl Mode {
    pub const ALL: [Mode; 8] = [
        Mode::All,
        Mode::Main,
        Mode::List,
        Mode::Reader,
        Mode::Search,
        Mode::Help,
        Mode::Page,
        Mode::Bookmarks,
    ];

    /// The name of its `[keys.<mode>]` table in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Mode::All => "all",
            Mode::Main => "main",
            Mode::List => "list",
            Mode::Reader => "reader",
            Mode::Search => "search",
            Mode::Help => "help",
            Mode::Bookmarks => "bookmarks",
            Mode::Page => "page",
        }
    }

    /// Its heading in the help and the README: (中文, English).
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Mode::All => ("任何时候", "anywhere"),
            Mode::Main => ("列表与阅读", "list and reading pane"),
            Mode::List => ("文章列表", "article list"),
            Mode::Reader => ("阅读栏", "reading pane"),
            Mode::Search => ("搜索行", "search line"),
            Mode::Help => ("帮助", "help"),
            Mode::Bookmarks => ("书签", "bookmarks view"),
            Mode::Page => ("版面图", "page view"),
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// What a user can bind a key to. Each has a config name (`next-article`); what it does
/// can depend on the mode (`down` moves the selection in the list, scrolls the reader).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Search,
    NextMatch,
    PrevMatch,
    Bookmark,
    Unbookmark,
    Undo,
    Bookmarks,
    Columns,
    Script,
    MeasureNarrow,
    MeasureWiden,
    Unread,
    Photos,
    PageScan,
    Fetch,
    FetchLog,
    Goto,
    CopyLink,
    OpenLink,
    NextIssue,
    PrevIssue,
    NextPage,
    PrevPage,
    ListPageDown,
    ListPageUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Down,
    Up,
    First,
    Last,
    Read,
    Back,
    Escape,
    Close,
    Open,
    Remove,
    Cancel,
    Submit,
    DeleteWord,
    DeleteToStart,
    DeleteToEnd,
    LineStart,
    LineEnd,
    Left,
    Right,
    Backspace,
    Delete,
}

/// One row of the table: in `mode`, `keys` do `command`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub command: Command,
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub zh: &'static str,
    pub en: &'static str,
}

/// A row as written in the table below.
type Row = (
    Mode,
    &'static [Key],
    Command,
    &'static str,
    &'static str,
    &'static str,
);

use Command as C;
use Mode as M;

const fn k(c: char) -> Key {
    Key::ch(c)
}
const fn n(code: KeyCode) -> Key {
    Key::plain(code)
}
const fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

/// THE table: (mode, default keys, command, config name, 中文, English). The first match
/// wins: a key is looked up in its mode's rows, then (list and reader) in `main`, then
/// in `all`.
#[rustfmt::skip]
const TABLE: &[Row] = &[
    (M::All, &[ctrl('c')], C::Quit, "quit", "退出", "quit"),
    (M::Main, &[k('q')], C::Quit, "quit", "退出", "quit"),
    (M::Main, &[k('?')], C::Help, "help", "帮助（本页）", "this help"),
    (M::Main, &[k('/')], C::Search, "search", "搜索全部报纸（可先写筛选：rmrb 2023-07: 农业）；Enter 打开，Esc 清除", "search the archive (filters first: rmrb 2023-07: 农业); Enter opens, Esc clears"),
    (M::Main, &[k('n')], C::NextMatch, "next-match", "下一处匹配（到篇末转下一篇）", "next match (on to the next article)"),
    (M::Main, &[k('N')], C::PrevMatch, "prev-match", "上一处匹配", "previous match"),
    (M::Main, &[k('b')], C::Bookmark, "bookmark", "加书签（在阅读栏：记下或移到此处）", "bookmark (in the reading pane: set or move it here)"),
    (M::Main, &[k('x')], C::Unbookmark, "unbookmark", "删除本篇书签", "remove this article's bookmark"),
    (M::Main, &[k('u')], C::Undo, "undo", "撤销上一次删除书签", "undo the last bookmark removal"),
    (M::Main, &[k('B')], C::Bookmarks, "bookmarks", "书签一览", "the bookmarks view"),
    (M::Main, &[k('c')], C::Columns, "columns", "分栏开关（阅读栏够宽时）", "columns on / off (wide reading pane)"),
    (M::Main, &[k('S')], C::Script, "script", "字体轮换：原文、简体、繁體、臺灣、香港（只改显示）", "cycle the script: as printed, simplified, traditional, Taiwan, Hong Kong (display only)"),
    (M::Main, &[k('U')], C::Unread, "unread", "只看未读开关", "unread articles only, on / off"),
    (M::Main, &[k('I')], C::Photos, "photos", "图片开关（只看图片说明）", "news photos in the text on / off (captions only)"),
    (M::Main, &[k('<')], C::MeasureNarrow, "measure-narrow", "版心窄两字", "narrow the reading measure by two characters"),
    (M::Main, &[k('>')], C::MeasureWiden, "measure-widen", "版心宽两字", "widen the reading measure by two characters"),
    (M::Main, &[k('P')], C::PageScan, "page-scan", "版面图：本版原貌，文章区域框出", "the page as printed, each article's area outlined"),
    (M::Main, &[k('F')], C::Fetch, "fetch", "后台抓取所订报纸（进度见状态行）", "fetch every subscribed feed in the background (progress on the status line)"),
    (M::Main, &[k('L')], C::FetchLog, "fetch-log", "上次抓取的记录（每报每版一行，失败原因）", "the last fetch's log (a line per feed or page, why one failed)"),
    (M::Main, &[k('o')], C::Goto, "goto", "转到某日、某版或某报（2023-07-03、0703、05、A3、rmrb）", "go to a date, a page or a paper (2023-07-03, 0703, 05, A3, rmrb)"),
    (M::Main, &[k('y')], C::CopyLink, "copy-link", "显示并复制本文链接", "show the article's link and copy it"),
    (M::Main, &[k('O')], C::OpenLink, "open-link", "用浏览器打开本文链接", "open the article's link in the browser"),
    (M::Main, &[k(']')], C::NextIssue, "next-issue", "本报下一期", "the paper's next issue"),
    (M::Main, &[k('[')], C::PrevIssue, "prev-issue", "本报上一期", "the paper's previous issue"),
    (M::Main, &[k('}')], C::NextPage, "next-page", "下一版", "the next page"),
    (M::Main, &[k('{')], C::PrevPage, "prev-page", "上一版（先回本版开头）", "the previous page (first the top of this one)"),
    (M::Main, &[k(' '), n(KeyCode::PageDown)], C::PageDown, "page-down", "下翻一页（篇末转下一篇）", "page forward (at the end: the next article)"),
    (M::Main, &[n(KeyCode::PageUp)], C::PageUp, "page-up", "上翻一页", "page back"),
    (M::Main, &[ctrl('d')], C::HalfPageDown, "half-page-down", "下翻半页", "half page forward"),
    (M::Main, &[ctrl('u')], C::HalfPageUp, "half-page-up", "上翻半页", "half page back"),
    (M::List, &[k('j'), n(KeyCode::Down)], C::Down, "down", "下一篇", "next article"),
    (M::List, &[k('k'), n(KeyCode::Up)], C::Up, "up", "上一篇", "previous article"),
    (M::List, &[k('g'), n(KeyCode::Home)], C::First, "first", "第一篇", "first article"),
    (M::List, &[k('G'), n(KeyCode::End)], C::Last, "last", "最后一篇", "last article"),
    (M::List, &[n(KeyCode::Tab), n(KeyCode::Enter), k('l'), n(KeyCode::Right)], C::Read, "read", "阅读所选文章", "read the selected article"),
    (M::List, &[n(KeyCode::Esc)], C::Escape, "escape", "清除搜索", "clear the search"),
    (M::List, &[n(KeyCode::PageDown)], C::ListPageDown, "list-page-down", "列表下翻一屏", "the list a screen down"),
    (M::List, &[n(KeyCode::PageUp)], C::ListPageUp, "list-page-up", "列表上翻一屏", "the list a screen up"),
    (M::Reader, &[k('j'), n(KeyCode::Down)], C::Down, "down", "下移一行", "scroll down a line"),
    (M::Reader, &[k('k'), n(KeyCode::Up)], C::Up, "up", "上移一行", "scroll up a line"),
    (M::Reader, &[k('g'), n(KeyCode::Home)], C::First, "first", "回到篇首", "top of the article"),
    (M::Reader, &[k('G'), n(KeyCode::End)], C::Last, "last", "跳到篇末", "end of the article"),
    (M::Reader, &[n(KeyCode::Esc)], C::Escape, "escape", "清除搜索，否则回到列表", "clear the search, else back to the list"),
    (M::Reader, &[k('h'), n(KeyCode::Left), n(KeyCode::Tab), n(KeyCode::BackTab)], C::Back, "back", "回到文章列表", "back to the article list"),
    (M::Search, &[n(KeyCode::Esc)], C::Cancel, "cancel", "取消搜索", "cancel the search"),
    (M::Search, &[n(KeyCode::Enter)], C::Submit, "submit", "保留结果，跳到第一处", "keep the result, go to the first match"),
    (M::Search, &[ctrl('w')], C::DeleteWord, "delete-word", "删除前一个词", "delete the word before the cursor"),
    (M::Search, &[ctrl('u')], C::DeleteToStart, "delete-to-start", "删除到行首", "delete to the start"),
    (M::Search, &[ctrl('k')], C::DeleteToEnd, "delete-to-end", "删除到行尾", "delete to the end"),
    (M::Search, &[ctrl('a'), n(KeyCode::Home)], C::LineStart, "line-start", "光标到行首", "cursor to the start"),
    (M::Search, &[ctrl('e'), n(KeyCode::End)], C::LineEnd, "line-end", "光标到行尾", "cursor to the end"),
    (M::Search, &[n(KeyCode::Left)], C::Left, "left", "光标左移", "cursor left"),
    (M::Search, &[n(KeyCode::Right)], C::Right, "right", "光标右移", "cursor right"),
    (M::Search, &[n(KeyCode::Backspace), ctrl('h')], C::Backspace, "backspace", "删除前一字", "delete the char before"),
    (M::Search, &[n(KeyCode::Delete)], C::Delete, "delete", "删除后一字", "delete the char after"),
    (M::Help, &[k('j'), n(KeyCode::Down)], C::Down, "down", "向下滚动", "scroll down"),
    (M::Help, &[k('k'), n(KeyCode::Up)], C::Up, "up", "向上滚动", "scroll up"),
    (M::Help, &[k(' '), n(KeyCode::PageDown)], C::PageDown, "page-down", "下翻一页", "page down"),
    (M::Help, &[n(KeyCode::PageUp)], C::PageUp, "page-up", "上翻一页", "page up"),
    (M::Help, &[k('g'), n(KeyCode::Home)], C::First, "first", "回到开头", "to the top"),
    (M::Help, &[k('G'), n(KeyCode::End)], C::Last, "last", "跳到末尾", "to the end"),
    (M::Help, &[n(KeyCode::Esc), k('?'), k('q'), n(KeyCode::Enter)], C::Close, "close", "关闭帮助（及抓取记录）", "close the help (and the fetch log)"),
    (M::Bookmarks, &[k('j'), n(KeyCode::Down)], C::Down, "down", "下一个书签", "next bookmark"),
    (M::Bookmarks, &[k('k'), n(KeyCode::Up)], C::Up, "up", "上一个书签", "previous bookmark"),
    (M::Bookmarks, &[k('g'), n(KeyCode::Home)], C::First, "first", "第一个", "first bookmark"),
    (M::Bookmarks, &[k('G'), n(KeyCode::End)], C::Last, "last", "最后一个", "last bookmark"),
    (M::Bookmarks, &[n(KeyCode::Enter)], C::Open, "open", "打开", "open it"),
    (M::Bookmarks, &[k('x'), k('d'), n(KeyCode::Delete)], C::Remove, "remove", "删除（u 撤销）", "remove it (u undoes)"),
    (M::Bookmarks, &[k('u')], C::Undo, "undo", "撤销上一次删除", "undo the last removal"),
    (M::Bookmarks, &[k('?')], C::Help, "help", "帮助", "help"),
    (M::Bookmarks, &[n(KeyCode::Esc), k('B'), k('q')], C::Close, "close", "关闭书签一览", "close the view"),
    (M::Page, &[k('j'), k('l'), n(KeyCode::Down), n(KeyCode::Right), n(KeyCode::Tab)], C::Down, "down", "下一篇文章的区域", "the next article's area"),
    (M::Page, &[k('k'), k('h'), n(KeyCode::Up), n(KeyCode::Left), n(KeyCode::BackTab)], C::Up, "up", "上一篇文章的区域", "the previous article's area"),
    (M::Page, &[n(KeyCode::Enter)], C::Open, "open", "打开这篇文章", "open that article"),
    (M::Page, &[n(KeyCode::Esc), k('P'), k('q')], C::Close, "close", "关闭版面图", "close the page view"),
];

/// The table as bindings (the defaults, before any config).
pub fn default_bindings() -> Vec<Binding> {
    TABLE
        .iter()
        .map(|&(mode, keys, command, name, zh, en)| Binding {
            mode,
            command,
            name,
            keys: keys.to_vec(),
            zh,
            en,
        })
        .collect()
}

/// The README's key table, as it must read (a test checks the README against it).
pub fn markdown_table() -> String {
    let mut s = String::from("| where | keys | 中文 | what it does |\n| --- | --- | --- | --- |\n");
    for b in default_bindings() {
        let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            b.mode.title().1,
            keys.join(" "),
            b.zh,
            b.en
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_and_command_has_one_row_and_each_key_one_meaning() {
        let rows = default_bindings();
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.name == b.name),
                    "{}.{} twice",
                    a.mode.name(),
                    a.name
                );
                let shared = a.keys.iter().find(|k| b.keys.contains(k));
                assert!(
                    a.mode != b.mode || shared.is_none(),
                    "{:?} bound twice in {}",
                    shared,
                    a.mode.name()
                );
            }
        }
    }

    #[test]
    fn a_command_has_one_name() {
        let rows = default_bindings();
        for a in &rows {
            for b in &rows {
                assert_eq!(a.command == b.command, a.name == b.name, "{}", a.name);
            }
        }
    }

    #[test]
    fn the_readme_key_table_is_the_table() {
        let readme = include_str!("../../../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md's key table differs from src/app/keys.rs; it should read:\n{}",
            markdown_table()
        );
    }
}
