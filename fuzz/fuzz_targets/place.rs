//! Fuzzes the go-to parser (`treaty::corpus::locate`) against the embedded
//! corpus: it must never panic, an error must be one clean line, and a
//! location it gives must read back from its spelling.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use treaty::corpus::{Corpus, locate};

static CORPUS: LazyLock<Corpus> =
    LazyLock::new(|| treaty::corpus::load_embedded().expect("the embedded corpus loads"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match locate(&CORPUS, &text) {
        Ok(loc) => assert_eq!(locate(&CORPUS, &loc.spelled(&CORPUS)), Ok(loc)),
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'));
            assert!(!msg.chars().any(treaty::text::is_unsafe));
        }
    }
});
