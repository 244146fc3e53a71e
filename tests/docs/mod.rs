//! Documents the tests write themselves: PDFs (with lopdf and the built-in
//! Helvetica font), Word files (a ZIP of WordprocessingML) and web pages, laid
//! out the way real ones are, with running headers, page counters,
//! footnotes, hyphenated line ends and navigation around the text.
#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};
use std::io::Write;

/// Page size (US letter) and the text column.
pub const PAGE_W: f32 = 612.0;
pub const PAGE_H: f32 = 792.0;
pub const LEFT: f32 = 72.0;

/// One line of text placed on a page; `top` is the baseline, in points from
/// the top of the page.
#[derive(Debug, Clone)]
pub struct Placed {
    pub text: String,
    pub x: f32,
    pub top: f32,
    pub size: f32,
    /// A footnote reference set small and raised after the text.
    pub superscript: Option<String>,
}

pub fn at(text: &str, x: f32, top: f32, size: f32) -> Placed {
    Placed {
        text: text.to_string(),
        x,
        top,
        size,
        superscript: None,
    }
}

/// Latin-1 bytes for WinAnsiEncoding (the fixtures stay in Latin-1).
fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("fixture text is Latin-1"))
        .collect()
}

fn text_op(text: &str, x: f32, y: f32, size: f32) -> Vec<Operation> {
    vec![
        Operation::new("Tf", vec!["F1".into(), size.into()]),
        Operation::new(
            "Tm",
            vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()],
        ),
        Operation::new(
            "Tj",
            vec![Object::String(latin1(text), StringFormat::Literal)],
        ),
    ]
}

/// Helvetica's average advance, close enough to place a superscript after a line.
fn width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.5
}

/// A PDF of these pages; `info` gives Title, Author and CreationDate.
pub fn pdf(pages: &[Vec<Placed>], info: Option<(&str, &str, &str)>) -> Vec<u8> {
    pdf_with(pages, info, None, false)
}

/// The same, encrypted with a user password.
pub fn encrypted_pdf(pages: &[Vec<Placed>], password: &str) -> Vec<u8> {
    pdf_with(pages, None, Some(password), false)
}

/// A PDF whose pages hold only an image, as a scan does.
pub fn scanned_pdf(pages: usize) -> Vec<u8> {
    let blank: Vec<Vec<Placed>> = vec![Vec::new(); pages];
    pdf_with(&blank, None, None, true)
}

fn pdf_with(
    pages: &[Vec<Placed>],
    info: Option<(&str, &str, &str)>,
    password: Option<&str>,
    image: bool,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    if image {
        let pixels = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => 2,
                "Height" => 2,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            vec![0, 255, 255, 0],
        );
        let image_id = doc.add_object(pixels);
        resources.set("XObject", dictionary! { "Im1" => image_id });
    }
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for page in pages {
        let mut ops = vec![Operation::new("BT", vec![])];
        for p in page {
            let y = PAGE_H - p.top;
            ops.extend(text_op(&p.text, p.x, y, p.size));
            if let Some(s) = &p.superscript {
                let small = p.size * 0.6;
                ops.extend(text_op(
                    s,
                    p.x + width(&p.text, p.size) + 1.0,
                    y + p.size * 0.35,
                    small,
                ));
            }
        }
        ops.push(Operation::new("ET", vec![]));
        if image {
            ops.extend([
                Operation::new("q", vec![]),
                Operation::new(
                    "cm",
                    vec![
                        500.into(),
                        0.into(),
                        0.into(),
                        700.into(),
                        50.into(),
                        50.into(),
                    ],
                ),
                Operation::new("Do", vec!["Im1".into()]),
                Operation::new("Q", vec![]),
            ]);
        }
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content encodes"),
        ));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    if let Some((title, author, date)) = info {
        let mut d = Dictionary::new();
        d.set(
            "Title",
            Object::String(latin1(title), StringFormat::Literal),
        );
        d.set(
            "Author",
            Object::String(latin1(author), StringFormat::Literal),
        );
        d.set(
            "CreationDate",
            Object::String(latin1(date), StringFormat::Literal),
        );
        let info_id = doc.add_object(d);
        doc.trailer.set("Info", info_id);
    }
    if let Some(password) = password {
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
                Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
            ]),
        );
        let version = lopdf::EncryptionVersion::V1 {
            document: &doc,
            owner_password: "owner",
            user_password: password,
            permissions: lopdf::Permissions::all(),
        };
        let state = lopdf::EncryptionState::try_from(version).expect("encryption state");
        doc.encrypt(&state).expect("encrypts");
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("the PDF is written");
    out
}

/// Lays out paragraphs as a word processor would: lines of at most `width`
/// characters, `spacing` points apart, an extra half line between
/// paragraphs, a running header and a page counter on every page, and the
/// page filled down to `bottom` before the next begins (so a paragraph and
/// even a sentence may run across the break). Headings are set larger.
pub struct Layout {
    pub header: String,
    pub size: f32,
    pub width: usize,
    pub bottom: f32,
    pages: Vec<Vec<Placed>>,
    top: f32,
    /// Footnotes of the current page.
    notes: Vec<String>,
}

impl Layout {
    pub fn new(header: &str) -> Self {
        let mut l = Layout {
            header: header.to_string(),
            size: 10.0,
            width: 80,
            bottom: 680.0,
            pages: Vec::new(),
            top: 0.0,
            notes: Vec::new(),
        };
        l.new_page();
        l
    }

    fn new_page(&mut self) {
        self.finish_page();
        self.pages.push(vec![
            at(&self.header, LEFT, 40.0, 9.0),
            at("24-25178 (E)", 450.0, 40.0, 9.0),
        ]);
        self.top = 90.0;
    }

    fn finish_page(&mut self) {
        if let Some(page) = self.pages.last_mut() {
            let mut top = 700.0;
            for (i, n) in self.notes.drain(..).enumerate() {
                for (k, line) in wrap(&n, 100).into_iter().enumerate() {
                    let text = if k == 0 {
                        format!("{} {line}", i + 1)
                    } else {
                        line
                    };
                    page.push(at(&text, LEFT, top, 8.0));
                    top += 9.5;
                }
            }
        }
    }

    fn line(&mut self, text: &str, x: f32, size: f32) -> &mut Placed {
        if self.top > self.bottom {
            self.new_page();
        }
        let page = self.pages.last_mut().expect("a page");
        page.push(at(text, x, self.top, size));
        self.top += size * 1.2;
        page.last_mut().expect("just pushed")
    }

    /// A paragraph, wrapped at the layout's width.
    pub fn paragraph(&mut self, text: &str) {
        for l in wrap(text, self.width) {
            self.line(&l, LEFT, self.size);
        }
        self.top += self.size * 0.8;
    }

    /// A paragraph whose lines break exactly as given (a line may end with
    /// a hyphen inside a word).
    pub fn lines(&mut self, lines: &[&str]) {
        for l in lines {
            self.line(l, LEFT, self.size);
        }
        self.top += self.size * 0.8;
    }

    /// A paragraph with a footnote reference after its last line; the note
    /// is set at the foot of the page the paragraph ends on.
    pub fn paragraph_with_note(&mut self, text: &str, note: &str) {
        for l in wrap(text, self.width) {
            self.line(&l, LEFT, self.size);
        }
        self.notes.push(note.to_string());
        let n = self.notes.len().to_string();
        if let Some(p) = self.pages.last_mut().and_then(|p| p.last_mut()) {
            p.superscript = Some(n);
        }
        self.top += self.size * 0.8;
    }

    pub fn heading(&mut self, text: &str) {
        self.top += 6.0;
        self.line(text, LEFT, 14.0);
        self.top += 6.0;
    }

    /// A line centred on the column (as the convention sets article headings).
    pub fn centred(&mut self, text: &str) {
        let w = width(text, self.size);
        let x = (LEFT + 540.0) / 2.0 - w / 2.0;
        self.line(text, x, self.size);
    }

    /// Pages begun so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Lines that still fit on the current page.
    pub fn lines_left(&self) -> usize {
        ((self.bottom - self.top) / (self.size * 1.2)).max(0.0) as usize
    }

    /// Extra space, as between a heading block and the text.
    pub fn space(&mut self) {
        self.top += self.size * 0.8;
    }

    pub fn page_break(&mut self) {
        self.new_page();
    }

    /// The pages, each with its counter `n/N` at the foot.
    pub fn pages(mut self) -> Vec<Vec<Placed>> {
        self.finish_page();
        let total = self.pages.len();
        for (i, p) in self.pages.iter_mut().enumerate() {
            p.push(at(&format!("{}/{total}", i + 1), 300.0, 760.0, 9.0));
        }
        self.pages
    }
}

/// Greedy word wrap at `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A DOCX file: `body` is the inside of `<w:body>`; `parts` are extra
/// (path, XML) parts such as footnotes, headers and core properties.
pub fn docx(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
    docx_with(body, parts, zip::CompressionMethod::Deflated)
}

/// A DOCX whose parts are stored uncompressed (its size on disk is its text's).
pub fn docx_stored(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
    docx_with(body, parts, zip::CompressionMethod::Stored)
}

fn docx_with(body: &str, parts: &[(&str, &str)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        let mut add = |path: &str, data: &str| {
            zip.start_file(path, options).expect("zip entry");
            zip.write_all(data.as_bytes()).expect("zip write");
        };
        add(
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        );
        add(
            "word/document.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            ),
        );
        for (path, data) in parts {
            add(path, data);
        }
        zip.finish().expect("zip finishes");
    }
    buf.into_inner()
}

/// A WordprocessingML paragraph of one run, with an optional style.
pub fn w_p(style: Option<&str>, text: &str) -> String {
    let ppr = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!(
        r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(text)
    )
}

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
