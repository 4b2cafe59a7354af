//! `dubao export --json` files read back: the same library, put through the same safety
//! clean-up as page dumps (a JSON file is no more trusted than a text file).

use std::borrow::Cow;

use super::{clean::clean_cow, decode};
use crate::model::{Article, Library};

/// Why bytes are not an export; each a short phrase for `PATH: …`.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Decode(#[from] decode::DecodeError),
    #[error("not a dubao export ({0})")]
    NotExport(#[from] serde_json::Error),
    #[error("this export holds no articles")]
    Empty,
}

/// Parse an export.
pub fn parse(bytes: &[u8]) -> Result<Library, ExportError> {
    let text = decode::decode(bytes)?;
    let mut lib: Library = serde_json::from_str(&text)?;
    clean_library(&mut lib);
    if lib.articles().next().is_none() {
        return Err(ExportError::Empty);
    }
    Ok(lib)
}

/// Clean every string of a library in place.
pub fn clean_library(lib: &mut Library) {
    for issue in &mut lib.issues {
        clean_in_place(&mut issue.paper);
        clean_in_place(&mut issue.slug);
        clean_in_place(&mut issue.date);
        for page in &mut issue.pages {
            clean_in_place(&mut page.number);
            for line in &mut page.lines {
                clean_in_place(&mut line.text);
            }
            for article in &mut page.articles {
                clean_article(article);
            }
        }
    }
}

fn clean_article(a: &mut Article) {
    clean_in_place(&mut a.id.0);
    clean_in_place(&mut a.title);
    for field in [
        &mut a.column,
        &mut a.kicker,
        &mut a.subtitle,
        &mut a.dateline,
        &mut a.byline,
        &mut a.credit,
    ]
    .into_iter()
    .flatten()
    {
        clean_in_place(field);
    }
    for p in &mut a.paragraphs {
        clean_in_place(&mut p.text);
        if let Some(s) = &mut p.speaker {
            clean_in_place(s);
        }
    }
}

fn clean_in_place(s: &mut String) {
    if let Cow::Owned(cleaned) = clean_cow(s) {
        *s = cleaned;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::load_bundled;

    #[test]
    fn an_export_reads_back_equal() {
        let lib = load_bundled();
        let json = serde_json::to_vec_pretty(&lib).unwrap();
        assert_eq!(parse(&json).unwrap(), lib);
    }

    #[test]
    fn escape_sequences_in_an_export_are_removed() {
        let mut lib = load_bundled();
        lib.issues[0].pages[0].articles[0].title = "标\u{1b}]0;pwned\u{7}题\u{202e}".into();
        let json = serde_json::to_vec(&lib).unwrap();
        let back = parse(&json).unwrap();
        assert_eq!(back.issues[0].pages[0].articles[0].title, "标题");
    }

    #[test]
    fn other_json_is_refused_plainly() {
        let err = parse(br#"{"paper": "x", "date": "2022-07-01"}"#).unwrap_err();
        assert!(matches!(err, ExportError::NotExport(_)), "{err}");
        assert!(err.to_string().starts_with("not a dubao export"), "{err}");
        assert!(!err.to_string().contains('\n'));
        let empty = parse(br#"{"issues": []}"#).unwrap_err();
        assert!(matches!(empty, ExportError::Empty));
        assert!(empty.to_string().contains("no articles"));
    }
}
