//! Fuzzes the one sanitiser: whatever the bytes, what `clean` returns holds
//! no character a terminal would act on, cleaning twice changes nothing, and
//! the line-by-line writer used for stdout is as safe however its input is cut
//! into writes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use treaty::text::{CleanWriter, clean, is_unsafe};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = clean(&text);
    assert!(!once.chars().any(is_unsafe), "{once:?}");
    assert_eq!(clean(&once), once, "cleaning is idempotent");

    // The first byte chooses where the writes are cut.
    let step = usize::from(data.first().copied().unwrap_or(1)).max(1);
    let mut out = Vec::new();
    {
        let mut w = CleanWriter::new(&mut out);
        for chunk in data.chunks(step) {
            w.write_all(chunk).expect("writes to a Vec");
        }
        w.flush().expect("flushes");
    }
    let written = String::from_utf8(out).expect("the writer writes UTF-8");
    assert!(!written.chars().any(is_unsafe), "{written:?}");
});
