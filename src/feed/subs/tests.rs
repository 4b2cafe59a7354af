//! Tests of the subscriptions and OPML.

use super::*;

#[test]
fn add_find_remove_and_names() {
    let mut s = Subscriptions::default();
    s.add("https://example.cn/feeds/rmrb.xml", None)
        .map(|_| ())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.feeds[0].name, "rmrb");
    assert!(s.feeds[0].auto_name);
    assert!(matches!(
        s.add("https://example.cn/feeds/rmrb.xml", Some("x")),
        Err(SubsError::Exists(_))
    ));
    assert!(matches!(s.add("ftp://x", None), Err(SubsError::BadUrl(_))));
    s.add("https://other.cn/rmrb.xml", None)
        .map(|_| ())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.feeds[1].name, "rmrb-2");
    s.add("https://gm.cn/feed", Some("光明日报"))
        .map(|_| ())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!s.feeds[2].auto_name);
    assert!(s.find("光明日报").is_some());
    assert!(s.remove("rmrb").is_ok());
    assert!(matches!(s.remove("rmrb"), Err(SubsError::NoSuch(_))));
    assert_eq!(name_from_url("https://gm.cn/"), "gm.cn");
}

#[test]
fn opml_round_trip_and_save() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut s = Subscriptions::default();
    s.add("https://a.cn/x.xml?a=1&b=2", Some("人民日报 \"A\" <1>"))
        .map(|_| ())
        .unwrap_or_else(|e| panic!("{e}"));
    let opml = s.to_opml();
    let path = dir.path().join("subs.opml");
    std::fs::write(&path, &opml).unwrap_or_else(|e| panic!("{e}"));
    let mut back = Subscriptions::default();
    assert_eq!(back.import_opml(&path).ok(), Some(1));
    assert_eq!(back.feeds[0].url, "https://a.cn/x.xml?a=1&b=2");
    assert_eq!(back.feeds[0].name, "人民日报 \"A\" <1>");
    // A second import adds nothing.
    assert_eq!(back.import_opml(&path).ok(), Some(0));
    back.save(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(Subscriptions::load(dir.path()).ok(), Some(back));
}

#[test]
fn not_opml() {
    assert!(parse_opml(b"<html><body/></html>").is_err());
    assert!(parse_opml(b"\x00\x01garbage").is_err());
}
