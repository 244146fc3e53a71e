//! Folding text for matching: lower case, accents stripped, typographic quotes
//! and dashes made plain, always one char for one char so that char positions
//! in folded text are char positions in the original.

/// Folds one char. Only single-char results are used, which keeps char indices
/// of folded and original text equal (the highlighter relies on it).
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(base) = latin_base(c) {
        return base;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// The unaccented lower-case letter of a Latin-1 or Latin Extended-A letter.
fn latin_base(c: char) -> Option<char> {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ'..='ĸ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' | 'ſ' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        _ => return None,
    };
    Some(base)
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Whether matching `s` needs a folded copy: true when some char folds to
/// something other than its ASCII lower case, which the matcher's own
/// ASCII-only case folding would miss.
pub fn needs_fold(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| fold_char(c) != c.to_ascii_lowercase())
}

/// A 64-bit set of the folded chars of a text: one bit per ASCII letter and
/// digit, the other chars hashed onto the remaining bits. A unit can only
/// match a term whose set is a subset of its own: the cheap prefilter.
pub fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | char_bit(fold_char(c)))
}

/// The bit of one folded char; none for spaces, which never decide a match.
pub fn char_bit(c: char) -> u64 {
    match c {
        ' ' => 0,
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 1 << (36 + c as u32 % 28),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_char_for_char() {
        let s = "Benítez-Mongelós ÅŁÓDŹ “quote” – Straße";
        let f = fold(s);
        assert_eq!(f, "benitez-mongelos alodz \"quote\" - straße");
        assert_eq!(f.chars().count(), s.chars().count());
    }

    #[test]
    fn cjk_and_emoji_are_kept() {
        assert_eq!(fold("日本語 🙂 Ωμέγα"), "日本語 🙂 ωμέγα");
        assert!(needs_fold("Ωμέγα"));
        assert!(!needs_fold("Plain ASCII"));
        assert!(!needs_fold("日本語"));
    }

    #[test]
    fn mask_is_case_and_accent_blind() {
        assert_eq!(char_mask("Benítez"), char_mask("benitez"));
        let unit = char_mask("Dual criminality is optional");
        let term = char_mask("dcrim");
        assert_eq!(term & !unit, 0);
        assert_ne!(char_mask("xyz") & !unit, 0);
    }
}
