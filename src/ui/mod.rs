//! The browser app. The pure parts — the language catalogues (`i18n`) and the view-model
//! (`vm`) — build everywhere so plain `cargo test` covers them; the Leptos components, the only
//! code that touches the browser (storage, files, the DOM), build only with the `web` feature.
//! The components are grouped by what the user sees, one component per file:
//!
//! - `shell`: the frame every screen shares — the app, its header and notices, the planner's
//!   tabs, the tab bar and state list the screens reuse; `store` holds the state and `browser`
//!   the calls into the page;
//! - `edit`: the tables, rows, fields and forms that edit the scenario (the focal point's and
//!   the regional centre's workspaces, and the planner's data tabs);
//! - `plan`: the planner's plan screens — the Solve bar and the plan's views (calendar and
//!   rosters, by state, coverage, unmet needs, changes, downloads) and the adjustments;
//! - `connect`: the connected app served by `qudra serve` — sign-in, invitation, the header's
//!   account, each row's saving state, the administrator's accounts; `http` the one `fetch`.

pub mod i18n;
pub mod vm;

// The components: one gate per folder instead of one per file.
#[cfg(feature = "connect")]
mod connect;
#[cfg(feature = "web")]
mod edit;
#[cfg(feature = "web")]
mod plan;
#[cfg(feature = "web")]
mod shell;

#[cfg(feature = "web")]
pub use shell::app::App;
