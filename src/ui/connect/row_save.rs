//! A row's saving state in the connected app (saved, saving, not saved with the server's
//! reason); nothing in the standalone app.

use leptos::prelude::*;

use super::use_conn;
use crate::ui::i18n::connect::{c, refusal, C};
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::sync::{key, RowState};

/// `id` is read when shown, so a row that moves shows its own entity's state.
#[component]
pub fn RowSave(kind: &'static str, id: Signal<String>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let conn = use_conn();
    let state = move || conn.and_then(|conn| conn.rows.with(|rows| rows.get(&key(kind, &id.get())).cloned()));
    move || {
        let state = state()?;
        let l = lang.get();
        let (class, word, reason) = match &state {
            RowState::Saved => ("row-save ok", c(l, C::RowSaved), None),
            RowState::Saving => ("row-save pending", c(l, C::RowSaving), None),
            RowState::NotSaved(why) => ("row-save bad", c(l, C::RowNotSaved), Some(refusal(l, why))),
        };
        Some(view! {
            <span class=class role="status" data-row=key(kind, &id.get())>{word}</span>
            {reason.map(|reason| view! { <span class="row-refusal error" role="alert">{reason}</span> })}
        })
    }
}
