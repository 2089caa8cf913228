//! The Dantzig–Wolfe bound of a budget-linked block: the sessions' seats priced again and
//! again, at the duals of a linear master over the states' plans (column generation).
//!
//! The by-state bound of `lagrange.rs` prices the seats once, at the flows' duals, and lets
//! every state plan alone: for any seat prices `pi >= 0`,
//! `L(pi) = sum_s pi_s seats_s + sum_k best_k(pi)` bounds the block's optimum, where
//! `best_k(pi)` is state `k`'s best plan alone (in whole seats, within its budget) with each
//! seat priced at `pi`. Here the prices are chosen by a linear programme instead: the master
//! `min sum_s pi_s seats_s + sum_k theta_k` subject to `theta_k + sum_s a_s pi_s >= v` for
//! every plan `(a, v)` of state `k` found so far (`a_s` its seats in session `s`, `v` its
//! value), `pi >= 0`. It is the dual of the restricted master over the states' plans (one
//! column per plan, a convexity row per state, the sessions' seat rows shared), so each
//! plan is a column and a cut at once. Each round solves the master (microlp, warm: a new
//! plan is a row added to the last optimum), prices every state at its `pi` (the dynamic
//! programme of `knapsack.rs` for a budgeted state, a flow for the others), and adds the
//! plans that beat their state's `theta_k`: the columns of positive reduced cost. Until no
//! plan does, `L(pi)` of each round is a valid bound (whatever the master's accuracy: it only
//! proposes the prices), the smallest is kept; the master's value is never above the bound
//! this method can reach, so when it passes the plan, nothing here can prove it.
//!
//! The states without a budget are priced like the others (their flows are integral, so
//! their plans' hull is their linear relaxation, as a master with their pairs as continuous
//! variables would have it), which keeps the master to a variable per session and state.

use std::collections::{BTreeMap, BTreeSet};

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, SolveOutcome, Solution, Variable};

use super::compat::Index;
use super::deadline::Deadline;
use super::model::Family;
use super::objective;
use super::{flow, knapsack, parallel};

/// Master rounds at most.
const ROUNDS: usize = 200;

/// How far the prices tried go from the master's towards the best so far, at first.
const SMOOTHING: f64 = 0.5;

/// What column generation gave: the smallest bound `L(pi)` found, the seat prices per
/// session (by scenario index) that gave it, the master's last value (no bound of this
/// method goes below it), and the rounds it took.
#[derive(Debug, Clone)]
pub struct Columns {
    pub bound: f64,
    pub prices: Vec<f64>,
    pub master: f64,
    pub rounds: usize,
}

/// One state of the block: its pairs (block positions) and the block restricted to them.
struct State<'a> {
    pairs: Vec<usize>,
    alone: Index<'a>,
}

/// A plan of one state as a column: its seats per session of the block (by master
/// position) and its value.
struct Plan {
    state: usize,
    seats: Vec<(usize, f64)>,
    value: f64,
}

/// The bound of a budget-linked block (`index`) by column generation, starting from the
/// seat prices `start` (per session, by scenario index) and the block's plans `plans` (seats
/// per pair), until the master converges, `target` (the best plan's objective) is met,
/// [`ROUNDS`] pass or the deadline does. `None` when a session has a minimum (its `y` ties
/// the states together), or no round priced every state in time.
pub fn bound(
    index: &Index,
    families: &[Family],
    start: &[f64],
    plans: &[&[i64]],
    target: f64,
    deadline: Deadline,
) -> Option<Columns> {
    if index.pairs.iter().any(|pair| index.session(pair.session).min_participants > 0) || deadline.passed() {
        return None;
    }
    let mut grouped: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (p, pair) in index.pairs.iter().enumerate() {
        grouped.entry(index.state_of[pair.need]).or_default().push(p);
    }
    let states: Vec<State> =
        grouped.into_values().map(|pairs| State { alone: index.restrict(&pairs), pairs }).collect();
    let sessions: Vec<usize> =
        index.pairs.iter().map(|pair| pair.session).collect::<BTreeSet<usize>>().into_iter().collect();
    let position: BTreeMap<usize, usize> = sessions.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let column = |state: usize, seats: &[i64]| -> Plan {
        let alone = &states[state].alone;
        let mut by_session: BTreeMap<usize, f64> = BTreeMap::new();
        for (pair, &x) in alone.pairs.iter().zip(seats) {
            if x != 0 {
                *by_session.entry(position[&pair.session]).or_default() += x as f64;
            }
        }
        Plan { state, seats: by_session.into_iter().collect(), value: objective::of_seats(alone, seats) }
    };

    // The master: a price per session (at most what a seat there could be worth is not
    // needed: `seats_s > 0` keeps it bounded), a free value per state.
    let mut master = Problem::new(OptimizationDirection::Minimize);
    let pi: Vec<Variable> =
        sessions.iter().map(|&s| master.add_var(index.session(s).seats as f64, (0.0, f64::INFINITY))).collect();
    let theta: Vec<Variable> =
        states.iter().map(|_| master.add_var(1.0, (f64::NEG_INFINITY, f64::INFINITY))).collect();
    let row = |plan: &Plan| -> LinearExpr {
        let mut expr = LinearExpr::empty();
        expr.add(theta[plan.state], 1.0);
        for &(i, seats) in &plan.seats {
            expr.add(pi[i], seats);
        }
        expr
    };
    // The first rows: every state's part of the plans given, its empty plan when it has no
    // pin, and its best plan at the starting prices.
    let priced_at = |prices: &[f64]| price_all(&states, prices, families, deadline);
    let first = priced_at(start)?;
    let shared = |prices: &[f64]| sessions.iter().map(|&s| prices[s] * index.session(s).seats as f64).sum::<f64>();
    let mut best = Columns {
        bound: shared(start) + first.iter().map(|(value, _)| value).sum::<f64>(),
        prices: start.to_vec(),
        master: f64::NEG_INFINITY,
        rounds: 0,
    };
    for (k, state) in states.iter().enumerate() {
        let mut rows: Vec<Vec<i64>> = plans.iter().map(|plan| state.pairs.iter().map(|&p| plan[p]).collect()).collect();
        if state.alone.pairs.iter().all(|pair| pair.pin.is_none()) {
            rows.push(vec![0; state.pairs.len()]);
        }
        rows.extend(first[k].1.clone());
        for seats in rows {
            let plan = column(k, &seats);
            master.add_constraint(row(&plan), ComparisonOp::Ge, plan.value);
        }
    }
    master.set_time_limit(std::time::Duration::from_secs_f64(deadline.left().unwrap_or(600.0).max(0.0)));
    let mut solution: Solution = solved(master.solve().ok()?)?;
    // Prices are tried between the best so far and the master's (Wentges' smoothing: the
    // master's own prices jump about while it has few plans); `SMOOTHING` of the way from the
    // master's towards the best, less after a round whose mixed prices found no new column.
    let alpha = SMOOTHING;
    let clock = super::deadline::Stopwatch::start();
    eprintln!("[cg] states {} sessions {} start bound {:.4} target {:.4}", states.len(), sessions.len(), best.bound, target);
    for round in 1..=ROUNDS {
        if deadline.passed() || objective::meets(best.bound, target) {
            break;
        }
        let mut master_prices = vec![0.0; index.scenario.sessions.len()];
        for (i, &s) in sessions.iter().enumerate() {
            master_prices[s] = solution.var_value(pi[i]).max(0.0);
        }
        let thetas: Vec<f64> = theta.iter().map(|&var| solution.var_value(var)).collect();
        best.master = solution.objective();
        best.rounds = round;
        // Converged: no plan can take the bound below the master's value.
        if objective::meets(best.bound, best.master) {
            break;
        }
        let mut cuts: Vec<Plan> = Vec::new();
        let mixes: &[f64] = if alpha > 0.0 { &[alpha, 0.0] } else { &[0.0] };
        for &mix in mixes {
            let prices: Vec<f64> =
                master_prices.iter().zip(&best.prices).map(|(&m, &b)| mix * b + (1.0 - mix) * m).collect();
            let Some(found) = priced_at(&prices) else { return Some(best) };
            let bound = shared(&prices) + found.iter().map(|(value, _)| value).sum::<f64>();
            if bound < best.bound {
                best.bound = bound;
                best.prices = prices;
            }
            // The columns of positive reduced cost at the master's prices: plans that beat
            // their state's value there.
            for (k, (_, seats)) in found.into_iter().enumerate() {
                let Some(seats) = seats else { continue };
                let plan = column(k, &seats);
                let reduced = plan.value - plan.seats.iter().map(|&(i, x)| x * solution.var_value(pi[i])).sum::<f64>();
                if reduced > thetas[k] + 1e-9 * reduced.abs().max(1.0) {
                    cuts.push(plan);
                }
            }
            if !cuts.is_empty() {
                break;
            }
        }
        eprintln!("[cg] round {round} {:.0} ms master {:.4} best {:.4} alpha {alpha} cuts {}", clock.seconds() * 1e3, best.master, best.bound, cuts.len());
        if cuts.is_empty() {
            break;
        }
        for plan in cuts {
            solution = solved(solution.add_constraint(row(&plan), ComparisonOp::Ge, plan.value).ok()?)?;
        }
    }
    Some(best)
}

/// Every state's best plan alone at seat prices `prices` (per session, by scenario index):
/// its value in the priced objective and its seats per state pair when they are known.
/// `None` when a state has no bound in time.
fn price_all(
    states: &[State],
    prices: &[f64],
    families: &[Family],
    deadline: Deadline,
) -> Option<Vec<(f64, Option<Vec<i64>>)>> {
    parallel::map(states.iter().collect(), |state: &State| {
        let alone = &state.alone;
        let price: Vec<f64> = alone.pairs.iter().map(|pair| prices[pair.session]).collect();
        if flow::applies(alone, families) {
            let flow = flow::solve(alone, &price, deadline);
            return flow.complete.then_some((flow.value, Some(flow.seats)));
        }
        if let Some(best) = knapsack::best_alone(alone, &price, deadline) {
            return Some((best.value, Some(best.seats)));
        }
        knapsack::best_value_alone(alone, &price, deadline).map(|value| (value, None))
    })
    .into_iter()
    .collect()
}

/// The master's optimum, or `None` when it was stopped.
fn solved(outcome: SolveOutcome) -> Option<Solution> {
    let solution = outcome.into_solution().ok()?;
    matches!(solution.status(), microlp::SolutionStatus::Optimal).then_some(solution)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::Scenario;
    use crate::solve::engine::{self, Parts};
    use crate::solve::{compat, lagrange};
    use crate::synth::{scenario, Rng, Scale, Variant};

    /// A regional scenario with budgets drawn again (from a tenth of the generator's to all
    /// of it, so that they bind) and seats scarcer (a fifth to two thirds of them, so that
    /// states compete for them), and the share of its needs to keep: small budget-linked
    /// blocks.
    fn small(seed: u64) -> (Scenario, f64) {
        let mut s = scenario(Scale::Region, Variant::Budget, seed % 64);
        let mut rng = Rng::new(seed);
        for state in &mut s.states {
            if let Some(budget) = state.budget {
                state.budget = Some(budget * rng.range(10, 100) / 100 / 100 * 100);
            }
        }
        for session in &mut s.sessions {
            session.seats = (session.seats * rng.range(20, 66) / 100).max(1);
        }
        (s, rng.range(30, 70) as f64 / 100.0)
    }

    /// The budget-linked blocks of the scenario with only a share of its needs kept.
    fn blocks<'a>(index: &Index<'a>, share: f64, seed: u64) -> Vec<Index<'a>> {
        let mut rng = Rng::new(seed ^ 0xc01);
        let kept: Vec<bool> = (0..index.scenario.needs.len()).map(|_| rng.chance(share)).collect();
        let pairs: Vec<usize> = (0..index.pairs.len()).filter(|&p| kept[index.pairs[p].need]).collect();
        let part = index.restrict(&pairs);
        compat::blocks(&part)
            .into_iter()
            .map(|pairs| part.restrict(&pairs))
            .filter(|block| lagrange::applies(block, &Family::ALL))
            .collect()
    }

    /// The seats' prices the by-state bound starts from: the duals of the block's flows
    /// without its budgets.
    fn flows_duals(block: &Index) -> Vec<f64> {
        let unbudgeted: Vec<Family> = Family::ALL.into_iter().filter(|&f| f != Family::Budget).collect();
        let mut prices = vec![0.0; block.scenario.sessions.len()];
        for piece in compat::unbudgeted_blocks(block) {
            let part = block.restrict(&piece);
            if flow::applies(&part, &unbudgeted) {
                let (_, duals) = flow::solve_with_prices(&part, &vec![0.0; piece.len()], Deadline::none());
                for (s, price) in duals {
                    prices[s] = price;
                }
            }
        }
        prices
    }

    /// The block's old and new bounds and its proven optimum (microlp, whole).
    fn bounds(block: &Index) -> Option<(f64, f64, f64)> {
        let start = flows_duals(block);
        let old = lagrange::by_state_bound(block, &Family::ALL, &start, Deadline::none())?;
        let new = bound(block, &Family::ALL, &start, &[], f64::NEG_INFINITY, Deadline::none())?;
        let exact = engine::microlp::solve(Parts::build(block, &Family::ALL, true), None, None, 0.0).ok()?;
        exact.proven.then_some((old, new.bound, exact.value))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(14), ..ProptestConfig::default() })]

        /// On small random budgeted blocks, the bound of column generation is at least the
        /// proven optimum (microlp's, of the block whole) and at most the by-state bound it
        /// starts from.
        #[test]
        fn the_bound_is_between_the_optimum_and_the_by_state_bound(seed in 0u64..1_000_000) {
            let (s, share) = small(seed);
            let index = Index::new(&s);
            for block in blocks(&index, share, seed) {
                let Some((old, new, exact)) = bounds(&block) else { continue };
                let tolerance = 1e-6 * exact.abs().max(1.0);
                prop_assert!(new >= exact - tolerance, "seed {}: bound {} below the optimum {}", seed, new, exact);
                prop_assert!(new <= old + tolerance, "seed {}: bound {} above the by-state bound {}", seed, new, old);
            }
        }
    }

    /// Pricing the seats again lowers the by-state bound on some of these blocks (and
    /// reaches the optimum on some of those): the master's prices are not the flows'.
    #[test]
    fn the_bound_falls_below_the_by_state_bound() {
        let (mut checked, mut lower) = (0, 0);
        for seed in 0..16u64 {
            let (s, share) = small(seed * 7919);
            let index = Index::new(&s);
            for block in blocks(&index, share, seed) {
                let Some((old, new, exact)) = bounds(&block) else { continue };
                eprintln!("[t] old {old:.4} new {new:.4} exact {exact:.4}");
                assert!(new >= exact - 1e-6 * exact.abs().max(1.0), "seed {seed}: {new} < {exact}");
                checked += 1;
                if new < old - 1e-6 * old.abs().max(1.0) {
                    lower += 1;
                }
            }
        }
        assert!(checked >= 8 && lower >= 3, "{lower} of {checked} blocks with a lower bound");
    }
}
