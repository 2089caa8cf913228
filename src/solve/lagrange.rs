//! Budgets priced instead of imposed (Lagrangian relaxation of the state budgets), for a
//! block that budgets link together.
//!
//! Without its budget rows, such a block falls apart into the small blocks of single skills
//! and levels, each a network flow that microlp solves at once. Each round gives every
//! budgeted state a price per unit of money `lambda`, takes `lambda * cost` off the value of
//! its paid seats, and solves the small blocks (in parallel). Then:
//! - **bound**: the priced optimum plus `sum lambda * budget` is at least the block's true
//!   optimum, for any prices `>= 0`; the smallest seen is kept;
//! - **plan**: the priced plan, cut back to each budget (cheapest value per unit of money
//!   first) and filled greedily, is feasible; the best seen is kept;
//! - **prices** move along the overspend (subgradient steps of Polyak's length).
//!
//! When plan and bound meet, the plan is proven optimal; otherwise both go to
//! branch-and-bound (or stand as they are, for blocks too large for it).

use std::collections::{BTreeMap, BTreeSet};

use super::compat::{self, Index};
use super::deadline::{Deadline, Stopwatch};
use super::engine::{self, Parts, Solved};
use super::model::{self, Family};
use super::objective::{self, meets};
use super::{flow, heuristic, parallel};

/// What pricing found: the best plan (seats per pair of the block), its objective, and the
/// smallest bound.
pub struct Priced {
    pub seats: Vec<i64>,
    pub objective: f64,
    pub bound: f64,
    /// The budgets' prices (per state, by index) of the round with the best priced bound.
    pub prices: Vec<f64>,
}

impl Priced {
    /// Plan and bound meet: the plan is proven optimal.
    pub fn closed(&self) -> bool {
        meets(self.bound, self.objective)
    }
}

/// Pricing rounds at most; fewer when the time given runs out, plan and bound meet, or
/// the plan has not improved for `PATIENCE` rounds.
const ROUNDS: usize = 60;
const PATIENCE: usize = 12;

/// Seconds one state's whole-seat plan may take in the by-state bound.
const STATE_SECONDS: f64 = 0.2;

/// True when the block's budgets link blocks that would otherwise be apart.
pub fn applies(index: &Index, families: &[Family]) -> bool {
    families.contains(&Family::Budget) && compat::unbudgeted_blocks(index).len() > 1
}

/// Prices the budgets of a budget-linked block before the deadline. `None` when no round
/// finished in time (then the caller solves the block whole).
pub fn solve(index: &Index, families: &[Family], deadline: Deadline) -> Option<Priced> {
    let stopwatch = Stopwatch::start();
    let time_limit = deadline.left();
    let pieces = compat::unbudgeted_blocks(index);
    let unbudgeted: Vec<Family> = families.iter().copied().filter(|&family| family != Family::Budget).collect();
    let states = &index.scenario.states;
    // The budgeted state each pair spends from, and the price of its seat.
    let payer: Vec<Option<usize>> = index.pairs.iter().map(|pair| index.payer(pair)).collect();
    let cost = |p: usize| index.session(index.pairs[p].session).cost_per_seat as f64;
    let budget = |state: usize| states[state].budget.unwrap_or(0) as f64;
    let mut lambda = vec![0.0f64; states.len()];
    let mut best: Option<(Vec<i64>, f64)> = None;
    let mut bound = f64::INFINITY;
    let mut step = 1.0;
    let mut stalled = 0;
    let mut since_better_plan = 0;
    // Seat prices per session (duals of the sessions' capacity) from the round with the best bound.
    let mut seat_prices = vec![0.0; index.scenario.sessions.len()];
    let mut best_lambda = lambda.clone();
    let mut round_seconds = 0.0f64;
    for _ in 0..ROUNDS {
        // Stop when another round (as long as the longest so far) would not fit.
        let elapsed = stopwatch.seconds();
        if deadline.passed() || time_limit.is_some_and(|limit| elapsed + round_seconds >= limit) {
            break;
        }
        let left = deadline.left();
        let price: Vec<f64> = (0..index.pairs.len()).map(|p| payer[p].map_or(0.0, |k| lambda[k] * cost(p))).collect();
        let solved = parallel::map(pieces.iter().collect(), |piece: &Vec<usize>| {
            let block = index.restrict(piece);
            let piece_price: Vec<f64> = piece.iter().map(|&p| price[p]).collect();
            if flow::applies(&block, &unbudgeted) {
                // A flow the deadline stopped is a plan, but its value bounds nothing.
                let (flow, seat_prices) = flow::solve_with_prices(&block, &piece_price, deadline);
                let solved = Solved { seats: flow.seats, proven: flow.complete, value: flow.value, best_bound: None };
                Some((solved, seat_prices))
            } else {
                let parts = Parts::priced(&block, &unbudgeted, &piece_price);
                let solved = engine::microlp::solve(parts, left, None, 0.0).ok()?;
                Some((solved, Vec::new()))
            }
        });
        round_seconds = round_seconds.max(stopwatch.seconds() - elapsed);
        // A small block out of time without a plan: the round is lost, the best so far stands.
        if solved.iter().any(Option::is_none) {
            break;
        }
        let mut x = vec![0i64; index.pairs.len()];
        let mut dual: f64 = lambda.iter().enumerate().map(|(k, &l)| l * budget(k)).sum();
        let mut round_seat_prices = vec![0.0; index.scenario.sessions.len()];
        for (piece, (solved, seat_prices)) in pieces.iter().zip(solved.into_iter().flatten()) {
            for (session, seat_price) in seat_prices {
                round_seat_prices[session] = seat_price;
            }
            for (i, &p) in piece.iter().enumerate() {
                x[p] = solved.seats[i];
            }
            dual +=
                if solved.proven { solved.value } else { solved.best_bound.unwrap_or(f64::INFINITY).max(solved.value) };
        }
        if dual.is_finite() && (!bound.is_finite() || dual < bound - 1e-9 * bound.abs().max(1.0)) {
            bound = dual;
            seat_prices = round_seat_prices;
            best_lambda = lambda.clone();
            stalled = 0;
        } else {
            stalled += 1;
            if stalled >= 3 {
                step /= 2.0;
                stalled = 0;
            }
        }
        // Overspend per budgeted state: the direction the prices move.
        let mut overspend = vec![0.0f64; states.len()];
        for (p, &seats) in x.iter().enumerate() {
            if let Some(k) = payer[p] {
                overspend[k] += cost(p) * seats as f64;
            }
        }
        for (k, spent) in overspend.iter_mut().enumerate() {
            if states[k].budget.is_some() {
                *spent -= budget(k);
            }
        }
        if let Some(plan) = within_budgets(index, &payer, x) {
            let objective = objective::of_seats(index, &plan);
            if best.as_ref().is_none_or(|(_, value)| objective > *value) {
                best = Some((plan, objective));
                since_better_plan = 0;
            }
        }
        since_better_plan += 1;
        if since_better_plan > PATIENCE {
            break;
        }
        let Some(target) = best.as_ref().map(|(_, value)| *value) else { break };
        if meets(bound, target) || !dual.is_finite() {
            break;
        }
        // Only prices that can move: overspent, or positive and underspent.
        let norm: f64 = (0..states.len())
            .filter(|&k| states[k].budget.is_some() && (overspend[k] > 0.0 || lambda[k] > 0.0))
            .map(|k| overspend[k] * overspend[k])
            .sum();
        if norm <= 0.0 {
            break;
        }
        let length = step * (dual - target) / norm;
        for k in 0..states.len() {
            if states[k].budget.is_some() {
                lambda[k] = (lambda[k] + length * overspend[k]).max(0.0);
            }
        }
    }
    let (seats, objective) = best?;
    if !meets(bound, objective) && !deadline.passed() {
        if let Some(by_state) = by_state_bound(index, families, &seat_prices, deadline) {
            bound = bound.min(by_state);
        }
    }
    Some(Priced { seats, objective, bound: bound.max(objective), prices: best_lambda })
}

/// A second bound, from the other side: the sessions' seats priced (at `seat_prices`, the
/// duals of the round with the best bound) instead of shared, so that each state plans
/// alone, in whole seats and within its own budget. For any prices `>= 0`, the states' best
/// values plus `sum price * seats` is at least the block's optimum; at these prices it is at
/// most the priced bound, less what whole seats cost each budgeted state (the fraction of a
/// seat its budget's last coins buy in the relaxation). On the large budgeted benchmark this
/// closes most of the relaxation's gap. `None` when a session has a minimum (its `y` ties
/// states together), or out of time.
fn by_state_bound(index: &Index, families: &[Family], seat_prices: &[f64], deadline: Deadline) -> Option<f64> {
    if index.pairs.iter().any(|pair| index.session(pair.session).min_participants > 0) || deadline.passed() {
        return None;
    }
    let mut by_state: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (p, pair) in index.pairs.iter().enumerate() {
        by_state.entry(index.state_of[pair.need]).or_default().push(p);
    }
    let sessions: BTreeSet<usize> = index.pairs.iter().map(|pair| pair.session).collect();
    let shared: f64 = sessions.iter().map(|&s| seat_prices[s] * index.session(s).seats as f64).sum();
    let values = parallel::map(by_state.into_values().collect(), |pairs: Vec<usize>| {
        let state = index.restrict(&pairs);
        let price: Vec<f64> = state.pairs.iter().map(|pair| seat_prices[pair.session]).collect();
        if flow::applies(&state, families) {
            let flow = flow::solve(&state, &price, deadline);
            return flow.complete.then_some(flow.value);
        }
        // A state whose branch-and-bound drags on gives its bound so far.
        let left = deadline.left().map_or(STATE_SECONDS, |left| left.min(STATE_SECONDS));
        let solved = engine::microlp::solve(Parts::priced(&state, families, &price), Some(left), None, 0.0).ok()?;
        Some(if solved.proven { solved.value } else { solved.best_bound?.max(solved.value) })
    });
    values.into_iter().sum::<Option<f64>>().map(|total| total + shared)
}

/// The priced plan cut back to every budget, then filled greedily: seats of the least value
/// per unit of money go first. Pinned seats stay. `None` if a pinned minimum-size session
/// falls below its minimum.
fn within_budgets(index: &Index, payer: &[Option<usize>], mut x: Vec<i64>) -> Option<Vec<i64>> {
    let states = &index.scenario.states;
    let settings = &index.scenario.settings;
    let mut spent = vec![0i64; states.len()];
    for (p, &seats) in x.iter().enumerate() {
        if let Some(k) = payer[p] {
            spent[k] += seats * index.session(index.pairs[p].session).cost_per_seat;
        }
    }
    let mut cuttable: Vec<usize> =
        (0..x.len()).filter(|&p| payer[p].is_some() && index.pairs[p].pin.is_none() && x[p] > 0).collect();
    let per_money = |p: usize| {
        let pair = &index.pairs[p];
        let cost = index.session(pair.session).cost_per_seat as f64;
        (model::weight(index, pair.need) - settings.cost_weight * cost) / cost
    };
    cuttable.sort_by(|&a, &b| per_money(a).total_cmp(&per_money(b)).then(a.cmp(&b)));
    for p in cuttable {
        let Some(k) = payer[p] else { continue };
        let budget = states[k].budget.unwrap_or(i64::MAX);
        let cost = index.session(index.pairs[p].session).cost_per_seat;
        while spent[k] > budget && x[p] > 0 {
            x[p] -= 1;
            spent[k] -= cost;
        }
    }
    let values: Vec<f64> = x.iter().map(|&seats| seats as f64).collect();
    heuristic::repair(index, Some(&values))
}
