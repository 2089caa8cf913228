//! The frame every screen shares: the app, its header (with the data menu) and notices, the
//! first visit's question and the demo banner, the planner's workspace (its tabs), and the
//! pieces the screens reuse (the tab bar, the state list); `store` holds the scenario's state
//! and `browser` every call into the page.

pub mod app;
pub mod browser;
pub mod data_menu;
pub mod first_visit;
pub mod header;
pub mod notices;
pub mod planner;
pub mod server;
pub mod state_select;
pub mod store;
pub mod tabs;
