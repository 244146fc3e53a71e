//! README.md is what a new user reads first: its key table must be the one
//! the program uses.

use treaty::app::keymap::{Keymap, markdown_table};

#[test]
fn readme_key_table_is_the_programs() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    // The built-in table, as a user without overrides in config.toml has it.
    let table = markdown_table(&Keymap::default());
    if !readme.contains(&table) {
        let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/keys.md");
        let _ = std::fs::write(out, &table);
        panic!(
            "README.md's key table differs from src/app/keymap.rs; the current table is in {out}"
        );
    }
}
