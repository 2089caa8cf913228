//! The plan's state, shared by context beside the scenario's [`Store`]: the last plan with the
//! scenario it came from, what the last Solve gave, the explanations and report derived from
//! the plan, and which plan screen, session and state are on view. Solving runs in the
//! solver's Web Worker (`src/worker.rs`, started at the first solve and kept): the page sends
//! the scenario, shows the elapsed time and the best plan found so far, and settles the final
//! reply; Stop ends the worker and keeps the best plan so far, labelled as stopped.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::model::{Scenario, SessionId, StateCode};
use crate::solve::{explain_all, report, Change, Explanation, Plan, Report, SolveError};
use crate::ui::shell::browser;
use crate::ui::shell::store::Store;
use crate::ui::vm::plan::solved::{self, settle, LastPlan, SolveOutcome, DEFAULT_TIME_LIMIT, KEY_PLAN};
use crate::ui::vm::plan::worker::{SolveRequest, Stopped, WorkerReply};

/// The worker's loader, which Trunk writes beside the app (index.html, `data-loader-shim`).
const WORKER_URL: &str = "./qudra-solver_loader.js";

/// The solver's worker and the solve it is working on: not reactive, so kept beside the
/// signals, on the page's one thread.
struct Solver {
    worker: Worker,
    /// The worker has said it listens.
    ready: bool,
    /// A request waiting for the worker to be ready.
    pending: Option<String>,
    /// The scenario being solved and the best plan found so far, with its milliseconds.
    scenario: Option<Scenario>,
    best: Option<(Plan, f64)>,
    ticker: Option<IntervalHandle>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static SOLVER: RefCell<Option<Solver>> = const { RefCell::new(None) };
}

/// The plan screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Calendar,
    ByState,
    Coverage,
    Unmet,
    Changes,
    Export,
    /// Where to add capacity.
    Capacity,
}

#[derive(Clone, Copy)]
pub struct PlanStore {
    pub solved: RwSignal<Option<LastPlan>>,
    /// Every unmet need of the plan, explained (computed once per plan).
    pub explanations: Memo<Vec<Explanation>>,
    pub report: Memo<Option<Report>>,
    /// True when the scenario has changed since the plan on screen was computed.
    pub out_of_date: Memo<bool>,
    pub outcome: RwSignal<Option<SolveOutcome>>,
    /// What the last successful re-solve moved (`None` before any re-solve).
    pub changes: RwSignal<Option<Vec<Change>>>,
    pub solving: RwSignal<bool>,
    /// How many solves have finished since the page opened.
    pub solves: RwSignal<u64>,
    /// Seconds a solve may take.
    pub time_limit: RwSignal<f64>,
    /// Stop once the plan is proven within this fraction of the best possible.
    pub gap: RwSignal<f64>,
    /// Milliseconds since the solve on its way started.
    pub elapsed: RwSignal<f64>,
    /// The proven gap of the best plan the solve on its way has found so far.
    pub best_gap: RwSignal<Option<f64>>,
    /// How the last solve was stopped, if the planner stopped it.
    pub stopped: RwSignal<Option<Stopped>>,
    pub view: RwSignal<View>,
    /// The session whose roster is open.
    pub session: RwSignal<Option<SessionId>>,
    /// The state the "by state" screen shows.
    pub state: RwSignal<Option<StateCode>>,
}

pub fn use_plan() -> PlanStore {
    expect_context::<PlanStore>()
}

impl PlanStore {
    /// The last plan kept in this browser, if any.
    pub fn load(store: Store) -> PlanStore {
        let solved = RwSignal::new(solved::decode(browser::read(KEY_PLAN).as_deref()));
        let explanations = Memo::new(move |_| {
            solved.with(|s| s.as_ref().map(|s| explain_all(&s.scenario, &s.plan.allocations)).unwrap_or_default())
        });
        let report = Memo::new(move |_| solved.with(|s| s.as_ref().map(|s| report(&s.scenario, &s.plan))));
        let out_of_date = Memo::new(move |_| {
            solved.with(|s| s.as_ref().is_some_and(|s| store.scenario.with(|current| s.out_of_date(current))))
        });
        PlanStore {
            solved,
            explanations,
            report,
            out_of_date,
            outcome: RwSignal::new(None),
            changes: RwSignal::new(None),
            solving: RwSignal::new(false),
            solves: RwSignal::new(0),
            time_limit: RwSignal::new(DEFAULT_TIME_LIMIT),
            gap: RwSignal::new(0.0),
            elapsed: RwSignal::new(0.0),
            best_gap: RwSignal::new(None),
            stopped: RwSignal::new(None),
            view: RwSignal::new(View::Calendar),
            session: RwSignal::new(None),
            state: RwSignal::new(None),
        }
    }

    /// Sends the current scenario to the solver's worker (started now if it is not yet).
    pub fn solve(self, store: Store) {
        if self.solving.get_untracked() {
            return;
        }
        let scenario = store.scenario.get_untracked();
        let request = SolveRequest {
            scenario: scenario.clone(),
            time_limit: self.time_limit.get_untracked(),
            gap: self.gap.get_untracked(),
        }
        .encode();
        self.solving.set(true);
        self.stopped.set(None);
        self.best_gap.set(None);
        self.elapsed.set(0.0);
        let started = browser::now_ms();
        let ticker =
            set_interval_with_handle(move || self.elapsed.set(browser::now_ms() - started), Duration::from_millis(100))
                .ok();
        let running = SOLVER.with_borrow_mut(|solver| {
            if solver.is_none() {
                *solver = self.start(store);
            }
            let Some(solver) = solver.as_mut() else { return false };
            solver.scenario = Some(scenario);
            solver.best = None;
            solver.ticker = ticker;
            if solver.ready {
                let _ = solver.worker.post_message(&JsValue::from_str(&request));
            } else {
                solver.pending = Some(request);
            }
            true
        });
        if !running {
            if let Some(ticker) = ticker {
                ticker.clear();
            }
            let message = "the solver's worker could not be started".to_string();
            self.finish(store, store.scenario.get_untracked(), Err(SolveError::Solver(message)), 0.0);
        }
    }

    /// Starts the solver's worker, listening for its replies.
    fn start(self, store: Store) -> Option<Solver> {
        let worker = Worker::new(WORKER_URL).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(reply) = event.data().as_string().as_deref().and_then(WorkerReply::decode) {
                self.receive(store, reply);
            }
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            let message = format!("the solver's worker stopped: {}", event.message());
            self.receive(store, WorkerReply::Failed { message, ms: 0.0 });
            if let Some(solver) = SOLVER.with_borrow_mut(Option::take) {
                solver.close();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Solver {
            worker,
            ready: false,
            pending: None,
            scenario: None,
            best: None,
            ticker: None,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// One reply of the worker.
    fn receive(self, store: Store, reply: WorkerReply) {
        if let WorkerReply::Ready = reply {
            SOLVER.with_borrow_mut(|solver| {
                if let Some(solver) = solver.as_mut() {
                    solver.ready = true;
                    if let Some(request) = solver.pending.take() {
                        let _ = solver.worker.post_message(&JsValue::from_str(&request));
                    }
                }
            });
            return;
        }
        if let WorkerReply::Incumbent { plan, ms } = reply {
            self.best_gap.set(Some(plan.gap));
            SOLVER.with_borrow_mut(|solver| {
                if let Some(solver) = solver.as_mut() {
                    solver.best = Some((plan, ms));
                }
            });
            return;
        }
        let scenario = SOLVER.with_borrow_mut(|solver| solver.as_mut().and_then(Solver::end));
        let Some(scenario) = scenario else { return };
        if let Some((result, ms)) = reply.into_result(&scenario) {
            self.finish(store, scenario, result, ms);
        }
    }

    /// Stops the solve on its way: ends the worker (a new one starts at the next solve) and
    /// keeps the best plan found so far, if any.
    pub fn stop(self, store: Store) {
        let ended = SOLVER.with_borrow_mut(|solver| {
            let mut solver = solver.take()?;
            let best = solver.best.take();
            let scenario = solver.end();
            solver.close();
            scenario.map(|scenario| (scenario, best))
        });
        let Some((scenario, best)) = ended else { return };
        match best {
            Some((plan, ms)) => {
                self.stopped.set(Some(Stopped::WithPlan { gap: plan.gap }));
                self.finish(store, scenario, Ok(plan), ms);
            }
            None => {
                self.stopped.set(Some(Stopped::BeforeAnyPlan));
                self.solving.set(false);
            }
        }
    }

    /// Settles a solve's result: the new plan (kept in this browser) and what to show.
    fn finish(self, store: Store, scenario: Scenario, result: Result<Plan, SolveError>, ms: f64) {
        let (solved, outcome) = self.solved.with_untracked(|previous| settle(scenario, result, previous.as_ref(), ms));
        if let Some(solved) = solved {
            store.remember(KEY_PLAN, &solved::encode(&solved));
            if let SolveOutcome::Planned { changes: Some(changes), .. } = &outcome {
                self.changes.set(Some(changes.clone()));
            }
            self.solved.set(Some(solved));
        }
        self.outcome.set(Some(outcome));
        self.solves.update(|n| *n += 1);
        self.best_gap.set(None);
        self.solving.set(false);
    }

    /// Forgets the plan, here and in storage ("Clear local data").
    pub fn forget(self) {
        browser::remove(KEY_PLAN);
        self.hide();
    }

    /// Forgets the plan shown, leaving storage as it is (the connected app, whose data is not
    /// the plan the device keeps).
    pub fn hide(self) {
        self.stopped.set(None);
        self.solved.set(None);
        self.outcome.set(None);
        self.changes.set(None);
        self.session.set(None);
    }

    /// Opens a session's roster in the calendar.
    pub fn open_roster(self, session: SessionId) {
        self.session.set(Some(session));
        self.view.set(View::Calendar);
    }
}

impl Solver {
    /// The solve on its way is over: the ticker stops; gives its scenario.
    fn end(&mut self) -> Option<Scenario> {
        if let Some(ticker) = self.ticker.take() {
            ticker.clear();
        }
        self.best = None;
        self.scenario.take()
    }

    /// Ends the worker for good. Its listeners are taken off first: a reply the worker posted
    /// before it ended may still be queued on the page, and must find no listener rather than a
    /// dropped one. They are dropped after the listener that may be running has returned.
    fn close(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        set_timeout(move || drop(self), Duration::ZERO);
    }
}
