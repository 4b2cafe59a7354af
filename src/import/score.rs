//! How well a page was split, measured against the true articles beside it, exactly as
//! the development corpus defines it (`../shared/corpus/README.md`): article precision,
//! recall and F1 by headline, paragraph recall inside found articles, and false merges.
//!
//! Headlines are compared with NFKC applied and all whitespace removed; an imported title
//! that also carries the kicker or the subtitle still matches. The page's staff line
//! (`本版责编…`) is neither missed nor extra.

use super::faults::{self, Faults};
pub use super::truth::{Truth, TruthArticle, norm};
use crate::model::{Article, Page};

/// The counts for one page or a sum of pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub pages: usize,
    /// True articles (staff lines left out).
    pub truth: usize,
    /// Imported articles (staff lines left out).
    pub imported: usize,
    pub found: usize,
    /// Truth paragraphs of found articles, and how many stand whole in one imported one.
    pub paragraphs: usize,
    pub paragraphs_whole: usize,
    pub false_merges: usize,
    /// Titles of true articles not found, and of imported articles matching none.
    pub missed: Vec<String>,
    pub extra: Vec<String>,
    /// Truth paragraphs of found articles not found whole, and imported paragraphs
    /// holding two whole truth paragraphs.
    pub lost: Vec<String>,
    pub merged: Vec<String>,
    /// Empty and dash titles, moved datelines, wrong stack roles, swallowed articles.
    pub faults: Faults,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.found, self.imported)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.truth)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn paragraph_recall(&self) -> f64 {
        ratio(self.paragraphs_whole, self.paragraphs)
    }
    /// False merges per true article.
    pub fn merge_rate(&self) -> f64 {
        ratio(self.false_merges, self.truth)
    }

    /// Add another score's counts (the title lists are not carried).
    pub fn add(&mut self, other: &Score) {
        self.pages += other.pages;
        self.truth += other.truth;
        self.imported += other.imported;
        self.found += other.found;
        self.paragraphs += other.paragraphs;
        self.paragraphs_whole += other.paragraphs_whole;
        self.false_merges += other.false_merges;
        self.faults.add(&other.faults);
    }

    /// The share of found articles whose kicker, title and subtitle are all right.
    pub fn stacks_right(&self) -> f64 {
        1.0 - ratio(self.faults.stacks_wrong, self.found.max(1))
    }

    /// One line of figures: `P R F1 para-recall merges`.
    pub fn line(&self) -> String {
        format!(
            "pages {:>3}  articles {:>4}/{:<4} found {:>4}  P {:.3}  R {:.3}  F1 {:.3}  para {:.3} ({}/{})  merges {} ({:.2}%)",
            self.pages,
            self.imported,
            self.truth,
            self.found,
            self.precision(),
            self.recall(),
            self.f1(),
            self.paragraph_recall(),
            self.paragraphs_whole,
            self.paragraphs,
            self.false_merges,
            100.0 * self.merge_rate()
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores of a corpus folder, per `(source, style)`: `source` is the file name up to its
/// first `-` (`rmrb-20260505-04.truth.json` → `rmrb`), `style` is `blank` or `indent`.
pub type CorpusScores = std::collections::BTreeMap<(String, String), Score>;

/// Import and score every `<name>.{blank,indent}.txt` beside a `<name>.truth.json` in
/// `dir`, calling `each(name, style, score)` per page. A page that cannot be read or
/// decoded is an error naming it.
pub fn score_corpus(
    dir: &std::path::Path,
    mut each: impl FnMut(&str, &str, &Score),
) -> Result<CorpusScores, String> {
    let what = |p: &std::path::Path, e: &dyn std::fmt::Display| format!("{}: {e}", p.display());
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| what(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    names.sort();
    let mut scores = CorpusScores::new();
    for truth_path in &names {
        let bytes = std::fs::read(truth_path).map_err(|e| what(truth_path, &e))?;
        let truth: Truth = serde_json::from_slice(&bytes).map_err(|e| what(truth_path, &e))?;
        let stem = truth_path.to_string_lossy();
        let stem = stem.trim_end_matches(".truth.json");
        let name = stem.rsplit('/').next().unwrap_or_default();
        let source = name.split('-').next().unwrap_or_default();
        for style in ["blank", "indent"] {
            let path = std::path::PathBuf::from(format!("{stem}.{style}.txt"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text = super::decode::decode(&bytes).map_err(|e| what(&path, &e))?;
            let page = super::parse_page(&text, source, "", "01");
            let s = score_page(&truth, &page);
            each(name, style, &s);
            scores
                .entry((source.to_owned(), style.to_owned()))
                .or_default()
                .add(&s);
        }
    }
    Ok(scores)
}

/// A staff line: `本版责编：…`, `一版责编：…`.
fn is_staff_line(text: &str) -> bool {
    let t = norm(text);
    let head: String = t.chars().take(8).map(super::script::fold_char).collect();
    head.contains("责编") || head.contains("责任编辑")
}

fn imported_is_staff(a: &Article) -> bool {
    is_staff_line(&a.title)
        || a.paragraphs.first().is_some_and(|p| {
            a.title.trim().is_empty() && a.paragraphs.len() == 1 && is_staff_line(&p.text)
        })
}

/// Whether an imported article's title is the true headline (alone, or joined with its
/// kicker and/or subtitle).
fn title_matches(imported: &str, t: &TruthArticle) -> bool {
    let got = norm(imported);
    let (k, h, s) = (norm(&t.kicker), norm(&t.title), norm(&t.subtitle));
    got == h
        || (!k.is_empty() && got == format!("{k}{h}"))
        || (!s.is_empty() && got == format!("{h}{s}"))
        || (!k.is_empty() && !s.is_empty() && got == format!("{k}{h}{s}"))
}

/// An imported article's paragraphs as printed: speaker labels put back, and the
/// dateline put back at the start of the first.
fn imported_paragraphs(a: &Article) -> Vec<String> {
    let mut out: Vec<String> = a
        .paragraphs
        .iter()
        .map(|p| {
            let mut s = p.speaker.clone().unwrap_or_default();
            s.push_str(&p.text);
            norm(&s)
        })
        .collect();
    if let Some(d) = &a.dateline {
        match out.first_mut() {
            Some(first) => first.insert_str(0, &norm(d)),
            None => out.push(norm(d)),
        }
    }
    out
}

/// Score one imported page against its truth.
pub fn score_page(truth: &Truth, page: &Page) -> Score {
    let mut s = Score {
        pages: 1,
        ..Score::default()
    };
    let articles: Vec<&Article> = page
        .articles
        .iter()
        .filter(|a| !imported_is_staff(a))
        .collect();
    s.imported = articles.len();
    let paras: Vec<Vec<String>> = articles.iter().map(|a| imported_paragraphs(a)).collect();
    let mut matched = vec![false; articles.len()];
    let truths: Vec<&TruthArticle> = truth.articles.iter().filter(|t| !t.credit).collect();
    let mut matches = Vec::with_capacity(truths.len());
    for t in truths.iter().copied() {
        s.truth += 1;
        let hit =
            (0..articles.len()).find(|&i| !matched[i] && title_matches(&articles[i].title, t));
        matches.push(hit);
        let Some(i) = hit else {
            s.missed.push(t.title.clone());
            continue;
        };
        matched[i] = true;
        s.found += 1;
        for p in &t.paragraphs {
            let p = norm(p);
            s.paragraphs += 1;
            if paras[i].iter().any(|q| q.contains(&p)) {
                s.paragraphs_whole += 1;
            } else {
                s.lost.push(p);
            }
        }
    }
    for (i, a) in articles.iter().enumerate() {
        if !matched[i] {
            s.extra.push(a.title.clone());
        }
    }
    let long: Vec<String> = truth
        .articles
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(|p| norm(p))
        .filter(|p| p.chars().count() > 30)
        .collect();
    s.merged = paras
        .iter()
        .flatten()
        .filter(|q| holds_two(q, &long))
        .cloned()
        .collect();
    s.false_merges = s.merged.len();
    s.faults = faults::count(&truths, &articles, &matches, &paras);
    s
}

/// Whether `para` holds two whole truth paragraphs at different places.
fn holds_two(para: &str, long: &[String]) -> bool {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for p in long {
        if let Some(at) = para.find(p.as_str()) {
            let span = (at, at + p.len());
            if spans.iter().any(|&(a, b)| span.0 >= b || span.1 <= a) {
                return true;
            }
            spans.push(span);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Paragraph};

    fn article(title: &str, paras: &[&str]) -> Article {
        Article {
            id: ArticleId("x".into()),
            title: title.into(),
            paragraphs: paras.iter().map(|p| Paragraph::text(*p)).collect(),
            ..Article::default()
        }
    }

    fn truth(title: &str, kicker: &str, paras: &[&str]) -> TruthArticle {
        TruthArticle {
            kicker: kicker.into(),
            title: title.into(),
            paragraphs: paras.iter().map(|p| p.to_string()).collect(),
            ..TruthArticle::default()
        }
    }

    const LONG_A: &str =
        "这是第一段相当长的正文，它一共有超过三十个字符，所以会被当作长段落来计算合并。";
    const LONG_B: &str =
        "这是第二段相当长的正文，它同样有超过三十个字符，所以也会被当作长段落来计算。";

    #[test]
    fn titles_match_with_width_and_spaces_ignored_and_stacks_joined() {
        let t = truth("汇聚力量 从身边出发", "引题——", &[]);
        assert!(title_matches("汇聚力量从身边出发", &t));
        assert!(title_matches("引题—— 汇聚力量　从身边出发", &t));
        assert!(!title_matches("汇聚力量", &t));
    }

    #[test]
    fn found_missed_extra_and_merges() {
        let truth = Truth {
            articles: vec![
                truth("甲", "", &[LONG_A, LONG_B]),
                truth("乙", "", &["短。"]),
                TruthArticle {
                    title: "本版责编：某某".into(),
                    credit: true,
                    ..TruthArticle::default()
                },
            ],
            cuts: 0,
        };
        let merged = format!("{LONG_A}{LONG_B}");
        let page = Page {
            articles: vec![
                article("甲", &[&merged]),
                article("丙", &["短。"]),
                article("本版责编：某某", &[]),
            ],
            ..Page::default()
        };
        let s = score_page(&truth, &page);
        assert_eq!((s.truth, s.imported, s.found), (2, 2, 1));
        assert_eq!((s.paragraphs, s.paragraphs_whole), (2, 2));
        assert_eq!(s.false_merges, 1);
        assert_eq!(s.missed, vec!["乙".to_string()]);
        assert_eq!(s.extra, vec!["丙".to_string()]);
        assert!((s.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_lifted_dateline_counts_as_part_of_the_first_paragraph() {
        let truth = Truth {
            articles: vec![truth("甲", "", &["本报北京5月4日电  （记者某某）正文。"])],
            cuts: 0,
        };
        let mut a = article("甲", &["正文。"]);
        a.dateline = Some("本报北京5月4日电  （记者某某）".into());
        let page = Page {
            articles: vec![a],
            ..Page::default()
        };
        assert_eq!(score_page(&truth, &page).paragraph_recall(), 1.0);
    }
}
