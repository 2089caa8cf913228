//! The needs of one state (or all states) as an editable table, with a button to add one.

use leptos::prelude::*;

use super::need_row::NeedRow;
use crate::model::StateCode;
use crate::ui::i18n::Msg;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::{rows, views};

/// `state`: whose needs to show; `None` shows every state's (with a state column).
#[component]
pub fn NeedsTable(#[prop(into)] state: Signal<Option<StateCode>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let show_state = move || state.get().is_none();
    let indices = move || store.scenario.with(|s| views::needs_of(s, state.get().as_ref()));
    let add = move |_| {
        let code = state.get_untracked().unwrap_or_else(|| store.focal_state.get_untracked());
        store.change(|s| rows::add_need(s, &code));
    };
    let totals = move || {
        store.scenario.with(|s| {
            let ids = views::needs_of(s, state.get().as_ref());
            let trainees: i64 = ids.iter().map(|&i| s.needs[i].trainees).sum();
            lang.get().catalogue().needs_total(ids.len(), trainees)
        })
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <section class="panel" aria-labelledby="needs-heading">
            <div class="panel-head">
                <h2 id="needs-heading">{t(Msg::NeedsHeading)}</h2>
                <span class="muted totals">{totals}</span>
                <button type="button" class="primary" id="add-need" on:click=add>{t(Msg::AddNeed)}</button>
            </div>
            <div class="table-wrap">
                <table class="grid needs">
                    <thead>
                        <tr>
                            <th>{t(Msg::Id)}</th>
                            <Show when=show_state>
                                <th>{t(Msg::State)}</th>
                            </Show>
                            <th>{t(Msg::Skill)}</th>
                            <th>{t(Msg::Level)}</th>
                            <th>{t(Msg::Trainees)}</th>
                            <th>{t(Msg::Priority)}</th>
                            <th>{t(Msg::Window)}</th>
                            <th>{t(Msg::Languages)}</th>
                            <th>{t(Msg::Modes)}</th>
                            <th>{t(Msg::Note)}</th>
                            <th>{t(Msg::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || {
                                let all = show_state();
                                indices().into_iter().map(move |i| (i, all)).collect::<Vec<_>>()
                            }
                            key=|row| *row
                            children=move |(i, all)| view! { <NeedRow i=i show_state=all /> }
                        />
                    </tbody>
                </table>
            </div>
            <Show when=move || indices().is_empty()>
                <p class="empty">{t(Msg::NoNeeds)}</p>
            </Show>
        </section>
    }
}
