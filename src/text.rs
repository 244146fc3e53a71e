//! Making untrusted text safe and measurable: control characters and escape
//! sequences never reach a terminal, widths are measured in terminal cells.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Characters that may never reach the terminal as they are: C0 controls
/// (except newline and tab, handled by layout), DEL, C1 controls (8-bit
/// CSI/OSC start with these), line and paragraph separators (a terminal and
/// the app disagree on where the line ends), and invisible format characters
/// (Unicode Cf: bidi controls that reorder what a reader sees, U+061C, the
/// interlinear annotation marks U+FFF9-FFFB, tags...).
pub fn is_unsafe(c: char) -> bool {
    // Most text is ASCII: one comparison or two.
    if c.is_ascii() {
        return (c < ' ' && c != '\n' && c != '\t') || c == '\u{7f}';
    }
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}')
        || (is_format(c) && !is_joiner(c))
}

/// Zero-width joiner and non-joiner spell words (Persian, Indic scripts) and
/// emoji; both are zero cells wide to the terminal and to unicode-width, so
/// they are kept.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Unicode general category Cf (format), Unicode 16. A unit test checks this
/// list against the regex crate's tables.
pub fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// Invisible characters that carry no meaning a reader could miss (a soft
/// hyphen marks where a word may break; U+FEFF is a byte-order mark or a
/// zero-width no-break space): dropped rather than shown as U+FFFD.
fn is_droppable(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{FEFF}')
}

/// Makes untrusted text safe for a terminal or a clipboard: the one sanitiser
/// every path to a screen, stdout, stderr, window title or OSC 52 goes through.
///
/// Escape sequences (CSI, OSC, DCS, SOS/PM/APC, in their 7-bit `ESC x` and
/// 8-bit C1 forms) are removed whole, as a terminal's parser would consume
/// them (vte, the parser of Alacritty): `ESC[31mred` becomes `red`, an OSC
/// window title leaves nothing. What is left over, a stray control character
/// or an escape that never ends before the text does, is replaced with
/// U+FFFD, and so are the characters of [`is_unsafe`]. Newline and tab are
/// kept (layout handles them).
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    // 8-bit introducers become their 7-bit forms (U+009B is ESC [), so the
    // parser sees one kind of sequence.
    let mut bytes = Vec::with_capacity(s.len() + 8);
    for c in s.chars() {
        if ('\u{80}'..='\u{9F}').contains(&c) {
            bytes.push(0x1b);
            bytes.push(c as u8 - 0x40);
        } else {
            let mut buf = [0; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    let mut sink = Sink::default();
    let mut from = 0;
    loop {
        let unfinished = strip(&bytes[from..], &mut sink);
        match unfinished {
            // An escape that the text ends inside of: the ESC is stray, what
            // follows it is text.
            Some((at, out_len)) => {
                sink.out.truncate(out_len);
                sink.out.push('\u{FFFD}');
                from += at + 1;
            }
            None => break,
        }
    }
    Cow::Owned(sink.out)
}

/// Runs `bytes` through a fresh parser into `sink`. Returns where the escape
/// sequence that was still open at the end started (offset in `bytes`) and
/// how long the output was then; `None` when the text ended in plain text.
fn strip(bytes: &[u8], sink: &mut Sink) -> Option<(usize, usize)> {
    let mut parser = vte::Parser::new();
    let mut open: Option<(usize, usize)> = None;
    let mut at = 0;
    // Fed in runs that start at an ESC: within a run, once a sequence is
    // done, no other can start, so `done` tells whether the run ends open.
    for run in bytes
        .split_inclusive(|b| *b == 0x1b)
        .flat_map(split_before_esc)
    {
        if run.first() == Some(&0x1b) {
            open = Some((at, sink.out.len()));
        }
        sink.done = false;
        parser.advance(sink, run);
        if sink.done {
            open = None;
        }
        at += run.len();
    }
    open
}

/// `split_inclusive` ends runs with the ESC; this moves each ESC to the start
/// of the run that follows it.
fn split_before_esc(run: &[u8]) -> impl Iterator<Item = &[u8]> {
    let (body, esc) = match run.last() {
        Some(0x1b) => run.split_at(run.len() - 1),
        _ => (run, &run[run.len()..]),
    };
    [body, esc].into_iter().filter(|r| !r.is_empty())
}

/// Collects the printable text the parser finds; sequences are dropped.
#[derive(Default)]
struct Sink {
    out: String,
    /// A sequence ended (or plain text was printed) in the last run.
    done: bool,
}

impl vte::Perform for Sink {
    fn print(&mut self, c: char) {
        self.done = true;
        if is_droppable(c) {
            return;
        }
        self.out.push(if is_unsafe(c) { '\u{FFFD}' } else { c });
    }

    fn execute(&mut self, byte: u8) {
        // CAN and SUB cancel a sequence.
        if matches!(byte, 0x18 | 0x1a) {
            self.done = true;
        }
        self.out.push(match byte {
            b'\n' => '\n',
            b'\t' => '\t',
            _ => '\u{FFFD}',
        });
    }

    fn csi_dispatch(&mut self, _: &vte::Params, _: &[u8], _: bool, _: char) {
        self.done = true;
    }

    fn esc_dispatch(&mut self, _: &[u8], _: bool, _: u8) {
        self.done = true;
    }

    fn osc_dispatch(&mut self, _: &[&[u8]], _: bool) {
        self.done = true;
    }

    fn unhook(&mut self) {
        self.done = true;
    }
}

/// A writer that passes everything through [`clean`], a line at a time (an
/// escape sequence cannot outlive its line): what the commands print on
/// stdout goes through it, so no path from a file or an argument to the
/// terminal is left raw, whichever command prints it.
pub struct CleanWriter<W: std::io::Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: std::io::Write> CleanWriter<W> {
    pub fn new(inner: W) -> Self {
        CleanWriter {
            inner,
            line: Vec::new(),
        }
    }

    fn emit(&mut self, upto: usize) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.line[..upto]);
        let cleaned = clean(&text);
        self.inner.write_all(cleaned.as_bytes())?;
        self.line.drain(..upto);
        Ok(())
    }
}

impl<W: std::io::Write> std::io::Write for CleanWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.line.extend_from_slice(buf);
        if let Some(last) = self.line.iter().rposition(|b| *b == b'\n') {
            self.emit(last + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.line.is_empty() {
            self.emit(self.line.len())?;
        }
        self.inner.flush()
    }
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
    fn clean_strips_whole_sequences() {
        let cases = [
            ("a\u{1b}[31mred\u{1b}[0m", "ared"),
            ("\u{1b}]0;PWNED\u{7}title", "title"),
            ("\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\", "link"),
            ("\u{1b}P1$qm\u{1b}\\after", "after"),
            ("\u{1b}_apc payload\u{1b}\\ok", "ok"),
            ("\u{1b}^pm\u{1b}\\ok", "ok"),
            ("\u{1b}Xsos\u{1b}\\ok", "ok"),
            ("x\u{9b}2Jy", "xy"),
            ("x\u{9d}0;title\u{9c}y", "xy"),
            ("\u{90}dcs\u{9c}z", "z"),
            ("\u{1b}7saved\u{1b}8", "saved"),
        ];
        for (hostile, shown) in cases {
            assert_eq!(clean(hostile), shown, "{hostile:?}");
        }
    }

    #[test]
    fn clean_replaces_what_is_stray() {
        assert_eq!(clean("a\u{7}b\rc"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(clean("line\n\tnext"), "line\n\tnext");
        // An escape the text ends inside: the ESC is replaced, the rest kept.
        assert_eq!(
            clean("memo \u{1b}]0;not closed"),
            "memo \u{FFFD}]0;not closed"
        );
        assert_eq!(clean("end\u{1b}"), "end\u{FFFD}");
        assert_eq!(clean("a\u{1b}[1\u{1b}[2"), "a\u{FFFD}[2");
        for c in [
            '\u{202E}',
            '\u{2066}',
            '\u{061C}',
            '\u{2028}',
            '\u{2029}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{200B}',
            '\u{E0041}',
        ] {
            assert_eq!(clean(&format!("a{c}b")), "a\u{FFFD}b", "{c:?}");
        }
        assert_eq!(clean("\u{FEFF}soft\u{AD}ware"), "software");
        assert_eq!(
            clean("\u{1F469}\u{200D}\u{1F4BB} \u{645}\u{200C}\u{634}"),
            "\u{1F469}\u{200D}\u{1F4BB} \u{645}\u{200C}\u{634}"
        );
        assert!(matches!(clean("Benítez-Mongelós, 日本"), Cow::Borrowed(_)));
    }

    #[test]
    fn format_characters_are_unicode_cf() {
        let cf = regex::Regex::new(r"^\p{Cf}$").expect("regex");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            assert_eq!(
                is_format(c),
                cf.is_match(c.encode_utf8(&mut buf)),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn nothing_unsafe_survives_clean() {
        let hostile = "\u{1b}\u{1b}[\u{9b}\u{1b}]\u{7}\u{1b}P\u{1b}\u{18}\u{9f}x\u{85}";
        assert!(
            !clean(hostile).chars().any(is_unsafe),
            "{:?}",
            clean(hostile)
        );
    }

    #[test]
    fn the_writer_cleans_line_by_line() {
        use std::io::Write;
        let mut out = Vec::new();
        let mut w = CleanWriter::new(&mut out);
        write!(w, "name: \u{1b}]0;").expect("write");
        writeln!(w, "PWN\u{7}ok").expect("write");
        write!(w, "x\u{9b}").expect("write");
        writeln!(w, "31mred").expect("write");
        write!(w, "tail\u{1b}").expect("write");
        w.flush().expect("flush");
        drop(w);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "name: ok\nxred\ntail\u{FFFD}"
        );
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
