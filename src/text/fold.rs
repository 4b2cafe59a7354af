//! The traditional → simplified character fold search runs text and queries through:
//! one char to one char (so offsets into the stored text stay exact), from OpenCC's
//! character tables (`TSCharacters`, with the Taiwan and Hong Kong variant forms folded
//! first: 裡/裏 → 里, 為/爲 → 为, 衞 → 卫) and the few traditional forms that are also
//! everyday simplified characters (覆 → 复, 藉 → 借, 瞭 → 了), so that text converted
//! from simplified by phrase folds back to the same chars.
//!
//! The table is `fold.txt` beside this file, one `from to` pair a line, kept in the
//! repository so a change of it is seen (and the library format bumped, see the
//! library's `FORMAT`); a test regenerates it from the OpenCC crate and fails when it
//! differs (`DUBAO_WRITE_FOLD=1 cargo test --lib text::fold` writes it anew).

use std::sync::LazyLock;

/// `from to` lines, sorted by `from`.
const TABLE: &str = include_str!("fold.txt");

/// The dense part of the table: the Han blocks of the Basic Multilingual Plane.
const DENSE: std::ops::RangeInclusive<char> = '\u{3400}'..='\u{9FFF}';

struct Fold {
    /// `DENSE` chars, each folded (itself when the table has nothing).
    dense: Vec<char>,
    /// Every other pair, sorted.
    other: Vec<(char, char)>,
}

static FOLD: LazyLock<Fold> = LazyLock::new(|| {
    let start = *DENSE.start() as u32;
    let mut dense: Vec<char> = DENSE.collect();
    let mut other = Vec::new();
    for (from, to) in pairs(TABLE) {
        match dense.get_mut((from as u32).wrapping_sub(start) as usize) {
            Some(slot) if DENSE.contains(&from) => *slot = to,
            _ => other.push((from, to)),
        }
    }
    other.sort_unstable();
    Fold { dense, other }
});

/// The pairs of a table text; lines that are not two chars apart are skipped.
fn pairs(table: &str) -> impl Iterator<Item = (char, char)> + '_ {
    table.lines().filter_map(|l| {
        let mut c = l.chars().filter(|c| !c.is_whitespace());
        match (c.next(), c.next(), c.next()) {
            (Some(a), Some(b), None) => Some((a, b)),
            _ => None,
        }
    })
}

/// The simplified form of `c` for search: `臺` → `台`, `裡` → `里`, `發`/`髮` → `发`;
/// every other char as it is. Folding a folded char changes nothing.
#[inline]
pub fn fold(c: char) -> char {
    let f = &*FOLD;
    if DENSE.contains(&c) {
        return f.dense[(c as u32 - *DENSE.start() as u32) as usize];
    }
    if (c as u32) < 0x2_0000 && !('\u{F900}'..='\u{FAFF}').contains(&c) {
        return c;
    }
    match f.other.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => f.other[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferrous_opencc::OpenCC;
    use ferrous_opencc::config::BuiltinConfig;

    /// Traditional forms OpenCC's simplified → traditional tables give (by phrase:
    /// 反复 → 反覆, 了解 → 瞭解) that are everyday simplified characters too, so its
    /// traditional → simplified tables leave them as they are.
    const ALSO_SIMPLIFIED: &[(char, char)] = &[
        ('瞭', '了'),
        ('彷', '仿'),
        ('藉', '借'),
        ('祇', '只'),
        ('覆', '复'),
        ('伕', '夫'),
        ('牠', '它'),
        ('牴', '抵'),
        ('暱', '昵'),
        ('揹', '背'),
    ];

    fn single(cc: &OpenCC, c: char) -> Option<char> {
        let s = cc.convert(c.encode_utf8(&mut [0; 4]));
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(f), None) if f != c => Some(f),
            _ => None,
        }
    }

    /// The table from the OpenCC crate: a char's Taiwan or Hong Kong variant form
    /// folded first, then its simplified form; a char that is itself the simplified form
    /// of another (么 of 麼) stays as it is, so folding twice is folding once.
    fn generate() -> String {
        let t2s = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
        let tw2s = OpenCC::from_config(BuiltinConfig::Tw2s).unwrap();
        let hk2s = OpenCC::from_config(BuiltinConfig::Hk2s).unwrap();
        let step = |c: char| {
            single(&tw2s, c)
                .or_else(|| single(&hk2s, c))
                .or_else(|| single(&t2s, c))
                .or_else(|| ALSO_SIMPLIFIED.iter().find(|p| p.0 == c).map(|p| p.1))
        };
        let han = [
            '\u{3400}'..='\u{9FFF}',
            '\u{F900}'..='\u{FAFF}',
            '\u{20000}'..='\u{3134F}',
        ];
        let steps: Vec<(char, char)> = han
            .into_iter()
            .flatten()
            .filter_map(|c| step(c).map(|f| (c, f)))
            .collect();
        let images: std::collections::HashSet<char> = steps.iter().map(|p| p.1).collect();
        steps
            .into_iter()
            .filter(|(c, _)| !images.contains(c))
            .map(|(c, f)| format!("{c} {f}\n"))
            .collect()
    }

    #[test]
    fn the_table_is_the_one_opencc_gives() {
        let fresh = generate();
        if std::env::var_os("DUBAO_WRITE_FOLD").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/fold.txt");
            std::fs::write(path, &fresh).unwrap();
        }
        assert!(
            fresh == TABLE,
            "src/text/fold.txt is not what the OpenCC crate gives: \
             write it anew with DUBAO_WRITE_FOLD=1 and bump the library FORMAT"
        );
    }

    #[test]
    fn traditional_and_variant_forms_fold_to_simplified() {
        let f = |s: &str| s.chars().map(fold).collect::<String>();
        assert_eq!(f("臺灣"), "台湾");
        assert_eq!(f("發展"), "发展");
        assert_eq!(f("頭髮"), "头发");
        assert_eq!(f("裡裏里"), "里里里");
        assert_eq!(f("為爲"), "为为");
        assert_eq!(f("衞衛"), "卫卫");
        assert_eq!(f("反覆"), "反复");
        assert_eq!(f("什麼什么"), "什么什么");
        // Simplified text, Latin and marks stay as they are.
        assert_eq!(f("台湾发展 ABC「」。"), "台湾发展 ABC「」。");
    }

    #[test]
    fn folding_twice_is_folding_once() {
        for (from, to) in pairs(TABLE) {
            assert_eq!(fold(from), to, "{from}");
            assert_eq!(fold(to), to, "{from} → {to} folds on");
        }
        assert!(pairs(TABLE).count() > 4000);
    }
}
