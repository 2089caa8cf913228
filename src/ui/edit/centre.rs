//! The regional centre's workspace: the catalogue's dated sessions (imported from a spreadsheet
//! too; with the value of one more seat in each after a plan), its courses, the year at a glance
//! (with the proposed sessions), and where to add capacity (with the Solve bar), one at a time.

use leptos::prelude::*;

use super::courses_table::CoursesTable;
use super::seat_value::value_seats_after_each_plan;
use super::sessions_table::SessionsTable;
use super::skills_table::SkillsTable;
use super::spreadsheets::Spreadsheets;
use super::year_view::YearView;
use crate::ui::i18n::Msg;
use crate::ui::plan::capacity::CapacityPanel;
use crate::ui::shell::server;
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::{Tabs, Words};
use crate::ui::vm::edit::sheet::Sheet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Sessions,
    Courses,
    Skills,
    Year,
    Capacity,
}

impl Tab {
    const ALL: [(Tab, Words, &'static str); 4] = [
        (Tab::Sessions, Words::Msg(Msg::Sessions), "centre-tab-sessions"),
        (Tab::Courses, Words::Msg(Msg::Courses), "centre-tab-courses"),
        (Tab::Year, Words::Msg(Msg::YearView), "centre-tab-year"),
        (Tab::Capacity, Words::Capacity, "centre-tab-capacity"),
    ];
    /// Connected, the centre also keeps the skills (the planner's tab in the standalone app).
    const SKILLS: (Tab, Words, &'static str) = (Tab::Skills, Words::Msg(Msg::TabSkills), "centre-tab-skills");
}

#[component]
pub fn CentreWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let tab = RwSignal::new(Tab::Sessions);
    let mut tabs = Tab::ALL.to_vec();
    let connected = server::connected();
    if connected {
        tabs.insert(2, Tab::SKILLS);
    }
    value_seats_after_each_plan();
    view! {
        <div class="workspace" id="centre">
            <p class="intro">{move || lang.get().t(Msg::CentreIntro)}</p>
            {server::round_overview()}
            <Tabs current=tab tabs=tabs />
            {move || match tab.get() {
                Tab::Sessions => view! {
                    <Spreadsheets sheets=vec![Sheet::Sessions] only=Signal::stored(None) />
                    <SessionsTable />
                }
                .into_any(),
                Tab::Courses => view! { <CoursesTable /> }.into_any(),
                Tab::Skills => view! { <SkillsTable /> }.into_any(),
                Tab::Year => view! { <YearView /> }.into_any(),
                Tab::Capacity => view! { <CapacityPanel solve_bar=true /> }.into_any(),
            }}
        </div>
    }
}
