//! The member states: names, training languages, budgets and unavailable dates.

use leptos::prelude::*;

use super::state_row::StateRow;
use crate::ui::i18n::Msg;
use crate::ui::shell::store::use_store;

#[component]
pub fn StatesTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let count = Memo::new(move |_| store.scenario.with(|s| s.states.len()));
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <section class="panel" aria-labelledby="states-heading">
            <div class="panel-head">
                <h2 id="states-heading">{t(Msg::TabStates)}</h2>
                <span class="muted totals" id="state-count">{move || count.get()}</span>
            </div>
            <div class="table-wrap">
                <table class="grid states">
                    <thead>
                        <tr>
                            <th>{t(Msg::Code)}</th>
                            <th>{t(Msg::NameEn)}</th>
                            <th>{t(Msg::NameAr)}</th>
                            <th>{t(Msg::Languages)}</th>
                            <th>{t(Msg::Budget)}</th>
                            <th>{t(Msg::Blackouts)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <StateRow i=i /> } />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
