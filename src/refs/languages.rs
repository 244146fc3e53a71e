//! Citation forms of the UN languages written in other scripts: Russian
//! (`статья 23`, `статьи 29 и 30`, `глава IV`, `пункт 2 статьи 24`), Arabic
//! (`المادة 23`, `المادتين 29 و30`, `المواد من 29 إلى 35`, `الفصل الرابع`) and
//! Chinese (`第二十三条`, `第29条至第35条`, `第四章`, `第二十四条第2款`).
//! French and Spanish share the Latin patterns of `extract`. Articles of
//! other instruments (`статья 4 Протокола`, `المادة 4 من البروتوكول`,
//! `《布达佩斯公约》第41条`) are left out, as in English.

use super::hit::Hit as LanguageHit;
use regex::Regex;
use std::sync::LazyLock;

/// Western or Arabic-Indic digits.
const DIGITS: &str = r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]+";
/// Chinese numerals as used in article numbers.
const HANZI: &str = r"[0-9一二三四五六七八九十百〇零两]+";

struct Patterns {
    russian: Regex,
    russian_item: Regex,
    arabic: Regex,
    arabic_item: Regex,
    chinese: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    // A keyword must not continue a word: the character before it (if any)
    // is no letter. Spans start at the keyword group, not at that character.
    let ru_sep = r"(?:\s*,\s*(?:(?:и|или)\s+)?|\s+(?:и|или)\s+)";
    let ru_range = r"\s*[-\x{2010}\x{2011}\x{2013}\x{2014}]\s*";
    let ru_item = format!(r"{DIGITS}(?:{ru_range}{DIGITS})?");
    let roman = r"[IVX]+\b";
    let russian = format!(
        r"(?:^|[^\p{{L}}\p{{N}}])(?P<kw>(?i:(?P<para>(?:пункт[а-я]*|п\.)\s*(?P<pn>{DIGITS})\s+(?:стать[а-яё]*|ст\.)\s*(?P<pa>{DIGITS}))|(?P<arts>(?:стать[а-яё]*|ст\.)\s*(?P<alist>{ru_item}(?:{ru_sep}{ru_item})*))|(?P<chaps>глав[а-яё]*\s+(?P<c1>{roman}|{DIGITS})(?:{ru_range}(?P<c2>{roman}|{DIGITS}))?)))"
    );
    let ar_sep = r"(?:\s*[،,]\s*(?:و\s*)?|\s+و\s*|\s*و)";
    let ar_range = r"(?:\s*(?:إلى|الى|[-\x{2013}])\s*)";
    let ar_item = format!(r"{DIGITS}(?:{ar_range}{DIGITS})?");
    let ordinals = "الأول|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر";
    let arabic = format!(
        r"(?:^|[^\p{{L}}\p{{N}}])(?P<kw>(?P<para>الفقرة\s+(?P<pn>{DIGITS})\s+من\s+المادة\s+(?P<pa>{DIGITS}))|(?P<arts>(?:المادة|مادة|المادتان|المادتين|المواد)\s+(?:من\s+)?(?P<alist>{ar_item}(?:{ar_sep}{ar_item})*))|(?P<chap>الفصل\s+(?P<c1>{ordinals}|{DIGITS})))"
    );
    let chinese = format!(
        r"(?P<kw>(?P<art>第(?P<a1>{HANZI})条(?:\s*(?:至|到|—|-)\s*第?(?P<a2>{HANZI})条)?(?:第(?P<pn>{HANZI})款)?)|(?P<artr>第(?P<r1>{HANZI})\s*(?:至|到)\s*(?P<r2>{HANZI})条)|(?P<chap>第(?P<c1>{HANZI})章(?:\s*(?:至|到)\s*第?(?P<c2>{HANZI})章)?))"
    );
    let compile = |p: &str| Regex::new(p).expect("citation patterns are fixed and valid");
    Patterns {
        russian: compile(&russian),
        russian_item: compile(&format!(r"(?P<a>{DIGITS})(?:{ru_range}(?P<b>{DIGITS}))?")),
        arabic: compile(&arabic),
        arabic_item: compile(&format!(r"(?P<a>{DIGITS})(?:{ar_range}(?P<b>{DIGITS}))?")),
        chinese: compile(&chinese),
    }
});

/// Every citation in these languages, in no particular order.
pub(super) fn hits(text: &str) -> Vec<LanguageHit> {
    let mut out = Vec::new();
    // Cheap checks first: most texts hold none of these scripts.
    if text.contains(['с', 'С', 'п', 'г', 'Г']) {
        russian(text, &mut out);
    }
    if text.contains(['م', 'ف']) {
        arabic(text, &mut out);
    }
    if text.contains('第') {
        chinese(text, &mut out);
    }
    out
}

/// ASCII digits for Arabic-Indic ones.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

/// `二十三` -> 23, `一百` -> 100, `23` -> 23.
fn hanzi_number(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let (mut total, mut current) = (0u32, None::<u32>);
    for c in s.chars() {
        match c {
            '十' => {
                total += current.unwrap_or(1) * 10;
                current = None;
            }
            '百' => {
                total += current.unwrap_or(1) * 100;
                current = None;
            }
            c => current = Some(current.unwrap_or(0) * 10 + digit(c)?),
        }
    }
    Some(total + current.unwrap_or(0))
}

fn arabic_ordinal(s: &str) -> Option<u32> {
    Some(match s {
        "الأول" | "الاول" => 1,
        "الثاني" => 2,
        "الثالث" => 3,
        "الرابع" => 4,
        "الخامس" => 5,
        "السادس" => 6,
        "السابع" => 7,
        "الثامن" => 8,
        "التاسع" => 9,
        "العاشر" => 10,
        _ => return None,
    })
}

/// Russian names the instrument in the genitive right after the number: a
/// capitalised word (`Протокола`, `Конвенции о ...`) names another one,
/// unless it is this Convention.
fn russian_foreign(rest: &str) -> bool {
    static OURS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:настоящей\s+Конвенции|Конвенции(?:\s+Организации\s+Объединенных\s+Наций\s+против\s+киберпреступности)?(?:[^\p{L}]|$))")
            .expect("fixed pattern")
    });
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\p{Lu}|Будапештск|Международн|Факультативн)").expect("fixed pattern")
    });
    if OURS.is_match(rest) {
        // "Конвенции о ..." or "Конвенции Совета Европы" is another convention.
        static OTHER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*Конвенции\s+(?:о|об|Совета|против\s+(?:пыток|коррупции))\b")
                .expect("fixed pattern")
        });
        return OTHER.is_match(rest);
    }
    NAMED.is_match(rest)
}

/// Arabic names the instrument after `من`: ours is `هذه الاتفاقية` or
/// `الاتفاقية` alone.
fn arabic_foreign(rest: &str) -> bool {
    static OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*من\s+(?P<name>\p{L}+)(?:\s+(?P<next>\p{L}+))?").expect("fixed pattern")
    });
    let Some(c) = OF.captures(rest) else {
        return false;
    };
    let name = c.name("name").map_or("", |m| m.as_str());
    let next = c.name("next").map_or("", |m| m.as_str());
    let ours = (name == "هذه" && next == "الاتفاقية")
        || (name == "الاتفاقية" && !matches!(next, "بشأن" | "المتعلقة" | "الخاصة" | "لمناهضة"))
        || (name == "اتفاقية" && rest.contains("السيبرانية"));
    !ours
}

/// Chinese names the instrument before the article: `《…》第41条`, `议定书第4条`.
fn chinese_foreign(before: &str) -> bool {
    let b = before.trim_end();
    if let Some(open) = b.strip_suffix('》') {
        let title = open.rsplit('《').next().unwrap_or("");
        return !title.contains("打击网络犯罪");
    }
    ["议定书", "布达佩斯公约", "宣言", "盟约", "宪章", "条约"]
        .iter()
        .any(|s| b.ends_with(s))
}

fn russian(text: &str, out: &mut Vec<LanguageHit>) {
    let p = &*PATTERNS;
    for caps in p.russian.captures_iter(text) {
        let Some(kw) = caps.name("kw") else { continue };
        if russian_foreign(&text[kw.end()..]) {
            continue;
        }
        if !articles(&caps, kw.range(), &p.russian_item, out) && caps.name("chaps").is_some() {
            let c1 = caps
                .name("c1")
                .map_or(String::new(), |m| ascii_digits(m.as_str()));
            let c2 = caps.name("c2").map(|m| ascii_digits(m.as_str()));
            out.push(LanguageHit::chapter(kw.range(), &c1, c2.as_deref()));
        }
    }
}

/// The article forms Russian and Arabic share: a paragraph of an article
/// (`пункт 2 статьи 24`, `الفقرة 2 من المادة 24`) or a list of articles.
/// False when the match is neither (a chapter, left to the caller).
fn articles(
    caps: &regex::Captures<'_>,
    keyword: std::ops::Range<usize>,
    item: &Regex,
    out: &mut Vec<LanguageHit>,
) -> bool {
    if caps.name("para").is_some() {
        if let (Some(pn), Some(pa)) = (caps.name("pn"), caps.name("pa")) {
            out.push(LanguageHit::article(
                keyword,
                &ascii_digits(pa.as_str()),
                None,
                Some(format!("para. {}", ascii_digits(pn.as_str()))),
            ));
        }
        true
    } else if let Some(list) = caps.name("alist") {
        items(item, keyword.start, list, out);
        true
    } else {
        false
    }
}

/// One hit per item of a list; the first starts at the keyword.
fn items(item: &Regex, keyword_start: usize, list: regex::Match<'_>, out: &mut Vec<LanguageHit>) {
    for (i, m) in item.captures_iter(list.as_str()).enumerate() {
        let Some(whole) = m.get(0) else { continue };
        let start = if i == 0 {
            keyword_start
        } else {
            list.start() + whole.start()
        };
        let a = ascii_digits(m.name("a").map_or("", |x| x.as_str()));
        let b = m.name("b").map(|x| ascii_digits(x.as_str()));
        out.push(LanguageHit::article(
            start..list.start() + whole.end(),
            &a,
            b.as_deref(),
            None,
        ));
    }
}

fn arabic(text: &str, out: &mut Vec<LanguageHit>) {
    let p = &*PATTERNS;
    for caps in p.arabic.captures_iter(text) {
        let Some(kw) = caps.name("kw") else { continue };
        if arabic_foreign(&text[kw.end()..]) {
            continue;
        }
        if !articles(&caps, kw.range(), &p.arabic_item, out)
            && let Some(c1) = caps.name("c1")
        {
            let n = arabic_ordinal(c1.as_str())
                .map_or_else(|| ascii_digits(c1.as_str()), |n| n.to_string());
            out.push(LanguageHit::chapter(kw.range(), &n, None));
        }
    }
}

fn chinese(text: &str, out: &mut Vec<LanguageHit>) {
    let p = &*PATTERNS;
    for caps in p.chinese.captures_iter(text) {
        let Some(kw) = caps.name("kw") else { continue };
        if chinese_foreign(&text[..kw.start()]) {
            continue;
        }
        let number = |g: &str| {
            caps.name(g)
                .and_then(|m| hanzi_number(m.as_str()))
                .map(|n| n.to_string())
        };
        if caps.name("art").is_some() {
            let Some(a1) = number("a1") else { continue };
            let pin = number("pn").map(|n| format!("para. {n}"));
            out.push(LanguageHit::article(
                kw.range(),
                &a1,
                number("a2").as_deref(),
                pin,
            ));
        } else if caps.name("artr").is_some() {
            let (Some(r1), Some(r2)) = (number("r1"), number("r2")) else {
                continue;
            };
            out.push(LanguageHit::article(kw.range(), &r1, Some(&r2), None));
        } else if caps.name("chap").is_some() {
            let Some(c1) = number("c1") else { continue };
            out.push(LanguageHit::chapter(
                kw.range(),
                &c1,
                number("c2").as_deref(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(hanzi_number("二十三"), Some(23));
        assert_eq!(hanzi_number("十"), Some(10));
        assert_eq!(hanzi_number("十九"), Some(19));
        assert_eq!(hanzi_number("六十八"), Some(68));
        assert_eq!(hanzi_number("一百"), Some(100));
        assert_eq!(hanzi_number("23"), Some(23));
        assert_eq!(ascii_digits("٢٣"), "23");
    }
}
