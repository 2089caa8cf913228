//! Every unmet need of the plan with its reason (SPEC §4) in plain words and the facts behind
//! it: each compatible session and why it took no more (full, at the state's cap, not running,
//! over budget), or the rule that kept each same-skill session away (language, mode, dates,
//! blackout, restriction, exclusion), or the levels that exist instead. From here a need can be
//! pinned into one of those sessions, and the session's roster opened. Each need also shows
//! what would fix it, found in the solver's worker after each plan (`remedy.rs`), with Apply.

use leptos::prelude::*;

use super::remedy::{find_fixes_after_each_plan, FixesStatus, NeedFixes};
use super::store::use_plan;
use crate::model::{order, NeedId, SessionId, StateCode};
use crate::solve::Reason;
use crate::ui::i18n::{level_msg, priority_msg, Msg, P};
use crate::ui::shell::state_select::{states_of, StateSelect};
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::Words;
use crate::ui::vm::plan::{adjust, unmet_list};

#[component]
pub fn UnmetList() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let state = RwSignal::new(None::<StateCode>);
    let reason = RwSignal::new(None::<Reason>);
    let error = RwSignal::new(None::<String>);
    // The pin waiting for "Pin anyway": one that breaks a rule of the need's own.
    let confirm = RwSignal::new(None::<(NeedId, SessionId)>);
    // Connected, only the planner pins: a focal point reads its unmet needs and their reasons.
    let may_pin = crate::ui::shell::server::may_pin();
    find_fixes_after_each_plan();
    let rows = Memo::new(move |_| {
        let code = lang.get().code();
        let filter = state.get();
        plan.explanations.with(|why| {
            plan.solved
                .with(|s| s.as_ref().map(|s| unmet_list::unmet_rows(s, why, code, filter.as_ref())).unwrap_or_default())
        })
    });
    let pinned = Memo::new(move |_| {
        store.scenario.with(|s| order::set(s.pins.iter().map(|p| (p.need.clone(), p.session.clone()))))
    });
    let pivot = Memo::new(move |_| {
        plan.solved.with(|s| s.as_ref().map(|s| unmet_list::pivot(s, lang.get().code())).unwrap_or_default())
    });
    let states =
        Memo::new(move |_| plan.solved.with(|s| s.as_ref().map(|s| states_of(&s.scenario)).unwrap_or_default()));
    let choose_reason = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        reason.set(Reason::ALL.into_iter().find(|r| r.as_str() == code));
    };
    let pin = move |need: NeedId, session: SessionId, seats: i64| {
        store.try_change(error, |next| adjust::pin(next, &need, &session, seats));
    };
    view! {
        <section class="panel" id="unmet" aria-labelledby="unmet-heading">
            <div class="panel-head">
                <h2 id="unmet-heading">{move || lang.get().p(P::ViewUnmet)}</h2>
                <span class="totals" id="unmet-total">
                    {move || {
                        let rows = rows.get();
                        lang.get().catalogue().unmet_total(rows.len(), rows.iter().map(|r| r.seats).sum())
                    }}
                </span>
            </div>
            <p class="hint">{move || lang.get().p(P::UnmetHint)}</p>
            {move || {
                let l = lang.get();
                let p = pivot.get();
                (!p.rows.is_empty()).then(|| {
                    let head = p
                        .reasons
                        .iter()
                        .map(|r| view! { <th class="num" scope="col" data-reason=r.as_str()>{l.catalogue().reason_name(*r)}</th> })
                        .collect_view();
                    let body = p
                        .rows
                        .iter()
                        .map(|row| {
                            let cells = row
                                .counts
                                .iter()
                                .zip(&p.reasons)
                                .map(|(n, r)| view! { <td class="num" data-reason=r.as_str()>{(*n > 0).then(|| n.to_string())}</td> })
                                .collect_view();
                            view! {
                                <tr data-state=row.state.to_string()>
                                    <th scope="row"><bdi>{row.state_name.clone()}</bdi></th>
                                    {cells}
                                    <td class="num total">{row.total}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let totals = p.totals.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view();
                    view! {
                        <details class="pivot" id="unmet-pivot-box" open=true>
                            <summary>{l.catalogue().pivot_title()}</summary>
                            <div class="table-wrap">
                                <table class="grid pivot-table" id="unmet-pivot">
                                    <thead><tr><th scope="col">{l.t(Msg::State)}</th>{head}<th class="num" scope="col">{l.catalogue().total()}</th></tr></thead>
                                    <tbody>{body}</tbody>
                                    <tfoot><tr class="totals-row"><th scope="row">{l.catalogue().total()}</th>{totals}<td class="num total">{p.total}</td></tr></tfoot>
                                </table>
                            </div>
                        </details>
                    }
                })
            }}
            <div class="toolbar">
                <StateSelect id="unmet-state" label=Words::Msg(Msg::State) states=states chosen=state
                    on_choose=move |code| state.set(code) all=Words::Plan(P::AllStatesOption) />
                <label class="inline">
                    <span>{move || lang.get().p(P::Reason)}</span>
                    <select id="unmet-reason" on:change=choose_reason>
                        <option value="" selected=move || reason.with(Option::is_none)>{move || lang.get().p(P::AllReasons)}</option>
                        {move || {
                            let l = lang.get();
                            let rows = rows.get();
                            Reason::ALL
                                .into_iter()
                                .filter_map(|r| {
                                    let count = rows.iter().filter(|row| row.reason == r).count();
                                    (count > 0).then(|| {
                                        let selected = reason.get_untracked() == Some(r);
                                        view! { <option value=r.as_str() selected=selected>{format!("{} ({count})", l.catalogue().reason_name(r))}</option> }
                                    })
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            <p class="muted harm-order">{move || lang.get().catalogue().harm_order()}</p>
            <FixesStatus />
            {move || error.get().map(|e| view! { <p class="issue" role="alert" id="unmet-error">{e}</p> })}
            {move || {
                let l = lang.get();
                let chosen = reason.get();
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="empty">{l.p(P::NoUnmet)}</p> }.into_any();
                }
                let pinned = pinned.get();
                let items = rows
                    .into_iter()
                    .filter(|row| chosen.is_none_or(|r| r == row.reason))
                    .map(|row| {
                        let level = level_msg(row.level).map(|m| l.t(m)).unwrap_or_default();
                        let priority = priority_msg(row.priority).map(|m| l.t(m)).unwrap_or_default();
                        let missing = l.catalogue().without_seat(row.seats, row.trainees);
                        let details = row
                            .details
                            .iter()
                            .map(|detail| {
                                let text = l.catalogue().detail(detail);
                                let warning = detail.pin_warning().map(|fact| l.catalogue().pin_warning(fact));
                                let actions = detail.pinnable().filter(|_| may_pin).map(|session| {
                                    let seats = plan.solved.with_untracked(|s| {
                                        s.as_ref().map_or(1, |s| unmet_list::suggested_seats(&s.scenario, row.seats, session))
                                    });
                                    let is_pinned = pinned.contains(&(row.need.clone(), session.clone()));
                                    let key = (row.need.clone(), session.clone());
                                    let label = format!("{} ({seats})", l.p(P::PinHere));
                                    let s2 = session.clone();
                                    let pin_button = if is_pinned {
                                        view! { <span class="badge pinned">{l.p(P::Pinned)}</span> }.into_any()
                                    } else if let Some(text) = warning {
                                        let (ask, shown) = (key.clone(), key.clone());
                                        let asking = move || confirm.with(|c| c.as_ref() == Some(&shown));
                                        let expanded = asking.clone();
                                        let prompt = move || {
                                            let key = key.clone();
                                            let text = text.clone();
                                            asking().then(move || {
                                                let (need, session) = key;
                                                let yes = move |_| {
                                                    confirm.set(None);
                                                    pin(need.clone(), session.clone(), seats);
                                                };
                                                view! {
                                                    <span class="pin-confirm" role="alertdialog" aria-label=text.clone()>
                                                        <span class="warning">{text.clone()}</span>" "
                                                        <button type="button" class="small danger pin-anyway" on:click=yes>{l.catalogue().pin_anyway()}</button>" "
                                                        <button type="button" class="small pin-cancel" on:click=move |_| confirm.set(None)>{l.catalogue().cancel()}</button>
                                                    </span>
                                                }
                                            })
                                        };
                                        view! {
                                            <button type="button" class="small pin-here" data-session=session.to_string() data-warns="true"
                                                aria-expanded=move || expanded().to_string() on:click=move |_| confirm.set(Some(ask.clone()))>
                                                {label}
                                            </button>
                                            {prompt}
                                        }.into_any()
                                    } else {
                                        let (need, s1) = key;
                                        view! {
                                            <button type="button" class="small pin-here" data-session=session.to_string()
                                                on:click=move |_| pin(need.clone(), s1.clone(), seats)>
                                                {label}
                                            </button>
                                        }.into_any()
                                    };
                                    view! {
                                        " "
                                        {pin_button}
                                        " "
                                        <button type="button" class="small link open-roster" on:click=move |_| plan.open_roster(s2.clone())>
                                            {l.p(P::Roster)}
                                        </button>
                                    }
                                });
                                view! { <li><span>{text}</span>{actions}</li> }
                            })
                            .collect_view();
                        view! {
                            <li class="unmet-row" data-need=row.need.to_string() data-reason=row.reason.as_str() data-missing=row.seats>
                                <div class="unmet-head">
                                    <bdi class="code">{row.need.to_string()}</bdi>
                                    <span><bdi>{row.state_name.clone()}</bdi>" · "<bdi>{row.skill_name.clone()}</bdi>" · "{level}" · "{priority}</span>
                                    <strong class="missing">{missing}</strong>
                                </div>
                                <p class="reason">
                                    {if row.pinned > 0 && row.reason == Reason::NoCompatibleSession {
                                        l.catalogue().no_other_session()
                                    } else {
                                        l.catalogue().reason(row.reason)
                                    }}
                                </p>
                                {(row.pinned > 0).then(|| view! { <p class="held" data-pinned=row.pinned>{l.catalogue().held_by_pins(row.pinned)}</p> })}
                                <ul class="details">{details}</ul>
                                <NeedFixes need=row.need.clone() state=row.state.clone() error=error />
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ol class="unmet-list">{items}</ol> }.into_any()
            }}
        </section>
    }
}
