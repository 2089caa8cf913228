//! One member state as a table row: names, training languages, budget and unavailable dates.

use leptos::prelude::*;

use super::choices;
use super::field::{CheckList, Field};
use crate::model::{Blackout, Scenario, State};
use crate::ui::i18n::{Msg, UiLang};
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::field::Kind;
use crate::ui::vm::edit::rows;

fn state(s: &Scenario, i: usize) -> Option<&State> {
    s.states.get(i)
}

fn blackout(s: &Scenario, i: usize, j: usize) -> Option<&Blackout> {
    state(s, i)?.blackouts.get(j)
}

#[component]
pub fn StateRow(i: usize) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let p = move |field: &str| format!("states[{i}].{field}");
    let blackouts = Memo::new(move |_| store.scenario.with(|s| state(s, i).map(|x| x.blackouts.len()).unwrap_or(0)));
    let add_blackout = move |_| {
        let label = lang.get_untracked().t(Msg::NewBlackout);
        store.change(|s| rows::add_blackout(s, i, label));
    };
    let blackout_row = move |j: usize| {
        let bp = move |field: &str| format!("states[{i}].blackouts[{j}].{field}");
        let delete = move |_| {
            store.change(|s| rows::delete_blackout(s, i, j));
        };
        view! {
            <li class="blackout">
                <Field path=bp("start") kind=Kind::Date label=Msg::From
                    read=move |s| blackout(s, i, j).map(|b| b.start.to_string()).unwrap_or_default() />
                <Field path=bp("end") kind=Kind::Date label=Msg::To
                    read=move |s| blackout(s, i, j).map(|b| b.end.to_string()).unwrap_or_default() />
                <Field path=bp("label") kind=Kind::Text label=Msg::Label size="m"
                    read=move |s| blackout(s, i, j).map(|b| b.label.clone()).unwrap_or_default() />
                <button type="button" class="small danger" on:click=delete>{move || lang.get().t(Msg::Delete)}</button>
            </li>
        }
    };
    view! {
        <tr>
            <th scope="row"><bdi class="code">{move || store.scenario.with(|s| state(s, i).map(|x| x.code.to_string()).unwrap_or_default())}</bdi></th>
            <td>
                <Field path=p("name.en") kind=Kind::Text label=Msg::NameEn size="m"
                    read=move |s| state(s, i).and_then(|x| x.name.get(UiLang::En.code()).cloned()).unwrap_or_default() />
            </td>
            <td>
                <Field path=p("name.ar") kind=Kind::Text label=Msg::NameAr size="m"
                    read=move |s| state(s, i).and_then(|x| x.name.get(UiLang::Ar.code()).cloned()).unwrap_or_default() />
            </td>
            <td>
                <CheckList path=p("languages") label=Msg::Languages
                    options=move || store.scenario.with(|s| choices::language_checks(s, lang.get()))
                    read=move |s| state(s, i).map(|x| x.languages.clone()).unwrap_or_default() />
            </td>
            <td>
                <Field path=p("budget") kind=Kind::OptInt label=Msg::Budget size="s" hint=Msg::BudgetHint
                    read=move |s| state(s, i).and_then(|x| x.budget).map(|b| b.to_string()).unwrap_or_default() />
            </td>
            <td>
                <ul class="blackouts">
                    <For each=move || 0..blackouts.get() key=|j| *j children=blackout_row />
                </ul>
                <button type="button" class="small" on:click=add_blackout>{move || lang.get().t(Msg::AddBlackout)}</button>
            </td>
        </tr>
    }
}
