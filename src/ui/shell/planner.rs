//! The planner's workspace: everything, in tabs — the plan (solve, calendar, unmet needs,
//! downloads), all needs (with a state filter), the catalogue, member states, skills, settings,
//! pins and exclusions.

use leptos::prelude::*;

use super::store::use_store;
use crate::model::StateCode;
use crate::ui::edit::centre::CentreWorkspace;
use crate::ui::edit::needs_summary::NeedsSummary;
use crate::ui::edit::needs_table::NeedsTable;
use crate::ui::edit::settings_form::SettingsForm;
use crate::ui::edit::skills_table::SkillsTable;
use crate::ui::edit::states_table::StatesTable;
use crate::ui::i18n::{Msg, P};
use crate::ui::plan::adjustments::Adjustments;
use crate::ui::plan::workspace::PlanWorkspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Plan,
    Needs,
    Catalogue,
    States,
    Skills,
    Settings,
    Adjustments,
}

impl Tab {
    const ALL: [(Tab, Msg, &'static str); 6] = [
        (Tab::Needs, Msg::TabNeeds, "tab-needs"),
        (Tab::Catalogue, Msg::TabCatalogue, "tab-catalogue"),
        (Tab::States, Msg::TabStates, "tab-states"),
        (Tab::Skills, Msg::TabSkills, "tab-skills"),
        (Tab::Settings, Msg::TabSettings, "tab-settings"),
        (Tab::Adjustments, Msg::TabAdjustments, "tab-adjustments"),
    ];
}

#[component]
pub fn PlannerWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let tab = RwSignal::new(Tab::Plan);
    let filter = RwSignal::new(None::<StateCode>);
    let states = Memo::new(move |_| {
        store.scenario.with(|s| s.states.iter().map(|st| (st.code.clone(), st.name.clone())).collect::<Vec<_>>())
    });
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        filter.set((!code.is_empty()).then(|| StateCode::new(code)));
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <div class="workspace" id="planner">
            <p class="intro">{t(Msg::PlannerIntro)}</p>
            <div class="tabs" role="tablist">
                <button type="button" role="tab" id="tab-plan" aria-selected=move || (tab.get() == Tab::Plan).to_string()
                    on:click=move |_| tab.set(Tab::Plan)>
                    {move || lang.get().p(P::TabPlan)}
                </button>
                {Tab::ALL
                    .into_iter()
                    .map(|(which, msg, id)| {
                        view! {
                            <button type="button" role="tab" id=id aria-selected=move || (tab.get() == which).to_string()
                                on:click=move |_| tab.set(which)>
                                {t(msg)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || match tab.get() {
                Tab::Plan => view! { <PlanWorkspace /> }.into_any(),
                Tab::Needs => view! {
                    <div class="toolbar">
                        <label class="inline">
                            <span>{t(Msg::ShowState)}</span>
                            <select id="planner-state" on:change=choose>
                                <option value="" selected=move || filter.get().is_none()>{t(Msg::AllStates)}</option>
                                {move || {
                                    let code = lang.get().code();
                                    let chosen = filter.get();
                                    states
                                        .get()
                                        .into_iter()
                                        .map(|(state, names)| {
                                            let selected = chosen.as_ref() == Some(&state);
                                            let label = crate::ui::edit::choices::state_label(&names, &state, code);
                                            view! { <option value=state.to_string() selected=selected>{label}</option> }
                                        })
                                        .collect_view()
                                }}
                            </select>
                        </label>
                    </div>
                    <NeedsTable state=filter />
                    <NeedsSummary state=filter />
                }
                .into_any(),
                Tab::Catalogue => view! { <CentreWorkspace /> }.into_any(),
                Tab::States => view! { <StatesTable /> }.into_any(),
                Tab::Skills => view! { <SkillsTable /> }.into_any(),
                Tab::Settings => view! { <SettingsForm /> }.into_any(),
                Tab::Adjustments => view! { <Adjustments /> }.into_any(),
            }}
        </div>
    }
}
