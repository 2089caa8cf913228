//! Which needs may go to which sessions (SPEC §3, rules 1–7), and the index the model,
//! the pre-checks and the explanations share.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{order, Course, Need, Scenario, Session, State};

/// The first compatibility rule a (need, session) pair breaks, in SPEC order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// 1: different skill or level.
    SkillLevel,
    /// 2: the course language is not one the need accepts.
    Language,
    /// 3: the course mode is not one the need accepts.
    Mode,
    /// 4: the session is not inside the need's window.
    Window,
    /// 5: the session touches a blackout of the state.
    Blackout,
    /// 6: the session is restricted to other states.
    OpenTo,
    /// 7: the planner excluded the pairing.
    Excluded,
}

/// The first of rules 1–6 the pair breaks (rule 1 again, though `Index::new` already groups
/// by skill and level; rule 7, the planner's exclusions, is the caller's).
pub fn check_rules(
    scenario: &Scenario,
    need: &Need,
    state: &State,
    course: &Course,
    session: &Session,
) -> Option<Rule> {
    if need.skill != course.skill || need.level != course.level {
        return Some(Rule::SkillLevel);
    }
    if !scenario.effective_languages(need).contains(&course.language) {
        return Some(Rule::Language);
    }
    if !scenario.effective_modes(need).contains(&course.mode) {
        return Some(Rule::Mode);
    }
    if let Some(window) = scenario.effective_window(need) {
        if !window.contains(&session.dates()) {
            return Some(Rule::Window);
        }
    }
    let dates = session.dates();
    if state.blackouts.iter().any(|b| b.range().intersects(&dates)) {
        return Some(Rule::Blackout);
    }
    if let Some(open_to) = &session.open_to {
        if !open_to.contains(&state.code) {
            return Some(Rule::OpenTo);
        }
    }
    None
}

/// A (need, session) pair that gets a variable: compatible, or pinned.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub need: usize,
    pub session: usize,
    /// Seats the planner pinned, if any.
    pub pin: Option<i64>,
    /// Largest value the pair can take: trainees, seats, cap and budget allow no more.
    pub upper: i64,
}

/// Positions of everything in a valid scenario, by index, plus the pairs.
pub struct Index<'a> {
    pub scenario: &'a Scenario,
    /// Course of each session, by session index.
    pub course_of: Vec<&'a Course>,
    /// State index of each need.
    pub state_of: Vec<usize>,
    /// Pairs sorted by (need, session) index.
    pub pairs: Vec<Pair>,
    /// Pair indices of each need.
    pub by_need: Vec<Vec<usize>>,
    /// Pair indices of each session.
    pub by_session: Vec<Vec<usize>>,
    /// Sessions of the same skill and level as each need (rule 1), for explanations.
    pub same_block: Vec<Vec<usize>>,
}

impl<'a> Index<'a> {
    /// Builds the index of a scenario that passed validation (references resolve).
    pub fn new(scenario: &'a Scenario) -> Index<'a> {
        let course_pos: BTreeMap<&str, usize> =
            order::map(scenario.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)));
        let state_pos: BTreeMap<&str, usize> =
            order::map(scenario.states.iter().enumerate().map(|(i, s)| (s.code.as_str(), i)));
        // Hashed, not sorted: with hundreds of thousands of needs, sorting their ids alone
        // takes a good share of a short time limit.
        let session_pos: HashMap<&str, usize> =
            scenario.sessions.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let need_pos: HashMap<&str, usize> = if scenario.exclusions.is_empty() && scenario.pins.is_empty() {
            HashMap::new()
        } else {
            scenario.needs.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect()
        };

        let course_of: Vec<&Course> =
            scenario.sessions.iter().map(|s| &scenario.courses[course_pos[s.course.as_str()]]).collect();
        let state_of: Vec<usize> = scenario.needs.iter().map(|n| state_pos[n.state.as_str()]).collect();

        // Rule 1 by grouping: sessions keyed by (skill, level).
        let mut blocks: BTreeMap<(&str, i64), Vec<usize>> = BTreeMap::new();
        for (s, course) in course_of.iter().enumerate() {
            blocks.entry((course.skill.as_str(), course.level)).or_default().push(s);
        }
        let excluded: BTreeSet<(usize, usize)> = order::set(
            scenario.exclusions.iter().map(|e| (need_pos[e.need.as_str()], session_pos[e.session.as_str()])),
        );
        let pinned: BTreeMap<(usize, usize), i64> = order::map(
            scenario.pins.iter().map(|p| ((need_pos[p.need.as_str()], session_pos[p.session.as_str()]), p.seats)),
        );

        let mut pairs = Vec::new();
        let mut same_block = Vec::with_capacity(scenario.needs.len());
        for (n, need) in scenario.needs.iter().enumerate() {
            let state = &scenario.states[state_of[n]];
            let block = blocks.get(&(need.skill.as_str(), need.level)).cloned().unwrap_or_default();
            for &s in &block {
                let session = &scenario.sessions[s];
                let pin = pinned.get(&(n, s)).copied();
                let compatible =
                    check_rules(scenario, need, state, course_of[s], session).is_none() && !excluded.contains(&(n, s));
                if compatible || pin.is_some() {
                    let mut upper = need.trainees.min(session.seats);
                    if let Some(cap) = session.max_per_state {
                        upper = upper.min(cap);
                    }
                    if let (Some(budget), true) = (state.budget, session.cost_per_seat > 0) {
                        upper = upper.min(budget / session.cost_per_seat);
                    }
                    pairs.push(Pair { need: n, session: s, pin, upper: upper.max(0) });
                }
            }
            same_block.push(block);
        }

        let mut by_need = vec![Vec::new(); scenario.needs.len()];
        let mut by_session = vec![Vec::new(); scenario.sessions.len()];
        for (p, pair) in pairs.iter().enumerate() {
            by_need[pair.need].push(p);
            by_session[pair.session].push(p);
        }
        Index { scenario, course_of, state_of, pairs, by_need, by_session, same_block }
    }

    pub fn need(&self, n: usize) -> &'a Need {
        &self.scenario.needs[n]
    }

    pub fn session(&self, s: usize) -> &'a Session {
        &self.scenario.sessions[s]
    }

    /// The state whose budget pays for the seats of `pair`: its need's state, when that
    /// state has a budget and the session costs money.
    pub fn payer(&self, pair: &Pair) -> Option<usize> {
        let state = self.state_of[pair.need];
        (self.scenario.states[state].budget.is_some() && self.session(pair.session).cost_per_seat > 0).then_some(state)
    }

    /// True when some pair's seats are paid from a budget: a budget row may bind.
    pub fn spends_budget(&self) -> bool {
        self.pairs.iter().any(|pair| self.payer(pair).is_some())
    }

    /// The same scenario with only the given pairs (a block of the model).
    pub fn restrict(&self, keep: &[usize]) -> Index<'a> {
        let pairs: Vec<Pair> = keep.iter().map(|&p| self.pairs[p].clone()).collect();
        let mut by_need = vec![Vec::new(); self.by_need.len()];
        let mut by_session = vec![Vec::new(); self.by_session.len()];
        for (p, pair) in pairs.iter().enumerate() {
            by_need[pair.need].push(p);
            by_session[pair.session].push(p);
        }
        Index {
            scenario: self.scenario,
            course_of: self.course_of.clone(),
            state_of: self.state_of.clone(),
            pairs,
            by_need,
            by_session,
            same_block: Vec::new(),
        }
    }

    /// The same pairs over `scenario`, a copy of this index's scenario with some numbers
    /// changed (its courses, sessions, needs and states in the same order).
    pub fn over<'b>(&self, scenario: &'b Scenario) -> Index<'b> {
        let course_pos: HashMap<&str, usize> =
            scenario.courses.iter().enumerate().map(|(i, course)| (course.id.as_str(), i)).collect();
        Index {
            scenario,
            course_of: self.course_of.iter().map(|course| &scenario.courses[course_pos[course.id.as_str()]]).collect(),
            state_of: self.state_of.clone(),
            pairs: self.pairs.clone(),
            by_need: self.by_need.clone(),
            by_session: self.by_session.clone(),
            same_block: Vec::new(),
        }
    }
}

/// Splits the pairs into independent blocks: two pairs share a block when they share a
/// need or a session, or when their needs belong to the same state with a budget and both
/// cost money. Blocks come in order of their first pair, pairs in index order.
pub fn blocks(index: &Index) -> Vec<Vec<usize>> {
    components(index, true)
}

/// The blocks a budget-linked block falls into once its budgets are priced instead of
/// imposed: pairs sharing a need or a session only.
pub fn unbudgeted_blocks(index: &Index) -> Vec<Vec<usize>> {
    components(index, false)
}

fn components(index: &Index, link_budgets: bool) -> Vec<Vec<usize>> {
    let n_needs = index.by_need.len();
    // Union-find over needs, then sessions (offset by the number of needs).
    let mut parent: Vec<usize> = (0..n_needs + index.by_session.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut budget_anchor: BTreeMap<usize, usize> = BTreeMap::new();
    for pair in &index.pairs {
        union(&mut parent, pair.need, n_needs + pair.session);
        if let (true, Some(state)) = (link_budgets, index.payer(pair)) {
            let anchor = *budget_anchor.entry(state).or_insert(pair.need);
            union(&mut parent, anchor, pair.need);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (p, pair) in index.pairs.iter().enumerate() {
        let root = find(&mut parent, pair.need);
        let group = groups.entry(root).or_default();
        if group.is_empty() {
            order.push(root);
        }
        group.push(p);
    }
    order.into_iter().filter_map(|root| groups.remove(&root)).collect()
}
