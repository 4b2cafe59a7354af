//! The papers dubao knows by name, as ONE table of data: each row is one paper on one
//! e-paper system, with the address pattern of a day's first page and the dates that
//! system serves. A paper that moved systems (人民日报 in 2024-12) has a row per system.

use serde::Serialize;

/// The e-paper publishing systems dubao reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum System {
    /// The newer system: `…/pc/layout/YYYYMM/DD/node_NN.html`, `…/content_N.html`.
    Layout,
    /// The older Founder system: `html/YYYY-MM/DD/nbs.D110000…_NN.htm`.
    Founder,
    /// 新华每日电讯: `content/YYYYMMDD/IssueIndex.htm` lists the whole issue.
    IssueIndex,
    /// 解放军报: `_szb/jfjb/YYYY/MM/DD/index.json`.
    IndexJson,
}

impl System {
    pub fn label(self) -> &'static str {
        match self {
            System::Layout => "layout",
            System::Founder => "founder",
            System::IssueIndex => "issue-index",
            System::IndexJson => "index-json",
        }
    }
}

/// One paper on one system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paper {
    pub name: &'static str,
    pub slug: &'static str,
    pub pinyin: &'static str,
    pub system: System,
    /// The day's first page (or index); `{yyyy}` `{mm}` `{dd}` `{yyyymm}` `{yyyymmdd}`
    /// stand for the date.
    pub address: &'static str,
    /// The first date this system serves (`YYYY-MM-DD`), as far as known.
    pub first: &'static str,
    /// The last date it serves; `None` while it is the paper's current system.
    pub last: Option<&'static str>,
}

/// Every paper dubao knows. Dates are the ones the sites were seen serving.
pub const PAPERS: &[Paper] = &[
    row(
        "人民日报",
        "rmrb",
        "renminribao",
        System::Layout,
        "https://paper.people.com.cn/rmrb/pc/layout/{yyyymm}/{dd}/node_01.html",
        "2024-12-01",
        None,
    ),
    row(
        "人民日报",
        "rmrb",
        "renminribao",
        System::Founder,
        "http://paper.people.com.cn/rmrb/html/{yyyy}-{mm}/{dd}/nbs.D110000renmrb_01.htm",
        "2019-01-01",
        Some("2024-11-30"),
    ),
    row(
        "人民日报海外版",
        "rmrbhwb",
        "renminribaohaiwaiban",
        System::Layout,
        "https://paper.people.com.cn/rmrbhwb/pc/layout/{yyyymm}/{dd}/node_01.html",
        "2024-12-01",
        None,
    ),
    row(
        "人民日报海外版",
        "rmrbhwb",
        "renminribaohaiwaiban",
        System::Founder,
        "http://paper.people.com.cn/rmrbhwb/html/{yyyy}-{mm}/{dd}/nbs.D110000rmrbhwb_01.htm",
        "2019-01-01",
        Some("2024-11-30"),
    ),
    row(
        "光明日报",
        "gmrb",
        "guangmingribao",
        System::Layout,
        "https://epaper.gmw.cn/gmrb/html/layout/{yyyymm}/{dd}/node_01.html",
        "2025-10-01",
        None,
    ),
    row(
        "光明日报",
        "gmrb",
        "guangmingribao",
        System::Founder,
        "https://epaper.gmw.cn/gmrb/html/{yyyy}-{mm}/{dd}/nbs.D110000gmrb_01.htm",
        "2012-01-01",
        Some("2025-09-30"),
    ),
    row(
        "经济日报",
        "jjrb",
        "jingjiribao",
        System::Layout,
        "http://paper.ce.cn/pc/layout/{yyyymm}/{dd}/node_01.html",
        "2023-01-01",
        None,
    ),
    row(
        "中国青年报",
        "zqb",
        "zhongguoqingnianbao",
        System::Layout,
        "https://zqb.cyol.com/pc/layout/{yyyymm}/{dd}/node_01.html",
        "2023-01-01",
        None,
    ),
    row(
        "中国青年报",
        "zqb",
        "zhongguoqingnianbao",
        System::Founder,
        "http://zqb.cyol.com/html/{yyyy}-{mm}/{dd}/nbs.D110000zgqnb_01.htm",
        "2011-01-01",
        Some("2022-12-31"),
    ),
    row(
        "河北日报",
        "hbrb",
        "hebeiribao",
        System::Layout,
        "https://hbrb.hebnews.cn/pc/paper/layout/{yyyymm}/{dd}/node_01.html",
        "2023-01-01",
        None,
    ),
    row(
        "新华每日电讯",
        "xhmrdx",
        "xinhuameiridianxun",
        System::IssueIndex,
        "http://mrdx.cn/content/{yyyymmdd}/IssueIndex.htm",
        "2012-01-01",
        None,
    ),
    row(
        "解放军报",
        "jfjb",
        "jiefangjunbao",
        System::IndexJson,
        "http://www.81.cn/_szb/jfjb/{yyyy}/{mm}/{dd}/index.json",
        "2022-01-01",
        None,
    ),
];

#[allow(clippy::too_many_arguments)]
const fn row(
    name: &'static str,
    slug: &'static str,
    pinyin: &'static str,
    system: System,
    address: &'static str,
    first: &'static str,
    last: Option<&'static str>,
) -> Paper {
    Paper {
        name,
        slug,
        pinyin,
        system,
        address,
        first,
        last,
    }
}

/// Every row of the paper called `key`: its name, slug or pinyin (case and spaces
/// ignored), newest system first.
pub fn lookup(key: &str) -> Vec<&'static Paper> {
    let key: String = key
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    PAPERS
        .iter()
        .filter(|p| p.name == key || p.slug == key || p.pinyin == key)
        .collect()
}

/// The row of `slug` serving `date` (`YYYY-MM-DD`), else its current row.
pub fn row_for(slug: &str, date: &str) -> Option<&'static Paper> {
    let rows: Vec<&Paper> = PAPERS.iter().filter(|p| p.slug == slug).collect();
    rows.iter()
        .find(|p| p.first <= date && p.last.is_none_or(|l| date <= l))
        .or_else(|| rows.iter().find(|p| p.last.is_none()))
        .copied()
}

/// The paper whose address an e-paper address `url` shares its path with (a local copy
/// at `http://127.0.0.1:PORT/rmrb/pc/layout/` is 人民日报).
pub fn by_address(url: &str) -> Option<&'static Paper> {
    let stem_of = |p: &Paper| {
        let stem = path_of(p.address);
        stem[..stem.find('{').unwrap_or(stem.len())].trim_end_matches('/')
    };
    let path = path_of(url);
    let on_path = |p: &&Paper| {
        let stem = stem_of(p);
        !stem.is_empty() && path.starts_with(stem)
    };
    let same_host = PAPERS
        .iter()
        .filter(on_path)
        .find(|p| host_of(p.address) == host_of(url));
    if same_host.is_some() {
        return same_host;
    }
    // Another host (a local copy): the path alone, when it names one paper only.
    let mut found = PAPERS.iter().filter(on_path);
    let first = found.next()?;
    found.all(|p| p.slug == first.slug).then_some(first)
}

/// The host of an address (`paper.people.com.cn`).
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The path of an address (`/rmrb/pc/layout/`), `/` when it has none.
pub fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/').map_or("/", |i| &rest[i..])
}

/// `pattern` with the date `YYYY-MM-DD` put in.
pub fn fill(pattern: &str, date: &str) -> String {
    let (y, m, d) = (&date[..4], &date[5..7], &date[8..10]);
    pattern
        .replace("{yyyymmdd}", &format!("{y}{m}{d}"))
        .replace("{yyyymm}", &format!("{y}{m}"))
        .replace("{yyyy}", y)
        .replace("{mm}", m)
        .replace("{dd}", d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_is_found_by_name_slug_or_pinyin() {
        for key in ["人民日报", "rmrb", "RenMinRiBao", "renmin ribao"] {
            let rows = lookup(key);
            assert_eq!(rows.len(), 2, "{key}");
            assert_eq!(rows[0].system, System::Layout);
        }
        assert!(lookup("不存在日报").is_empty());
    }

    #[test]
    fn the_row_follows_the_date() {
        let new = row_for("rmrb", "2025-01-01").map(|p| p.system);
        let old = row_for("rmrb", "2021-03-02").map(|p| p.system);
        assert_eq!((new, old), (Some(System::Layout), Some(System::Founder)));
        assert_eq!(
            fill(PAPERS[0].address, "2024-12-25"),
            "https://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html"
        );
        assert_eq!(
            by_address("http://127.0.0.1:9/gmrb/html/layout/").map(|p| p.name),
            Some("光明日报")
        );
        assert_eq!(by_address("http://127.0.0.1:9/csrb/pc/layout/"), None);
        // Two papers serve `/pc/layout/` on their own hosts: the host tells them apart.
        assert_eq!(by_address("http://127.0.0.1:9/pc/layout/"), None);
        assert_eq!(
            by_address("https://zqb.cyol.com/pc/layout/").map(|p| p.slug),
            Some("zqb")
        );
    }

    #[test]
    fn slugs_are_unique_per_paper_and_every_row_is_well_formed() {
        for p in PAPERS {
            assert!(p.address.contains("{dd}") || p.address.contains("{yyyymmdd}"));
            assert_eq!(p.first.len(), 10);
            for q in PAPERS {
                if p.slug == q.slug {
                    assert_eq!((p.name, p.pinyin), (q.name, q.pinyin));
                }
            }
        }
    }
}
