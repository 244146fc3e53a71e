//! `treaty present` and the settings flags as a user runs them: help, exit
//! codes and messages for a deck, a theme or a config file that is wrong.

mod common;

use common::{stderr, stdout};
use std::process::Output;

/// Runs the binary with an empty user library and its settings in
/// `config_home`; `NO_COLOR` is left as the test process has it.
fn treaty_in(config_home: &std::path::Path, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    common::run_treaty(
        args,
        &[
            ("TREATY_DATA_HOME", home.path().as_os_str()),
            ("XDG_CONFIG_HOME", config_home.as_os_str()),
        ],
    )
}

fn treaty(args: &[&str]) -> Output {
    let config = tempfile::tempdir().expect("tempdir");
    treaty_in(config.path(), args)
}

#[test]
fn present_help_explains_the_decks_and_keys() {
    let o = treaty(&["present", "--help"]);
    assert!(o.status.success());
    let s = stdout(&o);
    for word in [
        "--deck",
        "bookmarks",
        "chapter IV",
        "concern ID",
        "PageDown",
        "--theme",
    ] {
        assert!(s.contains(word), "{word}: {s}");
    }
}

#[test]
fn an_unknown_deck_is_exit_2_naming_the_valid_ones() {
    let o = treaty(&["present", "--deck", "slides please"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("no deck \"slides please\""), "{e}");
    assert!(
        e.contains("bookmarks") && e.contains("chapter IV") && e.contains("scope"),
        "{e}"
    );
    let o = treaty(&["present", "--deck", "chapter XII"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("I to IX"), "{}", stderr(&o));
    let o = treaty(&["present", "--deck", "concern nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the concerns are"), "{}", stderr(&o));
    let o = treaty(&["present", "--deck", "bookmarks"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no bookmarks"), "{}", stderr(&o));
}

#[test]
fn a_good_deck_without_a_terminal_says_what_it_would_show() {
    let o = treaty(&["present", "--deck", "chapter IV"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("needs a terminal"), "{}", stdout(&o));
    assert!(stdout(&o).contains("Chapter IV"), "{}", stdout(&o));
}

#[test]
fn a_bad_theme_or_config_is_exit_2_naming_the_problem() {
    let o = treaty(&["present", "--theme", "neon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("high-contrast"), "{}", stderr(&o));
    let config = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(config.path().join("treaty")).expect("mkdir");
    let file = config.path().join("treaty/config.toml");
    std::fs::write(&file, "mouse = false\n[keys]\nquit = \"hyper-q\"\n").expect("write");
    let o = treaty_in(config.path(), &["present", "--deck", "IV"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains(&format!("{}:3: ", file.display())), "{e}");
    assert!(e.contains("\"hyper-q\" is not a key"), "{e}");
}
