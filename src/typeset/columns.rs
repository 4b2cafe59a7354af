//! Columns (分栏): on a wide pane, the headline spans the columns and the body runs in
//! columns no wider than the reading measure, read top to bottom then left to right, one
//! screen at a time, the whole centred in the pane. Each layout line is one full screen
//! row.

use super::measure::{MARGIN, shift};
use super::{Line, PhotoBlock, Role, Settings, Span, blocks};
use crate::model::Article;

/// Narrowest comfortable column measure, in cells.
pub const MIN_COLUMN: usize = 30;
/// Cells between the text blocks of two columns; the first [`MARGIN`] of them take the
/// marks hung from the column on the left.
pub const GUTTER: usize = 4;
/// Fewest body rows worth setting in columns.
const MIN_ROWS: usize = 6;

/// How a pane is divided: `count` columns whose text blocks are `width` cells, the
/// first starting `left` cells in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub count: usize,
    pub width: usize,
    pub left: usize,
}

impl Plan {
    /// Cells from the first column's text to the last column's text block edge.
    pub fn span(&self) -> usize {
        self.count * self.width + (self.count - 1) * GUTTER
    }
}

/// The column plan for a pane, or `None` when the body is set in one measure (columns
/// off, a pane too narrow for two comfortable columns, or an unbounded height): as few
/// columns as keep each within the measure (two at least), of an even width.
pub fn plan(width: u16, height: u16, settings: &Settings) -> Option<Plan> {
    if !settings.columns || height == u16::MAX || (height as usize) < MIN_ROWS + 2 {
        return None;
    }
    let room = (width as usize).checked_sub(MARGIN)?;
    let measure = usize::from(settings.measure).max(MIN_COLUMN);
    let count = (room + GUTTER).div_ceil(measure + GUTTER).max(2);
    let width = ((room + GUTTER) / count)
        .saturating_sub(GUTTER)
        .min(measure)
        & !1;
    if width < MIN_COLUMN {
        return None;
    }
    let mut p = Plan {
        count,
        width,
        left: 0,
    };
    let spare = room - p.span();
    p.left = (spare + MARGIN) / 2;
    p.left = p.left.min(spare);
    Some(p)
}

fn space(cells: usize) -> Span {
    Span {
        text: " ".repeat(cells),
        role: Role::Space,
        source: None,
    }
}

/// Set `article` in columns by `plan`, pages of `height` rows; the photos' boxes go
/// into `photos` (a box cut by a column's foot keeps the rows above it).
pub fn layout(
    article: &Article,
    height: usize,
    plan: Plan,
    st: &Settings,
    photos: &mut Vec<PhotoBlock>,
) -> Vec<Line> {
    let mut head = Vec::new();
    blocks::head(article, plan.span(), st, &mut head);
    shift(&mut head, plan.left);
    let mut body = Vec::new();
    let mut boxes = Vec::new();
    blocks::body(article, plan.width, MARGIN, st, &mut body, &mut boxes);
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
        place_boxes(&boxes, next, left, page_rows, out.len(), plan, photos);
        for r in 0..page_rows {
            let mut line = Line::default();
            for c in 0..plan.count {
                let Some(piece) = body
                    .get(next + c * page_rows + r)
                    .filter(|_| r + c * page_rows < left)
                else {
                    break;
                };
                if piece.spans.is_empty() {
                    continue;
                }
                let filled = line.width(st.ambiguous_wide);
                let target = plan.left + c * (plan.width + GUTTER);
                if target > filled {
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

/// The boxes starting among body lines `next..next + left` where a page of `page_rows`
/// rows starting at output line `top` puts them.
fn place_boxes(
    boxes: &[PhotoBlock],
    next: usize,
    left: usize,
    page_rows: usize,
    top: usize,
    plan: Plan,
    photos: &mut Vec<PhotoBlock>,
) {
    let shown = (page_rows * plan.count).min(left);
    for b in boxes
        .iter()
        .filter(|b| (next..next + shown).contains(&b.line))
    {
        let k = b.line - next;
        let (c, r) = (k / page_rows, k % page_rows);
        photos.push(PhotoBlock {
            line: top + r,
            left: (plan.left + c * (plan.width + GUTTER)) as u16,
            rows: b.rows.min((page_rows - r) as u16),
            ..*b
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_keep_within_the_measure_and_centre() {
        let st = |measure| Settings {
            columns: true,
            measure,
            ..Settings::default()
        };
        let p = plan(159, 40, &st(80)).unwrap();
        assert_eq!((p.count, p.width), (2, 76));
        let p = plan(200, 40, &st(80)).unwrap();
        assert_eq!((p.count, p.width), (3, 62));
        // A narrower measure, more columns.
        let p = plan(200, 40, &st(40)).unwrap();
        assert_eq!((p.count, p.width), (5, 36));
        for w in 0..=400u16 {
            for m in [20, 40, 80, 200] {
                let Some(p) = plan(w, 40, &st(m)) else {
                    continue;
                };
                assert!(p.count >= 2 && p.width >= MIN_COLUMN && p.width % 2 == 0);
                assert!(p.width <= usize::from(m).max(MIN_COLUMN));
                assert!(
                    p.left + p.span() + MARGIN <= usize::from(w),
                    "{w} {m} {p:?}"
                );
            }
        }
        assert!(plan(65, 40, &st(80)).is_none() && plan(66, 40, &st(80)).is_some());
    }
}
