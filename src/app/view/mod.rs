//! The view model: what the state shows, derived from it and never changing
//! it. What each pane lists (`document`, `overviews`), its lines (`pane`,
//! `lines`), where panes are (`geometry`, `screen`), the citations of a text,
//! the search matches marked in a view, the slides and the help rows.

pub mod citations;
pub mod cited_by;
pub mod deck_html;
pub mod document;
pub mod entry;
pub mod geometry;
pub mod help_rows;
pub mod index_view;
pub mod lines;
pub mod link_lines;
pub mod matches;
pub mod overview_lines;
pub mod overviews;
pub mod pane;
pub mod screen;
pub mod search_layout;
pub mod selection;
pub mod slide_pages;
pub mod slides;
pub mod start;
pub mod suggested_entries;
pub mod suggested_lines;

// The text layout and scrolling the view is built on, as drawing reads them:
// `ui` takes them from here, so it depends on the view and nothing under it.
pub use crate::app::scroll::{self, Anchor};
pub use crate::app::wrap::{Breaks, wrap};
