//! The shared screens' one door to the connected app (`ui::connect`). Only the
//! `qudra-connected` build holds it (feature `connect`), so the standalone app's wasm — what a
//! first visit without a server downloads — carries none of its code; `public/boot.js` asks
//! `GET /api/health` and loads the build that fits. Built without the feature, each piece is
//! what the standalone app shows: never connected, nothing beside a row, every role's screens.
//!
//! - `connected()`: a server answered; the workspaces take their connected form.
//! - `maybe_connected()`: reactive; the app is, or may still turn out to be (while the health
//!   is asked), the connected one: the header then shows no role chooser and no local files.
//! - `may_pin()`: anyone on the standalone app pins and excludes; connected, the planner.
//! - `start`: at the app's start, the connected build takes boot.js's answer to `GET /api/health` (then an
//!   invitation, a session, the role's data); its `Link` sends each changed row when a field is
//!   left or a row's button is used, and picks the screen by the connection's phase (sign-in,
//!   invitation, loading, the admin's or a role's workspace); the standalone build's `Link`
//!   shows the standalone screens and sends nothing.
//! - `account()`: the signed-in account, while connected (what a role may change).
//! - `offline_banner`: how many edits wait for the server (the offline queue).
//! - `row_save`, `account_badge`, `publish_panel`, `focal_round`, `round_overview`: a row's
//!   saving state, the header's account, the planner's publishing, a focal point's history and
//!   published plan, the centre's overview of the round — each shown only when connected.

pub use imp::*;

#[cfg(feature = "connect")]
mod imp {
    use leptos::prelude::*;

    use crate::ui::connect::admin::AdminWorkspace;
    use crate::ui::connect::sign_in::{InvitePage, SignInPage};
    use crate::ui::connect::{self, use_conn, Conn, Phase};
    use crate::ui::i18n::connect::{c, C};
    use crate::ui::plan::store::PlanStore;
    use crate::ui::shell::store::Store;
    use crate::ui::vm::connect::AccountRole;

    #[derive(Clone, Copy)]
    pub struct Link(Conn);

    pub fn start(store: Store, plan: PlanStore) -> Link {
        let conn = Conn::new();
        provide_context(conn);
        // The server's data replaces the device's: the device's last plan is not shown with it.
        Effect::new(move |_| {
            if conn.phase.get() == Phase::Loading {
                plan.hide();
            }
        });
        leptos::task::spawn_local(conn.start(store));
        Link(conn)
    }

    impl Link {
        /// A field was left: its row's change goes to the server.
        pub fn changed(self, store: Store) {
            self.0.push(store);
        }

        /// A click: a row's button may have changed the scenario, sent once the click is done.
        pub fn clicked(self, store: Store) {
            let conn = self.0;
            set_timeout(move || conn.push(store), std::time::Duration::ZERO);
        }

        /// The screen for the connection's phase; `standalone` without a server.
        pub fn screen(
            self,
            store: Store,
            workspace: impl FnOnce() -> AnyView,
            standalone: impl FnOnce() -> AnyView,
        ) -> AnyView {
            let conn = self.0;
            match conn.phase.get() {
                Phase::Probing => ().into_any(),
                Phase::SignIn => view! { <SignInPage /> }.into_any(),
                Phase::Invite(token) => view! { <InvitePage token=token /> }.into_any(),
                Phase::Loading => {
                    view! { <p class="loading" role="status">{move || c(store.lang.get(), C::Loading)}</p> }.into_any()
                }
                Phase::Failed => {
                    view! { <p class="error" role="alert">{move || c(store.lang.get(), C::LoadFailed)}</p> }.into_any()
                }
                Phase::Ready if conn.role() == Some(AccountRole::Admin) => view! { <AdminWorkspace /> }.into_any(),
                Phase::Ready => workspace(),
                Phase::Standalone => standalone(),
            }
        }
    }

    pub fn connected() -> bool {
        use_conn().is_some_and(|conn| conn.connected())
    }

    pub fn maybe_connected() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let conn = use_conn();
        move || conn.is_none_or(|conn| conn.phase.get() != Phase::Standalone)
    }

    pub fn may_pin() -> bool {
        use_conn().is_none_or(|conn| !conn.connected() || conn.role() == Some(AccountRole::Planner))
    }

    pub fn account() -> Option<crate::ui::vm::connect::Account> {
        use_conn().and_then(|conn| conn.account.get_untracked().filter(|_| conn.connected()))
    }

    pub fn row_save(kind: &'static str, id: Signal<String>) -> impl IntoView {
        view! { <connect::row_save::RowSave kind=kind id=id /> }
    }

    pub fn offline_banner() -> impl IntoView {
        view! { <connect::offline::OfflineBanner /> }
    }

    pub fn account_badge() -> impl IntoView {
        view! { <connect::account::AccountBadge /> }
    }

    pub fn publish_panel() -> impl IntoView {
        connected().then(|| view! { <connect::publish::PublishPanel /> })
    }

    pub fn focal_round() -> impl IntoView {
        connected().then(|| view! { <connect::history::NeedHistory /> <connect::published::PublishedPlan /> })
    }

    pub fn round_overview() -> impl IntoView {
        connected().then(|| view! { <connect::overview::RoundOverview /> })
    }
}

#[cfg(not(feature = "connect"))]
mod imp {
    use leptos::prelude::*;

    use crate::ui::plan::store::PlanStore;
    use crate::ui::shell::store::Store;

    #[derive(Clone, Copy)]
    pub struct Link;

    pub fn start(_store: Store, _plan: PlanStore) -> Link {
        Link
    }

    impl Link {
        pub fn changed(self, _store: Store) {}

        pub fn clicked(self, _store: Store) {}

        pub fn screen(
            self,
            _store: Store,
            _workspace: impl FnOnce() -> AnyView,
            standalone: impl FnOnce() -> AnyView,
        ) -> AnyView {
            standalone()
        }
    }

    pub fn connected() -> bool {
        false
    }

    pub fn maybe_connected() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        || false
    }

    pub fn may_pin() -> bool {
        true
    }

    pub fn account() -> Option<crate::ui::vm::connect::Account> {
        None
    }

    pub fn row_save(_kind: &'static str, _id: Signal<String>) -> impl IntoView {}

    pub fn offline_banner() -> impl IntoView {}

    pub fn account_badge() -> impl IntoView {}

    pub fn publish_panel() -> impl IntoView {}

    pub fn focal_round() -> impl IntoView {}

    pub fn round_overview() -> impl IntoView {}
}
