//! The SPEC §3 objective, in one place: `sum_n w_n (u_n + beta min(u_n, core_n)) - gamma
//! sum cost_s x[n,s]`, of whole seats. The model writes the same sum for the engines
//! (`model::objective`, with `z_n` for `min(u_n, core_n)`); everything else that values a
//! plan or bounds one calls these functions.

use std::collections::{BTreeMap, HashMap};

use super::compat::Index;
use super::model;
use super::plan::Allocation;

/// What `served` seats of need `n` are worth: its weight per seat, plus the equity bonus for
/// the seats up to half of its trainees (rounded up).
pub(super) fn need_value(index: &Index, n: usize, served: i64) -> f64 {
    let core = model::core(index.need(n).trainees).min(served) as f64;
    model::weight(index, n) * (served as f64 + index.scenario.settings.equity_bonus * core)
}

/// The objective of seats per pair of a block.
pub(super) fn of_seats(index: &Index, seats: &[i64]) -> f64 {
    priced(index, seats, None)
}

/// The objective of seats per pair of a block, less `price[p]` for each seat of pair `p`
/// (budgets or seats priced instead of imposed: `lagrange.rs`, `flow.rs`).
pub(super) fn of_priced_seats(index: &Index, seats: &[i64], price: &[f64]) -> f64 {
    priced(index, seats, Some(price))
}

fn priced(index: &Index, seats: &[i64], price: Option<&[f64]>) -> f64 {
    let mut served: BTreeMap<usize, i64> = BTreeMap::new();
    let mut cost = 0.0;
    let mut priced = 0.0;
    for (p, pair) in index.pairs.iter().enumerate() {
        *served.entry(pair.need).or_default() += seats[p];
        cost += (index.session(pair.session).cost_per_seat * seats[p]) as f64;
        if let Some(price) = price {
            priced += price[p] * seats[p] as f64;
        }
    }
    let value: f64 = served.into_iter().map(|(n, u)| need_value(index, n, u)).sum();
    value - index.scenario.settings.cost_weight * cost - priced
}

/// The objective of the allocations of a plan, looked up by id in the index's scenario
/// (hashed: only looked up, never iterated); a block's seats are valued by [`of_seats`]
/// without looking anything up, so that its cost does not grow with the whole scenario.
pub(super) fn of_allocations(index: &Index, allocations: &[Allocation]) -> f64 {
    let scenario = index.scenario;
    let need_pos: HashMap<_, usize> = scenario.needs.iter().enumerate().map(|(i, n)| (&n.id, i)).collect();
    let cost_of: HashMap<_, i64> = scenario.sessions.iter().map(|s| (&s.id, s.cost_per_seat)).collect();
    let mut served = vec![0i64; scenario.needs.len()];
    let mut cost = 0.0;
    for allocation in allocations {
        if let Some(&n) = need_pos.get(&allocation.need) {
            served[n] += allocation.seats;
        }
        if let Some(&price) = cost_of.get(&allocation.session) {
            cost += (price * allocation.seats) as f64;
        }
    }
    let value: f64 = served.iter().enumerate().map(|(n, &u)| need_value(index, n, u)).sum();
    value - scenario.settings.cost_weight * cost
}

/// The objective if every need of the block with a pair were served in full at no cost: an
/// upper bound.
pub(super) fn full_service(index: &Index) -> f64 {
    full_service_of(index, (0..index.by_need.len()).filter(|&n| !index.by_need[n].is_empty()))
}

/// The objective if these needs were served in full at no cost.
pub(super) fn full_service_of(index: &Index, needs: impl IntoIterator<Item = usize>) -> f64 {
    needs.into_iter().map(|n| need_value(index, n, index.need(n).trainees)).sum()
}

/// A bound meets a plan's objective: equal within rounding (never when the bound is
/// infinite). Then the plan is proven optimal, whoever stopped early.
pub(super) fn meets(bound: f64, objective: f64) -> bool {
    bound.is_finite() && bound - objective <= 1e-9 * bound.abs().max(1.0)
}

/// Rounded to six decimals, as plans carry objectives and bounds.
pub(super) fn round6(value: f64) -> f64 {
    if value.is_finite() {
        (value * 1e6).round() / 1e6
    } else {
        value
    }
}
