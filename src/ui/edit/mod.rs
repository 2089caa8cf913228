//! Editing the scenario: the fields bound to it by JSON path, the tables and rows of needs,
//! courses, sessions, states and skills, the settings form, the year view, spreadsheets in (import a CSV, paste rows, templates), and the focal
//! point's and the regional centre's workspaces built from them.

pub mod centre;
pub mod choices;
pub mod course_row;
pub mod courses_table;
pub mod field;
pub mod focal;
pub mod need_row;
pub mod needs_summary;
pub mod needs_table;
pub mod seat_value;
pub mod session_row;
pub mod sessions_table;
pub mod settings_form;
pub mod skill_row;
pub mod skills_table;
pub mod spreadsheets;
pub mod state_row;
pub mod states_table;
pub mod year_view;
