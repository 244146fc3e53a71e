//! The user's own data: bookmarks and notes on articles, chapters, sources and
//! passages, the last place visited, citations to copy, and briefing packs.
//! Depends on `corpus`, `refs` and `store`; knows nothing of the terminal.

pub mod bookmarks;
pub mod brief;
pub mod cite;
pub mod data;
pub mod item;
pub mod notes;
mod read;
pub mod spot;
pub mod suggestions;

pub use bookmarks::Bookmarks;
pub use brief::{BriefError, Format, Selection, brief};
pub use cite::{
    cite_article, cite_chapter, cite_item, cite_passage, cite_source, cite_target, osc52,
    quote_passage,
};
pub use data::{UserData, UserError};
pub use item::{ItemRef, ItemRefError, Resolved};
pub use notes::Notes;
pub use read::{read_bookmarks, read_notes};
pub use spot::{PaneSpot, Spot};
