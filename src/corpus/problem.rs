//! A problem found in corpus data, located at file:line:column so a user can fix it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based, in characters; 0 when the problem is about the whole file.
    pub column: usize,
    pub message: String,
}

impl Problem {
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem about a whole file (missing, unreadable): reported at 1:1.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Problem::at(file, 1, 1, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file,
            self.line,
            self.column,
            crate::text::one_line(&self.message)
        )
    }
}

/// Line and column (1-based, column in chars) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = text.floor_char_boundary(at.min(text.len()));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// All problems of a load, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
