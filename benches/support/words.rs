//! The word-level search and the suggester on generated corpora: the
//! repeated-term query, `treaty search` with no hit against `fzf --filter`
//! on the same lines (whole processes, run in pairs), and suggestions for a
//! whole import.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use treaty::corpus::Corpus;
use treaty::search::suggest::Suggester;
use treaty::search::{Scope, SearchIndex};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Writes the corpus as a data directory (`--data`) and its passages as
/// lines for fzf.
fn write_corpus(corpus: &Corpus, dir: &Path, lines: &Path) -> std::io::Result<()> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(dir.join("sources"))?;
    for f in [
        "convention.json",
        "concerns.json",
        "timeline.json",
        "index.json",
    ] {
        std::fs::copy(data.join(f), dir.join(f))?;
    }
    // The curated links and concerns quote the built-in sources: keep them.
    std::fs::copy(data.join("links.json"), dir.join("links.json"))?;
    for entry in std::fs::read_dir(data.join("sources"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), dir.join("sources").join(entry.file_name()))?;
    }
    let mut all = String::new();
    for s in corpus.sources.iter().filter(|s| s.id.starts_with("gen-")) {
        let mut text = format!(
            "---\ntitle: {}\nauthor: {}\n---\n\n",
            s.meta.title.as_deref().unwrap_or("untitled"),
            s.meta.author.as_deref().unwrap_or("someone")
        );
        for p in &s.passages {
            let line = p.text.replace('\n', " ");
            text.push_str(&line);
            text.push_str("\n\n");
            all.push_str(&line);
            all.push('\n');
        }
        std::fs::write(dir.join("sources").join(format!("{}.md", s.id)), text)?;
    }
    std::fs::write(lines, all)
}

fn time_process(mut cmd: Command) -> Option<f64> {
    let t = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    // fzf exits 1 when nothing matches: that is the case measured.
    (status.success() || status.code() == Some(1)).then(|| ms(t.elapsed()))
}

pub fn run(mb: usize, corpus: &Corpus, index: &SearchIndex) {
    println!("\n## Words, {mb} MB");
    // A 200-character query repeating one term: counted once.
    let repeated = "dat ".repeat(50);
    let times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let hits = index.search(&repeated, Scope::All, 250);
            std::hint::black_box(hits);
            ms(t.elapsed())
        })
        .collect();
    let once: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(index.search("dat", Scope::All, 250));
            ms(t.elapsed())
        })
        .collect();
    println!(
        "repeated-term query (200 chars, 'dat' x50): median {:.1} ms; 'dat' once: {:.1} ms",
        median(times),
        median(once)
    );
    for q in [
        "data",
        "'data",
        "qzxjv",
        "can a state refuse extradition of its nationals",
    ] {
        let t: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(index.search(q, Scope::All, 250));
                ms(t.elapsed())
            })
            .collect();
        println!("  search {q:?}: median {:.1} ms", median(t));
    }
    let t = Instant::now();
    std::hint::black_box(SearchIndex::build(corpus));
    println!("  index build: {:.0} ms", ms(t.elapsed()));
    // Suggestions for an import of this size: the generated passages as one
    // source beside the built-in ones, the suggester built and taught (the
    // library's links: the analysts' and the import's citations) included.
    let mut import = corpus.clone();
    let Some(first) = corpus.sources.iter().find(|s| s.id.starts_with("gen-")) else {
        println!("no generated source: suggestions skipped");
        return;
    };
    let mut all = first.clone();
    all.id = "import".into();
    all.passages = corpus
        .sources
        .iter()
        .filter(|s| s.id.starts_with("gen-"))
        .flat_map(|s| s.passages.iter().cloned())
        .collect();
    let passages = all.passages.len();
    import.sources.retain(|s| !s.id.starts_with("gen-"));
    import.sources.push(all);
    let at = import.sources.len() - 1;
    let graph = treaty::refs::graph::LinkGraph::build(&import);
    let links: Vec<_> = graph
        .links()
        .iter()
        .map(|l| (l.passage, l.target))
        .collect();
    let linked: std::collections::HashSet<_> = links.iter().map(|l| l.0).collect();
    let t = Instant::now();
    let examples = treaty::search::suggest::examples(&import, links);
    let taught = examples.len();
    let suggester = Suggester::new(&import).learn(&import, examples);
    let made = suggester
        .for_source(&import, at, &|p| linked.contains(&p))
        .len();
    println!(
        "suggestions for a {:.1} MB import ({passages} passages; {taught} linked passages offered to learn from): {:.0} ms ({made} suggestions)",
        super::passage_bytes(&import) as f64 / 1e6,
        ms(t.elapsed())
    );
    // What `show article 42 --json` adds for the same library: the one
    // provision's suggestions (before: every passage's, then filtered).
    let t = Instant::now();
    let target = treaty::corpus::Target::Article(42);
    let made = suggester
        .for_target(&import, target, &|p| linked.contains(&p))
        .len();
    println!(
        "suggestions of Art. 42 in that import (show/refs --json): {:.0} ms ({made} suggestions)",
        ms(t.elapsed())
    );
    // `treaty search` with no hit against `fzf --filter`, whole processes.
    let Ok(tmp) = tempfile::tempdir() else {
        println!("no temp dir: treaty vs fzf skipped");
        return;
    };
    let (dir, lines) = (tmp.path().join("data"), tmp.path().join("lines.txt"));
    if let Err(e) = write_corpus(corpus, &dir, &lines) {
        println!("cannot write the corpus ({e}): treaty vs fzf skipped");
        return;
    }
    let query = "qzxjv";
    let treaty = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_treaty"));
        c.args(["search", "--data"]).arg(&dir).arg(query);
        c
    };
    let fzf = || {
        let mut c = Command::new("fzf");
        c.args(["--filter", query]);
        if let Ok(f) = std::fs::File::open(&lines) {
            c.stdin(f);
        }
        c
    };
    if time_process(fzf()).is_none() {
        println!("fzf is not installed (apt-get install fzf): treaty vs fzf skipped");
        return;
    }
    let (mut ratios, mut ts, mut fs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        if let (Some(t), Some(f)) = (time_process(treaty()), time_process(fzf())) {
            ratios.push(t / f);
            ts.push(t);
            fs.push(f);
        }
    }
    println!(
        "no-hit query, whole process: treaty search {:.0} ms, fzf --filter {:.0} ms (medians of {}); paired ratio treaty/fzf median {:.2}",
        median(ts),
        median(fs),
        ratios.len(),
        median(ratios)
    );
}
