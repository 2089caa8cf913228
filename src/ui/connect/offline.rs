//! The offline queue in the page: an edit that could not reach the server (no answer, or 502,
//! 503, 504) waits in `vm::connect::queue`, stored at once under `qudra.queue` for its account,
//! and every later edit waits behind it. While edits wait, `/api/health` is asked every few
//! seconds and the browser's `online` event is listened to; when the server answers, the queue
//! is sent one edit after another, each with its rev, and each leaves the queue only once its
//! answer arrived (a 409 or 422 then shows on its row, as for any edit). After a reload the
//! signed-in account's queue is put back over the server's rows and sent. `OfflineBanner`
//! says how many edits wait, and whose edits of another account this browser keeps.

use std::time::Duration;

use leptos::prelude::*;

use super::{http, Conn, Phase};
use crate::model::Scenario;
use crate::ui::i18n::offline::{others_waiting, waiting, waiting_why};
use crate::ui::shell::browser;
use crate::ui::shell::store::{use_store, Store};
use crate::ui::vm::connect::queue::{self, Owner, Queue, Queues, Stored};
use crate::ui::vm::connect::request::{self, Answer};
use crate::ui::vm::connect::sync::{self, PendingEdit, Sync};
use crate::ui::vm::connect::{self as vm};
use crate::ui::vm::shell::storage::KEY_QUEUE;

/// How often `/api/health` is asked while edits wait.
const POLL: Duration = Duration::from_secs(3);

/// The signed-in account's queue and what the banner shows.
#[derive(Clone, Copy)]
pub struct Offline {
    /// None until an account is loaded.
    queue: StoredValue<Option<Queue>>,
    /// How many of this account's edits wait.
    pub count: RwSignal<usize>,
    /// Other accounts' edits kept on this browser: `(login, edits)`.
    pub others: RwSignal<Vec<(String, usize)>>,
    /// The queue is being sent.
    draining: StoredValue<bool>,
    /// `/api/health` is being asked every [`POLL`].
    polling: StoredValue<bool>,
}

impl Offline {
    pub fn new() -> Offline {
        Offline {
            queue: StoredValue::new(None),
            count: RwSignal::new(0),
            others: RwSignal::new(Vec::new()),
            draining: StoredValue::new(false),
            polling: StoredValue::new(false),
        }
    }

    /// Edits wait: new ones go behind them.
    pub fn waiting(&self) -> bool {
        self.queue.with_value(|queue| queue.as_ref().is_some_and(|queue| !queue.is_empty()))
    }

    /// Signed out: the queue stays stored for its account, and is no longer this page's.
    pub fn forget(&self) {
        self.queue.set_value(None);
        self.count.set(0);
        self.others.set(Vec::new());
    }

    /// `login`'s stored queue put back over the server's `scenario`, each of its rows marked
    /// waiting in `synced`; other accounts' queues are only counted.
    pub fn resume(&self, login: &str, scenario: Scenario, synced: &mut Sync) -> Scenario {
        let owner = Owner { login: login.to_string(), origin: http::origin() };
        let stored = match Queues::decode(browser::read(KEY_QUEUE).as_deref()) {
            Stored::Queues(queues) => queues,
            Stored::Newer(_) | Stored::Unreadable(_) => Queues::default(),
        };
        let mine = stored.of(&owner);
        let mut scenario = scenario;
        for edit in &mine.edits {
            // A row that no longer fits the server's scenario is still sent: the server says why.
            if let Ok(next) = sync::with_row(&scenario, &edit.kind, &edit.id, edit.body()) {
                scenario = next;
            }
            synced.wait(edit);
        }
        self.count.set(mine.len());
        self.others.set(stored.others(&owner));
        self.queue.set_value(Some(mine));
        scenario
    }

    /// Writes this account's queue into storage beside the other accounts' (a queue stored by
    /// a newer Qudra, or unreadable, is not overwritten), and updates the banner.
    fn store(&self) {
        let Some(queue) = self.queue.get_value() else { return };
        self.count.set(queue.len());
        let Stored::Queues(mut all) = Queues::decode(browser::read(KEY_QUEUE).as_deref()) else { return };
        all.put(&queue);
        if all.0.is_empty() {
            browser::remove(KEY_QUEUE);
        } else {
            browser::write(KEY_QUEUE, &all.encode());
        }
    }
}

impl Default for Offline {
    fn default() -> Offline {
        Offline::new()
    }
}

impl Conn {
    /// `edits` could not be sent (or wait behind edits that could not): into the queue, in
    /// order, stored at once; the server is then watched until it answers.
    pub(super) fn enqueue(self, store: Store, edits: Vec<PendingEdit>) {
        self.sync.update_value(|s| edits.iter().for_each(|edit| s.wait(edit)));
        self.offline.queue.update_value(|queue| {
            if let Some(queue) = queue {
                edits.into_iter().for_each(|edit| queue.push(edit));
            }
        });
        self.offline.store();
        self.show_rows();
        self.watch(store);
    }

    /// Queued rows changed again since they were queued carry their new bodies.
    pub(super) fn follow_queue(self, store: Store) {
        if !self.offline.waiting() {
            return;
        }
        let rows = store.scenario.with_untracked(sync::rows);
        let changed = self
            .offline
            .queue
            .try_update_value(|queue| {
                queue.as_mut().is_some_and(|queue| queue.follow(|key| rows.get(key).map(|(_, _, body)| body.clone())))
            })
            .unwrap_or(false);
        if changed {
            self.offline.store();
        }
    }

    /// Sends the queue in order, each edit once its previous one was answered. Stops, keeping
    /// the rest, when the server cannot be reached again (and watches it), or when the session
    /// ended (the sign-in page; the same account's next sign-in sends it).
    pub(super) async fn drain(self, store: Store) {
        if self.offline.draining.get_value() {
            return;
        }
        self.offline.draining.set_value(true);
        loop {
            if self.phase.get_untracked() != Phase::Ready {
                break;
            }
            let next = self.offline.queue.with_value(|queue| queue.as_ref().and_then(|q| q.first().cloned()));
            let Some(edit) = next else { break };
            let answer = http::send(&request::edit(&edit, &self.csrf())).await;
            let answer = match answer {
                Some(answer) if !queue::unreachable(Some(&answer)) => answer,
                _ => {
                    self.offline.draining.set_value(false);
                    self.watch(store);
                    return;
                }
            };
            if answer.status == 401 {
                self.offline.draining.set_value(false);
                self.account.set(None);
                self.offline.forget();
                self.phase.set(Phase::SignIn);
                return;
            }
            self.settle_queued(&edit, &answer);
        }
        self.offline.draining.set_value(false);
        self.push(store);
    }

    /// A queued edit's answer: taken by the row (saved, or its 409 or 422), and out of the queue.
    fn settle_queued(&self, edit: &PendingEdit, answer: &Answer) {
        self.sync.update_value(|s| s.settle(edit, answer));
        self.offline.queue.update_value(|queue| {
            if let Some(queue) = queue {
                queue.answered(&edit.key());
            }
        });
        self.offline.store();
        self.show_rows();
    }

    /// Asks `/api/health` every [`POLL`] while edits wait, and sends the queue once the server
    /// answers (the `online` event sends it at once: [`OfflineBanner`]).
    fn watch(self, store: Store) {
        if self.offline.polling.get_value() {
            return;
        }
        self.offline.polling.set_value(true);
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    self.offline.polling.set_value(false);
                    if !self.offline.waiting() || self.phase.get_untracked() != Phase::Ready {
                        return;
                    }
                    let healthy = http::send(&request::health())
                        .await
                        .is_some_and(|answer| vm::is_server_health(answer.status, &answer.body));
                    if healthy {
                        self.drain(store).await;
                    } else {
                        self.watch(store);
                    }
                });
            },
            POLL,
        );
    }
}

/// "N edits wait to be sent" while this account's edits wait, and another account's edits
/// kept on this browser; sends the queue when the browser says it is online again.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let store = use_store();
    let conn = super::use_conn();
    let online = window_event_listener_untyped("online", move |_| {
        if let Some(conn) = conn {
            if conn.offline.waiting() && conn.phase.get_untracked() == Phase::Ready {
                leptos::task::spawn_local(conn.drain(store));
            }
        }
    });
    on_cleanup(move || online.remove());
    move || {
        let conn = conn?;
        let lang = store.lang.get();
        let count = conn.offline.count.get();
        let others = conn.offline.others.get();
        if count == 0 && others.is_empty() {
            return None;
        }
        let mine = (count > 0).then(|| {
            view! {
                <p id="offline-queue" class="offline-queue" role="status">
                    <strong id="offline-count">{waiting(lang, count)}</strong>
                    " "
                    <span>{waiting_why(lang)}</span>
                </p>
            }
        });
        let others = others
            .into_iter()
            .map(|(login, n)| view! { <p class="offline-others" role="note">{others_waiting(lang, &login, n)}</p> })
            .collect::<Vec<_>>();
        Some(view! { <div class="offline-banner">{mine}{others}</div> })
    }
}
