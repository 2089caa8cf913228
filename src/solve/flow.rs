//! A block without side constraints (no binding budget, no minimum-size session, no pin)
//! is a maximum-profit flow, and is solved as one: exactly, in integers, without a simplex.
//!
//! The network: the source feeds each need through two arcs, its first half (`core`,
//! worth `w (1 + beta)` a seat: the equity bonus) and the rest (worth `w`); each pair is an
//! arc from its need to its session (through a (session, state) node when the session caps
//! states), costing `gamma * cost` (plus a price, when budgets are priced); each session
//! drains to the sink up to its seats. Successive shortest paths (Dijkstra on reduced costs,
//! potentials from the acyclic start) add the most profitable path while it gains: each
//! flow it reaches is the most profitable of its size, so the last is optimal (the SPEC
//! model's optimum, since the model's relaxation of such a block is this network).
//!
//! Every comparison of costs is relative to the network's cost scale (weights, bonus and
//! cost weight can be up to 10^6 each, so an arc can cost 10^12 and rounding alone is
//! above any absolute tolerance), and every round moves at least one unit of flow, so the
//! loop ends; it also stops at the deadline, with a feasible flow that is not proven best.

use std::cmp::Ordering;
use std::collections::btree_map::Entry::Vacant;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use super::compat::Index;
use super::deadline::Deadline;
use super::model::{self, Family};
use super::objective;

/// Gains below this share of the network's cost scale are rounding noise, not a better plan.
const RELATIVE_EPSILON: f64 = 1e-9;

/// Arcs scanned between two looks at the deadline: tens of microseconds of work, while
/// the clock is a call out of the wasm in the browser (the pricing rounds of a budgeted
/// scenario solve thousands of small flows, most of which never need to look at it).
const CLOCK_WORK: usize = 1 << 14;

/// The deadline, looked at when the flow starts and then once per [`CLOCK_WORK`] arcs
/// scanned; once passed, it stays passed.
struct Watch {
    deadline: Deadline,
    since: usize,
    passed: bool,
}

impl Watch {
    fn new(deadline: Deadline) -> Watch {
        Watch { deadline, since: CLOCK_WORK, passed: false }
    }

    /// `work` more arcs scanned: has the deadline passed?
    fn passed(&mut self, work: usize) -> bool {
        self.since += work;
        if !self.passed && self.since >= CLOCK_WORK {
            self.since = 0;
            self.passed = self.deadline.passed();
        }
        self.passed
    }
}

/// True when the block is a pure network for these constraint families: the families keep
/// demand, capacity, state caps and equity, and no budget, minimum or pin shapes the block.
pub fn applies(index: &Index, families: &[Family]) -> bool {
    applies_but_for_minimums(index, families)
        && index.pairs.iter().all(|pair| index.session(pair.session).min_participants == 0)
}

/// As [`applies`], but for the sessions' minimums: the flow of such a block leaves them out
/// (it never reads them), so it is the block without its minimums, a relaxation.
pub fn applies_but_for_minimums(index: &Index, families: &[Family]) -> bool {
    let has = |family: Family| families.contains(&family);
    let budget_binds = has(Family::Budget) && index.spends_budget();
    [Family::Demand, Family::Capacity, Family::StateCap, Family::Equity].into_iter().all(has)
        && !budget_binds
        && index.pairs.iter().all(|pair| pair.pin.is_none())
}

/// A pure block's flow: seats per pair, their value in the priced objective, and whether
/// the flow is proven the best (false when the deadline stopped it: the seats are then a
/// feasible plan, not the optimum).
pub struct Flow {
    pub seats: Vec<i64>,
    pub value: f64,
    pub complete: bool,
}

/// The optimal seats per pair of a pure block, with `price[p]` taken off each seat of pair
/// `p`, and the value of that plan in the priced objective.
pub fn solve(index: &Index, price: &[f64], deadline: Deadline) -> Flow {
    solve_with_prices(index, price, deadline).0
}

/// As [`solve`], plus the price of a seat in each session of the block: the dual value of
/// its capacity (what one more seat there would add), from the final potentials (any
/// prices `>= 0` when the deadline stopped the flow).
pub fn solve_with_prices(index: &Index, price: &[f64], deadline: Deadline) -> (Flow, Vec<(usize, f64)>) {
    let mut network = Network::build(index, price);
    let (potential, complete) = network.run(deadline);
    let seats: Vec<i64> = network.pair_arc.iter().map(|&arc| network.arcs[arc].flow).collect();
    let value = objective::of_priced_seats(index, &seats, price);
    let prices = network
        .session_arc
        .iter()
        .map(|(&session, &arc)| {
            let from = network.arcs[arc + 1].to;
            (session, (potential[network.sink] - potential[from]).max(0.0))
        })
        .collect();
    (Flow { seats, value, complete }, prices)
}

struct Arc {
    to: usize,
    capacity: i64,
    flow: i64,
    cost: f64,
}

/// A residual network: arc `2i` is forward, `2i + 1` its reverse.
struct Network {
    arcs: Vec<Arc>,
    out: Vec<Vec<usize>>,
    /// The forward arc of each pair.
    pair_arc: Vec<usize>,
    /// The arc from each session to the sink.
    session_arc: BTreeMap<usize, usize>,
    source: usize,
    sink: usize,
    /// Reduced costs within this of zero count as zero: a share of the largest arc cost.
    tolerance: f64,
}

impl Network {
    fn build(index: &Index, price: &[f64]) -> Network {
        let settings = &index.scenario.settings;
        // About two arcs (and their reverses) a pair: its own, and its share of the needs',
        // sessions' and caps' arcs.
        let mut network = Network {
            arcs: Vec::with_capacity(4 * index.pairs.len() + 8),
            out: vec![Vec::new(); 2],
            pair_arc: Vec::with_capacity(index.pairs.len()),
            session_arc: BTreeMap::new(),
            source: 0,
            sink: 1,
            tolerance: 0.0,
        };
        let mut need_node = BTreeMap::new();
        let mut session_node = BTreeMap::new();
        let mut capped_node = BTreeMap::new();
        for pair in &index.pairs {
            if let Vacant(entry) = need_node.entry(pair.need) {
                let node = *entry.insert(network.node());
                let trainees = index.need(pair.need).trainees;
                let core = model::core(trainees);
                let weight = model::weight(index, pair.need);
                network.arc(0, node, core, -weight * (1.0 + settings.equity_bonus));
                network.arc(0, node, trainees - core, -weight);
            }
            if let Vacant(entry) = session_node.entry(pair.session) {
                let node = *entry.insert(network.node());
                let arc = network.arc(node, 1, index.session(pair.session).seats, 0.0);
                network.session_arc.insert(pair.session, arc);
            }
        }
        for (p, pair) in index.pairs.iter().enumerate() {
            let session = index.session(pair.session);
            let into = match session.max_per_state {
                Some(cap) => {
                    let key = (pair.session, index.state_of[pair.need]);
                    match capped_node.get(&key) {
                        Some(&node) => node,
                        None => {
                            let node = network.node();
                            capped_node.insert(key, node);
                            network.arc(node, session_node[&pair.session], cap, 0.0);
                            node
                        }
                    }
                }
                None => session_node[&pair.session],
            };
            let cost = settings.cost_weight * session.cost_per_seat as f64 + price[p];
            let arc = network.arc(need_node[&pair.need], into, pair.upper, cost);
            network.pair_arc.push(arc);
        }
        // A path crosses four arcs at most, and potentials sum costs along paths.
        let scale = network.arcs.iter().map(|arc| arc.cost.abs()).fold(1.0, f64::max);
        network.tolerance = RELATIVE_EPSILON * 4.0 * scale;
        network
    }

    fn node(&mut self) -> usize {
        self.out.push(Vec::new());
        self.out.len() - 1
    }

    fn arc(&mut self, from: usize, to: usize, capacity: i64, cost: f64) -> usize {
        let id = self.arcs.len();
        self.arcs.push(Arc { to, capacity: capacity.max(0), flow: 0, cost });
        self.arcs.push(Arc { to: from, capacity: 0, flow: 0, cost: -cost });
        self.out[from].push(id);
        self.out[to].push(id + 1);
        id
    }

    fn residual(&self, arc: usize) -> i64 {
        let a = &self.arcs[arc];
        if arc % 2 == 0 {
            a.capacity - a.flow
        } else {
            self.arcs[arc - 1].flow
        }
    }

    /// Successive shortest paths while the cheapest path from source to sink gains; returns
    /// potentials under which every arc with room has a reduced cost of at least zero (up to
    /// the tolerance), and whether the flow is optimal (false: stopped at the deadline).
    fn run(&mut self, deadline: Deadline) -> (Vec<f64>, bool) {
        let nodes = self.out.len();
        let mut watch = Watch::new(deadline);
        let mut potential = self.initial_potential();
        let mut distance = vec![f64::INFINITY; nodes];
        // The arc by which Dijkstra reached each node.
        let mut through = vec![usize::MAX; nodes];
        let mut heap = BinaryHeap::with_capacity(nodes);
        let mut scratch =
            Scratch { level: vec![usize::MAX; nodes], next_arc: vec![0; nodes], queue: VecDeque::with_capacity(nodes) };
        loop {
            if watch.passed(self.arcs.len()) {
                return (potential, false);
            }
            distance.iter_mut().for_each(|d| *d = f64::INFINITY);
            through.iter_mut().for_each(|arc| *arc = usize::MAX);
            distance[self.source] = 0.0;
            heap.clear();
            heap.push(Entry { distance: 0.0, node: self.source });
            while let Some(Entry { distance: d, node }) = heap.pop() {
                if d > distance[node] {
                    continue;
                }
                for &arc in &self.out[node] {
                    if self.residual(arc) <= 0 {
                        continue;
                    }
                    let to = self.arcs[arc].to;
                    let reduced = (self.arcs[arc].cost + potential[node] - potential[to]).max(0.0);
                    let next = d + reduced;
                    if next < distance[to] {
                        distance[to] = next;
                        through[to] = arc;
                        heap.push(Entry { distance: next, node: to });
                    }
                }
            }
            // True cost of the path: reduced distance plus the potential difference.
            let path_cost = distance[self.sink] + potential[self.sink] - potential[self.source];
            let done = !distance[self.sink].is_finite() || path_cost >= -self.tolerance;
            // Distances capped at any level keep every reduced cost at least zero. While
            // augmenting, cap at the sink's; at the end, where source and sink get the same
            // potential (the flow's size is free: the return arc costs nothing), so that
            // the potentials are the duals of the network's linear program.
            let cap = if done { (potential[self.source] - potential[self.sink]).max(0.0) } else { distance[self.sink] };
            for node in 0..nodes {
                potential[node] += distance[node].min(cap);
            }
            if done {
                return (potential, true);
            }
            // Every shortest path now has reduced cost zero: push a blocking flow through
            // those arcs (Dinic's levels keep it acyclic) before the next Dijkstra. Should
            // rounding leave none of them admissible, push along the path Dijkstra found, so
            // that every round moves at least one unit and the loop ends.
            if !self.augment_admissible(&potential, &mut watch, &mut scratch) {
                self.augment_path(&through);
            }
        }
    }

    /// Pushes the bottleneck of the path that `through` traces back from the sink.
    fn augment_path(&mut self, through: &[usize]) {
        let mut path = Vec::new();
        let mut node = self.sink;
        while node != self.source {
            let arc = through[node];
            if arc == usize::MAX {
                return;
            }
            path.push(arc);
            node = self.arcs[arc ^ 1].to;
        }
        let pushed = path.iter().map(|&arc| self.residual(arc)).min().unwrap_or(0);
        for &arc in &path {
            if arc % 2 == 0 {
                self.arcs[arc].flow += pushed;
            } else {
                self.arcs[arc - 1].flow -= pushed;
            }
        }
    }

    /// Arc `arc` has room and zero reduced cost under `potential`.
    fn admissible(&self, arc: usize, from: usize, potential: &[f64]) -> bool {
        let to = self.arcs[arc].to;
        self.residual(arc) > 0 && (self.arcs[arc].cost + potential[from] - potential[to]).abs() <= self.tolerance
    }

    /// Blocking flows on the admissible arcs, level by level, until the sink is cut off (or
    /// the deadline passes); whether any flow moved.
    fn augment_admissible(&mut self, potential: &[f64], watch: &mut Watch, scratch: &mut Scratch) -> bool {
        let mut moved = false;
        let Scratch { level, next_arc, queue } = scratch;
        loop {
            level.iter_mut().for_each(|level| *level = usize::MAX);
            level[self.source] = 0;
            queue.clear();
            queue.push_back(self.source);
            while let Some(node) = queue.pop_front() {
                for &arc in &self.out[node] {
                    let to = self.arcs[arc].to;
                    if level[to] == usize::MAX && self.admissible(arc, node, potential) {
                        level[to] = level[node] + 1;
                        queue.push_back(to);
                    }
                }
            }
            if level[self.sink] == usize::MAX || (moved && watch.passed(self.arcs.len())) {
                return moved;
            }
            next_arc.iter_mut().for_each(|next| *next = 0);
            while self.push(self.source, i64::MAX, level, next_arc, potential) > 0 {
                moved = true;
                // A path crosses four arcs at most.
                if watch.passed(4) {
                    return true;
                }
            }
        }
    }

    /// One augmenting path of the level graph from `node`, at most `limit` units; the
    /// units pushed (0 when the sink cannot be reached from here any more).
    fn push(&mut self, node: usize, limit: i64, level: &[usize], next_arc: &mut [usize], potential: &[f64]) -> i64 {
        if node == self.sink {
            return limit;
        }
        while next_arc[node] < self.out[node].len() {
            let arc = self.out[node][next_arc[node]];
            let to = self.arcs[arc].to;
            if level[to] == level[node] + 1 && self.admissible(arc, node, potential) {
                let pushed = self.push(to, limit.min(self.residual(arc)), level, next_arc, potential);
                if pushed > 0 {
                    if arc % 2 == 0 {
                        self.arcs[arc].flow += pushed;
                    } else {
                        self.arcs[arc - 1].flow -= pushed;
                    }
                    return pushed;
                }
            }
            next_arc[node] += 1;
        }
        0
    }

    /// Shortest distances from the source on the empty flow: the network is acyclic
    /// (source, needs, capped nodes, sessions, sink), so passes in arc order settle it.
    fn initial_potential(&self) -> Vec<f64> {
        let mut potential = vec![f64::INFINITY; self.out.len()];
        potential[self.source] = 0.0;
        // Forward arcs only, relaxed until nothing changes (three layers deep at most).
        for _ in 0..4 {
            let mut changed = false;
            for arc in (0..self.arcs.len()).step_by(2) {
                let from = self.arcs[arc + 1].to;
                if self.arcs[arc].capacity > 0 && potential[from].is_finite() {
                    let next = potential[from] + self.arcs[arc].cost;
                    if next < potential[self.arcs[arc].to] {
                        potential[self.arcs[arc].to] = next;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let worst = potential.iter().copied().filter(|p| p.is_finite()).fold(0.0, f64::max);
        potential.iter().map(|&p| if p.is_finite() { p } else { worst }).collect()
    }
}

/// The buffers of [`Network::augment_admissible`], kept between its calls: each node's
/// level, the next arc each node tries, and the breadth-first queue.
struct Scratch {
    level: Vec<usize>,
    next_arc: Vec<usize>,
    queue: VecDeque<usize>,
}

/// A heap entry ordered by smallest distance first, then node.
#[derive(PartialEq)]
struct Entry {
    distance: f64,
    node: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.distance.total_cmp(&self.distance).then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{scenario, Scale, Variant};

    /// The clock is looked at when a flow starts, although it is then looked at only once
    /// per `CLOCK_WORK` arcs: a flow whose deadline has passed moves nothing and is not
    /// proven; the same flow without a deadline is proven and seats trainees.
    #[test]
    fn a_flow_past_its_deadline_stops_at_once_unproven() {
        let s = scenario(Scale::Region, Variant::Pure, 2027);
        let index = Index::new(&s);
        let price = vec![0.0; index.pairs.len()];
        let stopped = solve(&index, &price, Deadline::after(Some(0.0)));
        assert!(!stopped.complete);
        assert!(stopped.seats.iter().all(|&seats| seats == 0), "seats moved past the deadline");
        let done = solve(&index, &price, Deadline::none());
        assert!(done.complete);
        assert!(done.seats.iter().sum::<i64>() > 0);
    }
}
