//! One state's part of the plan, as its focal point sees it: the sessions its officers attend
//! and when, how well its needs are covered (overall and by priority), what is left unmet, its
//! calendar and sheet to download, and a print view of its calendar alone.

use leptos::prelude::*;

use super::store::use_plan;
use crate::ui::i18n::{mode_msg, priority_msg, Msg, P};
use crate::ui::shell::browser;
use crate::ui::shell::state_select::{states_of, StateSelect};
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::Words;
use crate::ui::vm::plan::calendar::plan_year;
use crate::ui::vm::plan::exports::{self, Export};
use crate::ui::vm::plan::{by_state, percent};

#[component]
pub fn ByState() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let states =
        Memo::new(move |_| plan.solved.with(|s| s.as_ref().map(|s| states_of(&s.scenario)).unwrap_or_default()));
    // The state on view: the one chosen here, else the focal point's, else the first.
    let code = Memo::new(move |_| {
        let list = states.get();
        plan.state
            .get()
            .or_else(|| Some(store.focal_state.get()))
            .filter(|c| list.iter().any(|(code, _)| code == c))
            .or_else(|| list.first().map(|(c, _)| c.clone()))
    });
    let view_of = Memo::new(move |_| {
        let l = lang.get().code();
        let code = code.get()?;
        plan.report.with(|report| {
            let report = report.as_ref()?;
            plan.solved.with(|s| by_state::state_view(s.as_ref()?, report, &code, l))
        })
    });
    let download = move |export: Export| {
        let (Some(code), l) = (code.get_untracked(), lang.get_untracked()) else { return };
        let file = plan.solved.with_untracked(|s| {
            s.as_ref()
                .map(|s| exports::export(s, export, Some(&code), exports::export_lang(l.code()), browser::now_utc()))
        });
        if let Some(Ok(file)) = file {
            browser::download_file(&file.name, file.mime, &file.text);
        }
    };
    view! {
        <section class="panel print-area" id="by-state" aria-labelledby="by-state-heading">
            <div class="toolbar no-print">
                <StateSelect id="by-state-select" label=Words::Msg(Msg::State) states=states chosen=code
                    on_choose=move |code| plan.state.set(code) />
                <button type="button" id="state-ics" on:click=move |_| download(Export::Ics)>
                    {move || lang.get().p(P::ExportIcs)}
                </button>
                <button type="button" id="state-csv" on:click=move |_| download(Export::PlanCsv)>
                    {move || lang.get().p(P::ExportPlanCsv)}
                </button>
                <button type="button" id="print-state" title=move || lang.get().p(P::PrintHint) on:click=move |_| browser::print()>
                    {move || lang.get().p(P::Print)}
                </button>
            </div>
            {move || {
                let l = lang.get();
                let Some(v) = view_of.get() else { return ().into_any() };
                let year = plan.solved.with(|s| s.as_ref().map(|s| plan_year(&s.scenario))).unwrap_or(crate::model::read::FALLBACK_YEAR);
                let c = &v.coverage;
                let priorities = (1..=5i64)
                    .rev()
                    .filter_map(|p| {
                        let (needed, planned) = c.by_priority[(p - 1) as usize];
                        (needed > 0).then(|| {
                            view! {
                                <tr>
                                    <th scope="row">{priority_msg(p).map(|m| l.t(m)).unwrap_or_default()}</th>
                                    <td class="num">{planned}</td>
                                    <td class="num">{needed}</td>
                                    <td class="num">{format!("{}%", percent(planned, needed))}</td>
                                </tr>
                            }
                        })
                    })
                    .collect_view();
                let attend = v
                    .attend
                    .iter()
                    .map(|a| {
                        let mode = mode_msg(&a.mode).map(|m| l.t(m).to_string()).unwrap_or_else(|| a.mode.to_string());
                        let needs = a
                            .needs
                            .iter()
                            .map(|(n, seats)| view! { <bdi class="code">{format!("{n} ({seats})")}</bdi>" " })
                            .collect_view();
                        view! {
                            <tr data-session=a.slot.session.to_string()>
                                <td class="nowrap">{l.catalogue().date_range(a.slot.start, a.slot.end)}</td>
                                <td><bdi class="code">{a.slot.session.to_string()}</bdi></td>
                                <td>{a.slot.title.clone()}</td>
                                <td><bdi>{a.slot.location.clone()}</bdi></td>
                                <td>{mode}" · "{l.catalogue().language_name(&a.language)}</td>
                                <td class="num state-seats">{a.slot.state_seats.unwrap_or(0)}</td>
                                <td class="need-list">{needs}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let unmet = v
                    .unmet
                    .iter()
                    .map(|(need, seats, reason)| {
                        view! {
                            <li data-need=need.to_string()>
                                <bdi class="code">{need.to_string()}</bdi>" · "{l.catalogue().seats(*seats)}" — "{l.catalogue().reason(*reason)}
                            </li>
                        }
                    })
                    .collect_view();
                let nothing = v.attend.is_empty();
                let no_unmet = v.unmet.is_empty();
                view! {
                    <div class="panel-head">
                        <h2 id="by-state-heading">{l.catalogue().calendar_title(year, Some(&v.name))}</h2>
                        <span class="totals" id="state-coverage">{l.p(P::Coverage)}": "{l.catalogue().coverage(c.planned, c.needed)}</span>
                    </div>
                    {if nothing {
                        view! { <p class="empty">{l.p(P::NothingAttended)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="grid state-sessions">
                                    <thead><tr>
                                        <th>{l.p(P::Dates)}</th><th>{l.t(Msg::Session)}</th><th>{l.t(Msg::Course)}</th>
                                        <th>{l.t(Msg::Location)}</th><th>{l.t(Msg::Mode)}</th><th class="num">{l.t(Msg::Seats)}</th>
                                        <th>{l.t(Msg::Need)}</th>
                                    </tr></thead>
                                    <tbody>{attend}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                    <div class="state-columns">
                        <div>
                            <h3>{l.p(P::ByPriority)}</h3>
                            <table class="grid coverage-table">
                                <thead><tr>
                                    <th>{l.t(Msg::Priority)}</th><th class="num">{l.p(P::Planned)}</th>
                                    <th class="num">{l.p(P::Needed)}</th><th class="num">"%"</th>
                                </tr></thead>
                                <tbody>{priorities}</tbody>
                                <tfoot><tr>
                                    <th scope="row">{l.t(Msg::Total)}</th><td class="num">{c.planned}</td>
                                    <td class="num">{c.needed}</td><td class="num">{format!("{}%", percent(c.planned, c.needed))}</td>
                                </tr></tfoot>
                            </table>
                        </div>
                        <div>
                            <h3>{l.p(P::UnmetOfState)}</h3>
                            {if no_unmet {
                                view! { <p class="empty">{l.p(P::NoUnmet)}</p> }.into_any()
                            } else {
                                view! { <ul class="state-unmet">{unmet}</ul> }.into_any()
                            }}
                        </div>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
