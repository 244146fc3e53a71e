//! Citations inside the authentic text of an article or the preamble, as
//! links: which ones the text holds, the one Tab and Enter act on, and where
//! following one leads (the cited provision, at the cited paragraph when its
//! authentic text is there). The "Cited by" of the view comes after them in
//! the order Tab walks.

use crate::app::state::{AppState, View};
use crate::app::view::entry::{Ctx, Item};
use crate::app::wrap::Derived;
use crate::app::wrap::TextKey;
use crate::app::wrap::WrapCache;
use crate::corpus::{Corpus, Target};
use crate::refs::extract::{Citation, extract};
use std::ops::Range;
use std::rc::Rc;

/// The authentic text behind a text key, if the key is one.
pub fn text_of(corpus: &Corpus, key: TextKey) -> Option<&str> {
    owner(key)?;
    crate::app::view::document::text_of(corpus, key)
}

/// The provision whose authentic text the key is.
pub fn owner(key: TextKey) -> Option<Target> {
    match key {
        TextKey::ArticleText(n) => Some(Target::Article(n)),
        TextKey::PreambleText => Some(Target::Preamble),
        _ => None,
    }
}

/// The authentic text a view shows now (not its summary): its entry in the
/// document, its key and the text.
pub fn shown_text<'a>(ctx: Ctx<'a>, view: View) -> Option<(usize, TextKey, &'a str)> {
    let (item, key) = crate::app::view::document::document(ctx, view)
        .iter()
        .enumerate()
        .find_map(|(i, it)| match it {
            Item::Body(k @ (TextKey::ArticleText(_) | TextKey::PreambleText)) => Some((i, *k)),
            _ => None,
        })?;
    text_of(ctx.corpus, key).map(|t| (item, key, t))
}

/// The citations of `own`'s authentic text that are links: resolved ones,
/// except a bare mention of `own` itself, which would lead where the reader
/// already is ("paragraph 2 of article 23" inside article 23 is a link: it
/// leads to that paragraph).
pub fn links(text: &str, own: Target) -> Vec<Citation> {
    crate::app::probe::extraction();
    extract(text)
        .into_iter()
        .filter(Citation::is_resolved)
        .filter(|c| paragraph(c).is_some() || c.targets.iter().any(|t| *t != own))
        .collect()
}

/// The links of the authentic text behind `key`, extracted once per text
/// and kept with the wrapped texts.
pub fn links_of(cache: &WrapCache, key: TextKey, text: &str) -> Option<Rc<Vec<Citation>>> {
    let own = owner(key)?;
    Some(cache.memo(Derived::Citations, key, || links(text, own)))
}

/// The links of the text the view shows.
pub fn view_links(ctx: Ctx, view: View) -> Option<(usize, Rc<Vec<Citation>>)> {
    let (item, key, text) = shown_text(ctx, view)?;
    Some((item, links_of(ctx.cache, key, text)?))
}

/// The paragraph number a citation points at: `para. 2`, `(2)(b)`.
pub fn paragraph(c: &Citation) -> Option<usize> {
    let pin = c.pinpoint.as_deref()?;
    let rest = pin
        .strip_prefix("para. ")
        .or_else(|| pin.strip_prefix('('))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Where the paragraphs of an authentic text begin (they are separated by a
/// blank line).
fn paragraph_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices("\n\n").map(|(i, _)| i + 2))
}

/// The byte where numbered paragraph `n` begins.
pub fn paragraph_start(text: &str, n: usize) -> Option<usize> {
    let head = format!("{n}. ");
    paragraph_starts(text).find(|&i| text.get(i..).is_some_and(|t| t.starts_with(&head)))
}

/// The numbers that open paragraphs and sub-items: `1.`, `(a)`, `(iv)`.
pub fn numbers(text: &str) -> Vec<Range<usize>> {
    paragraph_starts(text)
        .filter_map(|i| {
            let label = crate::library::authentic::item_label(text.get(i..)?)?;
            Some(i..i + label.len())
        })
        .collect()
}

/// The current link, if it is one of the text the view shows.
pub fn current(ctx: Ctx, state: &AppState) -> Option<usize> {
    let k = state.here.cite?;
    let (_, links) = view_links(ctx, state.view())?;
    (k < links.len()).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_pinpoints_and_starts() {
        let text = "1. First, see paragraph 3 of article 24.\n\n(a) an item;\n\n2. Second, \
                    under article 23 and article 12.\n\n3. Third.";
        let own = Target::Article(23);
        let l = links(text, own);
        let cited: Vec<&str> = l.iter().map(|c| c.text.as_str()).collect();
        // A bare "article 23" inside article 23 leads nowhere: not a link.
        assert_eq!(cited, ["paragraph 3 of article 24", "article 12"]);
        assert_eq!(paragraph(&l[0]), Some(3));
        assert_eq!(paragraph(&l[1]), None);
        assert_eq!(paragraph_start(text, 2), text.find("2. Second"));
        assert_eq!(paragraph_start(text, 3), text.find("3. Third"));
        assert_eq!(paragraph_start(text, 4), None);
        let nums: Vec<&str> = numbers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(nums, ["1.", "(a)", "2.", "3."]);
    }

    #[test]
    fn a_paragraph_of_the_article_itself_is_a_link() {
        let l = links(
            "1. As provided in paragraph 2 of article 23.",
            Target::Article(23),
        );
        assert_eq!(l.len(), 1);
        assert_eq!(paragraph(&l[0]), Some(2));
    }
}
