//! Unit tests for the positional index.

use super::*;
use crate::model::{Article, Issue, Page, Paragraph};

fn lib(texts: &[&[&str]]) -> Library {
    let articles = texts
        .iter()
        .map(|ps| Article {
            title: String::new(),
            paragraphs: ps.iter().map(|t| Paragraph::text(*t)).collect(),
            ..Default::default()
        })
        .collect();
    Library {
        issues: vec![Issue {
            pages: vec![Page {
                articles,
                ..Default::default()
            }],
            ..Default::default()
        }],
    }
}

fn find(ix: &Index, q: &str) -> Vec<u32> {
    ix.slice(&ix.find(q)).to_vec()
}

#[test]
fn finds_every_occurrence_and_its_article() {
    let l = lib(&[&["衡水市。"], &["没有。"], &["衡水 衡水。", "衡水。"]]);
    let ix = Index::new(&l);
    let m = find(&ix, "衡水");
    assert_eq!(m.len(), 4);
    assert_eq!(ix.articles_of(&m), vec![0, 2]);
    assert_eq!(ix.articles_of(&find(&ix, "水衡")), vec![2]);
    assert!(find(&ix, "衡水县").is_empty());
    assert!(find(&ix, "鑫").is_empty());
    assert_eq!(find(&ix, "衡"), m);
    let refined = ix.refine(&Matches::List(m.clone()), 2, "衡水市");
    assert_eq!(ix.slice(&refined), &m[..1]);
    let refined = ix.refine(&Matches::Char('衡'), 1, "衡水市");
    assert_eq!(ix.slice(&refined), &m[..1]);
    assert!(
        ix.slice(&ix.refine(&Matches::Char('衡'), 1, "衡鑫"))
            .is_empty()
    );
    assert_eq!(ix.cost("衡水市"), 1);
    assert_eq!(ix.cost("衡鑫"), 0);
}

/// The folded text with one `\n` per separator, so char positions match the index.
fn folded(lib: &Library) -> Vec<char> {
    let mut out = Vec::new();
    for (_, a) in lib.articles() {
        for piece in pieces(a) {
            if !piece.joins {
                out.push('\n');
            }
            piece
                .text
                .chars()
                .for_each(|c| fold_char(c, |f| out.push(f)));
        }
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    /// Bitsets or lists, found afresh or refined from a prefix: the same positions as
    /// a naive scan of the folded text.
    #[test]
    fn find_and_refine_agree_with_a_naive_scan(
        texts in proptest::collection::vec(
            proptest::collection::vec("[的衡水，。 a]{0,12}", 0..4), 0..6),
        q in "[的衡水，。a]{1,4}",
        cut in 1usize..4,
    ) {
        let texts: Vec<Vec<&str>> =
            texts.iter().map(|t| t.iter().map(String::as_str).collect()).collect();
        let refs: Vec<&[&str]> = texts.iter().map(Vec::as_slice).collect();
        let l = lib(&refs);
        let text = folded(&l);
        let q: String = super::super::normalize(&q);
        let qc: Vec<char> = q.chars().collect();
        let naive: Vec<u32> = (0..text.len())
            .filter(|&i| text[i..].starts_with(&qc))
            .map(|i| i as u32)
            .collect();
        let prefix: String = qc[..cut.min(qc.len())].iter().collect();
        for ix in [Index::build(&l, 32), Index::build(&l, 0), Index::build(&l, 1000)] {
            proptest::prop_assert_eq!(find(&ix, &q), naive.clone());
            let prev = ix.find(&prefix);
            let refined = ix.refine(&prev, prefix.chars().count(), &q);
            proptest::prop_assert_eq!(ix.slice(&refined), &naive[..]);
        }
    }
}

#[test]
fn seeker_answers_membership_by_merge_and_by_gallop() {
    let list: Vec<u32> = (0..500).map(|i| i * 7 + i % 3).collect();
    let questions: Vec<u32> = (0..3600).step_by(5).collect();
    for gallop in [false, true] {
        let mut seek = Seeker {
            list: &list,
            at: 0,
            gallop,
        };
        for &t in &questions {
            assert_eq!(seek.has(t), list.binary_search(&t).is_ok(), "t = {t}");
        }
    }
    assert!(Seeker::new(&list, 10).gallop);
    assert!(!Seeker::new(&list, 100).gallop);
}

#[test]
fn gallop_finds_the_first_item_not_below() {
    let list = [1, 3, 3, 5, 8, 13, 21, 34, 55];
    for x in 0..60 {
        assert_eq!(
            gallop(&list, x),
            list.partition_point(|&m| m < x),
            "x = {x}"
        );
    }
    assert_eq!(gallop(&[], 7), 0);
}

#[test]
fn chars_beyond_the_bmp_are_indexed() {
    let l = lib(&[&["𠀀衡𠀀。"], &["衡𠀁"]]);
    let ix = Index::new(&l);
    assert_eq!(ix.articles_of(&find(&ix, "𠀀")), vec![0]);
    assert_eq!(find(&ix, "𠀀").len(), 2);
    assert_eq!(ix.articles_of(&find(&ix, "衡𠀁")), vec![1]);
    assert!(find(&ix, "衡𠀂").is_empty());
}

#[test]
fn runs_and_articles_do_not_join() {
    // "。" ends the paragraph: no match across it; across a cut paragraph there is.
    let l = lib(&[&["精准。", "定位"], &["精准", "定位"], &["精准"], &["定位"]]);
    let ix = Index::new(&l);
    assert_eq!(ix.articles_of(&find(&ix, "精准定位")), vec![1]);
    assert_eq!(ix.articles_of(&find(&ix, "。定位")), Vec::<usize>::new());
    assert_eq!(ix.starts.len(), 4);
    // 精准定位 twice, 。 once (and four starts): 9 positions of 4 bytes at least.
    assert!(ix.heap_bytes() >= 13 * 4);
}
