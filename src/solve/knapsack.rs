//! One budgeted state alone, exactly: its best plan in whole seats within its budget, with
//! the sessions' seats priced (the by-state bound of `lagrange.rs`), by a dynamic programme
//! over money instead of microlp's branch-and-bound.
//!
//! Alone, a state's problem is a multiple-choice bounded knapsack: each need takes at most
//! its trainees over its sessions, each session at most `min(seats, cap)` of this state,
//! every paid seat costs the session's price from one budget. Money is counted in units of
//! the greatest common divisor of the prices and the budget (whole currency units, SPEC §2),
//! so a budget of 30,000 with prices in hundreds is 300 units.
//!
//! The needs fall into clusters: two needs are in one cluster when a session's limit for
//! the state can bind on their seats together (their pairs' upper bounds there sum above
//! it); elsewhere a pair's own upper bound keeps the session's limit. A cluster is solved by
//! a table over (seats each of its needs still may take, money spent at most), one stage
//! per session, which gives its best value for every amount of money; the clusters are then
//! combined over money (a max-plus convolution over each cluster's steps). Both are exact,
//! so the state's best value is exact; the seats are read back from the choices kept.
//!
//! `None` when the programme does not apply (a session with a minimum, a negative equity
//! bonus, pins the budget cannot pay), when its tables would exceed [`TABLE`], [`CELLS`] or
//! [`WORK`], or when the deadline passes: the caller then falls back to microlp.

use std::collections::BTreeMap;

use super::compat::Index;
use super::deadline::Deadline;
use super::model;

/// Most cells of one table (seats left of the open limits × amounts of money): two tables
/// of 2^22 values, 64 MiB.
const TABLE: usize = 1 << 22;

/// Most choices kept to read the seats back (two bytes each), over all of a state's steps:
/// 2^25, 64 MiB.
const CELLS: usize = 1 << 25;

/// Most transitions (cells × choices of a stage, summed) one state may take.
const WORK: usize = 1 << 28;

/// A state's best plan alone: its priced value and seats per pair of the state's index.
#[derive(Debug, Clone, PartialEq)]
pub struct Alone {
    pub value: f64,
    pub seats: Vec<i64>,
}

/// The best plan of one state alone (`state`: an index with only that state's pairs), each
/// seat of pair `p` priced at `price[p]`, within the state's budget. See the module's note
/// for when it is `None`.
#[cfg(test)]
pub fn best_alone(state: &Index, price: &[f64], deadline: Deadline) -> Option<Alone> {
    programme(state, price, None, deadline, true)
}

/// As [`best_alone`], with at most `room[s]` seats of each session `s` (by scenario index)
/// left to the state: what other states' seats leave of it.
pub fn best_alone_within(state: &Index, price: &[f64], room: &[i64], deadline: Deadline) -> Option<Alone> {
    programme(state, price, Some(room), deadline, true)
}

/// The value of [`best_alone`] without its seats: the same programme without the choices
/// kept to read them back, so only its tables' size and work limit it (the by-state bound).
pub fn best_value_alone(state: &Index, price: &[f64], deadline: Deadline) -> Option<f64> {
    programme(state, price, None, deadline, false).map(|alone| alone.value)
}

fn programme(state: &Index, price: &[f64], room: Option<&[i64]>, deadline: Deadline, keep: bool) -> Option<Alone> {
    let pairs = &state.pairs;
    let scenario = state.scenario;
    if pairs.is_empty() {
        return Some(Alone { value: 0.0, seats: Vec::new() });
    }
    let k = state.state_of[pairs[0].need];
    if pairs.iter().any(|pair| state.state_of[pair.need] != k || state.session(pair.session).min_participants > 0)
        || scenario.settings.equity_bonus < 0.0
        || price.len() != pairs.len()
    {
        return None;
    }
    // Each pair's own upper bound: what its need, its session and the state's cap allow.
    let limit_of = |s: usize| {
        let session = state.session(s);
        let limit = session.max_per_state.map_or(session.seats, |cap| cap.min(session.seats));
        room.map_or(limit, |room| limit.min(room.get(s).copied().unwrap_or(0))).max(0)
    };
    let mut upper: Vec<i64> = pairs
        .iter()
        .map(|pair| pair.upper.min(limit_of(pair.session)).min(state.need(pair.need).trainees).max(0))
        .collect();
    for (p, pair) in pairs.iter().enumerate() {
        if let Some(pin) = pair.pin {
            if pin > upper[p] || pin < 0 {
                return None;
            }
            upper[p] = pin;
        }
    }
    // Money in units of the prices' and the budget's greatest common divisor.
    let budget = scenario.states[k].budget;
    let paid = |p: usize| budget.is_some() && state.session(pairs[p].session).cost_per_seat > 0;
    let mut unit = budget.unwrap_or(0);
    for p in (0..pairs.len()).filter(|&p| paid(p)) {
        unit = gcd(unit, state.session(pairs[p].session).cost_per_seat);
    }
    let money: Vec<usize> = (0..pairs.len())
        .map(|p| if paid(p) && unit > 0 { (state.session(pairs[p].session).cost_per_seat / unit) as usize } else { 0 })
        .collect();
    let most_spent: usize = (0..pairs.len()).map(|p| money[p] * upper[p] as usize).sum();
    let width = match budget {
        Some(budget) if unit > 0 => usize::try_from(budget / unit).ok()?.min(most_spent),
        _ => 0,
    };
    let pinned_money: usize = (0..pairs.len()).filter_map(|p| pairs[p].pin.map(|pin| money[p] * pin as usize)).sum();
    if pinned_money > width {
        return None;
    }
    // Seat values: weight less cost and price; the need's bonus is added per cluster.
    let gamma = scenario.settings.cost_weight;
    let value: Vec<f64> = pairs
        .iter()
        .enumerate()
        .map(|(p, pair)| {
            model::weight(state, pair.need) - gamma * state.session(pair.session).cost_per_seat as f64 - price[p]
        })
        .collect();

    let clusters = clusters(state, &upper, limit_of);
    let mut work = Work { cells: 0, steps: 0, keep };
    let mut solved = Vec::with_capacity(clusters.len());
    for group in &clusters {
        if deadline.passed() {
            return None;
        }
        solved.push(Cluster::solve(state, group, &upper, &money, &value, width, &mut work)?);
    }
    // Combine the clusters over money: best[c][m] is the best of the first c clusters with
    // at most m spent, and spent[c][m] what the c-th cluster spends in it.
    let mut best = vec![0.0f64; width + 1];
    let mut spent_by: Vec<Vec<u32>> = Vec::with_capacity(solved.len());
    for cluster in &solved {
        let steps = cluster.steps();
        let mut next = vec![f64::NEG_INFINITY; width + 1];
        let mut choice = vec![0u32; width + 1];
        for (m, slot) in next.iter_mut().enumerate() {
            for &(a, gain) in steps.iter().take_while(|&&(a, _)| a <= m) {
                let total = best[m - a] + gain;
                if total > *slot {
                    *slot = total;
                    choice[m] = a as u32;
                }
            }
        }
        best = next;
        spent_by.push(choice);
    }
    let total = best[width];
    if !total.is_finite() {
        return None;
    }
    // Read the seats back: each cluster's money, from the last, then its stages' choices.
    let mut seats = vec![0i64; pairs.len()];
    if !keep {
        return Some(Alone { value: total, seats });
    }
    let mut m = width;
    for (cluster, choice) in solved.iter().zip(&spent_by).rev() {
        let a = choice[m] as usize;
        cluster.seats(a, &mut seats);
        m -= a;
    }
    Some(Alone { value: total, seats })
}

/// Choices kept and transitions taken so far, against [`CELLS`] and [`WORK`]; `keep`:
/// whether the choices are kept at all.
struct Work {
    cells: usize,
    steps: usize,
    keep: bool,
}

impl Work {
    /// Counts a step of `cells` cells with `choices` each; false past a limit.
    fn add(&mut self, cells: usize, choices: usize) -> bool {
        let steps = cells.checked_mul(choices).and_then(|steps| steps.checked_add(self.steps));
        let kept = if self.keep { cells.checked_add(self.cells) } else { Some(self.cells) };
        match (steps, kept) {
            (Some(steps), Some(kept)) if steps <= WORK && kept <= CELLS => {
                self.steps = steps;
                self.cells = kept;
                true
            }
            _ => false,
        }
    }

    /// A record of `cells` choices, or none when they are not kept.
    fn record(&self, cells: usize) -> Vec<u16> {
        if self.keep {
            vec![0; cells]
        } else {
            Vec::new()
        }
    }
}

/// A cluster: needs that sessions binding on them together join, their pairs (in need
/// order), and those sessions with their limit for the state.
struct Group {
    needs: Vec<usize>,
    pairs: Vec<usize>,
    binding: BTreeMap<usize, i64>,
}

/// The state's needs in clusters: two needs share one when a session's limit for the state
/// can bind on their seats together (their pairs' bounds there sum above it).
fn clusters(state: &Index, upper: &[i64], limit_of: impl Fn(usize) -> i64) -> Vec<Group> {
    let needs: Vec<usize> = {
        let mut needs: Vec<usize> = state.pairs.iter().map(|pair| pair.need).collect();
        needs.sort_unstable();
        needs.dedup();
        needs
    };
    let position: BTreeMap<usize, usize> = needs.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let mut parent: Vec<usize> = (0..needs.len()).collect();
    let binding: Vec<usize> = (0..state.by_session.len())
        .filter(|&s| {
            let on = &state.by_session[s];
            on.len() > 1 && on.iter().map(|&p| upper[p]).sum::<i64>() > limit_of(s)
        })
        .collect();
    for &s in &binding {
        let on = &state.by_session[s];
        let first = root(&mut parent, position[&state.pairs[on[0]].need]);
        for &p in &on[1..] {
            let other = root(&mut parent, position[&state.pairs[p].need]);
            parent[other] = first;
        }
    }
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for (i, &n) in needs.iter().enumerate() {
        let r = root(&mut parent, i);
        let group =
            groups.entry(r).or_insert_with(|| Group { needs: Vec::new(), pairs: Vec::new(), binding: BTreeMap::new() });
        group.needs.push(n);
        group.pairs.extend(&state.by_need[n]);
    }
    for &s in &binding {
        let r = root(&mut parent, position[&state.pairs[state.by_session[s][0]].need]);
        if let Some(group) = groups.get_mut(&r) {
            group.binding.insert(s, limit_of(s));
        }
    }
    groups.into_values().collect()
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// One cluster's solved table: its best value for every amount of money, and the records
/// that read its seats back.
struct Cluster {
    width: usize,
    /// Best value (with the needs' bonuses) with at most m spent.
    value: Vec<f64>,
    records: Vec<Record>,
}

/// What one step of a cluster's table did, to be undone when the seats are read back.
enum Record {
    /// A limit entered the table as its highest digit, all of it left.
    Open { radix: usize, cap: usize },
    /// A pair took `x` seats (kept per cell of the table after it) from the limits whose
    /// digits `radix` sums.
    Pair { pair: usize, radix: usize, money: usize, taken: Vec<u16> },
    /// A limit left the table; the seats it had left are kept per cell.
    Close { radix: usize, cap: usize, left: Vec<u16> },
}

/// A limit of a cluster: a need's seats (with its bonus) or a binding session's.
struct Limit {
    cap: usize,
    /// The need whose bonus the seats taken earn, for a need's limit.
    need: Option<usize>,
}

impl Cluster {
    #[allow(clippy::too_many_arguments)]
    fn solve(
        state: &Index,
        group: &Group,
        upper: &[i64],
        money: &[usize],
        value: &[f64],
        width: usize,
        work: &mut Work,
    ) -> Option<Cluster> {
        let pairs = &state.pairs;
        // The limits: each need's seats (at most its trainees, nor more than its pairs'
        // bounds together), then each binding session's.
        let mut limits: Vec<Limit> = group
            .needs
            .iter()
            .map(|&n| {
                let most: i64 = state.by_need[n].iter().map(|&p| upper[p]).sum();
                Limit { cap: state.need(n).trainees.min(most).max(0) as usize, need: Some(n) }
            })
            .collect();
        let need_limit: BTreeMap<usize, usize> = group.needs.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let mut session_limit: BTreeMap<usize, usize> = BTreeMap::new();
        for (&s, &limit) in &group.binding {
            session_limit.insert(s, limits.len());
            limits.push(Limit { cap: limit.max(0) as usize, need: None });
        }
        let uses = |p: usize| -> Vec<usize> {
            let mut uses = vec![need_limit[&pairs[p].need]];
            uses.extend(session_limit.get(&pairs[p].session));
            uses
        };
        // Two orders of the pairs, need by need or session by session: the one whose open
        // limits multiply to fewer cells.
        let by_need = group.pairs.clone();
        let mut by_session = group.pairs.clone();
        by_session.sort_by_key(|&p| (pairs[p].session, pairs[p].need));
        let steps_of = |order: &[usize]| -> (Vec<Step>, f64) {
            let mut first = vec![usize::MAX; limits.len()];
            let mut last = vec![0usize; limits.len()];
            for (i, &p) in order.iter().enumerate() {
                for l in uses(p) {
                    first[l] = first[l].min(i);
                    last[l] = i;
                }
            }
            let (mut steps, mut open, mut peak) = (Vec::new(), 1.0f64, 1.0f64);
            for (i, &p) in order.iter().enumerate() {
                for l in uses(p).into_iter().filter(|&l| first[l] == i) {
                    steps.push(Step::Open(l));
                    open *= (limits[l].cap + 1) as f64;
                }
                peak = peak.max(open);
                steps.push(Step::Pair(p));
                for l in uses(p).into_iter().filter(|&l| last[l] == i) {
                    steps.push(Step::Close(l));
                    open /= (limits[l].cap + 1) as f64;
                }
            }
            (steps, peak)
        };
        let (steps_a, peak_a) = steps_of(&by_need);
        let (steps_b, peak_b) = steps_of(&by_session);
        let (steps, peak) = if peak_b < peak_a { (steps_b, peak_b) } else { (steps_a, peak_a) };
        let columns = width + 1;
        if peak * columns as f64 > TABLE as f64 {
            return None;
        }
        let settings = &state.scenario.settings;
        let bonus = |l: usize, left: usize| -> f64 {
            match limits[l].need {
                Some(n) => {
                    let served = (limits[l].cap - left) as i64;
                    let core = model::core(state.need(n).trainees).min(served) as f64;
                    model::weight(state, n) * settings.equity_bonus * core
                }
                None => 0.0,
            }
        };
        // The table: open limits (their radices), cells per (seats left of each, money).
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut size = 1usize;
        let mut table = vec![0.0f64; columns];
        let mut records = Vec::with_capacity(steps.len());
        for step in steps {
            match step {
                Step::Open(l) => {
                    let cap = limits[l].cap;
                    let radix = size;
                    let mut next = vec![f64::NEG_INFINITY; size * (cap + 1) * columns];
                    next[cap * radix * columns..(cap + 1) * radix * columns].copy_from_slice(&table);
                    open.push((l, radix));
                    size *= cap + 1;
                    table = next;
                    records.push(Record::Open { radix, cap });
                }
                Step::Pair(p) => {
                    let mut places: Vec<(usize, usize)> = Vec::new();
                    for l in uses(p) {
                        let position = open.iter().position(|&(open, _)| open == l)?;
                        places.push((open[position].1, limits[l].cap + 1));
                    }
                    let radix: usize = places.iter().map(|&(radix, _)| radix).sum();
                    let low = if pairs[p].pin.is_some() { upper[p] } else { 0 } as usize;
                    let high = upper[p].max(0) as usize;
                    let choices = high + 1 - low.min(high + 1);
                    if !work.add(size * columns, choices) || (work.keep && high > u16::MAX as usize) {
                        return None;
                    }
                    let (cost, gain) = (money[p], value[p]);
                    let mut next = vec![f64::NEG_INFINITY; size * columns];
                    let mut taken = work.record(size * columns);
                    let keep = work.keep;
                    for r in 0..size {
                        let row = &table[r * columns..(r + 1) * columns];
                        if row[width] == f64::NEG_INFINITY {
                            continue;
                        }
                        let room = places.iter().map(|&(radix, base)| (r / radix) % base).min().unwrap_or(0);
                        for x in low..=high.min(room) {
                            let to = r - x * radix;
                            let spend = cost * x;
                            let earned = gain * x as f64;
                            let target = &mut next[to * columns..(to + 1) * columns];
                            let picks: &mut [u16] =
                                if keep { &mut taken[to * columns..(to + 1) * columns] } else { &mut [] };
                            for m in spend..columns {
                                let total = row[m - spend] + earned;
                                if total > target[m] {
                                    target[m] = total;
                                    if keep {
                                        picks[m] = x as u16;
                                    }
                                }
                            }
                        }
                    }
                    table = next;
                    records.push(Record::Pair { pair: p, radix, money: cost, taken });
                }
                Step::Close(l) => {
                    let position = open.iter().position(|&(open, _)| open == l)?;
                    let (_, radix) = open.remove(position);
                    let cap = limits[l].cap;
                    for entry in open.iter_mut().skip(position) {
                        entry.1 /= cap + 1;
                    }
                    size /= cap + 1;
                    if !work.add(size * columns, cap + 1) || (work.keep && cap > u16::MAX as usize) {
                        return None;
                    }
                    let mut next = vec![f64::NEG_INFINITY; size * columns];
                    let mut left = work.record(size * columns);
                    let keep = work.keep;
                    for q in 0..size {
                        let (lower, higher) = (q % radix, q / radix);
                        for d in 0..=cap {
                            let old = lower + d * radix + higher * radix * (cap + 1);
                            let extra = bonus(l, d);
                            for m in 0..columns {
                                let total = table[old * columns + m] + extra;
                                if total > next[q * columns + m] {
                                    next[q * columns + m] = total;
                                    if keep {
                                        left[q * columns + m] = d as u16;
                                    }
                                }
                            }
                        }
                    }
                    table = next;
                    records.push(Record::Close { radix, cap, left });
                }
            }
        }
        Some(Cluster { width, value: table, records })
    }

    /// The amounts of money at which the cluster's best value rises, with that value.
    fn steps(&self) -> Vec<(usize, f64)> {
        let mut steps = Vec::new();
        let mut last = f64::NEG_INFINITY;
        for (m, &value) in self.value.iter().enumerate() {
            if value > last {
                steps.push((m, value));
                last = value;
            }
        }
        steps
    }

    /// Writes the cluster's seats, with at most `m` spent, into `seats` (per state pair).
    fn seats(&self, m: usize, seats: &mut [i64]) {
        let columns = self.width + 1;
        let (mut r, mut m) = (0usize, m);
        for record in self.records.iter().rev() {
            match record {
                Record::Open { radix, cap } => r -= cap * radix,
                Record::Pair { pair, radix, money, taken } => {
                    let x = taken[r * columns + m] as usize;
                    seats[*pair] = x as i64;
                    r += x * radix;
                    m -= money * x;
                }
                Record::Close { radix, cap, left } => {
                    let d = left[r * columns + m] as usize;
                    let (lower, higher) = (r % radix, r / radix);
                    r = lower + d * radix + higher * radix * (cap + 1);
                }
            }
        }
    }
}

/// One step of a cluster's table, in the order of its pairs.
enum Step {
    /// A limit's seats enter the table, all of them left.
    Open(usize),
    /// A pair's seats are chosen.
    Pair(usize),
    /// A limit leaves the table, a need's bonus for the seats it gave added.
    Close(usize),
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{Pin, Scenario};
    use crate::solve::engine::{self, Parts};
    use crate::solve::model::Family;
    use crate::solve::objective;
    use crate::synth::{scenario, Rng, Scale, Variant};

    /// A regional scenario with budgets, one budgeted state's needs made to share sessions
    /// (every other need takes its neighbour's skill and level), its budget and trainees
    /// drawn again, and a pin or two: small states with every case of the programme.
    fn small_state(seed: u64) -> Option<(Scenario, usize)> {
        let mut s = scenario(Scale::Region, Variant::Budget, seed);
        let mut rng = Rng::new(seed);
        let k = (0..s.states.len()).find(|&k| s.states[k].budget.is_some())?;
        s.states[k].budget = Some(rng.range(0, 400) * 50);
        let code = s.states[k].code.clone();
        let mine: Vec<usize> = (0..s.needs.len()).filter(|&n| s.needs[n].state == code).collect();
        for pair in mine.windows(2) {
            if rng.chance(0.5) {
                let (skill, level) = (s.needs[pair[0]].skill.clone(), s.needs[pair[0]].level);
                s.needs[pair[1]].skill = skill;
                s.needs[pair[1]].level = level;
            }
        }
        for &n in &mine {
            s.needs[n].trainees = rng.range(1, 6);
        }
        let index = Index::new(&s);
        let pairs: Vec<usize> = (0..index.pairs.len()).filter(|&p| index.state_of[index.pairs[p].need] == k).collect();
        if rng.chance(0.5) {
            if let Some(&p) = pairs.get(rng.range(0, pairs.len().max(1) as i64 - 1) as usize) {
                let pair = &index.pairs[p];
                let pin =
                    Pin { need: s.needs[pair.need].id.clone(), session: s.sessions[pair.session].id.clone(), seats: 1 };
                if pair.upper >= 1 {
                    s.pins.push(pin);
                }
            }
        }
        Some((s, k))
    }

    /// The state's pairs alone, and prices per pair from a price per session.
    fn alone<'a>(index: &Index<'a>, k: usize, seed: u64) -> (Index<'a>, Vec<f64>) {
        let pairs: Vec<usize> = (0..index.pairs.len()).filter(|&p| index.state_of[index.pairs[p].need] == k).collect();
        let state = index.restrict(&pairs);
        let mut rng = Rng::new(seed ^ 0x5eed);
        let by_session: BTreeMap<usize, f64> =
            state.pairs.iter().map(|pair| (pair.session, rng.range(0, 40) as f64 / 4.0)).collect();
        let price = state.pairs.iter().map(|pair| by_session[&pair.session]).collect();
        (state, price)
    }

    /// Seats that keep every limit of the state alone: bounds, pins, demand, each session's
    /// seats and cap, the budget.
    fn feasible(state: &Index, seats: &[i64]) -> bool {
        let mut need: BTreeMap<usize, i64> = BTreeMap::new();
        let mut session: BTreeMap<usize, i64> = BTreeMap::new();
        let mut spent = 0;
        for (p, pair) in state.pairs.iter().enumerate() {
            if seats[p] < 0 || seats[p] > pair.upper || pair.pin.is_some_and(|pin| pin != seats[p]) {
                return false;
            }
            *need.entry(pair.need).or_default() += seats[p];
            *session.entry(pair.session).or_default() += seats[p];
            if state.payer(pair).is_some() {
                spent += seats[p] * state.session(pair.session).cost_per_seat;
            }
        }
        let budget = state.pairs.first().and_then(|pair| state.scenario.states[state.state_of[pair.need]].budget);
        need.iter().all(|(&n, &u)| u <= state.need(n).trainees)
            && session.iter().all(|(&s, &u)| {
                let s = state.session(s);
                u <= s.seats && s.max_per_state.is_none_or(|cap| u <= cap)
            })
            && budget.is_none_or(|budget| spent <= budget)
    }

    /// How many needs share the largest cluster of a state.
    fn largest_cluster(state: &Index) -> usize {
        let limit_of = |s: usize| {
            let session = state.session(s);
            session.max_per_state.map_or(session.seats, |cap| cap.min(session.seats))
        };
        let upper: Vec<i64> = state.pairs.iter().map(|pair| pair.upper).collect();
        clusters(state, &upper, limit_of).iter().map(|group| group.needs.len()).max().unwrap_or(0)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(13), ..ProptestConfig::default() })]

        /// On small random budgeted states (shared sessions, pins, budgets from nothing to
        /// 20,000), the programme's value is microlp's proven optimum of the same state alone
        /// at the same prices; and its seats, when it keeps them, keep every limit and are
        /// worth that value.
        #[test]
        fn the_programme_is_microlps_optimum(seed in 0u64..1_000_000) {
            let Some((s, k)) = small_state(seed) else { return Ok(()) };
            let index = Index::new(&s);
            let (state, price) = alone(&index, k, seed);
            let exact = engine::microlp::solve(Parts::priced(&state, &Family::ALL, &price), None, None, 0.0);
            let value = best_value_alone(&state, &price, Deadline::none());
            match (exact, value) {
                (Ok(exact), Some(value)) => {
                    prop_assert!(exact.proven);
                    let tolerance = 1e-6 * exact.value.abs().max(1.0);
                    prop_assert!((value - exact.value).abs() <= tolerance,
                        "seed {}: programme {} vs microlp {}", seed, value, exact.value);
                    if let Some(found) = best_alone(&state, &price, Deadline::none()) {
                        prop_assert!((found.value - value).abs() <= tolerance, "seed {}: {} vs {}", seed, found.value, value);
                        prop_assert!(feasible(&state, &found.seats), "seed {}: seats {:?} break a limit", seed, found.seats);
                        let worth = objective::of_priced_seats(&state, &found.seats, &price);
                        prop_assert!((worth - value).abs() <= tolerance, "seed {}: seats worth {} not {}", seed, worth, value);
                    }
                }
                // Pins the budget cannot pay: no plan either way.
                (Err(_), None) => {}
                (exact, value) => prop_assert!(false, "seed {}: microlp {:?}, programme {:?}", seed, exact.map(|e| e.value), value),
            }
        }
    }

    /// The random states above do reach clusters of several needs (a session's cap binding
    /// on two needs together), the programme's harder case.
    #[test]
    fn the_random_states_include_shared_sessions() {
        let shared = (0..48u64)
            .filter_map(|seed| {
                let (s, k) = small_state(seed * 7919)?;
                let index = Index::new(&s);
                let (state, _) = alone(&index, k, seed);
                Some(largest_cluster(&state))
            })
            .filter(|&size| size > 1)
            .count();
        assert!(shared >= 5, "only {shared} states with a cluster of several needs");
    }

    /// Every budgeted state of the benchmark's large budgeted scenario (64 to 172 pairs) is
    /// solved by the programme, not left to microlp.
    #[test]
    fn every_budgeted_state_of_the_large_benchmark_is_solved() {
        let s = scenario(Scale::Large, Variant::Budget, 2027);
        let index = Index::new(&s);
        let mut solved = 0;
        for k in (0..s.states.len()).filter(|&k| s.states[k].budget.is_some()) {
            let (state, price) = alone(&index, k, k as u64);
            let found = best_alone(&state, &price, Deadline::none());
            assert!(found.as_ref().is_some_and(|found| feasible(&state, &found.seats)), "state {k}: {found:?}");
            solved += 1;
        }
        assert!(solved >= 10, "only {solved} budgeted states");
    }

    /// A state the programme cannot take (a session with a minimum) is left to the caller.
    #[test]
    fn a_session_with_a_minimum_is_left_to_microlp() {
        let mut s = scenario(Scale::Region, Variant::Budget, 2027);
        let Some(k) = (0..s.states.len()).find(|&k| s.states[k].budget.is_some()) else { panic!("no budget") };
        for session in &mut s.sessions {
            session.min_participants = 1;
        }
        let index = Index::new(&s);
        let (state, price) = alone(&index, k, 1);
        assert!(!state.pairs.is_empty());
        assert_eq!(best_alone(&state, &price, Deadline::none()), None);
    }
}
