//! A focal point's history panel: choose one of its state's needs and see who changed it and
//! when, newest first, with each field's value before and after (`GET /api/needs/{id}/history`).

use leptos::prelude::*;

use super::http;
use crate::ui::i18n::round::{r, R};
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::request::Answer;
use crate::ui::vm::connect::round::{self, HistoryEntry};

#[component]
pub fn NeedHistory() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let ids = Memo::new(move |_| store.scenario.with(|s| s.needs.iter().map(|n| n.id.to_string()).collect::<Vec<_>>()));
    let chosen = RwSignal::new(String::new());
    let entries = RwSignal::new(None::<Vec<HistoryEntry>>);
    let failed = RwSignal::new(None::<u16>);
    let show = move |_| {
        let id = chosen.get_untracked();
        let id = if id.is_empty() { ids.with_untracked(|ids| ids.first().cloned()).unwrap_or_default() } else { id };
        if id.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            match http::send(&round::need_history(&id)).await {
                Some(Answer { status: 200, body, .. }) => {
                    failed.set(None);
                    entries.set(Some(round::history_of(&body)));
                }
                // A need nobody changed on the server yet has no history.
                Some(Answer { status: 404, .. }) => {
                    failed.set(None);
                    entries.set(Some(Vec::new()));
                }
                Some(answer) => failed.set(Some(answer.status)),
                None => failed.set(Some(0)),
            }
        });
    };
    let t = move |w: R| move || r(lang.get(), w);
    view! {
        <section class="panel history" id="need-history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t(R::HistoryTitle)}</h2>
            <div class="toolbar">
                <label>
                    <span>{t(R::HistoryNeed)}</span>
                    <select id="history-need" on:change=move |ev| { chosen.set(event_target_value(&ev)); entries.set(None); }>
                        {move || ids.get().into_iter().map(|id| view! { <option value=id.clone()>{id.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" id="show-history" on:click=show>{t(R::ShowHistory)}</button>
            </div>
            <p class="error" role="alert">{move || failed.get().map(|status| format!("{} ({status})", r(lang.get(), R::NotDone)))}</p>
            {move || entries.get().map(|entries| {
                let l = lang.get();
                if entries.is_empty() {
                    return view! { <p class="muted" id="history-empty">{r(l, R::HistoryEmpty)}</p> }.into_any();
                }
                view! {
                    <table class="history" id="history-table">
                        <thead><tr><th>{r(l, R::When)}</th><th>{r(l, R::Who)}</th><th>{r(l, R::Action)}</th><th>{r(l, R::WhatChanged)}</th></tr></thead>
                        <tbody>
                            {entries.into_iter().map(|entry| {
                                let action = match entry.action.as_str() {
                                    "create" => r(l, R::ActionCreate).to_string(),
                                    "update" => r(l, R::ActionUpdate).to_string(),
                                    "delete" => r(l, R::ActionDelete).to_string(),
                                    other => other.to_string(),
                                };
                                let fields = entry.fields.iter()
                                    .map(|f| format!("{}: {} → {}", f.field, f.before, f.after))
                                    .collect::<Vec<_>>()
                                    .join("; ");
                                view! {
                                    <tr>
                                        <td dir="ltr">{round::when(&entry.time)}</td>
                                        <td class="who"><bdi>{entry.login}</bdi></td>
                                        <td>{action}</td>
                                        <td><bdi dir="ltr">{fields}</bdi></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </section>
    }
}
