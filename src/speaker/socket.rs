//! Where the room's presentation and its speaker views meet: one Unix domain
//! socket per deck, in `$XDG_RUNTIME_DIR/treaty/` (the per-user directory
//! the session provides), else in `treaty-UID` under the temporary
//! directory, made private to the user. A socket file left by a presentation
//! that died is removed when nothing listens on it any more.

use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("cannot make the directory for the speaker link {}: {source}", .path.display())]
    Dir { path: PathBuf, source: io::Error },
    #[error(
        "{} is not private to you (another user owns it or can enter it): the speaker link will not use it",
        .0.display()
    )]
    NotPrivate(PathBuf),
    #[error("{} is too long for a socket's name: set XDG_RUNTIME_DIR to a shorter directory", .0.display())]
    TooLong(PathBuf),
    #[error("another presentation of this deck is already followed through {}", .0.display())]
    Busy(PathBuf),
    #[error("{} is in the way and is not a socket: remove it", .0.display())]
    NotASocket(PathBuf),
    #[error("cannot listen on {}: {source}", .path.display())]
    Listen { path: PathBuf, source: io::Error },
}

/// The directory of the sockets, made if need be: `$XDG_RUNTIME_DIR/treaty`
/// when XDG_RUNTIME_DIR names an absolute directory, else `treaty-UID` in
/// the temporary directory. Either must be the user's own and closed to
/// others (0700), since whoever can connect can move the slides.
pub fn dir() -> Result<PathBuf, LinkError> {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute() && p.is_dir());
    let dir = match runtime {
        Some(r) => r.join("treaty"),
        None => std::env::temp_dir().join(format!("treaty-{}", uid())),
    };
    private_dir(&dir)?;
    Ok(dir)
}

fn uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// Makes `dir` (mode 0700) unless it is there, then checks it is a directory
/// of ours that no one else can enter.
fn private_dir(dir: &Path) -> Result<(), LinkError> {
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(source) => {
            return Err(LinkError::Dir {
                path: dir.to_path_buf(),
                source,
            });
        }
    }
    // Not followed through a symbolic link: another user could point one
    // at a directory of theirs.
    let meta = std::fs::symlink_metadata(dir).map_err(|source| LinkError::Dir {
        path: dir.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() || meta.uid() != uid() || meta.permissions().mode() & 0o077 != 0 {
        return Err(LinkError::NotPrivate(dir.to_path_buf()));
    }
    Ok(())
}

/// A deck's id: a hash of its title (FNV-1a, 64 bits), stable from one run
/// and one build to the next, so both terminals find the same socket.
pub fn deck_id(title: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The socket of the deck titled `title` in `dir`.
pub fn path_for(dir: &Path, title: &str) -> PathBuf {
    dir.join(format!("deck-{}.sock", deck_id(title)))
}

/// Longest socket path the kernel takes (`sun_path` holds 108 bytes with
/// its terminating zero on Linux, 104 on the BSDs).
const MAX_PATH: usize = 103;

fn check_length(path: &Path) -> Result<(), LinkError> {
    if path.as_os_str().len() > MAX_PATH {
        return Err(LinkError::TooLong(path.to_path_buf()));
    }
    Ok(())
}

/// Listens on `path` for speaker views. A socket file there that nothing
/// listens on is what a presentation that died left behind: it is removed.
/// One that answers belongs to a live presentation of the same deck and is
/// left alone.
pub fn listen(path: &Path) -> Result<UnixListener, LinkError> {
    check_length(path)?;
    let listen_err = |source| LinkError::Listen {
        path: path.to_path_buf(),
        source,
    };
    match UnixListener::bind(path) {
        Ok(l) => return Ok(l),
        Err(e) if e.kind() == io::ErrorKind::AddrInUse => {}
        Err(e) => return Err(listen_err(e)),
    }
    let is_socket = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_socket());
    if !is_socket {
        return Err(LinkError::NotASocket(path.to_path_buf()));
    }
    if UnixStream::connect(path).is_ok() {
        return Err(LinkError::Busy(path.to_path_buf()));
    }
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(listen_err(e)),
    }
    UnixListener::bind(path).map_err(listen_err)
}

/// Writes all of `bytes` to `s` without raising SIGPIPE when the peer has
/// gone (std's write would, and the terminal session treats SIGPIPE as a
/// reason to end): a peer that left is an error here, nothing more.
pub fn send_all(s: &UnixStream, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length are those of a live slice, and the
        // descriptor is the stream's own, open while it is borrowed.
        let n = unsafe {
            libc::send(
                s.as_raw_fd(),
                bytes.as_ptr().cast(),
                bytes.len(),
                libc::MSG_NOSIGNAL,
            )
        };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[n.unsigned_abs()..];
    }
    Ok(())
}

/// Connects to the presentation listening on `path`.
pub fn connect(path: &Path) -> io::Result<UnixStream> {
    check_length(path).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    UnixStream::connect(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_title_gives_the_same_socket() {
        let d = Path::new("/run/user/1000/treaty");
        assert_eq!(path_for(d, "Chapter IV"), path_for(d, "Chapter IV"));
        assert_ne!(path_for(d, "Chapter IV"), path_for(d, "Chapter V"));
        assert_eq!(deck_id(""), "cbf29ce484222325");
    }

    #[test]
    fn a_stale_socket_is_replaced_and_a_live_one_kept() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("deck.sock");
        // A presentation that died: its socket file stays, nothing listens.
        drop(UnixListener::bind(&path).expect("binds"));
        assert!(path.exists());
        let live = listen(&path).expect("the stale socket is replaced");
        assert!(matches!(listen(&path), Err(LinkError::Busy(_))));
        assert!(connect(&path).is_ok());
        drop(live);
        // Not a socket: never removed.
        std::fs::remove_file(&path).expect("removes");
        std::fs::write(&path, "notes").expect("writes");
        assert!(matches!(listen(&path), Err(LinkError::NotASocket(_))));
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "notes");
    }

    #[test]
    fn a_directory_others_can_enter_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let open = tmp.path().join("open");
        std::fs::create_dir(&open).expect("mkdir");
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert!(matches!(private_dir(&open), Err(LinkError::NotPrivate(_))));
        let mine = tmp.path().join("mine");
        private_dir(&mine).expect("made private");
        let mode = std::fs::metadata(&mine)
            .expect("there")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn writing_to_a_peer_that_left_is_an_error_not_a_signal() {
        let (a, b) = UnixStream::pair().expect("a pair");
        drop(b);
        assert!(send_all(&a, b"slide 1 2\n").is_err());
    }

    #[test]
    fn a_path_too_long_for_a_socket_says_so() {
        let long = PathBuf::from(format!("/{}/deck.sock", "d".repeat(120)));
        assert!(matches!(listen(&long), Err(LinkError::TooLong(_))));
    }
}
