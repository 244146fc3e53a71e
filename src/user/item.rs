//! What the user can bookmark or annotate: a provision (`article:23`,
//! `chapter:IV`, `preamble`), a source (`source:zamora`) or one passage of a
//! source (`passage:zamora#14`), and reading those names against a corpus.

use crate::corpus::target::TargetError;
use crate::corpus::{Corpus, LookupError, PassageId, Place, Target, lookup};
use std::fmt;
use std::str::FromStr;

/// A bookmarkable thing, by stable name. Sources are named by id (not by
/// index) so a reference survives the corpus changing under it; a name that no
/// longer resolves is kept, never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    Target(Target),
    Source(String),
    /// A source id and a 1-based paragraph number, as cited (`para 14`).
    Passage {
        source: String,
        paragraph: usize,
    },
    /// The key points of a brief, by what the brief is on (`brief:bookmarks`,
    /// `brief:concern:scope`, `brief:chapter:IV`, `brief:articles:23,24`):
    /// a note only, never a place or a bookmark.
    Brief(String),
}

/// What an [`ItemRef`] points at in a loaded corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Target(Target),
    /// Index into `Corpus::sources`.
    Source(usize),
    Passage(PassageId),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemRefError {
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error(transparent)]
    Lookup(#[from] LookupError),
    #[error(
        "'{0}' is not a bookmark: write article:N (1-68), chapter:I..IX, preamble, source:ID or passage:ID#N"
    )]
    Malformed(String),
    #[error("source '{id}' has no paragraph {paragraph}: its paragraphs run from 1 to {count}")]
    NoSuchPassage {
        id: String,
        paragraph: usize,
        count: usize,
    },
    #[error(
        "'{0}' names nothing to bookmark: give an article (23), a chapter (IV), preamble, a source id ({1}) or a passage (ID#N)"
    )]
    Unknown(String, String),
    #[error("'{0}' holds the key points of a brief: it is a note, not a place to open or bookmark")]
    NotAPlace(String),
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemRef::Target(t) => t.fmt(f),
            ItemRef::Source(id) => write!(f, "source:{id}"),
            ItemRef::Passage { source, paragraph } => write!(f, "passage:{source}#{paragraph}"),
            ItemRef::Brief(subject) => write!(f, "brief:{subject}"),
        }
    }
}

impl FromStr for ItemRef {
    type Err = ItemRefError;

    /// Reads the stable form only: `article:23`, `chapter:IV`, `preamble`,
    /// `source:ID`, `passage:ID#N`. Checks article and chapter ranges (fixed by
    /// the convention) but not source ids (see [`ItemRef::resolve`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let malformed = || ItemRefError::Malformed(s.to_string());
        let Some((kind, value)) = s.split_once(':') else {
            return s
                .parse::<Target>()
                .map(ItemRef::Target)
                .map_err(|e| match e {
                    TargetError::Malformed(_) => malformed(),
                    other => other.into(),
                });
        };
        match kind.to_ascii_lowercase().as_str() {
            "article" | "chapter" => Ok(ItemRef::Target(s.parse()?)),
            "source" if valid_id(value) => Ok(ItemRef::Source(value.to_string())),
            "brief" if valid_id(value) => Ok(ItemRef::Brief(value.to_string())),
            "passage" => {
                let (id, n) = value.rsplit_once('#').ok_or_else(malformed)?;
                match n.parse::<usize>() {
                    Ok(paragraph) if paragraph > 0 && valid_id(id) => Ok(ItemRef::Passage {
                        source: id.to_string(),
                        paragraph,
                    }),
                    _ => Err(malformed()),
                }
            }
            _ => Err(malformed()),
        }
    }
}

/// Source ids are file names without extension: no spaces, no `#`, not empty.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && !id.contains(|c: char| c.is_whitespace() || c.is_control() || c == '#')
}

impl ItemRef {
    pub fn article(n: u8) -> Self {
        ItemRef::Target(Target::Article(n))
    }

    /// The reference to a passage of a loaded corpus.
    pub fn passage(corpus: &Corpus, id: PassageId) -> Option<Self> {
        let source = corpus.sources.get(id.source)?;
        let p = source.passages.get(id.index)?;
        Some(ItemRef::Passage {
            source: source.id.clone(),
            paragraph: p.number,
        })
    }

    /// The reference to a place the explorer can open.
    pub fn from_place(corpus: &Corpus, place: Place) -> Option<Self> {
        match place {
            Place::Target(t) => Some(ItemRef::Target(t)),
            Place::Source(i) => corpus.sources.get(i).map(|s| ItemRef::Source(s.id.clone())),
        }
    }

    /// Reads what a user typed: the stable form (`passage:zamora#14`), a
    /// passage as `zamora#14`, or anything [`lookup`] understands (`23`,
    /// `chapter IV`, `source zamora`). The result is checked against the corpus.
    pub fn from_input(corpus: &Corpus, input: &str) -> Result<Self, ItemRefError> {
        let text = input.trim();
        let item = match text.parse::<ItemRef>() {
            Ok(item) => item,
            Err(ItemRefError::Malformed(_)) => match text.rsplit_once('#') {
                Some((id, n)) if !id.contains(':') && !id.trim().is_empty() => {
                    format!("passage:{}#{}", id.trim(), n.trim()).parse()?
                }
                _ => match lookup(corpus, text) {
                    Ok(place) => Self::from_place(corpus, place)
                        .ok_or_else(|| ItemRefError::Malformed(text.to_string()))?,
                    Err(LookupError::Unknown(_, sources)) => {
                        return Err(ItemRefError::Unknown(text.to_string(), sources));
                    }
                    Err(e) => return Err(e.into()),
                },
            },
            Err(e) => return Err(e),
        };
        item.resolve(corpus)?;
        Ok(item)
    }

    /// Finds the thing in the corpus, or says what does exist.
    pub fn resolve(&self, corpus: &Corpus) -> Result<Resolved, ItemRefError> {
        let source_index = |id: &str| {
            corpus.source_index(id).ok_or_else(|| {
                ItemRefError::from(LookupError::NoSuchSource(
                    id.to_string(),
                    crate::corpus::lookup::source_list(corpus),
                ))
            })
        };
        match self {
            ItemRef::Target(t) => {
                let exists = match *t {
                    Target::Preamble => true,
                    Target::Article(n) => corpus.article(n).is_some(),
                    Target::Chapter(n) => corpus.chapter(n).is_some(),
                };
                match (exists, *t) {
                    (true, t) => Ok(Resolved::Target(t)),
                    (false, Target::Chapter(n)) => {
                        let name =
                            crate::corpus::target::roman(n).map_or(n.to_string(), str::to_string);
                        Err(TargetError::NoSuchChapter(name).into())
                    }
                    (false, Target::Article(n)) => {
                        Err(TargetError::NoSuchArticle(n.to_string()).into())
                    }
                    (false, Target::Preamble) => Ok(Resolved::Target(Target::Preamble)),
                }
            }
            ItemRef::Source(id) => source_index(id).map(Resolved::Source),
            ItemRef::Brief(_) => Err(ItemRefError::NotAPlace(self.to_string())),
            ItemRef::Passage { source, paragraph } => {
                let s = source_index(source)?;
                let passages = &corpus.sources[s].passages;
                passages
                    .iter()
                    .position(|p| p.number == *paragraph)
                    .map(|index| Resolved::Passage(PassageId { source: s, index }))
                    .ok_or_else(|| ItemRefError::NoSuchPassage {
                        id: source.clone(),
                        paragraph: *paragraph,
                        count: passages.len(),
                    })
            }
        }
    }

    /// A one-line label with its title, for lists: `Art. 23 Scope of
    /// procedural measures`, `Zamora, para 14: "Article 23 allows…"`. Names
    /// that no longer resolve say so.
    pub fn heading(&self, corpus: &Corpus) -> String {
        if let ItemRef::Brief(subject) = self {
            return format!(
                "Key points of the brief on {}",
                crate::text::one_line(subject)
            );
        }
        match self.resolve(corpus) {
            Ok(Resolved::Target(t)) => crate::text::one_line(&corpus.target_heading(t)),
            Ok(Resolved::Source(i)) => crate::text::one_line(&corpus.sources[i].display_title()),
            Ok(Resolved::Passage(id)) => {
                let text = corpus.passage(id).map_or("", |p| p.text.as_str());
                format!(
                    "{}: \"{}\"",
                    crate::text::one_line(&corpus.passage_location(id)),
                    crate::text::truncate(&crate::text::one_line(text), 60)
                )
            }
            Err(_) => "(no longer in the corpus)".to_string(),
        }
    }
}

impl serde::Serialize for ItemRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ItemRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ItemRef::from_stored(&s).map_err(serde::de::Error::custom)
    }
}

impl ItemRef {
    /// Reads a name as this program writes it to a file: exactly, without
    /// trimming, and with any source id a corpus may have (a `--data` file
    /// name may hold spaces or escapes; the id is kept as it is, and is
    /// cleaned only when shown). What the user types goes through
    /// [`ItemRef::from_input`] instead.
    pub fn from_stored(s: &str) -> Result<Self, ItemRefError> {
        if let Some(id) = s.strip_prefix("source:").filter(|id| !id.is_empty()) {
            return Ok(ItemRef::Source(id.to_string()));
        }
        if let Some((id, n)) = s.strip_prefix("passage:").and_then(|r| r.rsplit_once('#'))
            && let Ok(paragraph) = n.parse::<usize>()
            && paragraph > 0
            && !id.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            return Ok(ItemRef::Passage {
                source: id.to_string(),
                paragraph,
            });
        }
        if s.trim() != s {
            return Err(ItemRefError::Malformed(s.to_string()));
        }
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::load_embedded().expect("the embedded corpus loads")
    }

    #[test]
    fn stable_form_round_trips() {
        for s in [
            "article:23",
            "chapter:IV",
            "preamble",
            "source:zamora",
            "passage:zamora#14",
        ] {
            let item: ItemRef = s.parse().expect(s);
            assert_eq!(item.to_string(), s);
        }
        assert_eq!("chapter:4".parse(), Ok(ItemRef::Target(Target::Chapter(4))));
        assert_eq!(
            " passage:a-b#2 ".parse(),
            Ok(ItemRef::Passage {
                source: "a-b".into(),
                paragraph: 2
            })
        );
    }

    #[test]
    fn malformed_and_out_of_range_are_told_apart() {
        let err = "article:69".parse::<ItemRef>().expect_err("69");
        assert_eq!(
            err.to_string(),
            "article 69 does not exist: the articles run from 1 to 68"
        );
        for bad in [
            "",
            "passage:zamora",
            "passage:zamora#0",
            "passage:#3",
            "source:",
            "note:1",
        ] {
            assert!(
                matches!(bad.parse::<ItemRef>(), Err(ItemRefError::Malformed(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn user_input_goes_through_lookup() {
        let c = corpus();
        let read = |s: &str| ItemRef::from_input(&c, s).map(|i| i.to_string());
        assert_eq!(read("23").as_deref(), Ok("article:23"));
        assert_eq!(read("chapter IV").as_deref(), Ok("chapter:IV"));
        assert_eq!(read("source zamora").as_deref(), Ok("source:zamora"));
        assert_eq!(read("zamora#14").as_deref(), Ok("passage:zamora#14"));
        assert_eq!(read("Preamble").as_deref(), Ok("preamble"));
        let err = read("69").expect_err("69");
        assert_eq!(
            err.to_string(),
            "article 69 does not exist: the articles run from 1 to 68"
        );
        let err = read("source:nobody").expect_err("nobody").to_string();
        assert!(
            err.starts_with("no source 'nobody': the sources are "),
            "{err}"
        );
        assert!(err.contains("zamora"), "{err}");
        let err = read("zamora#999").expect_err("999").to_string();
        assert!(err.contains("has no paragraph 999"), "{err}");
        let err = read("what is this").expect_err("words").to_string();
        assert!(err.contains("names nothing to bookmark"), "{err}");
    }

    #[test]
    fn heading_names_the_thing() {
        let c = corpus();
        assert_eq!(
            ItemRef::article(23).heading(&c),
            "Art. 23 Scope of procedural measures"
        );
        let p: ItemRef = "passage:zamora#14".parse().expect("passage");
        assert!(p.heading(&c).starts_with("Zamora, para 14: \"Article 23"));
        let gone: ItemRef = "source:gone".parse().expect("source");
        assert_eq!(gone.heading(&c), "(no longer in the corpus)");
    }

    #[test]
    fn serde_uses_the_string_form() {
        let items = vec![
            ItemRef::article(23),
            "passage:zamora#14".parse().expect("p"),
        ];
        let json = serde_json::to_string(&items).expect("ser");
        assert_eq!(json, r#"["article:23","passage:zamora#14"]"#);
        let back: Vec<ItemRef> = serde_json::from_str(&json).expect("de");
        assert_eq!(back, items);
        assert!(serde_json::from_str::<Vec<ItemRef>>(r#"["article:99"]"#).is_err());
    }

    #[test]
    fn what_was_written_reads_back_exactly() {
        for item in [
            ItemRef::Source("evil\u{1b}]0;x\u{7} id".into()),
            ItemRef::Passage {
                source: "a#b c".into(),
                paragraph: 3,
            },
            ItemRef::article(68),
        ] {
            assert_eq!(ItemRef::from_stored(&item.to_string()), Ok(item));
        }
        assert!(ItemRef::from_stored(" article:3").is_err());
    }
}
