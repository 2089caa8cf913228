//! The app: loads the store, keeps `<html lang dir>` in step with the language, saves when the
//! page is hidden, and shows the chosen workspace.

use leptos::prelude::*;

use super::browser;
use super::header::Header;
use super::notices::Notices;
use super::planner::PlannerWorkspace;
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
    provide_context(PlanStore::load(store));
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
        <Header />
        <Notices />
        <main>
            {move || match store.role.get() {
                Role::Focal => view! { <FocalWorkspace /> }.into_any(),
                Role::Centre => view! { <CentreWorkspace /> }.into_any(),
                Role::Planner => view! { <PlannerWorkspace /> }.into_any(),
            }}
        </main>
        <footer class="foot">{move || store.lang.get().t(Msg::PrivacyNote)}</footer>
    }
}
