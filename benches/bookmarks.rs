//! What a bookmark or reading-state save costs with years of state on disk: load at
//! start-up, a position save (lock, read, merge, write, two fsyncs), a toggle.

use criterion::{Criterion, criterion_group, criterion_main};
use dubao::bookmarks::{Bookmark, Change, MarkStore};
use dubao::model::{Anchor, Field};

/// (bookmarks, read articles): a typical store and one after years of reading.
const SIZES: [(usize, usize); 2] = [(100, 1_000), (2_000, 20_000)];

fn bookmark(i: usize) -> Bookmark {
    Bookmark {
        id: format!("hebei-daily/2022-07-{:02}/{:02}/{}", i % 28 + 1, i % 16, i),
        paper: "河北日报".into(),
        date: "2022-07-01".into(),
        title: format!("抓落实 见行动 第{i}篇"),
        anchor: Anchor {
            field: Some(Field::Paragraph(i % 9)),
            offset: i % 300,
        },
        created: 1_600_000_000 + i as u64,
    }
}

fn store_of(bookmarks: usize, read: usize) -> (tempfile::TempDir, MarkStore) {
    let tmp = tempfile::tempdir().unwrap();
    let store = MarkStore::new(tmp.path().join("dubao"));
    let mut changes: Vec<Change> = (0..bookmarks).map(|i| Change::Add(bookmark(i))).collect();
    changes.extend((0..read).map(|i| Change::MarkRead(format!("hebei-daily/x/{i}"))));
    changes.extend((0..read / 2).map(|i| {
        Change::Position(
            format!("hebei-daily/x/{i}"),
            Anchor {
                field: Some(Field::Paragraph(1)),
                offset: i,
            },
        )
    }));
    store.apply(&changes).unwrap();
    (tmp, store)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("bookmarks");
    g.sample_size(20);
    for (bookmarks, read) in SIZES {
        let (_tmp, store) = store_of(bookmarks, read);
        let size = format!("{bookmarks} bookmarks, {read} read");
        g.bench_function(format!("load ({size})"), |b| {
            b.iter(|| store.load().unwrap())
        });
        let mut n = 0usize;
        g.bench_function(format!("save a position ({size})"), |b| {
            b.iter(|| {
                n += 1;
                let a = Anchor {
                    field: Some(Field::Paragraph(2)),
                    offset: n,
                };
                store
                    .apply(&[Change::Position("hebei-daily/x/7".into(), a)])
                    .unwrap()
            })
        });
        g.bench_function(format!("toggle a bookmark ({size})"), |b| {
            b.iter(|| {
                let (state, _) = store.load().unwrap();
                let change = state.toggle(bookmark(bookmarks + 1));
                store.apply(&[change]).unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
