//! The text block of a pane: how wide the text runs (the reading measure, never wider
//! than the pane), where it sits (centred), and the two-cell margin on its right that
//! takes a hung mark (行尾点号悬挂).

use super::Settings;

/// Where the text sits in a pane: `left` cells of padding, then `width` cells of text
/// block, then (when `margin` is 2) the cells a hung mark may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub left: usize,
    pub width: usize,
    pub margin: usize,
}

/// The text block of a pane `pane` cells wide.
pub fn block(pane: usize, _settings: &Settings) -> Block {
    Block {
        left: 0,
        width: pane,
        margin: 0,
    }
}
