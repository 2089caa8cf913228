//! The app's view-model: everything the screens decide that does not need a browser — what a
//! table shows, what an edit does to the scenario, undo/redo, files in and out, storage
//! envelopes and their migrations. Plain Rust, tested by `cargo test` without the `web` feature;
//! the components in `ui` only render these results and send edits here.

pub mod adjust;
pub mod edit;
pub mod files;
pub mod history;
pub mod issue;
pub mod plan_files;
pub mod plan_view;
pub mod rows;
pub mod solved;
pub mod storage;
pub mod views;

/// The three workspaces, chosen in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A member state's national focal point: enters the state's needs.
    #[default]
    Focal,
    /// The regional training centre: keeps the catalogue of courses and sessions.
    Centre,
    /// The planner: everything, including states and settings.
    Planner,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Focal, Role::Centre, Role::Planner];

    pub fn code(self) -> &'static str {
        match self {
            Role::Focal => "focal",
            Role::Centre => "centre",
            Role::Planner => "planner",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}
