//! The scenario's settings, each with a plain-language note on what it does to the plan.

use leptos::prelude::*;

use super::field::Field;
use crate::ui::i18n::Msg;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::field::Kind;

/// Shortest text for a weight (`16`, not `16.0`).
fn number(x: f64) -> String {
    format!("{x}")
}

#[component]
pub fn SettingsForm() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let t = move |m: Msg| move || lang.get().t(m);
    let weight = move |k: usize| {
        view! {
            <label class="weight">
                <span class="muted">{move || crate::ui::i18n::priority_msg(k as i64 + 1).map(|m| lang.get().t(m)).unwrap_or_default()}</span>
                <Field path=format!("settings.priority_weights[{k}]") kind=Kind::Num label=Msg::PriorityWeights size="s"
                    read=move |s| s.settings.priority_weights.get(k).map(|w| number(*w)).unwrap_or_default() />
            </label>
        }
    };
    view! {
        <section class="panel settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t(Msg::TabSettings)}</h2>
            <div class="setting">
                <h3>{t(Msg::ScenarioTitle)}</h3>
                <Field path="title" kind=Kind::Text label=Msg::ScenarioTitle size="l" read=|s| s.title.clone() />
                <p class="explain">{t(Msg::ExplainTitle)}</p>
            </div>
            <div class="setting">
                <h3>{t(Msg::Horizon)}</h3>
                <div class="row">
                    <label class="bound">
                        <span class="bound-label">{t(Msg::From)}</span>
                        <Field path="horizon.start" kind=Kind::WindowDate label=Msg::From
                            read=|s| s.horizon.map(|h| h.start.to_string()).unwrap_or_default() />
                    </label>
                    <label class="bound">
                        <span class="bound-label">{t(Msg::To)}</span>
                        <Field path="horizon.end" kind=Kind::WindowDate label=Msg::To
                            read=|s| s.horizon.map(|h| h.end.to_string()).unwrap_or_default() />
                    </label>
                </div>
                <p class="explain">{t(Msg::ExplainHorizon)}</p>
            </div>
            <div class="setting">
                <h3>{t(Msg::PriorityWeights)}</h3>
                <div class="row">{(0..5).map(weight).collect_view()}</div>
                <p class="explain">{t(Msg::ExplainWeights)}</p>
            </div>
            <div class="setting">
                <h3>{t(Msg::EquityBonus)}</h3>
                <Field path="settings.equity_bonus" kind=Kind::Num label=Msg::EquityBonus size="s"
                    read=|s| number(s.settings.equity_bonus) />
                <p class="explain">{t(Msg::ExplainEquity)}</p>
            </div>
            <div class="setting">
                <h3>{t(Msg::CostWeight)}</h3>
                <Field path="settings.cost_weight" kind=Kind::Num label=Msg::CostWeight size="s"
                    read=|s| number(s.settings.cost_weight) />
                <p class="explain">{t(Msg::ExplainCostWeight)}</p>
            </div>
            <div class="setting">
                <h3>{t(Msg::Currency)}</h3>
                <Field path="settings.currency" kind=Kind::Text label=Msg::Currency size="s" read=|s| s.settings.currency.clone() />
                <p class="explain">{t(Msg::ExplainCurrency)}</p>
            </div>
        </section>
    }
}
