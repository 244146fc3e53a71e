//! The speaker view: `treaty present … --speaker` in a second terminal
//! follows the presentation on the room's screen over a local socket, and
//! either terminal's keys move both.

pub mod clock;
pub mod follow;
pub mod notes;
pub mod protocol;
pub mod room;
pub mod socket;
pub mod state;

use crate::app::state::{AppState, Overlay};

/// Says on the room's slide (in its footer, until the next key) why no
/// speaker view can follow it; the presentation itself goes on.
pub fn unavailable(state: &mut AppState, why: &socket::LinkError) {
    if let Some(Overlay::Present(p)) = &mut state.overlay {
        p.message = Some(format!("No speaker view: {why}"));
    }
}
