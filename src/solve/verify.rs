//! Whether a plan can be the answer to a scenario: the checks every export runs before it
//! writes a row, so that a plan made from another scenario, an older version of this one, or
//! edited by hand is refused instead of written as if it were right.

use std::collections::BTreeMap;

use super::compat::check_rules;
use super::plan::{Plan, PLAN_FORMAT};
use crate::model::{order, NeedId, Scenario, SessionId, StateCode};

/// The plan file version this Qudra reads and writes.
pub const PLAN_VERSION: u32 = 1;

/// Problems `verify` lists in full; beyond them it only counts.
pub const SHOWN_PROBLEMS: usize = 100;

/// Every way `plan` contradicts `scenario` (SPEC §3 and §4), as `path: message`, the first
/// [`SHOWN_PROBLEMS`] in full and then one line "… and N more problems". Empty when the plan fits:
/// its format and version; every need and session it names exists; per need, seats within
/// trainees; per session, seats within capacity and within `max_per_state` for each state;
/// budgets kept; pins honoured; every allocated pair compatible (rules 1–7) or pinned (rule 1,
/// not excluded); its `sessions` and `unmet` lists agree with its allocations.
pub fn verify(scenario: &Scenario, plan: &Plan) -> Vec<String> {
    let mut out = Problems::default();
    if plan.format != PLAN_FORMAT {
        out.push(format!("format: expected \"{PLAN_FORMAT}\", found \"{}\"", plan.format));
    }
    if plan.version != PLAN_VERSION {
        out.push(format!("version: this Qudra reads plan version {PLAN_VERSION}, found {}", plan.version));
    }

    let needs: BTreeMap<&NeedId, usize> = order::map(scenario.needs.iter().enumerate().map(|(i, n)| (&n.id, i)));
    let sessions: BTreeMap<&SessionId, usize> =
        order::map(scenario.sessions.iter().enumerate().map(|(i, s)| (&s.id, i)));
    let states: BTreeMap<&StateCode, usize> = order::map(scenario.states.iter().enumerate().map(|(i, s)| (&s.code, i)));
    let pins: BTreeMap<(&NeedId, &SessionId), i64> =
        order::map(scenario.pins.iter().map(|p| ((&p.need, &p.session), p.seats)));
    let excluded: std::collections::BTreeSet<(&NeedId, &SessionId)> =
        order::set(scenario.exclusions.iter().map(|e| (&e.need, &e.session)));

    let mut served = vec![0i64; scenario.needs.len()];
    let mut filled = vec![0i64; scenario.sessions.len()];
    let mut per_state: BTreeMap<(usize, &StateCode), i64> = BTreeMap::new();
    let mut spent: BTreeMap<&StateCode, i64> = BTreeMap::new();
    let mut allocated: BTreeMap<(&NeedId, &SessionId), i64> = BTreeMap::new();

    for (i, allocation) in plan.allocations.iter().enumerate() {
        let here = format!("allocations[{i}]");
        let need = needs.get(&allocation.need).copied();
        let session = sessions.get(&allocation.session).copied();
        if need.is_none() {
            out.push(format!("{here}.need: no need \"{}\" in the scenario", allocation.need));
        }
        if session.is_none() {
            out.push(format!("{here}.session: no session \"{}\" in the scenario", allocation.session));
        }
        if allocation.seats < 1 {
            out.push(format!("{here}.seats: {} seats (an allocation has at least 1)", allocation.seats));
        }
        let (Some(n), Some(s)) = (need, session) else { continue };
        let (need, session) = (&scenario.needs[n], &scenario.sessions[s]);
        let seats = allocation.seats.max(0);
        let pair = (&need.id, &session.id);
        let total = allocated.entry(pair).or_default();
        if *total > 0 {
            out.push(format!("{here}: need \"{}\" in session \"{}\" is listed twice", need.id, session.id));
        }
        *total = total.saturating_add(seats);
        served[n] = served[n].saturating_add(seats);
        filled[s] = filled[s].saturating_add(seats);
        let cap = per_state.entry((s, &need.state)).or_default();
        *cap = cap.saturating_add(seats);
        let cost = spent.entry(&need.state).or_default();
        *cost = cost.saturating_add(seats.saturating_mul(session.cost_per_seat));

        let course = scenario.course(&session.course);
        let state = states.get(&need.state).map(|&k| &scenario.states[k]);
        let pinned = pins.contains_key(&pair);
        let broken = if excluded.contains(&pair) {
            Some("the pair is excluded (rule 7)".to_string())
        } else {
            match (course, state) {
                (Some(course), Some(state)) => check_rules(scenario, need, state, course, session).and_then(|rule| {
                    let rule1 = rule == super::Rule::SkillLevel;
                    (rule1 || !pinned).then(|| format!("need and session are not compatible ({})", rule_words(rule)))
                }),
                _ => Some("the session's course or the need's state is not in the scenario".to_string()),
            }
        };
        if let Some(why) = broken {
            out.push(format!("{here}: need \"{}\" in session \"{}\": {why}", need.id, session.id));
        }
    }

    for (n, need) in scenario.needs.iter().enumerate() {
        if served[n] > need.trainees {
            out.push(format!("need \"{}\": {} seats for {} trainees", need.id, served[n], need.trainees));
        }
    }
    for (s, session) in scenario.sessions.iter().enumerate() {
        if filled[s] > session.seats {
            out.push(format!("session \"{}\": {} seats taken of {}", session.id, filled[s], session.seats));
        }
    }
    for (&(s, state), &seats) in &per_state {
        let session = &scenario.sessions[s];
        if let Some(cap) = session.max_per_state.filter(|&cap| seats > cap) {
            out.push(format!(
                "session \"{}\": {seats} seats for {state}, above its cap of {cap} per state",
                session.id
            ));
        }
    }
    for state in &scenario.states {
        let cost = spent.get(&state.code).copied().unwrap_or(0);
        if let Some(budget) = state.budget.filter(|&budget| cost > budget) {
            out.push(format!("state {}: the plan spends {cost}, above its budget of {budget}", state.code));
        }
    }
    for (i, pin) in scenario.pins.iter().enumerate() {
        let seats = allocated.get(&(&pin.need, &pin.session)).copied().unwrap_or(0);
        if seats != pin.seats {
            out.push(format!(
                "pins[{i}]: need \"{}\" is pinned to {} seats in session \"{}\", the plan gives {seats}",
                pin.need, pin.seats, pin.session
            ));
        }
    }

    let mut listed = vec![false; scenario.sessions.len()];
    for (i, fill) in plan.sessions.iter().enumerate() {
        let Some(&s) = sessions.get(&fill.session) else {
            out.push(format!("sessions[{i}].session: no session \"{}\" in the scenario", fill.session));
            continue;
        };
        let session = &scenario.sessions[s];
        if std::mem::replace(&mut listed[s], true) {
            out.push(format!("sessions[{i}]: session \"{}\" is listed twice", session.id));
        }
        if fill.seats != session.seats {
            out.push(format!("sessions[{i}].seats: {} but the scenario's session has {}", fill.seats, session.seats));
        }
        if fill.filled != filled[s] || fill.running != (filled[s] > 0) {
            out.push(format!(
                "sessions[{i}]: says {} filled (running: {}) but the allocations fill {}",
                fill.filled, fill.running, filled[s]
            ));
        }
    }
    for (s, session) in scenario.sessions.iter().enumerate() {
        if !listed[s] {
            out.push(format!("sessions: session \"{}\" is missing", session.id));
        }
    }

    let mut unmet_listed = vec![false; scenario.needs.len()];
    for (i, unmet) in plan.unmet.iter().enumerate() {
        let Some(&n) = needs.get(&unmet.need) else {
            out.push(format!("unmet[{i}].need: no need \"{}\" in the scenario", unmet.need));
            continue;
        };
        let need = &scenario.needs[n];
        if std::mem::replace(&mut unmet_listed[n], true) {
            out.push(format!("unmet[{i}]: need \"{}\" is listed twice", need.id));
        }
        let left = need.trainees - served[n];
        if unmet.seats != left {
            out.push(format!(
                "unmet[{i}].seats: {} but need \"{}\" has {} trainees and {} seats, so {left} left",
                unmet.seats, need.id, need.trainees, served[n]
            ));
        }
    }
    for (n, need) in scenario.needs.iter().enumerate() {
        if !unmet_listed[n] && served[n] < need.trainees {
            out.push(format!(
                "unmet: need \"{}\" has {} of {} trainees seated but is not listed",
                need.id, served[n], need.trainees
            ));
        }
    }
    out.finish()
}

fn rule_words(rule: super::Rule) -> &'static str {
    use super::Rule::*;
    match rule {
        SkillLevel => "rule 1: different skill or level",
        Language => "rule 2: the course language is not one the need accepts",
        Mode => "rule 3: the course mode is not one the need accepts",
        Window => "rule 4: the session is outside the need's window",
        Blackout => "rule 5: the session touches a blackout of the state",
        OpenTo => "rule 6: the session is not open to the state",
        Excluded => "rule 7: the pair is excluded",
    }
}

/// The first problems in full, the rest only counted, so a plan of another scenario with a
/// million rows does not make a million messages.
#[derive(Default)]
struct Problems {
    shown: Vec<String>,
    more: usize,
}

impl Problems {
    fn push(&mut self, message: String) {
        if self.shown.len() < SHOWN_PROBLEMS {
            self.shown.push(message);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            let noun = if self.more == 1 { "problem" } else { "problems" };
            self.shown.push(format!("… and {} more {noun}", self.more));
        }
        self.shown
    }
}
