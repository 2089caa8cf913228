//! Qudra: plan who attends which training session, from a scenario of needs and a catalogue.
pub mod io;
pub mod model;
pub mod solve;
pub mod synth;
pub mod ui;
