//! Search reads traditional and simplified as one (issue 23): the shelf lists exactly the
//! articles whose folded text holds the folded query (brute force, over an alphabet of
//! both scripts), hits cover the chars as printed, and a substring typed in the other
//! script finds exactly the articles it finds in its own: 200 random substrings of this
//! crate's fixtures always, and of the development corpus when `../shared` is there.

use crate::typeset_corpus as corpus;
use crate::typeset_fixtures as fixtures;

use dubao::library::memory::MemoryShelf;
use dubao::library::{SearchQuery, Shelf};
use dubao::model::{Article, ArticleId, Issue, Library, Page, Paragraph};
use dubao::search::{hits, normalize};
use dubao::text::script::{Script, convert_article, convert_line};
use proptest::prelude::*;

/// Both scripts of a few words (台湾/臺灣/台灣, 发展/發展, 头发/頭髮, 里/裡/裏), and marks.
const ALPHABET: &[&str] = &[
    "台", "臺", "湾", "灣", "发", "發", "髮", "展", "头", "頭", "里", "裡", "裏", "面", "「", "」",
    "，", " ",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max).prop_map(|v| v.concat())
}

fn library_of(articles: Vec<Article>) -> Library {
    let articles = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| Article {
            id: ArticleId(format!("t/2022-07-01/01/{}", i + 1)),
            ..a
        })
        .collect();
    Library {
        issues: vec![Issue {
            pages: vec![Page {
                articles,
                ..Default::default()
            }],
            ..Default::default()
        }],
    }
}

fn library() -> impl Strategy<Value = Library> {
    // Paragraphs end a sentence, so none runs on into the next.
    let article =
        (text(6), prop::collection::vec(text(10), 0..3)).prop_map(|(title, paras)| Article {
            title,
            paragraphs: paras
                .into_iter()
                .map(|p| Paragraph::text(p + "。"))
                .collect(),
            ..Default::default()
        });
    prop::collection::vec(article, 0..8).prop_map(library_of)
}

fn ids(shelf: &dyn Shelf, text: &str) -> Vec<String> {
    let q = SearchQuery {
        text: text.to_string(),
        ..Default::default()
    };
    let mut v: Vec<String> = shelf
        .search(&q)
        .unwrap()
        .into_iter()
        .map(|h| h.id.0)
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The engine finds exactly what brute force finds in the folded text, and a hit
    /// covers source chars that fold, char by char, to the query.
    #[test]
    fn the_shelf_finds_what_brute_force_finds_in_folded_text(
        lib in library(),
        q in text(4),
    ) {
        let folded = normalize(&q);
        prop_assume!(!folded.is_empty());
        let shelf = MemoryShelf::new(lib.clone());
        let mut want: Vec<String> = lib
            .articles()
            .filter(|(_, a)| a.fields().iter().any(|(_, t)| normalize(t).contains(&folded)))
            .map(|(_, a)| a.id.0.clone())
            .collect();
        want.sort();
        prop_assert_eq!(ids(&shelf, &q), want);
        for (_, a) in lib.articles() {
            for h in hits(a, &q) {
                let covered: String = a.field(h.field).unwrap().chars()
                    .skip(h.start).take(h.end - h.start).collect();
                prop_assert_eq!(normalize(&covered), folded.clone());
            }
        }
    }
}

/// `n` substrings of 1 to 6 chars of the articles' paragraphs, from a fixed seed.
fn substrings(arts: &[Article], n: usize) -> Vec<String> {
    let mut rng = crate::support::Rng(23);
    let mut out = Vec::new();
    while out.len() < n {
        let a = &arts[(rng.next() % arts.len() as u64) as usize];
        let Some(p) = a.paragraphs.get((rng.next() % 8) as usize) else {
            continue;
        };
        let chars: Vec<char> = p.text.chars().collect();
        let len = 1 + (rng.next() % 6) as usize;
        if chars.len() <= len {
            continue;
        }
        let at = (rng.next() % (chars.len() - len) as u64) as usize;
        let s: String = chars[at..at + len].iter().collect();
        if !normalize(&s).is_empty() {
            out.push(s);
        }
    }
    out
}

/// On a library of `arts` (simplified) and of the same converted to traditional: every
/// substring, typed simplified or traditional, finds the same articles.
fn other_script_finds_the_same(name: &str, arts: Vec<Article>) {
    let simplified = library_of(arts.clone());
    let traditional = library_of(
        arts.iter()
            .map(|a| convert_article(a, Script::Traditional).into_owned())
            .collect(),
    );
    let (s, t) = (MemoryShelf::new(simplified), MemoryShelf::new(traditional));
    let mut changed = 0;
    for q in substrings(&arts, 200) {
        let other = convert_line(&q, Script::Traditional).into_owned();
        changed += usize::from(other != q);
        let want = ids(&s, &q);
        assert!(!want.is_empty(), "{name}: {q:?} is in the text");
        assert_eq!(ids(&s, &other), want, "{name}: {other:?} for {q:?}");
        assert_eq!(ids(&t, &q), ids(&t, &other), "{name}: {q:?} in traditional");
        assert_eq!(
            ids(&t, &q),
            want,
            "{name}: {q:?}, simplified and traditional pages"
        );
    }
    eprintln!("{name}: 200 substrings, {changed} of them other in traditional");
    assert!(changed > 100, "{name}: most substrings change script");
}

#[test]
fn fixtures_typed_in_the_other_script_find_the_same() {
    let mut arts = fixtures::articles();
    arts.extend(
        dubao::import::load_bundled()
            .articles()
            .map(|(_, a)| a.clone()),
    );
    other_script_finds_the_same("fixtures", arts);
}

#[test]
fn corpus_typed_in_the_other_script_finds_the_same() {
    let Some(shared) = corpus::shared_dir() else {
        println!("SKIPPED: ../shared not found");
        return;
    };
    let arts = corpus::articles(&shared.join("corpus/pages"));
    if arts.is_empty() {
        println!("SKIPPED: ../shared not found");
        return;
    }
    other_script_finds_the_same("corpus", arts);
}
