//! Telling which encoding a text file is in: UTF-8 with or without a byte
//! order mark, UTF-16 (little or big endian, with a BOM or recognisably
//! without one), and whether text is really an HTML page.

use super::IntakeError;

/// The encodings a text file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// The encoding of a file from its first bytes, and the length of its byte
/// order mark (dropped when reading).
pub fn sniff(head: &[u8]) -> (Encoding, usize) {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return (Encoding::Utf8, 3);
    }
    if head.starts_with(b"\xFF\xFE") {
        return (Encoding::Utf16Le, 2);
    }
    if head.starts_with(b"\xFE\xFF") {
        return (Encoding::Utf16Be, 2);
    }
    // Without a BOM, UTF-16 text in a Latin script has a zero in every other
    // byte; UTF-8 text never has zeros.
    let probe = &head[..head.len().min(4096) & !1];
    if probe.len() >= 4 {
        let zeros = |parity: usize| {
            probe
                .iter()
                .skip(parity)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let pairs = probe.len() / 2;
        let (even, odd) = (zeros(0), zeros(1));
        if odd * 10 >= pairs * 7 && even * 10 < pairs {
            return (Encoding::Utf16Le, 0);
        }
        if even * 10 >= pairs * 7 && odd * 10 < pairs {
            return (Encoding::Utf16Be, 0);
        }
    }
    (Encoding::Utf8, 0)
}

/// Decodes UTF-16 bytes (after the BOM). Unpaired surrogates are refused,
/// or replaced with U+FFFD when `lossy` (with a warning).
pub fn decode_utf16(
    bytes: &[u8],
    encoding: Encoding,
    name: &str,
    lossy: bool,
) -> Result<(String, Vec<String>), IntakeError> {
    let (decoder, label) = match encoding {
        Encoding::Utf16Be => (encoding_rs::UTF_16BE, "UTF-16BE"),
        _ => (encoding_rs::UTF_16LE, "UTF-16LE"),
    };
    let mut warnings = Vec::new();
    let (text, had_errors) = decoder.decode_without_bom_handling(bytes);
    if had_errors || bytes.len() % 2 == 1 {
        if !lossy {
            return Err(IntakeError(format!(
                "{name}: this {label} file holds an invalid sequence (a lone surrogate or a cut \
                 last byte): save it again, or import it with --lossy to replace the bad units"
            )));
        }
        warnings.push(format!(
            "{name}: read as {label}: invalid sequences were replaced with \u{FFFD}"
        ));
    }
    Ok((text.into_owned(), warnings))
}

/// Decodes a whole file as text, in whatever encoding [`sniff`] finds, the
/// BOM dropped. Bad UTF-8 is refused with its offset, or replaced when
/// `lossy`.
pub fn decode(bytes: &[u8], name: &str, lossy: bool) -> Result<(String, Vec<String>), IntakeError> {
    let (encoding, bom) = sniff(bytes);
    let body = &bytes[bom..];
    if encoding != Encoding::Utf8 {
        return decode_utf16(body, encoding, name, lossy);
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(e) if lossy => Ok((
            String::from_utf8_lossy(body).into_owned(),
            vec![format!(
                "{name}: not valid UTF-8: invalid bytes replaced with \u{FFFD} (the first at byte \
                 offset {})",
                bom + e.valid_up_to()
            )],
        )),
        Err(e) => Err(IntakeError(format!(
            "{name}: not valid UTF-8 at byte offset {}: save the file as UTF-8, or import it \
             with --lossy to replace the bad bytes",
            bom + e.valid_up_to()
        ))),
    }
}

/// True when the first bytes open an HTML page rather than text that merely
/// mentions a tag.
pub fn looks_like_html(head: &[u8]) -> bool {
    let probe = &head[..head.len().min(2048)];
    let probe = probe.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(probe);
    let start = probe
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(probe.len());
    let lower: Vec<u8> = probe[start..]
        .iter()
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    let opens = |p: &[u8]| lower.starts_with(p);
    opens(b"<!doctype html")
        || opens(b"<html")
        || opens(b"<head")
        || opens(b"<body")
        || ((opens(b"<?xml") || opens(b"<!--")) && lower.windows(5).any(|w| w == b"<html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for u in s.encode_utf16() {
            v.extend(u.to_le_bytes());
        }
        v
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Article 23 – état\nsecond line";
        for bom in [true, false] {
            let (got, warnings) = decode(&utf16le(text, bom), "x.txt", false).expect("decodes");
            assert_eq!(got, text);
            assert!(warnings.is_empty());
        }
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&be, "x", false).expect("decodes").0, text);
    }

    #[test]
    fn lone_surrogates_are_refused_or_replaced() {
        let mut bytes = utf16le("ab", true);
        bytes.extend([0x00, 0xD8]);
        let err = decode(&bytes, "x.txt", false).expect_err("refused");
        assert!(err.0.contains("UTF-16LE"), "{err}");
        let (got, w) = decode(&bytes, "x.txt", true).expect("lossy");
        assert_eq!(got, "ab\u{FFFD}");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn utf8_bom_dropped_and_bad_bytes_named() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", "x", false).expect("ok").0, "hi");
        let err = decode(b"ab\xffcd", "x.txt", false).expect_err("bad");
        assert!(err.0.contains("byte offset 2"), "{err}");
    }

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html(b"\n  <!DOCTYPE HTML>\n<html>"));
        assert!(looks_like_html(b"<html lang=en>"));
        assert!(!looks_like_html(b"The <html> tag opens a page."));
    }
}
