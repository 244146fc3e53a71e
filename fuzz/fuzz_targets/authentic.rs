//! Fuzzes the authentic-text parser against the embedded convention's
//! official titles. It must never panic and must report only articles that
//! exist, with cleaned text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use treaty::corpus::Convention;
use treaty::library::parse_authentic;

static CONVENTION: LazyLock<Convention> = LazyLock::new(|| {
    treaty::corpus::load_embedded()
        .expect("the embedded corpus loads")
        .convention
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = parse_authentic(&text, &CONVENTION);
    assert_eq!(r.found.len() + r.missing.len(), 68);
    assert!(r.found.iter().all(|n| (1..=68).contains(n)));
    for t in r.text.articles.values().chain(r.text.preamble.iter()) {
        assert!(!t.chars().any(treaty::text::is_unsafe));
    }
    let _ = r.verdict();
});
