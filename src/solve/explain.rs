//! Why a need is unmet (SPEC §4): the first reason that applies, and the detail behind it
//! (each compatible session's state, or the rule that excluded each same-skill session).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::compat::{check_rules, Index, Rule};
use super::plan::{Allocation, Reason, Unmet};
use chrono::NaiveDate;

use crate::model::{Course, DateRange, Mode, Need, NeedId, Scenario, Session, SessionId, State, StateCode};

/// Seats in use per session, per (session, state) and money spent per state.
struct Usage {
    filled: Vec<i64>,
    state_filled: BTreeMap<(usize, usize), i64>,
    spent: Vec<i64>,
    served: Vec<i64>,
}

impl Usage {
    fn new(index: &Index, allocations: &[Allocation]) -> Usage {
        let scenario = index.scenario;
        let need_pos: HashMap<&NeedId, usize> = scenario.needs.iter().enumerate().map(|(i, n)| (&n.id, i)).collect();
        let session_pos: HashMap<&SessionId, usize> =
            scenario.sessions.iter().enumerate().map(|(i, s)| (&s.id, i)).collect();
        let mut usage = Usage {
            filled: vec![0; scenario.sessions.len()],
            state_filled: BTreeMap::new(),
            spent: vec![0; scenario.states.len()],
            served: vec![0; scenario.needs.len()],
        };
        for allocation in allocations {
            let (Some(&n), Some(&s)) = (need_pos.get(&allocation.need), session_pos.get(&allocation.session)) else {
                continue;
            };
            let state = index.state_of[n];
            usage.filled[s] += allocation.seats;
            *usage.state_filled.entry((s, state)).or_default() += allocation.seats;
            usage.spent[state] += allocation.seats * index.session(s).cost_per_seat;
            usage.served[n] += allocation.seats;
        }
        usage
    }

    fn full(&self, index: &Index, s: usize) -> bool {
        self.filled[s] >= index.session(s).seats
    }

    fn at_cap(&self, index: &Index, s: usize, state: usize) -> bool {
        match index.session(s).max_per_state {
            Some(cap) => self.state_filled.get(&(s, state)).copied().unwrap_or(0) >= cap,
            None => false,
        }
    }

    fn not_running_below_minimum(&self, index: &Index, s: usize) -> bool {
        self.filled[s] == 0 && index.session(s).min_participants > 0
    }
}

/// The state of one compatible session, seen from an unmet need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// Every seat is taken.
    Full,
    /// The need's state already holds the session's cap.
    AtStateCap,
    /// The session does not run: it could not reach its minimum.
    NotRunning,
    /// A seat costs more than what is left of the state's budget.
    OverBudget,
    /// A seat is free: giving it would cost more than it is worth under `cost_weight`.
    HasRoom,
}

/// A compatible session of an unmet need and why it took no more of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub session: SessionId,
    pub state: SessionState,
    pub filled: i64,
    pub seats: i64,
    /// Seats the need's state holds in this session.
    pub state_filled: i64,
    pub cost_per_seat: i64,
}

/// A session of the same skill and level that the need could not use, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ruled {
    pub session: SessionId,
    pub rule: Rule,
    /// What the rule found, concretely.
    pub fact: Fact,
}

/// What a rule found between a need and a session, with the data a sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The course's language is not one of those the need accepts.
    Language { course: String, accepted: Vec<String> },
    /// The course's mode is not one of those the need accepts.
    Mode { course: Mode, accepted: Vec<Mode> },
    /// The session is outside the need's window.
    Window { window: Option<DateRange> },
    /// The session touches this unavailable period of the need's state.
    Blackout { label: String, start: NaiveDate, end: NaiveDate },
    /// The session is only for these states.
    OpenTo(Vec<StateCode>),
    /// The planner excluded the pairing.
    Excluded,
    /// Another skill or level.
    SkillLevel,
}

/// The fact behind `rule` for this need, state and session.
fn fact(scenario: &Scenario, need: &Need, state: &State, course: &Course, session: &Session, rule: Rule) -> Fact {
    match rule {
        Rule::Language => {
            Fact::Language { course: course.language.clone(), accepted: scenario.effective_languages(need).to_vec() }
        }
        Rule::Mode => Fact::Mode { course: course.mode.clone(), accepted: scenario.effective_modes(need).to_vec() },
        Rule::Window => Fact::Window { window: scenario.effective_window(need) },
        Rule::Blackout => state
            .blackouts
            .iter()
            .find(|b| b.range().intersects(&session.dates()))
            .map_or(Fact::SkillLevel, |b| Fact::Blackout { label: b.label.clone(), start: b.start, end: b.end }),
        Rule::OpenTo => Fact::OpenTo(session.open_to.clone().unwrap_or_default()),
        Rule::Excluded => Fact::Excluded,
        Rule::SkillLevel => Fact::SkillLevel,
    }
}

/// The rule of the need's own (rules 2–7) that putting `need` into `session` breaks, with its
/// fact, or `None` when the pair fits or is not of the same skill and level (rule 1, which a
/// pin cannot override) or either is unknown. What a planner is told before pinning the pair.
pub fn pair_fact(scenario: &Scenario, need: &NeedId, session: &SessionId) -> Option<Fact> {
    let n = scenario.need(need)?;
    let s = scenario.session(session)?;
    let course = scenario.course(&s.course)?;
    let state = scenario.state(&n.state)?;
    match check_rules(scenario, n, state, course, s) {
        Some(Rule::SkillLevel) => None,
        Some(rule) => Some(fact(scenario, n, state, course, s, rule)),
        None => scenario.exclusions.iter().any(|e| &e.need == need && &e.session == session).then_some(Fact::Excluded),
    }
}

/// Everything the planner needs to understand one unmet need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub need: NeedId,
    pub seats: i64,
    pub reason: Reason,
    pub candidates: Vec<Candidate>,
    pub ruled_out: Vec<Ruled>,
    /// Budget left to the need's state, when it has one.
    pub budget_left: Option<i64>,
}

/// Sessions compatible with need `n` (rules 1–7). A pin on an otherwise incompatible
/// session overrides the rules for its pinned seats only, so that session does not count.
fn compatible_sessions(index: &Index, n: usize) -> Vec<usize> {
    let need = index.need(n);
    let state = &index.scenario.states[index.state_of[n]];
    index.by_need[n]
        .iter()
        .map(|&p| &index.pairs[p])
        .filter(|pair| {
            pair.pin.is_none()
                || check_rules(index.scenario, need, state, index.course_of[pair.session], index.session(pair.session))
                    .is_none()
        })
        .map(|pair| pair.session)
        .collect()
}

fn reason_for(index: &Index, usage: &Usage, n: usize) -> Reason {
    let sessions = compatible_sessions(index, n);
    if sessions.is_empty() {
        return Reason::NoCompatibleSession;
    }
    let state = index.state_of[n];
    if let Some(budget) = index.scenario.states[state].budget {
        let left = budget - usage.spent[state];
        let open: Vec<usize> =
            sessions.iter().copied().filter(|&s| !usage.full(index, s) && !usage.at_cap(index, s, state)).collect();
        if !open.is_empty() && open.iter().all(|&s| left < index.session(s).cost_per_seat) {
            return Reason::Budget;
        }
    }
    if sessions.iter().all(|&s| usage.full(index, s)) {
        return Reason::Capacity;
    }
    let full_or_capped = |s: usize| usage.full(index, s) || usage.at_cap(index, s, state);
    if sessions.iter().all(|&s| full_or_capped(s)) {
        return Reason::StateCap;
    }
    if sessions.iter().all(|&s| full_or_capped(s) || usage.not_running_below_minimum(index, s)) {
        return Reason::MinParticipants;
    }
    Reason::Cost
}

/// Every need served less than its trainees, in scenario order, with its reason.
pub(crate) fn unmet(index: &Index, allocations: &[Allocation]) -> Vec<Unmet> {
    let usage = Usage::new(index, allocations);
    index
        .scenario
        .needs
        .iter()
        .enumerate()
        .filter(|(n, need)| usage.served[*n] < need.trainees)
        .map(|(n, need)| Unmet {
            need: need.id.clone(),
            seats: need.trainees - usage.served[n],
            reason: reason_for(index, &usage, n),
        })
        .collect()
}

/// Explains one need of a valid scenario under the given allocations; `None` if the need
/// is unknown or fully served.
pub fn explain(scenario: &Scenario, allocations: &[Allocation], need: &NeedId) -> Option<Explanation> {
    let index = Index::new(scenario);
    let n = scenario.needs.iter().position(|x| &x.id == need)?;
    let usage = Usage::new(&index, allocations);
    explain_need(&index, &usage, n)
}

/// Explains every need served less than its trainees, in scenario order: the same as calling
/// [`explain`] for each, with the index built once (the app shows them all after a solve).
pub fn explain_all(scenario: &Scenario, allocations: &[Allocation]) -> Vec<Explanation> {
    let index = Index::new(scenario);
    let usage = Usage::new(&index, allocations);
    (0..scenario.needs.len()).filter_map(|n| explain_need(&index, &usage, n)).collect()
}

fn explain_need(index: &Index, usage: &Usage, n: usize) -> Option<Explanation> {
    let scenario = index.scenario;
    let trainees = scenario.needs[n].trainees;
    if usage.served[n] >= trainees {
        return None;
    }
    let state = index.state_of[n];
    let budget_left = scenario.states[state].budget.map(|b| b - usage.spent[state]);
    let candidates = index.by_need[n]
        .iter()
        .map(|&p| {
            let s = index.pairs[p].session;
            let session = index.session(s);
            let status = if usage.full(index, s) {
                SessionState::Full
            } else if usage.at_cap(index, s, state) {
                SessionState::AtStateCap
            } else if usage.not_running_below_minimum(index, s) {
                SessionState::NotRunning
            } else if budget_left.is_some_and(|left| left < session.cost_per_seat) {
                SessionState::OverBudget
            } else {
                SessionState::HasRoom
            };
            Candidate {
                session: session.id.clone(),
                state: status,
                filled: usage.filled[s],
                seats: session.seats,
                state_filled: usage.state_filled.get(&(s, state)).copied().unwrap_or(0),
                cost_per_seat: session.cost_per_seat,
            }
        })
        .collect::<Vec<_>>();
    let need_ref = &scenario.needs[n];
    let state_ref = &scenario.states[state];
    let ruled_out = index.same_block[n]
        .iter()
        .filter(|s| !candidates.iter().any(|c| c.session == scenario.sessions[**s].id))
        .map(|&s| {
            let session = index.session(s);
            let course = index.course_of[s];
            let rule = check_rules(scenario, need_ref, state_ref, course, session).unwrap_or(Rule::Excluded);
            Ruled {
                session: session.id.clone(),
                rule,
                fact: fact(scenario, need_ref, state_ref, course, session, rule),
            }
        })
        .collect();
    Some(Explanation {
        need: need_ref.id.clone(),
        seats: trainees - usage.served[n],
        reason: reason_for(index, usage, n),
        candidates,
        ruled_out,
        budget_left,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{solve, Options};
    use crate::synth::{scenario, Scale, Variant};

    #[test]
    fn explain_all_is_explain_of_every_unmet_need_in_order() {
        for variant in [Variant::Pure, Variant::Budget, Variant::MinViable] {
            let scenario = scenario(Scale::Region, variant, 5);
            let plan = solve(&scenario, &Options::default()).unwrap();
            let all = explain_all(&scenario, &plan.allocations);
            let one_by_one: Vec<Explanation> =
                plan.unmet.iter().filter_map(|u| explain(&scenario, &plan.allocations, &u.need)).collect();
            assert!(!all.is_empty());
            assert_eq!(all, one_by_one);
            let reasons: Vec<Reason> = all.iter().map(|e| e.reason).collect();
            assert_eq!(reasons, plan.unmet.iter().map(|u| u.reason).collect::<Vec<_>>());
        }
    }

    #[test]
    fn pair_fact_names_the_needs_own_rule_a_pin_would_break() {
        let mut s = Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,
            "states":[{"code":"TN","name":{"en":"Tunisia"},"languages":["fr"]}],
            "skills":[{"id":"forensics","name":{"en":"Digital forensics"}}],
            "courses":[{"id":"DF-101","title":{"en":"DF"},"skill":"forensics","level":1,"language":"ar","mode":"in_person"},
                       {"id":"DF-102","title":{"en":"DF"},"skill":"forensics","level":1,"language":"fr","mode":"in_person"},
                       {"id":"DF-201","title":{"en":"DF"},"skill":"forensics","level":2,"language":"fr","mode":"in_person"}],
            "sessions":[{"id":"A","course":"DF-101","start":"2027-02-07","end":"2027-02-11","seats":24},
                        {"id":"F","course":"DF-102","start":"2027-02-07","end":"2027-02-11","seats":24},
                        {"id":"L2","course":"DF-201","start":"2027-02-07","end":"2027-02-11","seats":24}],
            "needs":[{"id":"TN-1","state":"TN","skill":"forensics","level":1,"trainees":6,"priority":4}]}"#,
        )
        .unwrap();
        let (need, arabic, french) = (NeedId::new("TN-1"), SessionId::new("A"), SessionId::new("F"));
        assert_eq!(
            pair_fact(&s, &need, &arabic),
            Some(Fact::Language { course: "ar".into(), accepted: vec!["fr".into()] })
        );
        assert_eq!(pair_fact(&s, &need, &french), None);
        // Another level is refused outright, not warned about; unknown ids say nothing.
        assert_eq!(pair_fact(&s, &need, &SessionId::new("L2")), None);
        assert_eq!(pair_fact(&s, &NeedId::new("nope"), &french), None);
        s.exclusions.push(crate::model::Exclusion { need: need.clone(), session: french.clone() });
        assert_eq!(pair_fact(&s, &need, &french), Some(Fact::Excluded));
    }
}
