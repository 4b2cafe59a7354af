//! The go-to prompt (`o`): type a date (`2023-07-03`, `20230703`, `0703`), a paper
//! (`rmrb`, `人民日报`, `renmin`) or both (`rmrb 0703`); Enter opens that paper's issue of
//! that date, or the nearest one when there is none that day.

use super::query::{TypedDate, day_number, match_paper, papers, parse_date};
use super::search::apply_edit;
use super::{App, Edit};
use crate::library::IssueInfo;
use crate::search::SearchInput;

/// The go-to prompt's line.
#[derive(Debug, Default)]
pub struct GotoState {
    /// The prompt is open and takes the keys.
    pub editing: bool,
    pub input: SearchInput,
}

/// The issue `line` asks for, as an index into `issues`, and whether it is the date
/// asked for (false: the nearest). `current` is the issue shown: its paper and year are
/// used when the line names none.
pub fn resolve(
    issues: &[IssueInfo],
    current: Option<&IssueInfo>,
    line: &str,
) -> Result<(usize, bool), String> {
    let papers = papers(issues);
    let (mut paper, mut date): (Option<&str>, Option<TypedDate>) = (None, None);
    for word in line.split_whitespace() {
        if let Some(d) = parse_date(word) {
            date = Some(d);
        } else if let Some(p) = match_paper(&papers, word) {
            paper = Some(&p.slug);
        } else {
            return Err(format!("不认识 not a date or a paper: {word}"));
        }
    }
    if paper.is_none() && date.is_none() {
        return Err("前往: a date (2023-07-03, 0703) or a paper (rmrb, 人民日报)".into());
    }
    let slug = paper.or(current.map(|c| c.key.slug.as_str()));
    let of_paper: Vec<usize> = (0..issues.len())
        .filter(|&i| slug.is_none_or(|s| issues[i].key.slug == s))
        .collect();
    let Some(&newest) = of_paper.last() else {
        return Err("no issues of that paper".into());
    };
    let Some(date) = date else {
        return Ok((newest, true));
    };
    let year = current
        .or(issues.get(newest))
        .and_then(|c| c.key.date.get(..4)?.parse().ok())
        .unwrap_or(2000);
    let want = date.with_year(year);
    let Some(target) = day_number(&want) else {
        return Err(format!("not a date: {want}"));
    };
    let nearest = of_paper
        .iter()
        .filter_map(|&i| Some((i, (day_number(&issues[i].key.date)? - target).abs())))
        .min_by_key(|&(_, d)| d);
    match nearest {
        Some((i, d)) => Ok((i, d == 0)),
        None => Err("no dated issues of that paper".into()),
    }
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

    /// Open the issue the prompt names, or say why not.
    pub(super) fn goto_submit(&mut self) {
        self.goto.editing = false;
        let line = self.goto.input.text().to_string();
        self.goto.input.clear();
        match resolve(&self.browse.issues, self.browse.current(), &line) {
            Ok((idx, exact)) => {
                self.leave_results();
                if self.browse.at != Some(idx) {
                    self.open_issue(idx, None);
                }
                let got = &self.browse.issues[idx];
                self.status = Some(if exact {
                    format!("{} {}", got.paper, got.key.date)
                } else {
                    format!(
                        "没有那天的报纸 no issue that day: 最近一期 nearest {}",
                        got.key.date
                    )
                });
            }
            Err(e) => self.status = Some(e),
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
        let go = |l: &str| resolve(&issues, cur, l);
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
        assert!(go("xyz").unwrap_err().contains("xyz"));
    }
}
