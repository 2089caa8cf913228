//! The regional centre's workspace: the catalogue's dated sessions (with the value of one more
//! seat in each after a plan), its courses, the year at a glance (with the proposed sessions),
//! and where to add capacity (with the Solve bar), one at a time.

use leptos::prelude::*;

use super::courses_table::CoursesTable;
use super::seat_value::value_seats_after_each_plan;
use super::sessions_table::SessionsTable;
use super::year_view::YearView;
use crate::ui::i18n::Msg;
use crate::ui::plan::capacity::CapacityPanel;
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::{Tabs, Words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Sessions,
    Courses,
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
}

#[component]
pub fn CentreWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let tab = RwSignal::new(Tab::Sessions);
    value_seats_after_each_plan();
    view! {
        <div class="workspace" id="centre">
            <p class="intro">{move || lang.get().t(Msg::CentreIntro)}</p>
            <Tabs current=tab tabs=Tab::ALL.to_vec() />
            {move || match tab.get() {
                Tab::Sessions => view! { <SessionsTable /> }.into_any(),
                Tab::Courses => view! { <CoursesTable /> }.into_any(),
                Tab::Year => view! { <YearView /> }.into_any(),
                Tab::Capacity => view! { <CapacityPanel solve_bar=true /> }.into_any(),
            }}
        </div>
    }
}
