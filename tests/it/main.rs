//! The one integration-test binary: a module per area, `support` shared by all. One
//! binary links tantivy and ratatui once, where 33 binaries linked them 33 times.

mod support;
#[path = "../fixtures/typeset/corpus.rs"]
mod typeset_corpus;
#[path = "../fixtures/typeset/articles.rs"]
mod typeset_fixtures;

mod bookmarks_concurrent;
mod bookmarks_failures;
mod bookmarks_kill;
mod bookmarks_mounts;
mod cli;
mod cli_everyday;
mod e2e_everyday;
mod e2e_link;
mod e2e_tui;
mod epaper_fetch;
mod epaper_kill;
mod epaper_reader;
mod epaper_resume;
mod epaper_shared;
mod epaper_systems;
mod feed_cli;
mod feed_fetch;
mod feed_parse;
mod feed_props;
mod feed_reader;
mod feed_shared;
mod import_bad_files;
mod import_bundled;
mod import_corpus;
mod import_files;
mod import_layouts;
mod import_patterns;
mod import_props;
mod import_traditional;
mod import_unseen;
mod import_unseen_papers;
mod layers;
mod library_cli;
mod library_disk;
mod library_kill;
mod photos;
mod photos_tui;
mod script_display;
mod script_search;
mod script_typeset;
mod search_highlight;
mod search_props;
mod trust_cli;
mod trust_damage;
mod trust_export;
mod trust_marks;
mod typeset_audit;
mod typeset_blocks;
mod typeset_headlines;
mod typeset_justify;
mod typeset_props;
mod typeset_rules;
mod ui_snapshots;
