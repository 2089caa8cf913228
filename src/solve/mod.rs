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

use std::collections::{BTreeMap, HashMap};

use web_time::Instant;

use good_lp::solvers::microlp::microlp;
use good_lp::{
    Constraint, Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, WithTimeLimit,
};

pub use compat::Rule;
pub use explain::{explain, explain_all, Candidate, Explanation, Fact, Ruled, SessionState};
pub use plan::{Allocation, Plan, Reason, SessionFill, Stats, Status, Unmet, PLAN_FORMAT};

use crate::model::{validate, NeedId, Problem, Scenario, SessionId};
use compat::Index;
pub use precheck::{ClashKind, PinProblem};
pub use report::{changes, report, served, Change, Coverage, Report, Totals};
pub use verify::{verify, PLAN_VERSION, SHOWN_PROBLEMS};

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

/// Solves a scenario into a plan (SPEC §3–4). Invalid scenarios are never solved. The time
/// limit runs from here: building the index and the model counts against it.
pub fn solve(scenario: &Scenario, options: &Options) -> Result<Plan, SolveError> {
    let deadline = Deadline::after(options.time_limit);
    Model::build(scenario)?.solve_until(options, deadline)
}

/// When a solve must stop, taken once when it starts; `None`: no time limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Deadline(Option<Instant>);

impl Deadline {
    /// `seconds` from now (no deadline for none, or a limit too large for the clock).
    pub(crate) fn after(seconds: Option<f64>) -> Deadline {
        let limit = seconds.and_then(|seconds| std::time::Duration::try_from_secs_f64(seconds.max(0.0)).ok());
        Deadline(limit.and_then(|limit| Instant::now().checked_add(limit)))
    }

    #[cfg(test)]
    pub(crate) fn none() -> Deadline {
        Deadline(None)
    }

    pub(crate) fn passed(self) -> bool {
        self.0.is_some_and(|at| Instant::now() >= at)
    }

    /// Seconds left (at least a millisecond, so that an engine given it stops at once).
    pub(crate) fn left(self) -> Option<f64> {
        self.0.map(|at| at.saturating_duration_since(Instant::now()).as_secs_f64().max(0.001))
    }

    /// The earlier of this deadline and `seconds` from now.
    pub(crate) fn within(self, seconds: Option<f64>) -> Deadline {
        match (self, Deadline::after(seconds)) {
            (Deadline(Some(a)), Deadline(Some(b))) => Deadline(Some(a.min(b))),
            (Deadline(None), other) | (other, Deadline(None)) => other,
        }
    }
}

/// A built integer program, ready to solve: lets the benchmark time building and solving
/// apart, and report the model's size.
///
/// The model is split into independent blocks: needs and sessions interact only through
/// compatible pairs (one skill and level) and through a state's budget, so each connected
/// component is solved on its own. The union of the blocks' optima is the optimum of the
/// whole model; many small simplex runs are far cheaper than one large one. A block's
/// good_lp model is written only when an engine needs it (a pure block is solved as a flow
/// without one), by the worker that solves it.
pub struct Model<'a> {
    index: Index<'a>,
    /// The pairs of each block.
    blocks: Vec<Vec<usize>>,
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
    /// Validates the scenario, checks the pins, and splits the model into blocks (linear in
    /// the pairs; the blocks' models are written when solved, within the deadline).
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
        let blocks = compat::blocks(&index);
        Model { index, blocks, families: families.to_vec() }
    }

    /// Variables and constraints of the whole model (SPEC §3), without writing it.
    fn size(&self) -> (usize, usize) {
        model::size(&self.index, &self.families)
    }

    pub fn variables(&self) -> usize {
        self.size().0
    }

    pub fn constraints(&self) -> usize {
        self.size().1
    }

    /// Number of independent blocks the model splits into.
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }

    /// Solves every block within the time limit, counted from this call.
    pub fn solve(self, options: &Options) -> Result<Plan, SolveError> {
        let deadline = Deadline::after(options.time_limit);
        self.solve_until(options, deadline)
    }

    /// Solves every block. Natively the blocks are shared out to one worker per core; all
    /// workers share the deadline, so the whole solve stays within it. A block reached after
    /// the deadline gets a quick plan (no seats, or its pins and a greedy fill) and the bound
    /// "every need served in full".
    fn solve_until(self, options: &Options, deadline: Deadline) -> Result<Plan, SolveError> {
        let started = Instant::now();
        let (variables, constraints) = self.size();
        let stats = Stats {
            needs: self.index.scenario.needs.len(),
            sessions: self.index.scenario.sessions.len(),
            variables,
            constraints,
            solve_ms: 0,
        };
        let Model { index, blocks, families } = self;
        let outcomes = solve_blocks(&index, blocks, &families, options, deadline);
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
        let proven = proven || (bound.is_finite() && bound - objective <= 1e-9 * bound.abs().max(1.0));
        let status = if proven { Status::Optimal } else { Status::TimeLimit };
        let stats = Stats { solve_ms: (started.elapsed().as_secs_f64() * 1e3) as u64, ..stats };
        Ok(plan_from(&index, allocations, status, objective, bound, stats))
    }
}

/// Solves the blocks, in block order, on as many workers as there are cores (one in the
/// browser); every block gets the time left before the shared deadline.
fn solve_blocks(
    index: &Index<'_>,
    blocks: Vec<Vec<usize>>,
    families: &[model::Family],
    options: &Options,
    deadline: Deadline,
) -> Vec<Result<Outcome, SolveError>> {
    parallel_map(blocks, |pairs| {
        // Past the deadline, a block without pins seats nobody: no need to write it out.
        if deadline.passed() && pairs.iter().all(|&p| index.pairs[p].pin.is_none()) {
            let needs: std::collections::BTreeSet<usize> = pairs.iter().map(|&p| index.pairs[p].need).collect();
            return Ok(Outcome { allocations: Vec::new(), proven: false, bound: full_service_of(index, needs) });
        }
        let block = index.restrict(&pairs);
        if deadline.passed() {
            return quick(&block, options);
        }
        run(&block, families, options, deadline)
    })
}

/// A block's plan when no time is left: no seats (or, with pins, the pins and a greedy
/// fill), with the bound "every need served in full".
fn quick(index: &Index, options: &Options) -> Result<Outcome, SolveError> {
    let allocations = if index.pairs.iter().any(|pair| pair.pin.is_some()) {
        let seats =
            heuristic::repair(index, None).ok_or(SolveError::NoPlanInTime(options.time_limit.unwrap_or_default()))?;
        allocations_of(index, |p| seats[p])
    } else {
        Vec::new()
    };
    Ok(Outcome { allocations, proven: false, bound: full_service(index) })
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
    let blocks = vec![(0..index.pairs.len()).collect()];
    Model { index, blocks, families: model::FAMILIES.to_vec() }.solve(options)
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
fn is_hard(index: &Index) -> bool {
    index.pairs.iter().any(|pair| index.session(pair.session).min_participants > 0) || index.spends_budget()
}

/// Solves the block's linear relaxation (within half the time left, if limited) and repairs
/// it into a feasible integer start (seats per pair); without the relaxation, the greedy
/// fill alone.
fn warm_start(index: &Index, families: &[model::Family], deadline: Deadline) -> Option<Vec<i64>> {
    let lp_limit = deadline.left().map(|limit| limit * ENGINE_SHARE / 2.0);
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

/// Share of the time left that microlp is given, so that its last pivots and the plan's
/// explanations still end before the deadline.
const ENGINE_SHARE: f64 = 0.9;

/// Share of a block's time that pricing the budgets may take before branch-and-bound.
const PRICING_SHARE: f64 = 0.4;

/// Pairs above which microlp's branch-and-bound is not tried on a budget-linked block: its
/// simplex cannot solve a relaxation that size in useful time, so the priced plan stands.
const LARGEST_FOR_BRANCHING: usize = 40_000;

fn run(
    index: &Index,
    families: &[model::Family],
    options: &Options,
    deadline: Deadline,
) -> Result<Outcome, SolveError> {
    let engine = options.engine;
    if matches!(engine, Engine::Microlp) && flow::applies(index, families) {
        let flow = flow::solve(index, &vec![0.0; index.pairs.len()], deadline);
        let allocations = allocations_of(index, |p| flow.seats[p]);
        let achieved = value_of(index, &flow.seats);
        let bound = if flow.complete { achieved } else { full_service(index).max(achieved) };
        return Ok(Outcome { allocations, proven: flow.complete, bound });
    }
    let branching = index.pairs.len() <= LARGEST_FOR_BRANCHING;
    let priced = match engine {
        Engine::Microlp if lagrange::applies(index, families) => {
            // Without branch-and-bound, the time is pricing's and the by-state bound's.
            let share = if branching { PRICING_SHARE } else { 0.6 };
            lagrange::solve(index, families, deadline.within(deadline.left().map(|left| left * share)))
        }
        _ => None,
    };
    if let Some(priced) = &priced {
        let within_gap = priced.bound - priced.objective <= options.gap * priced.bound.abs().max(1.0);
        if priced.closed() || within_gap || !branching || deadline.passed() {
            let allocations = allocations_of(index, |p| priced.seats[p]);
            let bound = priced.bound.min(full_service(index)).max(priced.objective);
            return Ok(Outcome { allocations, proven: priced.closed(), bound });
        }
    }
    if deadline.passed() {
        return quick(index, options);
    }
    let start = match (engine, &priced) {
        (Engine::Microlp, Some(priced)) => Some(priced.seats.clone()),
        (Engine::Microlp, None) if is_hard(index) => warm_start(index, families, deadline),
        _ => None,
    };
    let priced_bound = priced.as_ref().map_or(f64::INFINITY, |priced| priced.bound);
    // Out of time before the engine ran: the start is the plan.
    let out_of_time = |start: &Option<Vec<i64>>| match start {
        Some(start) => Ok(Outcome {
            allocations: allocations_of(index, |p| start[p]),
            proven: false,
            bound: full_service(index).min(priced_bound).max(value_of(index, start)),
        }),
        None => quick(index, options),
    };
    if deadline.passed() {
        return out_of_time(&start);
    }
    let parts = build_parts(index, families, true);
    if deadline.passed() {
        return out_of_time(&start);
    }
    let hints = start.as_ref().map(|start| hints(index, &parts.vars, start));
    let solved = match engine {
        // microlp looks at the clock between pivots, which take long on a large block.
        Engine::Microlp => with_microlp(parts, deadline.left().map(|left| left * ENGINE_SHARE), hints, options.gap),
        #[cfg(feature = "highs")]
        Engine::Highs => highs::solve(parts, deadline.left(), options.gap),
    };
    let solved = match solved {
        Ok(solved) => solved,
        Err(ResolutionError::Infeasible) => return Err(SolveError::Infeasible(precheck::infeasible_fallback(index))),
        // Out of time (or nodes) before the engine had a plan of its own: the start is a
        // plan (with no pins, so is seating nobody), and serving every need in full (or what
        // pricing proved) is a bound, so the plan stays honest (`time_limit`).
        Err(ResolutionError::Other(_)) if deadline.0.is_some() || start.is_some() => return out_of_time(&start),
        Err(other) => return Err(SolveError::Solver(other.to_string())),
    };
    let allocations = allocations_of(index, |p| solved.seats[p]);
    let achieved = value_of(index, &solved.seats);
    let bound = if solved.proven {
        achieved
    } else {
        solved.best_bound.unwrap_or(f64::INFINITY).min(priced_bound).min(full_service(index)).max(achieved)
    };
    Ok(Outcome { allocations, proven: solved.proven, bound })
}

/// Bytes the branch-and-bound trees of all workers together may hold. microlp keeps each
/// open node's basis (a byte per row and column) and its bound changes, and opens at most
/// one node more than it solves, so a node limit bounds the tree's memory: on the large
/// budgeted benchmark 20,000 nodes took 285 MB, and an unlimited tree 3.4 GB in 120 s.
const TREE_BYTES: f64 = 1024.0 * 1024.0 * 1024.0;

/// The node limit of a block's branch-and-bound: its worker's share of [`TREE_BYTES`], at
/// a generous 4 bytes per row and column and 4 KiB more per open node.
fn node_limit(variables: usize, constraints: usize) -> u64 {
    let per_node = 4.0 * (variables + constraints) as f64 + 4096.0;
    ((TREE_BYTES / workers() as f64 / per_node) as u64).max(100)
}

fn with_microlp(
    parts: Parts,
    time_limit: Option<f64>,
    hints: Option<Vec<(Variable, f64)>>,
    gap: f64,
) -> Result<Solved, ResolutionError> {
    let Parts { problem, vars, objective, constraints } = parts;
    let rows = constraints.len();
    let mut solver = problem.maximise(objective).using(microlp);
    for constraint in constraints {
        solver.add_constraint(constraint);
    }
    // good_lp passes the variables on in the order they were declared, so microlp's
    // variable i is the i-th declared; a scratch problem hands out microlp's handles for
    // them (good_lp keeps its own private).
    let declared = vars.declared();
    let position: std::collections::HashMap<Variable, usize> =
        declared.iter().enumerate().map(|(i, &var)| (var, i)).collect();
    let mut scratch = ::microlp::Problem::new(::microlp::OptimizationDirection::Maximize);
    let handles: Vec<::microlp::Variable> = declared.iter().map(|_| scratch.add_var(0.0, (0.0, 0.0))).collect();
    let mut options = ::microlp::SolveOptions::default();
    options.time_limit = time_limit.map(std::time::Duration::from_secs_f64);
    options.node_limit = Some(node_limit(declared.len(), rows));
    options.mip_gap = gap;
    options.warm_start = hints.map(|hints| {
        hints.into_iter().filter_map(|(var, value)| Some((handles[*position.get(&var)?], value))).collect()
    });
    let outcome = solver.as_inner().solve_with(options).map_err(ResolutionError::from)?;
    let solution = outcome
        .into_solution()
        .map_err(|_| ResolutionError::Other("time or node limit reached before finding a feasible solution"))?;
    let proven = matches!(solution.status(), ::microlp::SolutionStatus::Optimal);
    let seats = (0..vars.x.len()).map(|p| solution.var_value(handles[p]).round() as i64).collect();
    let value = solution.objective();
    let best_bound = solution.stats().best_bound;
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
    full_service_of(index, (0..index.by_need.len()).filter(|&n| !index.by_need[n].is_empty()))
}

/// The objective if these needs were served in full at no cost.
fn full_service_of(index: &Index, needs: impl IntoIterator<Item = usize>) -> f64 {
    let bonus = index.scenario.settings.equity_bonus;
    needs
        .into_iter()
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

/// The SPEC §3 objective of seats per pair of a block (as [`objective_of`], without looking
/// anything up by id: a block's cost does not grow with the whole scenario).
fn value_of(index: &Index, seats: &[i64]) -> f64 {
    let settings = &index.scenario.settings;
    let mut served: BTreeMap<usize, i64> = BTreeMap::new();
    let mut cost = 0.0;
    for (p, pair) in index.pairs.iter().enumerate() {
        *served.entry(pair.need).or_default() += seats[p];
        cost += (index.session(pair.session).cost_per_seat * seats[p]) as f64;
    }
    let value: f64 = served
        .into_iter()
        .map(|(n, u)| {
            let core = model::core(index.need(n).trainees).min(u) as f64;
            model::weight(index, n) * (u as f64 + settings.equity_bonus * core)
        })
        .sum();
    value - settings.cost_weight * cost
}

fn objective_of(index: &Index, allocations: &[Allocation]) -> f64 {
    let scenario = index.scenario;
    let settings = &scenario.settings;
    let need_pos: HashMap<&NeedId, usize> = scenario.needs.iter().enumerate().map(|(i, n)| (&n.id, i)).collect();
    let cost_of: HashMap<&SessionId, i64> = scenario.sessions.iter().map(|s| (&s.id, s.cost_per_seat)).collect();
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
