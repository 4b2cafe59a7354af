//! Small text helpers shared by every layer: terminal cell widths and CJK-aware truncation,
//! and the one date grammar ([`date`]).

pub mod date;
pub mod width;

pub use width::{char_width, str_width, truncate};
