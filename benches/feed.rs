//! How fast feeds parse: the three real feeds in `../shared/fixtures/feeds` (skipped when
//! that folder is missing), each from bytes to issues with every item's HTML read.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/feeds");
    if !dir.is_dir() {
        println!("SKIPPED: ../shared not found");
        return;
    }
    let mut group = c.benchmark_group("feed");
    group.sample_size(20);
    for file in [
        "rmrb-2026-05-05.rss.xml",
        "rmrb-2026-08-22.rss.xml",
        "guangming.feed.json",
    ] {
        let bytes = std::fs::read(dir.join(file)).expect("read feed");
        group.bench_function(format!("parse {file}"), |b| {
            b.iter(|| dubao::feed::parse_bytes(black_box(&bytes), "x").expect("parses"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
