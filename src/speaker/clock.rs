//! The two times a speaker watches: how long the talk has run (`12:05`,
//! `1:02:05` past an hour) and the time of day on the local clock (`14:05`).

use std::time::SystemTime;

/// `mm:ss`, or `h:mm:ss` from an hour on.
pub fn elapsed(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// The local time of day, `HH:MM`; UTC (marked so) when the local time
/// cannot be had.
pub fn wall_clock(now: SystemTime) -> String {
    let secs = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    match local_hm(secs) {
        Some((h, m)) => format!("{h:02}:{m:02}"),
        None => format!("{:02}:{:02} UTC", secs / 3600 % 24, secs / 60 % 60),
    }
}

/// Hours and minutes of `secs` since the epoch on the local clock, through
/// the C library, which reads TZ and /etc/localtime as every other program
/// on the machine does.
fn local_hm(secs: u64) -> Option<(i32, i32)> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: `tm` is plain data that localtime_r fills in; both pointers are
    // to live locals, and localtime_r is the thread-safe form.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        tm
    };
    Some((tm.tm_hour, tm.tm_min))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_reads_as_a_stopwatch() {
        assert_eq!(elapsed(0), "00:00");
        assert_eq!(elapsed(125), "02:05");
        assert_eq!(elapsed(3725), "1:02:05");
    }

    #[test]
    fn the_wall_clock_is_hours_and_minutes() {
        let c = wall_clock(SystemTime::now());
        assert!(c.len() >= 5 && c.as_bytes()[2] == b':', "{c}");
    }
}
