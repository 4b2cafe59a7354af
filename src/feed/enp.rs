//! The `<!--enpproperty <title>…</title><subtitle>…</subtitle>…-->` comment that e-papers
//! built on the same publishing system put in each article: its fields, where a page
//! laid out in tables has no heading elements to read them from.

use scraper::{Html, Node};

use super::html::fragment_line;

/// The fields of an `enpproperty` comment, each as plain text (empty ones are `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Props {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// 引题.
    pub introtitle: Option<String>,
    pub author: Option<String>,
    /// `2026-05-05 00:00:00:0` as given.
    pub date: Option<String>,
    /// The section (`nodename`), when the system names it.
    pub nodename: Option<String>,
}

impl Props {
    /// The first `enpproperty` comment in `doc`, if there is one.
    pub fn find(doc: &Html) -> Option<Props> {
        doc.tree.nodes().find_map(|n| match n.value() {
            Node::Comment(c) => c.trim_start().strip_prefix("enpproperty").map(Props::parse),
            _ => None,
        })
    }

    /// Read the fields out of the comment's body.
    pub fn parse(body: &str) -> Props {
        Props {
            title: field(body, "title"),
            subtitle: field(body, "subtitle").map(|s| undashed(&s)),
            introtitle: field(body, "introtitle"),
            author: field(body, "author"),
            date: field(body, "date"),
            nodename: field(body, "nodename"),
        }
    }
}

/// A 副题 as stored: without the `——` that opens it in print (the typesetter sets the
/// dash when it sets the stack).
pub fn undashed(text: &str) -> String {
    text.trim_start_matches(['—', '⸺', '─', '－', '-'])
        .trim_start()
        .to_owned()
}

/// The text between `<name>` and `</name>`; its content may itself be HTML or escaped.
fn field(body: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = body.find(&open)? + open.len();
    let len = body[start..].find(&close)?;
    let text = fragment_line(&body[start..start + len]);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_from_the_comment() {
        let doc = Html::parse_document(
            "<table><tr><td>x</td></tr></table><!--enpproperty <articleid>1</articleid><date>2026-04-27</date><author>记者 王五</author><title>大标题</title><subtitle>——副题</subtitle><introtitle></introtitle><nodename>要闻</nodename>/enpproperty-->",
        );
        let p = Props::find(&doc).unwrap_or_default();
        assert_eq!(p.title.as_deref(), Some("大标题"));
        assert_eq!(p.subtitle.as_deref(), Some("副题"));
        assert_eq!(p.introtitle, None);
        assert_eq!(p.author.as_deref(), Some("记者 王五"));
        assert_eq!(p.date.as_deref(), Some("2026-04-27"));
        assert_eq!(p.nodename.as_deref(), Some("要闻"));
    }

    #[test]
    fn html_inside_a_field() {
        let p = Props::parse("<title><p> 图片报道 </p></title><subtitle>A&amp;B</subtitle>");
        assert_eq!(p.title.as_deref(), Some("图片报道"));
        assert_eq!(p.subtitle.as_deref(), Some("A&B"));
    }
}
