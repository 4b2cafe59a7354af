//! The reader's state, the actions that change it, and the one `update` that applies them.
//! `update` never touches the terminal, so every behaviour is a plain test.

use crate::model::Library;

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub selected: usize,
    pub quit: bool,
}

impl App {
    pub fn new(library: Library) -> Self {
        App {
            library,
            selected: 0,
            quit: false,
        }
    }
}
