//! Search speed and memory on generated corpora of 1, 10 and 100 MB, and a
//! comparison of fuzzy-matcher, nucleo-matcher and `fzf --filter` on the same
//! sentences, and the explorer on the same corpora (load time, keystroke echo:
//! `support/explorer.rs`). Run with `cargo bench --bench search`; figures go
//! to BENCHMARKS.md. Each size runs in its own process so that its peak
//! memory (VmHWM) is its own, and the explorer in another.

mod support;

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};
use treaty::search::{Scope, SearchIndex, SearchWorker};

const SEED: u64 = 0x07EA_71E5;
const MB: usize = 1_000_000;
const CHILD: &str = "TREATY_BENCH_CHILD";

/// Queries typed one key at a time. The 100 MB case types fewer of them to
/// stay within a few minutes on two cores.
const SHORT: &[&str] = &["dat", "sur", "pro", "hum", "ext", "cri", "int", "saf"];
const LONG: &[&str] = &[
    "preservation",
    "interception",
    "jurisdiction",
    "surveillance",
    "human rights",
    "dual crimina",
];

fn main() {
    match std::env::var(CHILD).ok().as_deref() {
        Some("compare") => support::compare::run(SEED),
        Some(n) if n.starts_with("scroll-") => match n["scroll-".len()..].parse() {
            Ok(paragraphs) => support::scroll::run(paragraphs),
            Err(_) => eprintln!("{CHILD}={n}: expected scroll-PARAGRAPHS"),
        },
        Some(app) if app.starts_with("explorer-") => match app["explorer-".len()..].parse() {
            // Keys come 80 ms apart whatever the size: every query is typed.
            Ok(mb) => support::explorer::run(mb, SEED, SHORT, LONG),
            Err(_) => eprintln!("{CHILD}={app}: expected explorer-SIZE"),
        },
        Some(g) if g.starts_with("graph-") => match g["graph-".len()..].parse() {
            Ok(mb) => support::graph::run(mb, SEED),
            Err(_) => eprintln!("{CHILD}={g}: expected graph-SIZE"),
        },
        Some(p) if p.starts_with("pty-") => match p["pty-".len()..].parse() {
            Ok(mb) => support::pty::run(mb, SEED, SHORT, LONG),
            Err(_) => eprintln!("{CHILD}={p}: expected pty-SIZE"),
        },
        Some(words) if words.starts_with("words-") => match words["words-".len()..].parse() {
            Ok(mb) => {
                let corpus = support::corpus(mb * MB, SEED);
                let index = SearchIndex::build(&corpus);
                support::words::run(mb, &corpus, &index);
            }
            Err(_) => eprintln!("{CHILD}={words}: expected words-SIZE"),
        },
        Some(size) => match size.parse::<usize>() {
            Ok(mb) => run_size(mb),
            Err(_) => eprintln!("{CHILD}={size}: expected a size in MB or 'compare'"),
        },
        None => {
            println!("treaty search benchmark ({} cores)", cores());
            for mb in ["1", "10", "100"] {
                spawn_child(mb);
                spawn_child(&format!("graph-{mb}"));
                spawn_child(&format!("pty-{mb}"));
                spawn_child(&format!("explorer-{mb}"));
                spawn_child(&format!("words-{mb}"));
            }
            spawn_child("compare");
            spawn_child("scroll-1000000");
        }
    }
}

fn spawn_child(arg: &str) {
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("cannot find the bench executable");
        return;
    };
    match Command::new(exe).env(CHILD, arg).status() {
        Ok(s) if s.success() => {}
        Ok(s) => eprintln!("bench {arg} failed: {s}"),
        Err(e) => eprintln!("bench {arg} did not start: {e}"),
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Peak resident memory of this process in MB, from /proc/self/status.
pub fn peak_mb() -> f64 {
    status_mb("VmHWM")
}

/// A memory figure of /proc/self/status (given there in kB), in MB.
pub fn status_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.split(':').next() == Some(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb * 1024.0 / MB as f64)
}

/// CPU time used by this process so far (all threads, also those that have
/// ended), from /proc/self/stat in clock ticks of 10 ms: a figure the load of
/// a shared machine does not inflate.
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses.
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<u64> = rest
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|x| x.parse().ok())
                .collect();
            Some(f.iter().sum::<u64>())
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn run_size(mb: usize) {
    let baseline = peak_mb();
    let (anon0, file0) = (status_mb("RssAnon"), status_mb("RssFile"));
    let t = Instant::now();
    let corpus = support::corpus(mb * MB, SEED);
    let gen_time = t.elapsed();
    let bytes = support::passage_bytes(&corpus);
    let peak_corpus = peak_mb();
    let t = Instant::now();
    let index = Arc::new(SearchIndex::build(&corpus));
    let build = t.elapsed();
    let peak_built = peak_mb();
    let (short, long) = queries(mb);
    let cpu = cpu_time();
    let s = typing(&index, short);
    let cpu_short = (cpu_time() - cpu) / s.1.len().max(1) as u32;
    let cpu = cpu_time();
    let l = typing(&index, long);
    let cpu_long = (cpu_time() - cpu) / l.1.len().max(1) as u32;
    println!(
        "\n## {mb} MB: {:.1} MB of passages, {} units (generated in {:.0} ms)",
        bytes as f64 / MB as f64,
        index.len(),
        ms(gen_time)
    );
    println!("index build: {:.0} ms", ms(build));
    for (name, (first, complete), cpu) in [("3-letter", s, cpu_short), ("12-letter", l, cpu_long)] {
        println!(
            "{name:>9} typing, {} keystrokes: first {} | complete {} | CPU {:.1} ms a keystroke",
            first.len(),
            percentiles(first),
            percentiles(complete),
            ms(cpu)
        );
    }
    let peak = peak_mb();
    let text = bytes as f64 / MB as f64;
    println!(
        "peak memory (VmHWM): {peak:.1} MB; above the {baseline:.1} MB before generating: {:.1} MB = {:.2}x the passage text (corpus alone {:.1} MB, with the index {:.1} MB)",
        peak - baseline,
        (peak - baseline) / text,
        peak_corpus - baseline,
        peak_built - baseline
    );
    // Nothing was given back to the system since the peak, so the resident
    // memory now tells what the peak was made of.
    println!(
        "resident now, above the start: {:.1} MB anonymous (heap, stacks), {:.1} MB file-backed (the binary's code and embedded data, read for the first time)",
        status_mb("RssAnon") - anon0,
        status_mb("RssFile") - file0
    );
}

/// The queries typed at a size: fewer at 100 MB.
fn queries(mb: usize) -> (&'static [&'static str], &'static [&'static str]) {
    if mb >= 100 {
        (&SHORT[..2], &LONG[..1])
    } else {
        (SHORT, LONG)
    }
}

/// Types each query one key at a time on a fresh worker, waiting for the
/// complete results before the next key; returns per-keystroke times to the
/// first and to the complete results.
fn typing(index: &Arc<SearchIndex>, queries: &[&str]) -> (Vec<Duration>, Vec<Duration>) {
    let (mut first, mut complete) = (Vec::new(), Vec::new());
    for query in queries {
        let worker = SearchWorker::new(Arc::clone(index));
        for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let t = Instant::now();
            worker.submit(query[..end].to_string(), Scope::All);
            let mut got_first = None;
            loop {
                if let Some(r) = worker.poll() {
                    got_first.get_or_insert(t.elapsed());
                    if r.done {
                        complete.push(t.elapsed());
                        break;
                    }
                }
                std::thread::sleep(Duration::from_micros(50));
            }
            first.extend(got_first);
        }
    }
    (first, complete)
}

fn percentiles(mut v: Vec<Duration>) -> String {
    if v.is_empty() {
        return "-".into();
    }
    v.sort();
    let at = |p: f64| ms(v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1]);
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
        at(0.50),
        at(0.95),
        at(0.99)
    )
}
