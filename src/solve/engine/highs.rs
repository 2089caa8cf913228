//! The native HiGHS engine (feature `highs`): the reference the benchmark compares microlp
//! with, and a choice for very large runs on the command line (`qudra solve --solver highs`).
//! good_lp writes the model; HiGHS is then driven directly, so that its proven dual bound
//! is read when it stops on the time limit.

use ::highs::{HighsModelStatus, HighsSolutionStatus};
use good_lp::solvers::highs::highs;
use good_lp::{ResolutionError, SolverModel};

use super::{EngineSolution, Parts};

/// Relative gap at which HiGHS may stop and call a plan optimal: well inside the SPEC's
/// agreement tolerance (1e-6), so `optimal` means proven optimal (unless a larger gap is
/// asked for: then a plan HiGHS calls optimal is only so when its gap is zero).
const GAP: f64 = 1e-7;

/// Solves one block with HiGHS, single-threaded (the blocks themselves run in parallel).
///
/// With a `cutoff` (the value of a plan found by other means), HiGHS searches only above
/// it: its option `objective_bound`, in HiGHS's minimising sense, prunes every node whose
/// bound does not exceed it. It still keeps any plan its heuristics meet, so a proven end
/// means the optimum is the better of its plan and the cutoff; with no plan at all it ends
/// `Infeasible` (`ResolutionError::Infeasible`): the cutoff's plan is optimal. Its dual
/// bound likewise bounds only what lies above the cutoff. A start given
/// as a plan (`setSolution`) is not used: HiGHS 1.16 scores a start wrongly once presolve
/// has reduced the model (on the large budgeted benchmark's budget-linked block it scored
/// the priced plan, worth 51462.4, at 51510.4 and returned it as optimal; the optimum is
/// 51465.85).
pub fn solve(
    parts: Parts,
    time_limit: Option<f64>,
    gap: f64,
    cutoff: Option<f64>,
) -> Result<EngineSolution, ResolutionError> {
    let Parts { problem, vars, objective, constraints } = parts;
    let mut solver = problem.maximise(objective).using(highs);
    for constraint in constraints {
        solver.add_constraint(constraint);
    }
    let mut model = solver.try_into_inner()?;
    model.make_quiet();
    model.set_option("threads", 1);
    model.set_option("mip_rel_gap", GAP.max(gap));
    if let Some(seconds) = time_limit {
        model.set_option("time_limit", seconds);
    }
    if let Some(cutoff) = cutoff {
        // HiGHS maximises by minimising the objective's negative.
        model.set_option("objective_bound", -cutoff);
    }
    let solved = model.try_solve().map_err(|status| ResolutionError::Str(format!("HiGHS: {status:?}")))?;
    let proven = match solved.status() {
        HighsModelStatus::Optimal => gap <= GAP || solved.mip_gap() <= GAP,
        HighsModelStatus::Infeasible | HighsModelStatus::UnboundedOrInfeasible => {
            return Err(ResolutionError::Infeasible)
        }
        HighsModelStatus::ReachedTimeLimit | HighsModelStatus::ReachedInterrupt => false,
        other => return Err(ResolutionError::Str(format!("HiGHS stopped: {other:?}"))),
    };
    if solved.primal_solution_status() != HighsSolutionStatus::Feasible {
        return Err(ResolutionError::Other("HiGHS found no plan in time"));
    }
    // good_lp numbers the columns in the order the variables were declared, and
    // `model::variables` declares the pairs' x first: column p is x[p].
    let columns = solved.get_solution().columns().to_vec();
    let seats = (0..vars.x.len()).map(|p| columns[p].round() as i64).collect();
    let best_bound = solved.double_info_value(c"mip_dual_bound").ok().filter(|bound| bound.is_finite());
    Ok(EngineSolution { seats, proven, value: solved.objective_value(), best_bound })
}
