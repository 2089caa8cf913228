//! The first visit's question (who is the user: a state's focal point, the regional centre or
//! the planner), shown instead of a workspace until it is answered, and the banner that says
//! the data is the demo's for as long as it is, with the two ways out: import a scenario of
//! one's own, or start empty.

use leptos::prelude::*;

use super::browser;
use super::state_select::{states_of, StateSelect};
use super::store::use_store;
use super::tabs::Words;
use crate::model::{name_in, StateCode};
use crate::ui::i18n::Msg;
use crate::ui::vm::shell::first::Choice;

#[component]
pub fn FirstVisit() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let states = Memo::new(move |_| store.scenario.with(states_of));
    let state = Signal::derive(move || Some(store.focal_state.get()));
    let focal_label = move || {
        let l = lang.get();
        let code = store.focal_state.get();
        let name = store
            .scenario
            .with(|s| s.state(&code).map(|st| name_in(&st.name, l.code()).to_string()))
            .unwrap_or_else(|| code.to_string());
        l.catalogue().focal_of(&name)
    };
    let choose_focal = move |_| store.choose(Choice::Focal(store.focal_state.get_untracked()));
    let pick_state = move |code: Option<StateCode>| {
        if let Some(code) = code {
            store.focal_state.set(code);
        }
    };
    view! {
        <section class="panel first-visit" id="first-visit" aria-labelledby="first-visit-heading">
            <h2 id="first-visit-heading">{move || lang.get().catalogue().welcome()}</h2>
            <p class="intro">{move || lang.get().catalogue().who_are_you()}</p>
            <ul class="choices">
                <li class="choice">
                    <StateSelect id="first-state" label=Words::Msg(Msg::YourState) states=states chosen=state
                        on_choose=pick_state />
                    <button type="button" class="primary" id="first-focal" on:click=choose_focal>{focal_label}</button>
                    <p class="hint">{move || lang.get().catalogue().focal_hint()}</p>
                </li>
                {[Choice::Centre, Choice::Planner].into_iter().map(|choice| {
                    let id = format!("first-{}", choice.role().code());
                    let c = choice.clone();
                    let words = move || {
                        let words = lang.get().catalogue();
                        match &c {
                            Choice::Planner => (words.planner_choice(), words.planner_hint()),
                            _ => (words.centre_choice(), words.centre_hint()),
                        }
                    };
                    let hint = words.clone();
                    view! {
                        <li class="choice">
                            <button type="button" class="primary" id=id on:click=move |_| store.choose(choice.clone())>
                                {move || words().0}
                            </button>
                            <p class="hint">{move || hint().1}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Shown above every workspace while the scenario is the demo's (edited or not).
#[component]
pub fn DemoBanner() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let start_empty = move |_| {
        if browser::confirm(lang.get_untracked().catalogue().confirm_start_empty()) {
            store.start_empty();
        }
    };
    view! {
        <Show when=move || store.demo.get()>
            <div class="demo-banner" id="demo-banner" role="region" aria-label=move || lang.get().catalogue().demo_title()>
                <strong class="demo-title">{move || lang.get().catalogue().demo_title()}</strong>
                " "
                <span class="demo-text">{move || lang.get().catalogue().demo_text()}</span>
                " "
                <label class="button" for="import-file" id="demo-import">{move || lang.get().catalogue().import_own()}</label>
                " "
                <button type="button" id="demo-start-empty" on:click=start_empty>{move || lang.get().catalogue().start_empty()}</button>
            </div>
        </Show>
    }
}
