//! Qudra: plan who attends which training session, from a scenario of needs and a catalogue.
pub mod io;
pub mod model;
pub mod solve;
/// Generated benchmark scenarios. Not part of the planner's API (hidden from its docs): it is
/// public only because the benchmark programs outside this crate's library, `src/bin/bench.rs`
/// and the wasm benchmark crate in `bench/wasm`, generate the same scenarios the solver's own
/// tests use, and a crate of its own would be a second workspace member for ~260 lines.
#[doc(hidden)]
pub mod synth;
pub mod ui;
