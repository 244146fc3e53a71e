//! The speaker view: `treaty present … --speaker` in a second terminal
//! follows the presentation on the room's screen over a local socket, and
//! either terminal's keys move both.

pub mod protocol;
pub mod socket;
