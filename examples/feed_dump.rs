//! Print what the feed parser makes of a feed file, for checking by eye.
fn main() {
    for path in std::env::args().skip(1) {
        match dubao::feed::parse_file(std::path::Path::new(&path)) {
            Ok(issues) => {
                let lib = dubao::model::Library { issues };
                println!("{}", serde_json::to_string_pretty(&lib).unwrap_or_default());
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
