//! Citations to copy: a passage with its source's metadata, a provision of the
//! convention, and the OSC 52 escape that puts text on the terminal's
//! clipboard. Unknown metadata is left out, never guessed and never stood in
//! for ("(untitled)", "n.d." do not appear); only web and mail addresses are
//! kept as URLs.

use super::item::{ItemRef, Resolved};
use crate::corpus::{Corpus, PassageId, Source, Target, target::roman};
use crate::text::one_line;

/// `Alexa Zamora, Global Voices, para. 14` or, with everything known,
/// `Author, "Title", Publisher, 2025-03-13, para. 4, URL`. What is unknown is
/// left out; a source with nothing known is named by its short name. A value
/// an analyst inferred says so (`2024-02 (date inferred)`).
pub fn cite_passage(corpus: &Corpus, id: PassageId) -> String {
    let Some(source) = corpus.sources.get(id.source) else {
        return "(passage not in the corpus)".to_string();
    };
    let paragraph = corpus.passage(id).map_or(id.index + 1, |p| p.number);
    citation(source, Some(paragraph))
}

/// A whole source: like [`cite_passage`] without the paragraph.
pub fn cite_source(corpus: &Corpus, index: usize) -> String {
    match corpus.sources.get(index) {
        Some(source) => citation(source, None),
        None => "(source not in the corpus)".to_string(),
    }
}

/// The parts of a source's citation that are known, in citation order:
/// author (else nothing), title in quotation marks, publisher, date. A
/// source that has none of them is named by its short name.
fn known_parts(source: &Source) -> Vec<String> {
    let meta = &source.meta;
    let known = |v: &Option<String>| v.as_deref().map(one_line).filter(|v| !v.is_empty());
    // A value the source does not state is marked, so a quoted citation
    // never passes an analyst's inference off as the source's own.
    let mark = |key: &str, value: String| match meta.inferred(key) {
        Some(_) => format!("{value} ({key} inferred)"),
        None => value,
    };
    let mut parts: Vec<String> = Vec::new();
    parts.extend(known(&meta.author).map(|a| mark("author", a)));
    parts.extend(known(&meta.title).map(|t| mark("title", format!("\"{t}\""))));
    // A publisher that is also the author is said once.
    parts.extend(
        known(&meta.publisher)
            .filter(|p| Some(p) != known(&meta.author).as_ref())
            .map(|p| mark("publisher", p)),
    );
    parts.extend(known(&meta.date).map(|d| mark("date", d)));
    if parts.is_empty() {
        parts.push(one_line(&source.short_name()));
    }
    parts
}

fn citation(source: &Source, paragraph: Option<usize>) -> String {
    let mut parts = known_parts(source);
    if let Some(n) = paragraph {
        parts.push(format!("para. {n}"));
    }
    parts.extend(source.meta.url.as_deref().and_then(crate::export::safe_url));
    parts.join(", ")
}

/// A source as it stands in a brief's list of sources: what is known of it,
/// then its address as a link; the user's own documents say so.
pub fn cite_source_entry(corpus: &Corpus, index: usize) -> Vec<crate::export::Inline> {
    use crate::export::Inline;
    let Some(source) = corpus.sources.get(index) else {
        return vec![Inline::Text("(source not in the corpus)".into())];
    };
    let mut runs = vec![Inline::Text(known_parts(source).join(", "))];
    if let Some(url) = source.meta.url.as_deref().and_then(crate::export::safe_url) {
        runs.push(Inline::Text(", ".into()));
        runs.push(Inline::Link(url));
    }
    if source.user {
        runs.push(Inline::Text(" (your own document)".into()));
    }
    runs
}

/// The passage in quotation marks, then its citation: what `y` copies.
pub fn quote_passage(corpus: &Corpus, id: PassageId) -> String {
    let text = corpus.passage(id).map_or("", |p| p.text.as_str());
    format!("\"{}\" ({})", one_line(text), cite_passage(corpus, id))
}

/// `UN Convention against Cybercrime (A/RES/79/243)`, from the corpus.
pub fn convention_name(corpus: &Corpus) -> String {
    let title = one_line(&corpus.convention.title);
    let short = title
        .strip_prefix("United Nations ")
        .map_or(title.clone(), |rest| format!("UN {rest}"));
    format!("{short} ({})", one_line(&corpus.convention.resolution))
}

/// `UN Convention against Cybercrime (A/RES/79/243), art. 23`
pub fn cite_article(corpus: &Corpus, number: u8) -> String {
    format!("{}, art. {number}", convention_name(corpus))
}

/// `UN Convention against Cybercrime (A/RES/79/243), chapter IV`
pub fn cite_chapter(corpus: &Corpus, number: u8) -> String {
    let name = roman(number).map_or(number.to_string(), str::to_string);
    format!("{}, chapter {name}", convention_name(corpus))
}

/// The citation of any provision with its title, as `y` copies it:
/// `UN Convention against Cybercrime (A/RES/79/243), art. 24 "Conditions and
/// safeguards"`; the preamble has no title.
pub fn cite_target(corpus: &Corpus, target: Target) -> String {
    let titled = |reference: String, title: Option<&str>| match title.map(one_line) {
        Some(t) if !t.is_empty() => format!("{reference} \"{t}\""),
        _ => reference,
    };
    match target {
        Target::Article(n) => titled(
            cite_article(corpus, n),
            corpus.article(n).map(|a| a.title.as_str()),
        ),
        Target::Chapter(n) => titled(
            cite_chapter(corpus, n),
            corpus.chapter(n).map(|c| c.title.as_str()),
        ),
        Target::Preamble => format!("{}, preamble", convention_name(corpus)),
    }
}

/// The citation of a bookmarkable item; `None` when it is not in the corpus.
pub fn cite_item(corpus: &Corpus, item: &ItemRef) -> Option<String> {
    Some(match item.resolve(corpus).ok()? {
        Resolved::Target(t) => cite_target(corpus, t),
        Resolved::Passage(id) => cite_passage(corpus, id),
        Resolved::Source(i) => cite_source(corpus, i),
    })
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system
/// clipboard. The text is cleaned first so it cannot carry escapes of its own.
pub fn osc52(text: &str) -> String {
    let clean = crate::text::clean(text);
    format!("\u{1b}]52;c;{}\u{7}", base64(clean.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::load_embedded().expect("the embedded corpus loads")
    }

    fn passage(c: &Corpus, source: &str, paragraph: usize) -> PassageId {
        let item = ItemRef::Passage {
            source: source.into(),
            paragraph,
        };
        match item.resolve(c) {
            Ok(Resolved::Passage(id)) => id,
            other => panic!("{source}#{paragraph}: {other:?}"),
        }
    }

    #[test]
    fn passage_citation_leaves_unknowns_out() {
        let c = corpus();
        // Zamora's piece has an author and publisher but no title or date.
        assert_eq!(
            cite_passage(&c, passage(&c, "zamora", 14)),
            "Alexa Zamora, Global Voices, para. 14"
        );
        let full = cite_passage(&c, passage(&c, "benitez-mongelos", 2));
        assert!(
            full.starts_with(
                "Sara Benítez-Mongelós, \"The UN Cybercrime Convention: why it endangers"
            ),
            "{full}"
        );
        assert!(
            full.contains(", 2025-03-13, para. 2, https://www.gchumanrights.org/"),
            "{full}"
        );
        // No author, no publisher: neither is made up.
        let bare = cite_passage(&c, passage(&c, "on-pause", 1));
        assert!(
            bare.starts_with("\"The UN Cybercrime Convention is on pause"),
            "{bare}"
        );
        // Its date is inferred, not stated, and the citation says so.
        assert!(
            bare.ends_with(", 2024-02 (date inferred), para. 1"),
            "{bare}"
        );
    }

    #[test]
    fn provision_citations() {
        let c = corpus();
        assert_eq!(
            cite_article(&c, 23),
            "UN Convention against Cybercrime (A/RES/79/243), art. 23"
        );
        assert_eq!(
            cite_chapter(&c, 4),
            "UN Convention against Cybercrime (A/RES/79/243), chapter IV"
        );
        assert_eq!(
            cite_item(&c, &"preamble".parse().expect("preamble")).as_deref(),
            Some("UN Convention against Cybercrime (A/RES/79/243), preamble")
        );
        assert_eq!(
            cite_item(&c, &ItemRef::Source("zamora".into())).as_deref(),
            Some("Alexa Zamora, Global Voices")
        );
        assert_eq!(cite_item(&c, &ItemRef::Source("gone".into())), None);
        assert_eq!(
            cite_target(&c, Target::Article(24)),
            "UN Convention against Cybercrime (A/RES/79/243), art. 24 \"Conditions and safeguards\""
        );
        assert_eq!(
            cite_target(&c, Target::Chapter(4)),
            "UN Convention against Cybercrime (A/RES/79/243), chapter IV \"Procedural measures and law enforcement\""
        );
    }

    #[test]
    fn hostile_and_missing_metadata() {
        let mut c = corpus();
        let s = &mut c.sources[0];
        s.meta = crate::corpus::SourceMeta {
            url: Some("javascript:alert(1)".into()),
            ..Default::default()
        };
        let cited = cite_source(&c, 0);
        assert!(!cited.contains("javascript"), "{cited}");
        assert!(
            !cited.contains("untitled") && !cited.contains("n.d."),
            "{cited}"
        );
        assert_eq!(cited, c.sources[0].short_name());
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64("é".as_bytes()), "w6k=");
    }

    #[test]
    fn osc52_wraps_cleaned_text() {
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
        // An escape inside the text is removed whole before encoding, and an
        // invisible format character (U+061C) becomes U+FFFD.
        let seq = osc52("a\u{1b}]0;x\u{7}b\u{61c}");
        let inner = seq
            .strip_prefix("\u{1b}]52;c;")
            .and_then(|s| s.strip_suffix('\u{7}'))
            .expect("framed");
        assert_eq!(inner, base64("ab\u{FFFD}".as_bytes()));
        assert!(!inner.contains('\u{1b}'));
    }
}
