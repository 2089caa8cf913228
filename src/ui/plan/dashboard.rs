//! The coverage dashboard: the plan's totals (seats offered and filled, sessions running, needs
//! fully, partly and not met, priority-weighted coverage, cost) and charts of trainees needed
//! and planned per state and per skill.

use leptos::prelude::*;

use super::bar_chart::BarChart;
use super::store::use_plan;
use crate::ui::i18n::P;
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::{dashboard, percent};

#[component]
pub fn Dashboard() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let by_state = Signal::derive(move || {
        let code = lang.get().code();
        plan.report.with(|r| {
            plan.solved.with(|s| match (s, r) {
                (Some(s), Some(r)) => dashboard::state_bars(s, r, code),
                _ => Vec::new(),
            })
        })
    });
    let by_skill = Signal::derive(move || {
        let code = lang.get().code();
        plan.report.with(|r| {
            plan.solved.with(|s| match (s, r) {
                (Some(s), Some(r)) => dashboard::skill_bars(s, r, code),
                _ => Vec::new(),
            })
        })
    });
    let totals = move || {
        let l = lang.get();
        let report = plan.report.get()?;
        let currency = plan.solved.with(|s| s.as_ref().map(|s| s.scenario.settings.currency.clone()))?;
        let t = report.totals;
        let needed: i64 = report.by_state.values().map(|c| c.needed).sum();
        let planned: i64 = report.by_state.values().map(|c| c.planned).sum();
        let sessions = plan.solved.with(|s| s.as_ref().map_or(0, |s| s.scenario.sessions.len()));
        let cards: Vec<(&str, P, String)> = vec![
            ("total-seats-offered", P::SeatsOffered, t.seats_offered.to_string()),
            ("total-seats-filled", P::SeatsFilled, t.seats_filled.to_string()),
            ("total-sessions-running", P::SessionsRunning, format!("{} / {sessions}", t.sessions_running)),
            ("total-needs-met", P::NeedsMet, t.needs_met.to_string()),
            ("total-needs-partly", P::NeedsPartly, t.needs_partly_met.to_string()),
            ("total-needs-not-met", P::NeedsNotMet, t.needs_not_met.to_string()),
            ("total-coverage", P::Coverage, format!("{}%", percent(planned, needed))),
            ("total-weighted", P::WeightedCoverage, format!("{:.1}%", t.weighted_coverage * 100.0)),
            ("total-cost", P::PlanCost, l.catalogue().money(t.cost, &currency)),
        ];
        Some(
            cards
                .into_iter()
                .map(|(id, label, value)| {
                    // Money carries words (the currency) whose side depends on the language.
                    let dir = if id == "total-cost" { "auto" } else { "ltr" };
                    view! {
                        <div class="card">
                            <dt>{l.p(label)}</dt>
                            <dd id=id dir=dir>{value}</dd>
                        </div>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="panel" id="dashboard" aria-labelledby="dashboard-heading">
            <h2 id="dashboard-heading">{move || lang.get().p(P::Coverage)}</h2>
            <dl class="cards">{totals}</dl>
            <div class="charts">
                <BarChart id="chart-states" title=P::ChartByState rows=by_state />
                <BarChart id="chart-skills" title=P::ChartBySkill rows=by_skill />
            </div>
        </section>
    }
}
