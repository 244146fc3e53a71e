//! Finding where things are in a JSON file, so that a problem found after
//! parsing (a bad target, an unknown source) is still reported at line:column.

/// Byte offsets where the elements of the top-level array start. Empty when the
/// text is not an array. Strings are skipped so brackets inside them don't count.
pub fn array_elements(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut level = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expecting = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        if expecting && !b.is_ascii_whitespace() && b != b']' {
            starts.push(i);
            expecting = false;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                level += 1;
                if level == 1 && b == b'[' {
                    expecting = true;
                }
            }
            b']' | b'}' => {
                level = level.saturating_sub(1);
                expecting = false;
            }
            b',' if level == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

/// The byte range of element `index` (from its start to the next element's).
pub fn element_range(text: &str, starts: &[usize], index: usize) -> std::ops::Range<usize> {
    let start = starts.get(index).copied().unwrap_or(0);
    let end = starts.get(index + 1).copied().unwrap_or(text.len());
    start..end
}

/// Offset of the first occurrence of `needle` inside `range`, else the range start.
pub fn find_in(text: &str, range: std::ops::Range<usize>, needle: &str) -> usize {
    let range = range.start.min(text.len())..range.end.min(text.len());
    text.get(range.clone())
        .and_then(|s| s.find(needle))
        .map_or(range.start, |i| range.start + i)
}

/// Offset of the value of `"key":` inside `range`, else the range start.
pub fn find_key(text: &str, range: std::ops::Range<usize>, key: &str) -> usize {
    let at = find_in(text, range.clone(), &format!("\"{key}\""));
    if at == range.start && !text[range.start.min(text.len())..].starts_with(&format!("\"{key}\""))
    {
        return range.start;
    }
    // Skip to the value after the colon.
    let after = at + key.len() + 2;
    text.get(after..)
        .and_then(|s| s.find(|c: char| c != ':' && !c.is_whitespace()))
        .map_or(at, |i| after + i)
}

/// The JSON form of a string, as it appears in the file (for searching).
pub fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_elements() {
        let text = "[\n  {\"a\": [1, 2], \"b\": \"x]\"},\n  {\"a\": 3}\n]";
        let starts = array_elements(text);
        assert_eq!(starts.len(), 2);
        assert_eq!(&text[starts[0]..starts[0] + 1], "{");
        assert_eq!(&text[starts[1]..starts[1] + 7], "{\"a\": 3");
        let r = element_range(text, &starts, 1);
        assert_eq!(find_key(text, r, "a"), starts[1] + 6);
    }

    #[test]
    fn empty_array_has_no_elements() {
        assert!(array_elements("[ ]").is_empty());
        assert!(array_elements("{}").is_empty());
    }
}
