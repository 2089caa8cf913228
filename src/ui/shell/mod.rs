//! The frame every screen shares: the app, its header and notices, the planner's workspace
//! the scenario's state and `browser` every call into the page.

pub mod app;
pub mod browser;
pub mod header;
pub mod notices;
pub mod planner;
pub mod store;
