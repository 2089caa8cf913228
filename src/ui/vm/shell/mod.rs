//! What the frame of every screen decides: the workspace chosen (asked on the first visit,
//! `first`), undo and redo, files in and out of the app, and what the browser keeps on the
//! device.

pub mod files;
pub mod first;
pub mod history;
pub mod storage;
pub mod tabs;

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
