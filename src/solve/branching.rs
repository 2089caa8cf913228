//! A search over the states' plans of a budget-linked block (issue 13): branch-and-bound
//! whose every node is bounded by the by-state bound of `lagrange.rs` at that node.
//!
//! At fixed seat prices `price` (per session), the block's optimum is at most the states'
//! best plans alone (each exact: `knapsack.rs` for a state whose budget binds, a flow for
//! the others) plus `sum price * seats` of the sessions. The states' plans break only the
//! sessions' seats: where no session is overbooked, they together are a plan of the block.
//! A node bounds some pairs' seats from above (a state plans within them, so its best plan
//! alone is still exact and the sum still bounds every plan of the node) and records lower
//! limits it learned (not imposed on the states, which keeps the bound a relaxation, but
//! used to tighten the other pairs of a session). Branching takes the most overbooked
//! session and, of its pairs above their lower limit, the one with the most seats `x`:
//! either that pair gets at most `x - 1`, or at least `x`, and then every other pair of the
//! session at most the seats the others' lower limits leave. Each branch changes one limit
//! for good, so the tree is finite; only the states whose plan a new limit cuts are planned
//! again, so a node costs one or a few states' programmes.
//!
//! Nodes are taken best bound first. A node whose states' plans overbook nothing gives a
//! plan (kept when better than the incumbent); if its bound stays above that plan (seats
//! left free in sessions with a positive price), the node cannot be split further here and
//! its bound stays in the answer. The answer's bound is the largest bound of a node not
//! closed (open or stuck) and never below the incumbent, so it is honest when the search
//! stops on its node limit or the deadline.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

use super::compat::Index;
use super::deadline::Deadline;
use super::model::Family;
use super::objective::{self, meets};
use super::{flow, knapsack, parallel};

/// Nodes solved at most; the open ones hold their seats (8 bytes a pair), so this also
/// bounds the search's memory (about 70 KB a node on the large benchmark's block).
const NODES: usize = 4000;

/// What the search reached: the best plan (seats per pair of the block), its objective,
/// and a bound on the block's optimum (at least the objective).
pub struct Searched {
    pub seats: Vec<i64>,
    pub objective: f64,
    pub bound: f64,
    /// Nodes solved.
    pub nodes: usize,
}

/// One state of the block: its pairs (block indices) and their index alone.
struct State<'a> {
    pairs: Vec<usize>,
    index: Index<'a>,
}

/// A node: its pairs' upper and lower limits (only those that differ from the block's),
/// the states' plans under them (seats per pair of the block, value per state), the bound.
#[derive(Clone)]
struct Node {
    upper: BTreeMap<usize, i64>,
    lower: BTreeMap<usize, i64>,
    seats: Vec<i64>,
    values: Vec<f64>,
    bound: f64,
}

impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        self.bound.total_cmp(&other.bound) == Ordering::Equal
    }
}
impl Eq for Node {}
impl PartialOrd for Node {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Node {
    fn cmp(&self, other: &Self) -> Ordering {
        self.bound.total_cmp(&other.bound)
    }
}

/// Searches the block `index` (budget-linked, no session with a minimum) at seat prices
/// `seat_prices` (per session of the scenario), from the plan `incumbent`. `None` when a
/// state cannot be planned exactly (no flow, and beyond the programme's limits) or the
/// deadline passed before the root was bounded.
pub fn search(
    index: &Index,
    families: &[Family],
    seat_prices: &[f64],
    incumbent: Vec<i64>,
    deadline: Deadline,
) -> Option<Searched> {
    if index.pairs.iter().any(|pair| index.session(pair.session).min_participants > 0)
        || !Family::ALL.iter().all(|family| families.contains(family))
    {
        return None;
    }
    let mut by_state: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (p, pair) in index.pairs.iter().enumerate() {
        by_state.entry(index.state_of[pair.need]).or_default().push(p);
    }
    let states: Vec<State> =
        by_state.into_values().map(|pairs| State { index: index.restrict(&pairs), pairs }).collect();
    let mut state_of_pair = vec![0usize; index.pairs.len()];
    for (k, state) in states.iter().enumerate() {
        for &p in &state.pairs {
            state_of_pair[p] = k;
        }
    }
    let sessions: Vec<usize> = (0..index.by_session.len()).filter(|&s| !index.by_session[s].is_empty()).collect();
    let shared: f64 = sessions.iter().map(|&s| seat_prices[s] * index.session(s).seats as f64).sum();

    let root_upper = BTreeMap::new();
    let planned = parallel::map((0..states.len()).collect(), |k: usize| {
        plan_state(&states[k], families, seat_prices, &root_upper, None, deadline)
    });
    let mut seats = vec![0i64; index.pairs.len()];
    let mut values = Vec::with_capacity(states.len());
    for (state, planned) in states.iter().zip(planned) {
        let (value, state_seats) = planned?;
        for (&p, x) in state.pairs.iter().zip(state_seats) {
            seats[p] = x;
        }
        values.push(value);
    }
    let bound = values.iter().sum::<f64>() + shared;
    {
        let mut over = 0; let mut overseats = 0; let mut slackval = 0.0; let mut overval = 0.0;
        for &s in &sessions { let used: i64 = index.by_session[s].iter().map(|&p| seats[p]).sum(); let d = used - index.session(s).seats; if d > 0 { over += 1; overseats += d; overval += seat_prices[s] * d as f64 } else { slackval += seat_prices[s] * (-d) as f64 } }
        eprintln!("TMP root: states {} over sessions {} seats {} overval {} slackval {} bound {}", states.len(), over, overseats, overval, slackval, bound);
    }
    let mut best = objective::of_seats(index, &incumbent);
    let mut best_seats = incumbent;
    let mut heap = BinaryHeap::new();
    heap.push(Node { upper: root_upper, lower: BTreeMap::new(), seats, values, bound });
    // The largest bound of a node that overbooks nothing but stays above its plan.
    let mut stuck = f64::NEG_INFINITY;
    let mut nodes = 0;
    while let Some(node) = heap.pop() {
        if meets(node.bound, best) || node.bound <= best {
            // Best first: every node left is no better.
            heap.clear();
            break;
        }
        if nodes >= NODES || deadline.passed() {
            heap.push(node);
            break;
        }
        nodes += 1;
        let mut node = node;
        untie(index, &states, families, seat_prices, &sessions, &mut node, deadline);
        if nodes < 4 {
            let mut over = 0; let mut overseats = 0;
            for &s in &sessions { let used: i64 = index.by_session[s].iter().map(|&p| node.seats[p]).sum(); let d = used - index.session(s).seats; if d > 0 { over += 1; overseats += d; } }
            eprintln!("TMP node {nodes}: over {over} seats {overseats} bound {}", node.bound);
        }
        let Some((s, over)) = most_overbooked(index, &sessions, &node.seats) else {
            let value = objective::of_seats(index, &node.seats);
            if value > best {
                best = value;
                best_seats = node.seats.clone();
            }
            if !meets(node.bound, value) {
                stuck = stuck.max(node.bound);
            }
            continue;
        };
        debug_assert!(over > 0);
        let on = &index.by_session[s];
        // A pinned pair's lower limit is its pin.
        let lower_of =
            |node: &Node, q: usize| node.lower.get(&q).copied().unwrap_or(index.pairs[q].pin.unwrap_or(0));
        let upper_of = |node: &Node, q: usize| node.upper.get(&q).copied().unwrap_or(index.pairs[q].upper);
        let Some(&p) = on
            .iter()
            .filter(|&&q| node.seats[q] > lower_of(&node, q))
            .max_by_key(|&&q| (node.seats[q], std::cmp::Reverse(q)))
        else {
            // The lower limits alone overbook the session: no plan below this node.
            continue;
        };
        let x = node.seats[p];
        // Either p at most x - 1 ...
        let mut fewer = node.clone();
        fewer.upper.insert(p, x - 1);
        // ... or p at least x, and then every other pair of s at most what the others'
        // lower limits leave.
        let mut more = node.clone();
        more.lower.insert(p, x);
        let seats_of = index.session(s).seats;
        let held: i64 = on.iter().map(|&q| lower_of(&more, q)).sum();
        let mut feasible = held <= seats_of;
        for &q in on.iter().filter(|&&q| q != p) {
            let room = seats_of - (held - lower_of(&more, q));
            if room < upper_of(&more, q) {
                more.upper.insert(q, room);
            }
        }
        feasible &= on.iter().all(|&q| lower_of(&more, q) <= upper_of(&more, q));
        let children = if feasible { vec![fewer, more] } else { vec![fewer] };
        let mut failed = false;
        for mut child in children {
            if child.upper.iter().any(|(&q, &u)| u < lower_of(&child, q)) {
                continue;
            }
            // The states whose plan a new limit cuts plan again.
            let mut cut: Vec<usize> =
                on.iter().filter(|&&q| child.seats[q] > upper_of(&child, q)).map(|&q| state_of_pair[q]).collect();
            cut.sort_unstable();
            cut.dedup();
            let upper = &child.upper;
            let replanned = parallel::map(cut.clone(), |k: usize| {
                plan_state(&states[k], families, seat_prices, upper, None, deadline)
            });
            for (&k, planned) in cut.iter().zip(replanned) {
                let Some((value, state_seats)) = planned else {
                    failed = true;
                    break;
                };
                for (&q, x) in states[k].pairs.iter().zip(state_seats) {
                    child.seats[q] = x;
                }
                child.bound -= child.values[k] - value;
                child.values[k] = value;
            }
            if failed {
                break;
            }
            if child.bound > best && !meets(child.bound, best) {
                heap.push(child);
            }
        }
        if failed {
            // Out of time, or a state beyond the programme's limits: the search stops with
            // this node open at its bound (its children pushed so far are below it).
            heap.push(node);
            break;
        }
    }
    eprintln!("TMP end: heap {} stuck {} top {:?}", heap.len(), stuck, heap.peek().map(|n| n.bound));
    let open = heap.iter().map(|node| node.bound).fold(f64::NEG_INFINITY, f64::max);
    let bound = open.max(stuck).max(best).min(bound.max(best));
    Some(Searched { objective: best, seats: best_seats, bound, nodes })
}

/// The states' plans at a node chosen again among their ties: each state that holds seats
/// in an overbooked session plans within what the others leave of every session, and keeps
/// that plan when it is worth as much (so the node's bound stands). The states' plans at
/// the flows' duals are full of ties (a seat worth exactly its price), which overbook
/// sessions without costing the bound anything; branching on those would not lower it.
fn untie(
    index: &Index,
    states: &[State],
    families: &[Family],
    seat_prices: &[f64],
    sessions: &[usize],
    node: &mut Node,
    deadline: Deadline,
) {
    let mut used = vec![0i64; index.by_session.len()];
    for &s in sessions {
        used[s] = index.by_session[s].iter().map(|&p| node.seats[p]).sum();
    }
    let over = |used: &[i64], s: usize| used[s] > index.session(s).seats;
    for (k, state) in states.iter().enumerate() {
        if deadline.passed() {
            return;
        }
        if !state.pairs.iter().any(|&p| node.seats[p] > 0 && over(&used, index.pairs[p].session)) {
            continue;
        }
        let mut room: Vec<i64> = index.scenario.sessions.iter().map(|session| session.seats).collect();
        for &s in sessions {
            let own: i64 = state.pairs.iter().filter(|&&p| index.pairs[p].session == s).map(|&p| node.seats[p]).sum();
            room[s] = index.session(s).seats - (used[s] - own);
        }
        let Some((value, seats)) = plan_state(state, families, seat_prices, &node.upper, Some(&room), deadline) else {
            continue;
        };
        if value < node.values[k] - 1e-9 * node.values[k].abs().max(1.0) {
            continue;
        }
        for (&p, x) in state.pairs.iter().zip(seats) {
            let s = index.pairs[p].session;
            used[s] += x - node.seats[p];
            node.seats[p] = x;
        }
    }
}

/// The session whose seats the plan overbooks most, and by how much; `None` when none is.
fn most_overbooked(index: &Index, sessions: &[usize], seats: &[i64]) -> Option<(usize, i64)> {
    sessions
        .iter()
        .map(|&s| (s, index.by_session[s].iter().map(|&p| seats[p]).sum::<i64>() - index.session(s).seats))
        .filter(|&(_, over)| over > 0)
        .max_by_key(|&(s, over)| (over, std::cmp::Reverse(s)))
}

/// One state's best plan alone within the node's upper limits `upper` (by block pair):
/// its priced value and seats (per pair of the state). Exact: a flow when its budget binds
/// nothing, else the programme of `knapsack.rs`; `None` when neither applies or in time.
fn plan_state(
    state: &State,
    families: &[Family],
    seat_prices: &[f64],
    upper: &BTreeMap<usize, i64>,
    room: Option<&[i64]>,
    deadline: Deadline,
) -> Option<(f64, Vec<i64>)> {
    let mut alone = state.index.restrict(&(0..state.pairs.len()).collect::<Vec<_>>());
    for (i, &p) in state.pairs.iter().enumerate() {
        if let Some(&u) = upper.get(&p) {
            let pair = &mut alone.pairs[i];
            pair.upper = pair.upper.min(u).max(0);
            if pair.pin.is_some_and(|pin| pin > pair.upper) {
                return None;
            }
        }
    }
    if let Some(room) = room {
        for pair in &mut alone.pairs {
            pair.upper = pair.upper.min(room[pair.session].max(0));
            if pair.pin.is_some_and(|pin| pin > pair.upper) {
                return None;
            }
        }
    }
    let price: Vec<f64> = alone.pairs.iter().map(|pair| seat_prices[pair.session]).collect();
    if flow::applies(&alone, families) {
        let flow = flow::solve(&alone, &price, deadline);
        return flow.complete.then_some((flow.value, flow.seats));
    }
    let room: Vec<i64> = alone.scenario.sessions.iter().map(|session| session.seats).collect();
    knapsack::best_alone_within(&alone, &price, &room, deadline).map(|alone| (alone.value, alone.seats))
}
