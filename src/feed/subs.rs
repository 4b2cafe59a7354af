//! The subscriptions: `$XDG_DATA_HOME/dubao/feeds.json`, a list of feeds with their
//! names and what the server said last time (ETag, Last-Modified), written atomically;
//! and OPML, the file feed readers exchange subscriptions in.

use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use serde::{Deserialize, Serialize};

use super::sink::write_atomic;

/// One feed the reader follows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub name: String,
    pub url: String,
    /// The name was made up from the URL; the first fetch names it after the paper.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_name: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// An e-paper site (电子版), not a feed: fetched day by day, page by page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub epaper: bool,
    /// What went wrong the last time it was fetched; cleared when a fetch works.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

/// Every subscription, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriptions {
    pub feeds: Vec<Subscription>,
}

/// What went wrong with the subscriptions; one line.
#[derive(Debug, thiserror::Error)]
pub enum SubsError {
    #[error("{path}: {why}")]
    File { path: PathBuf, why: String },
    #[error("already subscribed: {0}")]
    Exists(String),
    #[error("no feed named {0} (see `dubao feed list`)")]
    NoSuch(String),
    #[error("not a feed address: {0} (give an http:// or https:// URL)")]
    BadUrl(String),
    #[error("{0}: not an OPML file ({1})")]
    BadOpml(PathBuf, String),
}

/// `$XDG_DATA_HOME/dubao` (or the platform's data folder).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|d| d.data_dir().to_path_buf())
}

impl Subscriptions {
    /// The file in `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join("feeds.json")
    }

    /// Read the subscriptions in `dir`; none when there is no file yet.
    pub fn load(dir: &Path) -> Result<Subscriptions, SubsError> {
        let path = Self::path(dir);
        let err = |why: String| SubsError::File {
            path: path.clone(),
            why,
        };
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| err(format!("cannot read it ({e}); fix or remove the file"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Subscriptions::default()),
            Err(e) => Err(err(e.to_string())),
        }
    }

    /// Write the subscriptions to `dir`, atomically.
    pub fn save(&self, dir: &Path) -> Result<(), SubsError> {
        let path = Self::path(dir);
        let json = serde_json::to_string_pretty(self).map_err(|e| SubsError::File {
            path: path.clone(),
            why: e.to_string(),
        })?;
        write_atomic(&path, format!("{json}\n").as_bytes()).map_err(|e| SubsError::File {
            path,
            why: e.to_string(),
        })
    }

    /// Read the subscriptions in `dir`, change them with `f` and write them back, all
    /// under the folder's lock, so two processes never lose each other's change.
    pub fn update<T, E>(
        dir: &Path,
        f: impl FnOnce(&mut Subscriptions) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<SubsError>,
    {
        let _lock = super::sink::lock_dir(dir).map_err(|e| SubsError::File {
            path: dir.to_path_buf(),
            why: e.to_string(),
        })?;
        let mut subs = Subscriptions::load(dir)?;
        let before = subs.clone();
        let out = f(&mut subs)?;
        if subs != before {
            subs.save(dir)?;
        }
        Ok(out)
    }

    /// Follow a feed; `name` defaults to one made from the URL.
    pub fn add(&mut self, url: &str, name: Option<&str>) -> Result<&Subscription, SubsError> {
        let url = url.trim();
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains(' ') {
            return Err(SubsError::BadUrl(url.to_string()));
        }
        if let Some(s) = self.feeds.iter().find(|s| s.url == url) {
            return Err(SubsError::Exists(format!("{} is {}", url, s.name)));
        }
        let auto_name = name.is_none();
        let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) => crate::import::clean::clean(n).replace('\n', " "),
            None => self.unique(&name_from_url(url)),
        };
        if self.find(&name).is_some() {
            return Err(SubsError::Exists(format!("a feed named {name}")));
        }
        self.feeds.push(Subscription {
            name,
            url: url.to_string(),
            auto_name,
            ..Default::default()
        });
        Ok(&self.feeds[self.feeds.len() - 1])
    }

    /// Stop following the feed with this name (or URL).
    pub fn remove(&mut self, name: &str) -> Result<Subscription, SubsError> {
        let at = self
            .feeds
            .iter()
            .position(|s| s.name == name || s.url == name)
            .ok_or_else(|| SubsError::NoSuch(name.to_string()))?;
        Ok(self.feeds.remove(at))
    }

    /// The feed with this name (or URL).
    pub fn find(&self, name: &str) -> Option<&Subscription> {
        self.feeds.iter().find(|s| s.name == name || s.url == name)
    }

    /// `name`, or `name-2`, `name-3`… if it is taken.
    pub fn unique(&self, name: &str) -> String {
        let mut candidate = name.to_string();
        let mut n = 2;
        while self.feeds.iter().any(|s| s.name == candidate) {
            candidate = format!("{name}-{n}");
            n += 1;
        }
        candidate
    }

    /// Subscribe to every feed in an OPML file not already followed; how many were added.
    pub fn import_opml(&mut self, path: &Path) -> Result<usize, SubsError> {
        let bytes = std::fs::read(path).map_err(|e| SubsError::File {
            path: path.to_path_buf(),
            why: e.to_string(),
        })?;
        let outlines =
            parse_opml(&bytes).map_err(|why| SubsError::BadOpml(path.to_path_buf(), why))?;
        let mut added = 0;
        for (url, title) in outlines {
            if self.feeds.iter().any(|s| s.url == url) {
                continue;
            }
            let name = title.map(|t| self.unique(&t));
            if self.add(&url, name.as_deref()).is_ok() {
                added += 1;
            }
        }
        Ok(added)
    }

    /// The subscriptions as an OPML 2.0 document.
    pub fn to_opml(&self) -> String {
        use quick_xml::escape::escape;
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>dubao feeds</title></head>\n  <body>\n",
        );
        for s in &self.feeds {
            out.push_str(&format!(
                "    <outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"/>\n",
                escape(s.name.as_str()),
                escape(s.url.as_str())
            ));
        }
        out.push_str("  </body>\n</opml>\n");
        out
    }
}

/// Every `<outline xmlUrl=…>` in an OPML document, with its title or text.
pub fn parse_opml(bytes: &[u8]) -> Result<Vec<(String, Option<String>)>, String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut out = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                if name.as_ref() == "opml" {
                    saw_opml = true;
                }
                if name.as_ref() != "outline" {
                    continue;
                }
                let (mut url, mut title, mut text) = (None, None, None);
                for a in e.attributes().flatten() {
                    let Ok(v) = a.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
                        continue;
                    };
                    let v = crate::import::clean::clean(v.trim()).replace('\n', " ");
                    match a.key.local_name().as_ref() {
                        "xmlUrl" => url = Some(v),
                        "title" if !v.is_empty() => title = Some(v),
                        "text" if !v.is_empty() => text = Some(v),
                        _ => {}
                    }
                }
                if let Some(url) = url {
                    out.push((url, title.or(text)));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(super::one_line(&e)),
        }
    }
    if saw_opml {
        Ok(out)
    } else {
        Err("no <opml> element".into())
    }
}

/// A name from a feed's URL: its file's name (`rmrb.xml` → `rmrb`), else its host.
pub fn name_from_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let host = rest.split('/').next().unwrap_or(rest);
    let file = rest
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|f| *f != host)
        .map(|f| f.split('.').next().unwrap_or(f))
        .filter(|f| !f.is_empty() && !matches!(*f, "feed" | "rss" | "index" | "atom"));
    file.unwrap_or(host).to_string()
}

#[cfg(test)]
mod tests;
