//! Newtype identifiers, so a need id can never be passed where a session id is expected.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_string())
            }
        }
    };
}

id_type!(
    /// ISO 3166-1 alpha-2 code of a member state (`QA`, `TN` …).
    StateCode
);
id_type!(
    /// Identifier of a skill (`forensics`, `crypto` …).
    SkillId
);
id_type!(
    /// Identifier of a catalogue course (`DF-101`).
    CourseId
);
id_type!(
    /// Identifier of a dated session (`DF-101-A`).
    SessionId
);
id_type!(
    /// Identifier of a need (`QA-forensics-1`).
    NeedId
);
