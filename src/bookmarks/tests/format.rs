//! The file format: parsing (good, newer, corrupt), encoding, timestamps.

use proptest::prelude::*;

use super::super::file::{self, Parsed, Part};
use super::*;

#[test]
fn timestamps_are_utc_calendar_times() {
    assert_eq!(file::timestamp(0), "19700101T000000");
    assert_eq!(file::timestamp(951_782_400), "20000229T000000");
    assert_eq!(file::timestamp(1_000_000_000), "20010909T014640");
    assert_eq!(file::timestamp(1_795_835_700), "20261128T031500");
    assert_eq!(file::timestamp(4_107_628_799), "21000301T235959");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Sorting the names sorts the times, so `ls` lists corrupt copies oldest first.
    #[test]
    fn timestamps_sort_like_times(a in 0u64..8_000_000_000, b in 0u64..8_000_000_000) {
        let (ta, tb) = (file::timestamp(a), file::timestamp(b));
        prop_assert_eq!(ta.len(), 15);
        prop_assert_eq!(a.cmp(&b), ta.cmp(&tb));
    }
}

#[test]
fn parse_tells_good_newer_and_corrupt_apart() {
    let good = Part::Bookmarks.encode(&State {
        bookmarks: vec![bm("a", 1)],
        ..State::default()
    });
    assert!(good.contains("\"version\": 1"));
    assert_eq!(
        Part::Bookmarks.parse(good.as_bytes()),
        Parsed::Good(State {
            bookmarks: vec![bm("a", 1)],
            ..State::default()
        })
    );
    let newer = good.replace("\"version\": 1", "\"version\": 2");
    assert_eq!(
        Part::Bookmarks.parse(newer.as_bytes()),
        Parsed::Newer {
            version: 2,
            best_effort: State {
                bookmarks: vec![bm("a", 1)],
                ..State::default()
            }
        }
    );
    let alien = r#"{"version": 9, "items": {"x": 1}}"#;
    assert_eq!(
        Part::Bookmarks.parse(alien.as_bytes()),
        Parsed::Newer {
            version: 9,
            best_effort: State::default()
        }
    );
    for bad in [
        "",
        "{\"version\": 1, \"bookmarks\": [",
        "[]",
        "{\"bookmarks\": []}",
        "{\"version\": \"1\", \"bookmarks\": []}",
        "{\"version\": 0, \"bookmarks\": []}",
    ] {
        assert!(
            matches!(Part::Bookmarks.parse(bad.as_bytes()), Parsed::Corrupt(_)),
            "{bad:?}"
        );
    }
}

#[test]
fn a_bad_entry_is_set_apart_from_the_good_ones() {
    let good = serde_json::to_string(&bm("b", 2)).unwrap();
    let text = format!("{{\"version\": 1, \"bookmarks\": [{{\"id\": \"a\"}}, {good}]}}");
    match Part::Bookmarks.parse(text.as_bytes()) {
        Parsed::Salvaged {
            state, rejected, ..
        } => {
            assert_eq!(state.bookmarks, vec![bm("b", 2)]);
            assert_eq!(rejected, vec!["{\"id\":\"a\"}".to_string()]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn odd_but_valid_files_do_not_trip_the_parser() {
    // Duplicate keys: the typed parse refuses them, the second look takes the last.
    let dup = r#"{"version": 1, "version": 1, "bookmarks": []}"#;
    assert_eq!(
        Part::Bookmarks.parse(dup.as_bytes()),
        Parsed::Good(State::default())
    );
    // Fields this version does not know are ignored.
    let extra = r#"{"version": 1, "bookmarks": [], "tags": ["x"]}"#;
    assert_eq!(
        Part::Bookmarks.parse(extra.as_bytes()),
        Parsed::Good(State::default())
    );
    let reading = r#"{"version": 1}"#;
    assert_eq!(
        Part::Reading.parse(reading.as_bytes()),
        Parsed::Good(State::default())
    );
}

fn state() -> impl Strategy<Value = State> {
    let id = "[a-z0-9/\\u{4e00}-\\u{4e20}\"]{0,12}";
    (
        prop::collection::vec((id, 0u64..u64::MAX, 0usize..5, 0usize..999), 0..6),
        prop::collection::btree_set(id, 0..6),
        prop::collection::btree_map(id, (0usize..5, 0usize..999), 0..6),
    )
        .prop_map(|(bs, read, pos)| State {
            bookmarks: bs
                .into_iter()
                .map(|(i, c, p, o)| Bookmark {
                    anchor: at(Field::Paragraph(p), o),
                    ..bm(&i, c)
                })
                .collect(),
            read,
            positions: pos
                .into_iter()
                .map(|(k, (p, o))| (k, at(Field::Speaker(p), o)))
                .collect(),
            ..State::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// What is written parses back as the same part.
    #[test]
    fn every_state_round_trips_through_its_files(s in state()) {
        for part in Part::ALL {
            let Parsed::Good(back) = part.parse(part.encode(&s).as_bytes()) else {
                panic!("{part:?} did not parse back");
            };
            prop_assert!(part.same(&back, &s));
        }
    }

    /// Any bytes at all: no panic, and never taken for a good file unless they are one.
    #[test]
    fn any_bytes_parse_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        for part in Part::ALL {
            if let Parsed::Good(_) = part.parse(&bytes) {
                let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                prop_assert_eq!(v.get("version").and_then(|v| v.as_u64()), Some(1));
            }
        }
    }
}
