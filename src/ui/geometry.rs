//! Where each pane sits for a terminal size: a pure function shared by drawing, scrolling
//! and mouse hit-testing, so they always agree.

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
    let status_h = u16::from(area.height >= 2);
    let body_h = area.height - status_h;
    let status = Rect::new(area.x, area.y + body_h, area.width, status_h);
    let w = area.width;
    let list_w = if w >= 100 {
        36
    } else if w >= 60 {
        w * 3 / 10
    } else {
        (w * 2 / 5).max(u16::from(w >= 2))
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
    fn wide_and_narrow() {
        let p = panes(Rect::new(0, 0, 110, 32));
        assert_eq!((p.list.width, p.reader.width, p.text.width), (36, 73, 69));
        assert_eq!(p.status, Rect::new(0, 31, 110, 1));
        let p = panes(Rect::new(0, 0, 20, 6));
        assert!(p.list.width >= 1 && p.reader.width >= 1);
    }
}
