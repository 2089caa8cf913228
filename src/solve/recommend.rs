//! Where to add capacity (SPEC §7): the candidate sessions (every course with a session, every
//! Sunday of the horizon), and the choice of up to K of them that maximises the §3 objective.
//!
//! The objective is a sum over regions (`region.rs`), so each candidate is valued by solving
//! its region alone. In a region that is a pure network (no budget, minimum size or pin) the
//! optimum is submodular in the sessions added (a network's value is M♮-concave in the
//! capacities of its arcs), so "the value now plus the K best single gains" bounds every
//! choice, and branch-and-bound over the candidates proves the best K. A region with budgets,
//! minimum sizes or pins is chosen by a lazy greedy led and bounded by its budgets priced
//! (flows only), which solves only the few candidates that could be the best. The regions'
//! best choices per count are combined exactly (a small knapsack over counts), and each
//! touched region is re-solved, proposal by proposal, for the gains.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration};
use serde::Serialize;

use crate::model::{NeedId, Scenario, Session, SessionId};

use super::compat::{check_rules, Index};
use super::deadline::{Deadline, Stopwatch};
use super::model::Family;
use super::region::{self, Group, Regions};
use super::{flow, lagrange, reuse};
use super::{parallel, Options, Plan, SolveError, Status, DEFAULT_TIME_LIMIT};

/// The `format` tag of a recommendation file.
pub const RECOMMENDATION_FORMAT: &str = "qudra-recommendation";

/// How many sessions a recommendation proposes unless told otherwise.
pub const DEFAULT_SESSIONS: usize = 5;

/// The most sessions one recommendation may propose.
pub const MAX_SESSIONS: usize = 50;

/// Seconds each solve of a hard region may take while choosing (the proposals are then
/// solved with the full time limit). Within them it goes to a proven optimum, not to a gap:
/// a gap of 0.1 % of a region is as large as the gains being compared (on the demo it chose
/// a set 10 points worse), and its budget blocks prove in milliseconds now.
const HARD_SOLVE_SECONDS: f64 = 0.5;

/// Region solves one branch-and-bound may spend before it settles for its bound.
const SEARCH_EVALUATIONS: usize = 20_000;

/// The recommendation (SPEC §7).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub format: String,
    pub version: u32,
    pub scenario: String,
    pub base_objective: f64,
    pub objective: f64,
    pub bound: f64,
    pub status: Status,
    pub proposals: Vec<Proposal>,
    /// Where the time went (for the benchmarks; not written to the recommendation file).
    #[serde(skip)]
    pub timings: Timings,
}

/// Milliseconds each phase of a recommendation took, and how many region solves choosing
/// made: what `bench --recommend` and the wasm benchmark print.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timings {
    /// Solving the scenario as it is (the base objective).
    pub base_ms: f64,
    /// The candidates, their classes and each region's choice (pricing, search, bounds).
    pub choose_ms: f64,
    /// Ordering the chosen sessions by their marginal gains.
    pub order_ms: f64,
    /// The final solves of the touched regions for each prefix of the proposals.
    pub prefix_ms: f64,
    /// Region solves made while choosing and ordering.
    pub region_solves: usize,
}

/// One proposed session and what it adds, given the proposals before it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub session: Session,
    pub gain: f64,
    /// How many more trainees get a seat with this proposal added.
    pub trainees: i64,
    /// The needs whose seats rise.
    pub needs: Vec<NeedId>,
    /// How many seats each of those needs gains, in the order of `needs` (for a screen that
    /// shows who gains; not written to the recommendation file, whose format SPEC §7 fixes).
    #[serde(skip)]
    pub seats: Vec<i64>,
}

impl Recommendation {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why no recommendation could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecommendError {
    #[error(transparent)]
    Solve(#[from] SolveError),
    #[error("the scenario has no horizon: candidate sessions start on the Sundays of the horizon; add one")]
    NoHorizon,
}

/// Every candidate session of SPEC §7, by course then date. A candidate whose id an existing
/// session already has (a recommendation added before) is left out.
pub fn candidates(scenario: &Scenario) -> Result<Vec<Session>, RecommendError> {
    let horizon = scenario.horizon.ok_or(RecommendError::NoHorizon)?;
    let existing: BTreeSet<&str> = scenario.sessions.iter().map(|s| s.id.as_str()).collect();
    let first_sunday =
        horizon.start + Duration::days(i64::from((7 - horizon.start.weekday().num_days_from_sunday()) % 7));
    let mut out = Vec::new();
    for course in &scenario.courses {
        let template =
            scenario.sessions.iter().filter(|s| s.course == course.id).min_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
        let Some(template) = template else { continue };
        let length = template.end - template.start;
        let mut day = first_sunday;
        while day + length <= horizon.end {
            let id = format!("{}-R{}", course.id, day.format("%Y%m%d"));
            if !existing.contains(id.as_str()) {
                out.push(Session {
                    id: SessionId::new(id),
                    course: course.id.clone(),
                    start: day,
                    end: day + length,
                    open_to: None,
                    ..template.clone()
                });
            }
            day += Duration::days(7);
        }
    }
    Ok(out)
}

/// Candidates with the same course and the same compatible needs add the same: one class,
/// its sessions in date order (at most K: no choice takes more).
struct Class {
    region: usize,
    sessions: Vec<Session>,
}

fn classes(scenario: &Scenario, regions: &Regions, candidates: Vec<Session>, k: usize) -> Vec<Class> {
    let mut needs_of: BTreeMap<(&str, i64), Vec<usize>> = BTreeMap::new();
    for (n, need) in scenario.needs.iter().enumerate() {
        needs_of.entry((need.skill.as_str(), need.level)).or_default().push(n);
    }
    let mut by_key: BTreeMap<(String, Vec<usize>), Class> = BTreeMap::new();
    for candidate in candidates {
        let Some(course) = scenario.course(&candidate.course) else { continue };
        let Some(region) = regions.of(&course.skill, course.level) else { continue };
        let compatible: Vec<usize> = needs_of
            .get(&(course.skill.as_str(), course.level))
            .map(|needs| {
                needs
                    .iter()
                    .copied()
                    .filter(|&n| {
                        let need = &scenario.needs[n];
                        scenario
                            .state(&need.state)
                            .is_some_and(|state| check_rules(scenario, need, state, course, &candidate).is_none())
                    })
                    .collect()
            })
            .unwrap_or_default();
        if compatible.is_empty() {
            continue;
        }
        let class = by_key
            .entry((course.id.as_str().to_string(), compatible))
            .or_insert_with(|| Class { region, sessions: Vec::new() });
        if class.sessions.len() < k {
            class.sessions.push(candidate);
        }
    }
    by_key.into_values().collect()
}

/// Values a region with a set of added sessions (item numbers), remembering each set.
struct Evaluator {
    base: Scenario,
    items: Vec<Session>,
    cache: BTreeMap<Vec<usize>, f64>,
    options: Options,
    deadline: Deadline,
    proven: bool,
    evaluations: usize,
    pure: bool,
    /// The blocks solved so far (a region that is no pure network).
    solved: reuse::Solved,
}

impl Evaluator {
    /// Values are solves of the scenario with the sets added; `pure` (no budget, minimum or pin
    /// in the scenario or the items) values them as network flows.
    fn new(base: Scenario, items: Vec<Session>, options: &Options, deadline: Deadline) -> Evaluator {
        let pure = region::is_pure(&base) && items.iter().all(|s| s.min_participants == 0);
        Evaluator {
            base,
            items,
            cache: BTreeMap::new(),
            options: options.clone(),
            deadline,
            proven: true,
            evaluations: 0,
            pure,
            solved: reuse::Solved::default(),
        }
    }

    /// The objective with each set's sessions added, solved in parallel.
    fn values(&mut self, sets: Vec<Vec<usize>>) -> Result<Vec<f64>, SolveError> {
        let missing: Vec<Vec<usize>> = sets
            .iter()
            .filter(|set| !self.cache.contains_key(*set))
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let most = self.options.time_limit.unwrap_or(DEFAULT_TIME_LIMIT).min(DEFAULT_TIME_LIMIT);
        let limit = self.deadline.left().map_or(most, |left| left.clamp(0.001, most));
        let options = Options { time_limit: Some(limit), ..self.options.clone() };
        let (base, items) = (&self.base, &self.items);
        let scenario_of = |set: &Vec<usize>| {
            let mut scenario = base.clone();
            scenario.sessions.extend(set.iter().map(|&i| items[i].clone()));
            scenario
        };
        let solved: Vec<Result<(f64, bool), SolveError>> = if self.pure {
            let deadline = self.deadline;
            parallel::map(missing.clone(), |set| {
                // A pure network: its flow is its optimum, without the plan around it.
                let scenario = scenario_of(&set);
                let index = Index::new(&scenario);
                let flow = flow::solve(&index, &vec![0.0; index.pairs.len()], deadline);
                Ok((flow.value, flow.complete))
            })
        } else {
            // The blocks a set leaves as they are were solved before: only its own are solved.
            let scenarios: Vec<Scenario> = missing.iter().map(scenario_of).collect();
            let plans = self.solved.solve_all(&scenarios, &options);
            plans.into_iter().map(|plan| plan.map(|plan| (plan.objective, plan.status == Status::Optimal))).collect()
        };
        for (set, result) in missing.into_iter().zip(solved) {
            let (value, proven) = result?;
            self.proven &= proven;
            self.evaluations += 1;
            self.cache.insert(set, value);
        }
        Ok(sets.iter().map(|set| self.cache.get(set).copied().unwrap_or(f64::NEG_INFINITY)).collect())
    }

    fn value(&mut self, set: &[usize]) -> Result<f64, SolveError> {
        Ok(self.values(vec![set.to_vec()])?.first().copied().unwrap_or(f64::NEG_INFINITY))
    }

    fn out_of_budget(&self) -> bool {
        self.deadline.passed() || self.evaluations >= SEARCH_EVALUATIONS
    }
}

/// Below this share of a value, a difference is rounding.
fn tolerance(value: f64) -> f64 {
    1e-9 * value.abs().max(1.0)
}

/// A sorted set with one item more.
fn with(set: &[usize], item: usize) -> Vec<usize> {
    let mut next = set.to_vec();
    next.push(item);
    next.sort_unstable();
    next
}

/// The best value found with at most k items, for each k, and a bound on it.
struct RegionChoice {
    best: Vec<(f64, Vec<usize>)>,
    bound: Vec<f64>,
    /// The region's solves so far (the order of the proposals reuses them).
    evaluator: Evaluator,
}

/// The items of a region: each class's sessions, sorted by decreasing single gain (copies of a
/// class together, in date order), with each one's single gain.
struct Items {
    sessions: Vec<Session>,
    single: Vec<f64>,
    /// The item that must be chosen before this one (the earlier copy of its class).
    previous: Vec<Option<usize>>,
}

impl Items {
    /// The items that may join `set`: not in it, their earlier copy in it.
    fn open(&self, set: &[usize]) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|item| !set.contains(item))
            .filter(|&item| self.previous[item].is_none_or(|before| set.contains(&before)))
            .collect()
    }
}

fn items_of(classes: &[&Class], singles: &[f64]) -> Items {
    let mut order: Vec<usize> = (0..classes.len()).filter(|&c| singles[c] > tolerance(singles[c])).collect();
    order.sort_by(|&a, &b| singles[b].total_cmp(&singles[a]).then(a.cmp(&b)));
    let mut items = Items { sessions: Vec::new(), single: Vec::new(), previous: Vec::new() };
    for c in order {
        for (copy, session) in classes[c].sessions.iter().enumerate() {
            items.previous.push((copy > 0).then(|| items.sessions.len() - 1));
            items.sessions.push(session.clone());
            items.single.push(singles[c]);
        }
    }
    items
}

/// `value` plus the sum of the largest `count` of `gains`.
fn plus_best(value: f64, gains: &[f64], count: usize) -> f64 {
    let mut sorted = gains.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    value + sorted.iter().take(count).sum::<f64>()
}

/// Branch-and-bound over the items of a pure region: every set in increasing item order,
/// a subtree cut when the submodular bound (its value plus its best marginal gains) cannot
/// beat the best set of any size still open. Exact unless the evaluations run out.
struct Search<'e> {
    evaluator: &'e mut Evaluator,
    previous: Vec<Option<usize>>,
    k: usize,
    best: Vec<(f64, Vec<usize>)>,
    complete: bool,
}

impl Search<'_> {
    fn record(&mut self, set: &[usize], value: f64) {
        for size in set.len()..=self.k {
            if value > self.best[size].0 + tolerance(value) {
                self.best[size] = (value, set.to_vec());
            }
        }
    }

    /// `gains`: (item, upper bound of its marginal gain here) for the items after the set's last.
    fn branch(&mut self, set: &mut Vec<usize>, value: f64, gains: &[(usize, f64)]) -> Result<(), SolveError> {
        self.record(set, value);
        let size = set.len();
        if size == self.k || gains.is_empty() {
            return Ok(());
        }
        let estimates: Vec<f64> = gains.iter().map(|&(_, gain)| gain).collect();
        let promising = (size + 1..=self.k).any(|target| {
            let bound = plus_best(value, &estimates, target - size);
            bound > self.best[target].0 + tolerance(bound)
        });
        if !promising {
            return Ok(());
        }
        if self.evaluator.out_of_budget() {
            self.complete = false;
            return Ok(());
        }
        // A child is valued only if, with its gain at its estimate, it could still beat a best.
        let allowed: Vec<usize> = gains
            .iter()
            .filter(|&&(item, _)| self.previous[item].is_none_or(|before| set.last() == Some(&before)))
            .filter(|&&(item, estimate)| {
                let rest: Vec<f64> = gains.iter().filter(|&&(other, _)| other > item).map(|&(_, e)| e).collect();
                (size + 1..=self.k).any(|target| {
                    let bound = plus_best(value + estimate, &rest, target - size - 1);
                    bound > self.best[target].0 + tolerance(bound)
                })
            })
            .map(|&(item, _)| item)
            .collect();
        let values = self.evaluator.values(allowed.iter().map(|&item| with(set, item)).collect())?;
        let marginal: Vec<(usize, f64)> = allowed
            .iter()
            .zip(values)
            .map(|(&item, next)| (item, next - value))
            .filter(|&(_, gain)| gain > tolerance(value))
            .collect();
        for &(item, gain) in &marginal {
            // What may still be added below this child: items with a known marginal gain, and
            // later copies of a class whose earlier copy is in or may come (their gain is at
            // most that copy's: the same session once more).
            let mut later: Vec<(usize, f64)> = Vec::new();
            for &(other, estimate) in gains.iter().filter(|&&(other, _)| other > item) {
                let exact = marginal.iter().find(|&&(m, _)| m == other).map(|&(_, g)| g);
                let entry = match (exact, self.previous[other]) {
                    (Some(g), _) => Some(g),
                    (None, Some(before)) if before == item => Some(gain.min(estimate)),
                    (None, Some(before)) => later.iter().find(|&&(l, _)| l == before).map(|&(_, g)| g.min(estimate)),
                    (None, None) => None,
                };
                if let Some(entry) = entry {
                    later.push((other, entry));
                }
            }
            set.push(item);
            self.branch(set, value + gain, &later)?;
            set.pop();
        }
        Ok(())
    }
}

/// The best choice of up to `k` items in one region, and a bound per count.
fn choose_in_region(
    base: &Scenario,
    classes: &[&Class],
    k: usize,
    options: &Options,
    deadline: Deadline,
) -> Result<(Items, RegionChoice), SolveError> {
    let pure = region::is_pure(base) && classes.iter().all(|c| c.sessions.iter().all(|s| s.min_participants == 0));
    if !pure {
        return choose_in_hard_region(base, classes, k, options, deadline);
    }
    let firsts: Vec<Session> = classes.iter().map(|c| c.sessions[0].clone()).collect();
    let classes_len = firsts.len();
    let mut probe = Evaluator::new(base.clone(), firsts, options, deadline);
    let start = probe.value(&[])?;
    let singles: Vec<f64> =
        probe.values((0..classes_len).map(|c| vec![c]).collect())?.iter().map(|v| v - start).collect();
    let items = items_of(classes, &singles);
    let mut evaluator = Evaluator::new(base.clone(), items.sessions.clone(), options, deadline);
    evaluator.cache.insert(Vec::new(), start);
    // The greedy choice first: a good best set from the start cuts most of the tree.
    let best = greedy(&mut evaluator, &items, start, k)?;
    let gains: Vec<(usize, f64)> = items.single.iter().copied().enumerate().collect();
    let mut search = Search { evaluator: &mut evaluator, previous: items.previous.clone(), k, best, complete: true };
    search.branch(&mut Vec::new(), start, &gains)?;
    let (best, complete) = (search.best, search.complete);
    // Values from solves the deadline cut short bound nothing: then only serving every need
    // in full does.
    let exact = complete && probe.proven && evaluator.proven;
    let bound: Vec<f64> = (0..=k)
        .map(|count| match (exact, probe.proven) {
            (true, _) => best[count].0,
            (false, true) => plus_best(start, &items.single, count),
            (false, false) => full_service(base),
        })
        .collect();
    Ok((items, RegionChoice { best, bound, evaluator }))
}

/// A region with budgets, minimum sizes or pins: each of its solves may need
/// branch-and-bound, so the choice is a lazy greedy that solves as few candidates as it can.
/// The region's budgets priced at fixed prices (`Priced`) give, in milliseconds, a value
/// that bounds the region's optimum with any sessions added: a candidate's priced gain with
/// the set so far bounds its true gain (up to the set's priced gap). Each step solves only
/// the candidates whose priced gain could beat the best gain solved so far, highest first,
/// and takes that best once it is at least every priced gain left (`priced_greedy`). The
/// same priced network bounds every choice: its value plus its best gains (submodular). Not
/// proven: the status stays `time_limit`.
fn choose_in_hard_region(
    base: &Scenario,
    classes: &[&Class],
    k: usize,
    options: &Options,
    deadline: Deadline,
) -> Result<(Items, RegionChoice), SolveError> {
    let priced = Priced::new(base);
    let priced_start = priced.value(&[]);
    let firsts: Vec<&Session> = classes.iter().map(|c| &c.sessions[0]).collect();
    let singles: Vec<Option<f64>> = parallel::map(firsts, |session| priced.value(&[session]));
    let singles: Vec<f64> = match priced_start {
        // A flow that did not complete bounds nothing: the gains are then only an order.
        Some(start) => singles.iter().map(|v| v.map_or(f64::INFINITY, |v| (v - start).max(0.0))).collect(),
        None => vec![f64::INFINITY; classes.len()],
    };
    let bound: Vec<f64> = match priced_start {
        Some(start) if singles.iter().all(|g| g.is_finite()) => priced.bound(start, classes, &singles, k),
        _ => vec![full_service(base); k + 1],
    };
    let items = items_of(classes, &singles);
    let quick = Options { time_limit: Some(HARD_SOLVE_SECONDS), ..options.clone() };
    let mut evaluator = Evaluator::new(base.clone(), items.sessions.clone(), &quick, deadline);
    let start = evaluator.value(&[])?;
    let best = priced_greedy(&mut evaluator, &priced, &items, start, k)?;
    Ok((items, RegionChoice { best, bound, evaluator }))
}

/// The objective if every need of the scenario were served in full at no cost: a bound on
/// any choice, whatever is added.
fn full_service(scenario: &Scenario) -> f64 {
    let settings = &scenario.settings;
    scenario
        .needs
        .iter()
        .map(|need| {
            let weight = settings.priority_weights.get((need.priority - 1).max(0) as usize).copied().unwrap_or(0.0);
            weight * (need.trainees as f64 + settings.equity_bonus * ((need.trainees + 1) / 2) as f64)
        })
        .sum()
}

/// Seconds pricing a hard region's budgets may take.
const PRICING_SECONDS: f64 = 2.0;

/// Classes whose copies' priced gains are valued one by one for the bound (the others count
/// their single gain for every copy).
const BOUND_CLASSES: usize = 12;

/// A hard region with its budgets priced (at the prices that bound the region best without
/// candidates, from `lagrange.rs`; none when pricing found nothing) instead of imposed, and
/// its minimum sizes and pins dropped. For any prices `>= 0` that is a network whose value
/// plus the prices times the budgets bounds the region's optimum with any sessions added,
/// and is submodular in them. With the budgets priced, nothing links one skill and level to
/// another: each is a network of its own, so a candidate is valued by its own group's flow.
struct Priced {
    /// Each skill and level's network (its needs, courses and sessions), and its value.
    groups: Vec<(Group, Scenario, Option<f64>)>,
    prices: Vec<f64>,
    /// The prices times the budgets.
    dual: f64,
}

impl Priced {
    fn new(base: &Scenario) -> Priced {
        let relaxed = region::without_minimums_or_pins(base);
        let prices = {
            let index = Index::new(&relaxed);
            // Only the prices are wanted: every round that fits.
            lagrange::solve(&index, &Family::ALL, Deadline::after(Some(PRICING_SECONDS)), 1.0)
                .map(|priced| priced.prices)
        }
        .unwrap_or_else(|| vec![0.0; relaxed.states.len()]);
        let dual =
            relaxed.states.iter().zip(&prices).map(|(state, price)| price * state.budget.unwrap_or(0) as f64).sum();
        let keys: BTreeSet<Group> = relaxed.needs.iter().map(|n| (n.skill.clone(), n.level)).collect();
        let mut priced = Priced { groups: Vec::new(), prices, dual };
        let scenarios: Vec<(Group, Scenario)> = keys
            .into_iter()
            .map(|key| {
                let in_group = |skill: &crate::model::SkillId, level: i64| *skill == key.0 && level == key.1;
                let courses: Vec<_> = relaxed.courses.iter().filter(|c| in_group(&c.skill, c.level)).cloned().collect();
                let scenario = Scenario {
                    needs: relaxed.needs.iter().filter(|n| in_group(&n.skill, n.level)).cloned().collect(),
                    sessions: relaxed
                        .sessions
                        .iter()
                        .filter(|s| courses.iter().any(|c| c.id == s.course))
                        .cloned()
                        .collect(),
                    courses,
                    ..relaxed.clone()
                };
                (key, scenario)
            })
            .collect();
        let values = parallel::map(scenarios.iter().map(|(_, scenario)| scenario).collect(), |scenario| {
            priced.flow(scenario, &[])
        });
        priced.groups =
            scenarios.into_iter().zip(values).map(|((key, scenario), value)| (key, scenario, value)).collect();
        priced
    }

    /// The priced flow of one group with `sessions` added (their minimum sizes dropped);
    /// `None` when it did not complete.
    fn flow(&self, group: &Scenario, sessions: &[&Session]) -> Option<f64> {
        let mut scenario = group.clone();
        scenario.sessions.extend(sessions.iter().map(|&s| Session { min_participants: 0, ..s.clone() }));
        let index = Index::new(&scenario);
        let price: Vec<f64> = index
            .pairs
            .iter()
            .map(|pair| {
                index.payer(pair).map_or(0.0, |k| self.prices[k] * index.session(pair.session).cost_per_seat as f64)
            })
            .collect();
        let flow = flow::solve(&index, &price, Deadline::after(None));
        flow.complete.then_some(flow.value)
    }

    /// The bound with `sessions` added: each group's flow, the touched ones solved again.
    /// `None` when a flow did not complete.
    fn value(&self, sessions: &[&Session]) -> Option<f64> {
        let mut total = self.dual;
        for (key, scenario, value) in &self.groups {
            let touched: Vec<&Session> = sessions
                .iter()
                .copied()
                .filter(|s| scenario.course(&s.course).is_some_and(|c| c.skill == key.0 && c.level == key.1))
                .collect();
            total += if touched.is_empty() { (*value)? } else { self.flow(scenario, &touched)? };
        }
        Some(total)
    }

    /// A bound per count on every choice: the value without candidates plus the best
    /// increments, where a class's copies add what the priced network gives them one after
    /// another (diminishing: submodular) for the classes of largest single gain, and their
    /// single gain each for the rest.
    fn bound(&self, start: f64, classes: &[&Class], singles: &[f64], k: usize) -> Vec<f64> {
        let mut order: Vec<usize> = (0..classes.len()).collect();
        order.sort_by(|&a, &b| singles[b].total_cmp(&singles[a]).then(a.cmp(&b)));
        let refined: Vec<usize> =
            order.iter().copied().filter(|&c| classes[c].sessions.len() > 1).take(BOUND_CLASSES).collect();
        let copies = parallel::map(refined.clone(), |c| {
            let sessions: Vec<&Session> = classes[c].sessions.iter().collect();
            (2..=sessions.len()).map(|count| self.value(&sessions[..count])).collect::<Option<Vec<f64>>>()
        });
        let mut increments: Vec<f64> = Vec::new();
        for (c, class) in classes.iter().enumerate() {
            let exact = refined.iter().position(|&r| r == c).and_then(|i| copies[i].as_ref());
            match exact {
                Some(values) => {
                    let mut before = start + singles[c];
                    increments.push(singles[c]);
                    for &value in values {
                        increments.push((value - before).max(0.0));
                        before = before.max(value);
                    }
                }
                None => increments.extend(std::iter::repeat_n(singles[c], class.sessions.len())),
            }
        }
        (0..=k).map(|count| plus_best(start, &increments, count)).collect()
    }
}

/// Candidates a step of `priced_greedy` bounds with their exact priced value at once.
const REFRESHED: usize = 8;

/// Candidates a step of `priced_greedy` solves at most before it takes the best solved.
const VERIFIED: usize = 8;

/// What a greedy choice holds as it goes (`priced_greedy` and `greedy`): the set so far, its
/// value, and the best set of each size up to `k` (the last set taken, for every size from its
/// own up).
struct Greedy {
    set: Vec<usize>,
    value: f64,
    best: Vec<(f64, Vec<usize>)>,
}

impl Greedy {
    fn new(start: f64, k: usize) -> Greedy {
        Greedy { set: Vec::new(), value: start, best: vec![(start, Vec::new()); k + 1] }
    }

    /// True while the set has room for another item and the search has time left.
    fn going(&self, evaluator: &Evaluator) -> bool {
        self.set.len() + 1 < self.best.len() && !evaluator.deadline.passed()
    }

    /// Takes `item`, which adds `gain` to the value.
    fn take(&mut self, item: usize, gain: f64) {
        self.set = with(&self.set, item);
        self.value += gain;
        for slot in &mut self.best[self.set.len()..] {
            *slot = (self.value, self.set.clone());
        }
    }
}

/// Lazy greedy led by the priced network: a candidate's priced gain with the set so far
/// (its priced value with the set less the set's) bounds its true gain from above, up to
/// the set's priced gap (the priced value less the solved value of the set), and priced
/// gains only shrink as the set grows (submodular), so an older one bounds too and is
/// refreshed (a flow of its skill and level) only when it could matter. Each step solves
/// the candidates (the region's branch-and-bound, as many at once as there are workers),
/// highest priced gain first, until the best solved gain is at least every priced gain left
/// (or `VERIFIED` are solved), and takes that best: a step loses at most the set's priced
/// gap against the best single addition. The best set of each size along the way.
fn priced_greedy(
    evaluator: &mut Evaluator,
    priced: &Priced,
    items: &Items,
    start: f64,
    k: usize,
) -> Result<Vec<(f64, Vec<usize>)>, SolveError> {
    let mut state = Greedy::new(start, k);
    let session_refs = |set: &[usize]| -> Vec<&Session> { set.iter().map(|&i| &items.sessions[i]).collect() };
    let mut priced_now = priced.value(&[]);
    // Each item's priced gain, and whether it was computed with the set as it is now.
    let mut marginal: Vec<(f64, bool)> = items.single.iter().map(|&gain| (gain, false)).collect();
    let workers = parallel::workers().max(1);
    while state.going(evaluator) {
        let (set, value) = (&state.set, state.value);
        let open = items.open(set);
        let mut solved: Vec<(usize, f64)> = Vec::new();
        loop {
            let top = solved.iter().map(|&(_, gain)| gain).fold(f64::NEG_INFINITY, f64::max);
            let mut contenders: Vec<usize> = open
                .iter()
                .copied()
                .filter(|item| solved.iter().all(|(s, _)| s != item))
                .filter(|&item| marginal[item].0 > top + tolerance(value))
                .collect();
            contenders.sort_by(|&a, &b| marginal[b].0.total_cmp(&marginal[a].0).then(a.cmp(&b)));
            if contenders.is_empty() || solved.len() >= VERIFIED || evaluator.deadline.passed() {
                break;
            }
            // Refresh the stale priced gains among the first contenders, then look again.
            let stale: Vec<usize> =
                contenders.iter().copied().take(REFRESHED).filter(|&item| !marginal[item].1).collect();
            if let (false, Some(now)) = (stale.is_empty(), priced_now) {
                let values = parallel::map(stale.clone(), |item| priced.value(&session_refs(&with(set, item))));
                for (item, next) in stale.into_iter().zip(values) {
                    // A flow that did not complete: the old bound stands.
                    marginal[item] = (next.map_or(marginal[item].0, |next| (next - now).max(0.0)), true);
                }
                continue;
            }
            let batch: Vec<usize> = contenders.iter().copied().take(workers.min(VERIFIED - solved.len())).collect();
            let values = evaluator.values(batch.iter().map(|&item| with(set, item)).collect())?;
            solved.extend(batch.into_iter().zip(values).map(|(item, next)| (item, next - value)));
        }
        let Some(&(item, gain)) = solved.iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0))) else {
            break;
        };
        if gain <= tolerance(value) {
            break;
        }
        state.take(item, gain);
        priced_now = match (priced_now, marginal[item]) {
            (Some(now), (gain, true)) => Some(now + gain),
            _ => priced.value(&session_refs(&state.set)),
        };
        marginal.iter_mut().for_each(|entry| entry.1 = false);
    }
    Ok(state.best)
}

/// Lazy greedy: the item of largest marginal gain, re-valued only when its last value is
/// out of date; the best set of each size along the way. `items.single` are the first
/// estimates (the relaxation's gains: each is valued before it is taken).
fn greedy(
    evaluator: &mut Evaluator,
    items: &Items,
    start: f64,
    k: usize,
) -> Result<Vec<(f64, Vec<usize>)>, SolveError> {
    let mut state = Greedy::new(start, k);
    // (estimate, the set size it was computed at) per item.
    let mut estimate: Vec<(f64, usize)> = items.single.iter().map(|&gain| (gain, usize::MAX)).collect();
    while state.going(evaluator) {
        let (set, value) = (&state.set, state.value);
        let mut open = items.open(set);
        open.sort_by(|&a, &b| estimate[b].0.total_cmp(&estimate[a].0).then(a.cmp(&b)));
        let mut chosen = None;
        for &item in &open {
            if estimate[item].1 == set.len() {
                chosen = Some(item);
                break;
            }
            let gain = evaluator.value(&with(set, item))? - value;
            estimate[item] = (gain, set.len());
            let next_best =
                open.iter().filter(|&&o| o != item).map(|&o| estimate[o].0).fold(f64::NEG_INFINITY, f64::max);
            if gain >= next_best {
                chosen = Some(item);
                break;
            }
        }
        let Some(item) =
            chosen.or_else(|| open.iter().copied().max_by(|&a, &b| estimate[a].0.total_cmp(&estimate[b].0)))
        else {
            break;
        };
        if estimate[item].0 <= tolerance(value) {
            break;
        }
        state.take(item, estimate[item].0);
    }
    Ok(state.best)
}

/// Recommends up to `k` new sessions (SPEC §7). `options.time_limit` bounds the search; each
/// solve inside it gets at most the time left.
pub fn recommend(scenario: &Scenario, k: usize, options: &Options) -> Result<Recommendation, RecommendError> {
    let deadline = Deadline::after(options.time_limit);
    let mut timings = Timings::default();
    let mut clock = Stopwatch::start();
    let lap = |clock: &mut Stopwatch| {
        let ms = clock.seconds() * 1e3;
        *clock = Stopwatch::start();
        ms
    };
    let sub_options = Options { time_limit: Some(DEFAULT_TIME_LIMIT), ..options.clone() };
    let base_plan = super::solve(scenario, &sub_options)?;
    timings.base_ms = lap(&mut clock);
    let k = k.min(MAX_SESSIONS);
    let regions = Regions::new(scenario);
    let all = classes(scenario, &regions, candidates(scenario)?, k);

    // Per region with candidates: its items, its best choice and bound per count.
    let mut choices: Vec<(Scenario, Items, RegionChoice)> = Vec::new();
    let mut bound_elsewhere = 0.0;
    for r in 0..regions.count {
        let members: Vec<&Class> = all.iter().filter(|c| c.region == r).collect();
        let base = regions.scenario(scenario, r);
        if members.is_empty() || k == 0 {
            let (plan, _) = region::solve_proven(&base, &sub_options)?;
            bound_elsewhere += plan.bound;
            continue;
        }
        let (items, choice) = choose_in_region(&base, &members, k, options, deadline)?;
        choices.push((base, items, choice));
    }

    // The best split of the k sessions among regions, for the choice and for the bound.
    let split = |value: &dyn Fn(usize, usize) -> f64| -> (f64, Vec<usize>) {
        // table[j]: best total over the regions so far with at most j sessions, and the counts.
        let mut table: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new()); k + 1];
        for r in 0..choices.len() {
            let mut next = vec![(f64::NEG_INFINITY, Vec::new()); k + 1];
            for (j, slot) in next.iter_mut().enumerate() {
                for take in 0..=j {
                    let total = table[j - take].0 + value(r, take);
                    if total > slot.0 {
                        let mut counts = table[j - take].1.clone();
                        counts.push(take);
                        *slot = (total, counts);
                    }
                }
            }
            table = next;
        }
        table.pop().unwrap_or_default()
    };
    timings.choose_ms = lap(&mut clock);
    let (_, counts) = split(&|r, take| choices[r].2.best[take].0);
    let monotone_bound =
        |r: usize, take: usize| (0..=take).map(|t| choices[r].2.bound[t]).fold(f64::NEG_INFINITY, f64::max);
    let (bound_here, _) = split(&monotone_bound);
    let bound = bound_elsewhere + bound_here;

    // The chosen sessions, ordered by decreasing marginal gain (regions add independently).
    let mut chosen: Vec<(usize, Vec<usize>)> =
        counts.iter().enumerate().map(|(r, &take)| (r, choices[r].2.best[take].1.clone())).collect();
    let mut taken: Vec<Vec<usize>> = vec![Vec::new(); choices.len()];
    // (the chosen region it is in, the session), by decreasing gain.
    let mut ordered: Vec<(usize, Session)> = Vec::new();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for (r, items) in &chosen {
            let (_, region_items, choice) = &mut choices[*r];
            // Ordering the few chosen sessions is not cut short by the search's deadline.
            choice.evaluator.deadline = Deadline::after(None);
            let open: Vec<usize> = items
                .iter()
                .copied()
                .filter(|item| !taken[*r].contains(item))
                .filter(|&item| region_items.previous[item].is_none_or(|before| taken[*r].contains(&before)))
                .collect();
            if open.is_empty() {
                continue;
            }
            let mut sets = vec![taken[*r].clone()];
            sets.extend(open.iter().map(|&item| with(&taken[*r], item)));
            let values = choice.evaluator.values(sets)?;
            for (&item, value) in open.iter().zip(&values[1..]) {
                let gain = value - values[0];
                if best.is_none_or(|(top, _, _)| gain > top + tolerance(gain)) {
                    best = Some((gain, *r, item));
                }
            }
        }
        let Some((_, r, item)) = best else { break };
        taken[r] = with(&taken[r], item);
        ordered.push((r, choices[r].1.sessions[item].clone()));
    }
    chosen.clear();
    timings.order_ms = lap(&mut clock);
    timings.region_solves = choices.iter().map(|(_, _, choice)| choice.evaluator.evaluations).sum();

    // Gains, trainees and needs from solving, proposal by proposal, the region it is in with
    // the proposals so far there: the objective is the sum of the regions', and a region
    // solves alone as it does within the whole scenario (its blocks are the same), so only
    // the touched regions are solved again. They get at most the search's time left.
    let prefix_options = Options {
        time_limit: Some(deadline.left().map_or(DEFAULT_TIME_LIMIT, |left| left.clamp(1.0, DEFAULT_TIME_LIMIT))),
        ..options.clone()
    };
    let touched: BTreeSet<usize> = ordered.iter().map(|(r, _)| *r).collect();
    let mut jobs: Vec<Scenario> = touched.iter().map(|&r| choices[r].0.clone()).collect();
    jobs.extend((0..ordered.len()).map(|count| {
        let (r, _) = ordered[count];
        let mut with_proposals = choices[r].0.clone();
        with_proposals.sessions.extend(ordered[..=count].iter().filter(|(o, _)| *o == r).map(|(_, s)| s.clone()));
        with_proposals
    }));
    // A block the proposals leave as it is (most are) is solved once for all the prefixes.
    let mut plans = reuse::Solved::default().solve_all(&jobs, &prefix_options).into_iter();
    let mut previous: BTreeMap<usize, Plan> = BTreeMap::new();
    for &r in &touched {
        previous.insert(r, plans.next().ok_or(SolveError::Solver("a region's solve is missing".into()))??);
    }
    let mut proposals = Vec::new();
    let mut objective = base_plan.objective;
    for ((r, session), plan) in ordered.into_iter().zip(plans) {
        let plan = plan?;
        let before = previous.get(&r).ok_or(SolveError::Solver("a region's solve is missing".into()))?;
        let (trainees, rises) = difference(before, &plan);
        let (needs, seats) = rises.into_iter().unzip();
        let gain = plan.objective - before.objective;
        objective += gain;
        proposals.push(Proposal { session, gain: round6(gain), trainees, needs, seats });
        previous.insert(r, plan);
    }
    timings.prefix_ms = lap(&mut clock);
    let objective = round6(objective);
    let bound = round6(bound).max(objective);
    // Every bound above is valid (values from cut-short solves bound nothing and are not
    // used as bounds), so a bound that meets the objective proves it.
    let status = if bound - objective <= 1e-7 * bound.abs().max(1.0) { Status::Optimal } else { Status::TimeLimit };
    Ok(Recommendation {
        format: RECOMMENDATION_FORMAT.into(),
        version: 1,
        scenario: scenario.title.clone(),
        base_objective: base_plan.objective,
        objective,
        bound: if status == Status::Optimal { objective } else { bound },
        status,
        proposals,
        timings,
    })
}

/// Trainees seated in `after` beyond `before`, and the needs whose seats rose with how many.
fn difference(before: &Plan, after: &Plan) -> (i64, Vec<(NeedId, i64)>) {
    let seats = |plan: &Plan| {
        let mut seats: BTreeMap<NeedId, i64> = BTreeMap::new();
        for allocation in &plan.allocations {
            *seats.entry(allocation.need.clone()).or_default() += allocation.seats;
        }
        seats
    };
    let (old, new) = (seats(before), seats(after));
    let trainees = new.values().sum::<i64>() - old.values().sum::<i64>();
    let needs = new
        .iter()
        .filter_map(|(need, &s)| {
            let rise = s - old.get(need).copied().unwrap_or(0);
            (rise > 0).then(|| (need.clone(), rise))
        })
        .collect();
    (trainees, needs)
}

fn round6(value: f64) -> f64 {
    super::objective::round6(value)
}

/// What HiGHS makes of SPEC §7's choice as one integer program over every candidate at
/// once (feature `highs`): the reference the target compares `recommend` with
/// (`bench --recommend K` prints both). Each candidate is added as a session with a minimum
/// of at least one trainee, so that its `y` says whether it runs, and at most `k` run.
#[cfg(feature = "highs")]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HighsChoice {
    /// The best objective HiGHS found with at most `k` candidates added.
    pub objective: f64,
    /// Its proven bound on any such choice.
    pub bound: f64,
    pub proven: bool,
}

/// See [`HighsChoice`]; `time_limit` in seconds.
#[cfg(feature = "highs")]
pub fn best_choice_by_highs(
    scenario: &Scenario,
    k: usize,
    time_limit: Option<f64>,
) -> Result<HighsChoice, RecommendError> {
    use good_lp::{constraint, Expression};

    use super::engine::{self, Parts};

    let mut all = scenario.clone();
    let first = all.sessions.len();
    all.sessions.extend(candidates(scenario)?.into_iter().map(|mut candidate| {
        candidate.min_participants = candidate.min_participants.max(1);
        candidate
    }));
    let index = Index::new(&all);
    let mut parts = Parts::build(&index, &Family::ALL, true);
    let running: Expression = (first..all.sessions.len()).filter_map(|s| parts.vars.y.get(&s).copied()).sum();
    parts.constraints.push(constraint!(running <= k as f64));
    let solved =
        engine::highs::solve(parts, time_limit, 0.0, None).map_err(|err| SolveError::Solver(err.to_string()))?;
    let bound = if solved.proven { solved.value } else { solved.best_bound.unwrap_or(f64::INFINITY) };
    Ok(HighsChoice { objective: solved.value, bound, proven: solved.proven })
}
