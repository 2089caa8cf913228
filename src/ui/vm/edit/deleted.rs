//! A deleted need kept for its "Undo" toast: the need, its place, and the pins and exclusions
//! that went with it, so that the toast puts back exactly what was deleted even after other
//! edits (the header's undo would take back the latest edit instead).

use crate::model::{Exclusion, Need, NeedId, Pin, Scenario};

/// What deleting one need removed.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedNeed {
    pub index: usize,
    pub need: Need,
    pub pins: Vec<Pin>,
    pub exclusions: Vec<Exclusion>,
}

impl DeletedNeed {
    pub fn id(&self) -> &NeedId {
        &self.need.id
    }
}

/// Removes need `i` with the pins and exclusions that name it, and returns all of it.
pub fn delete_need(scenario: &mut Scenario, i: usize) -> Option<DeletedNeed> {
    if i >= scenario.needs.len() {
        return None;
    }
    let need = scenario.needs.remove(i);
    let (pins, kept): (Vec<Pin>, Vec<Pin>) =
        std::mem::take(&mut scenario.pins).into_iter().partition(|p| p.need == need.id);
    scenario.pins = kept;
    let (exclusions, kept): (Vec<Exclusion>, Vec<Exclusion>) =
        std::mem::take(&mut scenario.exclusions).into_iter().partition(|e| e.need == need.id);
    scenario.exclusions = kept;
    Some(DeletedNeed { index: i, need, pins, exclusions })
}

/// Puts a deleted need back at its place (or at the end when the table has become shorter),
/// with its pins and exclusions; false, changing nothing, when a need of its id exists again.
pub fn restore_need(scenario: &mut Scenario, deleted: &DeletedNeed) -> bool {
    if scenario.need(deleted.id()).is_some() {
        return false;
    }
    let at = deleted.index.min(scenario.needs.len());
    scenario.needs.insert(at, deleted.need.clone());
    scenario.pins.extend(deleted.pins.iter().cloned());
    scenario.exclusions.extend(deleted.exclusions.iter().cloned());
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;
    use crate::ui::vm::fixture::Fixture;

    fn scenario() -> Scenario {
        Fixture::forensics_2027()
            .set("/horizon", serde_json::Value::Null)
            .state("QA", "Qatar", None, &["ar", "en"])
            .session("DF-101-B", "DF-101", ("2027-03-07", "2027-03-11"), 24)
            .need("QA-1", "QA", ("forensics", 1), (6, 4))
            .need("QA-2", "QA", ("forensics", 1), (2, 2))
            .need("QA-3", "QA", ("forensics", 1), (1, 1))
            .pin("QA-2", "DF-101-A", 2)
            .pin("QA-1", "DF-101-A", 1)
            .exclusion("QA-2", "DF-101-B")
            .build()
    }

    #[test]
    fn a_deleted_need_comes_back_at_its_place_with_its_pins_and_exclusions() {
        let before = scenario();
        let mut s = before.clone();
        let deleted = delete_need(&mut s, 1).unwrap();
        assert_eq!(deleted.id().as_str(), "QA-2");
        assert_eq!(s.needs.len(), 2);
        assert_eq!(s.pins.len(), 1);
        assert!(s.exclusions.is_empty());
        // Another edit in between is kept: the toast puts back the need, not the old scenario.
        s.needs[0].trainees = 9;
        assert!(restore_need(&mut s, &deleted));
        assert_eq!(s.needs.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["QA-1", "QA-2", "QA-3"]);
        assert_eq!(s.needs[0].trainees, 9);
        assert_eq!(s.pins.len(), 2);
        assert_eq!(s.exclusions, before.exclusions);
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        // Twice is refused: the need is there already.
        assert!(!restore_need(&mut s, &deleted));
        assert_eq!(s.needs.len(), 3);
        assert!(delete_need(&mut s, 7).is_none());
    }

    #[test]
    fn a_need_restored_into_a_shorter_table_goes_last() {
        let mut s = scenario();
        let last = delete_need(&mut s, 2).unwrap();
        delete_need(&mut s, 1).unwrap();
        assert!(restore_need(&mut s, &last));
        assert_eq!(s.needs.last().map(|n| n.id.as_str()), Some("QA-3"));
    }
}
