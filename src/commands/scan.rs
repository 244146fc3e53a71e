//! `treaty scan FILE`: the citations of the convention found in a text file.

use super::{Failure, Outcome, write_json};
use crate::refs::extract::extract;
use crate::text::one_line;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct ScanJson {
    line: usize,
    column: usize,
    text: String,
    target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

/// The largest file `scan` reads (a memo or a statement is far smaller).
const SCAN_LIMIT: u64 = 64 << 20;

/// Reads a text file the user named, with errors that name the path.
fn read_text(path: &Path) -> Result<String, Failure> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Failure::usage(format!(
            "{name} is a directory: give a text file"
        )));
    }
    // A FIFO would block for ever, /dev/zero never ends: both refused, and
    // a file over the limit is named as such before it is read.
    let bytes = crate::store::read_capped(path, SCAN_LIMIT).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Failure::usage(format!("no such file: {name}")),
        _ => Failure::usage(format!("cannot read {name}: {e}")),
    })?;
    crate::corpus::files::decode(bytes, &name).map_err(|p| Failure::usage(p.to_string()))
}

pub fn scan(path: &Path, json: bool, out: &mut dyn Write) -> Outcome {
    let text = read_text(path)?;
    let found = extract(&text);
    if json {
        let mut rows = Vec::new();
        for c in &found {
            let text = one_line(&c.text);
            if c.targets.is_empty() {
                rows.push(ScanJson {
                    line: c.line,
                    column: c.column,
                    text,
                    target: None,
                    problem: Some(c.problem.clone().unwrap_or_else(|| "unresolved".into())),
                });
            } else {
                for t in &c.targets {
                    rows.push(ScanJson {
                        line: c.line,
                        column: c.column,
                        text: text.clone(),
                        target: Some(t.to_string()),
                        problem: None,
                    });
                }
            }
        }
        return write_json(out, &rows);
    }
    let unresolved = found.iter().filter(|c| !c.is_resolved()).count();
    for c in &found {
        let place = format!("{}:{}", c.line, c.column);
        let what = if c.targets.is_empty() {
            format!(
                "UNRESOLVED: {}",
                one_line(c.problem.as_deref().unwrap_or("unresolved"))
            )
        } else {
            let names: Vec<String> = c.targets.iter().map(|t| t.to_string()).collect();
            let mut s = format!("-> {}", names.join(", "));
            if let Some(p) = &c.pinpoint {
                s.push_str(&format!(" {}", one_line(p)));
            }
            s
        };
        writeln!(out, "{place:<9} {:<28} {what}", one_line(&c.text))?;
    }
    writeln!(
        out,
        "{} citation{}, {} unresolved, in {}",
        found.len(),
        crate::text::plural(found.len()),
        unresolved,
        path.display()
    )?;
    Ok(())
}
