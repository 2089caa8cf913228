//! One dated session as a table row.

use leptos::prelude::*;
use serde_json::Value;

use super::choices;
use super::field::{Choice, Field};
use super::seat_value::SeatValueCell;
use crate::model::{Scenario, Session};
use crate::ui::i18n::Msg;
use crate::ui::shell::server;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::field::Kind;
use crate::ui::vm::edit::rows;

fn session(s: &Scenario, i: usize) -> Option<&Session> {
    s.sessions.get(i)
}

fn number(s: &Scenario, i: usize, f: impl Fn(&Session) -> i64) -> String {
    session(s, i).map(|x| f(x).to_string()).unwrap_or_default()
}

#[component]
pub fn SessionRow(i: usize) -> impl IntoView {
    let store = use_store();
    let row_id =
        Signal::derive(move || store.scenario.with(|s| session(s, i).map(|x| x.id.to_string()).unwrap_or_default()));
    let lang = store.lang;
    let p = move |field: &str| format!("sessions[{i}].{field}");
    // Each cell's column name: the heading of its field in the cards of a narrow screen.
    let label = move |m: Msg| move || lang.get().t(m);
    let duplicate = move |_| {
        store.change(|s| rows::duplicate_session(s, i));
    };
    let delete = move |_| {
        store.change(|s| rows::delete_session(s, i));
    };
    view! {
        <tr>
            <td data-label=label(Msg::Id)>
                <bdi>
                    <Field path=p("id") kind=Kind::Text label=Msg::Id size="s"
                        read=move |s| session(s, i).map(|x| x.id.to_string()).unwrap_or_default() />
                </bdi>
            </td>
            <td data-label=label(Msg::Course)>
                <Choice path=p("course") label=Msg::Course
                    options=move || store.scenario.with(|s| choices::courses(s, lang.get()))
                    read=move |s| session(s, i).map(|x| Value::String(x.course.to_string())).unwrap_or(Value::Null) />
            </td>
            <td data-label=label(Msg::Start)>
                <Field path=p("start") kind=Kind::Date label=Msg::Start
                    read=move |s| session(s, i).map(|x| x.start.to_string()).unwrap_or_default() />
            </td>
            <td data-label=label(Msg::End)>
                <Field path=p("end") kind=Kind::Date label=Msg::End
                    read=move |s| session(s, i).map(|x| x.end.to_string()).unwrap_or_default() />
            </td>
            <td data-label=label(Msg::Seats)>
                <Field path=p("seats") kind=Kind::Int label=Msg::Seats size="s" read=move |s| number(s, i, |x| x.seats) />
            </td>
            <td data-label=label(Msg::CapPerState)>
                <Field path=p("max_per_state") kind=Kind::OptInt label=Msg::CapPerState size="s" hint=Msg::NoCapHint
                    read=move |s| session(s, i).and_then(|x| x.max_per_state).map(|n| n.to_string()).unwrap_or_default() />
            </td>
            <td data-label=label(Msg::MinParticipants)>
                <Field path=p("min_participants") kind=Kind::Int label=Msg::MinParticipants size="s"
                    read=move |s| number(s, i, |x| x.min_participants) />
            </td>
            <td data-label=label(Msg::CostPerSeat)>
                <Field path=p("cost_per_seat") kind=Kind::Int label=Msg::CostPerSeat size="s"
                    read=move |s| number(s, i, |x| x.cost_per_seat) />
            </td>
            <td data-label=label(Msg::OpenTo)>
                <bdi>
                    <Field path=p("open_to") kind=Kind::Codes label=Msg::OpenTo size="m" hint=Msg::OpenToHint
                        read=move |s| {
                            session(s, i)
                                .and_then(|x| x.open_to.as_ref())
                                .map(|codes| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", "))
                                .unwrap_or_default()
                        } />
                </bdi>
            </td>
            <td data-label=move || lang.get().catalogue().one_more_seat() class="seat-value-cell">
                <SeatValueCell i=i />
            </td>
            <td data-label=label(Msg::Actions) class="actions">
                <button type="button" class="small" on:click=duplicate>{move || lang.get().t(Msg::Duplicate)}</button>
                <button type="button" class="small danger" on:click=delete>{move || lang.get().t(Msg::Delete)}</button>
                {server::row_save("sessions", row_id)}
            </td>
        </tr>
    }
}
