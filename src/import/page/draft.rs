//! An article while its page is being read, and how it is finished: the dateline split
//! off the first paragraph, interview speakers split off theirs, photo captions marked,
//! the kind decided and the id given.

use super::{dateline, rules, signature, speaker};
use crate::model::{Article, ArticleId, ArticleKind, Paragraph, ParagraphKind};

/// A paragraph being gathered; column-cut blocks are appended to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftPara {
    pub kind: ParagraphKind,
    pub text: String,
    /// Known to be whole though it ends with no full stop: nothing continues it.
    pub complete: bool,
    /// Whether the paragraph opened with a full-width indent.
    pub indented: bool,
}

/// An article being gathered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub column: Option<String>,
    pub kicker: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    pub credit: Option<String>,
    /// How many paragraphs the article had when its photo credit came, if it came after
    /// them: the paragraph before it is the caption.
    pub credit_after: Option<usize>,
    pub paras: Vec<DraftPara>,
    /// The title is a copy of the opening clause: the page printed no headline.
    pub headless: bool,
}

/// A block opening on a date or a time word, as paragraphs do and the rest of a
/// paragraph cut by a column seldom does.
fn opens_on_time(text: &str) -> bool {
    const WORDS: [&str; 8] = [
        "如今，",
        "近日，",
        "目前，",
        "当前，",
        "近年来，",
        "今年以来，",
        "日前，",
        "此前，",
    ];
    if WORDS
        .iter()
        .any(|w| crate::import::script::fold_head(text, 16).starts_with(w))
    {
        return true;
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=4).contains(&digits) && text[digits..].starts_with(['年', '月'])
}

/// A block ending on a closing book-title mark or bracket (`…备忘录》`, `…（上）`) ended its
/// paragraph: a printed column is not cut right after one.
fn closes_quote(text: &str) -> bool {
    text.trim_end_matches(rules::is_space)
        .ends_with(['》', '）', ')', '】'])
}

impl Draft {
    pub fn push(&mut self, kind: ParagraphKind, text: &str) {
        self.paras.push(DraftPara {
            kind,
            text: text.to_owned(),
            indented: false,
            complete: false,
        });
    }

    /// Whether the article has a headline of its own.
    pub fn has_head(&self) -> bool {
        !self.title.is_empty() || self.kicker.is_some() || self.subtitle.is_some()
    }

    /// Whether the last paragraph stops mid-sentence, so a following block continues it.
    pub fn is_open(&self) -> bool {
        self.paras.last().is_some_and(|p| {
            p.kind == ParagraphKind::Text
                && !rules::ends_sentence(&p.text)
                && !closes_quote(&p.text)
                // A sub-story's byline kept as a paragraph is complete.
                && !rules::is_byline(&p.text)
                && !signature::is_bare_name(&p.text)
                && !signature::is_signature(&p.text)
                // A paragraph ending on a dash introduces what follows (`分为3类——`).
                && (!p.text.ends_with("——") || rules::at_most(&p.text, 30))
        }) && !self.ends_with_lead()
    }

    /// Whether the last paragraph is a lead printed without a full stop: one known to be
    /// whole (a deck the page prints twice), or a lead that restates the subhead just
    /// above it.
    fn ends_with_lead(&self) -> bool {
        let n = self.paras.len();
        let Some(last) = self.paras.last() else {
            return false;
        };
        let restates = n >= 2
            && self.paras[n - 2].kind == ParagraphKind::Subhead
            && last.text.starts_with(self.paras[n - 2].text.as_str());
        last.complete || restates
    }

    /// Whether `next` can go on the last paragraph: it is open, and `next` does not open
    /// on a date or time the way a new paragraph does (`2013年11月，…`, `如今，…`).
    pub fn continues_with(&self, next: &str) -> bool {
        // A dateline (`本报北京6月5日电`) opens a paragraph, never goes on with one.
        self.is_open() && !opens_on_time(next) && !dateline::starts_with_dateline(next)
    }

    /// Whether the last paragraph is a dateline standing alone (`本报江城6月2日电`) after
    /// other text: it opens the next story, whose headline follows it.
    pub fn ends_with_lone_dateline(&self) -> bool {
        self.paras.len() > 1
            && self.paras.last().is_some_and(|p| {
                p.kind == ParagraphKind::Text
                    && dateline::split(&p.text).is_some_and(|(_, rest)| rest.is_empty())
            })
    }

    /// Continue the last paragraph with the next block of a column-cut paragraph.
    pub fn continue_last(&mut self, text: &str) {
        if let Some(p) = self.paras.last_mut() {
            // Latin words cut at a column end get their space back; Chinese needs none.
            let ends_latin = p
                .text
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic());
            if ends_latin && text.starts_with(|c: char| c.is_ascii_alphabetic()) {
                p.text.push(' ');
            }
            p.text.push_str(text);
        }
    }

    /// Attach a photo credit that follows the paragraphs so far.
    pub fn attach_credit(&mut self, text: &str) {
        match &mut self.credit {
            Some(c) => {
                c.push(' ');
                c.push_str(text);
            }
            None => {
                self.credit = Some(text.to_owned());
                self.credit_after = Some(self.paras.len());
            }
        }
    }

    /// Split the paragraphs from `at` off into a headless article of their own.
    pub fn split_off(&mut self, at: usize) -> Draft {
        Draft {
            paras: self.paras.split_off(at),
            ..Draft::default()
        }
    }

    /// The finished article, numbered `n` (1-based) on its page.
    pub fn finish(self, id_prefix: &str, n: usize) -> Article {
        let mut paras: Vec<Paragraph> = self
            .paras
            .into_iter()
            .map(|p| Paragraph {
                kind: p.kind,
                speaker: None,
                text: p.text,
            })
            .collect();
        let dateline_text = take_dateline(&mut paras);
        let interview = mark_speakers(&mut paras);
        let photo = !interview
            && mark_captions(
                &mut paras,
                self.credit.is_some(),
                self.credit_after,
                dateline_text.is_some(),
            );
        let kind = if self.headless {
            ArticleKind::Other
        } else if interview {
            ArticleKind::Interview
        } else if photo {
            ArticleKind::Photo
        } else if self.title.is_empty() {
            ArticleKind::Other
        } else {
            ArticleKind::News
        };
        Article {
            photos: Vec::new(),
            id: ArticleId(format!("{id_prefix}/{n}")),
            kind,
            column: self.column,
            kicker: self.kicker,
            title: self.title,
            subtitle: self.subtitle,
            dateline: dateline_text,
            byline: self.byline,
            paragraphs: paras,
            credit: self.credit,
            link: None,
        }
    }
}

/// Split the dateline off the first paragraph (dropping that paragraph when it was the
/// dateline alone), and return it.
fn take_dateline(paras: &mut Vec<Paragraph>) -> Option<String> {
    let first = paras.first_mut()?;
    if first.kind != ParagraphKind::Text {
        return None;
    }
    let (d, rest) = dateline::split(&first.text)?;
    let dateline_text = d.to_owned();
    let start = first.text.len() - rest.len();
    first.text.drain(..start);
    if first.text.is_empty() {
        paras.remove(0);
    }
    Some(dateline_text)
}

/// Split each interview paragraph's speaker label off into its own field; `true` when
/// the paragraphs are an interview.
fn mark_speakers(paras: &mut [Paragraph]) -> bool {
    let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    let Some(labels) = speaker::interview_labels(&texts) else {
        return false;
    };
    for (p, label) in paras.iter_mut().zip(labels) {
        if let Some(len) = label {
            let rest = p.text.split_off(len);
            p.speaker = Some(std::mem::replace(
                &mut p.text,
                rest.trim_start_matches(rules::is_space).to_owned(),
            ));
        }
    }
    true
}

/// Mark the captions of a credited piece that is not an interview: every text paragraph
/// of a photo (a caption or two under a headline; an agency photo's caption may open
/// with a dateline), else the paragraph just before a credit that came after the text
/// (`credit_after`). `true` when the piece is a photo.
fn mark_captions(
    paras: &mut [Paragraph],
    credited: bool,
    credit_after: Option<usize>,
    dated: bool,
) -> bool {
    let texts_count = paras
        .iter()
        .filter(|p| p.kind == ParagraphKind::Text)
        .count();
    let photo = credited && (texts_count <= 2 || (texts_count <= 3 && !dated));
    if photo {
        for p in paras.iter_mut().filter(|p| p.kind == ParagraphKind::Text) {
            p.kind = ParagraphKind::Caption;
        }
    } else if let Some(p) = credit_after
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| paras.get_mut(i))
        && p.kind == ParagraphKind::Text
    {
        p.kind = ParagraphKind::Caption;
    }
    photo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(paras: &[&str]) -> Draft {
        let mut d = Draft {
            title: "标题".into(),
            ..Draft::default()
        };
        for p in paras {
            d.push(ParagraphKind::Text, p);
        }
        d
    }

    #[test]
    fn dateline_is_split_off_the_first_paragraph() {
        let a = draft(&["河北日报讯(记者陈华)6月26日,活动启动。", "又一段。"]).finish("p/d/01", 2);
        assert_eq!(a.id.0, "p/d/01/2");
        assert_eq!(a.dateline.as_deref(), Some("河北日报讯(记者陈华)"));
        assert_eq!(a.paragraphs[0].text, "6月26日,活动启动。");
        assert_eq!(a.kind, ArticleKind::News);
    }

    #[test]
    fn interview_paragraphs_carry_their_speakers() {
        let a = draft(&["记者:怎么办?", "宋华英: 这么办。", "另起一段。"]).finish("p", 1);
        assert_eq!(a.kind, ArticleKind::Interview);
        assert_eq!(a.paragraphs[0].speaker.as_deref(), Some("记者:"));
        assert_eq!(a.paragraphs[0].text, "怎么办?");
        assert_eq!(a.paragraphs[1].speaker.as_deref(), Some("宋华英:"));
        assert_eq!(a.paragraphs[1].text, "这么办。");
        assert_eq!(a.paragraphs[2].speaker, None);
    }

    #[test]
    fn a_short_piece_with_a_credit_is_a_photo() {
        let mut d = draft(&["6月30日,装船作业进行。"]);
        d.attach_credit("通讯员 甲乙摄");
        let a = d.finish("p", 1);
        assert_eq!(a.kind, ArticleKind::Photo);
        assert_eq!(a.paragraphs[0].kind, ParagraphKind::Caption);
        assert_eq!(a.credit.as_deref(), Some("通讯员 甲乙摄"));
    }

    #[test]
    fn a_credit_after_a_report_marks_its_caption() {
        let mut d = draft(&["本报讯 一。", "二。", "三。", "图为现场。"]);
        d.attach_credit("甲乙摄");
        let a = d.finish("p", 1);
        assert_eq!(a.kind, ArticleKind::News);
        assert_eq!(a.paragraphs[3].kind, ParagraphKind::Caption);
        assert_eq!(a.paragraphs[2].kind, ParagraphKind::Text);
    }

    #[test]
    fn column_cut_blocks_join() {
        let mut d = draft(&["为助力企业纾困渡难关,衡水市出台了稳住经"]);
        assert!(d.is_open());
        d.continue_last("济大盘17个专项行动方案。");
        assert!(!d.is_open());
        assert_eq!(
            d.paras[0].text,
            "为助力企业纾困渡难关,衡水市出台了稳住经济大盘17个专项行动方案。"
        );
    }

    #[test]
    fn a_headless_piece_is_other() {
        let mut d = draft(&["正文。"]);
        d.title.clear();
        assert_eq!(d.finish("p", 1).kind, ArticleKind::Other);
    }
}
