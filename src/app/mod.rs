//! The explorer's behaviour: the actions a user can take, the key table, the
//! state, the view model derived from it, and `update`, which alone changes
//! the state. The event loop is `crate::explorer`; drawing is in `ui`.
//!
//! Layers point one way: `update` -> the handlers (`nav`, `links`, `desk`,
//! `search`, `present`, `import`, `mouse`) -> `settle` -> `view` -> `state`.

pub mod action;
pub mod cited_by;
pub mod desk;
pub mod import;
pub mod index;
pub mod keymap;
pub mod links;
pub mod mouse;
pub mod nav;
pub mod overrides;
pub mod present;
pub mod probe;
pub mod scroll;
pub mod search;
pub mod settle;
pub mod spot;
pub mod start;
pub mod state;
pub mod suggested;
pub mod update;
pub mod view;
pub mod wrap;

pub use crate::app::update::update;
pub use action::{Action, Effect, MouseInput, MouseKind};
pub use nav::start;
pub use state::{AppState, PaneId, View};
