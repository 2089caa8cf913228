//! The list to choose a member state from, each shown by its name in the chosen language and
//! its code, optionally after an "all states" option.

use leptos::prelude::*;

use super::store::use_store;
use super::tabs::Words;
use crate::model::{name_in, Names, Scenario, StateCode};

/// The states of `s` in order, with their names: what [`StateSelect`] lists.
pub fn states_of(s: &Scenario) -> Vec<(StateCode, Names)> {
    s.states.iter().map(|st| (st.code.clone(), st.name.clone())).collect()
}

/// A state as the list shows it: its name in the chosen language and its code, "Tunisia (TN)".
fn state_label(names: &Names, code: &StateCode, lang_code: &str) -> String {
    format!("{} ({})", name_in(names, lang_code), code)
}

/// `label` then a choice list of `states` (its element id `id`), showing `chosen`; with `all`,
/// a first option of that label stands for no state (`None`). Choosing calls `on_choose`.
#[component]
pub fn StateSelect(
    id: &'static str,
    label: Words,
    #[prop(into)] states: Signal<Vec<(StateCode, Names)>>,
    #[prop(into)] chosen: Signal<Option<StateCode>>,
    #[prop(into)] on_choose: Callback<Option<StateCode>>,
    #[prop(optional)] all: Option<Words>,
) -> impl IntoView {
    let lang = use_store().lang;
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        on_choose.run((!code.is_empty()).then(|| StateCode::new(code)));
    };
    view! {
        <label class="inline">
            <span>{move || label.in_lang(lang.get())}</span>
            <select id=id on:change=choose>
                {all.map(|all| view! {
                    <option value="" selected=move || chosen.with(Option::is_none)>{move || all.in_lang(lang.get())}</option>
                })}
                {move || {
                    let code = lang.get().code();
                    let chosen = chosen.get();
                    states
                        .get()
                        .into_iter()
                        .map(|(state, names)| {
                            let selected = chosen.as_ref() == Some(&state);
                            let label = state_label(&names, &state, code);
                            view! { <option value=state.to_string() selected=selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
