//! The regional centre's workspace: the catalogue's dated sessions, its courses, and the year
//! at a glance, one at a time.

use leptos::prelude::*;

use super::courses_table::CoursesTable;
use super::sessions_table::SessionsTable;
use super::year_view::YearView;
use crate::ui::i18n::Msg;
use crate::ui::shell::store::use_store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Sessions,
    Courses,
    Year,
}

impl Tab {
    const ALL: [(Tab, Msg, &'static str); 3] = [
        (Tab::Sessions, Msg::Sessions, "centre-tab-sessions"),
        (Tab::Courses, Msg::Courses, "centre-tab-courses"),
        (Tab::Year, Msg::YearView, "centre-tab-year"),
    ];
}

#[component]
pub fn CentreWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let tab = RwSignal::new(Tab::Sessions);
    view! {
        <div class="workspace" id="centre">
            <p class="intro">{move || lang.get().t(Msg::CentreIntro)}</p>
            <div class="tabs" role="tablist">
                {Tab::ALL
                    .into_iter()
                    .map(|(which, msg, id)| {
                        view! {
                            <button type="button" role="tab" id=id aria-selected=move || (tab.get() == which).to_string()
                                on:click=move |_| tab.set(which)>
                                {move || lang.get().t(msg)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || match tab.get() {
                Tab::Sessions => view! { <SessionsTable /> }.into_any(),
                Tab::Courses => view! { <CoursesTable /> }.into_any(),
                Tab::Year => view! { <YearView /> }.into_any(),
            }}
        </div>
    }
}
