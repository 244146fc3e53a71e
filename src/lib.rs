//! `treaty`: explore the UN Convention against Cybercrime and the critiques of it.
//!
//! Layers point one way: `ui -> app -> {search, refs, corpus}`; `corpus`
//! depends on nothing of ours.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod explorer;
pub mod export;
pub mod intake;
pub mod library;
pub mod refs;
pub mod search;
pub mod speaker;
pub mod store;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod user;
