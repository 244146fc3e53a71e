//! The words the room's presentation and a speaker view say to each other
//! over their socket: one short line each, read defensively (a line is
//! capped in length, bytes that are not UTF-8 or a word not known are
//! ignored, numbers are bounded), so nothing a peer sends can crash or
//! flood either side.
//!
//! The room sends, whenever what it shows changes, a whole frame ended by
//! `end` (the speaker shows nothing half-received):
//!
//! ```text
//! slide 3 12
//! blank off
//! elapsed 125
//! title Art. 24 · Conditions and safeguards
//! upcoming Art. 25 · Expedited preservation of stored computer data
//! note mine Ask them about (2)(b).
//! note why Zamora, para 14 — shares “safeguards”, “proportionality”
//! end
//! ```
//!
//! A speaker sends `hello 1 DECK` first, then what its keys ask for:
//! `forward`, `back`, `goto 7`, `blank on`, `blank off`; `quit` from either
//! side says it is leaving.

use crate::text::one_line;
use std::io::BufRead;

/// The protocol's version, in `hello`: a speaker of another version is
/// told nothing rather than misread.
pub const VERSION: u32 = 1;

/// Longest line either side reads; a longer one is skipped whole. Room for
/// a long note line; a line of text is cut to [`MAX_TEXT`] before sending.
pub const MAX_LINE: usize = 4096;

/// Longest text a message carries, in bytes.
pub const MAX_TEXT: usize = 4000;

/// Largest slide number or total believed; decks are far smaller.
const MAX_SLIDES: usize = 100_000;

/// Longest time believed, in seconds (about 11 days).
const MAX_ELAPSED: u64 = 1_000_000;

/// What a speaker-notes line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The user's own note on the slide's article, passage or source.
    Mine,
    /// Why an inferred link on the slide was made.
    Why,
    /// A passage or provision that did not fit on the room's slide.
    More,
}

impl NoteKind {
    fn word(self) -> &'static str {
        match self {
            NoteKind::Mine => "mine",
            NoteKind::Why => "why",
            NoteKind::More => "more",
        }
    }

    fn parse(w: &str) -> Option<NoteKind> {
        match w {
            "mine" => Some(NoteKind::Mine),
            "why" => Some(NoteKind::Why),
            "more" => Some(NoteKind::More),
            _ => None,
        }
    }
}

/// One line of the protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A speaker's greeting: the protocol version and the deck it follows.
    Hello {
        version: u32,
        deck: String,
    },
    /// The slide on the room's screen, 1-based, of `total`.
    Slide {
        number: usize,
        total: usize,
    },
    /// Whether the room's screen is blanked.
    Blank(bool),
    /// Seconds since the room's presentation started.
    Elapsed(u64),
    /// The current slide's title.
    Title(String),
    /// The next slide's title (empty on the last slide).
    Upcoming(String),
    Note(NoteKind, String),
    /// The frame is complete: show it.
    End,
    /// A speaker's key: the next slide.
    Forward,
    /// A speaker's key: the previous slide.
    Back,
    /// A speaker's key: slide `n` (1-based).
    GoTo(usize),
    /// The sender is leaving.
    Quit,
}

/// Text made fit for one line of the protocol: cleaned, on one line, cut at
/// a character boundary to [`MAX_TEXT`] bytes.
fn text(s: &str) -> String {
    // A line break of any kind is a space here, not a character to flag.
    let mut t = one_line(&s.replace('\r', "\n"));
    if t.len() > MAX_TEXT {
        let mut end = MAX_TEXT - '…'.len_utf8();
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        t.truncate(end);
        t.push('…');
    }
    t
}

/// `m` as the line sent, newline included.
pub fn format(m: &Message) -> String {
    let body = match m {
        Message::Hello { version, deck } => format!("hello {version} {}", text(deck)),
        Message::Slide { number, total } => format!("slide {number} {total}"),
        Message::Blank(on) => format!("blank {}", if *on { "on" } else { "off" }),
        Message::Elapsed(s) => format!("elapsed {s}"),
        Message::Title(t) => format!("title {}", text(t)),
        Message::Upcoming(t) => format!("upcoming {}", text(t)),
        Message::Note(kind, t) => format!("note {} {}", kind.word(), text(t)),
        Message::End => "end".into(),
        Message::Forward => "forward".into(),
        Message::Back => "back".into(),
        Message::GoTo(n) => format!("goto {n}"),
        Message::Quit => "quit".into(),
    };
    let mut line = body.trim_end().to_string();
    line.push('\n');
    line
}

fn number(w: &str, max: usize) -> Option<usize> {
    // Digits only: no sign, no spaces, and short enough not to overflow.
    if w.is_empty() || w.len() > 9 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse::<usize>().ok().filter(|n| *n <= max)
}

/// Reads one received line (without its newline); `None` for anything not
/// understood. Text it carries is cleaned for the terminal here, so no
/// caller can forget to.
pub fn parse(line: &[u8]) -> Option<Message> {
    if line.len() > MAX_LINE {
        return None;
    }
    let line = std::str::from_utf8(line).ok()?;
    let line = line.strip_suffix('\r').unwrap_or(line);
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let args: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
    match (word, args.as_slice()) {
        ("hello", [v, ..]) => {
            let version = u32::try_from(number(v, 1_000)?).ok()?;
            let deck = rest.trim_start().split_once(' ').map_or("", |(_, d)| d);
            Some(Message::Hello {
                version,
                deck: text(deck),
            })
        }
        ("slide", [n, t]) => {
            let (n, total) = (number(n, MAX_SLIDES)?, number(t, MAX_SLIDES)?);
            (1..=total)
                .contains(&n)
                .then_some(Message::Slide { number: n, total })
        }
        ("blank", ["on"]) => Some(Message::Blank(true)),
        ("blank", ["off"]) => Some(Message::Blank(false)),
        ("elapsed", [s]) => Some(Message::Elapsed(number(s, MAX_ELAPSED as usize)? as u64)),
        ("title", _) => Some(Message::Title(text(rest))),
        ("upcoming", _) => Some(Message::Upcoming(text(rest))),
        ("note", [kind, ..]) => {
            let kind = NoteKind::parse(kind)?;
            let body = rest.trim_start().split_once(' ').map_or("", |(_, t)| t);
            Some(Message::Note(kind, text(body)))
        }
        ("end", []) => Some(Message::End),
        ("forward", []) => Some(Message::Forward),
        ("back", []) => Some(Message::Back),
        ("goto", [n]) => number(n, MAX_SLIDES).filter(|n| *n > 0).map(Message::GoTo),
        ("quit", []) => Some(Message::Quit),
        _ => None,
    }
}

/// Reads lines of at most [`MAX_LINE`] bytes: a longer line is skipped to
/// its end (never held in memory whole), so a peer cannot make us grow a
/// buffer without bound.
pub struct LineReader<R> {
    inner: R,
    line: Vec<u8>,
    /// In a line too long to keep: skip to its newline.
    skipping: bool,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R) -> Self {
        LineReader {
            inner,
            line: Vec::new(),
            skipping: false,
        }
    }

    /// The next line within the cap, without its newline; `Ok(None)` at the
    /// end of the stream (a last line without a newline is dropped: the peer
    /// went away in the middle of it).
    pub fn next_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(None);
            }
            let (chunk, found) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..i], Some(i)),
                None => (buf, None),
            };
            if !self.skipping {
                if self.line.len() + chunk.len() > MAX_LINE {
                    self.line.clear();
                    self.skipping = true;
                } else {
                    self.line.extend_from_slice(chunk);
                }
            }
            let used = found.map_or(buf.len(), |i| i + 1);
            self.inner.consume(used);
            if found.is_some() {
                if std::mem::take(&mut self.skipping) {
                    continue;
                }
                return Ok(Some(std::mem::take(&mut self.line)));
            }
        }
    }

    /// The next message understood, skipping lines that are not.
    pub fn next_message(&mut self) -> std::io::Result<Option<Message>> {
        while let Some(line) = self.next_line()? {
            if let Some(m) = parse(&line) {
                return Ok(Some(m));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn every_kind() -> Vec<Message> {
        vec![
            Message::Hello {
                version: VERSION,
                deck: "Chapter IV: Procedural measures".into(),
            },
            Message::Slide {
                number: 3,
                total: 12,
            },
            Message::Blank(true),
            Message::Blank(false),
            Message::Elapsed(125),
            Message::Title("Art. 24 · Conditions and safeguards".into()),
            Message::Upcoming(String::new()),
            Message::Note(NoteKind::Mine, "Ask about (2)(b).".into()),
            Message::Note(NoteKind::Why, "shares “safeguards”".into()),
            Message::Note(NoteKind::More, String::new()),
            Message::End,
            Message::Forward,
            Message::Back,
            Message::GoTo(7),
            Message::Quit,
        ]
    }

    #[test]
    fn every_message_reads_back_as_sent() {
        for m in every_kind() {
            let line = format(&m);
            assert!(line.ends_with('\n') && line.matches('\n').count() == 1);
            assert_eq!(
                parse(line.trim_end_matches('\n').as_bytes()),
                Some(m.clone()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn what_is_not_understood_is_ignored() {
        for bad in [
            &b""[..],
            b"slide",
            b"slide 0 12",
            b"slide 13 12",
            b"slide -1 12",
            b"slide 1",
            b"slide 99999999999999999999 3",
            b"goto 0",
            b"goto +3",
            b"blank maybe",
            b"note secret text",
            b"end now",
            b"SLIDE 1 2",
            b"\xff\xfe slide 1 2",
            b"forward\x00",
        ] {
            assert_eq!(parse(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn text_from_a_peer_reaches_no_terminal_raw() {
        let m = parse(b"title \x1b]0;owned\x07Art. 24\x1b[2J \xc2\x9b31m").expect("a title");
        let Message::Title(t) = m else {
            panic!("{m:?}")
        };
        assert!(!t.chars().any(crate::text::is_unsafe), "{t:?}");
        assert!(t.contains("Art. 24"), "{t:?}");
        // A title with a newline in it is sent on one line.
        let line = format(&Message::Title("one\ntwo\r\nthree".into()));
        assert_eq!(line, "title one two three\n");
    }

    #[test]
    fn long_text_is_cut_at_a_character_boundary() {
        let long = "é".repeat(MAX_TEXT);
        let line = format(&Message::Note(NoteKind::Mine, long));
        assert!(line.len() <= MAX_LINE, "{}", line.len());
        assert!(line.trim_end().ends_with('…'));
        assert!(parse(line.trim_end().as_bytes()).is_some());
    }

    #[test]
    fn an_overlong_line_is_skipped_whole() {
        let mut input = b"slide 1 2\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_LINE * 3));
        input.extend(b" slide 2 2\nblank on\npartial");
        let mut r = LineReader::new(std::io::BufReader::with_capacity(64, &input[..]));
        assert_eq!(
            r.next_message().expect("reads"),
            Some(Message::Slide {
                number: 1,
                total: 2
            })
        );
        assert_eq!(r.next_message().expect("reads"), Some(Message::Blank(true)));
        assert_eq!(r.next_message().expect("reads"), None);
    }

    proptest! {
        #[test]
        fn any_bytes_parse_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            if let Some(m) = parse(&bytes) {
                // Whatever is understood carries only text fit for a screen.
                let line = format(&m);
                prop_assert!(!line.trim_end_matches('\n').chars().any(crate::text::is_unsafe));
            }
        }

        #[test]
        fn any_stream_reads_without_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..3000),
            cap in 1usize..64,
        ) {
            let mut r = LineReader::new(std::io::BufReader::with_capacity(cap, &bytes[..]));
            let mut n = 0;
            while let Ok(Some(line)) = r.next_line() {
                prop_assert!(line.len() <= MAX_LINE);
                n += 1;
                prop_assert!(n <= bytes.len());
            }
        }

        #[test]
        fn any_text_survives_a_round_trip(s in any::<String>()) {
            let m = Message::Title(s.clone());
            let line = format(&m);
            let back = parse(line.trim_end_matches('\n').as_bytes());
            prop_assert_eq!(back, Some(Message::Title(text(&s))));
        }

        #[test]
        fn words_of_the_protocol_in_any_order(words in proptest::collection::vec(
            prop_oneof![
                Just("slide".to_string()), Just("goto".to_string()), Just("note".to_string()),
                Just("hello".to_string()), Just("blank".to_string()), Just("on".to_string()),
                Just("why".to_string()), "[0-9]{0,12}", "\\PC{0,5}",
            ],
            0..6,
        )) {
            let _ = parse(words.join(" ").as_bytes());
        }
    }
}
