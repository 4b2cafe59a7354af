//! The plain data at the centre of dubao: library → issue → page → article → paragraphs.
//!
//! Importers produce it, the typesetter, search, bookmarks, the UI and the CLI consume it.
//! No terminal types live here; everything is serde-serialisable and round-trips through
//! `dubao export --json`.

use serde::{Deserialize, Serialize};

/// Everything that is loaded: one or more issues, in date order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub issues: Vec<Issue>,
}

/// One day's paper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// The paper's own name, e.g. `河北日报`.
    pub paper: String,
    /// A short ASCII name for the paper used in ids and folders, e.g. `hebei-daily`.
    pub slug: String,
    /// The issue date as `YYYY-MM-DD`, or empty when unknown.
    pub date: String,
    pub pages: Vec<Page>,
}

/// One printed page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Page number or label as printed (`01`, `A3`, …).
    pub number: String,
    /// The page's section as printed beside its number (`要闻`, `评论`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Lines that belong to the page rather than to one article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<PageLine>,
    pub articles: Vec<Article>,
    /// The printed page as a picture, where the source has one (e-paper sites do).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan: Option<PageScan>,
}

/// The scan of a printed page: its image, its PDF and where each article sits on it.
/// Addresses only; nothing is downloaded at import or fetch unless asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageScan {
    /// Absolute address of the page image (`…/pic/…jpg`), when the page has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Absolute address of the page PDF, when the page has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf: Option<String>,
    /// Each article's area on the image, in the page's article order where known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<ArticleArea>,
}

/// One article's outline on a page scan, in the image's own pixels (an HTML
/// `<area coords>`: `x1,y1,x2,y2` for a rectangle, `x1,y1,x2,y2,…` for a polygon).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleArea {
    /// Index of the article in its page's `articles`.
    pub article: usize,
    pub coords: Vec<i32>,
}

/// A news photo kept with its article: where it is, what it says, where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// Absolute address of the image.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The photo stands before paragraph `at` (`paragraphs.len()` for after the last).
    #[serde(default)]
    pub at: usize,
}

/// A page-level line: series banner, page theme, column label, staff credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLine {
    pub kind: PageLineKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageLineKind {
    /// A series banner such as `抓落实 见行动`.
    Banner,
    /// A page theme.
    Theme,
    /// A column label (栏目) such as `高端访谈`.
    Column,
    /// Staff credits: `本版责编：…`, `版式设计：…`.
    Credit,
    /// Anything else kept from the page.
    Other,
}

/// A stable, readable article id: `<paper slug>/<date>/<page>/<n>`, e.g. `hebei-daily/2022-07-01/01/3`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleKind {
    #[default]
    News,
    Photo,
    Interview,
    Other,
}

/// One article with its whole headline stack. Every field holds the page's own text
/// (after the safety clean-up at import): nothing is re-punctuated here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub kind: ArticleKind,
    /// Column label (栏目) heading this article, e.g. `高端访谈`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// 引题, the line above the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// 主题, the headline.
    pub title: String,
    /// 副题, often opening with `——`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// 电头 at the start of the first paragraph: `河北日报讯(记者…)`, `本报讯`, `新华社…电`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// A byline on its own line: `河北日报记者 单厚军 王永晨`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Photo credit: `河北日报通讯员 苑立伟摄`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Where the article was published online (a feed item's link), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The article's photos, in the order they stand in the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    #[default]
    Text,
    /// An in-article subhead (`核心阅读`, a short section heading).
    Subhead,
    /// A photo caption.
    Caption,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    #[serde(default)]
    pub kind: ParagraphKind,
    /// The speaker label of an interview paragraph as printed, colon included
    /// (`记者:`, `宋华英：`, `问：`); the text then holds what follows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub text: String,
}

impl Paragraph {
    pub fn text(text: impl Into<String>) -> Self {
        Paragraph {
            kind: ParagraphKind::Text,
            speaker: None,
            text: text.into(),
        }
    }
}

/// Names one text field of an article; search hits and typeset spans point into fields
/// with char (not byte) offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "field", content = "index")]
pub enum Field {
    Column,
    Kicker,
    Title,
    Subtitle,
    Dateline,
    Byline,
    /// The speaker label of paragraph N.
    Speaker(usize),
    /// The text of paragraph N.
    Paragraph(usize),
    Credit,
}

impl Field {
    /// A short English name for CLI output (`title`, `paragraph 3`, …).
    pub fn label(self) -> String {
        match self {
            Field::Column => "column".into(),
            Field::Kicker => "kicker".into(),
            Field::Title => "title".into(),
            Field::Subtitle => "subtitle".into(),
            Field::Dateline => "dateline".into(),
            Field::Byline => "byline".into(),
            Field::Speaker(i) => format!("speaker {}", i + 1),
            Field::Paragraph(i) => format!("paragraph {}", i + 1),
            Field::Credit => "credit".into(),
        }
    }
}

impl Article {
    /// The text of one field, if the article has it.
    pub fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::Column => self.column.as_deref(),
            Field::Kicker => self.kicker.as_deref(),
            Field::Title => Some(&self.title),
            Field::Subtitle => self.subtitle.as_deref(),
            Field::Dateline => self.dateline.as_deref(),
            Field::Byline => self.byline.as_deref(),
            Field::Speaker(i) => self.paragraphs.get(i)?.speaker.as_deref(),
            Field::Paragraph(i) => self.paragraphs.get(i).map(|p| p.text.as_str()),
            Field::Credit => self.credit.as_deref(),
        }
    }

    /// Every field the article has, in reading order, with its text.
    pub fn fields(&self) -> Vec<(Field, &str)> {
        let mut out: Vec<(Field, Option<&str>)> = vec![
            (Field::Column, self.column.as_deref()),
            (Field::Kicker, self.kicker.as_deref()),
            (Field::Title, Some(&self.title)),
            (Field::Subtitle, self.subtitle.as_deref()),
            (Field::Byline, self.byline.as_deref()),
            (Field::Dateline, self.dateline.as_deref()),
        ];
        for (i, p) in self.paragraphs.iter().enumerate() {
            out.push((Field::Speaker(i), p.speaker.as_deref()));
            out.push((Field::Paragraph(i), Some(&p.text)));
        }
        out.push((Field::Credit, self.credit.as_deref()));
        out.into_iter()
            .filter_map(|(f, t)| t.map(|t| (f, t)))
            .collect()
    }
}

/// A place in an article that survives re-layout at another width: a field and a char
/// offset into its text. Reading positions and bookmarks store these, not line numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub field: Option<Field>,
    pub offset: usize,
}

/// Where an article sits in a library: issue, page and article indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleRef {
    pub issue: usize,
    pub page: usize,
    pub article: usize,
}

impl Library {
    /// Every article in reading order (issue, page, article).
    pub fn articles(&self) -> impl Iterator<Item = (ArticleRef, &Article)> + '_ {
        self.issues.iter().enumerate().flat_map(|(ii, issue)| {
            issue.pages.iter().enumerate().flat_map(move |(pi, page)| {
                page.articles.iter().enumerate().map(move |(ai, a)| {
                    (
                        ArticleRef {
                            issue: ii,
                            page: pi,
                            article: ai,
                        },
                        a,
                    )
                })
            })
        })
    }

    pub fn get(&self, r: ArticleRef) -> Option<&Article> {
        self.issues
            .get(r.issue)?
            .pages
            .get(r.page)?
            .articles
            .get(r.article)
    }

    pub fn find(&self, id: &str) -> Option<(ArticleRef, &Article)> {
        self.articles().find(|(_, a)| a.id.0 == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        Article {
            id: ArticleId("p/2022-07-01/01/1".into()),
            title: "标题".into(),
            kicker: Some("引题".into()),
            paragraphs: vec![
                Paragraph {
                    kind: ParagraphKind::Text,
                    speaker: Some("记者:".into()),
                    text: "问题?".into(),
                },
                Paragraph::text("正文。"),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn fields_in_reading_order() {
        let a = sample();
        let f: Vec<Field> = a.fields().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            f,
            vec![
                Field::Kicker,
                Field::Title,
                Field::Speaker(0),
                Field::Paragraph(0),
                Field::Paragraph(1)
            ]
        );
        assert_eq!(a.field(Field::Speaker(0)), Some("记者:"));
        assert_eq!(a.field(Field::Subtitle), None);
    }

    #[test]
    fn json_round_trip() {
        let lib = Library {
            issues: vec![Issue {
                paper: "河北日报".into(),
                slug: "hebei-daily".into(),
                date: "2022-07-01".into(),
                pages: vec![Page {
                    scan: None,

                    number: "01".into(),
                    section: None,
                    lines: vec![PageLine {
                        kind: PageLineKind::Banner,
                        text: "抓落实 见行动".into(),
                    }],
                    articles: vec![sample()],
                }],
            }],
        };
        let json = serde_json::to_string(&lib).unwrap();
        let back: Library = serde_json::from_str(&json).unwrap();
        assert_eq!(back, lib);
        assert_eq!(back.find("p/2022-07-01/01/1").unwrap().0.article, 0);
    }
}

/// Small libraries for the tests of the layers above the model.
#[cfg(test)]
pub(crate) mod sample {
    use super::*;

    /// One issue of `测试日报` whose page holds `articles` as (title, paragraphs).
    pub fn library(articles: &[(&str, Vec<String>)]) -> Library {
        let articles = articles
            .iter()
            .enumerate()
            .map(|(i, (title, paras))| Article {
                id: ArticleId(format!("t/2022-07-01/01/{}", i + 1)),
                title: title.to_string(),
                paragraphs: paras.iter().map(|p| Paragraph::text(p.as_str())).collect(),
                ..Default::default()
            })
            .collect();
        Library {
            issues: vec![Issue {
                paper: "测试日报".into(),
                slug: "t".into(),
                date: "2022-07-01".into(),
                pages: vec![Page {
                    scan: None,

                    number: "01".into(),
                    section: None,
                    lines: vec![],
                    articles,
                }],
            }],
        }
    }
}
