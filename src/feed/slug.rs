//! A paper's ASCII slug for ids and folders: the pinyin initials of its Han name
//! (`人民日报` → `rmrb`, `新华每日电讯` → `xhmrdx`), ASCII letters and digits kept as they
//! are, and a stable hash when nothing readable is left.

/// The slug for a paper's name: the one slug the folder importer gives it too
/// ([`crate::import::place::slugify`]), so a paper's issues from a feed and from a folder
/// are one issue.
pub fn slug(name: &str) -> String {
    crate::import::place::slugify(name)
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn papers() {
        assert_eq!(slug("人民日报"), "rmrb");
        assert_eq!(slug("光明日报"), "gmrb");
        assert_eq!(slug("新华每日电讯"), "xhmrdx");
        assert_eq!(slug("重庆日报"), "cqrb");
        assert_eq!(slug("China Daily"), "china-daily");
        assert!(slug("★").starts_with("p-"));
    }

    #[test]
    fn a_folder_and_a_feed_name_a_paper_alike() {
        let root = std::env::temp_dir().join(format!("dubao-slug-{}", std::process::id()));
        let dir = root.join("人民日报").join("2026-05-05");
        std::fs::create_dir_all(&dir).unwrap();
        let page = dir.join("04.txt");
        std::fs::write(&page, "本报讯 一段正文。\n").unwrap();
        let place = crate::import::place::PagePlace::of(&page).unwrap();
        std::fs::remove_dir_all(&root).ok();
        assert_eq!(place.slug, "rmrb");
        assert_eq!(place.slug, slug("人民日报"));
    }
}
