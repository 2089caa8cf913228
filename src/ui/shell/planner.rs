//! The planner's workspace: everything, in tabs — the plan (solve, calendar, unmet needs,
//! downloads), all needs (with a state filter), the catalogue, member states, skills, settings,
//! pins and exclusions.

use leptos::prelude::*;

use super::state_select::{states_of, StateSelect};
use super::store::use_store;
use super::tabs::{Tabs, Words};
use super::{browser, server};
use crate::model::StateCode;
use crate::ui::edit::centre::CentreWorkspace;
use crate::ui::edit::needs_summary::NeedsSummary;
use crate::ui::edit::needs_table::NeedsTable;
use crate::ui::edit::settings_form::SettingsForm;
use crate::ui::edit::skills_table::SkillsTable;
use crate::ui::edit::spreadsheets::Spreadsheets;
use crate::ui::edit::states_table::StatesTable;
use crate::ui::i18n::{Msg, P};
use crate::ui::plan::adjustments::Adjustments;
use crate::ui::plan::workspace::PlanWorkspace;
use crate::ui::vm::edit::sheet::Sheet;

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
    const ALL: [(Tab, Words, &'static str); 7] = [
        (Tab::Plan, Words::Plan(P::TabPlan), "tab-plan"),
        (Tab::Needs, Words::Msg(Msg::TabNeeds), "tab-needs"),
        (Tab::Catalogue, Words::Msg(Msg::TabCatalogue), "tab-catalogue"),
        (Tab::States, Words::Msg(Msg::TabStates), "tab-states"),
        (Tab::Skills, Words::Msg(Msg::TabSkills), "tab-skills"),
        (Tab::Settings, Words::Msg(Msg::TabSettings), "tab-settings"),
        (Tab::Adjustments, Words::Msg(Msg::TabAdjustments), "tab-adjustments"),
    ];
}

#[component]
pub fn PlannerWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let tab = RwSignal::new(Tab::Plan);
    // Connected, the planner pins, excludes, keeps the settings and solves: the data other
    // roles keep is not its to edit, so those tabs are not shown.
    let connected = server::connected();
    let tabs: Vec<_> = Tab::ALL
        .into_iter()
        .filter(|(tab, _, _)| !connected || matches!(tab, Tab::Plan | Tab::Settings | Tab::Adjustments))
        .collect();
    let filter = RwSignal::new(None::<StateCode>);
    let states = Memo::new(move |_| store.scenario.with(states_of));
    let t = move |m: Msg| move || lang.get().t(m);
    // Every field of the needs tab reads the scenario's problems by path: they are found once
    // the workspace has painted, not in the task that opens that tab.
    browser::after_paint(move || {
        store.issues.try_with_untracked(|_| ());
    });
    view! {
        <div class="workspace" id="planner">
            <p class="intro">{t(Msg::PlannerIntro)}</p>
            <Tabs current=tab tabs=tabs />
            {move || match tab.get() {
                Tab::Plan => view! { {server::publish_panel()} <PlanWorkspace /> }.into_any(),
                Tab::Needs => view! {
                    <div class="toolbar">
                        <StateSelect id="planner-state" label=Words::Msg(Msg::ShowState) states=states chosen=filter
                            on_choose=move |code| filter.set(code) all=Words::Msg(Msg::AllStates) />
                    </div>
                    <Spreadsheets sheets=vec![Sheet::Needs] paste=true only=Signal::stored(None) />
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
