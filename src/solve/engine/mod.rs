//! The integer-programming engines behind good_lp, one file each, as good_lp keeps its
//! backends apart from the model: each takes a block's written model ([`Parts`]) and gives
//! back its seats and what it proved ([`EngineSolution`]). Which engine runs, and when, is
//! `strategy.rs`'s choice.

#[cfg(feature = "highs")]
pub(super) mod highs;
pub(super) mod microlp;

use good_lp::{Constraint, Expression, ProblemVariables};

use super::compat::Index;
use super::model::{self, Family};

/// The good_lp pieces of a block's model.
pub(super) struct Parts {
    pub problem: ProblemVariables,
    pub vars: model::Vars,
    pub objective: Expression,
    pub constraints: Vec<Constraint>,
}

impl Parts {
    /// The integer program of the block with these families (its linear relaxation when not
    /// `integral`).
    pub fn build(index: &Index, families: &[Family], integral: bool) -> Parts {
        let mut problem = ProblemVariables::new();
        let vars = model::variables(index, &mut problem, integral);
        let objective = model::objective(index, &vars);
        let constraints = families.iter().flat_map(|family| family.constraints(index, &vars)).collect();
        Parts { problem, vars, objective, constraints }
    }

    /// The integer program with a price taken off each pair's seats (`lagrange.rs`).
    pub fn priced(index: &Index, families: &[Family], price: &[f64]) -> Parts {
        let mut problem = ProblemVariables::new();
        let vars = model::variables(index, &mut problem, true);
        let objective = model::priced_objective(index, &vars, price);
        let constraints = families.iter().flat_map(|family| family.constraints(index, &vars)).collect();
        Parts { problem, vars, objective, constraints }
    }
}

/// What an engine returned for a block: seats per pair, whether proven optimal, the value
/// of its plan and the best bound it proved (both in the objective it was given).
pub(super) struct EngineSolution {
    pub seats: Vec<i64>,
    pub proven: bool,
    pub value: f64,
    pub best_bound: Option<f64>,
}
