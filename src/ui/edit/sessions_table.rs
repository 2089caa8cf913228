//! The dated sessions of the catalogue.

use leptos::prelude::*;

use super::session_row::SessionRow;
use crate::ui::i18n::Msg;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::rows;

#[component]
pub fn SessionsTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let count = Memo::new(move |_| store.scenario.with(|s| s.sessions.len()));
    let seats = Memo::new(move |_| store.scenario.with(|s| s.sessions.iter().map(|x| x.seats).sum::<i64>()));
    let add = move |_| {
        store.change(|s| rows::add_session(s, None));
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <section class="panel" aria-labelledby="sessions-heading">
            <div class="panel-head">
                <h2 id="sessions-heading">{t(Msg::Sessions)}</h2>
                <span class="muted totals">{move || lang.get().catalogue().sessions_total(count.get(), seats.get())}</span>
                <button type="button" class="primary" id="add-session" on:click=add>{t(Msg::AddSession)}</button>
            </div>
            <div class="table-wrap">
                <table class="grid sessions">
                    <thead>
                        <tr>
                            <th>{t(Msg::Id)}</th>
                            <th>{t(Msg::Course)}</th>
                            <th>{t(Msg::Start)}</th>
                            <th>{t(Msg::End)}</th>
                            <th>{t(Msg::Seats)}</th>
                            <th>{t(Msg::CapPerState)}</th>
                            <th>{t(Msg::MinParticipants)}</th>
                            <th>{t(Msg::CostPerSeat)}</th>
                            <th>{t(Msg::OpenTo)}</th>
                            <th title=move || lang.get().catalogue().seats_after_plan()>
                                {move || lang.get().catalogue().one_more_seat()}
                            </th>
                            <th>{t(Msg::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <SessionRow i=i /> } />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
