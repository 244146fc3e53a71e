//! Fuzzes the paragraph rebuilder with arbitrary pages of positioned lines
//! (at most 4,000): it never panics and never hangs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treaty::intake::rebuild::{Line, Page, rebuild};

fuzz_target!(|data: &[u8]| {
    let mut pages: Vec<Page> = Vec::new();
    for chunk in data.chunks(6).take(4000) {
        if chunk.len() < 6 {
            break;
        }
        if chunk[0] % 17 == 0 || pages.is_empty() {
            pages.push(Page::default());
        }
        let text = ["Article 5", "text of a line", "Arti-", "cle 7.", "1 A note.", "7/41", ""]
            [usize::from(chunk[1]) % 7]
            .to_string();
        let page = pages.last_mut().expect("a page");
        page.lines.push(Line {
            text,
            left: f32::from(chunk[2]) * 2.0,
            right: f32::from(chunk[2]) * 2.0 + f32::from(chunk[3]) * 2.0,
            top: f32::from(chunk[4]) * 3.0,
            size: 6.0 + f32::from(chunk[5] % 12),
        });
    }
    for page in &mut pages {
        page.lines.sort_by(|a, b| a.top.total_cmp(&b.top));
    }
    let _ = rebuild(&pages);
});
