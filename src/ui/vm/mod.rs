//! The app's view-model: everything the screens decide that does not need a browser — what a
//! table shows, what an edit does to the scenario, undo/redo, files in and out, storage
//! envelopes and their migrations. Plain Rust, tested by `cargo test` without the `web` feature;
//! the components in `ui` only render these results and send edits here. The folders mirror the
//! components' (`ui/edit`, `ui/plan`, `ui/shell`): the view-model of a screen has the screen's
//! name.

pub mod connect;
pub mod edit;
#[cfg(test)]
pub(crate) mod fixture;
pub mod plan;
pub mod shell;
