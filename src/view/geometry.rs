//! Where each pane sits for a terminal size, and which list rows show which articles:
//! pure functions shared by drawing (`ui`), scrolling and mouse hit-testing (`app`), so
//! they always agree. It lives below both so every `use` points down.

use ratatui::layout::Rect;

/// The panes of the reader screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    /// The one-column rule between the panes (absent when too narrow).
    pub rule: Rect,
    pub reader: Rect,
    /// The text area inside the reader (a margin column each side when there is room).
    pub text: Rect,
    pub status: Rect,
}

/// Split `area` into list, rule, reader and status line. Never panics, whatever the size.
pub fn panes(area: Rect) -> Panes {
    panes_with(area, None)
}

/// `panes` with the list `list_width` cells wide (the config's `list_width`), kept to at
/// most half the screen; `None` (or 0) sizes it by the terminal's width.
pub fn panes_with(area: Rect, list_width: Option<u16>) -> Panes {
    let status_h = u16::from(area.height >= 2);
    let body_h = area.height - status_h;
    let status = Rect::new(area.x, area.y + body_h, area.width, status_h);
    let w = area.width;
    let list_w = match list_width.filter(|&n| n > 0) {
        Some(n) => n.min(w / 2).max(u16::from(w >= 2)),
        None => auto_list_width(w),
    };
    let rule_w = u16::from(w >= 12);
    let reader_w = w.saturating_sub(list_w + rule_w);
    let list = Rect::new(area.x, area.y, list_w, body_h);
    let rule = Rect::new(area.x + list_w, area.y, rule_w, body_h);
    let reader = Rect::new(area.x + list_w + rule_w, area.y, reader_w, body_h);
    let margin = if reader_w >= 40 {
        2
    } else {
        u16::from(reader_w >= 16)
    };
    let text = Rect::new(
        reader.x + margin,
        reader.y,
        reader_w.saturating_sub(2 * margin),
        body_h,
    );
    Panes {
        list,
        rule,
        reader,
        text,
        status,
    }
}

/// The list's width when the config does not set one.
fn auto_list_width(w: u16) -> u16 {
    if w >= 100 {
        36
    } else if w >= 60 {
        w * 3 / 10
    } else {
        (w * 2 / 5).max(u16::from(w >= 2))
    }
}

/// Rows each article takes in the list: two (label, headline) when there is room, else one.
pub fn item_rows(height: u16) -> usize {
    if height >= 8 { 2 } else { 1 }
}

/// The first article the list shows so that the selection is in view.
pub fn first_visible(selected: usize, len: usize, height: u16) -> usize {
    let fits = (usize::from(height) / item_rows(height)).max(1);
    let first = (selected + 1).saturating_sub(fits);
    first.min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_any_size() {
        for w in 0..=320u16 {
            for h in [0u16, 1, 2, 6, 32, 100] {
                let area = Rect::new(0, 0, w, h);
                let p = panes(area);
                assert!(p.list.width + p.rule.width + p.reader.width <= w);
                assert!(p.text.right() <= p.reader.right());
                assert!(p.list.height + p.status.height <= h);
            }
        }
    }

    #[test]
    fn a_configured_list_width_is_kept_within_half_the_screen() {
        let p = panes_with(Rect::new(0, 0, 100, 30), Some(20));
        assert_eq!(p.list.width, 20);
        let p = panes_with(Rect::new(0, 0, 30, 10), Some(40));
        assert_eq!(p.list.width, 15);
        assert_eq!(
            panes_with(Rect::new(0, 0, 100, 30), Some(0)),
            panes(Rect::new(0, 0, 100, 30))
        );
    }

    #[test]
    fn wide_and_narrow() {
        let p = panes(Rect::new(0, 0, 110, 32));
        assert_eq!((p.list.width, p.reader.width, p.text.width), (36, 73, 69));
        assert_eq!(p.status, Rect::new(0, 31, 110, 1));
        let p = panes(Rect::new(0, 0, 20, 6));
        assert!(p.list.width >= 1 && p.reader.width >= 1);
    }
}
