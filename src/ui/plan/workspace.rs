//! The planner's plan: the Solve bar, then the plan on screen in six views — calendar (with
//! rosters), by state (with its print view), coverage, unmet needs, changes and downloads.

use leptos::prelude::*;

use super::by_state::ByState;
use super::calendar::PlanCalendar;
use super::changes::PlanChanges;
use super::dashboard::Dashboard;
use super::exports::PlanExports;
use super::solve_bar::SolveBar;
use super::store::{use_plan, View};
use super::unmet_list::UnmetList;
use crate::ui::i18n::P;
use crate::ui::shell::store::use_store;

const VIEWS: [(View, P, &str); 6] = [
    (View::Calendar, P::ViewCalendar, "plan-view-calendar"),
    (View::ByState, P::ViewByState, "plan-view-by-state"),
    (View::Coverage, P::ViewCoverage, "plan-view-coverage"),
    (View::Unmet, P::ViewUnmet, "plan-view-unmet"),
    (View::Changes, P::ViewChanges, "plan-view-changes"),
    (View::Export, P::ViewExport, "plan-view-export"),
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
                <div class="tabs sub-tabs no-print" role="tablist" id="plan-views">
                    {VIEWS
                        .into_iter()
                        .map(|(which, label, id)| {
                            view! {
                                <button type="button" role="tab" id=id aria-selected=move || (plan.view.get() == which).to_string()
                                    on:click=move |_| plan.view.set(which)>
                                    {move || lang.get().p(label)}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                {move || match plan.view.get() {
                    View::Calendar => view! { <PlanCalendar /> }.into_any(),
                    View::ByState => view! { <ByState /> }.into_any(),
                    View::Coverage => view! { <Dashboard /> }.into_any(),
                    View::Unmet => view! { <UnmetList /> }.into_any(),
                    View::Changes => view! { <PlanChanges /> }.into_any(),
                    View::Export => view! { <PlanExports /> }.into_any(),
                }}
            </Show>
        </div>
    }
}
