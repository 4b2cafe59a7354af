//! Either script for the importer's rules: a fold of the traditional characters its
//! keywords use (`本報訊`, `記者`, `攝`, `責編`, `舉行`) to their simplified forms, so one
//! set of rules reads pages printed in traditional and in simplified alike.
//!
//! The fold keeps byte offsets: every character it maps and its image are three bytes
//! long in UTF-8, so a length or position found in the folded text holds in the text as
//! printed. It is a fold for matching only; nothing stored is ever converted.

use std::borrow::Cow;

/// Traditional → simplified, for the characters of the importer's keywords and their
/// common company, sorted by the traditional character.
const PAIRS: [(char, char); 186] = [
    ('並', '并'),
    ('佈', '布'),
    ('來', '来'),
    ('係', '系'),
    ('個', '个'),
    ('們', '们'),
    ('傳', '传'),
    ('億', '亿'),
    ('優', '优'),
    ('創', '创'),
    ('動', '动'),
    ('務', '务'),
    ('勝', '胜'),
    ('勞', '劳'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('員', '员'),
    ('問', '问'),
    ('啓', '启'),
    ('啟', '启'),
    ('單', '单'),
    ('國', '国'),
    ('圍', '围'),
    ('園', '园'),
    ('圓', '圆'),
    ('圖', '图'),
    ('團', '团'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('壇', '坛'),
    ('夠', '够'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('寫', '写'),
    ('將', '将'),
    ('專', '专'),
    ('導', '导'),
    ('屆', '届'),
    ('師', '师'),
    ('幹', '干'),
    ('幾', '几'),
    ('廣', '广'),
    ('張', '张'),
    ('後', '后'),
    ('態', '态'),
    ('應', '应'),
    ('據', '据'),
    ('攝', '摄'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('機', '机'),
    ('權', '权'),
    ('歡', '欢'),
    ('歲', '岁'),
    ('歷', '历'),
    ('氣', '气'),
    ('濟', '济'),
    ('為', '为'),
    ('無', '无'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畫', '画'),
    ('發', '发'),
    ('監', '监'),
    ('禮', '礼'),
    ('稱', '称'),
    ('節', '节'),
    ('築', '筑'),
    ('紀', '纪'),
    ('約', '约'),
    ('紅', '红'),
    ('組', '组'),
    ('統', '统'),
    ('經', '经'),
    ('綜', '综'),
    ('綠', '绿'),
    ('網', '网'),
    ('編', '编'),
    ('縣', '县'),
    ('總', '总'),
    ('習', '习'),
    ('聞', '闻'),
    ('聯', '联'),
    ('職', '职'),
    ('臺', '台'),
    ('與', '与'),
    ('舉', '举'),
    ('華', '华'),
    ('萬', '万'),
    ('藍', '蓝'),
    ('藝', '艺'),
    ('處', '处'),
    ('號', '号'),
    ('術', '术'),
    ('衛', '卫'),
    ('衝', '冲'),
    ('視', '视'),
    ('親', '亲'),
    ('覺', '觉'),
    ('覽', '览'),
    ('觀', '观'),
    ('計', '计'),
    ('訊', '讯'),
    ('討', '讨'),
    ('記', '记'),
    ('訪', '访'),
    ('設', '设'),
    ('評', '评'),
    ('詞', '词'),
    ('試', '试'),
    ('話', '话'),
    ('認', '认'),
    ('說', '说'),
    ('調', '调'),
    ('談', '谈'),
    ('論', '论'),
    ('講', '讲'),
    ('謝', '谢'),
    ('證', '证'),
    ('譯', '译'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('責', '责'),
    ('費', '费'),
    ('貼', '贴'),
    ('貿', '贸'),
    ('資', '资'),
    ('質', '质'),
    ('賽', '赛'),
    ('載', '载'),
    ('輯', '辑'),
    ('轉', '转'),
    ('辦', '办'),
    ('辭', '辞'),
    ('農', '农'),
    ('這', '这'),
    ('連', '连'),
    ('週', '周'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('遠', '远'),
    ('選', '选'),
    ('還', '还'),
    ('邊', '边'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('釋', '释'),
    ('錄', '录'),
    ('鏈', '链'),
    ('長', '长'),
    ('門', '门'),
    ('閉', '闭'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('際', '际'),
    ('雜', '杂'),
    ('離', '离'),
    ('電', '电'),
    ('頭', '头'),
    ('題', '题'),
    ('類', '类'),
    ('顧', '顾'),
    ('體', '体'),
    ('髮', '发'),
    ('魯', '鲁'),
    ('鳥', '鸟'),
    ('麼', '么'),
    ('點', '点'),
    ('黨', '党'),
    ('齊', '齐'),
    ('龍', '龙'),
];

/// Which chars of U+4E00..=U+9FFF are the traditional side of a [`PAIRS`] entry, a bit
/// each: most chars fold to themselves, and that is told with one load, not a search.
const TRADITIONAL: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < PAIRS.len() {
        let n = PAIRS[i].0 as usize - 0x4e00;
        bits[n / 64] |= 1 << (n % 64);
        i += 1;
    }
    bits
};

/// The simplified form of `c` if the fold maps it, else `c`.
pub fn fold_char(c: char) -> char {
    if !('\u{4e00}'..='\u{9fff}').contains(&c) {
        return c;
    }
    let n = c as usize - 0x4e00;
    if TRADITIONAL[n / 64] >> (n % 64) & 1 == 0 {
        return c;
    }
    match PAIRS.binary_search_by(|&(t, _)| t.cmp(&c)) {
        Ok(i) => PAIRS[i].1,
        Err(_) => c,
    }
}

/// `text` with the traditional characters of the fold made simplified, and the
/// corner quotes `「」『』` made `“”‘’`; borrowed when nothing changes. Byte offsets
/// are kept (every mapped character is three bytes, as is its image).
pub fn fold(text: &str) -> Cow<'_, str> {
    let maps = |c: char| fold_char(c) != c || matches!(c, '「' | '」' | '『' | '』');
    let Some(first) = text.char_indices().find(|&(_, c)| maps(c)).map(|(i, _)| i) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    out.extend(text[first..].chars().map(|c| match c {
        '「' => '“',
        '」' => '”',
        '『' => '‘',
        '』' => '’',
        c => fold_char(c),
    }));
    Cow::Owned(out)
}

/// [`fold`] of at most the first `max` bytes of `text` (cut back to a char boundary):
/// for rules that read only how a paragraph opens.
pub fn fold_head(text: &str, max: usize) -> Cow<'_, str> {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    fold(&text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_keeps_lengths() {
        assert!(
            PAIRS.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
        for (t, s) in PAIRS {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t}");
            assert_ne!(t, s);
        }
    }

    #[test]
    fn keywords_fold_and_offsets_hold() {
        let text = "本報訊（記者 林曉）「今天」";
        let f = fold(text);
        assert_eq!(f, "本报讯（记者 林曉）“今天”");
        assert_eq!(f.len(), text.len());
        assert!(matches!(fold("本报讯"), Cow::Borrowed(_)));
        assert_eq!(fold_head("中央社記者", 10), "中央社");
    }
}
