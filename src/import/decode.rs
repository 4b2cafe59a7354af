//! Bytes of a page file → text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or
//! without one when it is plainly UTF-16 text), GB18030/GBK
//! (or another legacy encoding `chardetng` recognises). Binary or undecodable input is
//! refused with a short reason, never decoded into replacement characters.

use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE};

/// Files larger than this are refused rather than read into memory.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// How much of a file the encoding detector looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// Why bytes are not a text page; each says so in a short phrase for `PATH: …`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("too large to be a page ({mb} MB; the limit is {limit} MB)")]
    TooLarge { mb: usize, limit: usize },
    #[error("the file is empty")]
    Empty,
    #[error("UTF-32 text is not supported; save it as UTF-8")]
    Utf32,
    /// A BOM named this encoding, and the bytes after it are not valid in it.
    #[error("not valid {0} text")]
    Invalid(&'static str),
    #[error("binary data, not a text page")]
    Binary,
    #[error("not text in UTF-8, UTF-16 or GB18030 (undecodable bytes)")]
    Undecodable,
}

/// [`decode`] taking the bytes: UTF-8 without a BOM (the common case) is not copied.
pub fn decode_vec(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.len() <= MAX_BYTES
        && !bytes.is_empty()
        && Encoding::for_bom(&bytes).is_none()
        && !looks_binary(&bytes)
    {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok(text),
            Err(e) => return decode(e.as_bytes()),
        }
    }
    decode(&bytes)
}

/// Decode a page file. The error is a short phrase for `PATH: …`.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge {
            mb: bytes.len() / (1024 * 1024),
            limit: MAX_BYTES / (1024 * 1024),
        });
    }
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Err(DecodeError::Utf32);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]).ok_or(DecodeError::Invalid(encoding.name()));
    }
    // NULs say UTF-16 (ASCII in it has one per char), unless the bytes are good UTF-8
    // with a stray NUL or two: then they are that, as [`decode_vec`] reads them.
    let has_nul = bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0);
    if has_nul
        && (looks_binary(bytes) || std::str::from_utf8(bytes).is_err())
        && let Some(text) = plain_utf16(bytes)
    {
        return Ok(text);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    if let Some(text) = plain_utf16(bytes) {
        return Ok(text);
    }
    let mut detector = chardetng::EncodingDetector::new();
    let sniff = &bytes[..bytes.len().min(SNIFF_BYTES)];
    detector.feed(sniff, sniff.len() == bytes.len());
    let guess = detector.guess(Some(b"cn"), false);
    // Single-byte encodings decode any bytes at all, so only multi-byte CJK ones count.
    let cjk = [GBK, GB18030, BIG5, SHIFT_JIS, EUC_JP, EUC_KR];
    for encoding in [guess, GB18030] {
        if cjk.contains(&encoding)
            && let Some(text) = strict(encoding, bytes)
        {
            return Ok(text);
        }
    }
    Err(DecodeError::Undecodable)
}

/// UTF-16 without a BOM, when the bytes decode strictly in one byte order into what is
/// plainly text: Han, CJK and ASCII punctuation, letters, digits and spaces, with no NUL.
fn plain_utf16(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sniff = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    // ASCII in UTF-16 puts its zero byte first (big-endian) or second (little-endian).
    let zeros_at = |odd: usize| {
        sniff
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let order = if zeros_at(1) >= zeros_at(0) {
        [UTF_16LE, UTF_16BE]
    } else {
        [UTF_16BE, UTF_16LE]
    };
    order.into_iter().find_map(|encoding| {
        let head = strict_prefix(encoding, sniff)?;
        plainly_text(&head).then(|| strict(encoding, bytes))?
    })
}

/// Decode a prefix, which may end inside a surrogate pair.
fn strict_prefix(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    strict(encoding, bytes).or_else(|| strict(encoding, &bytes[..bytes.len().saturating_sub(2)]))
}

fn plainly_text(text: &str) -> bool {
    let (mut all, mut plain, mut words) = (0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        all += 1;
        let word = super::is_han(c) || c.is_ascii_alphanumeric();
        words += usize::from(word);
        let punct = matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}');
        if word || punct || c.is_ascii_graphic() || c == ' ' || c == '\n' || c == '\r' || c == '\t'
        {
            plain += 1;
        }
    }
    all > 0 && words > 0 && plain * 100 >= all * 95
}

/// Decode without replacement: `None` if any byte sequence is malformed.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// NUL bytes or a crowd of other control bytes (outside a UTF-16 file) mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let sniff = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = sniff
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    let nuls = sniff.iter().filter(|&&b| b == 0).count();
    nuls * 100 > sniff.len() || controls * 10 > sniff.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "衡水:打造营商环境\n\n本报讯 今天,天气晴。";

    #[test]
    fn good_utf8_with_a_stray_nul_is_utf8_either_way() {
        // Found by the fuzzer: read as UTF-16 by one path (`~~` is 繾), as UTF-8 by the other.
        let mut bytes = b"@0!".to_vec();
        bytes.extend(std::iter::repeat_n(b'~', 120));
        bytes.push(0);
        bytes.extend_from_slice(b"!=LL;");
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(decode(&bytes).unwrap(), text);
        assert_eq!(decode_vec(bytes).unwrap(), text);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(PAGE.as_bytes()).unwrap(), PAGE);
        let mut with_bom = vec![0xef, 0xbb, 0xbf];
        with_bom.extend_from_slice(PAGE.as_bytes());
        assert_eq!(decode(&with_bom).unwrap(), PAGE);
    }

    #[test]
    fn owned_bytes_decode_alike() {
        let (gbk, _, _) = GB18030.encode(PAGE);
        assert_eq!(decode_vec(gbk.to_vec()).unwrap(), PAGE);
        assert_eq!(decode_vec(PAGE.as_bytes().to_vec()).unwrap(), PAGE);
        assert!(
            decode_vec(Vec::new())
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert!(
            decode_vec(b"\0\0\0\x01".to_vec())
                .unwrap_err()
                .to_string()
                .contains("binary")
        );
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(PAGE);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode(&bytes).unwrap(), PAGE);
    }

    #[test]
    fn utf16_with_either_bom() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(PAGE.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(PAGE.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), PAGE);
        assert_eq!(decode(&be).unwrap(), PAGE);
    }

    #[test]
    fn utf16_without_a_bom_when_it_is_plainly_text() {
        let le: Vec<u8> = PAGE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = PAGE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), PAGE);
        assert_eq!(decode(&be).unwrap(), PAGE);
        // All Han, no ASCII at all: no zero byte to go by, still plainly UTF-16.
        let han: Vec<u8> = "衡水打造营商环境"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&han).unwrap(), "衡水打造营商环境");
        // GB18030 text is not taken for UTF-16.
        let (gbk, _, _) = GB18030.encode(PAGE);
        assert_eq!(decode(&gbk).unwrap(), PAGE);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
        assert!(decode(png).unwrap_err().to_string().contains("binary"));
        assert!(decode(b"").unwrap_err().to_string().contains("empty"));
    }

    #[test]
    fn undecodable_bytes_are_refused() {
        let err = decode(b"abc\xff\xff\xff\x80def").unwrap_err();
        assert_eq!(err, DecodeError::Undecodable, "{err}");
    }

    #[test]
    fn broken_utf16_is_refused() {
        // A lone high surrogate.
        assert!(decode(&[0xff, 0xfe, 0x00, 0xd8]).is_err());
    }

    #[test]
    fn a_stray_control_byte_is_left_to_the_clean_up() {
        assert_eq!(decode("正文\u{7}正文".as_bytes()).unwrap(), "正文\u{7}正文");
    }
}
