//! Small text helpers shared by every layer: terminal cell widths and CJK-aware truncation,
//! the one date grammar ([`date`]), the traditional → simplified character fold of search
//! ([`fold`]) and the display scripts ([`script`]).

pub mod date;
pub mod fold;
pub mod script;
pub mod width;

pub use width::{char_width, str_width, truncate};
