//! The SPEC re-implemented from its text (§3 compatibility and objective, the hard limits),
//! independently of the crate's own code, for the tests that check the solver's plans:
//! `properties.rs`, `optimality.rs`, `conformance.rs` and `solver_limits.rs`.

use std::collections::BTreeMap;

use qudra::model::{Need, Scenario, Session};
use qudra::solve::Plan;

/// SPEC §3 rules 1–7: the need may take seats in the session.
pub fn compatible(s: &Scenario, need: &Need, session: &Session) -> bool {
    let course = s.courses.iter().find(|c| c.id == session.course).unwrap();
    let state = s.states.iter().find(|st| st.code == need.state).unwrap();
    let same_block = course.skill == need.skill && course.level == need.level;
    let languages = need.languages.as_ref().unwrap_or(&state.languages);
    let language = languages.contains(&course.language);
    let mode = need.modes.as_ref().is_none_or(|modes| modes.contains(&course.mode));
    let window = need.window.or(s.horizon).is_none_or(|w| w.start <= session.start && session.end <= w.end);
    let blackout = state.blackouts.iter().any(|b| b.start <= session.end && session.start <= b.end);
    let open = session.open_to.as_ref().is_none_or(|states| states.contains(&state.code));
    let excluded = s.exclusions.iter().any(|e| e.need == need.id && e.session == session.id);
    same_block && language && mode && window && !blackout && open && !excluded
}

/// SPEC §3 objective `sum_n w_n (u_n + beta min(u_n, ceil(T_n / 2))) - gamma sum cost x`, from
/// the seats `served[n]` of each need (by position) and the cost of every seat taken.
pub fn objective(s: &Scenario, served: &[i64], cost: i64) -> f64 {
    let settings = &s.settings;
    let value: f64 = s
        .needs
        .iter()
        .zip(served)
        .map(|(need, &u)| {
            let core = (need.trainees + 1) / 2;
            settings.priority_weights[need.priority as usize - 1]
                * (u as f64 + settings.equity_bonus * u.min(core) as f64)
        })
        .sum();
    value - settings.cost_weight * cost as f64
}

/// The SPEC objective of a plan's seats.
pub fn plan_objective(s: &Scenario, plan: &Plan) -> f64 {
    let served: Vec<i64> = s.needs.iter().map(|need| plan.served(&need.id)).collect();
    let cost =
        plan.allocations.iter().map(|a| a.seats * s.session(&a.session).expect("known session").cost_per_seat).sum();
    objective(s, &served, cost)
}

/// Equal within the relative tolerance the SPEC's checks use (1e-6).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// The hard limits of SPEC §3 hold in the plan: demand, capacity, caps per state, minimums,
/// budgets and pins. `what` names the case in a failure.
pub fn assert_within_limits(what: &str, s: &Scenario, plan: &Plan) {
    for need in &s.needs {
        assert!(plan.served(&need.id) <= need.trainees, "{what}: {} over-served", need.id);
    }
    let mut spent: BTreeMap<&str, i64> = BTreeMap::new();
    let mut held: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for a in &plan.allocations {
        let need = s.need(&a.need).expect("known need");
        let session = s.session(&a.session).expect("known session");
        *spent.entry(need.state.as_str()).or_default() += a.seats * session.cost_per_seat;
        *held.entry((session.id.as_str(), need.state.as_str())).or_default() += a.seats;
    }
    for session in &s.sessions {
        let filled: i64 = plan.allocations.iter().filter(|a| a.session == session.id).map(|a| a.seats).sum();
        assert!(filled <= session.seats, "{what}: {} overfull", session.id);
        assert!(filled == 0 || filled >= session.min_participants, "{what}: {} below its minimum", session.id);
        if let Some(cap) = session.max_per_state {
            for state in &s.states {
                let mine = held.get(&(session.id.as_str(), state.code.as_str())).copied().unwrap_or(0);
                assert!(mine <= cap, "{what}: {} over the cap in {}", state.code, session.id);
            }
        }
    }
    for state in &s.states {
        if let Some(budget) = state.budget {
            let paid = spent.get(state.code.as_str()).copied().unwrap_or(0);
            assert!(paid <= budget, "{what}: {} spends {paid} of {budget}", state.code);
        }
    }
    for pin in &s.pins {
        let seats: i64 =
            plan.allocations.iter().filter(|a| a.need == pin.need && a.session == pin.session).map(|a| a.seats).sum();
        assert_eq!(seats, pin.seats, "{what}: pin {} -> {}", pin.need, pin.session);
    }
}

/// The bound is honest and the gap is the SPEC's, whatever the status: the bound is not below
/// the objective, `gap = (bound - objective) / max(1, |bound|)`, and `optimal` only when the
/// gap is within tolerance. (Whether a solve is proven in time depends on the engine and the
/// machine, so a test never asks for `time_limit`.)
pub fn assert_honest(what: &str, plan: &Plan) {
    use qudra::solve::Status;
    let slack = 1e-6 * plan.bound.abs().max(1.0);
    assert!(plan.bound.is_finite(), "{what}: bound {}", plan.bound);
    assert!(plan.bound >= plan.objective - slack, "{what}: bound {} below objective {}", plan.bound, plan.objective);
    let gap = ((plan.bound - plan.objective) / plan.bound.abs().max(1.0)).max(0.0);
    assert!((plan.gap - gap).abs() <= 1e-6, "{what}: gap {} reported, {gap} from objective and bound", plan.gap);
    if plan.status == Status::Optimal {
        assert!(plan.gap <= 1e-6, "{what}: called optimal with a gap of {}", plan.gap);
    }
}
