//! The harness the document-reader targets share (`intake_pdf`,
//! `intake_docx`, `intake_html`): arbitrary bytes (capped at 1 MB, read
//! within a 10 s deadline) must give a document or an error naming the
//! file, never a panic or a hang; what comes out is one line per block, with
//! no character that could reach a terminal unsafely.

use std::time::Duration;
use treaty::intake::{Format, Limits, read_document};

/// Bigger inputs are skipped: the readers refuse them before reading.
const MAX_INPUT: usize = 1 << 20;

pub fn check(data: &[u8], format: Format) {
    if data.len() > MAX_INPUT {
        return;
    }
    let limits = Limits {
        max_bytes: MAX_INPUT as u64,
        max_time: Duration::from_secs(10),
    };
    match read_document(data, format, "fuzz", &limits, &mut |_| {}) {
        Ok(doc) => {
            for b in &doc.blocks {
                assert!(!b.text.contains('\n'));
                assert!(!b.text.chars().any(treaty::text::is_unsafe));
            }
            let _ = doc.to_markdown();
        }
        Err(e) => assert!(e.0.starts_with("fuzz"), "{}", e.0),
    }
}
