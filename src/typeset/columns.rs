//! Columns (分栏): on a wide pane, the headline spans the pane and the body runs in
//! columns of a comfortable measure, read top to bottom then left to right, one screen at
//! a time. Each layout line is one full screen row.

use super::{Line, Role, Settings, Span, blocks};
use crate::model::Article;

/// Narrowest comfortable column measure, in cells.
pub const MIN_COLUMN: usize = 30;
/// Cells between columns.
pub const GUTTER: usize = 4;
/// Fewest body rows worth setting in columns.
const MIN_ROWS: usize = 6;

/// How a pane is divided: `count` columns of `width` cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub count: usize,
    pub width: usize,
}

/// The column plan for a pane, or `None` when the body is set in one measure (columns
/// off, a pane too narrow for two comfortable columns, or an unbounded height).
pub fn plan(width: u16, height: u16, settings: &Settings) -> Option<Plan> {
    if !settings.columns || height == u16::MAX || (height as usize) < MIN_ROWS + 2 {
        return None;
    }
    let w = width as usize;
    let count = (w + GUTTER) / (MIN_COLUMN + GUTTER);
    if count < 2 {
        return None;
    }
    Some(Plan {
        count,
        width: (w - (count - 1) * GUTTER) / count,
    })
}

fn space(cells: usize) -> Span {
    Span {
        text: " ".repeat(cells),
        role: Role::Space,
        source: None,
    }
}

/// Set `article` in columns by `plan`, pages of `height` rows.
pub fn layout(
    article: &Article,
    width: usize,
    height: usize,
    plan: Plan,
    st: &Settings,
) -> Vec<Line> {
    let mut head = Vec::new();
    blocks::head(article, width, st, &mut head);
    let mut body = Vec::new();
    blocks::body(article, plan.width, st, &mut body);
    let mut out: Vec<Line> = Vec::new();
    let mut rows = height.saturating_sub(head.len());
    if rows < MIN_ROWS {
        // A headline too tall to share a screen with the text: give it its own screens.
        let pages = head.len().div_ceil(height);
        out.extend(head);
        out.resize(pages * height, Line::default());
        rows = height;
    } else {
        out.extend(head);
    }
    let mut next = 0;
    while next < body.len() {
        // Skip blank lines at the top of a page.
        while next < body.len() && body[next].spans.is_empty() {
            next += 1;
        }
        let left = body.len() - next;
        if left == 0 {
            break;
        }
        let page_rows = if left >= rows * plan.count {
            rows
        } else {
            left.div_ceil(plan.count)
        };
        for r in 0..page_rows {
            let mut line = Line::default();
            for c in 0..plan.count {
                let Some(piece) = body
                    .get(next + c * page_rows + r)
                    .filter(|_| r + c * page_rows < left)
                else {
                    break;
                };
                if c > 0 {
                    let filled = line.width(st.ambiguous_wide);
                    let target = c * (plan.width + GUTTER);
                    if piece.spans.is_empty() {
                        continue;
                    }
                    line.spans.push(space(target - filled));
                }
                line.spans.extend(piece.spans.iter().cloned());
            }
            out.push(line);
        }
        next += (page_rows * plan.count).min(left);
        if next < body.len() {
            out.resize(out.len() + (rows - page_rows), Line::default());
            rows = height;
        }
    }
    out
}
