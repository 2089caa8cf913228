//! What would fix each unmet need, and what one more seat in each session is worth: both
//! found by changing the scenario once and solving the need's region again (`region.rs`), so
//! every suggestion is one that works, and every value is the objective's own.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{order, DateRange, Mode, Need, NeedId, Scenario, SessionId, StateCode};

use super::compat::{check_rules, Rule};
use super::region::Regions;
use super::reuse::{BlockCount, Solved};
use super::{objective, parallel, Options, Plan, SolveError, Status};

/// Tries per kind of change for one need: the smallest few, each re-solved.
const TRIES: usize = 3;

/// One change to the scenario (a remedy) that gives a need at least one more seat (checked by solving).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Remedy {
    /// One more seat in this session.
    Seat { session: SessionId },
    /// The session's cap per state raised by one, to `cap`.
    StateCap { session: SessionId, cap: i64 },
    /// The need's window widened by `days` days (to `window`) to reach this session.
    Window { session: SessionId, days: i64, window: DateRange },
    /// The need accepting this language, which opens this session to it.
    Language { session: SessionId, language: String },
    /// The need accepting this delivery mode, which opens this session to it.
    Mode { session: SessionId, mode: Mode },
    /// The state's budget raised by this amount.
    Budget { amount: i64 },
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Remedy::Seat { session } => write!(f, "one more seat in {session}"),
            Remedy::StateCap { session, cap } => write!(f, "the cap per state in {session} raised to {cap}"),
            Remedy::Window { session, days, window } => write!(
                f,
                "the window widened by {days} {}, to {} – {}, to reach {session}",
                if *days == 1 { "day" } else { "days" },
                window.start,
                window.end
            ),
            Remedy::Language { session, language } => write!(f, "accepting language {language} (opens {session})"),
            Remedy::Mode { session, mode } => write!(f, "accepting mode {mode} (opens {session})"),
            Remedy::Budget { amount } => write!(f, "the state's budget raised by {amount}"),
        }
    }
}

/// The changes that would each give an unmet need one more seat: the smallest that works of
/// each kind, in the order of [`Remedy`]'s kinds (empty when no single change does).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    pub need: NeedId,
    pub changes: Vec<Remedy>,
    /// The seats the need gains with each change (in the order of `changes`), by the re-solve
    /// that checked it.
    pub gains: Vec<i64>,
}

/// Seats per need in a plan.
fn seats(plan: &Plan) -> BTreeMap<NeedId, i64> {
    let mut seats: BTreeMap<NeedId, i64> = BTreeMap::new();
    for allocation in &plan.allocations {
        *seats.entry(allocation.need.clone()).or_default() += allocation.seats;
    }
    seats
}

/// Each region's scenario and its plan, solved once, and the blocks solved so far.
struct Bases {
    regions: Regions,
    bases: Vec<(Scenario, Plan, bool)>,
    /// The blocks of the regions and of every change solved so far (`reuse.rs`): a change
    /// solves again only the blocks it changes. `None` solves every block of every change.
    blocks: Option<Solved>,
}

impl Bases {
    /// The scenario's regions, each solved once (with `reuse`, their blocks kept).
    fn new(scenario: &Scenario, options: &Options, reuse: bool) -> Result<Bases, SolveError> {
        // Any problem of the whole scenario (validation, pins) is reported as `solve` would.
        super::Model::build(scenario)?;
        let regions = Regions::new(scenario);
        let cut: Vec<Scenario> = (0..regions.count).map(|r| regions.scenario(scenario, r)).collect();
        let (plans, blocks) = if reuse {
            let blocks = Solved::default();
            (blocks.solve_all(&cut, options), Some(blocks))
        } else {
            (parallel::map(cut.clone(), |base| super::solve(&base, options)), None)
        };
        let mut bases = Vec::with_capacity(cut.len());
        for (base, plan) in cut.into_iter().zip(plans) {
            let plan = plan?;
            let proven = proven(&plan);
            bases.push((base, plan, proven));
        }
        Ok(Bases { regions, bases, blocks })
    }

    /// The plan of a region's scenario, changed: its blocks seen before are taken again.
    fn solve(&self, scenario: Scenario, options: &Options) -> Result<Plan, SolveError> {
        match &self.blocks {
            Some(blocks) => blocks
                .solve_all(std::slice::from_ref(&scenario), options)
                .pop()
                .unwrap_or_else(|| Err(SolveError::Solver("a region's plan is missing".into()))),
            None => super::solve(&scenario, options),
        }
    }

    fn count(&self) -> BlockCount {
        self.blocks.as_ref().map(Solved::count).unwrap_or_default()
    }
}

fn proven(plan: &Plan) -> bool {
    plan.status == Status::Optimal
}

/// The search for what would fix each unmet need, one need at a time: the regions are solved
/// once by [`Fixer::new`], then [`Fixer::fix`] finds the fixes of the i-th unmet need (the
/// browser's worker reports its progress between needs).
pub struct Fixer {
    solved: Bases,
    /// Per unmet need: its region, its place among the region's needs, its seats now.
    work: Vec<(usize, usize, i64)>,
}

impl Fixer {
    /// The scenario's regions solved, and its unmet needs found.
    pub fn new(scenario: &Scenario, options: &Options) -> Result<Fixer, SolveError> {
        Fixer::with_reuse(scenario, options, true)
    }

    /// With `reuse`, a change solves again only the blocks it changes; without, every block
    /// of its region (what the tests compare the fixes with).
    fn with_reuse(scenario: &Scenario, options: &Options, reuse: bool) -> Result<Fixer, SolveError> {
        let solved = Bases::new(scenario, options, reuse)?;
        let mut work = Vec::new();
        for (r, (base, plan, _)) in solved.bases.iter().enumerate() {
            let served = seats(plan);
            for (n, need) in base.needs.iter().enumerate() {
                let now = served.get(&need.id).copied().unwrap_or(0);
                if now < need.trainees {
                    work.push((r, n, now));
                }
            }
        }
        Ok(Fixer { solved, work })
    }

    /// The unmet needs with the trainees each has without a seat, in the order
    /// [`Fixer::fix`] numbers them.
    pub fn unmet(&self) -> Vec<(&NeedId, i64)> {
        self.work
            .iter()
            .map(|&(r, n, now)| {
                let need = &self.solved.bases[r].0.needs[n];
                (&need.id, need.trainees - now)
            })
            .collect()
    }

    /// What would fix the `i`-th unmet need (`None` past the last).
    pub fn fix(&self, i: usize, options: &Options) -> Result<Option<Fix>, SolveError> {
        let Some(&(r, n, now)) = self.work.get(i) else { return Ok(None) };
        let (base, plan, _) = &self.solved.bases[r];
        let need = &base.needs[n];
        let (changes, gains) = fixes_of(&self.solved, base, plan, need, now, options)?.into_iter().unzip();
        Ok(Some(Fix { need: need.id.clone(), changes, gains }))
    }

    /// The blocks solved so far (the regions' and the changes'), and those taken again.
    pub fn blocks(&self) -> BlockCount {
        self.solved.count()
    }
}

/// What would fix each need the plan of `scenario` leaves unmet, in the order of the needs.
pub fn fixes(scenario: &Scenario, options: &Options) -> Result<Vec<Fix>, SolveError> {
    fixes_counted(scenario, options, true).map(|(fixes, _)| fixes)
}

/// [`fixes`], and the blocks it solved and took again; without `reuse`, every change solves
/// every block of its region again (the benchmark and the tests compare the two).
#[doc(hidden)]
pub fn fixes_counted(
    scenario: &Scenario,
    options: &Options,
    reuse: bool,
) -> Result<(Vec<Fix>, BlockCount), SolveError> {
    let fixer = Fixer::with_reuse(scenario, options, reuse)?;
    let fixes = all_fixes(&fixer, scenario, options)?;
    Ok((fixes, fixer.blocks()))
}

/// Every unmet need's fixes, found in parallel, in the order of the scenario's needs.
fn all_fixes(fixer: &Fixer, scenario: &Scenario, options: &Options) -> Result<Vec<Fix>, SolveError> {
    let found = parallel::map((0..fixer.work.len()).collect(), |i| fixer.fix(i, options));
    let mut fixes: Vec<Fix> = found.into_iter().filter_map(Result::transpose).collect::<Result<_, _>>()?;
    let order: BTreeMap<&NeedId, usize> = order::map(scenario.needs.iter().enumerate().map(|(i, n)| (&n.id, i)));
    order::sort_by_key(&mut fixes, |fix| order.get(&fix.need).copied().unwrap_or(usize::MAX));
    Ok(fixes)
}

/// Makes `change` to `scenario`, as a planner would for `need`: one more seat or a higher cap
/// in the session, the need's window, languages or modes, or its state's budget (a state
/// without a budget keeps none). False when the session, need or state is not there.
pub fn apply(scenario: &mut Scenario, need: &NeedId, change: &Remedy) -> bool {
    let need_at = scenario.needs.iter().position(|n| &n.id == need);
    let session = |scenario: &mut Scenario, id: &SessionId| scenario.sessions.iter().position(|s| &s.id == id);
    match change {
        Remedy::Seat { session: id } => match session(scenario, id) {
            Some(s) => scenario.sessions[s].seats += 1,
            None => return false,
        },
        Remedy::StateCap { session: id, cap } => match session(scenario, id) {
            Some(s) => scenario.sessions[s].max_per_state = Some(*cap),
            None => return false,
        },
        Remedy::Window { window, .. } => match need_at {
            Some(n) => scenario.needs[n].window = Some(*window),
            None => return false,
        },
        Remedy::Language { language, .. } => match need_at {
            Some(n) => {
                let mut languages = scenario.effective_languages(&scenario.needs[n]).to_vec();
                if !languages.contains(language) {
                    languages.push(language.clone());
                }
                scenario.needs[n].languages = Some(languages);
            }
            None => return false,
        },
        Remedy::Mode { mode, .. } => match need_at {
            Some(n) => {
                let mut modes = scenario.effective_modes(&scenario.needs[n]).to_vec();
                if !modes.contains(mode) {
                    modes.push(mode.clone());
                }
                scenario.needs[n].modes = Some(modes);
            }
            None => return false,
        },
        Remedy::Budget { amount } => {
            let Some(state) = need_at.map(|n| scenario.needs[n].state.clone()) else { return false };
            match scenario.states.iter_mut().find(|s| s.code == state) {
                Some(state) => state.budget = state.budget.map(|budget| budget + amount),
                None => return false,
            }
        }
    }
    true
}

/// The first change of `tries` (smallest first) that gives the need more than `now` seats,
/// with the seats it gains.
fn first_working(
    bases: &Bases,
    base: &Scenario,
    need: &Need,
    now: i64,
    tries: Vec<Remedy>,
    options: &Options,
) -> Result<Option<(Remedy, i64)>, SolveError> {
    for change in tries.into_iter().take(TRIES) {
        let mut changed = base.clone();
        apply(&mut changed, &need.id, &change);
        let plan = match bases.solve(changed, options) {
            Ok(plan) => plan,
            // A change that breaks a pin or makes the scenario invalid is no fix.
            Err(SolveError::Invalid(_) | SolveError::Infeasible(_)) => continue,
            Err(other) => return Err(other),
        };
        let after = seats(&plan).get(&need.id).copied().unwrap_or(0);
        if after > now {
            return Ok(Some((change, after - now)));
        }
    }
    Ok(None)
}

fn fixes_of(
    bases: &Bases,
    base: &Scenario,
    plan: &Plan,
    need: &Need,
    now: i64,
    options: &Options,
) -> Result<Vec<(Remedy, i64)>, SolveError> {
    let Some(state) = base.state(&need.state) else { return Ok(Vec::new()) };
    let excluded: BTreeSet<&SessionId> =
        order::set(base.exclusions.iter().filter(|e| e.need == need.id).map(|e| &e.session));
    let mut filled: BTreeMap<&SessionId, i64> = BTreeMap::new();
    let mut state_filled: BTreeMap<&SessionId, i64> = BTreeMap::new();
    let mut spent = 0;
    let state_of: BTreeMap<&NeedId, &StateCode> = order::map(base.needs.iter().map(|n| (&n.id, &n.state)));
    let cost_of: BTreeMap<&SessionId, i64> = order::map(base.sessions.iter().map(|s| (&s.id, s.cost_per_seat)));
    for allocation in &plan.allocations {
        *filled.entry(&allocation.session).or_default() += allocation.seats;
        if state_of.get(&allocation.need) == Some(&&need.state) {
            *state_filled.entry(&allocation.session).or_default() += allocation.seats;
            spent += allocation.seats * cost_of.get(&allocation.session).copied().unwrap_or(0);
        }
    }
    // Sessions of the need's skill and level, with the first rule each breaks.
    let mut same: Vec<(&crate::model::Session, &crate::model::Course, Option<Rule>)> = Vec::new();
    for session in &base.sessions {
        let Some(course) = base.course(&session.course) else { continue };
        if course.skill != need.skill || course.level != need.level || excluded.contains(&session.id) {
            continue;
        }
        same.push((session, course, check_rules(base, need, state, course, session)));
    }
    let compatible: Vec<_> = same.iter().filter(|(_, _, rule)| rule.is_none()).collect();
    let passes = |changed: &Need, session: &crate::model::Session, course: &crate::model::Course| {
        check_rules(base, changed, state, course, session).is_none()
    };
    let mut changes = Vec::new();

    // One more seat: full sessions first.
    let mut seat_tries: Vec<_> = compatible.iter().map(|(s, _, _)| *s).collect();
    order::sort_by_key(&mut seat_tries, |s| (filled.get(&s.id).copied().unwrap_or(0) < s.seats, s.id.as_str()));
    let seat_tries = seat_tries.into_iter().map(|s| Remedy::Seat { session: s.id.clone() }).collect();
    changes.extend(first_working(bases, base, need, now, seat_tries, options)?);

    // The cap per state, where the state holds it.
    let cap_tries = compatible
        .iter()
        .filter_map(|(s, _, _)| {
            let cap = s.max_per_state?;
            (state_filled.get(&s.id).copied().unwrap_or(0) >= cap)
                .then(|| Remedy::StateCap { session: s.id.clone(), cap: cap + 1 })
        })
        .collect();
    changes.extend(first_working(bases, base, need, now, cap_tries, options)?);

    // A wider window, fewest days first.
    if let Some(window) = base.effective_window(need) {
        let mut tries: Vec<(i64, Remedy)> = same
            .iter()
            .filter(|(_, _, rule)| *rule == Some(Rule::Window))
            .filter_map(|(session, course, _)| {
                let wider = DateRange { start: window.start.min(session.start), end: window.end.max(session.end) };
                let changed = Need { window: Some(wider), ..need.clone() };
                let days = (window.start - wider.start).num_days() + (wider.end - window.end).num_days();
                passes(&changed, session, course)
                    .then(|| (days, Remedy::Window { session: session.id.clone(), days, window: wider }))
            })
            .collect();
        order::sort_by_key(&mut tries, |(days, _)| *days);
        changes.extend(first_working(
            bases,
            base,
            need,
            now,
            tries.into_iter().map(|(_, change)| change).collect(),
            options,
        )?);
    }

    // Another language, then another mode, each naming the session it opens.
    let language_tries = same
        .iter()
        .filter(|(_, _, rule)| *rule == Some(Rule::Language))
        .filter_map(|(session, course, _)| {
            let mut languages = base.effective_languages(need).to_vec();
            languages.push(course.language.clone());
            let changed = Need { languages: Some(languages), ..need.clone() };
            passes(&changed, session, course)
                .then(|| Remedy::Language { session: session.id.clone(), language: course.language.clone() })
        })
        .collect();
    changes.extend(first_working(bases, base, need, now, language_tries, options)?);
    let mode_tries = same
        .iter()
        .filter(|(_, _, rule)| *rule == Some(Rule::Mode))
        .filter_map(|(session, course, _)| {
            let mut modes = base.effective_modes(need).to_vec();
            modes.push(course.mode.clone());
            let changed = Need { modes: Some(modes), ..need.clone() };
            passes(&changed, session, course)
                .then(|| Remedy::Mode { session: session.id.clone(), mode: course.mode.clone() })
        })
        .collect();
    changes.extend(first_working(bases, base, need, now, mode_tries, options)?);

    // More budget: what a seat costs beyond what is left, cheapest first.
    if let Some(budget) = state.budget {
        let left = budget - spent;
        let amounts: BTreeSet<i64> = order::set(
            compatible.iter().filter(|(s, _, _)| s.cost_per_seat > 0).map(|(s, _, _)| (s.cost_per_seat - left).max(1)),
        );
        let tries = amounts.into_iter().map(|amount| Remedy::Budget { amount }).collect();
        changes.extend(first_working(bases, base, need, now, tries, options)?);
    }
    Ok(changes)
}

/// The need one more seat would serve: its id, state and priority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Served {
    pub need: NeedId,
    pub state: StateCode,
    pub priority: i64,
}

/// What one more seat in a session would add to the objective, and the need it would serve
/// (the one of highest priority among those whose seats rise).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeatValue {
    pub session: SessionId,
    pub value: f64,
    pub serves: Option<Served>,
    /// False when a solve stopped at its time limit (the value is then an estimate).
    pub exact: bool,
}

/// The value of one more seat in every session, by re-solving its region with the seat added.
pub fn seat_values(scenario: &Scenario, options: &Options) -> Result<Vec<SeatValue>, SolveError> {
    let solved = Bases::new(scenario, options, true)?;
    let work: Vec<(usize, Option<usize>)> = scenario
        .sessions
        .iter()
        .enumerate()
        .map(|(s, session)| (s, solved.regions.of_session(scenario, session)))
        .collect();
    let values = parallel::map(work, |(s, region)| {
        let id = scenario.sessions[s].id.clone();
        let Some(r) = region else {
            return Ok(SeatValue { session: id, value: 0.0, serves: None, exact: true });
        };
        let (base, plan, base_proven) = &solved.bases[r];
        let mut changed = base.clone();
        if let Some(session) = changed.sessions.iter_mut().find(|x| x.id == id) {
            session.seats += 1;
        }
        let after = solved.solve(changed, options)?;
        let after_proven = proven(&after);
        let (before_seats, after_seats) = (seats(plan), seats(&after));
        let serves = base
            .needs
            .iter()
            .filter(|n| after_seats.get(&n.id).copied().unwrap_or(0) > before_seats.get(&n.id).copied().unwrap_or(0))
            .max_by(|a, b| a.priority.cmp(&b.priority).then(b.id.as_str().cmp(a.id.as_str())))
            .map(|n| Served { need: n.id.clone(), state: n.state.clone(), priority: n.priority });
        let value = objective::round6(after.objective - plan.objective).max(0.0);
        Ok(SeatValue { session: id, value, serves, exact: *base_proven && after_proven })
    });
    values.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{scenario, Scale, Variant};

    /// No time limit: with one, pricing stops by the clock, and on a busy machine (tests run
    /// side by side on one pool) a re-solve may stop at another of its block's optima.
    fn options() -> Options {
        Options::default()
    }

    /// The fixes found with the blocks a change leaves taken again are the fixes found
    /// solving every block of every change, and some blocks were taken again.
    fn same_fixes_with_and_without_reuse(what: &str, scenario: &Scenario) {
        let (reused, count) = fixes_counted(scenario, &options(), true).expect("fixes with reuse");
        let (solved, none) = fixes_counted(scenario, &options(), false).expect("fixes without reuse");
        assert!(reused.iter().any(|fix| !fix.changes.is_empty()), "{what}: no need has a fix to compare");
        assert_eq!(reused, solved, "{what}: the fixes differ with the blocks' reuse");
        assert_eq!(none, BlockCount::default(), "{what}: without reuse nothing is kept");
        assert!(
            count.reused > count.solved,
            "{what}: only {} blocks taken again, {} solved",
            count.reused,
            count.solved
        );
    }

    #[test]
    fn the_demos_fixes_are_the_same_with_each_block_solved_once() {
        let demo = Scenario::from_json(include_str!("../../data/demo-2027.json")).expect("the demo parses");
        same_fixes_with_and_without_reuse("demo", &demo);
    }

    #[test]
    fn a_budgeted_regions_fixes_are_the_same_with_each_block_solved_once() {
        same_fixes_with_and_without_reuse("region budget", &scenario(Scale::Region, Variant::Budget, 2027));
    }
}
