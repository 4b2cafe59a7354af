//! Importers: turn page dumps (and `export --json` files) on disk, or the bundled issue
//! embedded in the binary, into the plain data of [`crate::model`].
//!
//! - [`decode`]: bytes → text (UTF-8 ± BOM, UTF-16 with BOM, GB18030/GBK); binary refused.
//! - [`clean`]: the safety clean-up (controls, escape sequences, bidi controls, tabs, NFC).
//! - `page` (private, the house room of page reading): one page's text → articles and page
//!   lines, all behind [`parse_page`]; the few line tests others share are re-exported by
//!   name ([`split_dateline`], [`at_most`], [`ends_sentence`], [`is_byline`],
//!   [`is_dash_subtitle`], [`is_han`], [`is_page_credit`], [`is_page_furniture`]).
//! - [`tree`]: files and folders → a library, with [`place`] saying where each file sits;
//!   [`export`]: `export --json` files back; [`parallel`]: files parsed on every core, taken
//!   in order; [`script`]: simplified ↔ traditional folding.
//! - `score` and `faults` (the `dev` feature only): an import scored against a truth.
//!
//! Every error names the file it is about, on one line: `PATH: what is wrong`
//! ([`ImportError`]); one bad file inside a folder is a warning, never a failure.

pub mod clean;
pub mod decode;
mod error;
pub mod export;
#[cfg(feature = "dev")]
pub mod faults;
mod page;
pub mod parallel;
pub mod place;
#[cfg(feature = "dev")]
pub mod score;
pub mod script;
pub mod tree;
#[cfg(feature = "dev")]
mod truth;

use std::path::PathBuf;

pub use error::ImportError;
pub use page::{
    at_most, ends_sentence, is_byline, is_dash_subtitle, is_han, is_page_credit, is_page_furniture,
    parse_page, split_dateline,
};
pub use tree::Loaded;

use crate::model::{Issue, Library};

/// The bundled issue's page text, embedded at build time.
pub const BUNDLED_PAGE: &str = include_str!("../../data/hebei-daily/2022-07-01/01.txt");
/// The bundled issue's metadata, embedded at build time.
pub const BUNDLED_META: &str = include_str!("../../data/hebei-daily/2022-07-01/issue.json");

/// The issue that ships inside the binary: 河北日报, 1 July 2022, page 1. Never fails.
pub fn load_bundled() -> Library {
    #[derive(serde::Deserialize)]
    struct Meta {
        paper: String,
        date: String,
    }
    let meta = serde_json::from_str::<Meta>(BUNDLED_META).unwrap_or_else(|_| Meta {
        paper: "河北日报".into(),
        date: "2022-07-01".into(),
    });
    let page = parse_page(BUNDLED_PAGE, "hebei-daily", &meta.date, "01");
    Library {
        issues: vec![Issue {
            paper: meta.paper,
            slug: "hebei-daily".into(),
            date: meta.date,
            pages: vec![page],
        }],
    }
}

/// Load files and folders (folders recursively) into one library: page dumps, folder
/// trees `<root>/<paper>/<YYYY-MM-DD>/<NN>.txt`, and `export --json` files. A path named
/// here that cannot be loaded is an error; a file inside a folder that cannot be loaded
/// is skipped with a warning, and the rest loads.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, ImportError> {
    tree::load(paths)
}
