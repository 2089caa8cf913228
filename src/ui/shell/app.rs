//! The app: a skip link to the main content first, then loads the store, keeps `<html lang dir>`
//! in step with the language, saves when the page is hidden, and shows the first visit's question
//! or the chosen workspace (under the demo banner while the data is the demo's).

use leptos::prelude::*;

use super::browser;
use super::first_visit::{DemoBanner, FirstVisit};
use super::header::Header;
use super::notices::Notices;
use super::planner::PlannerWorkspace;
use super::server;
use super::store::Store;
use crate::ui::edit::centre::CentreWorkspace;
use crate::ui::edit::focal::FocalWorkspace;
use crate::ui::i18n::Msg;
use crate::ui::plan::capacity_store::CapacityStore;
use crate::ui::plan::store::PlanStore;
use crate::ui::vm::shell::Role;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    let plan = PlanStore::load(store);
    provide_context(plan);
    let link = server::start(store, plan);
    provide_context(CapacityStore::new());
    Effect::new(move |_| {
        let lang = store.lang.get();
        browser::set_language(lang.code(), lang.dir());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{} · {}", lang.t(Msg::AppName), lang.t(Msg::AppTagline)));
        }
    });
    // Save at once when the page is hidden or left, whatever the debounce is waiting for.
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if browser::page_hidden() {
            store.flush();
        }
    });
    on_cleanup(move || {
        pagehide.remove();
        visibility.remove();
    });
    view! {
        // The first focusable element: straight past the header to the workspace.
        <a class="skip-link" id="skip-link" href="#main">{move || store.lang.get().t(Msg::SkipToMain)}</a>
        <Header />
        <Notices />
        {server::offline_banner()}
        // In the connected app a row's change is sent when its field is left (`change`) or a
        // row's button is used (after the click has changed the scenario).
        <main
            id="main"
            tabindex="-1"
            on:change=move |_| link.changed(store)
            on:click=move |_| link.clicked(store)
        >
            {move || {
                let workspace = || match store.role.get() {
                    Role::Focal => view! { <FocalWorkspace /> }.into_any(),
                    Role::Centre => view! { <CentreWorkspace /> }.into_any(),
                    Role::Planner => view! { <PlannerWorkspace /> }.into_any(),
                };
                link.screen(store, workspace, || match (store.first_visit.get(), store.role.get()) {
                    (true, _) => view! { <FirstVisit /> }.into_any(),
                    (false, Role::Focal) => view! { <DemoBanner /><FocalWorkspace /> }.into_any(),
                    (false, Role::Centre) => view! { <DemoBanner /><CentreWorkspace /> }.into_any(),
                    (false, Role::Planner) => view! { <DemoBanner /><PlannerWorkspace /> }.into_any(),
                })
            }}
        </main>
        <footer class="foot">{move || store.lang.get().t(Msg::PrivacyNote)}</footer>
    }
}
