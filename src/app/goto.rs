//! The go-to prompt (`o`): type a date (`2023-07-03`, `20230703`, `0703`), a page (`05`,
//! `A3`, `第5版`), a paper (`rmrb`, `人民日报`, `renmin`) or any of them together
//! (`rmrb 0703 05`); Enter opens that paper's issue of that date (or the nearest one when
//! there is none that day) at that page.

use super::query::{TypedDate, day_number, match_paper, papers, parse_date};
use super::search::apply_edit;
use super::{App, Edit};
use crate::library::IssueInfo;
use crate::search::SearchInput;

/// The go-to prompt's line.
#[derive(Debug, Default)]
pub struct GotoState {
    /// The prompt is open and takes the keys.
    pub(super) editing: bool,
    pub(super) input: SearchInput,
}

impl GotoState {
    /// The go-to prompt is open.
    pub fn editing(&self) -> bool {
        self.editing
    }

    /// What is typed at the prompt.
    pub fn input(&self) -> &SearchInput {
        &self.input
    }
}

/// What the prompt's line asks for: an issue (an index into `issues`), whether it is the
/// date asked for (false: the nearest), and a page of it, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub issue: usize,
    pub exact: bool,
    pub page: Option<String>,
}

/// A page as typed: `05`, `5`, `A3`, `a03`, `第5版`, `第A3版` → its label (`5`, `A3`)
/// to match against printed page numbers with [`same_page`].
pub fn parse_page(word: &str) -> Option<String> {
    let w = word.trim();
    let w = w
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('版'))
        .unwrap_or(w);
    let letters = w.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let (head, digits) = w.split_at(letters);
    let ok = letters <= 2
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| format!("{}{}", head.to_uppercase(), digits.trim_start_matches('0')))
}

/// Whether a printed page number (`05`, `A03`) is the page typed (`5`, `A3`).
pub fn same_page(number: &str, typed: &str) -> bool {
    parse_page(number).is_some_and(|n| n == typed)
}

/// Why a go-to line opens nothing; shown on the status line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GotoError {
    #[error("不认识 not a date, a page or a paper: {0}")]
    Unknown(String),
    #[error("前往: a date (2023-07-03, 0703), a page (05, A3) or a paper (rmrb)")]
    Empty,
    #[error("no issues of that paper")]
    NoIssues,
    #[error("no dated issues of that paper")]
    NoDatedIssues,
}

/// The issue `line` asks for. `current` is the issue shown: its paper is used when the
/// line names none, and a month and day take the year of the paper's issue of that day
/// nearest the one shown. A page alone is a page of the issue shown.
pub fn resolve(
    issues: &[IssueInfo],
    current: Option<&IssueInfo>,
    line: &str,
) -> Result<Target, GotoError> {
    let papers = papers(issues);
    let (mut paper, mut date, mut page) = (None, None, None);
    for word in line.split_whitespace() {
        if let Some(d) = parse_date(word) {
            date = Some(d);
        } else if let Some(p) = parse_page(word) {
            page = Some(p);
        } else if let Some(p) = match_paper(&papers, word) {
            paper = Some(p.slug.as_str());
        } else {
            return Err(GotoError::Unknown(word.to_string()));
        }
    }
    if paper.is_none() && date.is_none() && page.is_none() {
        return Err(GotoError::Empty);
    }
    let shown = current.and_then(|c| issues.iter().position(|i| i.key == c.key));
    if let (None, None, Some(issue)) = (paper, date, shown) {
        return Ok(Target {
            issue,
            exact: true,
            page,
        });
    }
    let slug = paper.or(current.map(|c| c.key.slug.as_str()));
    let of_paper: Vec<usize> = (0..issues.len())
        .filter(|&i| slug.is_none_or(|s| issues[i].key.slug == s))
        .collect();
    let Some(&newest) = of_paper.last() else {
        return Err(GotoError::NoIssues);
    };
    let Some(date) = date else {
        return Ok(Target {
            issue: newest,
            exact: true,
            page,
        });
    };
    let around = current
        .or(issues.get(newest))
        .and_then(|c| day_number(&c.key.date))
        .unwrap_or(0);
    let (issue, exact) =
        nearest(issues, &of_paper, date, around).ok_or(GotoError::NoDatedIssues)?;
    Ok(Target { issue, exact, page })
}

/// The issue of `of_paper` nearest `date`. A date without a year is read in each year
/// the paper has issues; the nearest issue wins, then the year nearest `around` (a day
/// number): `0703` is the 3 July of the paper's year nearest the issue shown.
fn nearest(
    issues: &[IssueInfo],
    of_paper: &[usize],
    date: TypedDate,
    around: i64,
) -> Option<(usize, bool)> {
    let year = |i: usize| issues[i].key.date.get(..4)?.parse::<u32>().ok();
    let mut years: Vec<u32> = match date.year {
        Some(y) => vec![y],
        None => of_paper.iter().filter_map(|&i| year(i)).collect(),
    };
    years.dedup();
    let mut best: Option<((i64, i64), usize)> = None;
    for y in years {
        let Some(target) = day_number(&date.with_year(y)) else {
            continue;
        };
        for &i in of_paper {
            let Some(d) = day_number(&issues[i].key.date) else {
                continue;
            };
            let rank = ((d - target).abs(), (target - around).abs());
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, i));
            }
        }
    }
    best.map(|((d, _), i)| (i, d == 0))
}

impl App {
    pub(super) fn goto_start(&mut self) {
        self.goto.editing = true;
        self.goto.input.clear();
    }

    pub(super) fn goto_edit(&mut self, e: &Edit) {
        apply_edit(&mut self.goto.input, e);
    }

    pub(super) fn goto_cancel(&mut self) {
        self.goto.editing = false;
        self.goto.input.clear();
    }

    /// Open the issue (and page) the prompt names, or say why not.
    pub(super) fn goto_submit(&mut self) {
        self.goto.editing = false;
        let line = self.goto.input.text().to_string();
        self.goto.input.clear();
        let t = match resolve(&self.browse.issues, self.browse.current(), &line) {
            Ok(t) => t,
            Err(e) => {
                self.screen.say(e.to_string());
                return;
            }
        };
        self.leave_results();
        if self.browse.at != Some(t.issue) {
            self.open_issue(t.issue, None);
        }
        let got = &self.browse.issues[t.issue];
        let mut status = if t.exact {
            format!("{} {}", got.paper, got.key.date)
        } else {
            format!(
                "没有那天的报纸 no issue that day: 最近一期 nearest {}",
                got.key.date
            )
        };
        if let Some(page) = &t.page {
            status = self.goto_page(page, status);
        }
        self.screen.say(status);
    }

    /// Select the first article of the page typed as `page` in the issue shown (or show
    /// the header of a page without articles); the status line to show.
    fn goto_page(&mut self, page: &str, status: String) -> String {
        let Some(issue) = self.shown.issue().issues.first() else {
            return status;
        };
        let Some(p) = issue
            .pages
            .iter()
            .position(|pg| same_page(&pg.number, page))
        else {
            let numbers: Vec<&str> = issue.pages.iter().map(|p| p.number.as_str()).collect();
            return format!(
                "没有这一版 no page {page} in this issue: {}",
                numbers.join(" ")
            );
        };
        let number = issue.pages[p].number.clone();
        match self.shown.visible().iter().position(|r| r.page == p) {
            Some(i) => {
                self.screen.set_focus(super::Focus::List);
                self.select_index(i);
                format!("{status} 第{number}版")
            }
            None => {
                self.browse.bare_page = Some(p);
                format!("{status} 第{number}版: 没有文章 no articles on this page")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::IssueKey;

    fn info(slug: &str, paper: &str, date: &str) -> IssueInfo {
        IssueInfo {
            key: IssueKey {
                slug: slug.into(),
                date: date.into(),
            },
            paper: paper.into(),
            ..Default::default()
        }
    }

    #[test]
    fn dates_papers_and_the_nearest_issue() {
        let issues = [
            info("renmin", "人民日报", "2022-12-30"),
            info("renmin", "人民日报", "2023-07-01"),
            info("hebei", "河北日报", "2023-07-02"),
            info("renmin", "人民日报", "2023-07-05"),
        ];
        let cur = Some(&issues[3]);
        let go = |l: &str| resolve(&issues, cur, l).map(|t| (t.issue, t.exact));
        assert_eq!(go("2023-07-01"), Ok((1, true)));
        assert_eq!(go("0701"), Ok((1, true)));
        assert_eq!(go("20230705"), Ok((3, true)));
        // No 人民日报 on 07-02: the nearest, earlier on a tie.
        assert_eq!(go("07-03"), Ok((1, false)));
        assert_eq!(go("0704"), Ok((3, false)));
        assert_eq!(go("hbrb"), Ok((2, true)));
        assert_eq!(go("河北日报 0710"), Ok((2, false)));
        assert_eq!(go("rmrb 2022-12-31"), Ok((0, false)));
        assert!(go("").is_err());
        assert_eq!(go("xyz").unwrap_err(), GotoError::Unknown("xyz".into()));
    }

    #[test]
    fn a_month_and_day_take_the_year_of_the_papers_issue_of_that_day() {
        // 人民日报 of 2023 and 2024; a 2026 issue of another paper is shown.
        let issues = [
            info("rmrb", "人民日报", "2023-07-03"),
            info("rmrb", "人民日报", "2023-08-17"),
            info("rmrb", "人民日报", "2024-07-03"),
            info("rmrb", "人民日报", "2024-07-05"),
            info("hbrb", "河北日报", "2026-01-10"),
        ];
        let go = |cur: usize, l: &str| {
            resolve(&issues, Some(&issues[cur]), l).map(|t| (t.issue, t.exact))
        };
        assert_eq!(go(4, "rmrb 0703"), Ok((2, true)), "the 3 July nearest 2026");
        assert_eq!(go(0, "0703"), Ok((0, true)), "the 3 July nearest 2023");
        assert_eq!(go(1, "0704"), Ok((0, false)), "nearest the 4 July of 2023");
        assert_eq!(go(3, "0706"), Ok((3, false)));
        assert_eq!(go(4, "rmrb 0817"), Ok((1, true)));
    }

    #[test]
    fn pages_as_typed() {
        for (typed, label) in [("05", "5"), ("5", "5"), ("第5版", "5"), ("第05版", "5")] {
            assert_eq!(parse_page(typed).as_deref(), Some(label), "{typed}");
        }
        assert_eq!(parse_page("A3").as_deref(), Some("A3"));
        assert_eq!(parse_page("a03").as_deref(), Some("A3"));
        assert_eq!(parse_page("第A3版").as_deref(), Some("A3"));
        for not in ["0703", "rmrb", "人民日报", "", "第版", "ABC1"] {
            assert_eq!(parse_page(not), None, "{not}");
        }
        assert!(same_page("A03", "A3") && same_page("05", "5") && !same_page("15", "5"));
        let issues = [
            info("rmrb", "人民日报", "2023-07-01"),
            info("rmrb", "人民日报", "2023-07-02"),
        ];
        let t = resolve(&issues, Some(&issues[0]), "第4版").unwrap();
        assert_eq!(
            (t.issue, t.page.as_deref()),
            (0, Some("4")),
            "a page of the issue shown"
        );
        let t = resolve(&issues, Some(&issues[0]), "0702 A3").unwrap();
        assert_eq!((t.issue, t.page.as_deref()), (1, Some("A3")));
    }

    #[test]
    fn o_with_a_page_selects_its_first_article() {
        use crate::app::{Action, App, Edit};
        let mut app = App::new(crate::app::browse::tests::archive(), (80, 24), None);
        let mut go = |line: &str| {
            app.update(Action::GotoStart);
            app.update(Action::GotoEdit(Edit::Insert(line.into())));
            app.update(Action::GotoSubmit);
            let a = app.current().unwrap();
            (a.id.0.clone(), app.status_text().unwrap_or_default())
        };
        let (id, msg) = go("02");
        assert_eq!(id, "rmrb/2023-07-03/02/1");
        assert!(msg.contains("第02版"), "{msg}");
        assert_eq!(go("第1版").0, "rmrb/2023-07-03/01/1");
        assert_eq!(go("0701 2").0, "rmrb/2023-07-01/02/1");
        let (id, msg) = go("A9");
        assert_eq!(id, "rmrb/2023-07-01/02/1", "nothing moves");
        assert!(msg.contains("no page A9") && msg.contains("01 02"), "{msg}");
    }
}
