//! Fuzzes the readers of `bookmarks.json` and `notes.json`: they never panic,
//! whatever they keep writes back and reads again the same with no problem
//! (so a save never loses what was read), and a file they could not read at
//! all yields nothing and says so.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treaty::user::{read_bookmarks, read_notes};

fuzz_target!(|data: &[u8]| {
    let b = read_bookmarks(data, "bookmarks.json");
    if b.whole {
        assert!(b.value.is_empty() && !b.problems.is_empty());
    }
    let written = serde_json::to_vec(&b.value).expect("bookmarks serialise");
    let again = read_bookmarks(&written, "bookmarks.json");
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.value, b.value);

    let n = read_notes(data, "notes.json");
    if n.whole {
        assert!(n.value.is_empty() && !n.problems.is_empty());
    }
    let written = serde_json::to_vec(&n.value).expect("notes serialise");
    let again = read_notes(&written, "notes.json");
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.value, n.value);
});
