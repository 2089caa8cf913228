//! The result of the last solve as an official reads it, shown in the Solve bar above its
//! details line: one headline (trainees placed of those needed, needs short, critical ones),
//! then each state's share at a glance, a small bar per state with its percent.

use leptos::prelude::*;

use super::store::use_plan;
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::summary;

#[component]
pub fn ResultSummary() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let summary = Memo::new(move |_| {
        let code = lang.get().code();
        plan.report.with(|r| {
            plan.solved.with(|s| match (s, r) {
                (Some(s), Some(r)) => Some(summary::summary(s, r, code)),
                _ => None,
            })
        })
    });
    move || {
        let l = lang.get();
        let s = summary.get()?;
        let states = s
            .states
            .iter()
            .map(|st| {
                let words = format!("{}: {}", st.name, l.catalogue().coverage(st.planned, st.needed));
                // Set through the CSSOM (`style:`), which the Content-Security-Policy allows.
                let width = format!("{}%", st.percent());
                let low = if st.percent() < 50 { "share low" } else { "share" };
                view! {
                    <li class=low data-state=st.code.to_string() data-percent=st.percent() title=words.clone()
                        aria-label=words>
                        <bdi class="share-name">{st.name.clone()}</bdi>
                        <span class="share-bar" aria-hidden="true"><span style:inline-size=width></span></span>
                        <span class="share-pct" aria-hidden="true">{l.catalogue().percent(st.percent())}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="result-summary" id="result-summary" aria-labelledby="result-headline">
                <p class="headline" id="result-headline" data-placed=s.placed data-trainees=s.trainees
                    data-short=s.short data-critical=s.critical>
                    {l.catalogue().headline(&s)}
                </p>
                <h3 class="glance-title" id="state-glance-title">{l.catalogue().by_state_glance()}</h3>
                <ul class="state-glance" id="state-glance" aria-labelledby="state-glance-title">{states}</ul>
            </section>
        })
    }
}
