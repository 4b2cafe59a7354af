//! Print one paragraph set at a width, spans separated by `|` (for eyeballing).

fn main() {
    let mut args = std::env::args().skip(1);
    let width: u16 = args.next().and_then(|w| w.parse().ok()).unwrap_or(20);
    let text = args.next().unwrap_or_default();
    let st = dubao::typeset::Settings::default();
    for l in dubao::typeset::set_paragraph(dubao::model::Field::Paragraph(0), &text, width, &st) {
        let parts: Vec<String> = l.spans.iter().map(|s| format!("{:?}", s.text)).collect();
        println!("{:2} {}", l.width(false), parts.join("|"));
    }
}
