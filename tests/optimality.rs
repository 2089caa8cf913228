//! Optimality against brute force: on tiny scenarios (at most six (need, session) pairs,
//! small bounds) every integer allocation is enumerated, the best one under the SPEC §3
//! objective and constraints is found, and the solver must reach the same objective
//! (relative 1e-6) — or report the pins infeasible exactly when no allocation exists.
//!
//! Compatibility and the objective come from the SPEC re-implemented in
//! `tests/common/oracle.rs`; the constraints are checked here.

mod common;

use chrono::{Days, NaiveDate};
use common::oracle::{close, compatible, objective};
use common::{names, pick};
use proptest::prelude::*;
use qudra::model::{
    validate, Blackout, Course, DateRange, Exclusion, Mode, Need, Pin, Scenario, Session, Skill, State, StateCode,
};
use qudra::solve::{solve, Options, SolveError, Status};

const LANGUAGES: [&str; 2] = ["ar", "en"];
const MODES: [Mode; 2] = [Mode::InPerson, Mode::Online];

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).unwrap() + Days::new(offset)
}

// ---------------------------------------------------------------------------------------
// Tiny random scenarios: two states, one skill at two levels, up to four sessions and
// four needs (cases with more than six pairs are skipped). Pins are random, so some pin
// sets are infeasible.

/// (course, start, seats, cap, min, cost, open to the first state only)
type SessionGen = (usize, u64, i64, Option<i64>, i64, i64, bool);
/// (state, level, trainees, priority, window, language mask, mode mask)
type NeedGen = (usize, i64, i64, i64, Option<(u64, u64)>, Option<u8>, Option<u8>);

#[derive(Debug, Clone)]
struct Tiny {
    languages: [u8; 2],
    budgets: [Option<i64>; 2],
    blackout: Option<(u64, u64)>,
    courses: Vec<(i64, usize, usize)>,
    sessions: Vec<SessionGen>,
    needs: Vec<NeedGen>,
    equity_bonus: f64,
    cost_weight: f64,
    pin: Option<(usize, usize, i64)>,
    exclusion: Option<(usize, usize)>,
}

fn tiny() -> impl Strategy<Value = Tiny> {
    // Mostly level 1 and states that speak both languages, so that many pairs are compatible.
    let level = || prop::sample::select(vec![1i64, 1, 1, 1, 2]);
    let course = (level(), 0usize..2, 0usize..2);
    let session = (
        0usize..2,
        0u64..6,
        0i64..=4,
        prop::option::weighted(0.4, 1i64..=2),
        prop::option::weighted(0.4, 1i64..=3),
        0i64..3,
        prop::bool::weighted(0.15),
    )
        .prop_map(|(course, start, seats, cap, min, cost, only_first)| {
            (course, start, seats, cap, min.unwrap_or(0).min(seats), cost * 50, only_first)
        });
    let need = (
        0usize..2,
        level(),
        1i64..=3,
        1i64..=5,
        prop::option::weighted(0.2, (0u64..4, 2u64..8)),
        prop::option::weighted(0.2, 1u8..4),
        prop::option::weighted(0.2, 1u8..4),
    );
    (
        (
            [prop::sample::select(vec![3u8, 3, 3, 1, 2]), prop::sample::select(vec![3u8, 3, 3, 1, 2])],
            [prop::option::weighted(0.4, 0i64..250), prop::option::weighted(0.4, 0i64..250)],
            prop::option::weighted(0.2, (0u64..8, 0u64..2)),
        ),
        prop::collection::vec(course, 1..=2),
        prop::collection::vec(session, 1..=4),
        prop::collection::vec(need, 1..=4),
        prop::sample::select(vec![0.0, 0.5, 1.0]),
        prop::sample::select(vec![0.0, 0.004, 0.02]),
        prop::option::weighted(0.4, (0usize..3, 0usize..3, 1i64..=3)),
        prop::option::weighted(0.3, (0usize..3, 0usize..3)),
    )
        .prop_map(
            |((languages, budgets, blackout), courses, sessions, needs, equity_bonus, cost_weight, pin, exclusion)| {
                Tiny {
                    languages,
                    budgets,
                    blackout,
                    courses,
                    sessions,
                    needs,
                    equity_bonus,
                    cost_weight,
                    pin,
                    exclusion,
                }
            },
        )
}

fn build(t: &Tiny) -> Scenario {
    let mut s = Scenario::empty("tiny");
    s.settings.equity_bonus = t.equity_bonus;
    s.settings.cost_weight = t.cost_weight;
    let codes = [StateCode::from("AA"), StateCode::from("BB")];
    for (i, code) in codes.iter().enumerate() {
        s.states.push(State {
            code: code.clone(),
            name: names(code.as_str()),
            languages: pick(&LANGUAGES, t.languages[i]).into_iter().map(String::from).collect(),
            budget: t.budgets[i],
            blackouts: match (i, t.blackout) {
                (0, Some((start, len))) => {
                    vec![Blackout { start: day(start), end: day(start + len), label: String::new() }]
                }
                _ => Vec::new(),
            },
        });
    }
    s.skills.push(Skill { id: "sk".into(), name: names("skill") });
    for (i, &(level, language, mode)) in t.courses.iter().enumerate() {
        s.courses.push(Course {
            id: format!("C{i}").as_str().into(),
            title: names("course"),
            skill: "sk".into(),
            level,
            language: LANGUAGES[language].to_string(),
            mode: MODES[mode].clone(),
            location: Default::default(),
        });
    }
    for (i, &(course, start, seats, cap, min, cost, only_first)) in t.sessions.iter().enumerate() {
        s.sessions.push(Session {
            id: format!("S{i}").as_str().into(),
            course: format!("C{}", course % t.courses.len()).as_str().into(),
            start: day(start),
            end: day(start + 2),
            seats,
            max_per_state: cap,
            min_participants: min,
            cost_per_seat: cost,
            open_to: only_first.then(|| vec![codes[0].clone()]),
        });
    }
    for (i, &(state, level, trainees, priority, window, languages, modes)) in t.needs.iter().enumerate() {
        s.needs.push(Need {
            id: format!("N{i}").as_str().into(),
            state: codes[state].clone(),
            skill: "sk".into(),
            level,
            trainees,
            priority,
            window: window.map(|(start, len)| DateRange { start: day(start), end: day(start + len) }),
            languages: languages.map(|mask| pick(&LANGUAGES, mask).into_iter().map(String::from).collect()),
            modes: modes.map(|mask| pick(&MODES, mask)),
            note: String::new(),
        });
    }
    if let Some((n, x, seats)) = t.pin {
        let (need, session) = (&s.needs[n % s.needs.len()], &s.sessions[x % s.sessions.len()]);
        let course = s.courses.iter().find(|c| c.id == session.course).unwrap();
        // A pin needs the same skill and level (validation), and nothing else.
        if course.level == need.level {
            s.pins.push(Pin { need: need.id.clone(), session: session.id.clone(), seats });
        }
    }
    if let Some((n, x)) = t.exclusion {
        let (need, session) = (s.needs[n % s.needs.len()].id.clone(), s.sessions[x % s.sessions.len()].id.clone());
        if !s.pins.iter().any(|p| p.need == need && p.session == session) {
            s.exclusions.push(Exclusion { need, session });
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// The SPEC model, re-implemented, and brute force over it.

/// A (need, session) pair with a variable, and the values it may take.
struct Var {
    need: usize,
    session: usize,
    values: Vec<i64>,
}

fn variables(s: &Scenario) -> Vec<Var> {
    let mut out = Vec::new();
    for (n, need) in s.needs.iter().enumerate() {
        for (x, session) in s.sessions.iter().enumerate() {
            let pin = s.pins.iter().find(|p| p.need == need.id && p.session == session.id);
            let values = match pin {
                Some(pin) => vec![pin.seats],
                None if compatible(s, need, session) => (0..=need.trainees.min(session.seats)).collect(),
                None => continue,
            };
            out.push(Var { need: n, session: x, values });
        }
    }
    out
}

/// The SPEC objective of an allocation, or `None` if it breaks a constraint.
fn evaluate(s: &Scenario, vars: &[Var], x: &[i64]) -> Option<f64> {
    let mut served = vec![0i64; s.needs.len()];
    let mut filled = vec![0i64; s.sessions.len()];
    let mut spent = vec![0i64; s.states.len()];
    let mut per_state = vec![vec![0i64; s.states.len()]; s.sessions.len()];
    let mut cost = 0;
    for (var, &v) in vars.iter().zip(x) {
        let state = s.states.iter().position(|st| st.code == s.needs[var.need].state).unwrap();
        let price = s.sessions[var.session].cost_per_seat;
        served[var.need] += v;
        filled[var.session] += v;
        spent[state] += v * price;
        per_state[var.session][state] += v;
        cost += v * price;
    }
    let demand = s.needs.iter().zip(&served).all(|(need, &u)| u <= need.trainees);
    let sessions = s.sessions.iter().enumerate().all(|(i, session)| {
        filled[i] <= session.seats
            && (filled[i] == 0 || filled[i] >= session.min_participants)
            && session.max_per_state.is_none_or(|cap| per_state[i].iter().all(|&held| held <= cap))
    });
    let budgets = s.states.iter().zip(&spent).all(|(state, &paid)| state.budget.is_none_or(|b| paid <= b));
    if !(demand && sessions && budgets) {
        return None;
    }
    Some(objective(s, &served, cost))
}

/// The best objective over every integer allocation, or `None` if none is feasible.
fn brute_force(s: &Scenario, vars: &[Var]) -> Option<f64> {
    fn go(s: &Scenario, vars: &[Var], x: &mut Vec<i64>, best: &mut Option<f64>) {
        if x.len() == vars.len() {
            if let Some(value) = evaluate(s, vars, x) {
                if best.is_none_or(|b| value > b) {
                    *best = Some(value);
                }
            }
            return;
        }
        for &v in &vars[x.len()].values {
            x.push(v);
            go(s, vars, x, best);
            x.pop();
        }
    }
    let mut best = None;
    go(s, vars, &mut Vec::new(), &mut best);
    best
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 300;
    }
    // Cases with more than six pairs are skipped, not failed.
    config.max_global_rejects = config.max_global_rejects.max(config.cases);
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_solver_reaches_the_brute_force_optimum(t in tiny()) {
        let s = build(&t);
        prop_assert_eq!(validate(&s), Vec::new());
        let vars = variables(&s);
        prop_assume!(vars.len() <= 6);
        match (brute_force(&s, &vars), solve(&s, &Options::default())) {
            (Some(best), Ok(plan)) => {
                prop_assert_eq!(plan.status, Status::Optimal);
                prop_assert!(close(plan.objective, best), "solver {} vs brute force {}", plan.objective, best);
                // The allocation itself achieves it (and is feasible).
                let x: Vec<i64> = vars
                    .iter()
                    .map(|var| {
                        plan.allocations
                            .iter()
                            .filter(|a| a.need == s.needs[var.need].id && a.session == s.sessions[var.session].id)
                            .map(|a| a.seats)
                            .sum()
                    })
                    .collect();
                let placed: i64 = plan.allocations.iter().map(|a| a.seats).sum();
                prop_assert_eq!(placed, x.iter().sum::<i64>(), "seats outside the compatible or pinned pairs");
                let achieved = evaluate(&s, &vars, &x);
                prop_assert!(achieved.is_some_and(|v| close(v, best)), "plan achieves {:?}, optimum {}", achieved, best);
            }
            (None, Err(SolveError::Infeasible(problems))) => {
                prop_assert!(!problems.is_empty());
                let pin = &s.pins[0];
                let named = format!("{} -> {}", pin.need, pin.session);
                prop_assert!(problems.iter().all(|p| p.to_string().contains(&named)), "{:?}", problems);
            }
            (best, outcome) => prop_assert!(false, "brute force {:?}, solver {:?}", best, outcome),
        }
    }
}

/// Enough of the generated cases are feasible, infeasible, and non-trivial for the
/// comparison above to mean something.
#[test]
fn the_generator_makes_varied_cases() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let (mut small, mut infeasible, mut interesting) = (0, 0, 0);
    for _ in 0..300 {
        let s = build(&tiny().new_tree(&mut runner).unwrap().current());
        let vars = variables(&s);
        if vars.len() > 6 {
            continue;
        }
        small += 1;
        match brute_force(&s, &vars) {
            None => infeasible += 1,
            Some(best) if best > 0.0 && vars.len() >= 3 => interesting += 1,
            Some(_) => {}
        }
    }
    assert!(
        small >= 200 && infeasible >= 20 && interesting >= 60,
        "{small} small, {infeasible} infeasible, {interesting} with 3+ pairs"
    );
}
