//! Citations: finding references to the convention in text, and the link graph
//! that joins articles, chapters and passages.

pub mod citing;
pub mod depth;
pub mod extract;
pub mod graph;
mod hit;
mod languages;
