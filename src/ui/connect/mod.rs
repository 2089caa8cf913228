//! The connected app: the same build, served by `qudra serve`, becomes the shared workspace's
//! front end. `Conn` (by context) finds out at start whether a server is there
//! (`GET /api/health`), signs in and out, loads the role's data into the app's stores (in
//! memory only: nothing of the server's goes to local storage but the edits that wait for it), and sends each row's change
//! when a field is left. Components: `sign_in` (sign-in and invitation pages), `account`
//! (the header's account and sign-out), `row_save` (each row's saving state), `admin`
//! (the administrator's accounts and audit log), `publish` (the planner's publishing),
//! `published` (a focal point's published plan and calendar feed), `history` (a need's
//! history), `overview` (the centre's overview of the round); `http` is the one caller of `fetch`.
//! `offline` keeps the edits that could not reach the server in the offline queue (the one
//! thing the connected app stores on the device) and sends them, in order, when it answers.

pub mod account;
pub mod admin;
pub mod history;
pub mod http;
pub mod offline;
pub mod overview;
pub mod publish;
pub mod published;
pub mod row_save;
pub mod sign_in;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::model::StateCode;
use crate::ui::shell::store::Store;
use crate::ui::vm::connect::problems;
use crate::ui::vm::connect::queue;
use crate::ui::vm::connect::request::{self, Answer};
use crate::ui::vm::connect::sync::{self, RowState, Sync};
use crate::ui::vm::connect::{self as vm, Account, AccountRole, SignInError, UserRow};
use crate::ui::vm::shell::Role;

/// Where the app stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Asking `GET /api/health`.
    Probing,
    /// No server: today's app, on the device's own data.
    Standalone,
    SignIn,
    /// An invitation link was opened (its token).
    Invite(String),
    Loading,
    Ready,
    Failed,
}

#[derive(Clone, Copy)]
pub struct Conn {
    pub phase: RwSignal<Phase>,
    pub account: RwSignal<Option<Account>>,
    sync: StoredValue<Sync>,
    /// Each row's saving state, by `kind/id`, as the rows show it.
    pub rows: RwSignal<BTreeMap<String, RowState>>,
    pub users: RwSignal<Vec<UserRow>>,
    /// The offline queue and its banner.
    pub offline: offline::Offline,
    /// The app's store, given at start: refused rows' problems are placed at its fields.
    store: StoredValue<Option<Store>>,
}

pub fn use_conn() -> Option<Conn> {
    use_context::<Conn>()
}

impl Conn {
    pub fn new() -> Conn {
        Conn {
            phase: RwSignal::new(Phase::Probing),
            account: RwSignal::new(None),
            sync: StoredValue::new(Sync::default()),
            rows: RwSignal::new(BTreeMap::new()),
            users: RwSignal::new(Vec::new()),
            offline: offline::Offline::new(),
            store: StoredValue::new(None),
        }
    }

    /// True once a server answered: the header and workspaces take their connected form.
    pub fn connected(&self) -> bool {
        !matches!(self.phase.get(), Phase::Probing | Phase::Standalone)
    }

    pub fn role(&self) -> Option<AccountRole> {
        self.account.with(|a| a.as_ref().map(|a| a.role))
    }

    fn csrf(&self) -> String {
        self.account.with_untracked(|a| a.as_ref().map(|a| a.csrf.clone()).unwrap_or_default())
    }

    /// At start: a server, then an invitation link or a live session, else the sign-in page.
    pub async fn start(self, store: Store) {
        self.store.set_value(Some(store));
        // boot.js asked already when it loaded this app; ask only if it did not say.
        let healthy = http::server_found_at_boot()
            || http::send(&request::health())
                .await
                .is_some_and(|answer| vm::is_server_health(answer.status, &answer.body));
        if !healthy {
            self.phase.set(Phase::Standalone);
            return;
        }
        store.stop_local_saving();
        if let Some(token) = vm::invitation_token(&http::hash()) {
            self.phase.set(Phase::Invite(token));
            return;
        }
        match http::send(&request::session()).await {
            Some(Answer { status: 200, body, .. }) => match Account::from_answer(&body, None) {
                Some(account) => self.load(store, account).await,
                None => self.phase.set(Phase::SignIn),
            },
            _ => self.phase.set(Phase::SignIn),
        }
    }

    pub async fn sign_in(self, store: Store, login: String, password: String) -> Result<(), SignInError> {
        let answer = http::send(&request::login(&login, &password)).await.ok_or(SignInError::Unavailable)?;
        if answer.status != 200 {
            return Err(SignInError::from_status(answer.status, answer.retry_after.as_deref()));
        }
        let account = Account::from_answer(&answer.body, Some(&login)).ok_or(SignInError::Unavailable)?;
        self.load(store, account).await;
        Ok(())
    }

    /// Sets the password of an invitation, then signs in with it.
    pub async fn accept(self, store: Store, token: String, login: String, password: String) -> Result<(), u16> {
        let answer = http::send(&request::accept_invitation(&token, &password)).await.ok_or(0u16)?;
        if !(200..300).contains(&answer.status) {
            return Err(answer.status);
        }
        http::clear_hash();
        self.phase.set(Phase::SignIn);
        self.sign_in(store, login, password).await.map_err(|_| 401)
    }

    pub async fn sign_out(self) {
        let csrf = self.csrf();
        let _ = http::send(&request::logout(&csrf)).await;
        self.account.set(None);
        self.sync.set_value(Sync::default());
        self.rows.set(BTreeMap::new());
        self.show_problems();
        self.users.set(Vec::new());
        self.offline.forget();
        self.phase.set(Phase::SignIn);
    }

    /// The role's data from the server into the app's stores.
    async fn load(self, store: Store, account: Account) {
        self.phase.set(Phase::Loading);
        let role = account.role;
        let state = account.state.clone();
        let login = account.login.clone();
        self.account.set(Some(account));
        let Some(Answer { status: 200, body, .. }) = http::send(&request::scenario()).await else {
            self.phase.set(Phase::Failed);
            return;
        };
        let Ok((scenario, mut synced)) = sync::from_server(body, role) else {
            self.phase.set(Phase::Failed);
            return;
        };
        let scenario = self.offline.resume(&login, scenario, &mut synced);
        self.sync.set_value(synced);
        self.rows.set(BTreeMap::new());
        self.show_problems();
        store.use_server_data(scenario, state.map(StateCode::new));
        store.role.set(match role {
            AccountRole::Focal => Role::Focal,
            AccountRole::Centre => Role::Centre,
            AccountRole::Planner | AccountRole::Admin => Role::Planner,
        });
        if role == AccountRole::Admin {
            if let Some(Answer { status: 200, body, .. }) = http::send(&request::users()).await {
                self.users.set(vm::users_of(&body));
            }
        }
        self.phase.set(Phase::Ready);
        self.show_rows();
        if self.offline.waiting() {
            leptos::task::spawn_local(self.drain(store));
        }
    }

    /// Sends every row that differs from the server's copy (called when a field is left or a
    /// row button is used), and again after each answer for what changed meanwhile.
    pub fn push(self, store: Store) {
        if self.phase.get_untracked() != Phase::Ready {
            return;
        }
        self.follow_queue(store);
        let edits = store
            .scenario
            .with_untracked(|scenario| self.sync.try_update_value(|s| s.pending(scenario)))
            .unwrap_or_default();
        if edits.is_empty() {
            return;
        }
        if self.offline.waiting() {
            // Behind the edits already waiting, in order.
            self.enqueue(store, edits);
            return;
        }
        self.show_rows();
        let csrf = self.csrf();
        for edit in edits {
            let request = request::edit(&edit, &csrf);
            leptos::task::spawn_local(async move {
                let answer = http::send(&request).await;
                match answer {
                    Some(answer) if !queue::unreachable(Some(&answer)) => {
                        self.sync.update_value(|s| s.settle(&edit, &answer));
                    }
                    _ => return self.enqueue(store, vec![edit]),
                }
                self.show_rows();
                self.push(store);
            });
        }
    }

    /// "Keep mine" on a row in conflict: sent again over the server's new rev.
    pub fn keep_mine(self, store: Store, key: &str) {
        if self.sync.try_update_value(|s| s.keep_mine(key)).unwrap_or(false) {
            self.show_rows();
            self.push(store);
        }
    }

    /// "Take theirs" on a row in conflict: the server's row replaces the app's.
    pub fn take_theirs(self, store: Store, key: &str) {
        let Some((kind, id, body)) = self.sync.try_update_value(|s| s.take_theirs(key)).flatten() else {
            return;
        };
        let next = store.scenario.with_untracked(|scenario| sync::with_row(scenario, &kind, &id, Some(&body)));
        if let Ok(next) = next {
            store.replace(next);
        }
        self.show_rows();
        self.push(store);
    }

    /// The two sides of a row in conflict.
    pub fn conflict(&self, key: &str) -> Option<sync::Conflict> {
        self.sync.with_value(|s| s.conflict(key))
    }

    fn show_rows(&self) {
        let states = self.sync.with_value(|s| s.states().clone());
        self.rows.set(states);
        self.show_problems();
    }

    /// The refused rows' typed problems to the store, which places them at their fields.
    fn show_problems(&self) {
        if let Some(store) = self.store.get_value() {
            let problems = self.sync.with_value(Sync::problems);
            if store.server_problems.with_untracked(|old| *old != problems) {
                store.server_problems.set(problems);
            }
        }
    }

    /// The typed problems of a refused row.
    pub fn problems(&self, key: &str) -> Vec<problems::ServerProblem> {
        self.sync.with_value(|s| s.problems().remove(key).unwrap_or_default())
    }
}

impl Default for Conn {
    fn default() -> Conn {
        Conn::new()
    }
}
