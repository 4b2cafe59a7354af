//! How fast pages import: the bundled page, a 2 MB one-article page (the size the
//! typesetting benchmark shows), and a 20 MB line with no newline.

use criterion::{Criterion, criterion_group, criterion_main};
use dubao::import::{BUNDLED_PAGE, load_paths, page::parse_page};
use std::hint::black_box;

fn one_article(bytes: usize) -> String {
    let mut page = String::from("长篇报道的标题\n\n本报讯（记者 甲乙）");
    let para = "今天上午，城东新区召开新闻发布会，发布支持青年创业的二十条措施，从场地、资金、培训等方面为青年创业者提供全链条服务。";
    while page.len() < bytes {
        page.push_str(para);
        page.push_str("\n\n");
    }
    page
}

fn bench(c: &mut Criterion) {
    c.bench_function("import bundled page", |b| {
        b.iter(|| parse_page(black_box(BUNDLED_PAGE), "hebei-daily", "2022-07-01", "01"))
    });
    // Through the file, as `dubao show --data PAGE` reads it.
    let dir = tempfile::tempdir().expect("temp dir");
    let two_mb = dir.path().join("two-mb.txt");
    std::fs::write(&two_mb, one_article(2 * 1024 * 1024)).expect("write");
    c.bench_function("import 2 MB one-article page", |b| {
        b.iter(|| load_paths(black_box(std::slice::from_ref(&two_mb))).expect("loads"))
    });
    let line = dir.path().join("line.txt");
    std::fs::write(&line, "长文没有换行，".repeat(20 * 1024 * 1024 / 21)).expect("write");
    let mut group = c.benchmark_group("long line");
    group.sample_size(10);
    group.bench_function("import a 20 MB line", |b| {
        b.iter(|| load_paths(black_box(std::slice::from_ref(&line))).expect("loads"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
