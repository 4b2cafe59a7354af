//! The rows of the issue list: a header for each page (`第05版 评论`), the page's own
//! lines (banner, staff line) under it, then its articles, one or two rows each. The app
//! scrolls and hit-tests by these rows and the UI draws them, so both agree.

use crate::model::{ArticleRef, Library, Page};

/// One row of the issue list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The header of page `page` of the issue.
    Page(usize),
    /// Line `line` of page `page`'s own lines.
    PageLine { page: usize, line: usize },
    /// Article `item` of the list (an index into `App::visible`): the label row above
    /// the headline when `label`, else the headline.
    Article { item: usize, label: bool },
}

impl Row {
    /// The list item this row belongs to, if it is an article's.
    pub fn item(self) -> Option<usize> {
        match self {
            Row::Article { item, .. } => Some(item),
            _ => None,
        }
    }
}

/// The rows for `visible` (articles of one issue, in page order), two per article when
/// `two_rows`; page lines are shown only then (a short list keeps to headlines). A page
/// with no articles at all (an advert page) still has its header and lines in the list.
pub fn issue_rows(lib: &Library, visible: &[ArticleRef], two_rows: bool) -> Vec<Row> {
    let mut rows = Vec::with_capacity(visible.len() * 2 + 16);
    let mut page: Option<(usize, usize)> = None;
    let bare_pages = |issue: usize, from: usize, to: usize, rows: &mut Vec<Row>| {
        let Some(pages) = lib.issues.get(issue).map(|i| &i.pages) else {
            return;
        };
        let to = to.min(pages.len());
        for (p, page) in pages.iter().enumerate().take(to).skip(from) {
            if page.articles.is_empty() {
                push_page(rows, p, page.lines.len(), two_rows);
            }
        }
    };
    for (item, r) in visible.iter().enumerate() {
        if page != Some((r.issue, r.page)) {
            match page {
                Some((issue, p)) if issue == r.issue && p < r.page => {
                    bare_pages(issue, p + 1, r.page, &mut rows)
                }
                Some((issue, p)) if issue != r.issue => {
                    bare_pages(issue, p + 1, usize::MAX, &mut rows);
                    bare_pages(r.issue, 0, r.page, &mut rows);
                }
                None => bare_pages(r.issue, 0, r.page, &mut rows),
                _ => {}
            }
            page = Some((r.issue, r.page));
            let lines = lib
                .issues
                .get(r.issue)
                .and_then(|i| i.pages.get(r.page))
                .map_or(0, |p| p.lines.len());
            push_page(&mut rows, r.page, lines, two_rows);
        }
        if two_rows {
            rows.push(Row::Article { item, label: true });
        }
        rows.push(Row::Article { item, label: false });
    }
    if let Some((issue, p)) = page {
        bare_pages(issue, p + 1, usize::MAX, &mut rows);
    }
    rows
}

fn push_page(rows: &mut Vec<Row>, page: usize, lines: usize, two_rows: bool) {
    rows.push(Row::Page(page));
    if two_rows {
        rows.extend((0..lines).map(|line| Row::PageLine { page, line }));
    }
}

/// `第05版 评论`: the page's number and section as a header.
pub fn page_header(page: &Page) -> String {
    let number = page.number.trim();
    let mut s = if number.is_empty() {
        "版次不详".to_string()
    } else {
        format!("第{number}版")
    };
    if let Some(section) = page.section.as_deref().filter(|s| !s.trim().is_empty()) {
        s.push(' ');
        s.push_str(section.trim());
    }
    s
}

/// `星期一`…`星期日` for a `YYYY-MM-DD` date, if it is one.
pub fn weekday(date: &str) -> Option<&'static str> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Sakamoto's method: 0 is Sunday.
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + T[(m - 1) as usize] + d)
        .rem_euclid(7);
    const NAMES: [&str; 7] = [
        "星期日",
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
    ];
    Some(NAMES[w as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Issue, PageLine, PageLineKind};

    fn page(number: &str, lines: usize, articles: usize) -> Page {
        Page {
            scan: None,
            number: number.into(),
            section: Some("评论".into()),
            lines: (0..lines)
                .map(|i| PageLine {
                    kind: PageLineKind::Credit,
                    text: format!("本版责编：{i}"),
                })
                .collect(),
            articles: vec![Article::default(); articles],
        }
    }

    #[test]
    fn a_page_without_articles_keeps_its_header_and_lines() {
        let lib = Library {
            issues: vec![Issue {
                pages: vec![page("08", 0, 1), page("09", 2, 0), page("10", 0, 1)],
                ..Default::default()
            }],
        };
        let visible: Vec<ArticleRef> = lib.articles().map(|(r, _)| r).collect();
        let rows = issue_rows(&lib, &visible, true);
        let at = rows.iter().position(|r| *r == Row::Page(1)).unwrap();
        assert_eq!(rows[at + 1], Row::PageLine { page: 1, line: 0 });
        assert_eq!(rows[at + 2], Row::PageLine { page: 1, line: 1 });
        assert_eq!(rows[at + 3], Row::Page(2));
        let short = issue_rows(&lib, &visible, false);
        assert!(short.contains(&Row::Page(1)));
    }

    #[test]
    fn pages_head_their_articles_with_their_own_lines() {
        let lib = Library {
            issues: vec![Issue {
                pages: vec![page("01", 1, 2), page("05", 0, 1)],
                ..Default::default()
            }],
        };
        let visible: Vec<ArticleRef> = lib.articles().map(|(r, _)| r).collect();
        let rows = issue_rows(&lib, &visible, true);
        assert_eq!(rows[0], Row::Page(0));
        assert_eq!(rows[1], Row::PageLine { page: 0, line: 0 });
        assert_eq!(
            rows[2],
            Row::Article {
                item: 0,
                label: true
            }
        );
        assert_eq!(rows[6], Row::Page(1));
        assert_eq!(rows.len(), 9);
        let short = issue_rows(&lib, &visible, false);
        assert_eq!(short.len(), 5);
        assert_eq!(page_header(&lib.issues[0].pages[1]), "第05版 评论");
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday("2022-07-01"), Some("星期五"));
        assert_eq!(weekday("2023-07-03"), Some("星期一"));
        assert_eq!(weekday("2000-02-29"), Some("星期二"));
        assert_eq!(weekday(""), None);
        assert_eq!(weekday("2023-13-01"), None);
    }
}
