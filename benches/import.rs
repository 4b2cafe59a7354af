//! How fast pages import, in MB/s of page text (criterion's `thrpt`; the target is above
//! 50 MB/s in a release build): the bundled page, a page of many short articles with
//! stacks, bylines, subheads and column cuts, a 2 MB one-article page, and a 20 MB line
//! with no newline.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dubao::import::{BUNDLED_PAGE, load_paths, parse_page};
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

/// A busy page: stories with kickers, bylines, subheads, captions and credits, in the
/// blank style, about `bytes` long.
fn busy_page(bytes: usize) -> String {
    let story = "社区食堂开到家门口——\n\n老人吃饭不再犯愁（民生观察）\n\n本报记者  王  明\n\n\
        近日，城东街道的社区食堂正式开张，每天为辖区六十岁以上老人提供午餐和晚餐，价格实惠，菜品丰富。\n\n\
        饭菜可口\n\n“饭菜软烂可口，价格也合适。”家住附近的李大爷说，他几乎每天都来这里吃饭，还结识了不少新朋友。\n\n\
        街道负责人介绍，下一步将在其他社区推广这一做法，让更多老人在家门口吃上热乎饭，同时引入志愿者\n\n\
        参与配餐送餐服务，方便行动不便的老人。\n\n（本报记者  王  明）\n\n";
    let mut page = String::new();
    while page.len() < bytes {
        page.push_str(story);
    }
    page
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(BUNDLED_PAGE.len() as u64));
    group.bench_function("bundled page", |b| {
        b.iter(|| parse_page(black_box(BUNDLED_PAGE), "hebei-daily", "2022-07-01", "01"))
    });
    let busy = busy_page(256 * 1024);
    group.throughput(Throughput::Bytes(busy.len() as u64));
    group.bench_function("busy 256 KB page", |b| {
        b.iter(|| parse_page(black_box(&busy), "busy", "2024-03-08", "01"))
    });
    group.finish();
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
