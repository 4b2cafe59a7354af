//! What `list` and `search` are narrowed to, read as the reader reads it: a paper by
//! slug, name or pinyin initials (`rmrb`), dates in the one grammar of
//! [`crate::text::date`] (`2023`, `2023-07`, `2023-07-03`, ranges with `..`), and the
//! search filters typed before a colon (`dubao search 'rmrb 2023-08: 农业'`). An unknown
//! paper or an impossible date is an error saying so, never an empty answer.

use anyhow::Result;

use crate::app::query::{Paper, SearchLine, match_paper, papers, parse_search};
use crate::library::{SearchQuery, Shelf};
use crate::text::date::{self, DateRange};

/// `--paper X: no such paper; there are: 河北日报 (hebei-daily), …`.
fn no_such_paper(flag: &str, word: &str, papers: &[Paper]) -> anyhow::Error {
    if papers.is_empty() {
        return anyhow::anyhow!("{flag}{word}: no such paper (the library holds none)");
    }
    let names: Vec<String> = papers
        .iter()
        .map(|p| format!("{} ({})", p.name, p.slug))
        .collect();
    anyhow::anyhow!(
        "{flag}{word}: no such paper; there are: {}",
        names.join(", ")
    )
}

/// The slug of the paper `word` names on `shelf`, or an error naming the papers there.
pub fn paper(shelf: &dyn Shelf, word: Option<&str>) -> Result<Option<String>> {
    let Some(word) = word.filter(|w| !w.trim().is_empty()) else {
        return Ok(None);
    };
    let papers = papers(&shelf.issues());
    match match_paper(&papers, word) {
        Some(p) => Ok(Some(p.slug.clone())),
        None => Err(no_such_paper("--paper ", word, &papers)),
    }
}

/// The days `--date` (a day, a month, a year or a range), or `--from` (from the first
/// day of what it names) and `--to` (to the last) span.
pub fn dates(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> Result<DateRange> {
    let err = |flag: &str, e: date::DateError| anyhow::anyhow!("{flag} {e}");
    if let Some(d) = date {
        return date::parse_range(d).map_err(|e| err("--date", e));
    }
    let from = from
        .map(|f| date::parse_span(f).map_err(|e| err("--from", e)))
        .transpose()?;
    let to = to
        .map(|t| date::parse_span(t).map_err(|e| err("--to", e)))
        .transpose()?;
    let range = DateRange {
        from: from.map(|s| s.first),
        to: to.map(|s| s.last),
    };
    if let (Some(f), Some(t)) = (range.from, range.to)
        && f > t
    {
        anyhow::bail!("--from is after --to: nothing can be found between them");
    }
    Ok(range)
}

/// Whether a word before the colon looks meant as a date (so a bad one is an error).
fn date_like(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || word.starts_with("..")
}

/// A search as typed, filters before a colon taken as the reader takes them. When the
/// words before the colon are dates and papers but one of them is wrong (`2023-02-31`,
/// a paper not here), that is an error rather than a search for the whole line.
pub fn search_line(query: &str, papers: &[Paper]) -> Result<SearchLine> {
    let line = parse_search(query, papers);
    if line.text != query {
        return Ok(line);
    }
    let Some((head, _)) = query.split_once(':') else {
        return Ok(line);
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let dated = words
        .iter()
        .filter(|w| date_like(w))
        .map(|w| date::parse_range(w))
        .collect::<Vec<_>>();
    if dated.is_empty() {
        return Ok(line);
    }
    if let Some(Err(e)) = dated.iter().find(|r| r.is_err()) {
        anyhow::bail!("{e}");
    }
    // Every date is good: the word that is not is a paper not on the shelf.
    if let Some(w) = words
        .iter()
        .find(|w| !date_like(w) && match_paper(papers, w).is_none())
    {
        return Err(no_such_paper("", w, papers));
    }
    Ok(line)
}

/// `dubao search QUERY [--paper P] [--from D] [--to D]`: the flags win over the same
/// filter typed before the colon.
pub fn query(
    shelf: &dyn Shelf,
    query: &str,
    paper_flag: &Option<String>,
    from: &Option<String>,
    to: &Option<String>,
) -> Result<SearchQuery> {
    let line = search_line(query, &papers(&shelf.issues()))?;
    if line.text.trim().is_empty() {
        anyhow::bail!("empty query: give the words to look for, e.g. `dubao search 冰雪`");
    }
    let range = dates(None, from.as_deref(), to.as_deref())?;
    let paper = paper(shelf, paper_flag.as_deref())?.or(line.paper.map(|p| p.slug));
    Ok(SearchQuery {
        text: line.text,
        paper,
        from: range.from_str().or(line.from),
        to: range.to_str().or(line.to),
        limit: 0,
        offset: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shelf() -> Vec<Paper> {
        vec![Paper::new("renmin", "人民日报")]
    }

    #[test]
    fn flags_take_the_one_grammar() {
        let r = dates(None, Some("2023-07"), Some("2023-08")).unwrap();
        assert_eq!(r.from_str().as_deref(), Some("2023-07-01"));
        assert_eq!(r.to_str().as_deref(), Some("2023-08-31"));
        let r = dates(Some("2023-02"), None, None).unwrap();
        assert_eq!(r.to_str().as_deref(), Some("2023-02-28"));
        let e = dates(None, Some("2023-13-01"), None)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("--from ") && e.contains("no month 13"), "{e}");
        let e = dates(Some("2023-02-31"), None, None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("no day 31"), "{e}");
        assert!(dates(None, Some("2023-08"), Some("2023-07")).is_err());
    }

    #[test]
    fn search_filters_before_a_colon_or_an_error_saying_which_word_is_wrong() {
        let p = shelf();
        let s = search_line("rmrb 2023-08: 农业", &p).unwrap();
        assert_eq!(
            (s.text.as_str(), s.from.as_deref()),
            ("农业", Some("2023-08-01"))
        );
        assert_eq!(search_line("本版责编:李", &p).unwrap().text, "本版责编:李");
        let e = search_line("rmrb 2023-02-31: 农业", &p).unwrap_err();
        assert!(e.to_string().contains("no day 31"), "{e}");
        let e = search_line("nosuch 2023: 农业", &p).unwrap_err();
        assert!(e.to_string().contains("人民日报 (renmin)"), "{e}");
    }
}
