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

/// Hands out need ids, the one scheme for every new need (a row added or duplicated in the
/// browser, an imported row, the demo): `<STATE>-<skill>-<level>` (`QA-forensics-1`), or
/// with `-<n>` for the smallest free `n >= 2`, never one already taken.
#[derive(Debug, Clone, Default)]
pub struct NeedIds {
    taken: std::collections::BTreeSet<String>,
    /// Where the search for each base id goes on, so many needs of one kind do not retry
    /// every number each time.
    next: std::collections::BTreeMap<String, usize>,
}

impl NeedIds {
    /// Ids free in `scenario`.
    pub fn new(scenario: &super::Scenario) -> NeedIds {
        NeedIds { taken: scenario.needs.iter().map(|n| n.id.0.clone()).collect(), next: Default::default() }
    }

    /// A free id for a need of `state`, `skill` and `level`, taken from now on.
    pub fn fresh(&mut self, state: &StateCode, skill: &SkillId, level: i64) -> NeedId {
        let base = format!("{state}-{skill}-{level}");
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.taken.insert(id.clone());
        NeedId(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn need_ids_are_deterministic_and_unique() {
        let mut ids = NeedIds::default();
        ids.taken.extend(["QA-crypto-2".to_string(), "QA-crypto-2-3".to_string()]);
        let (qa, crypto) = (StateCode::new("QA"), SkillId::new("crypto"));
        assert_eq!(ids.fresh(&qa, &crypto, 2).as_str(), "QA-crypto-2-2");
        assert_eq!(ids.fresh(&qa, &crypto, 2).as_str(), "QA-crypto-2-4");
        assert_eq!(ids.fresh(&qa, &crypto, 2).as_str(), "QA-crypto-2-5");
        assert_eq!(ids.fresh(&qa, &crypto, 1).as_str(), "QA-crypto-1");
    }
}
