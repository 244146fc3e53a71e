//! Making untrusted text safe and measurable: control characters and escape
//! sequences never reach a terminal, widths are measured in terminal cells.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Characters that may never reach the terminal: C0 controls (except newline and
/// tab, handled by layout), DEL, C1 controls (8-bit CSI/OSC start with these),
/// and bidirectional overrides/isolates that can reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Replaces every unsafe character with U+FFFD. One char for one char, so line
/// and column positions counted in chars stay valid.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Like [`clean`] but also folds newlines and tabs to spaces, for one-line output.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in clean(s).chars() {
        if c.is_whitespace() {
            if !last_space && !out.is_empty() {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Terminal cells a string occupies.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts a one-line string to at most `max` cells, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `"s"` after a count that is not one: `3 passage{plural(3)}`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A snippet of about `max` cells around byte offset `at` (on a char boundary),
/// on one line, with `…` where text was left out.
pub fn snippet(s: &str, at: usize, max: usize) -> String {
    let flat = one_line(s);
    if width(&flat) <= max {
        return flat;
    }
    // Start a little before the point of interest, at a word start.
    let at = at.min(s.len());
    let before: usize = s[..s.floor_char_boundary(at)].chars().count();
    let chars: Vec<char> = flat.chars().collect();
    let mut start = before.saturating_sub(max / 4).min(chars.len());
    if start > 0 {
        while start < chars.len() && start < before && !chars[start - 1].is_whitespace() {
            start += 1;
        }
    }
    let rest: String = chars[start..].iter().collect();
    let prefix = if start > 0 { "…" } else { "" };
    truncate(&format!("{prefix}{rest}"), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_replaces_escapes_char_for_char() {
        let hostile = "a\u{1b}[31mred\u{7}\u{9b}2J\u{202E}x\ny\tz";
        let c = clean(hostile);
        assert!(!c.contains('\u{1b}'));
        assert!(!c.contains('\u{9b}'));
        assert!(!c.contains('\u{202E}'));
        assert_eq!(c.chars().count(), hostile.chars().count());
        assert!(c.contains('\n') && c.contains('\t'));
    }

    #[test]
    fn one_line_folds_whitespace() {
        assert_eq!(one_line("  a\n b\t\tc  "), "a b c");
    }

    #[test]
    fn truncate_counts_cells() {
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("Benítez", 7), "Benítez");
        assert_eq!(truncate("Benítez-Mongelós", 8), "Benítez…");
    }

    #[test]
    fn snippet_starts_near_offset() {
        let s = "one two three four five six seven eight nine ten eleven twelve";
        let at = s.find("eight").unwrap_or(0);
        let snip = snippet(s, at, 30);
        assert!(snip.starts_with('…'), "{snip}");
        assert!(snip.contains("eight"), "{snip}");
        assert!(width(&snip) <= 30);
    }
}
