//! Where fetched issues go. [`IssueSink`] is the seam: the library's `FeedSink` (in
//! `library::fetched`) stores them on disk, [`MemorySink`] serves tests; both take a
//! feed's issues in with [`merge`]. Also the small file helpers the subscriptions use
//! ([`lock_dir`], [`write_atomic`]).

use std::io::Write;
use std::path::Path;

use crate::model::{Article, ArticleId, Issue};

/// How many articles a batch of issues brought.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Added {
    /// Articles not there before.
    pub new: usize,
    /// Articles there before whose text changed.
    pub changed: usize,
}

/// A failure to store; one line, naming what it is about.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {why}")]
pub struct SinkError {
    pub what: String,
    pub why: String,
}

/// Somewhere issues can be added. Adding the same issue again adds nothing; an article
/// is the same when it has the same link (else the same headline) on the same page.
pub trait IssueSink {
    fn add_issues(&mut self, issues: &[Issue]) -> Result<Added, SinkError>;

    /// The issue of `slug` on `date` as stored, if there is one (a fetch resuming a day
    /// takes the pages already whole from it).
    fn stored(&self, _slug: &str, _date: &str) -> Option<Issue> {
        None
    }
}

/// Issues kept in memory (tests, and `import` before the library lands).
#[derive(Debug, Default)]
pub struct MemorySink {
    pub issues: Vec<Issue>,
}

impl IssueSink for MemorySink {
    fn add_issues(&mut self, issues: &[Issue]) -> Result<Added, SinkError> {
        let mut added = Added::default();
        for issue in issues {
            let at = self
                .issues
                .iter()
                .position(|i| i.slug == issue.slug && i.date == issue.date);
            match at {
                Some(i) => merge(&mut self.issues[i], issue, &mut added),
                None => {
                    added.new += issue.pages.iter().map(|p| p.articles.len()).sum::<usize>();
                    self.issues.push(issue.clone());
                }
            }
        }
        Ok(added)
    }

    fn stored(&self, slug: &str, date: &str) -> Option<Issue> {
        self.issues
            .iter()
            .find(|i| i.slug == slug && i.date == date)
            .cloned()
    }
}

/// Take `new` into `old`: unseen articles appended with the next number on their page,
/// changed ones replaced under their old id, page lines and sections filled in.
pub fn merge(old: &mut Issue, new: &Issue, added: &mut Added) {
    for page in &new.pages {
        let at = match old.pages.iter().position(|p| p.number == page.number) {
            Some(i) => i,
            None => {
                old.pages.push(crate::model::Page {
                    number: page.number.clone(),
                    ..Default::default()
                });
                old.pages.len() - 1
            }
        };
        let target = &mut old.pages[at];
        if target.section.is_none() {
            target.section.clone_from(&page.section);
        }
        if target.scan.is_none() {
            target.scan.clone_from(&page.scan);
        }
        for line in &page.lines {
            if !target.lines.contains(line) {
                target.lines.push(line.clone());
            }
        }
        for article in &page.articles {
            match target.articles.iter_mut().find(|a| same(a, article)) {
                Some(a) if !same_text(a, article) => {
                    let id = a.id.clone();
                    *a = article.clone();
                    a.id = id;
                    added.changed += 1;
                }
                Some(_) => {}
                None => {
                    let n = target
                        .articles
                        .iter()
                        .filter_map(|a| a.id.0.rsplit('/').next()?.parse::<usize>().ok())
                        .max()
                        .unwrap_or(0);
                    let mut a = article.clone();
                    let base = article.id.0.rsplit_once('/').map_or("", |(b, _)| b);
                    a.id = ArticleId(format!("{base}/{}", n + 1));
                    target.articles.push(a);
                    added.new += 1;
                }
            }
        }
    }
    old.pages
        .sort_by(|a, b| crate::import::place::page_order(&a.number, &b.number));
}

fn same(a: &Article, b: &Article) -> bool {
    match (&a.link, &b.link) {
        (Some(x), Some(y)) => x == y,
        _ => a.title == b.title,
    }
}

fn same_text(a: &Article, b: &Article) -> bool {
    let mut b = b.clone();
    b.id = a.id.clone();
    *a == b
}

/// Take the advisory lock `dir/.lock` (created if need be); it is released when the
/// returned file is dropped. Two dubao processes then never read-merge-write at once.
pub fn lock_dir(dir: &Path) -> Result<std::fs::File, FileError> {
    std::fs::create_dir_all(dir).map_err(FileError::Folder)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".lock"))
        .map_err(FileError::LockFile)?;
    file.lock().map_err(FileError::Lock)?;
    Ok(file)
}

/// What went wrong writing a file of the data folder, or taking its lock.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot create the folder: {0}")]
    Folder(std::io::Error),
    #[error("cannot create the lock file: {0}")]
    LockFile(std::io::Error),
    #[error("cannot take the lock: {0}")]
    Lock(std::io::Error),
    #[error("cannot create a temporary file: {0}")]
    Temp(std::io::Error),
    #[error("cannot write: {0}")]
    Write(std::io::Error),
    #[error("cannot replace the file: {0}")]
    Replace(std::io::Error),
    #[error("cannot encode it: {0}")]
    Encode(#[from] serde_json::Error),
}

/// Replace `path` by `bytes` atomically: a temporary file in the same folder, written,
/// synced and renamed over it; a failure leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(FileError::Folder)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".dubao-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(FileError::Temp)?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(FileError::Write)?;
    tmp.persist(path).map_err(|e| FileError::Replace(e.error))?;
    // Syncing the folder makes the rename survive a power cut; the save has happened
    // either way.
    let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    Ok(())
}

/// A one-page issue of `(link, text)` articles, for tests of what sinks do with them.
#[cfg(test)]
pub(crate) fn test_issue(articles: &[(&str, &str)]) -> Issue {
    Issue {
        paper: "测试日报".into(),
        slug: "csrb".into(),
        date: "2026-04-27".into(),
        pages: vec![crate::model::Page {
            number: "01".into(),
            articles: articles
                .iter()
                .enumerate()
                .map(|(i, (link, text))| Article {
                    id: ArticleId(format!("csrb/2026-04-27/01/{}", i + 1)),
                    title: format!("标题{link}"),
                    link: Some((*link).into()),
                    paragraphs: vec![crate::model::Paragraph::text(*text)],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::test_issue as issue;

    #[test]
    fn merging_keeps_ids_and_counts_what_is_new_or_changed() {
        let mut sink = MemorySink::default();
        let first = sink.add_issues(&[issue(&[("a", "甲"), ("b", "乙")])]);
        assert_eq!(first.ok(), Some(Added { new: 2, changed: 0 }));
        let same = sink.add_issues(&[issue(&[("a", "甲"), ("b", "乙")])]);
        assert_eq!(same.ok(), Some(Added::default()));
        // `c` comes first in the feed now, `b` changed: `c` gets the next number, `b`
        // keeps its id.
        let next = sink.add_issues(&[issue(&[("c", "丙"), ("a", "甲"), ("b", "乙改")])]);
        assert_eq!(next.ok(), Some(Added { new: 1, changed: 1 }));
        let ids: Vec<(&str, &str)> = sink.issues[0].pages[0]
            .articles
            .iter()
            .map(|a| (a.id.0.as_str(), a.paragraphs[0].text.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("csrb/2026-04-27/01/1", "甲"),
                ("csrb/2026-04-27/01/2", "乙改"),
                ("csrb/2026-04-27/01/3", "丙"),
            ]
        );
    }
}
