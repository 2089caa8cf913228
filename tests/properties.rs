//! Property tests of the planner on random small scenarios: every plan respects demand,
//! capacity, state caps, budgets, minimum sizes and pins; uses only compatible (or pinned)
//! pairs; reports the objective it achieves; lists exactly the unmet needs with the first
//! reason of SPEC §4; and is the same on a second solve.
//!
//! The compatibility rules and the objective come from the SPEC re-implemented in
//! `tests/common/oracle.rs`; the reasons are re-implemented here, independently of the crate's
//! own code.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use common::oracle::{close, compatible, objective};
use common::{names, pick};
use proptest::prelude::*;
use qudra::model::{
    validate, Blackout, Course, DateRange, Exclusion, Mode, Need, Pin, Scenario, Session, Skill, State, StateCode,
};
use qudra::solve::{solve, Options, Plan, Reason, Status};

const LANGUAGES: [&str; 3] = ["ar", "en", "fr"];
const MODES: [Mode; 3] = [Mode::InPerson, Mode::Online, Mode::Blended];

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + Days::new(offset)
}

fn range(start: u64, len: u64) -> DateRange {
    DateRange { start: day(start), end: day(start + len) }
}

// ---------------------------------------------------------------------------------------
// Random scenarios.

#[derive(Debug, Clone)]
struct StateGen {
    languages: u8,
    budget: Option<i64>,
    blackout: Option<(u64, u64)>,
}

#[derive(Debug, Clone)]
struct CourseGen {
    skill: usize,
    level: i64,
    language: usize,
    mode: usize,
}

#[derive(Debug, Clone)]
struct SessionGen {
    course: usize,
    start: u64,
    len: u64,
    seats: i64,
    cap: Option<i64>,
    min: i64,
    cost: i64,
    open_to: Option<u8>,
}

#[derive(Debug, Clone)]
struct NeedGen {
    state: usize,
    skill: usize,
    level: i64,
    trainees: i64,
    priority: i64,
    window: Option<(u64, u64)>,
    languages: Option<u8>,
    modes: Option<u8>,
}

fn state_gen() -> impl Strategy<Value = StateGen> {
    (1u8..8, prop::option::weighted(0.4, 0i64..600), prop::option::weighted(0.3, (0u64..40, 0u64..4)))
        .prop_map(|(languages, budget, blackout)| StateGen { languages, budget, blackout })
}

fn course_gen() -> impl Strategy<Value = CourseGen> {
    (0usize..2, 1i64..=2, 0usize..3, 0usize..3).prop_map(|(skill, level, language, mode)| CourseGen {
        skill,
        level,
        language,
        mode,
    })
}

fn session_gen() -> impl Strategy<Value = SessionGen> {
    (
        0usize..4,
        (0u64..40, 0u64..5),
        0i64..7,
        prop::option::weighted(0.4, 1i64..4),
        prop::option::weighted(0.4, 1i64..5),
        0i64..4,
        prop::option::weighted(0.25, 0u8..8),
    )
        .prop_map(|(course, (start, len), seats, cap, min, cost, open_to)| SessionGen {
            course,
            start,
            len,
            seats,
            cap,
            min: min.unwrap_or(0).min(seats),
            cost: cost * 50,
            open_to,
        })
}

fn need_gen() -> impl Strategy<Value = NeedGen> {
    (
        (0usize..3, 0usize..2, 1i64..=2),
        (1i64..=5, 1i64..=5),
        prop::option::weighted(0.5, (0u64..30, 0u64..45)),
        prop::option::weighted(0.4, 1u8..8),
        prop::option::weighted(0.4, 1u8..8),
    )
        .prop_map(|((state, skill, level), (trainees, priority), window, languages, modes)| NeedGen {
            state,
            skill,
            level,
            trainees,
            priority,
            window,
            languages,
            modes,
        })
}

#[derive(Debug, Clone)]
struct ScenarioGen {
    states: Vec<StateGen>,
    skills: usize,
    courses: Vec<CourseGen>,
    sessions: Vec<SessionGen>,
    needs: Vec<NeedGen>,
    horizon: Option<(u64, u64)>,
    equity_bonus: f64,
    cost_weight: f64,
    /// A pick among the pairs a pin can hold by construction, and of its seats.
    pin: Option<(usize, i64)>,
    /// A (need, session) pair to exclude.
    exclusion: Option<(usize, usize)>,
}

fn scenario_gen() -> impl Strategy<Value = ScenarioGen> {
    (
        prop::collection::vec(state_gen(), 2..=3),
        1usize..=2,
        prop::collection::vec(course_gen(), 1..=4),
        prop::collection::vec(session_gen(), 1..=5),
        prop::collection::vec(need_gen(), 1..=6),
        prop::option::weighted(0.3, (0u64..10, 20u64..60)),
        prop::sample::select(vec![0.0, 0.5, 1.0]),
        prop::sample::select(vec![0.0, 0.0001, 0.01, 0.05]),
        prop::option::weighted(0.5, (0usize..64, 0i64..8)),
        prop::option::weighted(0.3, (0usize..6, 0usize..5)),
    )
        .prop_map(
            |(states, skills, courses, sessions, needs, horizon, equity_bonus, cost_weight, pin, exclusion)| {
                ScenarioGen {
                    states,
                    skills,
                    courses,
                    sessions,
                    needs,
                    horizon,
                    equity_bonus,
                    cost_weight,
                    pin,
                    exclusion,
                }
            },
        )
}

fn build(g: &ScenarioGen) -> Scenario {
    let mut s = Scenario::empty("property");
    s.horizon = g.horizon.map(|(start, len)| range(start, len));
    s.settings.equity_bonus = g.equity_bonus;
    s.settings.cost_weight = g.cost_weight;
    let codes: Vec<StateCode> = ["AA", "BB", "CC"][..g.states.len()].iter().map(|c| StateCode::from(*c)).collect();
    for (i, st) in g.states.iter().enumerate() {
        s.states.push(State {
            code: codes[i].clone(),
            name: names(codes[i].as_str()),
            languages: pick(&LANGUAGES, st.languages).into_iter().map(String::from).collect(),
            budget: st.budget,
            blackouts: st
                .blackout
                .map(|(start, len)| Blackout { start: day(start), end: day(start + len), label: String::new() })
                .into_iter()
                .collect(),
        });
    }
    for k in 0..g.skills {
        s.skills.push(Skill { id: format!("skill{k}").as_str().into(), name: names("skill") });
    }
    for (i, c) in g.courses.iter().enumerate() {
        s.courses.push(Course {
            id: format!("C{i}").as_str().into(),
            title: names("course"),
            skill: format!("skill{}", c.skill % g.skills).as_str().into(),
            level: c.level,
            language: LANGUAGES[c.language].to_string(),
            mode: MODES[c.mode].clone(),
            location: Default::default(),
        });
    }
    for (i, x) in g.sessions.iter().enumerate() {
        s.sessions.push(Session {
            id: format!("S{i}").as_str().into(),
            course: format!("C{}", x.course % g.courses.len()).as_str().into(),
            start: day(x.start),
            end: day(x.start + x.len),
            seats: x.seats,
            max_per_state: x.cap,
            min_participants: x.min,
            cost_per_seat: x.cost,
            open_to: x.open_to.map(|mask| pick(&codes, mask)),
        });
    }
    for (i, n) in g.needs.iter().enumerate() {
        s.needs.push(Need {
            id: format!("N{i}").as_str().into(),
            state: codes[n.state % codes.len()].clone(),
            skill: format!("skill{}", n.skill % g.skills).as_str().into(),
            level: n.level,
            trainees: n.trainees,
            priority: n.priority,
            window: n.window.map(|(start, len)| range(start, len)),
            languages: n.languages.map(|mask| pick(&LANGUAGES, mask).into_iter().map(String::from).collect()),
            modes: n.modes.map(|mask| pick(&MODES, mask)),
            note: String::new(),
        });
    }
    // A pin that can hold: same skill and level, at most what the need, the seats, the cap
    // and the budget allow, and at least the session's minimum so the session can run.
    if let Some((choice, extra)) = g.pin {
        let mut candidates = Vec::new();
        for need in &s.needs {
            let state = s.states.iter().find(|st| st.code == need.state).unwrap();
            for session in &s.sessions {
                let course = s.courses.iter().find(|c| c.id == session.course).unwrap();
                if course.skill != need.skill || course.level != need.level {
                    continue;
                }
                let mut upper = need.trainees.min(session.seats).min(session.max_per_state.unwrap_or(i64::MAX));
                if let (Some(budget), true) = (state.budget, session.cost_per_seat > 0) {
                    upper = upper.min(budget / session.cost_per_seat);
                }
                let lower = session.min_participants.max(1);
                if lower <= upper {
                    candidates.push((need.id.clone(), session.id.clone(), lower, upper));
                }
            }
        }
        if !candidates.is_empty() {
            let (need, session, lower, upper) = candidates[choice % candidates.len()].clone();
            s.pins.push(Pin { need, session, seats: lower + extra % (upper - lower + 1) });
        }
    }
    if let Some((n, x)) = g.exclusion {
        let need = s.needs[n % s.needs.len()].id.clone();
        let session = s.sessions[x % s.sessions.len()].id.clone();
        if !s.pins.iter().any(|p| p.need == need && p.session == session) {
            s.exclusions.push(Exclusion { need, session });
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// The SPEC, re-implemented.

fn pinned(s: &Scenario, need: &Need, session: &Session) -> Option<i64> {
    s.pins.iter().find(|p| p.need == need.id && p.session == session.id).map(|p| p.seats)
}

/// Seats of each (need, session) pair, by position.
type Seats = BTreeMap<(usize, usize), i64>;

fn seats_of(s: &Scenario, plan: &Plan) -> Seats {
    let mut out = Seats::new();
    for a in &plan.allocations {
        let n = s.needs.iter().position(|x| x.id == a.need).expect("allocation to a known need");
        let x = s.sessions.iter().position(|x| x.id == a.session).expect("allocation to a known session");
        *out.entry((n, x)).or_default() += a.seats;
    }
    out
}

/// The SPEC objective of the seats.
fn spec_objective(s: &Scenario, seats: &Seats) -> f64 {
    let mut served = vec![0i64; s.needs.len()];
    let mut cost = 0;
    for (&(n, x), &v) in seats {
        served[n] += v;
        cost += s.sessions[x].cost_per_seat * v;
    }
    objective(s, &served, cost)
}

/// The first reason of SPEC §4 for an unmet need, from the allocation alone.
fn spec_reason(s: &Scenario, seats: &Seats, n: usize) -> Reason {
    let need = &s.needs[n];
    let state_of = |m: usize| &s.needs[m].state;
    let sessions: Vec<usize> = (0..s.sessions.len()).filter(|&x| compatible(s, need, &s.sessions[x])).collect();
    if sessions.is_empty() {
        return Reason::NoCompatibleSession;
    }
    let filled = |x: usize| -> i64 { seats.iter().filter(|((_, y), _)| *y == x).map(|(_, v)| v).sum() };
    let mine = |x: usize| -> i64 {
        seats.iter().filter(|((m, y), _)| *y == x && state_of(*m) == &need.state).map(|(_, v)| v).sum()
    };
    let full = |x: usize| filled(x) >= s.sessions[x].seats;
    let at_cap = |x: usize| s.sessions[x].max_per_state.is_some_and(|cap| mine(x) >= cap);
    let not_running = |x: usize| filled(x) == 0 && s.sessions[x].min_participants > 0;
    let state = s.states.iter().find(|st| st.code == need.state).unwrap();
    if let Some(budget) = state.budget {
        let spent: i64 = seats
            .iter()
            .filter(|((m, _), _)| state_of(*m) == &need.state)
            .map(|(&(_, x), v)| v * s.sessions[x].cost_per_seat)
            .sum();
        let open: Vec<usize> = sessions.iter().copied().filter(|&x| !full(x) && !at_cap(x)).collect();
        if !open.is_empty() && open.iter().all(|&x| budget - spent < s.sessions[x].cost_per_seat) {
            return Reason::Budget;
        }
    }
    if sessions.iter().all(|&x| full(x)) {
        return Reason::Capacity;
    }
    if sessions.iter().all(|&x| full(x) || at_cap(x)) {
        return Reason::StateCap;
    }
    if sessions.iter().all(|&x| full(x) || at_cap(x) || not_running(x)) {
        return Reason::MinParticipants;
    }
    Reason::Cost
}

/// Every SPEC §3–4 promise a plan makes about its scenario.
fn check_plan(s: &Scenario, plan: &Plan) {
    assert_eq!(plan.status, Status::Optimal);
    assert_eq!(plan.bound, plan.objective);
    assert_eq!(plan.gap, 0.0);

    // Allocations: sorted by (need, session), each pair once, seats > 0.
    let keys: Vec<(&str, &str)> = plan.allocations.iter().map(|a| (a.need.as_str(), a.session.as_str())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted, "allocations sorted by (need, session), each pair once");
    assert!(plan.allocations.iter().all(|a| a.seats > 0), "only seats > 0 are listed");

    let seats = seats_of(s, plan);
    // Only compatible or pinned pairs, and a pin needs rule 1.
    for &(n, x) in seats.keys() {
        let (need, session) = (&s.needs[n], &s.sessions[x]);
        assert!(
            compatible(s, need, session) || pinned(s, need, session).is_some(),
            "{} -> {} is neither compatible nor pinned",
            need.id,
            session.id
        );
    }
    // Pins: exactly the pinned seats.
    for pin in &s.pins {
        let n = s.needs.iter().position(|x| x.id == pin.need).unwrap();
        let x = s.sessions.iter().position(|y| y.id == pin.session).unwrap();
        assert_eq!(seats.get(&(n, x)).copied().unwrap_or(0), pin.seats, "pin {} -> {}", pin.need, pin.session);
    }
    // Demand.
    let mut served = vec![0i64; s.needs.len()];
    for (&(n, _), &v) in &seats {
        served[n] += v;
    }
    for (n, need) in s.needs.iter().enumerate() {
        assert!(served[n] <= need.trainees, "{} gets {} of {}", need.id, served[n], need.trainees);
    }
    // Capacity, state caps, minimums, and the sessions list.
    assert_eq!(plan.sessions.len(), s.sessions.len());
    for (x, session) in s.sessions.iter().enumerate() {
        let filled: i64 = seats.iter().filter(|((_, y), _)| *y == x).map(|(_, v)| v).sum();
        assert!(filled <= session.seats, "{} holds {filled} of {}", session.id, session.seats);
        assert!(filled == 0 || filled >= session.min_participants, "{} runs with {filled}", session.id);
        if let Some(cap) = session.max_per_state {
            for state in &s.states {
                let mine: i64 =
                    seats.iter().filter(|((n, y), _)| *y == x && s.needs[*n].state == state.code).map(|(_, v)| v).sum();
                assert!(mine <= cap, "{} holds {mine} of {} (cap {cap})", session.id, state.code);
            }
        }
        let fill = &plan.sessions[x];
        assert_eq!(fill.session, session.id);
        assert_eq!((fill.filled, fill.seats, fill.running), (filled, session.seats, filled > 0));
    }
    // Budgets.
    for state in &s.states {
        let spent: i64 = seats
            .iter()
            .filter(|((n, _), _)| s.needs[*n].state == state.code)
            .map(|(&(_, x), v)| v * s.sessions[x].cost_per_seat)
            .sum();
        if let Some(budget) = state.budget {
            assert!(spent <= budget, "{} spends {spent} of {budget}", state.code);
        }
    }
    // The objective it reports is the one it achieves.
    let achieved = spec_objective(s, &seats);
    assert!(close(plan.objective, achieved), "reported {} but achieves {achieved}", plan.objective);
    // Unmet: exactly the needs served less than their trainees, with the missing seats and
    // the first reason that applies.
    let listed: BTreeMap<&str, (i64, Reason)> =
        plan.unmet.iter().map(|u| (u.need.as_str(), (u.seats, u.reason))).collect();
    assert_eq!(listed.len(), plan.unmet.len(), "a need is listed twice in unmet");
    let expected: BTreeMap<&str, (i64, Reason)> = s
        .needs
        .iter()
        .enumerate()
        .filter(|(n, need)| served[*n] < need.trainees)
        .map(|(n, need)| (need.id.as_str(), (need.trainees - served[n], spec_reason(s, &seats, n))))
        .collect();
    assert_eq!(listed, expected);
}

fn without_timing(plan: &Plan) -> String {
    let mut plan = plan.clone();
    plan.stats.solve_ms = 0;
    plan.to_json()
}

/// 64 cases keep the suite fast; `PROPTEST_CASES=20000` runs a deeper search.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 64;
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_plan_keeps_every_promise_of_the_spec(g in scenario_gen()) {
        let s = build(&g);
        prop_assert_eq!(validate(&s), Vec::new(), "the generator makes valid scenarios");
        let plan = solve(&s, &Options::default()).unwrap_or_else(|err| panic!("feasible by construction: {err}"));
        check_plan(&s, &plan);
        let again = solve(&s, &Options::default()).unwrap();
        prop_assert_eq!(without_timing(&plan), without_timing(&again), "same input, same plan");
    }
}

/// The generator reaches every part of the model often enough for the property to mean
/// something: pins, exclusions, budgets, caps, minimums, and every unmet reason.
#[test]
fn the_generator_covers_the_model() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let mut reasons = BTreeSet::new();
    let (mut pins, mut exclusions, mut allocations) = (0, 0, 0);
    for _ in 0..200 {
        let g = scenario_gen().new_tree(&mut runner).unwrap().current();
        let s = build(&g);
        pins += s.pins.len();
        exclusions += s.exclusions.len();
        if let Ok(plan) = solve(&s, &Options::default()) {
            allocations += plan.allocations.len();
            reasons.extend(plan.unmet.iter().map(|u| u.reason));
        }
    }
    assert!(
        pins >= 20 && exclusions >= 20 && allocations >= 100,
        "{pins} pins, {exclusions} exclusions, {allocations} allocations"
    );
    assert_eq!(reasons.len(), Reason::ALL.len(), "reasons seen: {reasons:?}");
}
