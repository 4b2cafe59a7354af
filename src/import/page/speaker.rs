//! Interview paragraphs: `记者:…` / `宋华英:…`, `问：` / `答：`. A paragraph's speaker is
//! the name and colon it opens with, kept as printed; it counts only in an article that
//! really is an interview (an interviewer's question and someone's answer).

use std::collections::HashMap;

use super::rules::is_han;

/// The longest speaker name, in chars.
const NAME_MAX: usize = 8;

/// Words a label is not: `他说：`, `据悉:`, `具体如下：` introduce speech or lists, not
/// a speaker.
const NOT_SPEAKERS: [&str; 30] = [
    "说", "表示", "指出", "认为", "介绍", "强调", "坦言", "透露", "提到", "告诉", "称", "道", "的",
    "是", "如下", "包括", "例如", "比如", "据悉", "其中", "目前", "对此", "为此", "同时", "此外",
    "首先", "其次", "最后", "第一", "第二",
];

/// The byte length of the speaker label (colon included) opening `text`, if it has the
/// shape of one: a short name without spaces or punctuation, then `:` or `：`.
pub fn label_len(text: &str) -> Option<usize> {
    let (at, colon) = text
        .char_indices()
        .take(NAME_MAX + 1)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let folded = crate::import::script::fold(&text[..at]);
    let name = &*folded;
    let n = name.chars().count();
    let letters = name
        .chars()
        .all(|c| is_han(c) || c.is_ascii_alphabetic() || c == '·');
    if n == 0 || !letters || NOT_SPEAKERS.iter().any(|w| name.contains(w)) {
        return None;
    }
    if n == 1 && !matches!(name, "问" | "答" | "Q" | "A") {
        return None;
    }
    Some(at + colon.len_utf8())
}

fn name_of(text: &str, len: usize) -> &str {
    text[..len].trim_end_matches([':', '：'])
}

/// The one asking: `记者`, `本报记者`, `河北日报记者`, `问`, `主持人`, `Q`.
pub fn is_interviewer(name: &str) -> bool {
    let folded = crate::import::script::fold(name);
    let name = &*folded;
    matches!(name, "问" | "Q" | "主持人" | "提问" | "采访者")
        || name
            .strip_suffix("记者")
            .is_some_and(|source| source.chars().count() <= 6)
}

/// For each paragraph, the length of its speaker label, if the paragraphs form an
/// interview; `None` if they do not. A label counts when it is the interviewer's, `答`,
/// or a name that recurs or answers right after a question.
pub fn interview_labels(paragraphs: &[&str]) -> Option<Vec<Option<usize>>> {
    let labels: Vec<Option<usize>> = paragraphs.iter().map(|p| label_len(p)).collect();
    let names: Vec<Option<&str>> = paragraphs
        .iter()
        .zip(&labels)
        .map(|(p, l)| l.map(|l| name_of(p, l)))
        .collect();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for name in names.iter().flatten() {
        *uses.entry(name).or_default() += 1;
    }
    let mut accepted = vec![None; paragraphs.len()];
    let (mut questions, mut answers) = (0, 0);
    for (i, name) in names.iter().enumerate() {
        let Some(name) = *name else { continue };
        let after_question = i > 0 && names[i - 1].is_some_and(is_interviewer);
        let recurs = uses.get(name).is_some_and(|&n| n > 1);
        if is_interviewer(name) {
            questions += 1;
        } else if name == "答" || after_question || recurs {
            answers += 1;
        } else {
            continue;
        }
        accepted[i] = labels[i];
    }
    (questions > 0 && answers > 0).then_some(accepted)
}

/// Where an interview starts inside a run of paragraphs: the first question, when the
/// paragraphs before it carry no speaker at all.
pub fn interview_start(paragraphs: &[&str]) -> Option<usize> {
    let labels = interview_labels(paragraphs)?;
    let first = labels.iter().position(Option::is_some)?;
    let name = name_of(paragraphs[first], labels[first]?);
    (first > 0 && is_interviewer(name)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_with_either_colon() {
        assert_eq!(label_len("记者:贯彻落实"), Some("记者:".len()));
        assert_eq!(label_len("宋华英：省委"), Some("宋华英：".len()));
        assert_eq!(label_len("问：怎么办"), Some("问：".len()));
        assert_eq!(label_len("他说：“好”"), None);
        assert_eq!(label_len("据悉:今年"), None);
        assert_eq!(label_len("一是：抓项目"), None);
        assert_eq!(label_len("近日,省卫生健康委:"), None);
        assert_eq!(label_len("他:好"), None);
    }

    #[test]
    fn interviewers() {
        assert!(is_interviewer("记者"));
        assert!(is_interviewer("河北日报记者"));
        assert!(is_interviewer("问"));
        assert!(!is_interviewer("宋华英"));
        assert!(!is_interviewer("答"));
    }

    #[test]
    fn an_interview_gets_every_speaker() {
        let ps = [
            "记者:问一?",
            "宋华英:答一。",
            "接着说。",
            "记者:问二?",
            "宋华英:答二。",
        ];
        let got = interview_labels(&ps).unwrap();
        assert_eq!(got, vec![Some(7), Some(10), None, Some(7), Some(10)]);
    }

    #[test]
    fn a_report_quoting_someone_is_not_an_interview() {
        let ps = ["张三:我们要加油。", "今天天气很好。"];
        assert_eq!(interview_labels(&ps), None);
        let qa = ["问：什么？", "答：这个。"];
        assert!(interview_labels(&qa).is_some());
    }

    #[test]
    fn an_interview_starting_after_a_report() {
        let ps = ["本报讯 今天。", "又一段。", "记者:问?", "某某:答。"];
        assert_eq!(interview_start(&ps), Some(2));
        assert_eq!(interview_start(&ps[2..]), None);
    }
}
