//! microlp, the pure-Rust engine (the browser's, and the command line's default). good_lp
//! writes the model; microlp is then called directly for what good_lp does not pass on: a
//! node limit, which bounds branch-and-bound's memory, the warm start and the relative gap.

use std::collections::HashMap;
use std::time::Duration;

use good_lp::solvers::microlp::microlp;
use good_lp::{ResolutionError, Solution, SolverModel, Variable, WithTimeLimit};

use ::microlp::{ResumeOptions, SolveOutcome, TerminationReason};

use super::{EngineSolution, Parts};
use crate::solve::deadline::Stopwatch;
use crate::solve::objective::meets;
use crate::solve::parallel;

/// Bytes the branch-and-bound trees of all workers together may hold. microlp keeps each
/// open node's basis (a byte per row and column) and its bound changes, and opens at most
/// one node more than it solves, so a node limit bounds the tree's memory: on the large
/// budgeted benchmark 20,000 nodes took 285 MB, and an unlimited tree 3.4 GB in 120 s.
pub(in crate::solve) const TREE_BYTES: f64 = 1024.0 * 1024.0 * 1024.0;

/// The node limit of a block's branch-and-bound: its worker's share of [`TREE_BYTES`], at
/// a generous 4 bytes per row and column and 4 KiB more per open node.
pub(in crate::solve) fn node_limit(variables: usize, constraints: usize) -> u64 {
    let per_node = 4.0 * (variables + constraints) as f64 + 4096.0;
    ((TREE_BYTES / parallel::workers() as f64 / per_node) as u64).max(100)
}

/// Nodes of the first round of a search that a bound from elsewhere may end; each round
/// after it is given as many nodes as all before it.
const FIRST_ROUND: u64 = 32;

/// The nodes of the round after `given` nodes, with at most `most` in all: as many as all
/// before it, or what is left.
fn next_round(given: u64, most: u64) -> u64 {
    given.min(most - given)
}

/// A search that a bound from elsewhere may end is stopped as hopeless once it has had at
/// least [`LEAST_BEFORE_GIVING_UP`] nodes, and [`STALLED_ROUNDS`] times as many as when its
/// plan last improved, if its last round neither found a better plan nor moved its own bound
/// enough to prove the plan within the nodes left ([`Progress::hopeless_after`]). Only a
/// better plan meets the bound from elsewhere, and only a falling bound of its own proves
/// the plan otherwise, so the nodes left would only cost time: on the large budgeted
/// benchmark, the 9,400 nodes after the first 512 (1.2 s natively) moved a bound 96 above a
/// plan that never improved by 1.2. (On the demo with two in-country courses, the plan
/// improves after 512 and 4,096 nodes and then meets the bound: three rounds without a
/// better plan are not yet hopeless.)
const LEAST_BEFORE_GIVING_UP: u64 = 512;
const STALLED_ROUNDS: u64 = 8;

/// Where a search stands after a round: its best plan's value and its own bound.
struct Progress {
    plan: f64,
    own_bound: f64,
}

impl Progress {
    fn of(outcome: &SolveOutcome) -> Progress {
        let plan = outcome.solution().map_or(f64::NEG_INFINITY, |plan| plan.objective());
        Progress { plan, own_bound: outcome.stats().best_bound.unwrap_or(f64::INFINITY) }
    }

    /// True when this plan is better than the one `before`.
    fn better_than(&self, before: &Progress) -> bool {
        !meets(self.plan, before.plan)
    }

    /// True when a round of `round` nodes found no better plan, and its own bound fell so
    /// little that the `left` nodes still allowed would not bring it down to the plan even
    /// falling twice as fast.
    fn hopeless_after(&self, before: &Progress, round: u64, left: u64) -> bool {
        let fell = (before.own_bound - self.own_bound).max(0.0);
        let reachable = 2.0 * fell * left as f64 / round.max(1) as f64;
        !self.better_than(before) && self.own_bound - self.plan > reachable
    }
}

/// A search in rounds, as far as giving up goes: where it stood after the last round, and
/// the nodes given when its plan last improved (the first round's plan counts as one).
struct Rounds {
    last: Progress,
    improved_at: u64,
}

impl Rounds {
    fn after_first(first: Progress, given: u64) -> Rounds {
        Rounds { last: first, improved_at: given }
    }

    /// Takes in the round that brought the nodes given to `given` (`round` of them, `left`
    /// still allowed after it); true when the search should stop as hopeless.
    fn give_up_after(&mut self, now: Progress, given: u64, round: u64, left: u64) -> bool {
        if now.better_than(&self.last) {
            self.improved_at = given;
        }
        let stalled = given >= LEAST_BEFORE_GIVING_UP.max(STALLED_ROUNDS * self.improved_at);
        let give_up = stalled && now.hopeless_after(&self.last, round, left);
        self.last = now;
        give_up
    }
}

/// Solves the integer program within `time_limit` seconds, from the `hints` if given,
/// stopping at the relative `gap`.
pub(in crate::solve) fn solve(
    parts: Parts,
    time_limit: Option<f64>,
    hints: Option<Vec<(Variable, f64)>>,
    gap: f64,
) -> Result<EngineSolution, ResolutionError> {
    solve_below(parts, time_limit, hints, gap, f64::INFINITY)
}

/// As [`solve`], knowing from elsewhere that no plan is worth more than `bound`: the search
/// goes in rounds of nodes, and stops, proven, at the end of the round in which its best
/// plan meets that bound (its own bound may be far from proving it: microlp's comes from
/// the linear relaxation only).
pub(in crate::solve) fn solve_below(
    parts: Parts,
    time_limit: Option<f64>,
    hints: Option<Vec<(Variable, f64)>>,
    gap: f64,
    bound: f64,
) -> Result<EngineSolution, ResolutionError> {
    let stopwatch = Stopwatch::start();
    let Parts { problem, vars, objective, constraints } = parts;
    let rows = constraints.len();
    let mut solver = problem.maximise(objective).using(microlp);
    for constraint in constraints {
        solver.add_constraint(constraint);
    }
    // good_lp passes the variables on in the order they were declared, so microlp's
    // variable i is the i-th declared; a scratch problem hands out microlp's handles for
    // them (good_lp keeps its own private).
    let declared = vars.declared();
    let position: HashMap<Variable, usize> = declared.iter().enumerate().map(|(i, &var)| (var, i)).collect();
    let mut scratch = ::microlp::Problem::new(::microlp::OptimizationDirection::Maximize);
    let handles: Vec<::microlp::Variable> = declared.iter().map(|_| scratch.add_var(0.0, (0.0, 0.0))).collect();
    let mut options = ::microlp::SolveOptions::default();
    let most_nodes = node_limit(declared.len(), rows);
    let mut given = if bound.is_finite() { most_nodes.min(FIRST_ROUND) } else { most_nodes };
    options.time_limit = time_limit.map(Duration::from_secs_f64);
    options.node_limit = Some(given);
    options.mip_gap = gap;
    options.warm_start = hints.map(|hints| {
        hints.into_iter().filter_map(|(var, value)| Some((handles[*position.get(&var)?], value))).collect()
    });
    let mut outcome = solver.as_inner().solve_with(options).map_err(ResolutionError::from)?;
    let met = |outcome: &SolveOutcome| outcome.solution().is_some_and(|plan| meets(bound, plan.objective()));
    let mut rounds = Rounds::after_first(Progress::of(&outcome), given);
    while outcome.termination_reason() == TerminationReason::NodeLimit && given < most_nodes && !met(&outcome) {
        let left = time_limit.map(|limit| Duration::from_secs_f64((limit - stopwatch.seconds()).max(0.001)));
        let round = next_round(given, most_nodes);
        given += round;
        let mut options = ResumeOptions::default();
        options.time_limit = left;
        options.node_limit = Some(round);
        options.mip_gap = (gap > 0.0).then_some(gap);
        outcome = outcome.resume_with(options).map_err(ResolutionError::from)?;
        if rounds.give_up_after(Progress::of(&outcome), given, round, most_nodes - given) {
            break;
        }
    }
    // A plan that meets the bound from elsewhere is proven by it.
    let met_bound = met(&outcome);
    let solution = outcome
        .into_solution()
        .map_err(|_| ResolutionError::Other("time or node limit reached before finding a feasible solution"))?;
    let proven = met_bound || matches!(solution.status(), ::microlp::SolutionStatus::Optimal);
    let seats = (0..vars.x.len()).map(|p| solution.var_value(handles[p]).round() as i64).collect();
    let value = solution.objective();
    let best_bound = if met_bound { Some(bound) } else { solution.stats().best_bound };
    Ok(EngineSolution { seats, proven, value, best_bound })
}

/// The linear relaxation's values of the pairs' seats, within `time_limit` seconds; `None`
/// when microlp gives none in time.
pub(in crate::solve) fn relaxation(parts: Parts, time_limit: Option<f64>) -> Option<Vec<f64>> {
    let Parts { problem, vars, objective, constraints } = parts;
    let mut lp = problem.maximise(objective).using(microlp);
    if let Some(seconds) = time_limit {
        lp = lp.with_time_limit(seconds);
    }
    for constraint in constraints {
        lp.add_constraint(constraint);
    }
    lp.solve().ok().map(|solution| vars.x.iter().map(|&x| solution.value(x)).collect())
}

#[cfg(test)]
mod tests {
    use super::{next_round, Progress, Rounds, FIRST_ROUND};

    /// Feeds a search's rounds (plan and own bound after each, the first round first) with
    /// `most` nodes allowed; the nodes given when it gives up, if it does.
    fn gives_up_at(trajectory: &[(f64, f64)], most: u64) -> Option<u64> {
        let progress = |&(plan, own_bound): &(f64, f64)| Progress { plan, own_bound };
        let mut given = FIRST_ROUND;
        let mut rounds = Rounds::after_first(progress(&trajectory[0]), given);
        for now in &trajectory[1..] {
            let round = next_round(given, most);
            given += round;
            if rounds.give_up_after(progress(now), given, round, most - given) {
                return Some(given);
            }
        }
        None
    }

    #[test]
    fn a_search_whose_plan_never_improves_and_whose_bound_stands_still_gives_up() {
        // The large budgeted benchmark's block (seed 2027): the priced plan, never improved,
        // and microlp's own bound about 98 above it, falling by about 3 in 9,887 nodes.
        let plan = 51462.4;
        let bounds = [51560.3, 51560.05, 51559.26, 51558.16, 51558.15, 51558.07, 51557.66, 51557.25, 51557.06];
        let trajectory: Vec<(f64, f64)> = bounds.iter().map(|&bound| (plan, bound)).collect();
        assert_eq!(gives_up_at(&trajectory, 9_887), Some(512));
    }

    #[test]
    fn a_search_whose_plan_improved_lately_goes_on() {
        // The demo with two in-country courses (its budget block): better plans after 512
        // and 4,096 nodes, the last meeting the bound from elsewhere (5839.955).
        let trajectory = [
            (5834.145, 5846.17),
            (5834.145, 5846.17),
            (5834.145, 5846.17),
            (5834.145, 5846.17),
            (5836.145, 5846.17),
            (5836.145, 5845.975),
            (5836.145, 5845.975),
            (5839.955, 5845.89),
        ];
        assert_eq!(gives_up_at(&trajectory, 40_000), None);
        // Without those better plans, the same bounds are hopeless from 512 nodes on.
        let stuck: Vec<(f64, f64)> = trajectory.iter().map(|&(_, bound)| (5834.145, bound)).collect();
        assert_eq!(gives_up_at(&stuck, 40_000), Some(512));
    }

    #[test]
    fn a_search_whose_bound_falls_fast_enough_goes_on() {
        // No better plan, but the own bound halves its distance to the plan every round:
        // falling twice that fast over the nodes left would prove the plan.
        let trajectory: Vec<(f64, f64)> = (0..10).map(|round| (100.0, 100.0 + 64.0 / 2f64.powi(round))).collect();
        assert_eq!(gives_up_at(&trajectory, 1 << 20), None);
    }
}
