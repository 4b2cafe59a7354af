//! Where the words of a headline begin: the jieba segmenter (its dictionary embedded,
//! its HMM finding the names and words the dictionary lacks) cuts a headline into
//! words, so a headline breaks between words and never inside a word, a name or a
//! number. The segmenter loads once, on the first headline that needs breaking, and
//! each headline is segmented once: the reader sets the same headline again on every
//! resize.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jieba_rs::Jieba;

/// Headlines remembered before the memo starts afresh (a day's papers hold a few
/// thousand).
const MEMO_CAP: usize = 8192;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

type Memo = Mutex<HashMap<String, Arc<[u32]>>>;

fn memo() -> &'static Memo {
    static MEMO: OnceLock<Memo> = OnceLock::new();
    MEMO.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Char offsets (ascending, each `> 0` and `< chars`) where a word of `text` begins
/// after another: the only places a headline may break, spaces and marks aside.
pub fn starts(text: &str) -> Arc<[u32]> {
    if let Some(hit) = memo().lock().ok().and_then(|m| m.get(text).cloned()) {
        return hit;
    }
    let words: Arc<[u32]> = segment(text).into();
    if let Ok(mut m) = memo().lock() {
        if m.len() >= MEMO_CAP {
            m.clear();
        }
        m.insert(text.to_string(), Arc::clone(&words));
    }
    words
}

/// The words of `text` as char ranges, in order, covering it (for the audit, which
/// checks a layout against the segmenter without going through the typesetter).
pub fn words(text: &str) -> Vec<(usize, usize)> {
    jieba()
        .cut(text, true)
        .iter()
        .map(|t| (t.start, t.end))
        .collect()
}

fn segment(text: &str) -> Vec<u32> {
    words(text).iter().skip(1).map(|&(a, _)| a as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut a = 0;
        for &b in starts(text)
            .iter()
            .chain(std::iter::once(&(chars.len() as u32)))
        {
            out.push(chars[a..b as usize].iter().collect());
            a = b as usize;
        }
        out
    }

    #[test]
    fn words_and_names_stay_whole() {
        let w = cut("国务院办公厅关于加强长江流域生态保护的意见");
        assert!(w.contains(&"国务院办公厅".to_string()), "{w:?}");
        assert!(w.contains(&"关于".to_string()), "{w:?}");
        let w = cut("习近平会见俄罗斯联邦委员会主席马特维延科");
        assert!(w.iter().any(|x| x.contains("马特维延科")), "{w:?}");
        // Remembered: the same list, not segmented again.
        assert!(Arc::ptr_eq(
            &starts("推动京津冀协同发展"),
            &starts("推动京津冀协同发展")
        ));
    }
}
