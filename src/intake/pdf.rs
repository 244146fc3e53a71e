//! Reading a PDF: positioned characters of each page (from pdf-extract, a
//! pure-Rust reader over lopdf) grouped into lines, then rebuilt into
//! paragraphs by [`super::rebuild`]. Encrypted files and files that hold
//! only scanned images are refused with a message that says what to do.

use super::rebuild::{self, Line, Page};
use super::{Deadline, Document, Format, IntakeError, Limits, Progress, Unit, normalize};
use crate::corpus::SourceMeta;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Reads the PDF in `bytes` into a document.
pub fn read(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Document, IntakeError> {
    let (pages, meta) = read_pages(bytes, name, limits, progress)?;
    let blocks = rebuild::rebuild(&pages);
    if blocks.is_empty() {
        return Err(IntakeError(format!(
            "{name}: this PDF has no text: nothing to import"
        )));
    }
    Ok(Document {
        format: Format::Pdf,
        meta,
        blocks,
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
    })
}

/// The lines of every page and what the document says about itself.
pub fn read_pages(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Page>, SourceMeta), IntakeError> {
    let deadline = Deadline::new(limits);
    let broken = |why: String| {
        IntakeError(format!(
            "{name}: this PDF cannot be read ({why}): nothing was imported"
        ))
    };
    let mut doc = quietly(|| pdf_extract::Document::load_mem(bytes))
        .ok_or_else(|| broken("its structure is damaged".into()))?
        .map_err(|e| broken(crate::text::one_line(&e.to_string())))?;
    if doc.is_encrypted()
        && quietly(AssertUnwindSafe(|| doc.decrypt(""))).is_none_or(|r| r.is_err())
    {
        return Err(IntakeError(format!(
            "{name}: this PDF is encrypted with a password: save a copy without the password \
             (or print it to a new PDF) and import that; nothing was imported"
        )));
    }
    let meta = metadata(&doc);
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let total = numbers.len() as u64;
    let mut pages = Vec::with_capacity(numbers.len());
    let mut chars = 0usize;
    for (i, n) in numbers.iter().enumerate() {
        deadline.check(name)?;
        progress(Progress {
            done: i as u64,
            total,
            unit: Unit::Pages,
        });
        let mut collector = Collector::default();
        // A page the reader cannot follow (a damaged content stream, an
        // unknown font encoding) is read as far as it goes.
        let _ = quietly(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut collector, *n)
        }));
        let page = collector.finish();
        chars += page.lines.iter().map(|l| l.text.len()).sum::<usize>();
        pages.push(page);
    }
    progress(Progress {
        done: total,
        total,
        unit: Unit::Pages,
    });
    if chars == 0 {
        return Err(IntakeError(if has_images(&doc) {
            format!(
                "{name}: this PDF holds scanned images: run OCR first (for example with a \
                 scanner's software or `ocrmypdf`), then import the result; nothing was imported"
            )
        } else if numbers.is_empty() {
            format!("{name}: this PDF has no pages: nothing to import")
        } else {
            format!("{name}: this PDF has no text: nothing to import")
        }));
    }
    Ok((pages, meta))
}

/// Runs `f`, turning a panic inside the PDF reader into `None` without
/// printing it (a malformed file is an error, not a crash).
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Option<T> {
    silence_reader_panics();
    READING.with(|r| r.set(true));
    let result = catch_unwind(f).ok();
    READING.with(|r| r.set(false));
    result
}

thread_local! {
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent for panics raised while
/// this thread reads a PDF and passes every other panic to the hook before.
fn silence_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !READING.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
}

fn has_images(doc: &pdf_extract::Document) -> bool {
    doc.objects.values().any(|o| {
        o.as_stream().is_ok_and(|s| {
            s.dict
                .get(b"Subtype")
                .and_then(|v| v.as_name())
                .is_ok_and(|n| n == b"Image")
        })
    })
}

/// Title, author and date from the document information dictionary. A title
/// that is only a file name (`Microsoft Word - 2425178E.docx`) says nothing.
fn metadata(doc: &pdf_extract::Document) -> SourceMeta {
    let mut meta = SourceMeta::default();
    let Some(info) = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        pdf_extract::Object::Reference(id) => doc.get_dictionary(*id).ok(),
        pdf_extract::Object::Dictionary(d) => Some(d),
        _ => None,
    }) else {
        return meta;
    };
    let text = |key: &[u8]| {
        info.get(key)
            .ok()
            .and_then(|o| match o {
                pdf_extract::Object::Reference(id) => doc.get_object(*id).ok(),
                o => Some(o),
            })
            .and_then(|o| pdf_extract::decode_text_string(o).ok())
            .map(|s| crate::text::one_line(&s))
            .filter(|s| !s.is_empty())
    };
    meta.title = text(b"Title").filter(|t| !is_file_name(t));
    meta.author = text(b"Author");
    meta.date = text(b"CreationDate").and_then(|d| pdf_date(&d));
    meta
}

fn is_file_name(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.starts_with("microsoft word")
        || [".doc", ".docx", ".pdf", ".odt", ".rtf", ".indd", ".tmp"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// `D:20241224103000+01'00'` -> `2024-12-24`; `D:2024` -> `2024`.
fn pdf_date(raw: &str) -> Option<String> {
    let d = raw.strip_prefix("D:").unwrap_or(raw);
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    match digits.len() {
        n if n >= 8 => Some(format!(
            "{}-{}-{}",
            &digits[..4],
            &digits[4..6],
            &digits[6..8]
        )),
        6 | 7 => Some(format!("{}-{}", &digits[..4], &digits[4..6])),
        4 | 5 => Some(digits[..4].to_string()),
        _ => None,
    }
}

/// One character as placed on the page.
#[derive(Debug, Clone)]
struct Glyph {
    text: String,
    x: f32,
    end: f32,
    y: f32,
    size: f32,
}

/// Collects the glyphs of one page and groups them into lines.
#[derive(Default)]
struct Collector {
    height: f32,
    lines: Vec<Vec<Glyph>>,
}

/// At most this many glyphs are kept per page; a hostile page of millions
/// of glyphs is cut short rather than filling memory.
const MAX_GLYPHS_PER_PAGE: usize = 200_000;

impl Collector {
    fn glyphs(&self) -> usize {
        self.lines.iter().map(Vec::len).sum()
    }

    fn finish(self) -> Page {
        let mut lines: Vec<Line> = self.lines.into_iter().filter_map(build_line).collect();
        // Content streams are not always written in reading order.
        lines.sort_by(|a, b| a.top.total_cmp(&b.top));
        Page { lines }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = (media_box.ury - media_box.lly) as f32;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.glyphs() >= MAX_GLYPHS_PER_PAGE {
            return Ok(());
        }
        let sx = (trm.m11 + trm.m21) * font_size;
        let sy = (trm.m12 + trm.m22) * font_size;
        let size = (sx * sy).abs().sqrt() as f32;
        if !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        let x = trm.m31 as f32;
        let y = self.height - trm.m32 as f32;
        let end = x + (width * f64::from(size)) as f32;
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        let glyph = Glyph {
            text: text.to_string(),
            x,
            end,
            y,
            size,
        };
        let same_line = self
            .lines
            .last()
            .and_then(|l| l.last())
            .is_some_and(|last| {
                let tolerance = last.size.max(size) * 0.5;
                (y - last.y).abs() <= tolerance && x >= last.x - last.size.max(size)
            });
        if same_line {
            if let Some(line) = self.lines.last_mut() {
                line.push(glyph);
            }
        } else {
            self.lines.push(vec![glyph]);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The text of a line of glyphs: spaces where the glyphs leave a gap, small
/// raised figures as superscripts (footnote references).
fn build_line(glyphs: Vec<Glyph>) -> Option<Line> {
    // The size and baseline of most of the line.
    let mut sizes: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied()?;
    let mut baselines: Vec<f32> = glyphs
        .iter()
        .filter(|g| g.size >= size * 0.9)
        .map(|g| g.y)
        .collect();
    baselines.sort_by(f32::total_cmp);
    let baseline = baselines
        .get(baselines.len() / 2)
        .copied()
        .unwrap_or(glyphs[0].y);
    let mut text = String::new();
    let mut last_end: Option<f32> = None;
    let (mut left, mut right) = (f32::MAX, f32::MIN);
    for g in &glyphs {
        let raised = g.size < size * 0.8 && g.y < baseline - size * 0.15;
        let piece = normalize(&g.text);
        let piece: String = if raised && piece.chars().all(|c| c.is_ascii_digit()) {
            piece.chars().map(rebuild::to_superscript).collect()
        } else {
            piece.into_owned()
        };
        if let Some(end) = last_end
            && g.x > end + size * 0.12
            && !text.ends_with(' ')
            && !piece.starts_with(' ')
            && !raised
        {
            text.push(' ');
        }
        if piece.trim().is_empty() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            left = left.min(g.x);
            right = right.max(g.end);
            text.push_str(&piece);
        }
        last_end = Some(g.end.max(g.x));
    }
    let text = crate::text::one_line(&text);
    if text.is_empty() {
        return None;
    }
    Some(Line {
        text,
        left,
        right,
        top: baseline,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_file_name_titles() {
        assert_eq!(
            pdf_date("D:20241224103000+01'00'").as_deref(),
            Some("2024-12-24")
        );
        assert_eq!(pdf_date("D:2024").as_deref(), Some("2024"));
        assert_eq!(pdf_date("yesterday"), None);
        assert!(is_file_name("Microsoft Word - 2425178E.docx"));
        assert!(!is_file_name(
            "United Nations Convention against Cybercrime"
        ));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b"%PDF-1.4\n%garbage"[..],
            b"%PDF-",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog",
        ] {
            let err = read(bytes, "x.pdf", &Limits::default(), &mut |_| {}).expect_err("bad");
            assert!(err.0.starts_with("x.pdf: "), "{err}");
        }
    }
}
