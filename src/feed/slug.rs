//! A paper's ASCII slug for ids and folders: the pinyin initials of its Han name
//! (`人民日报` → `rmrb`, `新华每日电讯` → `xhmrdx`), ASCII letters and digits kept as they
//! are, and a stable hash when nothing readable is left.

use pinyin::ToPinyin;

/// Readings the pinyin table gets wrong for papers' names (it gives the commonest
/// reading of a character).
const READINGS: [(&str, &str); 2] = [("重庆", "cq"), ("长沙", "cs")];

/// The slug for a paper's name.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name.trim();
    'chars: while let Some(c) = rest.chars().next() {
        for (word, initials) in READINGS {
            if let Some(after) = rest.strip_prefix(word) {
                out.push_str(initials);
                rest = after;
                continue 'chars;
            }
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(p) = c.to_pinyin() {
            out.push_str(p.first_letter());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        rest = &rest[c.len_utf8()..];
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        crate::import::place::slugify(name)
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn papers() {
        assert_eq!(slug("人民日报"), "rmrb");
        assert_eq!(slug("光明日报"), "gmrb");
        assert_eq!(slug("新华每日电讯"), "xhmrdx");
        assert_eq!(slug("重庆日报"), "cqrb");
        assert_eq!(slug("China Daily"), "china-daily");
        assert!(slug("★").starts_with("p-"));
    }
}
