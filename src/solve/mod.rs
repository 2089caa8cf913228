//! Scenario -> integer program -> plan, behind one door: [`solve`] (and [`Model`], built then
//! solved, for the benchmark). good_lp types stay inside this module.
//!
//! Behind the door: `compat` (the pairs and the blocks), `model` (the integer program, one
//! [`model::Family`] per constraint family), `objective` (the SPEC §3 objective, the one
//! place it is computed), `blocks` (the model split into blocks, their outcomes summed),
//! `strategy` (how one block is solved), `flow` and `lagrange` (the pure and the
//! budget-linked blocks), `knapsack` (one budgeted state alone, exactly), `engine` (microlp,
//! HiGHS), `assemble` (the plan), `deadline` (the only clock), `parallel` (rayon natively,
//! one thread in the browser).

mod assemble;
mod blocks;
mod compat;
mod deadline;
mod engine;
mod explain;
mod flow;
mod heuristic;
mod knapsack;
mod lagrange;
mod model;
mod objective;
mod parallel;
mod plan;
mod precheck;
mod recommend;
mod region;
mod remedy;
mod report;
mod reuse;
mod strategy;
#[cfg(test)]
mod tests;
mod verify;

pub use blocks::Model;
pub use compat::Rule;
pub use explain::{explain, explain_all, pair_fact, Candidate, Explanation, Fact, Ruled, SessionState};
pub use parallel::workers;
pub use plan::{Allocation, Plan, Reason, SessionFill, Stats, Status, Unmet, PLAN_FORMAT};
pub use precheck::{ClashKind, PinProblem};
#[cfg(feature = "highs")]
pub use recommend::{best_choice_by_highs, HighsChoice};
pub use recommend::{
    candidates, recommend, Proposal, RecommendError, Recommendation, Timings, DEFAULT_SESSIONS, MAX_SESSIONS,
    RECOMMENDATION_FORMAT,
};
pub use remedy::{apply as apply_remedy, fixes, fixes_counted, seat_values, Fix, Fixer, Remedy, SeatValue, Served};
pub use report::{changes, report, served, Change, Coverage, Report, Totals};
pub use reuse::BlockCount;
pub use verify::{verify, PLAN_VERSION, SHOWN_PROBLEMS};

use crate::model::{Problem, Scenario};
use deadline::Deadline;

/// Seconds a solve may take when the caller names no limit (the browser app's and the command
/// line's default), so that a hard scenario (budgets, minimum sizes) never runs unbounded.
pub const DEFAULT_TIME_LIMIT: f64 = 10.0;

/// How to solve.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Stop after this many seconds with the best plan found (`time_limit` status).
    pub time_limit: Option<f64>,
    /// Which integer-programming engine solves the blocks.
    pub engine: Engine,
    /// Stop once the plan is proven within this relative gap of the optimum (0: only a
    /// proven optimum stops the solve early). A plan stopped at the gap is not proven
    /// optimal: its status is `time_limit`, with its bound and gap.
    pub gap: f64,
}

/// The integer-programming engine. microlp is pure Rust and runs in the browser; HiGHS is
/// native (feature `highs`, on by default natively, never in the browser).
///
/// `Microlp` and `Auto` first take what Qudra solves by itself (a pure block exactly, as a
/// flow; a block that budgets link by pricing them, which often proves its plan) and differ
/// in the branch-and-bound that follows when that is not enough; `Highs` hands HiGHS every
/// block whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// microlp's branch-and-bound everywhere: the browser's engine.
    Microlp,
    /// HiGHS's branch-and-bound for a budget-linked block that pricing leaves unproven
    /// (above the priced plan: its value is HiGHS's cutoff), microlp's for the rest: the
    /// default of a native build.
    #[cfg(feature = "highs")]
    Auto,
    /// HiGHS for every block, pure ones too, from scratch: the benchmark's reference.
    #[cfg(feature = "highs")]
    Highs,
}

impl Default for Engine {
    /// `Auto` in a build with HiGHS, else `Microlp`.
    fn default() -> Engine {
        #[cfg(feature = "highs")]
        return Engine::Auto;
        #[cfg(not(feature = "highs"))]
        return Engine::Microlp;
    }
}

impl Engine {
    /// The engines this build has.
    pub const ALL: &'static [Engine] = &[
        Engine::Microlp,
        #[cfg(feature = "highs")]
        Engine::Auto,
        #[cfg(feature = "highs")]
        Engine::Highs,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Microlp => "microlp",
            #[cfg(feature = "highs")]
            Engine::Auto => "auto",
            #[cfg(feature = "highs")]
            Engine::Highs => "highs",
        }
    }

    /// The engine of that name, if this build has it.
    pub fn named(name: &str) -> Option<Engine> {
        Engine::ALL.iter().copied().find(|engine| engine.name() == name)
    }

    /// True for HiGHS handed every block whole (the benchmark's reference).
    pub fn is_highs_alone(self) -> bool {
        #[cfg(feature = "highs")]
        return self == Engine::Highs;
        #[cfg(not(feature = "highs"))]
        return false;
    }

    /// True when Qudra's own methods (flows, priced budgets) come before branch-and-bound.
    pub(crate) fn own_methods_first(self) -> bool {
        match self {
            Engine::Microlp => true,
            #[cfg(feature = "highs")]
            Engine::Auto => true,
            #[cfg(feature = "highs")]
            Engine::Highs => false,
        }
    }
}

/// Why no plan could be produced.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SolveError {
    #[error("the scenario has {} {}; fix them before solving", .0.len(), if .0.len() == 1 { "problem" } else { "problems" })]
    Invalid(Vec<Problem>),
    #[error("the pins cannot all be honoured: {}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Infeasible(Vec<PinProblem>),
    #[error("no plan was found within the time limit of {0} s; allow more time")]
    NoPlanInTime(f64),
    #[error("the solver failed: {0}")]
    Solver(String),
}

/// Solves a scenario into a plan (SPEC §3–4). Invalid scenarios are never solved. The time
/// limit runs from here: building the index and the model counts against it.
pub fn solve(scenario: &Scenario, options: &Options) -> Result<Plan, SolveError> {
    let deadline = Deadline::after(options.time_limit);
    Model::build(scenario)?.solve_until(options, deadline)
}
