//! The plan's state, shared by context beside the scenario's [`Store`]: the last plan with the
//! scenario it came from, what the last Solve gave, the explanations and report derived from
//! the plan, and which plan screen, session and state are on view. Solving runs the core's
//! `solve` on this thread after one frame, so the "working" state paints first; the demo takes
//! a few tens of milliseconds in WebAssembly, and the time limit bounds a hard scenario.

use std::time::Duration;

use leptos::prelude::*;

use crate::model::{SessionId, StateCode};
use crate::solve::{explain_all, report, Change, Explanation, Options, Report};
use crate::ui::shell::browser;
use crate::ui::shell::store::Store;
use crate::ui::vm::plan::solved::{self, settle, LastPlan, SolveOutcome, DEFAULT_TIME_LIMIT, KEY_PLAN};

/// The plan screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Calendar,
    ByState,
    Coverage,
    Unmet,
    Changes,
    Export,
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
            view: RwSignal::new(View::Calendar),
            session: RwSignal::new(None),
            state: RwSignal::new(None),
        }
    }

    /// Solves the current scenario; the page shows "working" before the solver starts.
    pub fn solve(self, store: Store) {
        if self.solving.get_untracked() {
            return;
        }
        self.solving.set(true);
        request_animation_frame(move || set_timeout(move || self.run(store), Duration::ZERO));
    }

    fn run(self, store: Store) {
        let scenario = store.scenario.get_untracked();
        let options = Options { time_limit: Some(self.time_limit.get_untracked()), ..Options::default() };
        let started = browser::now_ms();
        let result = crate::solve::solve(&scenario, &options);
        let ms = browser::now_ms() - started;
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
        self.solving.set(false);
    }

    /// Forgets the plan, here and in storage ("Clear local data").
    pub fn forget(self) {
        browser::remove(KEY_PLAN);
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
