//! One need as a table row: every field editable in place, with its problems beside it.

use leptos::prelude::*;
use serde_json::Value;

use super::choices;
use super::field::{CheckList, Choice, Field, RowScope};
use crate::model::{name_in, Need, Scenario};
use crate::ui::i18n::Msg;
use crate::ui::shell::server;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::field::Kind;
use crate::ui::vm::edit::rows;

fn need(s: &Scenario, i: usize) -> Option<&Need> {
    s.needs.get(i)
}

/// `skills` and `languages`: the choices every row offers, computed once by the table.
#[component]
pub fn NeedRow(
    i: usize,
    show_state: bool,
    skills: Memo<Vec<(Value, String)>>,
    languages: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let store = use_store();
    let row_id =
        Signal::derive(move || store.scenario.with(|s| need(s, i).map(|x| x.id.to_string()).unwrap_or_default()));
    let lang = store.lang;
    // What this row shows: the need and its state (its name, its default languages). The
    // fields below re-read the scenario only when this changes.
    let row = Memo::new(move |_| {
        store.scenario.with(|s| {
            let need = need(s, i).cloned();
            let state = need.as_ref().and_then(|n| s.state(&n.state)).cloned();
            (need, state)
        })
    });
    provide_context(RowScope::new(row));
    let p = move |field: &str| format!("needs[{i}].{field}");
    // Each cell's column name: the heading of its field in the cards of a narrow screen.
    let label = move |m: Msg| move || lang.get().t(m);
    let state_cell = show_state.then(|| {
        view! {
            <td data-label=label(Msg::State)>
                <bdi class="code">{move || row.with(|(n, _)| n.as_ref().map(|n| n.state.to_string()).unwrap_or_default())}</bdi>
                " "
                <span class="muted">
                    {move || {
                        row.with(|(_, st)| st.as_ref().map(|st| name_in(&st.name, lang.get().code()).to_string()).unwrap_or_default())
                    }}
                </span>
            </td>
        }
    });
    let duplicate = move |_| {
        let copy = store.change(|s| rows::duplicate_need(s, i));
        store.mark_new_need(copy);
    };
    let delete = move |_| {
        store.delete_need(i);
    };
    view! {
        <tr data-need=move || row.with(|(n, _)| n.as_ref().map(|n| n.id.to_string()).unwrap_or_default())>
            <td data-label=label(Msg::Id)>
                <bdi>
                    <Field path=p("id") kind=Kind::Text label=Msg::Id size="m"
                        read=move |s| need(s, i).map(|n| n.id.to_string()).unwrap_or_default() />
                </bdi>
            </td>
            {state_cell}
            <td data-label=label(Msg::Skill)>
                <Choice path=p("skill") label=Msg::Skill
                    options=move || skills.get()
                    read=move |s| need(s, i).map(|n| Value::String(n.skill.to_string())).unwrap_or(Value::Null) />
            </td>
            <td data-label=label(Msg::Level)>
                <Choice path=p("level") label=Msg::Level options=move || choices::levels(lang.get())
                    read=move |s| need(s, i).map(|n| Value::from(n.level)).unwrap_or(Value::Null) />
            </td>
            <td data-label=label(Msg::Trainees)>
                <Field path=p("trainees") kind=Kind::Int label=Msg::Trainees size="s"
                    read=move |s| need(s, i).map(|n| n.trainees.to_string()).unwrap_or_default() />
            </td>
            <td data-label=label(Msg::Priority)>
                <Choice path=p("priority") label=Msg::Priority options=move || choices::priorities(lang.get())
                    read=move |s| need(s, i).map(|n| Value::from(n.priority)).unwrap_or(Value::Null) />
            </td>
            <td data-label=label(Msg::Window) class="window">
                <label class="bound">
                    <span class="bound-label">{move || lang.get().t(Msg::From)}</span>
                    <Field path=p("window.start") kind=Kind::WindowDate label=Msg::From hint=Msg::WholeHorizon
                        read=move |s| need(s, i).and_then(|n| n.window).map(|w| w.start.to_string()).unwrap_or_default() />
                </label>
                <label class="bound">
                    <span class="bound-label">{move || lang.get().t(Msg::To)}</span>
                    <Field path=p("window.end") kind=Kind::WindowDate label=Msg::To hint=Msg::WholeHorizon
                        read=move |s| need(s, i).and_then(|n| n.window).map(|w| w.end.to_string()).unwrap_or_default() />
                </label>
            </td>
            <td data-label=label(Msg::Languages)>
                <CheckList path=p("languages") label=Msg::Languages
                    options=move || languages.get()
                    read=move |s| need(s, i).map(|n| s.effective_languages(n).to_vec()).unwrap_or_default() />
            </td>
            <td data-label=label(Msg::Modes)>
                <CheckList path=p("modes") label=Msg::Modes options=move || choices::mode_checks(lang.get())
                    read=move |s| {
                        need(s, i)
                            .map(|n| s.effective_modes(n).iter().map(|m| m.as_str().to_string()).collect())
                            .unwrap_or_default()
                    } />
            </td>
            <td data-label=label(Msg::Note)>
                <Field path=p("note") kind=Kind::Text label=Msg::Note size="m"
                    read=move |s| need(s, i).map(|n| n.note.clone()).unwrap_or_default() />
            </td>
            <td data-label=label(Msg::Actions) class="actions">
                <button type="button" class="small" on:click=duplicate>{move || lang.get().t(Msg::Duplicate)}</button>
                <button type="button" class="small danger" on:click=delete>{move || lang.get().t(Msg::Delete)}</button>
                {server::row_save("needs", row_id)}
            </td>
        </tr>
    }
}
