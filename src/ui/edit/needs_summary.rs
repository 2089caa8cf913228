//! A state's needs added up by skill and priority, drawn right after the page's first paint:
//! it sits below the needs table, whose first rows show first.

use leptos::prelude::*;

use crate::model::{name_in, StateCode};
use crate::ui::i18n::{priority_msg, Msg};
use crate::ui::shell::browser;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::views;

#[component]
pub fn NeedsSummary(#[prop(into)] state: Signal<Option<StateCode>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let summary = Memo::new(move |_| store.scenario.with(|s| views::summary(s, state.get().as_ref())));
    let t = move |m: Msg| move || lang.get().t(m);
    let ready = RwSignal::new(false);
    browser::after_paint(move || {
        ready.try_set(true);
    });
    view! {
        <Show when=move || ready.get()>
            <section class="panel" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{t(Msg::SummaryHeading)}</h2>
                <div class="table-wrap">
                    <table class="grid summary">
                        <thead>
                            <tr>
                                <th>{t(Msg::Skill)}</th>
                                {(1..=5)
                                    .map(|p| view! { <th class="num">{move || priority_msg(p).map(|m| lang.get().t(m)).unwrap_or_default()}</th> })
                                    .collect_view()}
                                <th class="num">{t(Msg::Total)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            // Keyed by what a row shows: an edit redraws the rows it changed only.
                            <For
                                each=move || summary.get().rows
                                key=|row| (row.skill.to_string(), row.by_priority, row.total)
                                children=move |row| {
                                    let skill = row.skill.clone();
                                    let name = move || {
                                        let code = lang.get().code();
                                        store
                                            .scenario
                                            .with(|s| s.skill(&skill).map(|k| name_in(&k.name, code).to_string()))
                                            .unwrap_or_else(|| skill.to_string())
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row"><bdi>{name}</bdi></th>
                                            {row.by_priority.iter().map(|n| view! { <td class="num">{cell(*n)}</td> }).collect_view()}
                                            <td class="num strong">{row.total}</td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{t(Msg::Total)}</th>
                                {move || {
                                    summary.get().by_priority.iter().map(|n| view! { <td class="num">{cell(*n)}</td> }).collect_view()
                                }}
                                <td class="num strong" id="summary-total">{move || summary.get().total}</td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            </section>
        </Show>
    }
}

/// Zero shows as a dash so the figures stand out.
fn cell(n: i64) -> String {
    if n == 0 {
        "–".to_string()
    } else {
        n.to_string()
    }
}
