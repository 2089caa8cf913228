//! The planner's plan: the Solve bar, then the plan on screen in seven views — calendar (with
//! rosters), by state (with its print view), coverage, unmet needs, changes, downloads, and
//! where to add capacity.

use leptos::prelude::*;

use super::by_state::ByState;
use super::calendar::PlanCalendar;
use super::capacity::CapacityPanel;
use super::changes::PlanChanges;
use super::dashboard::Dashboard;
use super::exports::PlanExports;
use super::solve_bar::SolveBar;
use super::store::{use_plan, View};
use super::unmet_list::UnmetList;
use crate::ui::i18n::P;
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::{Tabs, Words};

const VIEWS: [(View, Words, &str); 7] = [
    (View::Calendar, Words::Plan(P::ViewCalendar), "plan-view-calendar"),
    (View::ByState, Words::Plan(P::ViewByState), "plan-view-by-state"),
    (View::Coverage, Words::Plan(P::ViewCoverage), "plan-view-coverage"),
    (View::Unmet, Words::Plan(P::ViewUnmet), "plan-view-unmet"),
    (View::Changes, Words::Plan(P::ViewChanges), "plan-view-changes"),
    (View::Export, Words::Plan(P::ViewExport), "plan-view-export"),
    (View::Capacity, Words::Capacity, "plan-view-capacity"),
];

#[component]
pub fn PlanWorkspace() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let has_plan = Memo::new(move |_| plan.solved.with(Option::is_some));
    view! {
        <div class="plan" id="plan">
            <p class="intro no-print">{move || lang.get().p(P::PlanIntro)}</p>
            <div class="no-print"><SolveBar /></div>
            <Show when=move || has_plan.get()>
                <Tabs current=plan.view tabs=VIEWS.to_vec() class="sub-tabs no-print" id="plan-views" />
                {move || match plan.view.get() {
                    View::Calendar => view! { <PlanCalendar /> }.into_any(),
                    View::ByState => view! { <ByState /> }.into_any(),
                    View::Coverage => view! { <Dashboard /> }.into_any(),
                    View::Unmet => view! { <UnmetList /> }.into_any(),
                    View::Changes => view! { <PlanChanges /> }.into_any(),
                    View::Export => view! { <PlanExports /> }.into_any(),
                    View::Capacity => view! { <CapacityPanel /> }.into_any(),
                }}
            </Show>
        </div>
    }
}
