//! Print the typesetter's test articles at a given width (`cargo run --example
//! typeset_show -- 40`), for looking at the setting by eye.

#[path = "../tests/fixtures/typeset/articles.rs"]
mod fixtures;

fn main() {
    let width: u16 = std::env::args()
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or(40);
    let height: u16 = std::env::args()
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or(u16::MAX);
    let st = dubao::typeset::Settings {
        columns: height != u16::MAX,
        ..Default::default()
    };
    for a in fixtures::articles() {
        let l = dubao::typeset::layout(&a, width, height, &st);
        println!("{}", "=".repeat(width as usize));
        for line in &l.lines {
            let w = line.width(false);
            println!("{}{}|", line.plain(), " ".repeat(width as usize - w));
        }
    }
}
