//! The faults a reader sees beyond article F1, counted by the scorer on one page: titles
//! left empty or opening with `——`, datelines that went to another article, headline
//! stacks whose roles (kicker, title, subtitle) differ from the truth, and true articles
//! swallowed into another one.

use super::split_dateline;
use super::truth::{TruthArticle, norm};
use crate::model::Article;

/// The fault counts of one page or a sum of pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Faults {
    /// Imported articles with no title.
    pub empty_titles: usize,
    /// Imported titles opening with a dash (a 副题 taken for the 主题).
    pub dash_titles: usize,
    /// Datelines a found article holds that are not its own, or that it lost to an
    /// article matching no true one.
    pub datelines_moved: usize,
    /// Found articles whose kicker, title or subtitle differs from the truth; and each
    /// role counted alone.
    pub stacks_wrong: usize,
    pub kickers_wrong: usize,
    pub titles_wrong: usize,
    pub subtitles_wrong: usize,
    /// True articles not found whose text stands inside another imported article.
    pub swallowed: usize,
    /// What went wrong, one line each, for `--verbose`.
    pub notes: Vec<String>,
}

impl Faults {
    /// Add another page's counts (the notes are not carried).
    pub fn add(&mut self, o: &Faults) {
        self.empty_titles += o.empty_titles;
        self.dash_titles += o.dash_titles;
        self.datelines_moved += o.datelines_moved;
        self.stacks_wrong += o.stacks_wrong;
        self.kickers_wrong += o.kickers_wrong;
        self.titles_wrong += o.titles_wrong;
        self.subtitles_wrong += o.subtitles_wrong;
        self.swallowed += o.swallowed;
    }

    /// Whether nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.empty_titles + self.dash_titles + self.datelines_moved + self.stacks_wrong == 0
            && self.swallowed == 0
    }

    /// One line of counts.
    pub fn line(&self) -> String {
        format!(
            "empty {}  dash {}  dateline-moved {}  stack-wrong {} (k {} t {} s {})  swallowed {}",
            self.empty_titles,
            self.dash_titles,
            self.datelines_moved,
            self.stacks_wrong,
            self.kickers_wrong,
            self.titles_wrong,
            self.subtitles_wrong,
            self.swallowed
        )
    }
}

/// Count the faults of a page. `articles` are the imported articles (staff lines left
/// out), `truth` the true ones, and `matches[i]` the imported article found for truth
/// article `i`, if any.
pub fn count(
    truth: &[&TruthArticle],
    articles: &[&Article],
    matches: &[Option<usize>],
    paras: &[Vec<String>],
) -> Faults {
    let mut f = Faults::default();
    for a in articles {
        if norm(&a.title).is_empty() {
            f.empty_titles += 1;
            f.notes.push(format!(
                "empty title over: {}",
                short(
                    &a.paragraphs
                        .first()
                        .map(|p| p.text.clone())
                        .unwrap_or_default()
                )
            ));
        }
        if super::is_dash_subtitle(a.title.trim_start()) {
            f.dash_titles += 1;
            f.notes.push(format!("dash title: {}", short(&a.title)));
        }
    }
    let mut matched = vec![false; articles.len()];
    for &i in matches.iter().flatten() {
        matched[i] = true;
    }
    for (t, m) in truth.iter().zip(matches) {
        match *m {
            Some(i) => {
                stack_roles(&mut f, t, articles[i]);
                moved_datelines(&mut f, t, articles, i, &matched);
            }
            None => swallowed(&mut f, t, paras, &matched),
        }
    }
    f
}

fn short(t: &str) -> String {
    t.chars().take(30).collect()
}

/// A subtitle compared without its leading dash (a feed stores it bare).
fn bare_subtitle(t: &str) -> String {
    norm(t)
        .trim_start_matches(['—', '⸺', '─', '－', '-'])
        .to_owned()
}

fn stack_roles(f: &mut Faults, t: &TruthArticle, a: &Article) {
    let got_kicker = a.kicker.as_deref().map(norm).unwrap_or_default();
    let column = a.column.as_deref().map(norm).unwrap_or_default();
    let want_kicker = norm(&t.kicker);
    // A column tag given as the kicker (`【大美中国】`) may stand in the column field.
    let kicker_ok = got_kicker == want_kicker || (got_kicker.is_empty() && column == want_kicker);
    let title_ok = norm(&a.title) == norm(&t.title);
    let subtitle_ok =
        bare_subtitle(a.subtitle.as_deref().unwrap_or_default()) == bare_subtitle(&t.subtitle);
    f.kickers_wrong += usize::from(!kicker_ok);
    f.titles_wrong += usize::from(!title_ok);
    f.subtitles_wrong += usize::from(!subtitle_ok);
    if !(kicker_ok && title_ok && subtitle_ok) {
        f.stacks_wrong += 1;
        f.notes.push(format!(
            "stack: got {:?} | {} | {:?}  want {:?} | {} | {:?}",
            a.kicker.as_deref().unwrap_or_default(),
            a.title,
            a.subtitle.as_deref().unwrap_or_default(),
            t.kicker,
            t.title,
            t.subtitle
        ));
    }
}

/// The datelines in a run of paragraphs: each paragraph opening with one, or made of one
/// in brackets (`（新华社北京5月2日电）`), normalised.
pub fn datelines<'a>(paras: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    paras
        .into_iter()
        .filter_map(|p| split_dateline(p).map(|(d, _)| d).or_else(|| closing(p)))
        .map(norm)
        .collect()
}

/// A dateline alone in brackets, closing a story.
fn closing(p: &str) -> Option<&str> {
    let inner = p
        .trim()
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim();
    split_dateline(inner)
        .filter(|(_, rest)| rest.is_empty())
        .map(|(d, _)| d)
}

fn imported_datelines(a: &Article) -> Vec<String> {
    let mut out: Vec<String> = a.dateline.iter().map(|d| norm(d)).collect();
    let rest = datelines(a.paragraphs.iter().map(|p| p.text.as_str()));
    out.extend(rest);
    out
}

/// Take each of `b` out of `a` once; what is left of `a`.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: Vec<Option<&String>> = b.iter().map(Some).collect();
    a.iter()
        .filter(
            |x| match left.iter_mut().find(|y| y.is_some_and(|y| y == *x)) {
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            },
        )
        .cloned()
        .collect()
}

fn moved_datelines(
    f: &mut Faults,
    t: &TruthArticle,
    articles: &[&Article],
    i: usize,
    matched: &[bool],
) {
    let want = datelines(t.paragraphs.iter().map(String::as_str));
    let got = imported_datelines(articles[i]);
    let extra = minus(&got, &want);
    for d in &extra {
        f.notes
            .push(format!("dateline not its own in {}: {d}", short(&t.title)));
    }
    // Lost to an article that matches no true one (one that does counts it as extra).
    let lost: Vec<String> = minus(&want, &got)
        .into_iter()
        .filter(|d| {
            (0..articles.len())
                .any(|j| j != i && !matched[j] && imported_datelines(articles[j]).contains(d))
        })
        .collect();
    for d in &lost {
        f.notes
            .push(format!("dateline lost by {}: {d}", short(&t.title)));
    }
    f.datelines_moved += extra.len() + lost.len();
}

/// A true article not found is swallowed when one of its paragraphs stands inside an
/// imported article that was found as another one.
fn swallowed(f: &mut Faults, t: &TruthArticle, paras: &[Vec<String>], matched: &[bool]) {
    let probe: Vec<String> = t
        .paragraphs
        .iter()
        .map(|p| norm(p))
        .filter(|p| p.chars().count() >= 12)
        .take(3)
        .collect();
    let inside = paras
        .iter()
        .zip(matched)
        .filter(|(_, m)| **m)
        .any(|(ps, _)| {
            probe
                .iter()
                .any(|p| ps.iter().any(|q| q.contains(p.as_str())))
        });
    if inside {
        f.swallowed += 1;
        f.notes.push(format!("swallowed: {}", t.title));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Paragraph};

    fn article(kicker: &str, title: &str, subtitle: &str, paras: &[&str]) -> Article {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Article {
            id: ArticleId("x".into()),
            kicker: opt(kicker),
            title: title.into(),
            subtitle: opt(subtitle),
            paragraphs: paras.iter().map(|p| Paragraph::text(*p)).collect(),
            ..Article::default()
        }
    }

    fn truth(kicker: &str, title: &str, subtitle: &str, paras: &[&str]) -> TruthArticle {
        TruthArticle {
            kicker: kicker.into(),
            title: title.into(),
            subtitle: subtitle.into(),
            paragraphs: paras.iter().map(|p| p.to_string()).collect(),
            ..TruthArticle::default()
        }
    }

    fn paras(a: &[&Article]) -> Vec<Vec<String>> {
        a.iter()
            .map(|a| a.paragraphs.iter().map(|p| norm(&p.text)).collect())
            .collect()
    }

    #[test]
    fn empty_and_dash_titles_are_counted() {
        let (a, b) = (
            article("", "", "", &["正文。"]),
            article("", "——副题", "", &["正文。"]),
        );
        let arts = [&a, &b];
        let f = count(&[], &arts, &[], &paras(&arts));
        assert_eq!((f.empty_titles, f.dash_titles), (1, 1));
    }

    #[test]
    fn each_role_of_a_stack_is_compared() {
        let t = truth("", "主题", "——副题", &["正文。"]);
        let swapped = article("主题", "副题", "", &["正文。"]);
        let bare = article("", "主题", "副题", &["正文。"]);
        let f = count(&[&t], &[&swapped], &[Some(0)], &paras(&[&swapped]));
        assert_eq!(
            (
                f.stacks_wrong,
                f.kickers_wrong,
                f.titles_wrong,
                f.subtitles_wrong
            ),
            (1, 1, 1, 1)
        );
        let f = count(&[&t], &[&bare], &[Some(0)], &paras(&[&bare]));
        assert_eq!(
            f.stacks_wrong, 0,
            "a subtitle stored without its dash is right"
        );
    }

    #[test]
    fn a_closing_dateline_taken_by_the_next_story_is_moved() {
        let t1 = truth("", "甲", "", &["正文一。", "新华社杭州5月2日电"]);
        let t2 = truth("", "乙", "", &["正文二。"]);
        let mut a2 = article("", "乙", "", &["正文二。"]);
        a2.dateline = Some("新华社杭州5月2日电".into());
        let a1 = article("", "甲", "", &["正文一。"]);
        let arts = [&a1, &a2];
        let f = count(&[&t1, &t2], &arts, &[Some(0), Some(1)], &paras(&arts));
        assert_eq!(f.datelines_moved, 1);
        assert_eq!(
            datelines(["（新华社北京5月2日电）"]),
            vec!["新华社北京5月2日电".to_string()]
        );
    }

    #[test]
    fn an_article_inside_another_is_swallowed() {
        let t1 = truth("", "甲", "", &["第一篇的正文写得很长很长很长。"]);
        let t2 = truth("", "乙", "", &["第二篇的正文也写得很长很长很长。"]);
        let a = article(
            "",
            "甲",
            "",
            &[
                "第一篇的正文写得很长很长很长。",
                "乙",
                "第二篇的正文也写得很长很长很长。",
            ],
        );
        let f = count(&[&t1, &t2], &[&a], &[Some(0), None], &paras(&[&a]));
        assert_eq!(f.swallowed, 1);
    }
}
