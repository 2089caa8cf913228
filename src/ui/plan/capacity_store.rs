//! Where to add capacity, the value of a seat and what would fix each unmet need, shared by
//! context (`CapacityStore`): the number of sessions to propose, the search on its way
//! (elapsed time, Stop), the proposals with the scenario they were found for, the value of one
//! more seat per session for the last plan's scenario, and the fixes of the last plan's unmet
//! needs as they arrive ([`Fixes`], with how far the search got). All are computed by the
//! solver's program (`src/worker.rs`) in a Web Worker of their own, started at the first
//! request and kept until Stop ends it, so a long search never holds the page nor the
//! planner's Solve.

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::model::{NeedId, Scenario};
use crate::solve::{Fix, Status};
use crate::ui::shell::browser;
use crate::ui::vm::plan::capacity::{CapacityReply, CapacityRequest, Proposed, SeatWorth, Task, Why, DEFAULT_K};

/// The solver's loader, which Trunk writes beside the app (index.html, `data-loader-shim`).
const WORKER_URL: &str = "./qudra-solver_loader.js";

/// The proposals of the last search, with the scenario they were found for.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub scenario: Scenario,
    pub asked: usize,
    pub proposals: Vec<Proposed>,
    pub status: Status,
    pub objective: f64,
    pub bound: f64,
    pub ms: f64,
}

/// The value of one more seat in each session of `scenario` (the last plan's).
#[derive(Debug, Clone, PartialEq)]
pub struct Seats {
    pub scenario: Scenario,
    pub values: Vec<SeatWorth>,
}

/// What would fix each unmet need of `scenario` (the last plan's), as found so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixes {
    pub scenario: Scenario,
    /// Which request this is (a reply to an older one is not this one's).
    asked: u64,
    pub found: BTreeMap<NeedId, Fix>,
    /// Unmet needs searched, of `total`.
    pub done: usize,
    pub total: usize,
    /// Milliseconds the search took, once every need has its fixes.
    pub ms: Option<f64>,
    /// The worker was stopped (or failed) first.
    pub stopped: bool,
    pub refused: Option<Why>,
}

impl Fixes {
    /// Still on its way.
    pub fn searching(&self) -> bool {
        self.ms.is_none() && !self.stopped && self.refused.is_none()
    }
}

/// What a request sent to the worker asks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Asked {
    Search,
    Seats,
    /// What would fix each unmet need: the request's number.
    Fixes(u64),
}

/// The worker and the requests sent to it, in order (it answers one at a time): not reactive,
/// so kept beside the signals, on the page's one thread.
struct Helper {
    worker: Worker,
    ready: bool,
    /// Requests waiting for the worker to be ready.
    pending: Vec<String>,
    /// What each request sent and not yet answered asks, in order.
    asked: VecDeque<Asked>,
    ticker: Option<IntervalHandle>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
    /// The number of the last request for fixes.
    static FIXES_ASKED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[derive(Clone, Copy)]
pub struct CapacityStore {
    /// How many sessions to propose.
    pub k: RwSignal<usize>,
    pub searching: RwSignal<bool>,
    /// Milliseconds since the search on its way started.
    pub elapsed: RwSignal<f64>,
    pub found: RwSignal<Option<Found>>,
    /// Why the last search or valuation gave nothing.
    pub refused: RwSignal<Option<Why>>,
    /// The last search was stopped.
    pub stopped: RwSignal<bool>,
    pub seats: RwSignal<Option<Seats>>,
    /// What would fix each unmet need of the last plan.
    pub fixes: RwSignal<Option<Fixes>>,
    /// The scenario whose seats are being valued.
    valuing: RwSignal<Option<Scenario>>,
    /// The scenario being searched.
    searched: RwSignal<Option<(Scenario, usize)>>,
}

pub fn use_capacity() -> CapacityStore {
    expect_context::<CapacityStore>()
}

impl CapacityStore {
    pub fn new() -> CapacityStore {
        CapacityStore {
            k: RwSignal::new(DEFAULT_K),
            searching: RwSignal::new(false),
            elapsed: RwSignal::new(0.0),
            found: RwSignal::new(None),
            refused: RwSignal::new(None),
            stopped: RwSignal::new(false),
            seats: RwSignal::new(None),
            fixes: RwSignal::new(None),
            valuing: RwSignal::new(None),
            searched: RwSignal::new(None),
        }
    }

    /// True while the seats of `scenario` are being valued.
    pub fn valuing(self) -> Memo<bool> {
        Memo::new(move |_| self.valuing.with(Option::is_some))
    }

    /// Asks for up to K new sessions for `scenario`.
    pub fn search(self, scenario: Scenario) {
        if self.searching.get_untracked() {
            return;
        }
        let k = self.k.get_untracked();
        let request = CapacityRequest { capacity: Task::Recommend { k }, scenario: scenario.clone() }.encode();
        self.searched.set(Some((scenario, k)));
        self.searching.set(true);
        self.stopped.set(false);
        self.refused.set(None);
        self.elapsed.set(0.0);
        let started = browser::now_ms();
        let ticker =
            set_interval_with_handle(move || self.elapsed.set(browser::now_ms() - started), Duration::from_millis(100))
                .ok();
        if !self.send(request, Asked::Search, ticker) {
            self.searching.set(false);
            self.searched.set(None);
            self.refused.set(Some(Why::Failed { message: "the solver's worker could not be started".into() }));
        }
    }

    /// Asks for the value of one more seat in each session of `scenario`, unless they are
    /// known or on their way.
    pub fn value_seats(self, scenario: &Scenario) {
        let known = self.seats.with_untracked(|s| s.as_ref().is_some_and(|s| &s.scenario == scenario));
        let asked = self.valuing.with_untracked(|v| v.as_ref() == Some(scenario));
        if known || asked {
            return;
        }
        let request = CapacityRequest { capacity: Task::SeatValues, scenario: scenario.clone() }.encode();
        self.valuing.set(Some(scenario.clone()));
        if !self.send(request, Asked::Seats, None) {
            self.valuing.set(None);
        }
    }

    /// Asks what would fix each unmet need of `scenario` (the last plan's), unless it is known
    /// or on its way; `again` asks after a stopped or refused search too.
    pub fn find_fixes(self, scenario: &Scenario, again: bool) {
        let asked_before = self.fixes.with_untracked(|f| {
            f.as_ref().is_some_and(|f| &f.scenario == scenario && (!again || f.searching() || f.ms.is_some()))
        });
        if asked_before {
            return;
        }
        let asked = FIXES_ASKED.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let request = CapacityRequest { capacity: Task::Fixes, scenario: scenario.clone() }.encode();
        self.fixes.set(Some(Fixes {
            scenario: scenario.clone(),
            asked,
            found: BTreeMap::new(),
            done: 0,
            total: 0,
            ms: None,
            stopped: false,
            refused: None,
        }));
        if !self.send(request, Asked::Fixes(asked), None) {
            let why = Why::Failed { message: "the solver's worker could not be started".into() };
            self.fixes.update(|f| {
                if let Some(f) = f {
                    f.refused = Some(why);
                }
            });
        }
    }

    /// Changes the fixes of request `asked`, if they are still the ones shown.
    fn update_fixes(self, asked: Option<Asked>, change: impl FnOnce(&mut Fixes)) {
        self.fixes.update(|f| {
            if let Some(f) = f.as_mut().filter(|f| asked.is_none_or(|a| a == Asked::Fixes(f.asked))) {
                change(f);
            }
        });
    }

    /// Posts a request to the worker (started now if it is not yet); false if it cannot start.
    fn send(self, request: String, asked: Asked, ticker: Option<IntervalHandle>) -> bool {
        HELPER.with_borrow_mut(|helper| {
            if helper.is_none() {
                *helper = self.start();
            }
            let Some(helper) = helper.as_mut() else { return false };
            if ticker.is_some() {
                helper.ticker = ticker;
            }
            helper.asked.push_back(asked);
            if helper.ready {
                let _ = helper.worker.post_message(&JsValue::from_str(&request));
            } else {
                helper.pending.push(request);
            }
            true
        })
    }

    fn start(self) -> Option<Helper> {
        let worker = Worker::new(WORKER_URL).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(reply) = event.data().as_string().as_deref().and_then(CapacityReply::decode) {
                self.receive(reply);
            }
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            let message = format!("the solver's worker stopped: {}", event.message());
            self.end_worker();
            self.searching.set(false);
            self.searched.set(None);
            self.valuing.set(None);
            self.update_fixes(None, |f| {
                if f.searching() {
                    f.refused = Some(Why::Failed { message: message.clone() });
                }
            });
            self.refused.set(Some(Why::Failed { message }));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Helper {
            worker,
            ready: false,
            pending: Vec::new(),
            asked: VecDeque::new(),
            ticker: None,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn receive(self, reply: CapacityReply) {
        match reply {
            CapacityReply::Ready => HELPER.with_borrow_mut(|helper| {
                if let Some(helper) = helper.as_mut() {
                    helper.ready = true;
                    for request in helper.pending.drain(..) {
                        let _ = helper.worker.post_message(&JsValue::from_str(&request));
                    }
                }
            }),
            CapacityReply::Recommended { proposals, status, objective, bound, ms, .. } => {
                self.answered();
                let Some((scenario, asked)) = self.searched.get_untracked() else { return };
                self.stop_ticker();
                self.searched.set(None);
                self.searching.set(false);
                self.found.set(Some(Found { scenario, asked, proposals, status, objective, bound, ms }));
            }
            CapacityReply::SeatValues { values, .. } => {
                self.answered();
                let Some(scenario) = self.valuing.get_untracked() else { return };
                self.valuing.set(None);
                self.seats.set(Some(Seats { scenario, values }));
            }
            CapacityReply::Fixing { done, total, found } => {
                let asked = HELPER.with_borrow(|helper| helper.as_ref().and_then(|h| h.asked.front().copied()));
                self.update_fixes(Some(asked.unwrap_or(Asked::Seats)), |f| {
                    f.done = done;
                    f.total = total;
                    f.found.extend(found.into_iter().map(|fix| (fix.need.clone(), fix)));
                });
            }
            CapacityReply::Fixed { ms, .. } => {
                let asked = self.answered();
                self.update_fixes(Some(asked.unwrap_or(Asked::Seats)), |f| f.ms = Some(ms));
            }
            CapacityReply::Refused { why, .. } => match self.answered() {
                Some(Asked::Search) => {
                    self.stop_ticker();
                    self.searched.set(None);
                    self.searching.set(false);
                    self.refused.set(Some(why));
                }
                Some(asked @ Asked::Fixes(_)) => self.update_fixes(Some(asked), |f| f.refused = Some(why)),
                Some(Asked::Seats) | None => {
                    self.valuing.set(None);
                    self.refused.set(Some(why));
                }
            },
        }
    }

    /// The worker has answered its oldest request: what that asked.
    fn answered(self) -> Option<Asked> {
        HELPER.with_borrow_mut(|helper| helper.as_mut().and_then(|h| h.asked.pop_front()))
    }

    fn stop_ticker(self) {
        HELPER.with_borrow_mut(|helper| {
            if let Some(ticker) = helper.as_mut().and_then(|h| h.ticker.take()) {
                ticker.clear();
            }
        });
    }

    /// Ends the worker (a new one starts at the next request).
    fn end_worker(self) {
        if let Some(mut helper) = HELPER.with_borrow_mut(Option::take) {
            if let Some(ticker) = helper.ticker.take() {
                ticker.clear();
            }
            // A reply posted before the end may still be queued: it must find no listener.
            helper.worker.set_onmessage(None);
            helper.worker.set_onerror(None);
            helper.worker.terminate();
            // Its listeners may be running this very call: dropped once they have returned.
            set_timeout(move || drop(helper), Duration::ZERO);
        }
    }

    /// Stops the search on its way (and any valuation waiting behind it).
    pub fn stop(self) {
        if !self.searching.get_untracked() {
            return;
        }
        self.end_worker();
        self.searched.set(None);
        self.searching.set(false);
        self.valuing.set(None);
        self.update_fixes(None, |f| f.stopped = f.searching());
        self.stopped.set(true);
    }
}

impl Default for CapacityStore {
    fn default() -> Self {
        CapacityStore::new()
    }
}
