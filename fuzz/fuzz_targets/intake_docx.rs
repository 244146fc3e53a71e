//! Fuzzes the DOCX reader: arbitrary bytes (capped at 1 MB, read within a
//! 10 s deadline) must give a document or an error naming the file, never a
//! panic or a hang; what comes out is one line per block, with no byte that
//! could reach a terminal unsafely.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;
use treaty::intake::{Format, Limits, read_document};

fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let limits = Limits {
        max_bytes: 1 << 20,
        max_time: Duration::from_secs(10),
    };
    match read_document(data, Format::Docx, "fuzz", &limits, &mut |_| {}) {
        Ok(doc) => {
            for b in &doc.blocks {
                assert!(!b.text.contains('\n'));
                assert!(!b.text.chars().any(treaty::text::is_unsafe));
            }
            let _ = doc.to_markdown();
        }
        Err(e) => assert!(e.0.starts_with("fuzz")),
    }
});
