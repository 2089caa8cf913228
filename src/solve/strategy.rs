//! How one block is solved (ARCHITECTURE.md, "How a solve runs", step 5): a pure block as a
//! flow; a block that budgets link by pricing its budgets, then, if needed, branch-and-bound
//! from the priced plan; another hard block by branch-and-bound from its rounded relaxation;
//! and, once the deadline has passed, a quick plan with an honest bound.

use std::collections::BTreeSet;

use good_lp::{ResolutionError, Variable};

use super::assemble::allocations_of;
use super::compat::Index;
use super::deadline::Deadline;
use super::engine::{self, Parts};
use super::model::{self, Family};
use super::objective::{self, full_service, full_service_of};
use super::plan::Allocation;
#[cfg(feature = "highs")]
use super::Engine;
use super::{flow, heuristic, lagrange, parallel, precheck, Options, SolveError};

/// What one block's solve gave.
pub(super) struct BlockOutcome {
    pub allocations: Vec<Allocation>,
    pub proven: bool,
    /// The block's proven upper bound (its objective when proven optimal).
    pub bound: f64,
}

/// Share of the time left that microlp is given, so that its last pivots and the plan's
/// explanations still end before the deadline.
const ENGINE_SHARE: f64 = 0.9;

/// Share of a block's time that pricing the budgets may take before branch-and-bound.
const PRICING_SHARE: f64 = 0.4;

/// Share of a block's time that pricing, the by-state bound and improving the plan take when
/// no branch-and-bound follows (a block above [`LARGEST_FOR_BRANCHING`]): most of it, leaving
/// the rest for the plan's explanations (global budgeted benchmark, 10 s: they take about
/// 0.1 s; a share of 0.9 gives a gap of 0.085–0.110 % in 9.1 s on seeds 1, 2 and 2027,
/// 0.8 gave 0.096–0.115 % in 8.1 s).
const PRICING_SHARE_ALONE: f64 = 0.9;

/// Pairs above which microlp's branch-and-bound is not tried on a budget-linked block: its
/// simplex cannot solve a relaxation that size in useful time, so the priced plan stands.
const LARGEST_FOR_BRANCHING: usize = 40_000;

/// Solves the blocks, in block order, in parallel natively (one after another in the
/// browser); every block gets the time left before the shared deadline.
pub(super) fn solve_blocks(
    index: &Index<'_>,
    blocks: Vec<Vec<usize>>,
    families: &[Family],
    options: &Options,
    deadline: Deadline,
) -> Vec<Result<BlockOutcome, SolveError>> {
    parallel::map(blocks, |pairs| {
        // Past the deadline, a block without pins seats nobody: no need to write it out.
        if deadline.passed() && pairs.iter().all(|&p| index.pairs[p].pin.is_none()) {
            let needs: BTreeSet<usize> = pairs.iter().map(|&p| index.pairs[p].need).collect();
            return Ok(BlockOutcome { allocations: Vec::new(), proven: false, bound: full_service_of(index, needs) });
        }
        let block = index.restrict(&pairs);
        if deadline.passed() {
            return quick(&block, options);
        }
        run(&block, families, options, deadline)
    })
}

/// A block's plan when no time is left: no seats (or, with pins, the pins and a greedy
/// fill), with the bound "every need served in full".
fn quick(index: &Index, options: &Options) -> Result<BlockOutcome, SolveError> {
    let allocations = if index.pairs.iter().any(|pair| pair.pin.is_some()) {
        let seats =
            heuristic::repair(index, None).ok_or(SolveError::NoPlanInTime(options.time_limit.unwrap_or_default()))?;
        allocations_of(index, |p| seats[p])
    } else {
        Vec::new()
    };
    Ok(BlockOutcome { allocations, proven: false, bound: full_service(index) })
}

/// True when the block has side constraints that make its relaxation fractional: a
/// minimum-size session or a binding budget. Pure blocks are network flows, integral at once.
fn is_hard(index: &Index) -> bool {
    index.pairs.iter().any(|pair| index.session(pair.session).min_participants > 0) || index.spends_budget()
}

/// True when every session of the block with a minimum is empty or at its minimum in `seats`.
fn keeps_minimums(index: &Index, seats: &[i64]) -> bool {
    index.by_session.iter().enumerate().all(|(s, pairs)| {
        let taken: i64 = pairs.iter().map(|&p| seats[p]).sum();
        taken == 0 || taken >= index.session(s).min_participants
    })
}

/// Solves the block's linear relaxation (within half the time left, if limited) and repairs
/// it into a feasible integer start (seats per pair); without the relaxation, the greedy
/// fill alone.
fn warm_start(index: &Index, families: &[Family], deadline: Deadline) -> Option<Vec<i64>> {
    let lp_limit = deadline.left().map(|limit| limit * ENGINE_SHARE / 2.0);
    let values = engine::microlp::relaxation(Parts::build(index, families, false), lp_limit);
    heuristic::repair(index, values.as_deref())
}

/// The start as (variable, value) hints: x, and y where a session has a minimum.
fn hints(index: &Index, vars: &model::Vars, x: &[i64]) -> Vec<(Variable, f64)> {
    let mut hints: Vec<(Variable, f64)> = vars.x.iter().zip(x).map(|(&var, &seats)| (var, seats as f64)).collect();
    for (&s, &y) in &vars.y {
        let running = index.by_session[s].iter().any(|&p| x[p] > 0);
        hints.push((y, if running { 1.0 } else { 0.0 }));
    }
    hints
}

/// Solves one block before the deadline.
pub(super) fn run(
    index: &Index,
    families: &[Family],
    options: &Options,
    deadline: Deadline,
) -> Result<BlockOutcome, SolveError> {
    let engine = options.engine;
    if engine.own_methods_first() && flow::applies(index, families) {
        let flow = flow::solve(index, &vec![0.0; index.pairs.len()], deadline);
        let allocations = allocations_of(index, |p| flow.seats[p]);
        let achieved = objective::of_seats(index, &flow.seats);
        let bound = if flow.complete { achieved } else { full_service(index).max(achieved) };
        return Ok(BlockOutcome { allocations, proven: flow.complete, bound });
    }
    // A block whose minimums are its only side constraints: its flow without them bounds it,
    // and is its optimum when it keeps them anyway (each session empty or at its minimum).
    let mut relaxed_bound = f64::INFINITY;
    let mut relaxed_seats = None;
    if engine.own_methods_first() && flow::applies_but_for_minimums(index, families) {
        let flow = flow::solve(index, &vec![0.0; index.pairs.len()], deadline);
        if flow.complete && keeps_minimums(index, &flow.seats) {
            let achieved = objective::of_seats(index, &flow.seats);
            return Ok(BlockOutcome {
                allocations: allocations_of(index, |p| flow.seats[p]),
                proven: true,
                bound: achieved,
            });
        }
        if flow.complete {
            relaxed_bound = flow.value;
        }
        relaxed_seats = Some(flow.seats);
    }
    let branching = index.pairs.len() <= LARGEST_FOR_BRANCHING;
    let priced = if engine.own_methods_first() && lagrange::applies(index, families) {
        let share = if branching { PRICING_SHARE } else { PRICING_SHARE_ALONE };
        let deadline = deadline.within(deadline.left().map(|left| left * share));
        lagrange::solve(index, families, deadline, lagrange::ROUNDS_SHARE)
    } else {
        None
    };
    if let Some(priced) = &priced {
        let within_gap = priced.bound - priced.objective <= options.gap * priced.bound.abs().max(1.0);
        if priced.closed() || within_gap || !branching || deadline.passed() {
            let allocations = allocations_of(index, |p| priced.seats[p]);
            let bound = priced.bound.min(full_service(index)).max(priced.objective);
            return Ok(BlockOutcome { allocations, proven: priced.closed(), bound });
        }
    }
    if deadline.passed() {
        return quick(index, options);
    }
    let start = match &priced {
        _ if !engine.own_methods_first() => None,
        Some(priced) => Some(priced.seats.clone()),
        // The flow without minimums, repaired (a session below its minimum emptied, the
        // rest filled greedily), starts as well as the linear relaxation, without solving it.
        None if is_hard(index) => match &relaxed_seats {
            Some(seats) => heuristic::repair(index, Some(&seats.iter().map(|&x| x as f64).collect::<Vec<f64>>())),
            None => warm_start(index, families, deadline),
        },
        None => None,
    };
    // The priced plan's value, below which HiGHS need not look (`Auto`).
    let cutoff: Option<f64> = match (engine, &priced) {
        #[cfg(feature = "highs")]
        (Engine::Auto, Some(priced)) => Some(priced.objective),
        _ => None,
    };
    let priced_bound = priced.as_ref().map_or(relaxed_bound, |priced| priced.bound);
    // Out of time before the engine ran: the start is the plan.
    let out_of_time = |start: &Option<Vec<i64>>| match start {
        Some(start) => Ok(BlockOutcome {
            allocations: allocations_of(index, |p| start[p]),
            proven: false,
            bound: full_service(index).min(priced_bound).max(objective::of_seats(index, start)),
        }),
        None => quick(index, options),
    };
    if deadline.passed() {
        return out_of_time(&start);
    }
    let parts = Parts::build(index, families, true);
    if deadline.passed() {
        return out_of_time(&start);
    }
    let solved = match engine {
        // A budget-linked block that pricing left unproven: HiGHS, above the priced plan.
        #[cfg(feature = "highs")]
        Engine::Auto if cutoff.is_some() => {
            engine::highs::solve(parts, deadline.left().map(|left| left * ENGINE_SHARE), options.gap, cutoff)
        }
        #[cfg(feature = "highs")]
        Engine::Highs => engine::highs::solve(parts, deadline.left(), options.gap, None),
        // microlp looks at the clock between pivots, which take long on a large block.
        _ => {
            let hints = start.as_ref().map(|start| hints(index, &parts.vars, start));
            engine::microlp::solve_below(
                parts,
                deadline.left().map(|left| left * ENGINE_SHARE),
                hints,
                options.gap,
                priced_bound,
            )
        }
    };
    let solved = match solved {
        Ok(solved) => solved,
        // No plan at all above the cutoff: the priced plan is optimal.
        Err(ResolutionError::Infeasible) if cutoff.is_some() => {
            let start = start.as_ref().expect("a cutoff comes with the priced plan");
            let achieved = objective::of_seats(index, start);
            return Ok(BlockOutcome {
                allocations: allocations_of(index, |p| start[p]),
                proven: true,
                bound: achieved,
            });
        }
        Err(ResolutionError::Infeasible) => return Err(SolveError::Infeasible(precheck::infeasible_fallback(index))),
        // Out of time (or nodes) before the engine had a plan of its own: the start is a
        // plan (with no pins, so is seating nobody), and serving every need in full (or what
        // pricing proved) is a bound, so the plan stays honest (`time_limit`).
        Err(ResolutionError::Other(_)) if deadline.is_set() || start.is_some() => return out_of_time(&start),
        // HiGHS stopped in a way of its own after pricing: the priced plan and bound stand.
        Err(_) if cutoff.is_some() => return out_of_time(&start),
        Err(other) => return Err(SolveError::Solver(other.to_string())),
    };
    // The engine's plan, or the start where that is better: with a cutoff, HiGHS may end
    // with a plan below it once it has shown that no plan lies above it, which proves the
    // start (so `proven` holds for whichever is better).
    let mut seats = solved.seats;
    let mut achieved = objective::of_seats(index, &seats);
    if let Some(start) = &start {
        let started = objective::of_seats(index, start);
        if started > achieved {
            seats = start.clone();
            achieved = started;
        }
    }
    let allocations = allocations_of(index, |p| seats[p]);
    let bound = if solved.proven {
        achieved
    } else {
        solved.best_bound.unwrap_or(f64::INFINITY).min(priced_bound).min(full_service(index)).max(achieved)
    };
    Ok(BlockOutcome { allocations, proven: solved.proven, bound })
}
