//! The header's account: login, role and (a focal point's) state name in the interface
//! language, and sign-out.

use leptos::prelude::*;

use super::use_conn;
use crate::model::{name_in, StateCode};
use crate::ui::i18n::connect::{c, role, C};
use crate::ui::shell::store::use_store;

#[component]
pub fn AccountBadge() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let conn = use_conn();
    let account = move || conn.and_then(|conn| conn.account.get());
    let state_name = move || {
        let code = account()?.state?;
        let name = store.scenario.with(|s| {
            s.state(&StateCode::new(code.clone())).map(|st| name_in(&st.name, lang.get().code()).to_string())
        });
        Some(name.unwrap_or(code))
    };
    let sign_out = move |_| {
        if let Some(conn) = conn {
            leptos::task::spawn_local(conn.sign_out());
        }
    };
    view! {
        <Show when=move || account().is_some()>
            <div class="account" id="account">
                <bdi id="account-login">{move || account().map(|a| a.login).unwrap_or_default()}</bdi>
                <span id="account-role">{move || account().map(|a| role(lang.get(), a.role)).unwrap_or_default()}</span>
                <span id="account-state">{state_name}</span>
                <button type="button" id="sign-out" on:click=sign_out>{move || c(lang.get(), C::SignOut)}</button>
            </div>
        </Show>
    }
}
