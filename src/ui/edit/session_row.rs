//! One dated session as a table row.

use leptos::prelude::*;
use serde_json::Value;

use super::choices;
use super::field::{Choice, Field};
use crate::model::{Scenario, Session};
use crate::ui::connect::row_save::RowSave;
use crate::ui::i18n::Msg;
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
    let duplicate = move |_| {
        store.change(|s| rows::duplicate_session(s, i));
    };
    let delete = move |_| {
        store.change(|s| rows::delete_session(s, i));
    };
    view! {
        <tr>
            <td>
                <bdi>
                    <Field path=p("id") kind=Kind::Text label=Msg::Id size="s"
                        read=move |s| session(s, i).map(|x| x.id.to_string()).unwrap_or_default() />
                </bdi>
            </td>
            <td>
                <Choice path=p("course") label=Msg::Course
                    options=move || store.scenario.with(|s| choices::courses(s, lang.get()))
                    read=move |s| session(s, i).map(|x| Value::String(x.course.to_string())).unwrap_or(Value::Null) />
            </td>
            <td>
                <Field path=p("start") kind=Kind::Date label=Msg::Start
                    read=move |s| session(s, i).map(|x| x.start.to_string()).unwrap_or_default() />
            </td>
            <td>
                <Field path=p("end") kind=Kind::Date label=Msg::End
                    read=move |s| session(s, i).map(|x| x.end.to_string()).unwrap_or_default() />
            </td>
            <td>
                <Field path=p("seats") kind=Kind::Int label=Msg::Seats size="s" read=move |s| number(s, i, |x| x.seats) />
            </td>
            <td>
                <Field path=p("max_per_state") kind=Kind::OptInt label=Msg::CapPerState size="s" hint=Msg::NoCapHint
                    read=move |s| session(s, i).and_then(|x| x.max_per_state).map(|n| n.to_string()).unwrap_or_default() />
            </td>
            <td>
                <Field path=p("min_participants") kind=Kind::Int label=Msg::MinParticipants size="s"
                    read=move |s| number(s, i, |x| x.min_participants) />
            </td>
            <td>
                <Field path=p("cost_per_seat") kind=Kind::Int label=Msg::CostPerSeat size="s"
                    read=move |s| number(s, i, |x| x.cost_per_seat) />
            </td>
            <td>
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
            <td class="actions">
                <button type="button" class="small" on:click=duplicate>{move || lang.get().t(Msg::Duplicate)}</button>
                <button type="button" class="small danger" on:click=delete>{move || lang.get().t(Msg::Delete)}</button>
                <RowSave kind="sessions" id=row_id />
            </td>
        </tr>
    }
}
