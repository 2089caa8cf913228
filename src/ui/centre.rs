//! The regional centre's workspace: the catalogue of courses and sessions, and the year.

use leptos::prelude::*;

use super::courses_table::CoursesTable;
use super::i18n::Msg;
use super::sessions_table::SessionsTable;
use super::store::use_store;
use super::year_view::YearView;

#[component]
pub fn CentreWorkspace() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="workspace" id="centre">
            <p class="intro">{move || store.lang.get().t(Msg::CentreIntro)}</p>
            <YearView />
            <SessionsTable />
            <CoursesTable />
        </div>
    }
}
