//! Scenario -> integer program -> plan, behind one door: [`solve`]. good_lp types stay
//! inside this module.

mod compat;
mod explain;
mod flow;
mod heuristic;
#[cfg(feature = "highs")]
mod highs;
mod lagrange;
mod model;
mod plan;
mod precheck;
mod report;
#[cfg(test)]
mod tests;
mod verify;

use std::collections::BTreeMap;

use web_time::Instant;

use good_lp::solvers::microlp::microlp;
use good_lp::{
    Constraint, Expression, ProblemVariables, ResolutionError, Solution, SolutionStatus, SolverModel, Variable,
    WithInitialSolution, WithMipGap, WithTimeLimit,
};

pub use compat::Rule;
pub use explain::{explain, explain_all, Candidate, Explanation, Ruled, SessionState};
pub use plan::{Allocation, Plan, Reason, SessionFill, Stats, Status, Unmet, PLAN_FORMAT};

use crate::model::{validate, NeedId, Problem, Scenario, SessionId};
use compat::Index;
pub use precheck::PinProblem;
pub use report::{changes, report, served, Change, Coverage, Report, Totals};
pub use verify::{verify, PLAN_VERSION};

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

/// The integer-programming engine. microlp is pure Rust and runs in the browser; HiGHS is a
/// native reference for the command line and the benchmark (feature `highs`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    #[default]
    Microlp,
    #[cfg(feature = "highs")]
    Highs,
}

impl Engine {
    /// The engines this build has.
    pub const ALL: &'static [Engine] = &[
        Engine::Microlp,
        #[cfg(feature = "highs")]
        Engine::Highs,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Microlp => "microlp",
            #[cfg(feature = "highs")]
            Engine::Highs => "highs",
        }
    }

    /// The engine of that name, if this build has it.
    pub fn named(name: &str) -> Option<Engine> {
        Engine::ALL.iter().copied().find(|engine| engine.name() == name)
    }
}

/// Why no plan could be produced.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SolveError {
    #[error("the scenario has {} problem(s); fix them before solving", .0.len())]
    Invalid(Vec<Problem>),
    #[error("the pins cannot all be honoured: {}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Infeasible(Vec<PinProblem>),
    #[error("no plan was found within the time limit of {0} s; allow more time")]
    NoPlanInTime(f64),
    #[error("the solver failed: {0}")]
    Solver(String),
}

/// Solves a scenario into a plan (SPEC §3–4). Invalid scenarios are never solved.
pub fn solve(scenario: &Scenario, options: &Options) -> Result<Plan, SolveError> {
    Model::build(scenario)?.solve(options)
}

/// A built integer program, ready to solve: lets the benchmark time building and solving
/// apart, and report the model's size.
///
/// The model is split into independent blocks: needs and sessions interact only through
/// compatible pairs (one skill and level) and through a state's budget, so each connected
/// component is solved on its own. The union of the blocks' optima is the optimum of the
/// whole model; many small simplex runs are far cheaper than one large one.
pub struct Model<'a> {
    index: Index<'a>,
    blocks: Vec<(Index<'a>, Parts)>,
    families: Vec<model::Family>,
}

/// The good_lp pieces of a model.
struct Parts {
    problem: ProblemVariables,
    vars: model::Vars,
    objective: Expression,
    constraints: Vec<Constraint>,
}

impl<'a> Model<'a> {
    /// Validates the scenario, checks the pins, and writes the model.
    pub fn build(scenario: &'a Scenario) -> Result<Model<'a>, SolveError> {
        let problems = validate(scenario);
        if !problems.is_empty() {
            return Err(SolveError::Invalid(problems));
        }
        let index = Index::new(scenario);
        let pin_problems = precheck::pins(&index);
        if !pin_problems.is_empty() {
            return Err(SolveError::Infeasible(pin_problems));
        }
        Ok(Model::with_families(index, &model::FAMILIES))
    }

    fn with_families(index: Index<'a>, families: &[model::Family]) -> Model<'a> {
        let blocks = compat::blocks(&index)
            .into_iter()
            .map(|pairs| {
                let block = index.restrict(&pairs);
                let parts = build_parts(&block, families, true);
                (block, parts)
            })
            .collect();
        Model { index, blocks, families: families.to_vec() }
    }

    pub fn variables(&self) -> usize {
        self.blocks.iter().map(|(_, parts)| parts.vars.count()).sum()
    }

    pub fn constraints(&self) -> usize {
        self.blocks.iter().map(|(_, parts)| parts.constraints.len()).sum()
    }

    /// Number of independent blocks the model splits into.
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }

    /// Solves every block. Natively the blocks are shared out to one worker per core; each
    /// worker's blocks share the time limit, so the whole solve stays within it.
    pub fn solve(self, options: &Options) -> Result<Plan, SolveError> {
        let stats = Stats {
            needs: self.index.scenario.needs.len(),
            sessions: self.index.scenario.sessions.len(),
            variables: self.variables(),
            constraints: self.constraints(),
            solve_ms: 0,
        };
        let Model { index, blocks, families } = self;
        let started = Instant::now();
        let outcomes = solve_blocks(blocks, &families, options);
        let seconds = started.elapsed().as_secs_f64();
        let mut allocations = Vec::new();
        let mut proven = true;
        let mut bound = 0.0;
        for outcome in outcomes {
            let outcome = outcome.map_err(|err| match err {
                SolveError::NoPlanInTime(_) => SolveError::NoPlanInTime(options.time_limit.unwrap_or_default()),
                other => other,
            })?;
            proven &= outcome.proven;
            bound += outcome.bound;
            allocations.extend(outcome.allocations);
        }
        let objective = round6(objective_of(&index, &allocations));
        let bound = if proven { objective } else { round6(bound.max(objective)) };
        // A bound that meets the plan proves it optimal, whoever stopped early.
        let proven = proven || bound - objective <= 1e-9 * bound.abs().max(1.0);
        let status = if proven { Status::Optimal } else { Status::TimeLimit };
        let stats = Stats { solve_ms: (seconds * 1e3) as u64, ..stats };
        Ok(plan_from(&index, allocations, status, objective, bound, stats))
    }
}

/// Solves the blocks, in block order, on as many workers as there are cores (one in the
/// browser); every block gets the time left before the shared deadline.
fn solve_blocks(
    blocks: Vec<(Index<'_>, Parts)>,
    families: &[model::Family],
    options: &Options,
) -> Vec<Result<Outcome, SolveError>> {
    let started = Instant::now();
    parallel_map(blocks, |(block, parts)| {
        let left = options.time_limit.map(|limit| (limit - started.elapsed().as_secs_f64()).max(0.001));
        run(&block, parts, families, options, left)
    })
}

/// `work` applied to every item, on one worker per core, results in item order.
fn parallel_map<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = workers().min(items.len()).max(1);
    if workers == 1 {
        return items.into_iter().map(work).collect();
    }
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let worker = || {
        let mut done = Vec::new();
        // The lock is held only to take the next item.
        while let Some((position, item)) = queue.lock().map(|mut queue| queue.next()).ok().flatten() {
            done.push((position, work(item)));
        }
        done
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(worker)).collect();
        handles.into_iter().flat_map(|handle| handle.join().expect("a solver worker panicked")).collect()
    });
    done.sort_by_key(|(position, _)| *position);
    done.into_iter().map(|(_, result)| result).collect()
}

/// Solver workers: one per core natively, one in the browser (no threads there).
pub fn workers() -> usize {
    if cfg!(target_arch = "wasm32") {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

fn build_parts(index: &Index, families: &[model::Family], integral: bool) -> Parts {
    let mut problem = ProblemVariables::new();
    let vars = model::variables(index, &mut problem, integral);
    let objective = model::objective(index, &vars);
    let constraints = families.iter().flat_map(|(_, family)| family(index, &vars)).collect();
    Parts { problem, vars, objective, constraints }
}

/// The integer program with a price taken off each pair's seats (`lagrange.rs`).
fn build_priced_parts(index: &Index, families: &[model::Family], price: &[f64]) -> Parts {
    let mut problem = ProblemVariables::new();
    let vars = model::variables(index, &mut problem, true);
    let objective = model::priced_objective(index, &vars, price);
    let constraints = families.iter().flat_map(|(_, family)| family(index, &vars)).collect();
    Parts { problem, vars, objective, constraints }
}

/// Solves with a chosen set of constraint families (all of them, except in tests that
/// prove each family binds).
#[cfg(test)]
fn solve_index(index: &Index, options: &Options, families: &[model::Family]) -> Result<Plan, SolveError> {
    Model::with_families(index.restrict(&(0..index.pairs.len()).collect::<Vec<_>>()), families).solve(options)
}

/// Solves the whole model as one block, without the split into components: the reference
/// the decomposition is tested against.
#[cfg(test)]
fn solve_whole(scenario: &Scenario, options: &Options) -> Result<Plan, SolveError> {
    let index = Index::new(scenario);
    let block = index.restrict(&(0..index.pairs.len()).collect::<Vec<_>>());
    let parts = build_parts(&block, &model::FAMILIES, true);
    Model { index, blocks: vec![(block, parts)], families: model::FAMILIES.to_vec() }.solve(options)
}

/// What one block's solve gave.
struct Outcome {
    allocations: Vec<Allocation>,
    proven: bool,
    /// The block's proven upper bound (its objective when proven optimal).
    bound: f64,
}

/// True when the block has side constraints that make its relaxation fractional: a
/// minimum-size session or a binding budget. Pure blocks are network flows, integral at once.
fn is_hard(index: &Index, parts: &Parts) -> bool {
    !parts.vars.y.is_empty() || index.spends_budget()
}

/// Solves the block's linear relaxation (within half the time left, if limited) and repairs
/// it into a feasible integer start (seats per pair); without the relaxation, the greedy
/// fill alone.
fn warm_start(index: &Index, families: &[model::Family], time_limit: Option<f64>) -> Option<Vec<i64>> {
    let lp_limit = time_limit.map(|limit| limit / 2.0);
    let Parts { problem, vars, objective, constraints } = build_parts(index, families, false);
    let mut lp = problem.maximise(objective).using(microlp);
    if let Some(seconds) = lp_limit {
        lp = lp.with_time_limit(seconds);
    }
    for constraint in constraints {
        lp.add_constraint(constraint);
    }
    let values = lp.solve().ok().map(|solution| vars.x.iter().map(|&x| solution.value(x)).collect::<Vec<f64>>());
    heuristic::repair(index, values.as_deref())
}

/// The start as (variable, value) hints: x, and y where a session has a minimum.
fn hints(index: &Index, vars: &model::Vars, x: &[i64]) -> Vec<(Variable, f64)> {
    let mut hints: Vec<(Variable, f64)> = vars.x.iter().zip(x).map(|(&var, &seats)| (var, seats as f64)).collect();
    for (&s, &y) in &vars.y {
        let running = index.by_session[s].iter().any(|&p| x[p] > 0);
        hints.push((y, if running { 1.0 } else { 0.0 }));
    }
    hints
}

/// What an engine returned for a block: seats per pair, whether proven optimal, the value
/// of its plan and the best bound it proved (both in the objective it was given).
struct Solved {
    seats: Vec<i64>,
    proven: bool,
    value: f64,
    best_bound: Option<f64>,
}

/// Share of a block's time that pricing the budgets may take before branch-and-bound.
const PRICING_SHARE: f64 = 0.4;

/// Pairs above which microlp's branch-and-bound is not tried on a budget-linked block: its
/// simplex cannot solve a relaxation that size in useful time, so the priced plan stands.
const LARGEST_FOR_BRANCHING: usize = 40_000;

fn run(
    index: &Index,
    parts: Parts,
    families: &[model::Family],
    options: &Options,
    time_limit: Option<f64>,
) -> Result<Outcome, SolveError> {
    let engine = options.engine;
    if matches!(engine, Engine::Microlp) && flow::applies(index, families) {
        let (seats, _) = flow::solve(index, &vec![0.0; index.pairs.len()]);
        let allocations = allocations_of(index, |p| seats[p]);
        let bound = objective_of(index, &allocations);
        return Ok(Outcome { allocations, proven: true, bound });
    }
    let started = Instant::now();
    let left = || time_limit.map(|limit| (limit - started.elapsed().as_secs_f64()).max(0.001));
    let branching = index.pairs.len() <= LARGEST_FOR_BRANCHING;
    let priced = match engine {
        Engine::Microlp if lagrange::applies(index, families) => {
            // Without branch-and-bound, the time is pricing's and the by-state bound's.
            let share = if branching { PRICING_SHARE } else { 0.6 };
            lagrange::solve(index, families, time_limit.map(|limit| limit * share))
        }
        _ => None,
    };
    if let Some(priced) = &priced {
        let within_gap = priced.bound - priced.objective <= options.gap * priced.bound.abs().max(1.0);
        if priced.closed() || within_gap || !branching {
            let allocations = allocations_of(index, |p| priced.seats[p]);
            return Ok(Outcome { allocations, proven: priced.closed(), bound: priced.bound });
        }
    }
    let start = match (engine, &priced) {
        (Engine::Microlp, Some(priced)) => Some(priced.seats.clone()),
        (Engine::Microlp, None) if is_hard(index, &parts) => warm_start(index, families, left()),
        _ => None,
    };
    let hints = start.as_ref().map(|start| hints(index, &parts.vars, start));
    let solved = match engine {
        Engine::Microlp => with_microlp(parts, left(), hints, options.gap),
        #[cfg(feature = "highs")]
        Engine::Highs => highs::solve(parts, left(), options.gap),
    };
    let priced_bound = priced.as_ref().map_or(f64::INFINITY, |priced| priced.bound);
    let solved = match solved {
        Ok(solved) => solved,
        Err(ResolutionError::Infeasible) => return Err(SolveError::Infeasible(precheck::infeasible_fallback(index))),
        // Out of time before the engine had a plan of its own: the start is a plan (with no
        // pins, so is seating nobody), and serving every need in full (or what pricing
        // proved) is a bound, so the plan stays honest (`time_limit`).
        Err(ResolutionError::Other(_)) if time_limit.is_some() => {
            let allocations = match (&start, index.pairs.iter().any(|pair| pair.pin.is_some())) {
                (Some(start), _) => allocations_of(index, |p| start[p]),
                (None, false) => Vec::new(),
                (None, true) => return Err(SolveError::NoPlanInTime(time_limit.unwrap_or_default())),
            };
            let bound = full_service(index).min(priced_bound);
            return Ok(Outcome { allocations, proven: false, bound });
        }
        Err(other) => return Err(SolveError::Solver(other.to_string())),
    };
    let allocations = allocations_of(index, |p| solved.seats[p]);
    let achieved = objective_of(index, &allocations);
    let bound = if solved.proven {
        achieved
    } else {
        solved.best_bound.unwrap_or(f64::INFINITY).min(priced_bound).max(achieved)
    };
    Ok(Outcome { allocations, proven: solved.proven, bound })
}

fn with_microlp(
    parts: Parts,
    time_limit: Option<f64>,
    hints: Option<Vec<(Variable, f64)>>,
    gap: f64,
) -> Result<Solved, ResolutionError> {
    let Parts { problem, vars, objective, constraints } = parts;
    let mut solver = problem.maximise(objective.clone()).using(microlp);
    if gap > 0.0 {
        solver = solver.with_mip_gap(gap as f32).map_err(|err| ResolutionError::Str(err.to_string()))?;
    }
    if let Some(seconds) = time_limit {
        solver = solver.with_time_limit(seconds);
    }
    if let Some(hints) = hints {
        solver = solver.with_initial_solution(hints);
    }
    for constraint in constraints {
        solver.add_constraint(constraint);
    }
    let solution = solver.solve()?;
    let proven = matches!(solution.status(), SolutionStatus::Optimal);
    let seats = vars.x.iter().map(|&x| solution.value(x).round() as i64).collect();
    let value = solution.eval(&objective);
    let best_bound = solution.into_inner().stats().best_bound;
    Ok(Solved { seats, proven, value, best_bound })
}

/// The allocations with seats > 0 of a block, from the seats of each pair.
fn allocations_of(index: &Index, seats: impl Fn(usize) -> i64) -> Vec<Allocation> {
    index
        .pairs
        .iter()
        .enumerate()
        .map(|(p, pair)| Allocation {
            need: index.need(pair.need).id.clone(),
            session: index.session(pair.session).id.clone(),
            seats: seats(p),
        })
        .filter(|a| a.seats > 0)
        .collect()
}

/// The objective if every need with a pair were served in full at no cost: an upper bound.
fn full_service(index: &Index) -> f64 {
    let bonus = index.scenario.settings.equity_bonus;
    (0..index.by_need.len())
        .filter(|&n| !index.by_need[n].is_empty())
        .map(|n| {
            let trainees = index.need(n).trainees;
            model::weight(index, n) * (trainees as f64 + bonus * model::core(trainees) as f64)
        })
        .sum()
}

fn round6(value: f64) -> f64 {
    if value.is_finite() {
        (value * 1e6).round() / 1e6
    } else {
        value
    }
}

/// The SPEC §3 objective of an integer allocation of a valid scenario, from the seats alone.
pub fn objective(scenario: &Scenario, allocations: &[Allocation]) -> f64 {
    objective_of(&Index::new(scenario), allocations)
}

fn objective_of(index: &Index, allocations: &[Allocation]) -> f64 {
    let scenario = index.scenario;
    let settings = &scenario.settings;
    let need_pos: BTreeMap<&NeedId, usize> = scenario.needs.iter().enumerate().map(|(i, n)| (&n.id, i)).collect();
    let cost_of: BTreeMap<&SessionId, i64> = scenario.sessions.iter().map(|s| (&s.id, s.cost_per_seat)).collect();
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
    let value: f64 = served
        .iter()
        .enumerate()
        .map(|(n, &u)| {
            let core = model::core(scenario.needs[n].trainees).min(u) as f64;
            model::weight(index, n) * (u as f64 + settings.equity_bonus * core)
        })
        .sum();
    value - settings.cost_weight * cost
}

fn plan_from(
    index: &Index,
    mut allocations: Vec<Allocation>,
    status: Status,
    objective: f64,
    bound: f64,
    stats: Stats,
) -> Plan {
    allocations.sort_by(|a, b| (&a.need, &a.session).cmp(&(&b.need, &b.session)));
    let mut filled_of: BTreeMap<&SessionId, i64> = BTreeMap::new();
    for allocation in &allocations {
        *filled_of.entry(&allocation.session).or_default() += allocation.seats;
    }
    let sessions = index
        .scenario
        .sessions
        .iter()
        .map(|session| {
            let filled = filled_of.get(&session.id).copied().unwrap_or(0);
            SessionFill { session: session.id.clone(), filled, seats: session.seats, running: filled > 0 }
        })
        .collect();
    let unmet = explain::unmet(index, &allocations);
    let gap = round6(((bound - objective) / bound.abs().max(1.0)).max(0.0));
    Plan {
        format: PLAN_FORMAT.to_string(),
        version: 1,
        scenario: index.scenario.title.clone(),
        status,
        objective,
        bound,
        gap,
        allocations,
        sessions,
        unmet,
        stats,
    }
}
