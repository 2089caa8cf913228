//! Where to add capacity and the value of a seat, as the regional centre sees them (SPEC §7,
//! issue 14): what the page asks the solver's worker ([`CapacityRequest`]: recommend K new
//! sessions, or value one more seat in every session), the worker's work ([`answer`], plain
//! Rust tested natively), its replies ([`CapacityReply`]), and what the screen shows of them
//! (a [`ProposalRow`] per proposal with the trainees it serves by state and priority, a
//! [`SeatWorth`] per session). Adding a proposal appends the very session the core valued, so
//! solving again gives the gain it promised.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{name_in, Mode, NeedId, Scenario, Session, SessionId, StateCode};
use crate::solve::{recommend, seat_values, Fix, Options, RecommendError, SolveError, Status};

/// How many sessions the centre asks for unless it chooses.
pub const DEFAULT_K: usize = 5;

/// The most sessions the centre may ask for at once.
pub const MAX_K: usize = 10;

/// Seconds a recommendation may search (the command line's default too).
pub const TIME_LIMIT: f64 = 60.0;

/// What the worker is asked to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "task", rename_all = "snake_case")]
pub enum Task {
    /// Up to `k` new sessions that would serve the most unmet demand.
    Recommend { k: usize },
    /// What one more seat in each session would add.
    SeatValues,
    /// What would fix each unmet need (`remedy::answer`).
    Fixes,
}

/// A request to the solver's worker about capacity. The `capacity` field tells it apart from
/// a solve request (`worker::SolveRequest` has none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapacityRequest {
    pub capacity: Task,
    pub scenario: Scenario,
}

impl CapacityRequest {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The request in the worker's text, if it is one about capacity.
    pub fn decode(text: &str) -> Option<CapacityRequest> {
        serde_json::from_str(text).ok()
    }
}

/// One proposed session as the worker sends it: the session to add, what it adds given the
/// ones before it, and the seats each need gains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposed {
    pub session: Session,
    pub gain: f64,
    pub trainees: i64,
    pub seats: Vec<(NeedId, i64)>,
}

/// The need one more seat in a session would serve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Serves {
    pub need: NeedId,
    pub state: StateCode,
    pub priority: i64,
}

/// What one more seat in a session would add to the objective, and whom it would serve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeatWorth {
    pub session: SessionId,
    pub value: f64,
    pub serves: Option<Serves>,
    /// False when a solve stopped at its time limit: the value is an estimate.
    pub exact: bool,
}

/// Why the worker could not answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Why {
    /// Candidates start on the Sundays of the horizon, and there is none.
    NoHorizon,
    /// The scenario has problems, or pins that cannot all hold: Solve shows them.
    Problems,
    /// No plan honouring the pins was found in time.
    NoPlanInTime,
    /// The solver failed (English, for the log line).
    Failed { message: String },
}

impl From<SolveError> for Why {
    fn from(e: SolveError) -> Why {
        match e {
            SolveError::Invalid(_) | SolveError::Infeasible(_) => Why::Problems,
            SolveError::NoPlanInTime(_) => Why::NoPlanInTime,
            SolveError::Solver(message) => Why::Failed { message },
        }
    }
}

/// What the worker says about capacity. `ms` is the time since it received the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CapacityReply {
    /// The worker has started and listens (the same text as `WorkerReply::Ready`).
    Ready,
    /// The proposals, in the order the core chose them.
    Recommended { proposals: Vec<Proposed>, status: Status, base_objective: f64, objective: f64, bound: f64, ms: f64 },
    /// The value of one more seat, per session in the scenario's order.
    SeatValues { values: Vec<SeatWorth>, ms: f64 },
    /// What would fix each unmet need so far: `done` of `total` needs, and the fixes found
    /// since the last such reply (in the unmet list's order).
    Fixing { done: usize, total: usize, found: Vec<Fix> },
    /// Every unmet need has its fixes (sent in `Fixing` replies).
    Fixed { total: usize, ms: f64 },
    /// No answer, and why.
    Refused { why: Why, ms: f64 },
}

impl CapacityReply {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A reply read from the worker's text; `None` for anything else.
    pub fn decode(text: &str) -> Option<CapacityReply> {
        serde_json::from_str(text).ok()
    }
}

/// Answers one request with one reply. `now` is the worker's clock in milliseconds.
pub fn answer(request: CapacityRequest, now: impl Fn() -> f64, mut post: impl FnMut(&CapacityReply)) {
    let started = now();
    let options = Options { time_limit: Some(TIME_LIMIT), ..Options::default() };
    let reply = match request.capacity {
        Task::Recommend { k } => match recommend(&request.scenario, k.clamp(1, MAX_K), &options) {
            Ok(found) => CapacityReply::Recommended {
                proposals: found
                    .proposals
                    .into_iter()
                    .map(|p| Proposed {
                        seats: p.needs.into_iter().zip(p.seats).collect(),
                        session: p.session,
                        gain: p.gain,
                        trainees: p.trainees,
                    })
                    .collect(),
                status: found.status,
                base_objective: found.base_objective,
                objective: found.objective,
                bound: found.bound,
                ms: now() - started,
            },
            Err(RecommendError::NoHorizon) => CapacityReply::Refused { why: Why::NoHorizon, ms: now() - started },
            Err(RecommendError::Solve(e)) => CapacityReply::Refused { why: e.into(), ms: now() - started },
        },
        Task::Fixes => return super::remedy::answer(&request.scenario, &options, &now, &mut post),
        Task::SeatValues => match seat_values(&request.scenario, &options) {
            Ok(values) => CapacityReply::SeatValues {
                values: values
                    .into_iter()
                    .map(|v| SeatWorth {
                        session: v.session,
                        value: v.value,
                        serves: v.serves.map(|s| Serves { need: s.need, state: s.state, priority: s.priority }),
                        exact: v.exact,
                    })
                    .collect(),
                ms: now() - started,
            },
            Err(e) => CapacityReply::Refused { why: e.into(), ms: now() - started },
        },
    };
    post(&reply);
}

/// Trainees a proposal serves of one state at one priority.
#[derive(Debug, Clone, PartialEq)]
pub struct Gainers {
    pub state: StateCode,
    /// The state's name in the interface's language.
    pub name: String,
    pub priority: i64,
    pub trainees: i64,
}

/// One proposal as the screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalRow {
    pub session: Session,
    /// The course's title in the interface's language.
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub mode: Option<Mode>,
    /// Where it is taught, in the interface's language (empty when the course says nowhere).
    pub location: String,
    pub gain: f64,
    pub trainees: i64,
    /// Most urgent first, then by state name.
    pub gainers: Vec<Gainers>,
    /// A session with this id is already in the scenario (added, or added before).
    pub added: bool,
}

/// The proposals as rows, read against `scenario` (the current one: a proposal already added
/// is marked) in the language `lang`.
pub fn rows(proposals: &[Proposed], scenario: &Scenario, lang: &str) -> Vec<ProposalRow> {
    proposals
        .iter()
        .map(|p| {
            let course = scenario.course(&p.session.course);
            let mut by: BTreeMap<(i64, String, StateCode), i64> = BTreeMap::new();
            for (need, seats) in &p.seats {
                let Some(need) = scenario.needs.iter().find(|n| &n.id == need) else { continue };
                let name = scenario
                    .state(&need.state)
                    .map(|s| name_in(&s.name, lang).to_string())
                    .unwrap_or_else(|| need.state.to_string());
                *by.entry((-need.priority, name, need.state.clone())).or_default() += seats;
            }
            ProposalRow {
                title: course
                    .map(|c| name_in(&c.title, lang).to_string())
                    .unwrap_or_else(|| p.session.course.to_string()),
                start: p.session.start,
                end: p.session.end,
                mode: course.map(|c| c.mode.clone()),
                location: course.map(|c| c.location.in_lang(lang).to_string()).unwrap_or_default(),
                gain: p.gain,
                trainees: p.trainees,
                gainers: by
                    .into_iter()
                    .map(|((priority, name, state), trainees)| Gainers { state, name, priority: -priority, trainees })
                    .collect(),
                added: scenario.sessions.iter().any(|s| s.id == p.session.id),
                session: p.session.clone(),
            }
        })
        .collect()
}

/// Adds a proposed session as the scenario's last session (where the core valued it), unless
/// a session with its id is there already. True when it was added.
pub fn add(scenario: &mut Scenario, session: &Session) -> bool {
    if scenario.sessions.iter().any(|s| s.id == session.id) {
        return false;
    }
    scenario.sessions.push(session.clone());
    true
}

/// How far the best choice could be above the one proposed, as a percent of the proposals'
/// objective (one decimal), for a recommendation not proven the best.
pub fn shortfall_percent(objective: f64, bound: f64) -> f64 {
    if objective <= 0.0 || bound <= objective {
        return 0.0;
    }
    (((bound - objective) / objective) * 1000.0).ceil() / 10.0
}

/// What one more seat in a session would do, as the session list says it.
#[derive(Debug, Clone, PartialEq)]
pub enum SeatNote {
    /// It would serve a need of this priority of this state (its name in the interface's language).
    Serves { priority: i64, state: String, exact: bool },
    /// No need would take it.
    Nobody,
}

/// The note of session `id` among `values`, read against `scenario`; `None` when the session
/// was not valued (added since).
pub fn seat_note(values: &[SeatWorth], id: &SessionId, scenario: &Scenario, lang: &str) -> Option<SeatNote> {
    let worth = values.iter().find(|v| &v.session == id)?;
    Some(match &worth.serves {
        Some(serves) if worth.value > 0.0 => SeatNote::Serves {
            priority: serves.priority,
            state: scenario
                .state(&serves.state)
                .map(|s| name_in(&s.name, lang).to_string())
                .unwrap_or_else(|| serves.state.to_string()),
            exact: worth.exact,
        },
        _ => SeatNote::Nobody,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Names;
    use crate::solve::solve;
    use crate::ui::vm::plan::solved::tests::small;

    fn replies(request: CapacityRequest) -> Vec<CapacityReply> {
        let mut out = Vec::new();
        answer(request, || 0.0, |r| out.push(CapacityReply::decode(&r.encode()).expect("a reply reads back")));
        out
    }

    fn recommended(scenario: &Scenario, k: usize) -> (Vec<Proposed>, Status) {
        let out = replies(CapacityRequest { capacity: Task::Recommend { k }, scenario: scenario.clone() });
        let [CapacityReply::Recommended { proposals, status, .. }] = out.as_slice() else { panic!("{out:?}") };
        (proposals.clone(), *status)
    }

    fn unmet_trainees(scenario: &Scenario) -> i64 {
        let plan = solve(scenario, &Options::default()).expect("a plan");
        scenario.needs.iter().map(|n| n.trainees).sum::<i64>() - plan.allocations.iter().map(|a| a.seats).sum::<i64>()
    }

    #[test]
    fn a_request_reads_back_and_is_not_a_solve_request() {
        let request = CapacityRequest { capacity: Task::Recommend { k: 3 }, scenario: small() };
        assert_eq!(CapacityRequest::decode(&request.encode()), Some(request));
        let solve = crate::ui::vm::plan::worker::SolveRequest { scenario: small(), time_limit: 1.0, gap: 0.0 };
        assert_eq!(CapacityRequest::decode(&solve.encode()), None);
        assert_eq!(CapacityReply::decode("{\"kind\":\"ready\"}"), Some(CapacityReply::Ready));
    }

    #[test]
    fn adding_the_first_proposal_lowers_the_unmet_trainees_by_what_it_promised() {
        let scenario = small();
        let (proposals, _) = recommended(&scenario, 2);
        assert!(!proposals.is_empty() && proposals.len() <= 2, "{proposals:?}");
        let first = &proposals[0];
        assert!(first.trainees > 0, "{first:?}");
        assert_eq!(first.seats.iter().map(|(_, s)| s).sum::<i64>(), first.trainees);
        let mut added = scenario.clone();
        assert!(add(&mut added, &first.session));
        assert!(!add(&mut added, &first.session), "the same session is not added twice");
        assert_eq!(added.sessions.len(), scenario.sessions.len() + 1);
        assert_eq!(unmet_trainees(&scenario) - unmet_trainees(&added), first.trainees);
    }

    #[test]
    fn rows_say_the_title_in_the_language_and_who_gains_most_urgent_first() {
        let mut scenario = small();
        let (proposals, _) = recommended(&scenario, 1);
        let course = scenario.courses.iter_mut().find(|c| c.id == proposals[0].session.course).expect("its course");
        course.title = Names::from([("en".into(), "Forensics".into()), ("ar".into(), "التحليل الجنائي".into())]);
        let rows_ar = rows(&proposals, &scenario, "ar");
        assert_eq!(rows_ar[0].title, "التحليل الجنائي");
        assert_eq!(rows(&proposals, &scenario, "fr")[0].title, "Forensics", "French falls back to English");
        let gainers = &rows_ar[0].gainers;
        assert_eq!(gainers.iter().map(|g| g.trainees).sum::<i64>(), proposals[0].trainees);
        assert!(gainers.windows(2).all(|w| w[0].priority >= w[1].priority), "{gainers:?}");
        assert!(!rows_ar[0].added);
        let mut added = scenario.clone();
        add(&mut added, &proposals[0].session);
        assert!(rows(&proposals, &added, "en")[0].added);
    }

    #[test]
    fn a_scenario_without_a_horizon_or_with_problems_is_refused_with_the_reason() {
        let mut no_horizon = small();
        no_horizon.horizon = None;
        let out = replies(CapacityRequest { capacity: Task::Recommend { k: 5 }, scenario: no_horizon });
        assert!(matches!(out.as_slice(), [CapacityReply::Refused { why: Why::NoHorizon, .. }]), "{out:?}");
        let mut invalid = small();
        invalid.needs[0].skill = "nothing-like-it".into();
        for task in [Task::Recommend { k: 5 }, Task::SeatValues] {
            let out = replies(CapacityRequest { capacity: task, scenario: invalid.clone() });
            assert!(matches!(out.as_slice(), [CapacityReply::Refused { why: Why::Problems, .. }]), "{out:?}");
        }
    }

    #[test]
    fn seat_values_name_the_state_of_the_need_a_seat_would_serve() {
        let scenario = small();
        let out = replies(CapacityRequest { capacity: Task::SeatValues, scenario: scenario.clone() });
        let [CapacityReply::SeatValues { values, .. }] = out.as_slice() else { panic!("{out:?}") };
        assert_eq!(values.len(), scenario.sessions.len());
        let direct = seat_values(&scenario, &Options::default()).expect("values");
        for (worth, core) in values.iter().zip(&direct) {
            let note = seat_note(values, &worth.session, &scenario, "en").expect("valued");
            match &core.serves {
                Some(served) if core.value > 0.0 => {
                    let name = name_in(&scenario.state(&served.state).expect("its state").name, "en").to_string();
                    assert_eq!(note, SeatNote::Serves { priority: served.priority, state: name, exact: core.exact });
                }
                _ => assert_eq!(note, SeatNote::Nobody),
            }
        }
        assert_eq!(seat_note(values, &"NO-SUCH".into(), &scenario, "en"), None);
    }

    #[test]
    fn the_shortfall_is_rounded_up_to_a_tenth_of_a_percent() {
        assert_eq!(shortfall_percent(100.0, 101.21), 1.3);
        assert_eq!(shortfall_percent(100.0, 100.0), 0.0);
        assert_eq!(shortfall_percent(0.0, 5.0), 0.0);
    }
}
