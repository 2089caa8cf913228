//! The last plan and what the last Solve gave: the plan together with the exact scenario it was
//! computed from (so every view, explanation and export reads one consistent pair even after
//! the scenario is edited), whether the current scenario has moved on since, what a re-solve
//! changed, and the storage envelope that keeps the last plan across reloads.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::model::{NeedId, Problem, Scenario, SessionId};
use crate::solve::{changes, Change, PinProblem, Plan, SolveError, Status};

/// Seconds a solve in the browser may take before it stops with the best plan found (the
/// core's default, which the command line uses too).
pub use crate::solve::DEFAULT_TIME_LIMIT;

/// Storage key of the last plan, apart from the scenario's own key.
pub const KEY_PLAN: &str = "qudra.plan";

/// The storage schema of [`KEY_PLAN`].
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// A plan and the scenario it was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastPlan {
    pub scenario: Scenario,
    pub plan: Plan,
    /// How long the solve held the page, in milliseconds, as the browser measured it.
    pub ms: f64,
}

impl LastPlan {
    /// True when `current` is no longer the scenario this plan was computed from.
    pub fn out_of_date(&self, current: &Scenario) -> bool {
        &self.scenario != current
    }
}

/// What the last click on Solve gave.
#[derive(Debug, Clone, PartialEq)]
pub enum SolveOutcome {
    /// A plan. `changes` is what moved since the previous plan (`None` for a first plan).
    Planned { status: Status, objective: f64, bound: f64, gap: f64, ms: f64, changes: Option<Vec<Change>> },
    /// The scenario has problems; nothing was solved.
    Invalid(Vec<Problem>),
    /// Pins that cannot all hold.
    Infeasible(Vec<PinClash>),
    /// Out of time before any plan honouring the pins was found (seconds allowed).
    NoPlanInTime(f64),
    /// The solver itself failed (its own words).
    Failed(String),
}

/// Pins that cannot all be honoured, with the limit they break, ready for a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinClash {
    pub kind: ClashKind,
    /// The pins involved: need, session and pinned seats.
    pub pins: Vec<(NeedId, SessionId, i64)>,
}

/// Which limit a set of pins breaks, with its figures, as the core found it.
pub use crate::solve::ClashKind;

/// Turns what the solver returned into the new last plan (if any) and the outcome to show.
/// `ms` is the time the browser measured; `previous` is the plan on screen before.
pub fn settle(
    scenario: Scenario,
    result: Result<Plan, SolveError>,
    previous: Option<&LastPlan>,
    ms: f64,
) -> (Option<LastPlan>, SolveOutcome) {
    match result {
        Ok(plan) => {
            let changes = previous.map(|before| changes(&scenario, &before.plan, &plan));
            let outcome = SolveOutcome::Planned {
                status: plan.status,
                objective: plan.objective,
                bound: plan.bound,
                gap: plan.gap,
                ms,
                changes,
            };
            (Some(LastPlan { scenario, plan, ms }), outcome)
        }
        Err(SolveError::Invalid(problems)) => (None, SolveOutcome::Invalid(problems)),
        Err(SolveError::Infeasible(problems)) => {
            (None, SolveOutcome::Infeasible(problems.iter().map(|p| clash(&scenario, p)).collect()))
        }
        Err(SolveError::NoPlanInTime(seconds)) => (None, SolveOutcome::NoPlanInTime(seconds)),
        Err(SolveError::Solver(message)) => (None, SolveOutcome::Failed(message)),
    }
}

/// A pin problem of the core with each pin's seats read from the scenario; the kind and its
/// figures are the core's own.
fn clash(scenario: &Scenario, problem: &PinProblem) -> PinClash {
    let pins = problem
        .pins
        .iter()
        .map(|(need, session)| {
            let seats = scenario.pins.iter().find(|p| &p.need == need && &p.session == session).map_or(0, |p| p.seats);
            (need.clone(), session.clone(), seats)
        })
        .collect();
    PinClash { kind: problem.kind.clone(), pins }
}

/// The envelope to store under [`KEY_PLAN`].
pub fn encode(solved: &LastPlan) -> String {
    json!({ "schema_version": PLAN_SCHEMA_VERSION, "solved": solved }).to_string()
}

/// The last plan stored by [`encode`]; anything else (nothing, another version, damage) is no
/// plan: a plan can always be made again from the scenario.
pub fn decode(stored: Option<&str>) -> Option<LastPlan> {
    let value: Value = serde_json::from_str(stored?).ok()?;
    if value.get("schema_version").and_then(Value::as_u64) != Some(u64::from(PLAN_SCHEMA_VERSION)) {
        return None;
    }
    serde_json::from_value(value.get("solved")?.clone()).ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Exclusion, Pin};
    use crate::solve::{solve, Options};

    pub(crate) fn small() -> Scenario {
        Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,"title":"Small",
            "horizon":{"start":"2027-01-01","end":"2027-12-31"},
            "states":[{"code":"QA","name":{"en":"Qatar","ar":"قطر"},"languages":["ar","en"],"budget":3000},
                      {"code":"TN","name":{"en":"Tunisia","ar":"تونس"},"languages":["ar","fr"]}],
            "skills":[{"id":"forensics","name":{"en":"Digital forensics"}}],
            "courses":[{"id":"DF-101","title":{"en":"Forensics 1"},"skill":"forensics","level":1,"language":"ar","mode":"in_person"}],
            "sessions":[{"id":"DF-101-A","course":"DF-101","start":"2027-02-07","end":"2027-02-11","seats":6,"max_per_state":4,"cost_per_seat":1000},
                        {"id":"DF-101-B","course":"DF-101","start":"2027-10-03","end":"2027-10-07","seats":4,"min_participants":3}],
            "needs":[{"id":"QA-1","state":"QA","skill":"forensics","level":1,"trainees":6,"priority":4},
                     {"id":"TN-1","state":"TN","skill":"forensics","level":1,"trainees":5,"priority":3}]}"#,
        )
        .unwrap()
    }

    fn run(scenario: &Scenario, previous: Option<&LastPlan>) -> (Option<LastPlan>, SolveOutcome) {
        settle(scenario.clone(), solve(scenario, &Options::default()), previous, 12.0)
    }

    /// A change that makes the small scenario's pins impossible.
    type Edit = fn(&mut Scenario);

    fn pin(s: &mut Scenario, need: &str, session: &str, seats: i64) {
        s.pins.push(Pin { need: need.into(), session: session.into(), seats });
    }

    #[test]
    fn a_first_plan_has_no_changes_and_a_re_solve_lists_what_moved() {
        let mut s = small();
        let (first, outcome) = run(&s, None);
        let first = first.expect("a plan");
        assert!(
            matches!(outcome, SolveOutcome::Planned { status: Status::Optimal, changes: None, ms, .. } if ms == 12.0)
        );
        s.exclusions.push(Exclusion { need: "TN-1".into(), session: "DF-101-A".into() });
        let (second, outcome) = run(&s, Some(&first));
        assert!(second.is_some());
        let SolveOutcome::Planned { changes: Some(moved), .. } = outcome else { panic!("{outcome:?}") };
        assert!(moved.iter().any(|c| c.state.as_str() == "TN" && c.session.as_str() == "DF-101-A" && c.after == 0));
    }

    #[test]
    fn the_plan_is_out_of_date_once_the_scenario_changes_and_back_again_after_undo() {
        let s = small();
        let (solved, _) = run(&s, None);
        let solved = solved.unwrap();
        assert!(!solved.out_of_date(&s));
        let mut edited = s.clone();
        edited.needs[0].trainees = 2;
        assert!(solved.out_of_date(&edited));
        assert!(!solved.out_of_date(&small()));
    }

    #[test]
    fn an_invalid_scenario_is_not_solved_and_its_problems_are_shown() {
        let mut s = small();
        s.needs[0].skill = "forensic".into();
        let (solved, outcome) = run(&s, None);
        assert!(solved.is_none());
        let SolveOutcome::Invalid(problems) = outcome else { panic!("{outcome:?}") };
        assert_eq!(problems[0].path, "needs[0].skill");
    }

    #[test]
    fn each_kind_of_impossible_pin_is_named_with_its_figures() {
        let cases: Vec<(Edit, ClashKind)> = vec![
            (|s| pin(s, "TN-1", "DF-101-A", 7), ClashKind::Trainees { need: "TN-1".into(), pinned: 7, trainees: 5 }),
            (
                |s| {
                    s.sessions[1].seats = 5;
                    pin(s, "QA-1", "DF-101-B", 6);
                },
                ClashKind::Seats { session: "DF-101-B".into(), pinned: 6, seats: 5 },
            ),
            (
                |s| pin(s, "TN-1", "DF-101-A", 5),
                ClashKind::StateCap { state: "TN".into(), session: "DF-101-A".into(), pinned: 5, cap: 4 },
            ),
            (
                |s| pin(s, "QA-1", "DF-101-A", 4),
                ClashKind::Budget { state: "QA".into(), cost: 4000, budget: 3000, currency: "USD".into() },
            ),
            (
                |s| {
                    s.exclusions.push(Exclusion { need: "QA-1".into(), session: "DF-101-B".into() });
                    pin(s, "TN-1", "DF-101-B", 1);
                    s.needs[1].trainees = 1;
                },
                ClashKind::Minimum { session: "DF-101-B".into(), reachable: 1, minimum: 3 },
            ),
        ];
        for (make, kind) in cases {
            let mut s = small();
            make(&mut s);
            let (solved, outcome) = run(&s, None);
            assert!(solved.is_none());
            let SolveOutcome::Infeasible(clashes) = outcome else { panic!("{kind:?}: {outcome:?}") };
            assert_eq!(clashes[0].kind, kind);
            assert!(!clashes[0].pins.is_empty() && clashes[0].pins.iter().all(|(_, _, seats)| *seats > 0));
        }
    }

    #[test]
    fn the_last_plan_survives_storage_and_anything_else_is_no_plan() {
        let (solved, _) = run(&small(), None);
        let solved = solved.unwrap();
        assert_eq!(decode(Some(&encode(&solved))), Some(solved));
        assert_eq!(decode(None), None);
        assert_eq!(decode(Some("{\"schema_version\":9,\"solved\":{}}")), None);
        assert_eq!(decode(Some("not json")), None);
    }
}
