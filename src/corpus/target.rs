//! The places of the convention a link can point at, and their stable string form.

use std::fmt;
use std::str::FromStr;

/// Number of articles in the convention.
pub const ARTICLE_COUNT: u8 = 68;
/// Number of chapters in the convention.
pub const CHAPTER_COUNT: u8 = 9;

const ROMANS: [&str; 9] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

/// A provision of the convention: the preamble, a chapter or an article.
///
/// Its string form (`preamble`, `chapter:IV`, `article:23`) is part of the
/// public `--json` contract and of the data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Preamble,
    /// Chapter number, 1..=9.
    Chapter(u8),
    /// Article number, 1..=68.
    Article(u8),
}

/// Roman numeral of a chapter number (1..=9); `None` outside that range.
pub fn roman(chapter: u8) -> Option<&'static str> {
    ROMANS.get(usize::from(chapter).checked_sub(1)?).copied()
}

/// Chapter number of a roman numeral (`IV` -> 4), case-insensitive.
pub fn from_roman(s: &str) -> Option<u8> {
    let upper = s.to_ascii_uppercase();
    ROMANS
        .iter()
        .position(|r| *r == upper)
        .and_then(|i| u8::try_from(i + 1).ok())
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Preamble => f.write_str("preamble"),
            Target::Chapter(n) => write!(f, "chapter:{}", roman(*n).unwrap_or("?")),
            Target::Article(n) => write!(f, "article:{n}"),
        }
    }
}

impl Target {
    /// Short human label: `Preamble`, `Chapter IV`, `Art. 23`.
    pub fn label(&self) -> String {
        match self {
            Target::Preamble => "Preamble".to_string(),
            Target::Chapter(n) => format!("Chapter {}", roman(*n).unwrap_or("?")),
            Target::Article(n) => format!("Art. {n}"),
        }
    }
}

/// Why a target string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("article {0} does not exist: the articles run from 1 to 68")]
    NoSuchArticle(String),
    #[error("chapter {0} does not exist: the chapters run from I to IX")]
    NoSuchChapter(String),
    #[error("'{0}' is not a target: write article:N (1-68), chapter:I..IX or preamble")]
    Malformed(String),
}

impl FromStr for Target {
    type Err = TargetError;

    /// Reads `preamble`, `article:23`, `chapter:IV` (also `chapter:4`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("preamble") {
            return Ok(Target::Preamble);
        }
        let (kind, value) = s
            .split_once(':')
            .ok_or_else(|| TargetError::Malformed(s.to_string()))?;
        match kind.to_ascii_lowercase().as_str() {
            "article" => parse_article(value).map(Target::Article),
            "chapter" => parse_chapter(value).map(Target::Chapter),
            _ => Err(TargetError::Malformed(s.to_string())),
        }
    }
}

/// Reads an article number, checking it is 1..=68.
pub fn parse_article(value: &str) -> Result<u8, TargetError> {
    match value.trim().parse::<u32>() {
        Ok(n) if (1..=u32::from(ARTICLE_COUNT)).contains(&n) => Ok(n as u8),
        Ok(_) => Err(TargetError::NoSuchArticle(value.trim().to_string())),
        Err(_) => Err(TargetError::Malformed(format!("article:{}", value.trim()))),
    }
}

/// Reads a chapter as a roman numeral or a number, checking it is I..=IX.
pub fn parse_chapter(value: &str) -> Result<u8, TargetError> {
    let v = value.trim();
    if let Some(n) = from_roman(v) {
        return Ok(n);
    }
    match v.parse::<u32>() {
        Ok(n) if (1..=u32::from(CHAPTER_COUNT)).contains(&n) => Ok(n as u8),
        _ => Err(TargetError::NoSuchChapter(v.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_string_form() {
        for t in [Target::Preamble, Target::Chapter(4), Target::Article(23)] {
            assert_eq!(t.to_string().parse::<Target>(), Ok(t));
        }
        assert_eq!("chapter:IV".parse(), Ok(Target::Chapter(4)));
        assert_eq!("chapter:4".parse(), Ok(Target::Chapter(4)));
    }

    #[test]
    fn rejects_out_of_range() {
        assert!(matches!(
            "article:69".parse::<Target>(),
            Err(TargetError::NoSuchArticle(_))
        ));
        assert!(matches!(
            "article:0".parse::<Target>(),
            Err(TargetError::NoSuchArticle(_))
        ));
        assert!(matches!(
            "chapter:X".parse::<Target>(),
            Err(TargetError::NoSuchChapter(_))
        ));
    }
}
