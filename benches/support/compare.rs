//! Matchers compared on the same generated sentences: fuzzy-matcher (skim V2,
//! what treaty uses), nucleo-matcher, `fzf --filter` (skipped when `fzf` is
//! not installed), and treaty's own index for reference.

use super::{corpus, passage_bytes};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use treaty::search::{DEFAULT_LIMIT, Scope, SearchIndex, sentences};

const QUERIES: &[&str] = &["dat", "hum", "preservation", "interception", "dual crim"];
const SIZE: usize = 10_000_000;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Best of three runs, to keep scheduler noise out of the comparison.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = None;
    let mut out = None;
    for _ in 0..3 {
        let t = Instant::now();
        let r = f();
        let e = t.elapsed();
        if best.is_none_or(|b| e < b) {
            best = Some(e);
        }
        out = Some(r);
    }
    (best.unwrap_or_default(), out.expect("three runs"))
}

pub fn run(seed: u64) {
    let corpus = corpus(SIZE, seed);
    let lines: Vec<String> = corpus
        .sources
        .iter()
        .flat_map(|s| s.passages.iter())
        .flat_map(|p| {
            sentences(&p.text)
                .into_iter()
                .map(|r| treaty::text::one_line(&p.text[r]))
                .collect::<Vec<_>>()
        })
        .collect();
    println!(
        "\n## Matchers on the same {} sentences ({:.0} MB of passages), one thread unless noted; best of 3",
        lines.len(),
        passage_bytes(&corpus) as f64 / 1e6
    );
    let fzf = write_lines(&lines);
    let index = SearchIndex::build(&corpus);
    println!(
        "| query | fuzzy-matcher (skim v2) | nucleo-matcher | fzf --filter (process, all cores) | treaty SearchIndex::search (2 threads) |"
    );
    println!("|---|---|---|---|---|");
    for q in QUERIES {
        let skim = SkimMatcherV2::default().ignore_case();
        let (t_skim, n_skim) = time(|| {
            // Terms ANDed, as in fzf's extended mode and in treaty.
            lines
                .iter()
                .filter(|l| q.split(' ').all(|t| skim.fuzzy_match(l, t).is_some()))
                .count()
        });
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let (t_nucleo, n_nucleo) = time(|| {
            lines
                .iter()
                .filter(|l| {
                    pattern
                        .score(Utf32Str::new(l, &mut buf), &mut matcher)
                        .is_some()
                })
                .count()
        });
        let fzf_cell = match &fzf {
            Some(path) => match time(|| fzf_filter(path, q)) {
                (t, Some(n)) => format!("{:.1} ms ({n})", ms(t)),
                (_, None) => "failed".into(),
            },
            None => "fzf not installed".into(),
        };
        let (t_treaty, _) = time(|| index.search(q, Scope::All, DEFAULT_LIMIT));
        println!(
            "| `{q}` | {:.1} ms ({n_skim}) | {:.1} ms ({n_nucleo}) | {fzf_cell} | {:.1} ms |",
            ms(t_skim),
            ms(t_nucleo),
            ms(t_treaty)
        );
    }
    println!("(in parentheses: number of matching sentences)");
}

/// Writes the sentences to a temporary file for fzf; `None` without fzf.
fn write_lines(lines: &[String]) -> Option<tempfile::NamedTempFile> {
    let found = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        return None;
    }
    let mut file = tempfile::NamedTempFile::new().ok()?;
    for l in lines {
        writeln!(file, "{l}").ok()?;
    }
    file.flush().ok()?;
    Some(file)
}

/// Runs `fzf --filter` on the file; the number of matching lines.
fn fzf_filter(file: &tempfile::NamedTempFile, query: &str) -> Option<usize> {
    let input = std::fs::File::open(file.path()).ok()?;
    let out = Command::new("fzf")
        .args(["--filter", query, "-i"])
        .stdin(input)
        .output()
        .ok()?;
    Some(out.stdout.iter().filter(|&&b| b == b'\n').count())
}
