//! The user's library: sources they imported and the authentic text of the
//! convention, kept in the data directory and merged into the corpus at load.
//! Every imported byte is untrusted: text is cleaned before it is stored, and
//! cleaned again when it is read back.

pub mod authentic;
pub mod import;
mod merge;
mod shelf;

pub use authentic::{AuthenticReport, AuthenticText, parse_authentic};
pub use import::{ImportOptions, Imported, Reading, read_source};
pub use merge::merge_user_library;
pub use shelf::{AuthenticImport, Entry, Library};

/// Why something could not be imported, listed or removed.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The input the user gave cannot be used (a missing file, a directory,
    /// bytes that are not UTF-8, a file with no paragraphs, an unknown id).
    #[error("{0}")]
    Input(String),
    /// The library itself could not be read or written.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// A file name as it may be shown on a terminal: one line, no escapes.
pub fn shown(path: &std::path::Path) -> String {
    crate::text::one_line(&path.display().to_string())
}

/// An id for the command line from a file name: lower-case letters and digits
/// (any script) joined by `-`; never empty, never more than 64 chars nor
/// 160 bytes (a file `ID.md` and its temp files must fit the 255-byte limit
/// of a file name, whatever the script).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 64 || out.len() >= 160 - 4 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "import".to_string()
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_ids() {
        assert_eq!(slug("My Memo (final).v2"), "my-memo-final-v2");
        assert_eq!(slug("Mémoire été"), "mémoire-été");
        assert_eq!(slug("\u{1b}]0;x\u{7}"), "0-x");
        assert_eq!(slug("..."), "import");
        assert_eq!(slug(&"a".repeat(200)).len(), 64);
        assert!(slug(&"\u{1F600}\u{10348}".repeat(100)).len() <= 160);
        assert!(slug(&"ж".repeat(300)).len() <= 160);
    }
}
