//! A deterministic corpus generator for the benchmarks: the real convention
//! plus sources of prose-like sentences with citations ("Article 23"), of a
//! chosen size, from a seeded xorshift generator (no dependency needed).

pub mod compare;
pub mod explorer;
pub mod graph;
pub mod pty;
pub mod scroll;
pub mod words;

use treaty::corpus::{Corpus, Origin, SourceMeta};

/// xorshift64*: tiny, fast, and the same sequence on every machine.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Frequent short words, drawn often, as in real prose.
const COMMON: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "is", "on", "by", "with", "as", "be", "it",
    "are", "or", "its", "this", "from", "at", "not", "which", "an", "any", "such", "their", "may",
    "other", "would", "could", "should", "also", "without", "under", "all",
];

/// The vocabulary of the critiques.
const WORDS: &[&str] = &[
    "convention",
    "cybercrime",
    "treaty",
    "states",
    "parties",
    "human",
    "rights",
    "surveillance",
    "cooperation",
    "international",
    "data",
    "electronic",
    "evidence",
    "offences",
    "criminal",
    "procedural",
    "measures",
    "safeguards",
    "jurisdiction",
    "extradition",
    "mutual",
    "legal",
    "assistance",
    "preservation",
    "interception",
    "content",
    "traffic",
    "subscriber",
    "information",
    "service",
    "providers",
    "law",
    "enforcement",
    "authorities",
    "journalists",
    "defenders",
    "activists",
    "security",
    "researchers",
    "whistleblowers",
    "privacy",
    "expression",
    "freedom",
    "dual",
    "criminality",
    "principle",
    "request",
    "requesting",
    "requested",
    "government",
    "governments",
    "civil",
    "society",
    "organisations",
    "negotiations",
    "committee",
    "delegations",
    "resolution",
    "assembly",
    "general",
    "provisions",
    "definition",
    "scope",
    "broad",
    "vague",
    "serious",
    "crime",
    "crimes",
    "deprivation",
    "liberty",
    "years",
    "four",
    "confiscation",
    "proceeds",
    "property",
    "recovery",
    "judicial",
    "authorization",
    "prior",
    "oversight",
    "transparency",
    "accountability",
    "proportionality",
    "necessity",
    "legality",
    "abuse",
    "repression",
    "transnational",
    "persecution",
    "exile",
    "asylum",
    "refuge",
    "harassment",
    "detention",
    "prosecution",
    "investigation",
    "collection",
    "real-time",
    "stored",
    "systems",
    "technology",
    "communications",
    "network",
    "platforms",
    "encryption",
    "access",
    "illegal",
    "interference",
    "misuse",
    "devices",
    "forgery",
    "fraud",
    "child",
    "protection",
    "gender",
    "mainstreaming",
    "implementation",
    "ratification",
    "signature",
    "entry",
    "force",
    "instrument",
    "deposit",
    "reservations",
    "amendments",
    "secretariat",
    "conference",
    "mechanism",
    "review",
    "technical",
    "capacity",
    "building",
    "prevention",
    "victims",
    "witnesses",
    "experts",
    "statement",
    "coalition",
    "concerns",
    "risks",
    "threat",
    "powers",
    "obligations",
    "standards",
];

/// Accented words, drawn rarely (about one sentence in ten has one), so that
/// the folding path is exercised as in the real corpus's names.
const ACCENTED: &[&str] = &["régime", "naïve", "Benítez", "Mongelós", "Zürich", "Genève"];

const CHAPTERS: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

/// One sentence: 8 to 27 words, sometimes a citation, sometimes a comma.
fn sentence(rng: &mut XorShift, out: &mut String) {
    let words = 8 + rng.below(20);
    for w in 0..words {
        if w > 0 {
            out.push(if rng.below(12) == 0 { ',' } else { ' ' });
            if out.ends_with(',') {
                out.push(' ');
            }
        }
        if rng.below(40) == 0 {
            cite(rng, out);
            continue;
        }
        let word = if rng.below(150) == 0 {
            rng.pick(ACCENTED)
        } else if rng.below(5) < 2 {
            rng.pick(COMMON)
        } else {
            rng.pick(WORDS)
        };
        if w == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out.push('.');
}

fn cite(rng: &mut XorShift, out: &mut String) {
    let n = 1 + rng.below(68);
    match rng.below(4) {
        0 => out.push_str(&format!("Article {n}")),
        1 => out.push_str(&format!("Art. {n}({})", 1 + rng.below(4))),
        2 => out.push_str(&format!(
            "Articles {n} to {}",
            (n + 1 + rng.below(5)).min(68)
        )),
        _ => out.push_str(&format!("Chapter {}", rng.pick(CHAPTERS))),
    }
}

/// A corpus with the real convention and generated sources whose passages
/// hold `bytes` bytes of text in all.
pub fn corpus(bytes: usize, seed: u64) -> Corpus {
    let base = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    // Sources and passages are cloned from the real ones and then rewritten,
    // so that fields added to the model later need no change here.
    let template = base
        .sources
        .first()
        .expect("the corpus has a source")
        .clone();
    let passage = template
        .passages
        .first()
        .expect("a source has a passage")
        .clone();
    let mut rng = XorShift::new(seed);
    let mut sources = Vec::new();
    let mut total = 0;
    while total < bytes {
        let n = sources.len() + 1;
        let mut passages = Vec::new();
        for index in 0..200 {
            if total >= bytes {
                break;
            }
            let mut text = String::new();
            for s in 0..2 + rng.below(5) {
                if s > 0 {
                    text.push(' ');
                }
                sentence(&mut rng, &mut text);
            }
            total += text.len();
            // Exact-size strings, as a loaded corpus has: the memory figures
            // must not count the generator's growth slack.
            text.shrink_to_fit();
            let mut p = passage.clone();
            p.number = index + 1;
            p.line = index * 2 + 1;
            p.text = text;
            passages.push(p);
        }
        passages.shrink_to_fit();
        let mut title = String::new();
        sentence(&mut rng, &mut title);
        let mut source = template.clone();
        source.id = format!("gen-{n:05}");
        source.path = format!("generated/gen-{n:05}.md");
        source.meta = SourceMeta {
            title: Some(title),
            author: Some(format!("{} {}", rng.pick(WORDS), rng.pick(WORDS))),
            ..SourceMeta::default()
        };
        source.passages = passages;
        source.headings = Vec::new();
        sources.push(source);
    }
    Corpus {
        origin: Origin::Embedded,
        sources,
        ..base
    }
}

/// Total bytes of passage text.
pub fn passage_bytes(corpus: &Corpus) -> usize {
    corpus
        .sources
        .iter()
        .flat_map(|s| s.passages.iter())
        .map(|p| p.text.len())
        .sum()
}
