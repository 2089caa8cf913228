//! The Solve button and what it gave: working, the status of the plan (optimal, or the best
//! found within the time limit with its gap), the problems that stopped it, or the pins that
//! cannot all hold — each with a button to remove it. While solving (in the solver's worker)
//! it shows the elapsed time and the best plan so far, and Stop keeps that plan, labelled as
//! stopped. Also says when the plan on screen is out of date.

use leptos::prelude::*;

use super::store::use_plan;
use super::summary::ResultSummary;
use crate::solve::Status;
use crate::ui::i18n::{Msg, P};
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::issue::FieldIssue;
use crate::ui::vm::plan::adjust;
use crate::ui::vm::plan::solved::SolveOutcome;

/// A word for the status, for tests and styling.
fn state_word(outcome: &Option<SolveOutcome>) -> &'static str {
    match outcome {
        None => "idle",
        Some(SolveOutcome::Planned { status: Status::Optimal, .. }) => "optimal",
        Some(SolveOutcome::Planned { status: Status::TimeLimit, .. }) => "time_limit",
        Some(SolveOutcome::Invalid(_)) => "invalid",
        Some(SolveOutcome::Infeasible(_)) => "infeasible",
        Some(SolveOutcome::NoPlanInTime(_)) => "no_plan_in_time",
        Some(SolveOutcome::Failed(_)) => "error",
    }
}

#[component]
pub fn SolveBar() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let p = move |m: P| move || lang.get().p(m);
    let solve = move |_| plan.solve(store);
    let stop = move |_| plan.stop(store);
    let set_gap = move |ev: leptos::ev::Event| {
        if let Ok(percent) = crate::model::read::decimal(&event_target_value(&ev)) {
            if percent.is_finite() && (0.0..=100.0).contains(&percent) {
                plan.gap.set(percent / 100.0);
            }
        }
    };
    let set_limit = move |ev: leptos::ev::Event| {
        if let Ok(seconds) = crate::model::read::decimal(&event_target_value(&ev)) {
            if seconds.is_finite() && seconds >= 1.0 {
                plan.time_limit.set(seconds.min(3600.0));
            }
        }
    };
    let counts = move || {
        let (pins, exclusions) = store.scenario.with(|s| (s.pins.len(), s.exclusions.len()));
        lang.get().catalogue().adjustments(pins, exclusions)
    };
    let ms = move || match plan.outcome.get() {
        Some(SolveOutcome::Planned { ms, .. }) => format!("{ms:.0}"),
        _ => String::new(),
    };
    let status_text = move || {
        let l = lang.get();
        if plan.solving.get() {
            return l.catalogue().progress(plan.elapsed.get() / 1000.0, plan.best_gap.get());
        }
        if let Some(stopped) = plan.stopped.get() {
            return l.catalogue().stopped(stopped);
        }
        match plan.outcome.get() {
            Some(outcome) => l.catalogue().outcome(&outcome),
            None if plan.solved.with(Option::is_none) => l.p(P::NoPlanYet).to_string(),
            None => String::new(),
        }
    };
    let detail = move || {
        let l = lang.get();
        match plan.outcome.get() {
            Some(SolveOutcome::Invalid(problems)) => view! {
                <ul class="problems" id="solve-problems">
                    {problems
                        .iter()
                        .map(|problem| {
                            let issue = FieldIssue::from_problem(problem);
                            view! { <li><bdi class="code">{problem.path.clone()}</bdi>" — "{l.catalogue().issue(&issue.issue)}</li> }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            Some(SolveOutcome::Infeasible(clashes)) => view! {
                <ul class="clashes" id="solve-clashes">
                    {clashes
                        .into_iter()
                        .map(|clash| {
                            let text = l.catalogue().clash(&clash);
                            let buttons = clash
                                .pins
                                .into_iter()
                                .map(|(need, session, _)| {
                                    let label = format!("{} · {}", l.p(P::Unpin), need);
                                    let (n, s) = (need.clone(), session.clone());
                                    let unpin = move |_| {
                                        store.change(|sc| adjust::unpin(sc, &n, &s));
                                    };
                                    view! {
                                        <button type="button" class="small danger unpin" data-need=need.to_string()
                                            data-session=session.to_string() on:click=unpin>
                                            <bdi>{label}</bdi>
                                        </button>
                                    }
                                })
                                .collect_view();
                            view! { <li><span>{text}</span>" "{buttons}</li> }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            _ => ().into_any(),
        }
    };
    view! {
        <div class="panel solve-bar" aria-labelledby="solve">
            <div class="toolbar">
                // Never `disabled` while solving: a disabled button loses the focus to the top of
                // the page. It says it is busy and a second press does nothing (`PlanStore::solve`).
                <button type="button" id="solve" class="primary big" aria-disabled=move || plan.solving.get().to_string()
                    aria-busy=move || plan.solving.get().to_string() on:click=solve>
                    {move || if plan.solving.get() { lang.get().p(P::Solving) } else { lang.get().p(P::Solve) }}
                </button>
                <label class="inline">
                    <span>{p(P::TimeLimit)}</span>
                    <input type="text" inputmode="decimal" id="time-limit" class="in-s" dir="ltr"
                        prop:value=move || plan.time_limit.get().to_string() on:change=set_limit />
                    <span>{p(P::Seconds)}</span>
                </label>
                <label class="inline">
                    <span>{p(P::GapBefore)}</span>
                    <input type="text" inputmode="decimal" id="gap" class="in-s" dir="ltr"
                        prop:value=move || (plan.gap.get() * 100.0).to_string() on:change=set_gap />
                    <span>{p(P::GapAfter)}</span>
                </label>
                <Show when=move || plan.solving.get()>
                    <button type="button" id="stop" class="danger" on:click=stop>{p(P::Stop)}</button>
                </Show>
                <span class="muted" id="adjust-count" title=move || lang.get().t(Msg::TabAdjustments)>{counts}</span>
            </div>
            <ResultSummary />
            <p id="solve-status" role="status" aria-live="polite" class=move || format!("status {}", state_word(&plan.outcome.get()))
                data-state=move || {
                    if plan.solving.get() {
                        "solving"
                    } else if plan.stopped.get().is_some() {
                        "stopped"
                    } else {
                        state_word(&plan.outcome.get())
                    }
                }
                data-ms=ms data-best=move || plan.best_gap.get().map(|gap| gap.to_string())
                data-solves=move || plan.solves.get()>
                {status_text}
            </p>
            {detail}
            <Show when=move || plan.out_of_date.get()>
                <p class="stale" id="plan-stale" role="note">{p(P::OutOfDate)}</p>
            </Show>
        </div>
    }
}
