//! The one way into the library: files ([`files`]: page dumps, folders, exports, saved
//! feeds) and fetched feeds and e-papers ([`fetched`]: merged issue by issue, each call
//! one commit). The CLI and the reader only say what to bring in and print what came.

pub mod fetched;
pub mod files;

pub use fetched::FeedSink;
pub use files::{ImportReport, Progress, import_files};
