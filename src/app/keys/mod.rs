//! The keys: the one table of bindings and what each does (`table`), the key map that
//! turns a terminal event into an action (`map`), and key names as the config writes them
//! (`names`).

mod map;
mod names;
mod table;

pub use map::{KeyError, Keymap, MEASURE_STEP, map_key};
pub use names::Key;
pub use table::{Binding, Command, Mode, default_bindings, markdown_table};
