//! The integer program of SPEC §3, built with good_lp: variables, objective, and one
//! function per constraint family. A constraint that can never bind (its variables' upper
//! bounds already sum below its right-hand side) is left out; it would only slow microlp.

use std::collections::BTreeMap;

use good_lp::{constraint, variable, Constraint, Expression, ProblemVariables, Variable};

use super::compat::Index;

/// The variables of the model, by position.
pub struct Vars {
    /// `x[p]` for each pair of the index, in pair order.
    pub x: Vec<Variable>,
    /// `y[s]` for each session with a minimum and at least one pair.
    pub y: BTreeMap<usize, Variable>,
    /// `z[n]` for each need with at least one pair.
    pub z: BTreeMap<usize, Variable>,
}

impl Vars {
    /// Every variable in the order [`variables`] declares them: x, then y, then z.
    pub fn declared(&self) -> Vec<Variable> {
        self.x.iter().chain(self.y.values()).chain(self.z.values()).copied().collect()
    }
}

/// The value of one trainee of need `n`: its priority weight.
pub fn weight(index: &Index, n: usize) -> f64 {
    let priority = index.need(n).priority.clamp(1, 5) as usize;
    index.scenario.settings.priority_weights[priority - 1]
}

/// Half of a need, rounded up: the seats that earn the equity bonus.
pub fn core(trainees: i64) -> i64 {
    (trainees + 1) / 2
}

/// Variables and constraints of the model of `index` with these families, counted without
/// writing it: the same rows the families write (a row that can never bind is left out).
pub fn size(index: &Index, families: &[Family]) -> (usize, usize) {
    let pairs_of = |pairs: &[usize]| pairs.iter().map(|&p| index.pairs[p].upper).sum::<i64>();
    let y = (0..index.by_session.len())
        .filter(|&s| index.session(s).min_participants > 0 && !index.by_session[s].is_empty())
        .count();
    let z = index.by_need.iter().filter(|pairs| !pairs.is_empty()).count();
    let mut rows = 0;
    for family in families {
        rows += match family {
            Family::Demand => {
                (0..index.by_need.len()).filter(|&n| pairs_of(&index.by_need[n]) > index.need(n).trainees).count()
            }
            Family::Capacity => {
                (0..index.by_session.len()).filter(|&s| pairs_of(&index.by_session[s]) > index.session(s).seats).count()
            }
            Family::StateCap => {
                let mut upper: BTreeMap<(usize, usize), i64> = BTreeMap::new();
                for pair in &index.pairs {
                    if index.session(pair.session).max_per_state.is_some() {
                        *upper.entry((pair.session, index.state_of[pair.need])).or_default() += pair.upper;
                    }
                }
                upper
                    .iter()
                    .filter(|(&(s, _), &most)| index.session(s).max_per_state.is_some_and(|cap| most > cap))
                    .count()
            }
            Family::Budget => {
                let mut most: BTreeMap<usize, i64> = BTreeMap::new();
                for pair in &index.pairs {
                    if let Some(state) = index.payer(pair) {
                        *most.entry(state).or_default() += index.session(pair.session).cost_per_seat * pair.upper;
                    }
                }
                most.iter()
                    .filter(|(&state, &most)| most > index.scenario.states[state].budget.unwrap_or(i64::MAX))
                    .count()
            }
            Family::MinimumViable => 2 * y,
            Family::Equity => z,
            Family::Pins => index.pairs.iter().filter(|pair| pair.pin.is_some()).count(),
        };
    }
    (index.pairs.len() + y + z, rows)
}

/// Declares x, y and z with their bounds; `integral: false` gives the linear relaxation.
pub fn variables(index: &Index, problem: &mut ProblemVariables, integral: bool) -> Vars {
    let x = index
        .pairs
        .iter()
        .map(|pair| {
            let x = variable().min(0).max(pair.upper as f64);
            problem.add(if integral { x.integer() } else { x })
        })
        .collect();
    let mut y = BTreeMap::new();
    for (s, pairs) in index.by_session.iter().enumerate() {
        if index.session(s).min_participants > 0 && !pairs.is_empty() {
            y.insert(s, problem.add(if integral { variable().binary() } else { variable().min(0).max(1) }));
        }
    }
    let mut z = BTreeMap::new();
    for (n, pairs) in index.by_need.iter().enumerate() {
        if !pairs.is_empty() {
            let core = core(index.need(n).trainees) as f64;
            z.insert(n, problem.add(variable().min(0).max(core)));
        }
    }
    Vars { x, y, z }
}

/// `sum_n w_n (u_n + beta z_n) - gamma sum cost_s x[n,s]`.
pub fn objective(index: &Index, vars: &Vars) -> Expression {
    let settings = &index.scenario.settings;
    let mut objective = Expression::default();
    for (p, pair) in index.pairs.iter().enumerate() {
        let cost = index.session(pair.session).cost_per_seat as f64;
        objective.add_mul(weight(index, pair.need) - settings.cost_weight * cost, vars.x[p]);
    }
    for (&n, &z) in &vars.z {
        objective.add_mul(weight(index, n) * settings.equity_bonus, z);
    }
    objective
}

/// The objective with a price taken off each seat of each pair: the budgets priced
/// instead of imposed (`lagrange.rs`).
pub fn priced_objective(index: &Index, vars: &Vars, price: &[f64]) -> Expression {
    let mut objective = objective(index, vars);
    for (&x, &price) in vars.x.iter().zip(price) {
        if price != 0.0 {
            objective.add_mul(-price, x);
        }
    }
    objective
}

fn sum_x(vars: &Vars, pairs: &[usize]) -> Expression {
    pairs.iter().map(|&p| vars.x[p]).sum()
}

fn sum_upper(index: &Index, pairs: &[usize]) -> i64 {
    pairs.iter().map(|&p| index.pairs[p].upper).sum()
}

/// Demand: no need receives more trainees than it asked for.
fn demand(index: &Index, vars: &Vars) -> Vec<Constraint> {
    let mut out = Vec::new();
    for (n, pairs) in index.by_need.iter().enumerate() {
        let trainees = index.need(n).trainees;
        if sum_upper(index, pairs) > trainees {
            out.push(constraint!(sum_x(vars, pairs) <= trainees as f64));
        }
    }
    out
}

/// Capacity: no session takes more trainees than it has seats.
fn capacity(index: &Index, vars: &Vars) -> Vec<Constraint> {
    let mut out = Vec::new();
    for (s, pairs) in index.by_session.iter().enumerate() {
        let seats = index.session(s).seats;
        if sum_upper(index, pairs) > seats {
            out.push(constraint!(sum_x(vars, pairs) <= seats as f64));
        }
    }
    out
}

/// State cap: in a capped session, one state's needs together hold at most the cap.
fn state_cap(index: &Index, vars: &Vars) -> Vec<Constraint> {
    let mut out = Vec::new();
    for (s, pairs) in index.by_session.iter().enumerate() {
        let Some(cap) = index.session(s).max_per_state else { continue };
        let mut by_state: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &p in pairs {
            by_state.entry(index.state_of[index.pairs[p].need]).or_default().push(p);
        }
        for group in by_state.values() {
            if sum_upper(index, group) > cap {
                out.push(constraint!(sum_x(vars, group) <= cap as f64));
            }
        }
    }
    out
}

/// Budget: what a state's seats cost over the horizon stays within its budget.
fn budget(index: &Index, vars: &Vars) -> Vec<Constraint> {
    let mut spending: BTreeMap<usize, (Expression, i64)> = BTreeMap::new();
    for (p, pair) in index.pairs.iter().enumerate() {
        if let Some(state) = index.payer(pair) {
            let cost = index.session(pair.session).cost_per_seat;
            let entry = spending.entry(state).or_insert_with(|| (Expression::default(), 0));
            entry.0.add_mul(cost as f64, vars.x[p]);
            entry.1 += cost * pair.upper;
        }
    }
    let mut out = Vec::new();
    for (state, (spent, most)) in spending {
        let budget = index.scenario.states[state].budget.unwrap_or(i64::MAX);
        if most > budget {
            out.push(constraint!(spent <= budget as f64));
        }
    }
    out
}

/// Minimum viable session: a session with a minimum runs with at least that many or not at all.
fn minimum_viable(index: &Index, vars: &Vars) -> Vec<Constraint> {
    let mut out = Vec::new();
    for (&s, &y) in &vars.y {
        let session = index.session(s);
        let pairs = &index.by_session[s];
        out.push(constraint!(session.min_participants as f64 * y <= sum_x(vars, pairs)));
        out.push(constraint!(sum_x(vars, pairs) <= session.seats as f64 * y));
    }
    out
}

/// Equity: z_n, the seats that earn the bonus, count only seats actually given (z_n <= u_n;
/// z_n <= core_n is its variable bound).
fn equity(index: &Index, vars: &Vars) -> Vec<Constraint> {
    vars.z.iter().map(|(&n, &z)| constraint!(z <= sum_x(vars, &index.by_need[n]))).collect()
}

/// Pins: a pinned pair takes exactly the pinned seats.
fn pins(index: &Index, vars: &Vars) -> Vec<Constraint> {
    index
        .pairs
        .iter()
        .enumerate()
        .filter_map(|(p, pair)| pair.pin.map(|seats| constraint!(vars.x[p] == seats as f64)))
        .collect()
}

/// A constraint family of SPEC §3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Demand,
    Capacity,
    StateCap,
    Budget,
    MinimumViable,
    Equity,
    Pins,
}

impl Family {
    /// Every constraint family of SPEC §3, in a fixed order.
    pub const ALL: [Family; 7] = [
        Family::Demand,
        Family::Capacity,
        Family::StateCap,
        Family::Budget,
        Family::MinimumViable,
        Family::Equity,
        Family::Pins,
    ];

    /// Its name in SPEC §3.
    #[cfg(test)]
    pub fn name(self) -> &'static str {
        match self {
            Family::Demand => "demand",
            Family::Capacity => "capacity",
            Family::StateCap => "state_cap",
            Family::Budget => "budget",
            Family::MinimumViable => "minimum_viable",
            Family::Equity => "equity",
            Family::Pins => "pins",
        }
    }

    /// The family's constraints on the model of `index`.
    pub fn constraints(self, index: &Index, vars: &Vars) -> Vec<Constraint> {
        match self {
            Family::Demand => demand(index, vars),
            Family::Capacity => capacity(index, vars),
            Family::StateCap => state_cap(index, vars),
            Family::Budget => budget(index, vars),
            Family::MinimumViable => minimum_viable(index, vars),
            Family::Equity => equity(index, vars),
            Family::Pins => pins(index, vars),
        }
    }
}
