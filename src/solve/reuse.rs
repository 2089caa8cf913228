//! Several scenarios solved together, each block once: scenarios cut from one scenario
//! (`region.rs`) and changed a little — sessions appended (a recommendation's proposals, one
//! prefix after another), or one change made (a fix's seat, cap, window, language, mode or
//! budget, one more seat in a session) — share most of their blocks. A block is kept by a
//! [`Key`] holding everything its model reads, so two blocks with equal keys are the same
//! model and its outcome is taken again instead of solved again. On the demo, the
//! Egypt-budget block that branch-and-bound cannot prove is solved once for the four
//! proposals that leave it as it is, not four times, and once for every fix of a need outside
//! it.
//!
//! Every block is solved as [`super::solve`] solves it (the same strategy and options, the
//! time limit counted from the block's start), and the outcomes are summed as it sums them,
//! so each plan is the one solving that scenario gives.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::model::{NeedId, Scenario, SessionId, StateCode};

use super::blocks::{summed, Model};
use super::compat::Index;
use super::deadline::{Deadline, Stopwatch};
use super::model::Family;
use super::plan::Allocation;
use super::strategy::{self, BlockOutcome};
use super::{parallel, Options, Plan, SolveError};

/// A block's model in full: what `strategy.rs` and everything it calls read of the block
/// (`model.rs`, `flow.rs`, `lagrange.rs`, `knapsack.rs`, `heuristic.rs`, `objective.rs`,
/// `assemble::allocations_of`, `precheck::infeasible_fallback`). Rules 1–7 (skills, levels,
/// languages, modes, windows, blackouts, `open_to`, exclusions) only decide which pairs there
/// are, so the pairs stand for them. Needs and sessions are listed in the scenario's order and
/// pairs name them by their place in these lists, so equal keys also mean the same order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key {
    /// The objective's settings as bits: the priority weights, the equity bonus, the cost
    /// weight.
    settings: Vec<u64>,
    /// Each pair in the index's order: its need and session (places in `needs` and
    /// `sessions`), its pinned seats and its upper bound.
    pairs: Vec<(usize, usize, Option<i64>, i64)>,
    needs: Vec<NeedKey>,
    sessions: Vec<SessionKey>,
    /// The states of the block's needs, in the scenario's order.
    states: Vec<StateKey>,
}

/// What a block's model reads of a need: its id (in the allocations), trainees (the demand row,
/// the equity bonus's half), priority (its weight), and its state (the key's `states` place).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct NeedKey {
    id: NeedId,
    trainees: i64,
    priority: i64,
    state: usize,
}

/// What a block's model reads of a session: its id, seats, cap per state, minimum size and
/// cost per seat.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct SessionKey {
    id: SessionId,
    seats: i64,
    max_per_state: Option<i64>,
    min_participants: i64,
    cost_per_seat: i64,
}

/// What a block's model reads of a state: its place among the scenario's states (the order of
/// its rows), its code and its budget.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct StateKey {
    place: usize,
    code: StateCode,
    budget: Option<i64>,
}

impl Key {
    /// The key of the block of `index` made of `pairs` (in the index's order).
    fn of(index: &Index, pairs: &[usize]) -> Key {
        let scenario = index.scenario;
        let settings = &scenario.settings;
        let mut need_places: Vec<usize> = pairs.iter().map(|&p| index.pairs[p].need).collect();
        need_places.dedup(); // pairs come in need order
        let mut session_places: Vec<usize> = pairs.iter().map(|&p| index.pairs[p].session).collect();
        session_places.sort_unstable();
        session_places.dedup();
        let mut state_places: Vec<usize> = need_places.iter().map(|&n| index.state_of[n]).collect();
        state_places.sort_unstable();
        state_places.dedup();
        let place = |places: &[usize], x: usize| places.binary_search(&x).unwrap_or(usize::MAX);
        Key {
            settings: settings
                .priority_weights
                .iter()
                .chain([&settings.equity_bonus, &settings.cost_weight])
                .map(|x| x.to_bits())
                .collect(),
            pairs: pairs
                .iter()
                .map(|&p| {
                    let pair = &index.pairs[p];
                    (place(&need_places, pair.need), place(&session_places, pair.session), pair.pin, pair.upper)
                })
                .collect(),
            needs: need_places
                .iter()
                .map(|&n| {
                    let need = index.need(n);
                    NeedKey {
                        id: need.id.clone(),
                        trainees: need.trainees,
                        priority: need.priority,
                        state: place(&state_places, index.state_of[n]),
                    }
                })
                .collect(),
            sessions: session_places
                .iter()
                .map(|&s| {
                    let session = index.session(s);
                    SessionKey {
                        id: session.id.clone(),
                        seats: session.seats,
                        max_per_state: session.max_per_state,
                        min_participants: session.min_participants,
                        cost_per_seat: session.cost_per_seat,
                    }
                })
                .collect(),
            states: state_places
                .iter()
                .map(|&k| {
                    let state = &scenario.states[k];
                    StateKey { place: k, code: state.code.clone(), budget: state.budget }
                })
                .collect(),
        }
    }
}

/// A scenario's index, its blocks (each with its key) and its constraint families.
type Parts<'a> = (Index<'a>, Vec<(Key, Vec<usize>)>, Vec<Family>);

/// A block's outcome, kept to be taken again.
type Kept = Result<(Vec<Allocation>, bool, f64), SolveError>;

/// How many blocks were solved, and how many taken again instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BlockCount {
    pub solved: usize,
    pub reused: usize,
}

/// The outcomes of the blocks solved so far, by key. Keep one only for scenarios cut from one
/// scenario (needs, sessions and states in its order) and solved with the same options. It
/// may be shared between threads: a block two of them miss at once may be solved by both,
/// and the outcome kept first is the one every plan takes.
#[derive(Default)]
pub(super) struct Solved {
    kept: Mutex<Store>,
}

#[derive(Default)]
struct Store {
    outcomes: BTreeMap<Key, Kept>,
    count: BlockCount,
}

impl Solved {
    /// How many blocks were solved so far, and how many taken again.
    pub(super) fn count(&self) -> BlockCount {
        self.store().count
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A thread that panicked holding the lock left the map whole (an insert is one step).
        self.kept.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Each scenario solved, in order. The scenarios must be cut from one scenario (needs,
    /// sessions and states in its order, new sessions appended with ids of their own) and may
    /// differ in any field: a block whose key was seen before is taken again, the others are
    /// solved in parallel.
    pub(super) fn solve_all(&self, scenarios: &[Scenario], options: &Options) -> Vec<Result<Plan, SolveError>> {
        let stopwatch = Stopwatch::start();
        let parts: Vec<Result<Parts, SolveError>> = scenarios.iter().map(parts).collect();
        // The first scenario and block of each key not solved before.
        let mut missing: BTreeMap<&Key, (usize, usize)> = BTreeMap::new();
        {
            let store = self.store();
            for (s, part) in parts.iter().enumerate() {
                let Ok((_, blocks, _)) = part else { continue };
                for (b, (key, _)) in blocks.iter().enumerate() {
                    if !store.outcomes.contains_key(key) {
                        missing.entry(key).or_insert((s, b));
                    }
                }
            }
        }
        let missing: Vec<(usize, usize)> = missing.into_values().collect();
        let solved: Vec<Kept> = parallel::map(missing.clone(), |(s, b)| {
            let Ok((index, blocks, families)) = &parts[s] else {
                return Err(SolveError::Solver("a scenario's model is missing".into()));
            };
            let deadline = Deadline::after(options.time_limit);
            match strategy::solve_blocks(index, vec![blocks[b].1.clone()], families, options, deadline).pop() {
                Some(outcome) => outcome.map(|o| (o.allocations, o.proven, o.bound)),
                None => Err(SolveError::Solver("a block's outcome is missing".into())),
            }
        });
        let fresh = missing.len();
        let mut store = self.store();
        for ((s, b), kept) in missing.into_iter().zip(solved) {
            if let Ok((_, blocks, _)) = &parts[s] {
                store.outcomes.entry(blocks[b].0.clone()).or_insert(kept);
            }
        }
        // Each scenario's outcomes, taken out of the store so that summing them holds no lock.
        let outcomes: Vec<Vec<Option<Kept>>> = parts
            .iter()
            .map(|part| match part {
                Ok((_, blocks, _)) => blocks.iter().map(|(key, _)| store.outcomes.get(key).cloned()).collect(),
                Err(_) => Vec::new(),
            })
            .collect();
        let blocks: usize = outcomes.iter().map(Vec::len).sum();
        store.count.solved += fresh;
        store.count.reused += blocks - fresh;
        drop(store);
        parts
            .iter()
            .zip(outcomes)
            .map(|(part, outcomes)| {
                let (index, _, families) = part.as_ref().map_err(Clone::clone)?;
                let mine = outcomes.into_iter().map(|kept| match kept {
                    Some(Ok((allocations, proven, bound))) => Ok(BlockOutcome { allocations, proven, bound }),
                    Some(Err(err)) => Err(err),
                    None => Err(SolveError::Solver("a block's outcome is missing".into())),
                });
                summed(index, families, mine, options, &stopwatch)
            })
            .collect()
    }
}

/// A scenario's model in parts, each block with its key.
fn parts(scenario: &Scenario) -> Result<Parts<'_>, SolveError> {
    let (index, blocks, families) = Model::build(scenario)?.into_parts();
    let keyed = blocks.into_iter().map(|pairs| (Key::of(&index, &pairs), pairs)).collect();
    Ok((index, keyed, families))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::recommend::candidates;
    use crate::solve::region::Regions;

    /// Each region of the demo, alone and with a candidate session of its own added: solved
    /// together, each plan is the one solving it alone gives, and only the blocks the
    /// candidates touch are solved again.
    #[test]
    fn plans_solved_together_are_the_plans_solved_alone() {
        let demo = Scenario::from_json(include_str!("../../data/demo-2027.json")).expect("the demo parses");
        let regions = Regions::new(&demo);
        // No time limit: with one, pricing stops by the clock, and on a busy machine (tests run
        // side by side on one pool) may stop at another of the same block's optima.
        let options = Options::default();
        // An online investigation course on 11 July 2027: a plain network block, proven at once.
        let candidate = candidates(&demo)
            .expect("the demo has a horizon")
            .into_iter()
            .find(|c| c.id.as_str() == "CI-102-R20270711")
            .expect("CI-102 is a candidate");
        let r = regions.of_session(&demo, &candidate).expect("CI-102 has needs");
        let base = regions.scenario(&demo, r);
        let mut with_candidate = base.clone();
        with_candidate.sessions.push(candidate);
        let scenarios = vec![base.clone(), with_candidate.clone()];

        let solved = Solved::default();
        let plans: Vec<Plan> = solved.solve_all(&scenarios, &options).into_iter().map(|p| p.expect("solves")).collect();
        for (scenario, plan) in scenarios.iter().zip(&plans) {
            let alone = crate::solve::solve(scenario, &options).expect("solves alone");
            assert_eq!(plan.objective, alone.objective);
            assert_eq!(plan.bound, alone.bound);
            assert_eq!(plan.status, alone.status);
            assert_eq!(plan.allocations, alone.allocations);
            assert_eq!(plan.unmet, alone.unmet);
        }
        assert!(plans[1].objective > plans[0].objective, "the candidate seats more");
        let base_blocks = Model::build(&base).expect("builds").blocks();
        let count = solved.count();
        assert_eq!(count.solved, base_blocks + 1, "the candidate's block alone is solved again");
        assert_eq!(count.reused, base_blocks - 1, "the blocks the candidate leaves are taken again");

        // Asked again, nothing is solved: every block is known.
        let again = solved.solve_all(&scenarios[1..], &options).pop().expect("one plan").expect("solves");
        assert_eq!(again.allocations, plans[1].allocations);
        assert_eq!(solved.count().solved, base_blocks + 1);
        assert_eq!(solved.count().reused, count.reused + base_blocks);
    }

    /// A change made to a scenario.
    type Change = Box<dyn Fn(&mut Scenario)>;

    /// The keys of a scenario's blocks.
    fn keys(scenario: &Scenario) -> Vec<Key> {
        parts(scenario).expect("builds").1.into_iter().map(|(key, _)| key).collect()
    }

    /// The region of the demo's first budgeted state (Comoros), and the place of the block
    /// that spends its budget.
    fn budgeted_region() -> (Scenario, usize) {
        let demo = Scenario::from_json(include_str!("../../data/demo-2027.json")).expect("the demo parses");
        let regions = Regions::new(&demo);
        let state = demo.states.iter().position(|s| s.budget.is_some()).expect("a state has a budget");
        let code = &demo.states[state].code;
        let need = demo.needs.iter().find(|n| &n.state == code).expect("the budgeted state has needs");
        let r = regions.of(&need.skill, need.level).expect("its need has a region");
        let region = regions.scenario(&demo, r);
        let (index, blocks, _) = parts(&region).expect("builds");
        let budgeted = blocks
            .iter()
            .position(|(_, pairs)| pairs.iter().any(|&p| index.payer(&index.pairs[p]) == Some(state)))
            .expect("a block spends the state's budget");
        (region, budgeted)
    }

    /// A key changes with every field the block's model reads (a session's seats, cap,
    /// minimum or cost, a need's trainees or priority, a budget, a weight) and with nothing
    /// else: the blocks a change leaves keep their keys.
    #[test]
    fn a_key_changes_with_what_the_blocks_model_reads_and_nothing_else() {
        let (region, budgeted) = budgeted_region();
        let before = keys(&region);
        assert!(before.len() > 1, "the region has blocks besides the budget-linked one");
        let (index, blocks, _) = parts(&region).expect("builds");
        let paid = blocks[budgeted].1.iter().map(|&p| &index.pairs[p]).find(|pair| index.payer(pair).is_some());
        let paid = paid.expect("the block spends a budget");
        let (session, need) = (paid.session, paid.need);
        let state = index.state_of[need];
        // The blocks no change below touches: no pair of the session, the need or the state.
        let untouched: Vec<bool> = blocks
            .iter()
            .map(|(_, pairs)| {
                pairs.iter().all(|&p| {
                    let pair = &index.pairs[p];
                    pair.session != session && index.state_of[pair.need] != state
                })
            })
            .collect();
        assert!(untouched.iter().any(|&u| u), "some block is left by every change");
        let changes: Vec<(&str, Change)> = vec![
            ("one more seat", Box::new(move |s: &mut Scenario| s.sessions[session].seats += 1)),
            ("a cap", Box::new(move |s: &mut Scenario| s.sessions[session].max_per_state = Some(1))),
            ("another cap", Box::new(move |s: &mut Scenario| s.sessions[session].max_per_state = Some(2))),
            ("a minimum", Box::new(move |s: &mut Scenario| s.sessions[session].min_participants += 1)),
            ("a cost", Box::new(move |s: &mut Scenario| s.sessions[session].cost_per_seat += 1)),
            ("a trainee more", Box::new(move |s: &mut Scenario| s.needs[need].trainees += 1)),
            ("a priority", Box::new(move |s: &mut Scenario| s.needs[need].priority = s.needs[need].priority % 5 + 1)),
            (
                "a budget",
                Box::new(move |s: &mut Scenario| s.states[state].budget = s.states[state].budget.map(|b| b + 1)),
            ),
            ("a weight", Box::new(|s: &mut Scenario| s.settings.priority_weights[0] += 0.5)),
        ];
        for (what, change) in &changes {
            let mut changed = region.clone();
            change(&mut changed);
            let after = keys(&changed);
            assert_eq!(after.len(), before.len(), "{what}: the blocks are split as before");
            assert_ne!(after[budgeted], before[budgeted], "{what}: the changed block keeps its key");
            for (b, (was, is)) in before.iter().zip(&after).enumerate() {
                if untouched[b] && *what != "a weight" {
                    assert_eq!(was, is, "{what}: block {b}, which it leaves, has another key");
                }
            }
        }
        // What no block's model reads: the scenario's title, the currency.
        let mut renamed = region.clone();
        renamed.title = "another title".into();
        renamed.settings.currency = "EGP".into();
        assert_eq!(keys(&renamed), before, "a change no model reads changes a key");
    }

    /// A budgeted region of the demo with one more seat in a session of its budget-linked block, and
    /// with the state's budget raised, solved together with the region as it is: each plan is the
    /// one solving it alone gives, and each change solves again only that block.
    #[test]
    fn a_changed_seat_count_or_budget_solves_its_block_again_and_only_it() {
        let (region, budgeted) = budgeted_region();
        // No time limit: with one, pricing stops by the clock, and on a busy machine (tests run
        // side by side on one pool) may stop at another of the same block's optima.
        let options = Options::default();
        let (index, blocks, _) = parts(&region).expect("builds");
        let paid = blocks[budgeted].1.iter().map(|&p| &index.pairs[p]).find(|pair| index.payer(pair).is_some());
        let paid = paid.expect("the block spends a budget");
        let (session, state) = (paid.session, index.state_of[paid.need]);
        let mut seat = region.clone();
        seat.sessions[session].seats += 1;
        let mut budget = region.clone();
        budget.states[state].budget = budget.states[state].budget.map(|b| b + 5_000);
        // The blocks each change gives another key: the seat's alone; the budget's, every
        // block with a need of its state (a budget is part of the key of each block of its state).
        let changed = |scenario: &Scenario| keys(scenario).iter().zip(keys(&region)).filter(|(a, b)| *a != b).count();
        assert_eq!(changed(&seat), 1, "one more seat changes one block");
        let budget_changed = changed(&budget);
        assert!(budget_changed >= 1, "a budget raised changes its block");
        let scenarios = vec![region.clone(), seat, budget];
        let solved = Solved::default();
        let plans: Vec<Plan> = solved.solve_all(&scenarios, &options).into_iter().map(|p| p.expect("solves")).collect();
        for (scenario, plan) in scenarios.iter().zip(&plans) {
            let alone = crate::solve::solve(scenario, &options).expect("solves alone");
            assert_eq!(plan.objective, alone.objective);
            assert_eq!(plan.status, alone.status);
            assert_eq!(plan.allocations, alone.allocations);
        }
        let count = solved.count();
        assert_eq!(count.solved, blocks.len() + 1 + budget_changed, "each change's blocks alone are solved again");
        assert_eq!(count.reused, 2 * blocks.len() - 1 - budget_changed);
    }
}
