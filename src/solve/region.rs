//! The scenario cut into regions whose objectives add up: needs of one skill and level share
//! sessions only with each other (rule 1), and a state's budget links its needs across skills,
//! so a region is the skill-level groups that budgeted states join. A change to one region's
//! sessions (a new session, one more seat, a wider window) is valued by solving that region
//! alone: what recommendations and "what would fix it" re-solve hundreds of times.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Scenario, Session, SkillId};

use super::{solve, Options, Plan, SolveError};

/// A skill and level: the needs and sessions rule 1 lets meet.
pub(super) type Group = (SkillId, i64);

/// The regions of a scenario: each a set of groups.
pub(super) struct Regions {
    /// Region of each group that has a need.
    of_group: BTreeMap<Group, usize>,
    pub count: usize,
}

impl Regions {
    pub fn new(scenario: &Scenario) -> Regions {
        let budgeted: BTreeSet<&str> =
            scenario.states.iter().filter(|s| s.budget.is_some()).map(|s| s.code.as_str()).collect();
        let mut groups: BTreeMap<Group, usize> = BTreeMap::new();
        let mut parent: Vec<usize> = Vec::new();
        // The first group of each budgeted state: its other groups join that one's region.
        let mut anchor: BTreeMap<&str, usize> = BTreeMap::new();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for need in &scenario.needs {
            let next = groups.len();
            let g = *groups.entry((need.skill.clone(), need.level)).or_insert(next);
            if g == parent.len() {
                parent.push(g);
            }
            if budgeted.contains(need.state.as_str()) {
                let a = *anchor.entry(need.state.as_str()).or_insert(g);
                let (ra, rg) = (find(&mut parent, a), find(&mut parent, g));
                if ra != rg {
                    parent[ra.max(rg)] = ra.min(rg);
                }
            }
        }
        let mut number: BTreeMap<usize, usize> = BTreeMap::new();
        let mut of_group = BTreeMap::new();
        for (group, g) in groups {
            let root = find(&mut parent, g);
            let next = number.len();
            let region = *number.entry(root).or_insert(next);
            of_group.insert(group, region);
        }
        Regions { of_group, count: number.len() }
    }

    /// The region of a skill and level, if any need has it.
    pub fn of(&self, skill: &SkillId, level: i64) -> Option<usize> {
        self.of_group.get(&(skill.clone(), level)).copied()
    }

    /// The region a session belongs to (through its course), if any need could use it.
    pub fn of_session(&self, scenario: &Scenario, session: &Session) -> Option<usize> {
        let course = scenario.course(&session.course)?;
        self.of(&course.skill, course.level)
    }

    /// The scenario cut down to one region: its needs, its courses and their sessions, the
    /// pins and exclusions between them; states, skills and settings whole.
    pub fn scenario(&self, scenario: &Scenario, region: usize) -> Scenario {
        let in_region = |skill: &SkillId, level: i64| self.of(skill, level) == Some(region);
        let needs: Vec<_> = scenario.needs.iter().filter(|n| in_region(&n.skill, n.level)).cloned().collect();
        let sessions: Vec<_> =
            scenario.sessions.iter().filter(|s| self.of_session(scenario, s) == Some(region)).cloned().collect();
        let need_ids: BTreeSet<_> = needs.iter().map(|n| n.id.clone()).collect();
        let session_ids: BTreeSet<_> = sessions.iter().map(|s| s.id.clone()).collect();
        let keep = |need: &_, session: &_| need_ids.contains(need) && session_ids.contains(session);
        let courses = scenario.courses.iter().filter(|c| in_region(&c.skill, c.level)).cloned().collect();
        Scenario {
            needs,
            sessions,
            courses,
            pins: scenario.pins.iter().filter(|p| keep(&p.need, &p.session)).cloned().collect(),
            exclusions: scenario.exclusions.iter().filter(|e| keep(&e.need, &e.session)).cloned().collect(),
            ..scenario.clone()
        }
    }
}

/// A solve's plan and whether it is proven optimal.
pub(super) fn solve_proven(scenario: &Scenario, options: &Options) -> Result<(Plan, bool), SolveError> {
    let plan = solve(scenario, options)?;
    let proven = plan.status == super::Status::Optimal;
    Ok((plan, proven))
}

/// The scenario without minimum sizes or pins, its budgets kept (to be priced): what the
/// budgets' Lagrangian relaxation bounds.
pub(super) fn without_minimums_or_pins(scenario: &Scenario) -> Scenario {
    let mut relaxed = scenario.clone();
    relaxed.sessions.iter_mut().for_each(|s| s.min_participants = 0);
    relaxed.pins.clear();
    relaxed
}

/// True when the scenario is a pure network already: no budget spent by a need, no minimum
/// size, no pin.
pub(super) fn is_pure(scenario: &Scenario) -> bool {
    let budgeted: BTreeSet<&str> =
        scenario.states.iter().filter(|s| s.budget.is_some()).map(|s| s.code.as_str()).collect();
    scenario.needs.iter().all(|n| !budgeted.contains(n.state.as_str()))
        && scenario.sessions.iter().all(|s| s.min_participants == 0)
        && scenario.pins.is_empty()
}
