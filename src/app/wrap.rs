//! Turning corpus text into display lines: cleaned, tabs expanded, wrapped to a
//! width in terminal cells. Corpus text is wrapped once per width and cached,
//! so a frame only slices lines it already has.

use crate::corpus::PassageId;
use crate::text::is_unsafe;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use unicode_width::UnicodeWidthChar;

const TAB_STOP: usize = 4;

/// Text prepared for display and cut into lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    /// The text as shown: unsafe characters replaced, tabs expanded, soft line
    /// breaks turned into spaces.
    pub text: String,
    /// Byte ranges of `text`, one per display line.
    pub lines: Vec<Range<usize>>,
    /// (offset in the original, shift to add) from that offset on; empty when
    /// the display text has the same byte offsets as the original.
    shifts: Vec<(usize, isize)>,
}

impl Wrapped {
    /// Where a byte offset of the original text is in `text`.
    pub fn map(&self, original: usize) -> usize {
        let shift = self
            .shifts
            .iter()
            .take_while(|(at, _)| *at <= original)
            .last()
            .map_or(0, |(_, s)| *s);
        original.saturating_add_signed(shift).min(self.text.len())
    }

    pub fn line(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or("")
    }
}

/// How newlines inside a text are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Breaks {
    /// Every newline starts a new line (authentic text, short fields).
    Keep,
    /// A paragraph's lines flow together, except before list items.
    Flow,
}

/// Prepares and wraps `raw` to `width` cells (at least 1).
pub fn wrap(raw: &str, width: usize, breaks: Breaks) -> Wrapped {
    let mut w = prepare(raw, breaks);
    w.lines = wrap_lines(&w.text, width.max(1));
    w
}

fn starts_list_item(rest: &str) -> bool {
    let t = rest.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t.starts_with('>') {
        return true;
    }
    // `1.`, `(a)`, `a)`
    let head: String = t.chars().take(5).collect();
    let digits = head.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && head[digits..].starts_with(['.', ')']))
        || (head.starts_with('(') && head.contains(')'))
}

fn prepare(raw: &str, breaks: Breaks) -> Wrapped {
    let mut text = String::with_capacity(raw.len());
    let mut shifts = Vec::new();
    let mut column = 0usize;
    for (i, c) in raw.char_indices() {
        let before = text.len();
        match c {
            '\n' => {
                let keep = breaks == Breaks::Keep || starts_list_item(&raw[i + 1..]);
                text.push(if keep { '\n' } else { ' ' });
                column = 0;
            }
            '\t' => {
                let n = TAB_STOP - column % TAB_STOP;
                text.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            c if is_unsafe(c) => {
                text.push('\u{FFFD}');
                column += 1;
            }
            c => {
                text.push(c);
                column += c.width().unwrap_or(0);
            }
        }
        let grew = (text.len() - before) as isize - c.len_utf8() as isize;
        if grew != 0 {
            let total = shifts.last().map_or(0, |(_, s)| *s) + grew;
            shifts.push((i + c.len_utf8(), total));
        }
    }
    Wrapped {
        text,
        lines: Vec::new(),
        shifts,
    }
}

fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Greedy word wrap of each hard line; a word wider than the line is cut
/// between characters (CJK text has no spaces to cut at).
fn wrap_lines(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for hard in text.split('\n') {
        wrap_one(start, hard, width, &mut out);
        start += hard.len() + 1;
    }
    out
}

fn wrap_one(base: usize, line: &str, width: usize, out: &mut Vec<Range<usize>>) {
    let first = out.len();
    // The display line being filled: start, end (bytes in `line`) and cells.
    let mut cur: Option<(usize, usize, usize)> = None;
    // Spaces seen since the last word; they are dropped where a line breaks.
    let mut gap = 0usize;
    let mut leading = true;
    let mut chars = line.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c == ' ' {
            gap += 1;
            chars.next();
            continue;
        }
        let mut end = i;
        let mut w = 0;
        while let Some(&(j, d)) = chars.peek() {
            if d == ' ' {
                break;
            }
            end = j + d.len_utf8();
            w += cells(d);
            chars.next();
        }
        // Indentation at the start of a hard line is kept.
        let indent = if leading { gap } else { 0 };
        leading = false;
        if let Some((s, _, cw)) = cur
            && cw + gap + w <= width
        {
            cur = Some((s, end, cw + gap + w));
            gap = 0;
            continue;
        }
        if let Some((s, e, _)) = cur.take() {
            out.push(base + s..base + e);
        }
        gap = 0;
        let start = i - indent;
        if w + indent <= width {
            cur = Some((start, end, w + indent));
            continue;
        }
        // Too wide for a line: cut between characters.
        let mut s = start;
        let mut used = 0;
        for (j, d) in line[start..end].char_indices() {
            let dw = cells(d);
            if used + dw > width && used > 0 {
                out.push(base + s..base + start + j);
                s = start + j;
                used = 0;
            }
            used += dw;
        }
        cur = Some((s, end, used));
    }
    if let Some((s, e, _)) = cur {
        out.push(base + s..base + e);
    }
    if out.len() == first {
        out.push(base..base);
    }
}

/// The corpus texts worth caching: long, and asked for on every frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKey {
    Passage(PassageId),
    ArticleSummary(u8),
    ArticleText(u8),
    PreambleSummary,
    PreambleText,
}

/// Wrapped corpus texts by (text, width), and what the view derives from the
/// state (a view's entries, the screen's layout, a text's citations) by what
/// it was derived from, so one keystroke computes each once. Lives inside the
/// app state behind a `RefCell` so drawing, which only reads the state, can
/// fill it too; an import that changes the corpus starts a new one.
#[derive(Default)]
pub struct WrapCache {
    map: RefCell<HashMap<(TextKey, usize), Rc<Wrapped>>>,
    /// Derived values by kind: the last few keys each was built for.
    memo: RefCell<HashMap<Derived, Vec<MemoEntry>>>,
    /// Provisions with authentic text show their summary instead (`s`).
    /// Kept with the texts it selects, so every pane built from the state
    /// lays out the same one.
    summary: std::cell::Cell<bool>,
}

type MemoEntry = (Box<dyn Any>, Rc<dyn Any>);

impl std::fmt::Debug for WrapCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WrapCache")
            .field("texts", &self.map.borrow().len())
            .field("summary", &self.summary.get())
            .finish()
    }
}

/// What the view derives and keeps, and how many of each (by the last keys
/// asked for): a keystroke asks for a handful (the layout before and after
/// the focus moved); entry lists can be large (a source of a million
/// paragraphs), so only the view and the one before it (Back) are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Derived {
    /// A view's entries.
    Document,
    /// The outline's entries.
    Outline,
    /// The entries of the links pane (a Cited by list, a paragraph's links).
    Links,
    /// The screen's layout.
    Layout,
    /// The links among an authentic text's citations.
    Citations,
}

impl Derived {
    fn keep(self) -> usize {
        match self {
            Derived::Document | Derived::Outline | Derived::Links => 2,
            Derived::Layout | Derived::Citations => 8,
        }
    }
}

/// Past this many entries, entries for other widths are dropped: after a
/// resize they will not be asked for again.
const CACHE_LIMIT: usize = 20_000;

impl WrapCache {
    pub fn get(&self, key: TextKey, width: usize, text: &str, breaks: Breaks) -> Rc<Wrapped> {
        let width = width.max(1);
        if let Some(w) = self.map.borrow().get(&(key, width)) {
            return Rc::clone(w);
        }
        let wrapped = Rc::new(wrap(text, width, breaks));
        let mut map = self.map.borrow_mut();
        if map.len() >= CACHE_LIMIT {
            map.retain(|(_, w), _| *w == width);
            if map.len() >= CACHE_LIMIT {
                map.clear();
            }
        }
        map.insert((key, width), Rc::clone(&wrapped));
        wrapped
    }

    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    /// The value of kind `kind` derived from `key`: built by `build` the
    /// first time, the same value after. `key` must hold everything the
    /// value is derived from besides the corpus.
    pub fn memo<K, T>(&self, kind: Derived, key: K, build: impl FnOnce() -> T) -> Rc<T>
    where
        K: PartialEq + 'static,
        T: 'static,
    {
        let found = self.memo.borrow().get(&kind).and_then(|entries| {
            entries
                .iter()
                .find(|(k, _)| k.downcast_ref::<K>() == Some(&key))
                .and_then(|(_, v)| Rc::clone(v).downcast::<T>().ok())
        });
        if let Some(v) = found {
            return v;
        }
        // Built with no borrow held: building may ask for other values.
        let value = Rc::new(build());
        let mut memo = self.memo.borrow_mut();
        let entries = memo.entry(kind).or_default();
        if entries.len() >= kind.keep() {
            entries.remove(0);
        }
        entries.push((Box::new(key), Rc::clone(&value) as Rc<dyn Any>));
        value
    }

    /// Whether provisions with authentic text show their summary.
    pub fn shows_summary(&self) -> bool {
        self.summary.get()
    }

    /// Set by `update` only (`s`).
    pub fn set_shows_summary(&self, on: bool) {
        self.summary.set(on);
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_value_is_built_once_per_key_and_few_lists_are_kept() {
        let cache = WrapCache::default();
        let built = std::cell::Cell::new(0);
        let build = |n: usize| {
            built.set(built.get() + 1);
            vec![n; 3]
        };
        let a = cache.memo(Derived::Document, 1_usize, || build(1));
        let again = cache.memo(Derived::Document, 1_usize, || build(1));
        assert!(Rc::ptr_eq(&a, &again));
        assert_eq!(built.get(), 1);
        // Another kind with the same key is another value.
        cache.memo(Derived::Layout, 1_usize, || build(9));
        assert_eq!(built.get(), 2);
        // Lists: the view and the one before it are kept, no more.
        cache.memo(Derived::Document, 2_usize, || build(2));
        cache.memo(Derived::Document, 3_usize, || build(3));
        assert_eq!(built.get(), 4);
        cache.memo(Derived::Document, 1_usize, || build(1));
        assert_eq!(built.get(), 5, "the oldest list was dropped");
    }
    use crate::text::width;

    fn lines(text: &str, w: usize) -> Vec<String> {
        let wr = wrap(text, w, Breaks::Flow);
        (0..wr.lines.len())
            .map(|i| wr.line(i).to_string())
            .collect()
    }

    #[test]
    fn wraps_at_words() {
        assert_eq!(lines("one two three four", 9), ["one two", "three", "four"]);
    }

    #[test]
    fn cuts_long_words_and_cjk_by_cells() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let l = lines("日本語のテキストです", 5);
        assert!(l.iter().all(|s| width(s) <= 5), "{l:?}");
        assert_eq!(l.concat(), "日本語のテキストです");
    }

    #[test]
    fn expands_tabs_and_maps_offsets() {
        let raw = "a\tArt. 23";
        let w = wrap(raw, 40, Breaks::Keep);
        assert_eq!(w.text, "a   Art. 23");
        let at = raw.find("Art").unwrap_or(0);
        assert_eq!(&w.text[w.map(at)..], "Art. 23");
    }

    #[test]
    fn replaces_escapes() {
        let w = wrap("x\u{1b}[2Jy", 40, Breaks::Keep);
        assert!(!w.text.contains('\u{1b}'));
        assert_eq!(w.map(2), "x\u{FFFD}".len());
    }

    #[test]
    fn flows_paragraph_lines_but_keeps_list_items() {
        assert_eq!(lines("one\ntwo", 40), ["one two"]);
        assert_eq!(lines("intro:\n- a\n- b", 40), ["intro:", "- a", "- b"]);
    }

    #[test]
    fn empty_and_zero_width_are_safe() {
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("abc", 0), ["a", "b", "c"]);
        assert_eq!(lines("   ", 2).len(), 1);
    }

    #[test]
    fn every_line_fits() {
        let text = "Accented façade naïve — emoji 👩‍💻 and 中文 mixed, with   spaces";
        for w in 1..30 {
            for l in lines(text, w) {
                assert!(width(&l) <= w.max(2), "{w}: {l:?}");
            }
        }
    }
}
