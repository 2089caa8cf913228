//! The model split into independent blocks ([`Model`]): built once, each block solved by
//! `strategy.rs`, their outcomes summed into one plan.

use super::assemble;
use super::compat::{self, Index};
use super::deadline::{Deadline, Stopwatch};
use super::model::{self, Family};
use super::objective::{self, round6};
use super::plan::{Plan, Stats, Status};
use super::strategy::BlockOutcome;
use super::{precheck, strategy, Options, SolveError};
use crate::model::{validate, Scenario};

/// A built integer program, ready to solve: lets the benchmark time building and solving
/// apart, and report the model's size.
///
/// The model is split into independent blocks: needs and sessions interact only through
/// compatible pairs (one skill and level) and through a state's budget, so each connected
/// component is solved on its own. The union of the blocks' optima is the optimum of the
/// whole model; many small simplex runs are far cheaper than one large one. A block's
/// good_lp model is written only when an engine needs it (a pure block is solved as a flow
/// without one), by the worker that solves it.
pub struct Model<'a> {
    index: Index<'a>,
    /// The pairs of each block.
    blocks: Vec<Vec<usize>>,
    families: Vec<Family>,
}

impl<'a> Model<'a> {
    /// Validates the scenario, checks the pins, and splits the model into blocks (linear in
    /// the pairs; the blocks' models are written when solved, within the deadline).
    pub fn build(scenario: &'a Scenario) -> Result<Model<'a>, SolveError> {
        let problems = validate(scenario);
        if !problems.is_empty() {
            return Err(SolveError::Invalid(problems));
        }
        let index = Index::new(scenario);
        let pin_problems = precheck::pins(&index);
        if !pin_problems.is_empty() {
            return Err(SolveError::Infeasible(pin_problems));
        }
        Ok(Model::with_families(index, &Family::ALL))
    }

    /// The model of an index with a chosen set of constraint families (all of them, except
    /// in tests that prove each family binds).
    pub(super) fn with_families(index: Index<'a>, families: &[Family]) -> Model<'a> {
        let blocks = compat::blocks(&index);
        Model { index, blocks, families: families.to_vec() }
    }

    /// The whole model as one block, without the split into components: the reference the
    /// decomposition is tested against.
    #[cfg(test)]
    pub(super) fn whole(index: Index<'a>) -> Model<'a> {
        let blocks = vec![(0..index.pairs.len()).collect()];
        Model { index, blocks, families: Family::ALL.to_vec() }
    }

    /// Variables and constraints of the whole model (SPEC §3), without writing it.
    fn size(&self) -> (usize, usize) {
        model::size(&self.index, &self.families)
    }

    pub fn variables(&self) -> usize {
        self.size().0
    }

    pub fn constraints(&self) -> usize {
        self.size().1
    }

    /// Number of independent blocks the model splits into.
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }

    /// Solves every block within the time limit, counted from this call.
    pub fn solve(self, options: &Options) -> Result<Plan, SolveError> {
        let deadline = Deadline::after(options.time_limit);
        self.solve_until(options, deadline)
    }

    /// Solves every block. Natively the blocks run in parallel; all share the deadline, so
    /// the whole solve stays within it. A block reached after the deadline gets a quick plan
    /// (no seats, or its pins and a greedy fill) and the bound "every need served in full".
    pub(super) fn solve_until(self, options: &Options, deadline: Deadline) -> Result<Plan, SolveError> {
        let stopwatch = Stopwatch::start();
        let Model { index, blocks, families } = self;
        let outcomes = strategy::solve_blocks(&index, blocks, &families, options, deadline);
        summed(&index, &families, outcomes, options, &stopwatch)
    }

    /// The index, the pairs of each block and the constraint families: for a caller that
    /// solves some blocks itself (`reuse.rs`: blocks solved before are not solved again).
    pub(super) fn into_parts(self) -> (Index<'a>, Vec<Vec<usize>>, Vec<Family>) {
        (self.index, self.blocks, self.families)
    }
}

/// The plan of the blocks' outcomes (in block order) summed: their allocations, the objective
/// of them all, the sum of the bounds, and the status (optimal when every block is proven,
/// or when the bound meets the objective).
pub(super) fn summed(
    index: &Index,
    families: &[Family],
    outcomes: impl IntoIterator<Item = Result<BlockOutcome, SolveError>>,
    options: &Options,
    stopwatch: &Stopwatch,
) -> Result<Plan, SolveError> {
    let (variables, constraints) = model::size(index, families);
    let stats = Stats {
        needs: index.scenario.needs.len(),
        sessions: index.scenario.sessions.len(),
        variables,
        constraints,
        solve_ms: 0,
    };
    let mut allocations = Vec::new();
    let mut proven = true;
    let mut bound = 0.0;
    for outcome in outcomes {
        let outcome = outcome.map_err(|err| match err {
            SolveError::NoPlanInTime(_) => SolveError::NoPlanInTime(options.time_limit.unwrap_or_default()),
            other => other,
        })?;
        proven &= outcome.proven;
        bound += outcome.bound;
        allocations.extend(outcome.allocations);
    }
    let objective = round6(objective::of_allocations(index, &allocations));
    let bound = if proven { objective } else { round6(bound.max(objective)) };
    // A bound that meets the plan proves it optimal, whoever stopped early.
    let proven = proven || objective::meets(bound, objective);
    let status = if proven { Status::Optimal } else { Status::TimeLimit };
    let stats = Stats { solve_ms: (stopwatch.seconds() * 1e3) as u64, ..stats };
    Ok(assemble::plan(index, allocations, status, objective, bound, stats))
}
