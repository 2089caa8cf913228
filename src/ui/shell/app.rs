//! The app: a skip link to the main content first, then loads the store, keeps `<html lang dir>`
//! in step with the language, saves when the page is hidden, and shows the first visit's question
//! or the chosen workspace (under the demo banner while the data is the demo's). Each workspace
//! is a split point: built with the `split` feature (`tools/split-web`), its code is a wasm chunk
//! of its own, fetched the first time it is shown, with a translated wait (`role="status"`) and,
//! should the fetch fail, a message and a retry (`role="alert"`).

use std::future::Future;

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
use crate::ui::i18n::{Msg, UiLang};
use crate::ui::plan::capacity_store::CapacityStore;
use crate::ui::plan::store::PlanStore;
use crate::ui::vm::shell::Role;

/// Why a workspace's code could not be fetched: the split loader's error in the split build;
/// nothing in any other, where the code is always there.
#[cfg(feature = "split")]
type Unfetched = leptos::wasm_split::SplitLoaderError;
#[cfg(not(feature = "split"))]
type Unfetched = std::convert::Infallible;

/// `$name()`, the async function that makes a workspace's view. With `split`, a split point
/// whose code goes to the wasm chunk `$chunk` (with what only it reaches), fetched at its
/// first call; a failed fetch is an `Err`, tried again at the next call. Without it, the
/// same code in the one wasm.
macro_rules! split_point {
    ($name:ident, $chunk:ident, $view:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<AnyView, Unfetched> {
            Ok($view)
        }
        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<AnyView, Unfetched> {
            Ok($view)
        }
    };
}

split_point!(focal_workspace, focal, view! { <FocalWorkspace /> }.into_any());
split_point!(centre_workspace, centre, view! { <CentreWorkspace /> }.into_any());
split_point!(planner_workspace, planner, view! { <PlannerWorkspace /> }.into_any());

/// A workspace once its code is there: until then a translated wait that screen readers
/// announce; if its chunk could not be fetched, a message and a button that tries again.
fn fetched<F>(lang: RwSignal<UiLang>, screen: fn() -> F) -> AnyView
where
    F: Future<Output = Result<AnyView, Unfetched>> + Send + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let t = move |m: Msg| move || lang.get().t(m);
    let failed = move |_| {
        view! {
            <div class="load-failed notice warning" id="workspace-failed" role="alert">
                <p>{t(Msg::ScreenLoadFailed)}</p>
                <button type="button" id="workspace-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                    {t(Msg::ScreenRetry)}
                </button>
            </div>
        }
        .into_any()
    };
    view! {
        <Suspense fallback=move || view! { <p class="loading" id="workspace-loading" role="status">{t(Msg::ScreenLoading)}</p> }>
            {move || {
                attempt.track();
                Suspend::new(async move { screen().await.unwrap_or_else(failed) })
            }}
        </Suspense>
    }
    .into_any()
}

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
                // Connected (never split), the workspace as it is; standalone, fetched.
                let workspace = move || match store.role.get() {
                    Role::Focal => view! { <FocalWorkspace /> }.into_any(),
                    Role::Centre => view! { <CentreWorkspace /> }.into_any(),
                    Role::Planner => view! { <PlannerWorkspace /> }.into_any(),
                };
                let fetched_workspace = move || {
                    let lang = store.lang;
                    match store.role.get() {
                        Role::Focal => fetched(lang, focal_workspace),
                        Role::Centre => fetched(lang, centre_workspace),
                        Role::Planner => fetched(lang, planner_workspace),
                    }
                };
                link.screen(store, workspace, move || match store.first_visit.get() {
                    true => view! { <FirstVisit /> }.into_any(),
                    false => view! { <DemoBanner />{fetched_workspace()} }.into_any(),
                })
            }}
        </main>
        <footer class="foot">{move || store.lang.get().t(Msg::PrivacyNote)}</footer>
    }
}
