//! Fuzzes the importer: arbitrary bytes, strict and lossy. It must never
//! panic, and whatever it stores must read back as the corpus format with the
//! paragraphs it reported, with no byte that could reach a terminal unsafely.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treaty::corpus::source_file::parse_source;
use treaty::library::{ImportOptions, read_source};

fuzz_target!(|data: &[u8]| {
    let (lossy, bytes) = match data.split_first() {
        Some((flag, rest)) => (flag & 1 == 1, rest),
        None => (false, data),
    };
    let options = ImportOptions {
        lossy,
        ..ImportOptions::default()
    };
    if let Ok(r) = read_source(bytes, "fuzz.txt", &options) {
        assert!(
            !r.stored
                .chars()
                .any(|c| treaty::text::is_unsafe(c) || c == '\t')
        );
        let s = parse_source("fuzz", "fuzz.md", &r.stored).expect("the stored file parses");
        assert_eq!(s.passages.len(), r.paragraphs);
        assert_eq!(s.headings.len(), r.headings);
    }
});
