//! Several scenarios solved together, each block once: scenarios cut from one scenario
//! (`region.rs`) with sessions appended (a recommendation's proposals, one prefix after
//! another) share most of their blocks, and a block with the same pairs, in the same order,
//! is the same model, so its outcome is taken again instead of solved again. On the demo,
//! the Egypt-budget block that branch-and-bound cannot prove is solved once for the four
//! proposals that leave it as it is, not four times.
//!
//! Every block is solved as [`super::solve`] solves it (the same strategy and options, the
//! time limit counted from the block's start), and the outcomes are summed as it sums them,
//! so each plan is the one solving that scenario gives.

use std::collections::BTreeMap;

use crate::model::{NeedId, Scenario, SessionId};

use super::blocks::{summed, Model};
use super::compat::Index;
use super::deadline::{Deadline, Stopwatch};
use super::model::Family;
use super::plan::Allocation;
use super::strategy::{self, BlockOutcome};
use super::{parallel, Options, Plan, SolveError};

/// A block by its pairs (need, session), in the index's order.
type Key = Vec<(NeedId, SessionId)>;

/// A scenario's index, its blocks (each with its key) and its constraint families.
type Parts<'a> = (Index<'a>, Vec<(Key, Vec<usize>)>, Vec<Family>);

/// A block's outcome, kept to be taken again.
type Kept = Result<(Vec<Allocation>, bool, f64), SolveError>;

/// The outcomes of the blocks solved so far, by key. Keep one only for scenarios cut from
/// one scenario and solved with the same options.
#[derive(Default)]
pub(super) struct Solved {
    outcomes: BTreeMap<Key, Kept>,
}

impl Solved {
    /// Each scenario solved, in order. The scenarios must be cut from one scenario (needs
    /// and sessions in its order) with new sessions, of ids of their own, appended: then
    /// equal keys are equal models. The blocks not solved before are solved in parallel.
    pub(super) fn solve_all(&mut self, scenarios: &[Scenario], options: &Options) -> Vec<Result<Plan, SolveError>> {
        let stopwatch = Stopwatch::start();
        let parts: Vec<Result<Parts, SolveError>> = scenarios.iter().map(parts).collect();
        // The first scenario and block of each key not solved before.
        let mut missing: BTreeMap<&Key, (usize, usize)> = BTreeMap::new();
        for (s, part) in parts.iter().enumerate() {
            let Ok((_, blocks, _)) = part else { continue };
            for (b, (key, _)) in blocks.iter().enumerate() {
                if !self.outcomes.contains_key(key) {
                    missing.entry(key).or_insert((s, b));
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
        for ((s, b), kept) in missing.into_iter().zip(solved) {
            if let Ok((_, blocks, _)) = &parts[s] {
                self.outcomes.insert(blocks[b].0.clone(), kept);
            }
        }
        parts
            .iter()
            .map(|part| {
                let (index, blocks, families) = part.as_ref().map_err(Clone::clone)?;
                let mine = blocks.iter().map(|(key, _)| match self.outcomes.get(key) {
                    Some(Ok((allocations, proven, bound))) => {
                        Ok(BlockOutcome { allocations: allocations.clone(), proven: *proven, bound: *bound })
                    }
                    Some(Err(err)) => Err(err.clone()),
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
    let keyed = blocks
        .into_iter()
        .map(|pairs| {
            let key = pairs
                .iter()
                .map(|&p| {
                    let pair = &index.pairs[p];
                    (index.need(pair.need).id.clone(), index.session(pair.session).id.clone())
                })
                .collect();
            (key, pairs)
        })
        .collect();
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
        let options = Options { time_limit: Some(60.0), ..Options::default() };
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

        let mut solved = Solved::default();
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
        assert_eq!(solved.outcomes.len(), base_blocks + 1, "the candidate's block alone is solved again");

        // Asked again, nothing is solved: every block is known.
        let again = solved.solve_all(&scenarios[1..], &options).pop().expect("one plan").expect("solves");
        assert_eq!(again.allocations, plans[1].allocations);
        assert_eq!(solved.outcomes.len(), base_blocks + 1);
    }
}
