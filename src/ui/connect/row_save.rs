//! A row's saving state in the connected app (saved, saving, waiting in the offline queue, not
//! saved with the server's reason); nothing in the standalone app.

use leptos::prelude::*;

use super::use_conn;
use super::Conn;
use crate::ui::i18n::connect::{c, changed_by, field_label, refusal_placed, C};
use crate::ui::i18n::offline::row_waits;
use crate::ui::i18n::UiLang;
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::problems::split;
use crate::ui::vm::connect::sync::{key, Refusal, RowState};

/// Why the row was not saved, in the interface language: its problems at fields are next to
/// them, the rest here.
fn refusal_words(lang: UiLang, conn: Option<Conn>, kind: &str, id: &str, why: &Refusal) -> String {
    let problems = conn.map(|conn| conn.problems(&key(kind, id))).unwrap_or_default();
    refusal_placed(lang, why, &split(kind, &problems))
}

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
            RowState::NotSaved(why) => {
                ("row-save bad", c(l, C::RowNotSaved), Some(refusal_words(l, conn, kind, &id.get(), why)))
            }
            RowState::Waiting => ("row-save waiting", row_waits(l), None),
        };
        let row = key(kind, &id.get());
        let conflict = conn.and_then(|conn| conn.conflict(&row)).map(|conflict| {
            let (keep, take) = (row.clone(), row.clone());
            let fields = conflict
                .fields
                .into_iter()
                .map(|(field, mine, theirs)| {
                    let mine = mine.unwrap_or_else(|| c(l, C::Deleted).to_string());
                    let name = field_label(l, &field);
                    view! {
                        <tr data-field=field>
                            <th scope="row">{name}</th>
                            <td class="mine">{mine}</td>
                            <td class="theirs">{theirs}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <div class="row-conflict" data-row=row.clone()>
                    <p class="changed-by">{changed_by(l, conflict.by.as_deref(), conflict.at.as_deref())}</p>
                    <table>
                        <thead><tr><th></th><th>{c(l, C::Yours)}</th><th>{c(l, C::Theirs)}</th></tr></thead>
                        <tbody>{fields}</tbody>
                    </table>
                    <button type="button" class="keep-mine"
                        on:click=move |_| { if let Some(conn) = conn { conn.keep_mine(store, &keep) } }>
                        {c(l, C::KeepMine)}
                    </button>
                    <button type="button" class="take-theirs"
                        on:click=move |_| { if let Some(conn) = conn { conn.take_theirs(store, &take) } }>
                        {c(l, C::TakeTheirs)}
                    </button>
                </div>
            }
        });
        Some(view! {
            <span class=class role="status" data-row=row.clone()>{word}</span>
            {reason.map(|reason| view! { <span class="row-refusal error" role="alert">{reason}</span> })}
            {conflict}
        })
    }
}
