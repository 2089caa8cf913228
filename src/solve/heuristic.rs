//! A first plan for the hard blocks (state budgets, minimum-size sessions): solve the
//! linear relaxation, round it down, and fill what is left greedily. microlp gets it as a
//! warm start, so branch-and-bound prunes from its first node and a time-limited solve
//! always returns a good plan instead of none.

use super::compat::Index;
use super::model;

/// Seats and money already used while a plan is repaired.
struct Usage {
    served: Vec<i64>,
    filled: Vec<i64>,
    state_filled: std::collections::BTreeMap<(usize, usize), i64>,
    spent: Vec<i64>,
}

impl Usage {
    fn add(&mut self, index: &Index, p: usize, seats: i64) {
        let pair = &index.pairs[p];
        let state = index.state_of[pair.need];
        self.served[pair.need] += seats;
        self.filled[pair.session] += seats;
        *self.state_filled.entry((pair.session, state)).or_default() += seats;
        self.spent[state] += seats * index.session(pair.session).cost_per_seat;
    }

    /// Seats pair `p` can still take without breaking demand, capacity, cap or budget.
    fn room(&self, index: &Index, p: usize, current: i64) -> i64 {
        let pair = &index.pairs[p];
        let session = index.session(pair.session);
        let state = index.state_of[pair.need];
        let mut room = (pair.upper - current)
            .min(index.need(pair.need).trainees - self.served[pair.need])
            .min(session.seats - self.filled[pair.session]);
        if let Some(cap) = session.max_per_state {
            room = room.min(cap - self.state_filled.get(&(pair.session, state)).copied().unwrap_or(0));
        }
        if let (Some(budget), true) = (index.scenario.states[state].budget, session.cost_per_seat > 0) {
            room = room.min((budget - self.spent[state]) / session.cost_per_seat);
        }
        room.max(0)
    }
}

/// A feasible integer allocation per pair of the block, from the relaxation's values
/// (`None` when no relaxed values are given: then from the greedy fill alone). Returns
/// `None` if pins leave a minimum-size session below its minimum after rounding.
pub fn repair(index: &Index, relaxed: Option<&[f64]>) -> Option<Vec<i64>> {
    let scenario = index.scenario;
    let mut usage = Usage {
        served: vec![0; scenario.needs.len()],
        filled: vec![0; scenario.sessions.len()],
        state_filled: Default::default(),
        spent: vec![0; scenario.states.len()],
    };
    let mut x: Vec<i64> = index
        .pairs
        .iter()
        .enumerate()
        .map(|(p, pair)| match pair.pin {
            Some(seats) => seats,
            None => relaxed.map_or(0, |values| (values[p] + 1e-6).floor().clamp(0.0, pair.upper as f64) as i64),
        })
        .collect();
    // Sessions that rounding left below their minimum do not run (unless pinned).
    for (s, pairs) in index.by_session.iter().enumerate() {
        let minimum = index.session(s).min_participants;
        let total: i64 = pairs.iter().map(|&p| x[p]).sum();
        if minimum > 0 && total > 0 && total < minimum {
            if pairs.iter().any(|&p| index.pairs[p].pin.is_some()) {
                return None;
            }
            pairs.iter().for_each(|&p| x[p] = 0);
        }
    }
    // Rounding down keeps every `<=` row; recount what is used.
    for (p, &seats) in x.iter().enumerate() {
        usage.add(index, p, seats);
    }
    // Greedy fill, most valuable seats first, only in sessions that already run or need no minimum.
    let settings = &scenario.settings;
    let value = |p: usize| {
        let pair = &index.pairs[p];
        model::weight(index, pair.need) - settings.cost_weight * index.session(pair.session).cost_per_seat as f64
    };
    let mut order: Vec<usize> = (0..index.pairs.len()).filter(|&p| index.pairs[p].pin.is_none()).collect();
    order.sort_by(|&a, &b| value(b).total_cmp(&value(a)).then(a.cmp(&b)));
    for p in order {
        let pair = &index.pairs[p];
        let session = index.session(pair.session);
        if session.min_participants > 0 && usage.filled[pair.session] == 0 {
            continue;
        }
        let trainees = index.need(pair.need).trainees;
        let core = model::core(trainees);
        let mut room = usage.room(index, p, x[p]);
        // Seats come in at most two runs of equal gain: those that earn the equity bonus,
        // then the rest.
        while room > 0 {
            let in_core = usage.served[pair.need] < core;
            let bonus = if in_core { settings.equity_bonus } else { 0.0 };
            let gain =
                model::weight(index, pair.need) * (1.0 + bonus) - settings.cost_weight * session.cost_per_seat as f64;
            if gain <= 0.0 {
                break;
            }
            let take = if in_core { room.min(core - usage.served[pair.need]) } else { room };
            x[p] += take;
            usage.add(index, p, take);
            room -= take;
        }
    }
    Some(x)
}
