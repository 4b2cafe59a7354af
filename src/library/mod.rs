//! The library: where issues live between runs, and the one way the reader, the CLI and
//! the tests reach them, whether they come from the library on disk or from `--data` files.
//!
//! [`Shelf`] is the contract: a list of issues (cheap, from the catalogue), one issue at
//! a time loaded in full when it is shown, articles by id (bookmarks), and search across
//! everything. [`memory::MemoryShelf`] serves a [`Library`] held in memory (`--data`
//! files, the bundled issue); [`disk::DiskShelf`] is the library on disk. Both search
//! through the one search engine ([`crate::search::engine`]), in RAM (built on the
//! first search) or in a folder, through [`store::Store`] (writing) and [`catalogue`]
//! (reading). Everything comes in through [`ingest`]: files and fetched issues.

pub mod archive;
pub mod catalogue;
pub mod disk;
pub mod drop_behind;
pub mod ingest;
pub mod issue_list;
pub mod memory;
pub mod newest;
pub mod reader;
pub mod repair;
pub mod store;
pub mod writer;

pub use store::AddSummary;

/// Where the library lives: `$XDG_DATA_HOME/dubao/library` (or the platform's data
/// folder); `None` without a home folder.
pub fn default_dir() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|d| d.data_dir().join("library"))
}

use serde::{Deserialize, Serialize};

use crate::model::{Article, ArticleId, Issue, PageLine};

/// Which issue: a paper (by its slug) and a date (`YYYY-MM-DD`, or empty when unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IssueKey {
    pub slug: String,
    pub date: String,
}

/// What the catalogue knows of an issue without loading its articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueInfo {
    pub key: IssueKey,
    /// The paper's own name, e.g. `人民日报`.
    pub paper: String,
    pub pages: usize,
    pub articles: usize,
}

/// A search across the shelf. Dates are `YYYY-MM-DD`, inclusive; `paper` is a slug or
/// the paper's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    pub paper: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// At most this many hits (0: no limit).
    pub limit: usize,
    /// Skip this many hits first (for paging through results).
    pub offset: usize,
}

/// One article that matches a search, newest issue first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: ArticleId,
    pub key: IssueKey,
    pub paper: String,
    /// The page number as printed (`01`, `A3`).
    pub page: String,
    pub title: String,
    /// A short piece of text around the first occurrence.
    pub snippet: String,
    /// Not an article: the page's own line of this index (`本版责编：…`) matched; `id` is
    /// then `slug/date/page` and `title` the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// A page whose own lines (`本版责编：…`) match a search: the page's own hit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHit {
    pub key: IssueKey,
    pub paper: String,
    /// The page number as printed.
    pub page: String,
    pub lines: Vec<PageLine>,
}

/// What went wrong reading or writing the library; one line, naming what it is about.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{0}: no such issue")]
    NoIssue(String),
    #[error("{what}: {why}")]
    Store { what: String, why: String },
    /// Another process (an import, a fetch) holds the library's one writer.
    #[error(
        "{what}: another dubao (an import or a fetch) is writing to it; try again when it ends"
    )]
    Busy { what: String },
}

impl LibraryError {
    /// Another process (an import, a fetch) holds the library's one writer.
    pub fn is_busy(&self) -> bool {
        matches!(self, LibraryError::Busy { .. })
    }
}

/// Issues, articles and search, wherever they are kept.
pub trait Shelf: Send + Sync {
    /// Every issue, oldest first (by date, then paper slug).
    fn issues(&self) -> Vec<IssueInfo>;
    /// One issue with all its pages and articles, in page order.
    fn load_issue(&self, key: &IssueKey) -> Result<Issue, LibraryError>;
    /// The article with this id and the issue it is in.
    fn article(&self, id: &ArticleId) -> Option<(IssueKey, Article)>;
    /// Hits for `query`, newest issue first, then page order; at most `limit`.
    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError>;
    /// Pages whose own lines match `query`, newest first; at most `limit` (0: all).
    fn search_pages(&self, _query: &SearchQuery) -> Result<Vec<PageHit>, LibraryError> {
        Ok(Vec::new())
    }
    /// How many articles match `query` (filters apply; limit and offset do not).
    fn count(&self, query: &SearchQuery) -> Result<usize, LibraryError>;
    /// Take in what another process committed since the last call; true when the
    /// issues changed.
    fn refresh(&self) -> bool {
        false
    }
    /// While the search index is still being built in the background: how far it is,
    /// in percent (a search now would wait for it). `None` when a search answers now.
    fn indexing(&self) -> Option<u8> {
        None
    }
    /// Starts building the search index on a thread of its own, where it is built on
    /// demand (issues in memory); a no-op where it is always there.
    fn index_in_background(&self) {}
}
