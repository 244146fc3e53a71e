//! Fuzzes what a speaker link reads from its peer: whatever bytes arrive,
//! in whatever pieces, lines stay within their cap, whatever is understood
//! carries only text fit for a terminal and reads back the same when sent
//! again, and a frame never grows past its cap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::BufReader;
use treaty::speaker::notes::{Frame, MAX_NOTES};
use treaty::speaker::protocol::{LineReader, MAX_LINE, format, parse};
use treaty::text::is_unsafe;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses how the stream is cut into reads.
    let cap = usize::from(data.first().copied().unwrap_or(1)).max(1);
    let mut lines = LineReader::new(BufReader::with_capacity(cap, data));
    let mut frame = Frame::default();
    while let Ok(Some(line)) = lines.next_line() {
        assert!(line.len() <= MAX_LINE);
        if let Some(m) = parse(&line) {
            let sent = format(&m);
            assert!(!sent.trim_end_matches('\n').chars().any(is_unsafe), "{sent:?}");
            assert_eq!(parse(sent.trim_end_matches('\n').as_bytes()), Some(m.clone()));
            frame.take(m);
            assert!(frame.notes.len() <= MAX_NOTES);
        }
    }
});
