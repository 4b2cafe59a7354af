//! Where a subscribed e-paper is and how its days are addressed: a paper of the
//! catalogue (by name, slug or pinyin), or an e-paper address told by its shape
//! (`…/pc/layout/`, `…/html/…/nbs.D110000…_01.htm`, `…/content/…/IssueIndex.htm`,
//! `…/_szb/jfjb/…/index.json`). A local copy of a site on the loopback is addressed the
//! same way as the real one.

use super::catalogue::{self, Paper, System};

/// One paper's site on one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub name: String,
    pub slug: String,
    pub system: System,
    /// The day's first page, `{yyyymm}`… standing for the date (see [`catalogue::fill`]).
    pub pattern: String,
}

impl Site {
    fn from_paper(p: &Paper) -> Site {
        Site {
            name: p.name.to_string(),
            slug: p.slug.to_string(),
            system: p.system,
            pattern: p.address.to_string(),
        }
    }

    /// The day's first page (or index) for `date` (`YYYY-MM-DD`).
    pub fn first_page(&self, date: &str) -> String {
        catalogue::fill(&self.pattern, date)
    }
}

/// The subscription address of a catalogue paper: its current system's address up to
/// the first date field (`https://paper.people.com.cn/rmrb/pc/layout/`).
pub fn address_of(p: &Paper) -> String {
    let a = p.address;
    a[..a.find('{').unwrap_or(a.len())].to_string()
}

/// The site serving `date` for a subscription at `url`: the catalogue's row for the
/// date when `url` is the paper's own address, else what the address's shape says.
pub fn for_date(url: &str, date: &str) -> Option<Site> {
    let known = catalogue::by_address(url);
    if let Some(p) = known
        && catalogue::host_of(p.address) == catalogue::host_of(url)
    {
        return catalogue::row_for(p.slug, date).map(Site::from_paper);
    }
    let (system, pattern) = shape(url)?;
    let (name, slug) = match known {
        Some(p) => (p.name.to_string(), p.slug.to_string()),
        None => {
            let slug = slug_of(url);
            (slug.clone(), slug)
        }
    };
    Some(Site {
        name,
        slug,
        system,
        pattern,
    })
}

/// The address to follow an e-paper at `url` by: a day's page of the newer system
/// (`…/pc/layout/202601/02/node_01.html`) is followed at `…/pc/layout/`; other shapes
/// as given.
pub fn followed(url: &str) -> String {
    let url = url.trim();
    match url.find("/layout/") {
        Some(i) if matches!(shape(url), Some((System::Layout, _))) => {
            url[..i + "/layout/".len()].to_string()
        }
        _ => url.to_string(),
    }
}

/// Whether `url` is shaped like an e-paper address rather than a feed's.
pub fn is_epaper_address(url: &str) -> bool {
    shape(url).is_some()
}

/// The system and day pattern an address's shape says.
pub fn shape(url: &str) -> Option<(System, String)> {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    if let Some(i) = url.find("/layout/") {
        let base = &url[..i + "/layout/".len()];
        return Some((
            System::Layout,
            format!("{base}{{yyyymm}}/{{dd}}/node_01.html"),
        ));
    }
    if let Some(n) = url.find("nbs.")
        && let Some(h) = url.find("/html/")
    {
        let file = &url[n..];
        let stem = &file[..file.rfind('_')?];
        let base = &url[..h + "/html/".len()];
        return Some((
            System::Founder,
            format!("{base}{{yyyy}}-{{mm}}/{{dd}}/{stem}_01.htm"),
        ));
    }
    if url.contains("IssueIndex.htm") || url.contains("PaperIndex.htm") {
        let i = url.find("/content/")?;
        let base = &url[..i + "/content/".len()];
        return Some((
            System::IssueIndex,
            format!("{base}{{yyyymmdd}}/IssueIndex.htm"),
        ));
    }
    if let Some(i) = url.find("/_szb/") {
        let rest = &url[i + "/_szb/".len()..];
        let paper = rest.split('/').next().filter(|p| !p.is_empty())?;
        let base = &url[..i + "/_szb/".len() + paper.len() + 1];
        return Some((
            System::IndexJson,
            format!("{base}{{yyyy}}/{{mm}}/{{dd}}/index.json"),
        ));
    }
    None
}

/// A short name for a paper dubao does not know, from its address's first folder (or
/// host): `http://127.0.0.1:8/csrb/pc/layout/` → `csrb`.
pub fn slug_of(url: &str) -> String {
    let path = catalogue::path_of(url);
    let first = path
        .split('/')
        .find(|s| !s.is_empty() && !matches!(*s, "pc" | "html" | "layout" | "paper"));
    let raw = first.unwrap_or_else(|| catalogue::host_of(url));
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_matches('-')
        .to_string()
}

/// What `dubao feed add KEY` subscribes to when KEY names a paper: its name and address.
pub fn named(key: &str) -> Option<(String, String)> {
    let p = catalogue::lookup(key)
        .into_iter()
        .find(|p| p.last.is_none())?;
    Some((p.name.to_string(), address_of(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_by_their_shape() {
        let s = for_date("http://127.0.0.1:9/rmrb/pc/layout/", "2024-12-25");
        let s = s.unwrap_or_else(|| panic!("no site"));
        assert_eq!((s.name.as_str(), s.system), ("人民日报", System::Layout));
        assert_eq!(
            s.first_page("2024-12-25"),
            "http://127.0.0.1:9/rmrb/pc/layout/202412/25/node_01.html"
        );
        let f = shape("http://h/rmrb/html/2019-01/02/nbs.D110000renmrb_03.htm");
        assert_eq!(
            f,
            Some((
                System::Founder,
                "http://h/rmrb/html/{yyyy}-{mm}/{dd}/nbs.D110000renmrb_01.htm".into()
            ))
        );
        assert!(!is_epaper_address("https://example.cn/rss.xml"));
        assert!(is_epaper_address(
            "http://www.81.cn/_szb/jfjb/2025/01/02/index.json"
        ));
        let own = for_date("http://127.0.0.1:9/csrb/pc/layout/", "2026-01-02");
        assert_eq!(own.map(|s| s.slug), Some("csrb".to_string()));
    }

    #[test]
    fn the_real_address_follows_the_paper_across_systems() {
        let (name, url) = named("renminribao").unwrap_or_default();
        assert_eq!(name, "人民日报");
        assert_eq!(url, "https://paper.people.com.cn/rmrb/pc/layout/");
        let old = for_date(&url, "2021-03-02").map(|s| s.system);
        assert_eq!(old, Some(System::Founder));
    }
}
