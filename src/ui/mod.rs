//! The browser app. The pure parts — the language catalogues (`i18n`) and the view-model
//! (`vm`) — build everywhere so plain `cargo test` covers them; the Leptos components, the only
//! code that touches the browser (storage, files, the DOM), build only with the `web` feature.
//! One component per file; `store` holds the state and `browser` the calls into the page.

pub mod i18n;
pub mod vm;

#[cfg(feature = "web")]
mod adjustments;
#[cfg(feature = "web")]
mod app;
#[cfg(feature = "web")]
mod bar_chart;
#[cfg(feature = "web")]
mod browser;
#[cfg(feature = "web")]
mod by_state;
#[cfg(feature = "web")]
mod calendar;
#[cfg(feature = "web")]
mod centre;
#[cfg(feature = "web")]
mod choices;
#[cfg(feature = "web")]
mod course_row;
#[cfg(feature = "web")]
mod courses_table;
#[cfg(feature = "web")]
mod dashboard;
#[cfg(feature = "web")]
mod field;
#[cfg(feature = "web")]
mod focal;
#[cfg(feature = "web")]
mod header;
#[cfg(feature = "web")]
mod need_row;
#[cfg(feature = "web")]
mod needs_summary;
#[cfg(feature = "web")]
mod needs_table;
#[cfg(feature = "web")]
mod notices;
#[cfg(feature = "web")]
mod plan_changes;
#[cfg(feature = "web")]
mod plan_exports;
#[cfg(feature = "web")]
mod plan_store;
#[cfg(feature = "web")]
mod plan_workspace;
#[cfg(feature = "web")]
mod planner;
#[cfg(feature = "web")]
mod roster;
#[cfg(feature = "web")]
mod session_row;
#[cfg(feature = "web")]
mod sessions_table;
#[cfg(feature = "web")]
mod settings_form;
#[cfg(feature = "web")]
mod skill_row;
#[cfg(feature = "web")]
mod skills_table;
#[cfg(feature = "web")]
mod solve_bar;
#[cfg(feature = "web")]
mod state_row;
#[cfg(feature = "web")]
mod states_table;
#[cfg(feature = "web")]
mod store;
#[cfg(feature = "web")]
mod unmet_list;
#[cfg(feature = "web")]
mod year_view;

#[cfg(feature = "web")]
pub use app::App;
