//! Fuzzes the HTML reader through the shared reader harness
//! (`harness/reader.rs`): never a panic, never a hang, clean output.
#![no_main]

#[path = "../harness/reader.rs"]
mod reader;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| reader::check(data, treaty::intake::Format::Html));
