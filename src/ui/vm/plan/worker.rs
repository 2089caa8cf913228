//! What the page and the solver's Web Worker (`src/worker.rs`) say to each other, as JSON
//! text: the page sends a [`SolveRequest`]; the worker answers [`WorkerReply::Ready`] once it
//! has started, then for each request perhaps an [`WorkerReply::Incumbent`] (a plan found
//! early, which Stop keeps) and always one final reply. [`answer`] is the worker's whole work,
//! plain Rust so that it is tested natively; the page itself never runs the solver.

use serde::{Deserialize, Serialize};

use crate::model::{validate, Scenario};
use crate::solve::{solve, Options, PinProblem, Plan, SolveError, Status};

/// The share of the time limit the first, quick solve may take. A plan proven optimal (or
/// within the gap) in it is final; any other is shown as the best so far, and a second solve
/// gets the rest of the time. The demo is solved to optimality in the first.
pub const FIRST_SHARE: f64 = 0.1;

/// What the page asks: solve this scenario with these options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolveRequest {
    pub scenario: Scenario,
    /// Seconds the whole solve may take.
    pub time_limit: f64,
    /// Stop once the plan is proven within this relative gap of the best possible.
    pub gap: f64,
}

impl SolveRequest {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What the worker says. `ms` is the time since the worker received the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkerReply {
    /// The worker has started and listens.
    Ready,
    /// A plan found before the end, kept if the solve is stopped.
    Incumbent { plan: Plan, ms: f64 },
    /// The final plan.
    Done { plan: Plan, ms: f64 },
    /// The scenario has problems (the page finds them again with `validate`: they are not
    /// sent as data).
    Invalid { ms: f64 },
    /// Pins that cannot all hold.
    Infeasible { problems: Vec<PinProblem>, ms: f64 },
    /// No plan honouring the pins within the time limit (seconds allowed).
    NoPlanInTime { seconds: f64, ms: f64 },
    /// The solver failed, or the request could not be read (English, for the log line).
    Failed { message: String, ms: f64 },
}

impl WorkerReply {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A reply read from the worker's text; `None` for anything else.
    pub fn decode(text: &str) -> Option<WorkerReply> {
        serde_json::from_str(text).ok()
    }

    /// A final reply as the core's result (the scenario's problems found again for
    /// `Invalid`) and the milliseconds the solve took; `None` for `Ready` and `Incumbent`.
    pub fn into_result(self, scenario: &Scenario) -> Option<(Result<Plan, SolveError>, f64)> {
        Some(match self {
            WorkerReply::Ready | WorkerReply::Incumbent { .. } => return None,
            WorkerReply::Done { plan, ms } => (Ok(plan), ms),
            WorkerReply::Invalid { ms } => (Err(SolveError::Invalid(validate(scenario))), ms),
            WorkerReply::Infeasible { problems, ms } => (Err(SolveError::Infeasible(problems)), ms),
            WorkerReply::NoPlanInTime { seconds, ms } => (Err(SolveError::NoPlanInTime(seconds)), ms),
            WorkerReply::Failed { message, ms } => (Err(SolveError::Solver(message)), ms),
        })
    }
}

/// How a solve the planner stopped ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stopped {
    /// The best plan found so far was kept; it is proven within `gap` of the best possible.
    WithPlan { gap: f64 },
    /// No plan had been found: the plan on screen (if any) is unchanged.
    BeforeAnyPlan,
}

/// The final reply for a result of the core.
fn finished(result: Result<Plan, SolveError>, ms: f64) -> WorkerReply {
    match result {
        Ok(plan) => WorkerReply::Done { plan, ms },
        Err(SolveError::Invalid(_)) => WorkerReply::Invalid { ms },
        Err(SolveError::Infeasible(problems)) => WorkerReply::Infeasible { problems, ms },
        Err(SolveError::NoPlanInTime(seconds)) => WorkerReply::NoPlanInTime { seconds, ms },
        Err(SolveError::Solver(message)) => WorkerReply::Failed { message, ms },
    }
}

/// True when a plan needs no more solving: proven optimal, or proven within the gap asked.
fn good_enough(plan: &Plan, gap: f64) -> bool {
    plan.status == Status::Optimal || plan.gap <= gap
}

/// Answers one request: a quick solve with [`FIRST_SHARE`] of the time, then, unless its plan
/// is good enough, a second with the time left, whose plan replaces the first only when it is
/// better. `now` is the worker's clock in milliseconds; `post` sends a reply to the page.
pub fn answer(request: &str, now: impl Fn() -> f64, mut post: impl FnMut(&WorkerReply)) {
    let started = now();
    let request: SolveRequest = match serde_json::from_str(request) {
        Ok(request) => request,
        Err(e) => {
            post(&WorkerReply::Failed { message: format!("the solve request could not be read: {e}"), ms: 0.0 });
            return;
        }
    };
    let limit = request.time_limit.max(0.001);
    let options = |seconds: f64| Options { time_limit: Some(seconds), gap: request.gap, ..Options::default() };
    let first = solve(&request.scenario, &options(limit * FIRST_SHARE));
    let incumbent = match first {
        Ok(plan) if good_enough(&plan, request.gap) => {
            post(&WorkerReply::Done { plan, ms: now() - started });
            return;
        }
        Ok(plan) => {
            post(&WorkerReply::Incumbent { plan: plan.clone(), ms: now() - started });
            Some(plan)
        }
        // Out of time in the short first solve only: the second has the rest.
        Err(SolveError::NoPlanInTime(_)) => None,
        Err(e) => {
            post(&finished(Err(e), now() - started));
            return;
        }
    };
    let left = (limit - (now() - started) / 1000.0).max(0.001);
    let second = solve(&request.scenario, &options(left));
    let result = match (second, incumbent) {
        (Ok(better), Some(early)) if early.objective > better.objective => Ok(early),
        (Err(SolveError::NoPlanInTime(_)), Some(early)) => Ok(early),
        (Err(SolveError::NoPlanInTime(_)), None) => Err(SolveError::NoPlanInTime(request.time_limit)),
        (second, _) => second,
    };
    post(&finished(result, now() - started));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::vm::plan::solved::tests::small;

    fn replies(request: &str) -> Vec<WorkerReply> {
        let mut out = Vec::new();
        answer(request, || 0.0, |reply| out.push(WorkerReply::decode(&reply.encode()).expect("a reply reads back")));
        out
    }

    fn request(scenario: Scenario) -> String {
        SolveRequest { scenario, time_limit: 10.0, gap: 0.0 }.encode()
    }

    #[test]
    fn a_small_scenario_is_planned_optimally_in_one_reply_that_reads_back() {
        let out = replies(&request(small()));
        assert_eq!(out.len(), 1, "{out:?}");
        let Some((Ok(plan), _)) = out[0].clone().into_result(&small()) else { panic!("{out:?}") };
        assert_eq!(plan.status, Status::Optimal);
        let direct = solve(&small(), &Options::default()).unwrap();
        assert_eq!((plan.allocations, plan.sessions, plan.unmet), (direct.allocations, direct.sessions, direct.unmet));
    }

    #[test]
    fn problems_and_impossible_pins_come_back_as_the_cores_errors() {
        let mut invalid = small();
        invalid.needs[0].skill = "forensic".into();
        let out = replies(&request(invalid.clone()));
        let Some((Err(SolveError::Invalid(problems)), _)) = out[0].clone().into_result(&invalid) else {
            panic!("{out:?}")
        };
        assert_eq!(problems[0].path, "needs[0].skill");

        let mut pinned = small();
        pinned.pins.push(crate::model::Pin { need: "TN-1".into(), session: "DF-101-A".into(), seats: 7 });
        let out = replies(&request(pinned.clone()));
        let Some((Err(SolveError::Infeasible(problems)), _)) = out[0].clone().into_result(&pinned) else {
            panic!("{out:?}")
        };
        assert_eq!(problems[0].pins, vec![("TN-1".into(), "DF-101-A".into())]);
    }

    #[test]
    fn a_request_that_cannot_be_read_is_a_failure_naming_it() {
        let out = replies("{\"scenario\": 1}");
        let WorkerReply::Failed { message, .. } = &out[0] else { panic!("{out:?}") };
        assert!(message.contains("solve request"), "{message}");
    }

    #[test]
    fn the_ready_and_early_replies_are_not_results() {
        assert!(WorkerReply::Ready.into_result(&small()).is_none());
        assert_eq!(WorkerReply::decode("{\"kind\":\"ready\"}"), Some(WorkerReply::Ready));
        assert_eq!(WorkerReply::decode("nonsense"), None);
    }
}
