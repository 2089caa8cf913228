//! Where to add capacity (SPEC §7): the candidate sessions (every course with a session, every
//! Sunday of the horizon), and the choice of up to K of them that maximises the §3 objective.
//!
//! The objective is a sum over regions (`region.rs`), so each candidate is valued by solving
//! its region alone. In a region that is a pure network (no budget, minimum size or pin) the
//! optimum is submodular in the sessions added (a network's value is M♮-concave in the
//! capacities of its arcs), so "the value now plus the K best single gains" bounds every
//! choice, and branch-and-bound over the candidates proves the best K. A region with budgets,
//! minimum sizes or pins is chosen greedily and bounded through its pure relaxation. The
//! regions' best choices per count are combined exactly (a small knapsack over counts), and
//! the result is re-solved whole, proposal by proposal, for the gains.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration};
use serde::Serialize;

use crate::model::{NeedId, Scenario, Session, SessionId};

use super::compat::{check_rules, Index};
use super::deadline::Deadline;
use super::model::Family;
use super::region::{self, Regions};
use super::{flow, lagrange};
use super::{parallel, Options, Plan, SolveError, Status, DEFAULT_TIME_LIMIT};

/// The `format` tag of a recommendation file.
pub const RECOMMENDATION_FORMAT: &str = "qudra-recommendation";

/// How many sessions a recommendation proposes unless told otherwise.
pub const DEFAULT_SESSIONS: usize = 5;

/// The most sessions one recommendation may propose.
pub const MAX_SESSIONS: usize = 50;

/// Classes of a hard region the greedy choice considers (the best by their gain in the relaxation).
const SCREENED: usize = 24;

/// Seconds each solve of a hard region may take while choosing (the proposals are then
/// solved with the full time limit).
const HARD_SOLVE_SECONDS: f64 = 0.5;

/// The gap at which a solve of a hard region stops while choosing.
const HARD_SOLVE_GAP: f64 = 1e-3;

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
        let (pure, deadline) = (self.pure, self.deadline);
        let solved = parallel::map(missing.clone(), |set| {
            let mut scenario = base.clone();
            scenario.sessions.extend(set.iter().map(|&i| items[i].clone()));
            if pure {
                // A pure network: its flow is its optimum, without the plan around it.
                let index = Index::new(&scenario);
                let flow = flow::solve(&index, &vec![0.0; index.pairs.len()], deadline);
                Ok((flow.value, flow.complete))
            } else {
                region::solve_proven(&scenario, &options).map(|(plan, proven)| (plan.objective, proven))
            }
        });
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
/// branch-and-bound, so the candidates are first ranked by their gain in the region's pure
/// relaxation (network flows, fast), and the choice is made greedily among the best
/// `SCREENED` classes, each valued by a short solve before it is taken (those gains are its
/// first estimates). The relaxation bounds every choice: its value plus its best single gains
/// (submodular); so do the budgets priced instead of dropped (`priced_bound`), tighter when
/// budgets bind. Not proven: the status stays `time_limit`.
fn choose_in_hard_region(
    base: &Scenario,
    classes: &[&Class],
    k: usize,
    options: &Options,
    deadline: Deadline,
) -> Result<(Items, RegionChoice), SolveError> {
    let relaxed_firsts: Vec<Session> =
        classes.iter().map(|c| Session { min_participants: 0, ..c.sessions[0].clone() }).collect();
    let mut relaxed = Evaluator::new(region::relaxed(base), relaxed_firsts, options, deadline);
    let relaxed_start = relaxed.value(&[])?;
    let relaxed_singles: Vec<f64> = relaxed
        .values((0..classes.len()).map(|c| vec![c]).collect())?
        .iter()
        .map(|v| (v - relaxed_start).max(0.0))
        .collect();
    let copies: Vec<f64> = classes
        .iter()
        .zip(&relaxed_singles)
        .flat_map(|(class, &gain)| std::iter::repeat_n(gain, class.sessions.len()))
        .collect();
    let mut bound: Vec<f64> = (0..=k)
        .map(|count| if relaxed.proven { plus_best(relaxed_start, &copies, count) } else { full_service(base) })
        .collect();
    if let Some(priced) = priced_bound(base, classes, k) {
        bound.iter_mut().zip(priced).for_each(|(bound, priced)| *bound = bound.min(priced));
    }

    let mut ranked: Vec<usize> = (0..classes.len()).filter(|&c| relaxed_singles[c] > 0.0).collect();
    ranked.sort_by(|&a, &b| relaxed_singles[b].total_cmp(&relaxed_singles[a]).then(a.cmp(&b)));
    ranked.truncate(SCREENED);
    let screened: Vec<&Class> = ranked.iter().map(|&c| classes[c]).collect();
    let screened_gains: Vec<f64> = ranked.iter().map(|&c| relaxed_singles[c]).collect();
    let items = items_of(&screened, &screened_gains);
    let quick = Options { time_limit: Some(HARD_SOLVE_SECONDS), gap: HARD_SOLVE_GAP, ..options.clone() };
    let mut evaluator = Evaluator::new(base.clone(), items.sessions.clone(), &quick, deadline);
    let start = evaluator.value(&[])?;
    let best = greedy(&mut evaluator, &items, start, k)?;
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

/// A tighter bound for a region with budgets: the budgets priced (at the prices that bound
/// the region best without candidates, from `lagrange.rs`) instead of imposed, minimum sizes
/// and pins dropped. For any prices `>= 0` that is a network whose value bounds the region's
/// optimum with any sessions added, and is submodular in them: its value plus its `count`
/// best single gains bounds every choice of `count`. `None` when pricing found nothing.
fn priced_bound(base: &Scenario, classes: &[&Class], k: usize) -> Option<Vec<f64>> {
    let relaxed = region::without_minimums_or_pins(base);
    let prices = {
        let index = Index::new(&relaxed);
        lagrange::solve(&index, &Family::ALL, Deadline::after(Some(PRICING_SECONDS)))?.prices
    };
    let dual: f64 =
        relaxed.states.iter().zip(&prices).map(|(state, price)| price * state.budget.unwrap_or(0) as f64).sum();
    let value = |scenario: &Scenario| -> Option<f64> {
        let index = Index::new(scenario);
        let price: Vec<f64> = index
            .pairs
            .iter()
            .map(|pair| index.payer(pair).map_or(0.0, |k| prices[k] * index.session(pair.session).cost_per_seat as f64))
            .collect();
        let flow = flow::solve(&index, &price, Deadline::after(None));
        flow.complete.then_some(flow.value + dual)
    };
    let start = value(&relaxed)?;
    let singles = parallel::map(classes.to_vec(), |class| {
        let mut with_one = relaxed.clone();
        with_one.sessions.push(Session { min_participants: 0, ..class.sessions[0].clone() });
        value(&with_one).map(|v| std::iter::repeat_n((v - start).max(0.0), class.sessions.len()).collect::<Vec<f64>>())
    });
    let copies: Vec<f64> = singles.into_iter().collect::<Option<Vec<_>>>()?.concat();
    Some((0..=k).map(|count| plus_best(start, &copies, count)).collect())
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
    let mut best = vec![(start, Vec::new()); k + 1];
    let mut set: Vec<usize> = Vec::new();
    let mut value = start;
    // (estimate, the set size it was computed at) per item.
    let mut estimate: Vec<(f64, usize)> = items.single.iter().map(|&gain| (gain, usize::MAX)).collect();
    while set.len() < k && !evaluator.deadline.passed() {
        let mut open: Vec<usize> = (0..items.sessions.len())
            .filter(|item| !set.contains(item))
            .filter(|&item| items.previous[item].is_none_or(|before| set.contains(&before)))
            .collect();
        open.sort_by(|&a, &b| estimate[b].0.total_cmp(&estimate[a].0).then(a.cmp(&b)));
        let mut chosen = None;
        for &item in &open {
            if estimate[item].1 == set.len() {
                chosen = Some(item);
                break;
            }
            let gain = evaluator.value(&with(&set, item))? - value;
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
        set = with(&set, item);
        value += estimate[item].0;
        for slot in &mut best[set.len()..] {
            *slot = (value, set.clone());
        }
    }
    Ok(best)
}

/// Recommends up to `k` new sessions (SPEC §7). `options.time_limit` bounds the search; each
/// solve inside it gets at most the time left.
pub fn recommend(scenario: &Scenario, k: usize, options: &Options) -> Result<Recommendation, RecommendError> {
    let deadline = Deadline::after(options.time_limit);
    let sub_options = Options { time_limit: Some(DEFAULT_TIME_LIMIT), ..options.clone() };
    let base_plan = super::solve(scenario, &sub_options)?;
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
    let (_, counts) = split(&|r, take| choices[r].2.best[take].0);
    let monotone_bound =
        |r: usize, take: usize| (0..=take).map(|t| choices[r].2.bound[t]).fold(f64::NEG_INFINITY, f64::max);
    let (bound_here, _) = split(&monotone_bound);
    let bound = bound_elsewhere + bound_here;

    // The chosen sessions, ordered by decreasing marginal gain (regions add independently).
    let mut chosen: Vec<(usize, Vec<usize>)> =
        counts.iter().enumerate().map(|(r, &take)| (r, choices[r].2.best[take].1.clone())).collect();
    let mut taken: Vec<Vec<usize>> = vec![Vec::new(); choices.len()];
    let mut ordered: Vec<Session> = Vec::new();
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
        ordered.push(choices[r].1.sessions[item].clone());
    }
    chosen.clear();

    // Gains, trainees and needs from whole solves, proposal by proposal.
    let prefixes: Vec<Scenario> = (1..=ordered.len())
        .map(|count| {
            let mut with_proposals = scenario.clone();
            with_proposals.sessions.extend(ordered[..count].iter().cloned());
            with_proposals
        })
        .collect();
    let plans = parallel::map(prefixes, |with_proposals| super::solve(&with_proposals, &sub_options));
    let mut proposals = Vec::new();
    let mut previous = base_plan.clone();
    for (session, plan) in ordered.into_iter().zip(plans) {
        let plan = plan?;
        let (trainees, rises) = difference(&previous, &plan);
        let (needs, seats) = rises.into_iter().unzip();
        let gain = round6(plan.objective - previous.objective);
        proposals.push(Proposal { session, gain, trainees, needs, seats });
        previous = plan;
    }
    let objective = previous.objective;
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
