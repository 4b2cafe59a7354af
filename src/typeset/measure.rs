//! The text block of a pane: how wide the text runs (the reading measure, never wider
//! than the pane), where it sits (centred), and the margin on its right that takes a
//! hung mark (行尾点号悬挂), so the Han text keeps a straight edge and a pause or closing
//! mark may stand outside it, as in print: two cells, up to four where the pane has them
//! spare, so a closing pair (`。”`) may hang whole.

use super::{Line, Role, Settings, Span};

/// Cells kept right of the text block for a hung mark.
pub const MARGIN: usize = 2;
/// The most a pane's spare cells right of the block give the margin: room for a closing
/// pair hung whole (`。”` takes three cells, four where quotes are wide).
pub const MAX_MARGIN: usize = 4;
/// Narrowest measure a reader may set, in cells (10 Han characters).
pub const MIN_MEASURE: u16 = 20;
/// Widest measure a reader may set, in cells.
pub const MAX_MEASURE: u16 = 400;
/// The default measure: 40 Han characters.
pub const DEFAULT_MEASURE: u16 = 80;
/// Panes narrower than this keep no margin (every cell is needed for text).
const MIN_PANE: usize = 10;

/// Where the text sits in a pane: `left` cells of padding, then `width` cells of text
/// block, then `margin` cells a hung mark may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub left: usize,
    pub width: usize,
    pub margin: usize,
}

/// The text block of a pane `pane` cells wide: at most the measure, an even number of
/// cells (so lines of Han text fill it), centred, with the margin inside the pane.
pub fn block(pane: usize, settings: &Settings) -> Block {
    fit(pane, usize::from(settings.measure.max(MIN_MEASURE)))
}

/// The widest text block a pane `pane` cells wide shows, whatever the measure.
pub fn widest(pane: usize) -> u16 {
    u16::try_from(fit(pane, usize::from(MAX_MEASURE)).width).unwrap_or(MAX_MEASURE)
}

/// A block of at most `measure` cells in `pane` cells.
pub fn fit(pane: usize, measure: usize) -> Block {
    if pane < MIN_PANE {
        return Block {
            left: 0,
            width: pane,
            margin: 0,
        };
    }
    let width = measure.min(pane - MARGIN) & !1;
    let spare = pane - width;
    let left = (spare / 2).min(spare - MARGIN);
    Block {
        left,
        width,
        margin: (spare - left).min(MAX_MARGIN),
    }
}

/// Move every line that holds anything `left` cells to the right.
pub fn shift(lines: &mut [Line], left: usize) {
    if left == 0 {
        return;
    }
    let pad = " ".repeat(left);
    for l in lines.iter_mut().filter(|l| !l.spans.is_empty()) {
        l.spans.insert(
            0,
            Span {
                text: pad.clone(),
                role: Role::Space,
                source: None,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_is_even_centred_and_keeps_its_margin() {
        for pane in 0..=400 {
            for measure in [20, 41, 80, 400] {
                let b = fit(pane, measure);
                assert!(
                    b.left + b.width + b.margin <= pane.max(b.width),
                    "{pane} {measure}"
                );
                if pane >= MIN_PANE {
                    assert_eq!(b.width % 2, 0);
                    assert!(b.width <= measure && b.width + 3 >= measure.min(pane - 2));
                }
            }
        }
        assert_eq!(
            fit(200, 80),
            Block {
                left: 60,
                width: 80,
                margin: 4
            }
        );
        assert_eq!(
            fit(69, 80),
            Block {
                left: 1,
                width: 66,
                margin: 2
            }
        );
        assert_eq!(
            fit(40, 80),
            Block {
                left: 0,
                width: 38,
                margin: 2
            }
        );
        assert_eq!(
            fit(5, 80),
            Block {
                left: 0,
                width: 5,
                margin: 0
            }
        );
    }
}
