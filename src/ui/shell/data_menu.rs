//! The header's data menu, away from Import and Export: "Reset to demo data" and "Clear local
//! data", each asking for confirmation first.

use leptos::prelude::*;

use super::browser;
use super::store::use_store;
use crate::ui::i18n::Msg;
use crate::ui::plan::store::PlanStore;

#[component]
pub fn DataMenu() -> impl IntoView {
    let store = use_store();
    let plan = use_context::<PlanStore>();
    let lang = store.lang;
    let reset = move |_| {
        if browser::confirm(lang.get_untracked().t(Msg::ConfirmReset)) {
            store.reset_to_demo();
        }
    };
    let clear = move |_| {
        if browser::confirm(lang.get_untracked().t(Msg::ConfirmClear)) {
            store.clear_local_data();
            if let Some(plan) = plan {
                plan.forget();
            }
        }
    };
    view! {
        <details class="data-menu" id="data-menu">
            <summary id="data-menu-button">{move || lang.get().catalogue().data_menu()}</summary>
            <div class="menu">
                <button type="button" id="reset-demo" on:click=reset>{move || lang.get().t(Msg::ResetDemo)}</button>
                <button type="button" id="clear-local" class="danger" on:click=clear>{move || lang.get().t(Msg::ClearLocal)}</button>
            </div>
        </details>
    }
}
