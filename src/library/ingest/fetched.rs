//! Fetched feeds into the library: [`FeedSink`] is the feed's [`IssueSink`] over the
//! library on disk. A feed is a window on the paper (its newest items), not the whole
//! issue, so each issue is merged into what the library holds before it is added: an
//! item is the same article when it has the same link (else the same headline on the
//! same page), keeps its id when its text changed, and an article the feed no longer
//! lists stays. Each call is one commit, so a failed or killed fetch leaves the library
//! as it was.

use std::time::{Duration, Instant};

use crate::feed::sink::{Added, IssueSink, SinkError, merge};
use crate::library::disk::{DiskShelf, Importer};
use crate::library::{IssueKey, LibraryError, Shelf};
use crate::model::Issue;

/// How long to wait for another writer (an import, another fetch) to finish.
const WAIT_FOR_WRITER: Duration = Duration::from_secs(20);

/// Feeds' issues into a library on disk.
#[derive(Debug)]
pub struct FeedSink<'a> {
    pub shelf: &'a DiskShelf,
}

fn sink_err(e: LibraryError) -> SinkError {
    SinkError {
        what: "library".into(),
        why: e.to_string(),
    }
}

impl FeedSink<'_> {
    /// The library's writer, waiting a while if another process holds it.
    fn writer(&self) -> Result<Importer<'_>, LibraryError> {
        let started = Instant::now();
        loop {
            match self.shelf.importer() {
                Err(e) if e.is_busy() && started.elapsed() < WAIT_FOR_WRITER => {
                    std::thread::sleep(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }

    /// `issues` merged into what the library holds of them and committed at once.
    pub fn merge_issues(&self, issues: &[Issue]) -> Result<Added, LibraryError> {
        // The writer first, then what is stored: no other writer can change it between
        // the reading and the merged issues' commit.
        let mut importer = self.writer()?;
        self.shelf.refresh();
        let mut added = Added::default();
        let merged = self.merged(issues, &mut added)?;
        importer.add(&merged)?;
        importer.finish()?;
        Ok(added)
    }

    /// `issues` merged into what the library holds of them, counting what is new.
    fn merged(&self, issues: &[Issue], added: &mut Added) -> Result<Vec<Issue>, LibraryError> {
        let mut out: Vec<Issue> = Vec::new();
        for issue in issues {
            if let Some(seen) = out
                .iter_mut()
                .find(|i| i.slug == issue.slug && i.date == issue.date)
            {
                merge(seen, issue, added);
                continue;
            }
            let key = IssueKey {
                slug: issue.slug.clone(),
                date: issue.date.clone(),
            };
            match self.shelf.load_issue(&key) {
                Ok(mut old) => {
                    merge(&mut old, issue, added);
                    out.push(old);
                }
                Err(LibraryError::NoIssue(_)) => {
                    added.new += issue.pages.iter().map(|p| p.articles.len()).sum::<usize>();
                    out.push(issue.clone());
                }
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
}

impl IssueSink for FeedSink<'_> {
    fn add_issues(&mut self, issues: &[Issue]) -> Result<Added, SinkError> {
        self.merge_issues(issues).map_err(sink_err)
    }

    fn stored(&self, slug: &str, date: &str) -> Option<Issue> {
        self.shelf.refresh();
        let key = IssueKey {
            slug: slug.to_string(),
            date: date.to_string(),
        };
        self.shelf.load_issue(&key).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    use crate::feed::sink::test_issue as issue;

    fn add(shelf: &DiskShelf, i: Issue) -> Added {
        FeedSink { shelf }
            .add_issues(&[i])
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_window_of_the_feed_merges_into_the_issue_keeping_ids() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let shelf = DiskShelf::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(add(&shelf, issue(&[("a", "甲"), ("b", "乙")])).new, 2);
        assert_eq!(
            add(&shelf, issue(&[("a", "甲"), ("b", "乙")])),
            Added::default()
        );
        // The feed moved on: `a` fell out of it, `b` changed, `c` is new.
        let got = add(&shelf, issue(&[("c", "丙"), ("b", "乙改")]));
        assert_eq!(got, Added { new: 1, changed: 1 });
        let key = IssueKey {
            slug: "csrb".into(),
            date: "2026-04-27".into(),
        };
        let stored = shelf.load_issue(&key).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<(String, String)> = stored.pages[0]
            .articles
            .iter()
            .map(|a| (a.id.0.clone(), a.title.clone()))
            .collect();
        assert_eq!(
            ids,
            [
                ("csrb/2026-04-27/01/1".to_string(), "标题a".to_string()),
                ("csrb/2026-04-27/01/2".to_string(), "标题b".to_string()),
                ("csrb/2026-04-27/01/3".to_string(), "标题c".to_string()),
            ]
        );
        assert_eq!(
            stored.pages[0].articles[1].paragraphs,
            vec![Paragraph::text("乙改")]
        );
    }
}
