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

/// The largest user file read (bookmarks, notes, session, library files).
pub const USER_FILE_LIMIT: u64 = 64 << 20;

/// Reads a whole file, refusing what is not a regular file (a FIFO would
/// block for ever, `/dev/zero` never ends) and what is larger than `limit`
/// bytes, with an error that says which. A missing file is `NotFound`.
pub fn read_capped(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    not_special(&std::fs::metadata(path)?)?;
    // O_NONBLOCK: a FIFO swapped in after the check still cannot block the
    // open; the descriptor's own type is checked again below.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    not_special(&meta)?;
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::FileTooLarge,
        format!("it is larger than the {} limit", size_name(limit)),
    )
}

/// `64 MiB`, `1 MiB`, `512 KiB`.
pub fn size_name(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// An error unless `meta` is a regular file, naming what it is instead.
fn not_special(meta: &std::fs::Metadata) -> std::io::Result<()> {
    match kind_name(meta) {
        None => Ok(()),
        Some(kind) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {kind}, not a regular file"),
        )),
    }
}

/// What a file that is not a regular file is, in words; `None` for one that is.
pub fn kind_name(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

/// An exclusive advisory lock, held while a process reads, changes and
/// writes one of the user's files: two writers (the explorer and a
/// `treaty bookmarks add` loop, two imports) take turns instead of each
/// writing over what the other added. Released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: std::fs::File,
}

/// Takes the lock for `path`: the file `.NAME.lock` beside it (the file
/// itself is replaced by each write, so it cannot carry the lock). Waits for
/// another holder; the kernel releases the lock of a process that died.
/// (`File::lock` is flock(2): the standard library has it since Rust 1.89,
/// so no crate is needed for it.)
pub fn lock(path: &Path) -> Result<Lock, StoreError> {
    let lock_path = lock_path(path);
    let err = |source| StoreError::Write {
        path: shown(&lock_path),
        source,
    };
    if let Some(dir) = lock_path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(err)?;
    file.lock().map_err(err)?;
    Ok(Lock { _file: file })
}

fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.lock"))
}

/// A path as it may be shown in a message.
fn shown(path: &Path) -> String {
    crate::text::one_line(&path.display().to_string())
}

/// Where a write to `path` lands: a symbolic link is followed to its target
/// (a `bookmarks.json` kept in a dotfiles folder stays there), however many
/// links deep.
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Writes `bytes` to `path` so that readers see the old file or the new one,
/// never a mix: a temp file in the same directory, fsync, rename, fsync dir.
/// A symbolic link is followed and its target replaced; the file keeps its
/// permissions; anything but a regular file (a FIFO, a device, a directory)
/// and a read-only file are refused, never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: shown(path),
        source,
    };
    let target = resolve_links(path).map_err(err)?;
    let dir = target.parent().unwrap_or(Path::new(".")).to_path_buf();
    std::fs::create_dir_all(&dir).map_err(err)?;
    let mode = match std::fs::metadata(&target) {
        Ok(meta) => {
            if let Some(kind) = kind_name(&meta) {
                return Err(err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("it is {kind}; only a regular file is replaced"),
                )));
            }
            // Refuse what the user could not write in place (a read-only
            // file), though the directory would let us replace it; root
            // could write anything, so the mode is asked too.
            if meta.permissions().readonly() {
                return Err(err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    "it is read-only; it was not replaced",
                )));
            }
            std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(err)?;
            Some(meta.permissions())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(err(e)),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    sweep_stale_temps(&dir, &name);
    let tmp = dir.join(temp_name(&name));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        if let Some(perms) = mode {
            f.set_permissions(perms)?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// `.NAME.<pid>.tmp`, with NAME cut to fit the 255-byte limit of a file
/// name (a long non-ASCII name would otherwise make the temp name too long).
fn temp_name(name: &str) -> String {
    format!(".{}{}", temp_stem(name), temp_suffix(std::process::id()))
}

fn temp_suffix(pid: u32) -> String {
    format!(".{pid}.tmp")
}

/// The part of NAME a temp name keeps (room left for the longest pid).
fn temp_stem(name: &str) -> &str {
    let room = 255 - 1 - temp_suffix(u32::MAX).len();
    let mut cut = name.len().min(room);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    &name[..cut]
}

/// Writes what `-o PATH` asks for: into a FIFO or a character device
/// (`/dev/stdout`, a terminal) directly, as a shell redirection would;
/// anything else as [`write_atomic`] does. True when written directly.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<bool, StoreError> {
    use std::os::unix::fs::FileTypeExt;
    let err = |source| StoreError::Write {
        path: shown(path),
        source,
    };
    match std::fs::metadata(path) {
        Ok(m) if m.file_type().is_fifo() || m.file_type().is_char_device() => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(err)?;
            f.write_all(bytes).map_err(err)?;
            f.flush().map_err(err)?;
            Ok(true)
        }
        _ => write_atomic(path, bytes).map(|()| false),
    }
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
    let prefix = format!(".{}.", temp_stem(name));
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

/// Copies a file that could not be read whole aside, to
/// `NAME.corrupt-<unix time>-<pid>-<n>` (a name no earlier backup has, so
/// none is ever overwritten), and returns the new name. A copy, so that the
/// file stays in place until the write that follows replaces it. Only a
/// write calls this: a command that only reads leaves the file alone.
pub fn set_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let path = resolve_links(path).map_err(|source| StoreError::Write {
        path: shown(path),
        source,
    })?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let err = |p: &Path, source| StoreError::Write {
        path: shown(p),
        source,
    };
    let mut n = 1;
    loop {
        let backup =
            path.with_file_name(format!("{name}.corrupt-{stamp}-{}-{n}", std::process::id()));
        n += 1;
        // The name is claimed first (create_new), so no backup made at the
        // same second by another process is ever replaced.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&backup)
        {
            Ok(f) => {
                let mut from = std::fs::File::open(&path).map_err(|e| err(&path, e))?;
                let mut to = f;
                std::io::copy(&mut from, &mut to).map_err(|e| err(&backup, e))?;
                to.sync_all().map_err(|e| err(&backup, e))?;
                return Ok(backup);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(err(&backup, e)),
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
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn round_trip_keeps_mode_and_follows_links() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let real = tmp.path().join("real.json");
        write_json(&real, &vec!["article:23".to_string()]).expect("write");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let link = tmp.path().join("sub/link.json");
        std::fs::create_dir_all(link.parent().expect("dir")).expect("mkdir");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_json(&link, &vec!["article:24".to_string()]).expect("write");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("m")
                .file_type()
                .is_symlink()
        );
        let text = std::fs::read_to_string(&real).expect("read");
        assert!(text.contains("article:24"), "{text}");
        let mode = std::fs::metadata(&real).expect("m").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn special_and_huge_files_are_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let err = read_capped(Path::new("/dev/zero"), 10).expect_err("device");
        assert!(err.to_string().contains("character device"), "{err}");
        let dir_err = write_atomic(tmp.path(), b"x").expect_err("directory");
        assert!(dir_err.to_string().contains("is a directory"), "{dir_err}");
        let big = tmp.path().join("big");
        std::fs::write(&big, vec![b'x'; 2048]).expect("write");
        let err = read_capped(&big, 1024).expect_err("too big");
        assert_eq!(err.to_string(), "it is larger than the 1 KiB limit");
        assert_eq!(read_capped(&big, 4096).expect("fits").len(), 2048);
    }

    #[test]
    fn backups_never_share_a_name() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("bookmarks.json");
        let mut seen = std::collections::HashSet::new();
        for n in 0..5 {
            std::fs::write(&path, format!("broken {n}")).expect("write");
            let backup = set_aside(&path).expect("aside");
            assert_eq!(
                std::fs::read_to_string(&backup).expect("read"),
                format!("broken {n}")
            );
            assert!(seen.insert(backup), "a new name each time");
        }
    }

    #[test]
    fn temp_names_fit_a_file_name() {
        let name = format!("{}.md", "\u{10348}".repeat(62));
        assert!(temp_name(&name).len() <= 255);
        assert!(temp_name("bookmarks.json").starts_with(".bookmarks.json."));
    }

    #[test]
    fn the_lock_makes_writers_take_turns() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("notes.json");
        let held = lock(&path).expect("lock");
        let (tx, rx) = std::sync::mpsc::channel();
        let other = {
            let path = path.clone();
            std::thread::spawn(move || {
                let _l = lock(&path).expect("lock");
                tx.send(()).expect("send");
            })
        };
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(200))
                .is_err(),
            "the second writer waits"
        );
        drop(held);
        rx.recv_timeout(std::time::Duration::from_secs(5))
            .expect("then it goes on");
        other.join().expect("thread");
    }
}
