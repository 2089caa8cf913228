//! What several integration tests share (Cargo builds each `tests/*.rs` as a crate of its own and
//! does not treat this folder as a test): `oracle`, the SPEC re-implemented from its text,
//! independently of the crate's code, to check plans against; `cli`, running the `qudra` program
//! in a scratch folder. Each test crate uses only part of it, hence `dead_code` is allowed here.
#![allow(dead_code)]

pub mod cli;
pub mod oracle;
pub mod server;
pub mod workspace;

/// The items of `all` picked by the bits of `mask` (for generated scenarios).
pub fn pick<T: Clone>(all: &[T], mask: u8) -> Vec<T> {
    all.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, x)| x.clone()).collect()
}

/// An English-only name.
pub fn names(text: &str) -> qudra::model::Names {
    [("en".to_string(), text.to_string())].into_iter().collect()
}
