//! The user's own files (bookmarks, notes, last place, imported sources) in the
//! XDG data directory, written atomically so a crash never leaves a broken file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `$XDG_DATA_HOME/treaty`, else `~/.local/share/treaty`. `TREATY_DATA_HOME`
/// overrides both (tests and portable set-ups use it).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = non_empty_env("TREATY_DATA_HOME") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(xdg) = non_empty_env("XDG_DATA_HOME") {
        let p = PathBuf::from(xdg);
        // The XDG spec says relative paths are invalid and must be ignored.
        if p.is_absolute() {
            return Ok(p.join("treaty"));
        }
    }
    match non_empty_env("HOME") {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/treaty")),
        None => Err(StoreError::NoHome),
    }
}

/// `$XDG_CONFIG_HOME/treaty`, else `~/.config/treaty`.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(xdg) = non_empty_env("XDG_CONFIG_HOME") {
        let p = PathBuf::from(xdg);
        if p.is_absolute() {
            return Some(p.join("treaty"));
        }
    }
    non_empty_env("HOME").map(|h| PathBuf::from(h).join(".config/treaty"))
}

fn non_empty_env(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.is_empty())
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot find your data directory: set XDG_DATA_HOME or HOME")]
    NoHome,
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is corrupt ({why}); it was kept as {backup} and a fresh file is used")]
    Corrupt {
        path: String,
        why: String,
        backup: String,
    },
}

/// Writes `bytes` to `path` so that readers see the old file or the new one,
/// never a mix: a temp file in the same directory, fsync, rename, fsync dir.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    sweep_stale_temps(dir, &name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// Removes `.NAME.<pid>.tmp` files left by a writer that was killed before
/// its rename (the real file is untouched by such a crash). Only the temps of
/// processes that are gone are removed, so a concurrent writer is safe; where
/// liveness cannot be told (no /proc) nothing is removed.
fn sweep_stale_temps(dir: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Reads a JSON file of the store. A missing file gives `T::default()`; a
/// corrupt one is moved aside to `NAME.corrupt-<unix time>` (never overwritten,
/// never deleted) and reported, and `T::default()` is returned with the report.
pub fn read_json<T>(path: &Path) -> Result<(T, Option<StoreError>), StoreError>
where
    T: serde::de::DeserializeOwned + Default,
{
    let text = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((T::default(), None)),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.display().to_string(),
                source,
            });
        }
    };
    let parsed = std::str::from_utf8(&text)
        .map_err(|e| format!("not UTF-8 at byte {}", e.valid_up_to()))
        .and_then(|s| {
            serde_json::from_str::<T>(s)
                .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
        });
    match parsed {
        Ok(v) => Ok((v, None)),
        Err(why) => {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let backup = path.with_file_name(format!(
                "{}.corrupt-{stamp}",
                path.file_name()
                    .map_or("file".into(), |n| n.to_string_lossy())
            ));
            std::fs::rename(path, &backup).map_err(|source| StoreError::Write {
                path: backup.display().to_string(),
                source,
            })?;
            Ok((
                T::default(),
                Some(StoreError::Corrupt {
                    path: path.display().to_string(),
                    why,
                    backup: backup.display().to_string(),
                }),
            ))
        }
    }
}

/// Writes a value as pretty JSON, atomically.
pub fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(e),
    })?;
    bytes.push(b'\n');
    write_atomic(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt_backup() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("sub/bookmarks.json");
        write_json(&path, &vec!["article:23".to_string()]).expect("write");
        let (v, warn): (Vec<String>, _) = read_json(&path).expect("read");
        assert_eq!(v, vec!["article:23"]);
        assert!(warn.is_none());
        std::fs::write(&path, "[\"article:23\",").expect("corrupt it");
        let (v, warn): (Vec<String>, _) = read_json(&path).expect("read");
        assert!(v.is_empty());
        let msg = warn.expect("reported").to_string();
        assert!(msg.contains("is corrupt"), "{msg}");
        let kept: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
            .expect("ls")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            kept.iter()
                .any(|n| n.starts_with("bookmarks.json.corrupt-")),
            "{kept:?}"
        );
    }
}
