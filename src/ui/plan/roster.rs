//! One session's roster: which states send how many officers, against which needs, and the
//! planner's adjustments of it — pin a placed need's seats, exclude a pairing, pin another need
//! in, remove a pin, allow an excluded need again. Adjustments change the scenario (saved and
//! undoable); the next solve honours them.

use leptos::prelude::*;

use super::store::use_plan;
use crate::model::{NeedId, SessionId};
use crate::ui::i18n::{level_msg, mode_msg, priority_msg, Msg, P};
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::{adjust, roster};

#[component]
pub fn Roster() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let error = RwSignal::new(None::<String>);
    let roster = Memo::new(move |_| {
        let code = lang.get().code();
        let session = plan.session.get()?;
        plan.solved.with(|s| {
            let s = s.as_ref()?;
            store.scenario.with(|current| roster::roster(s, current, &session, code))
        })
    });
    let chosen_need = RwSignal::new(String::new());
    let chosen_seats = RwSignal::new(String::from("1"));
    // The pin of the form waiting for "Pin anyway": it breaks a rule of the need's own, and
    // the planner is told which (as the unmet list tells it) before it is made.
    let confirm = RwSignal::new(None::<(NeedId, SessionId, i64, String)>);
    view! {
        {move || {
            let l = lang.get();
            let Some(r) = roster.get() else { return ().into_any() };
            let session = r.slot.session.clone();
            let code = l.code();
            let currency = store.scenario.with_untracked(|s| s.settings.currency.clone());
            let facts = {
                let mode = mode_msg(&r.mode).map(|m| l.t(m).to_string()).unwrap_or_else(|| r.mode.to_string());
                let cap = r.max_per_state.map(|c| c.to_string()).unwrap_or_else(|| "–".into());
                let open = r
                    .open_to
                    .as_ref()
                    .map(|states| states.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "))
                    .unwrap_or_else(|| l.p(P::AllStatesOption).to_string());
                view! {
                    <dl class="facts">
                        <dt>{l.p(P::Dates)}</dt><dd>{l.catalogue().date_range(r.slot.start, r.slot.end)}</dd>
                        <dt>{l.t(Msg::Location)}</dt><dd><bdi>{r.slot.location.clone()}</bdi></dd>
                        <dt>{l.t(Msg::Mode)}</dt><dd>{mode}</dd>
                        <dt>{l.t(Msg::Language)}</dt><dd>{l.catalogue().language_name(&r.language)}</dd>
                        <dt>{l.t(Msg::Seats)}</dt><dd id="roster-fill" data-filled=r.slot.filled>{l.catalogue().fill(r.slot.filled, r.slot.seats)}</dd>
                        <dt>{l.t(Msg::CapPerState)}</dt><dd>{cap}</dd>
                        <dt>{l.t(Msg::MinParticipants)}</dt><dd>{r.slot.min_participants}</dd>
                        <dt>{l.t(Msg::CostPerSeat)}</dt><dd id="roster-cost">{l.catalogue().money(r.cost_per_seat, &currency)}</dd>
                        <dt>{l.t(Msg::OpenTo)}</dt><dd><bdi>{open}</bdi></dd>
                    </dl>
                }
            };
            let rows = r
                .states
                .iter()
                .flat_map(|st| {
                    let state_label = format!("{} ({})", st.name, st.state);
                    let total = st.seats;
                    st.needs.iter().enumerate().map(move |(i, n)| (i == 0, state_label.clone(), total, n.clone()))
                })
                .map(|(first, state_label, total, n)| {
                    let (need, s1, s2) = (n.need.clone(), session.clone(), session.clone());
                    let need2 = n.need.clone();
                    let seats = n.seats;
                    let pin = move |_| {
                        let (need, s1) = (need.clone(), s1.clone());
                        store.try_change(error, move |sc| adjust::pin(sc, &need, &s1, seats));
                    };
                    let exclude = move |_| {
                        let (need, s2) = (need2.clone(), s2.clone());
                        store.try_change(error, move |sc| adjust::exclude(sc, &need, &s2));
                    };
                    let priority = priority_msg(n.priority).map(|m| l.t(m)).unwrap_or_default();
                    view! {
                        <tr data-need=n.need.to_string() class:first=first>
                            <td>{first.then(|| view! { <bdi>{state_label}</bdi>" · "<span class="num">{l.catalogue().seats(total)}</span> })}</td>
                            <td><bdi class="code">{n.need.to_string()}</bdi></td>
                            <td class="num seats"><bdi dir="ltr">{format!("{} / {}", n.seats, n.trainees)}</bdi></td>
                            <td>{priority}</td>
                            <td class="actions">
                                {match n.pinned {
                                    Some(pinned) => view! { <span class="badge pinned">{l.p(P::Pinned)}" ("{pinned}")"</span> }.into_any(),
                                    None => view! { <button type="button" class="small pin" on:click=pin>{l.p(P::Pin)}</button> }.into_any(),
                                }}
                                " "
                                <button type="button" class="small danger exclude" on:click=exclude>{l.p(P::Exclude)}</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let adjustments = {
                let pins = r.pins.iter().map(|(need, seats)| {
                    let (n, s) = (need.clone(), session.clone());
                    let unpin = move |_| {
                        let (n, s) = (n.clone(), s.clone());
                        store.try_change(error, move |sc| {
                            adjust::unpin(sc, &n, &s);
                            Ok(())
                        });
                    };
                    view! {
                        <li data-need=need.to_string() class="pin-item">
                            <span class="badge pinned">{l.p(P::Pinned)}</span>" "<bdi class="code">{need.to_string()}</bdi>" · "{l.catalogue().seats(*seats)}" "
                            <button type="button" class="small unpin" on:click=unpin>{l.p(P::Unpin)}</button>
                        </li>
                    }
                });
                let exclusions = r.exclusions.iter().map(|need| {
                    let (n, s) = (need.clone(), session.clone());
                    let allow = move |_| {
                        let (n, s) = (n.clone(), s.clone());
                        store.try_change(error, move |sc| {
                            adjust::unexclude(sc, &n, &s);
                            Ok(())
                        });
                    };
                    view! {
                        <li data-need=need.to_string() class="exclusion-item">
                            <span class="badge excluded">{l.p(P::Excluded)}</span>" "<bdi class="code">{need.to_string()}</bdi>" "
                            <button type="button" class="small allow" on:click=allow>{l.p(P::Allow)}</button>
                        </li>
                    }
                });
                let items: Vec<AnyView> =
                    pins.map(|v| v.into_any()).chain(exclusions.map(|v| v.into_any())).collect();
                (!items.is_empty()).then(|| view! {
                    <h3>{l.p(P::Adjustments)}</h3>
                    <ul class="adjustments" id="roster-adjustments">{items}</ul>
                })
            };
            let options = r
                .pinnable
                .iter()
                .map(|o| {
                    // An option holds text only: the figures get a left-to-right isolate.
                    let label = format!("{} — {} · \u{2066}{} / {}\u{2069}", o.need, o.state, o.planned, o.trainees);
                    view! { <option value=o.need.to_string()><bdi>{label}</bdi></option> }
                })
                .collect_view();
            let level = store.scenario.with_untracked(|s| {
                s.session(&session).and_then(|x| s.course(&x.course)).map(|c| (c.skill.clone(), c.level))
            });
            let skill_level = level
                .map(|(skill, level)| {
                    let skill = store
                        .scenario
                        .with_untracked(|s| s.skill(&skill).map(|k| crate::model::name_in(&k.name, code).to_string()))
                        .unwrap_or_else(|| skill.to_string());
                    format!("{skill} · {}", level_msg(level).map(|m| l.t(m)).unwrap_or_default())
                })
                .unwrap_or_default();
            let pin_chosen = {
                let session = session.clone();
                move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let need = NeedId::new(chosen_need.get_untracked());
                    let seats = crate::model::read::whole_number(&chosen_seats.get_untracked()).unwrap_or(0);
                    let session: SessionId = session.clone();
                    let warning = store.scenario.with_untracked(|sc| crate::solve::pair_fact(sc, &need, &session));
                    match warning {
                        Some(fact) if seats >= 1 => {
                            let text = lang.get_untracked().catalogue().pin_warning(&fact);
                            confirm.set(Some((need, session, seats, text)));
                        }
                        _ => {
                            confirm.set(None);
                            store.try_change(error, move |sc| adjust::pin(sc, &need, &session, seats));
                        }
                    }
                }
            };
            let pin_anyway = move |_| {
                if let Some((need, session, seats, _)) = confirm.get_untracked() {
                    confirm.set(None);
                    store.try_change(error, move |sc| adjust::pin(sc, &need, &session, seats));
                }
            };
            let prompt = move || {
                confirm.get().map(|(_, _, _, text)| {
                    view! {
                        <p class="pin-confirm" id="pin-form-confirm" role="alertdialog" aria-label=text.clone()>
                            <span class="warning">{text.clone()}</span>" "
                            <button type="button" class="small danger pin-anyway" on:click=pin_anyway>{l.catalogue().pin_anyway()}</button>" "
                            <button type="button" class="small pin-cancel" on:click=move |_| confirm.set(None)>{l.catalogue().cancel()}</button>
                        </p>
                    }
                })
            };
            let empty = r.states.is_empty();
            view! {
                <aside class="panel roster" id="roster" data-session=session.to_string() aria-labelledby="roster-heading">
                    <div class="panel-head">
                        <h2 id="roster-heading">{l.p(P::Roster)}" · "<bdi class="code">{session.to_string()}</bdi></h2>
                        <button type="button" class="small" id="roster-close" on:click=move |_| plan.session.set(None)>{l.p(P::Close)}</button>
                    </div>
                    <p class="roster-title"><strong>{r.slot.title.clone()}</strong>" · "<span class="muted">{skill_level}</span></p>
                    {facts}
                    {if empty {
                        view! { <p class="empty">{l.p(P::NobodyYet)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="grid roster-table">
                                    <thead><tr>
                                        <th>{l.t(Msg::State)}</th><th>{l.t(Msg::Need)}</th><th class="num">{l.t(Msg::Seats)}</th>
                                        <th>{l.t(Msg::Priority)}</th><th>{l.t(Msg::Actions)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                    {adjustments}
                    <form class="pin-form" id="pin-form" on:submit=pin_chosen>
                        <h3>{l.p(P::PinNeedHere)}</h3>
                        <label class="field">
                            <span>{l.t(Msg::Need)}</span>
                            <select id="pin-need" on:change=move |ev| {
                                confirm.set(None);
                                chosen_need.set(event_target_value(&ev));
                            }>
                                <option value="" selected=true>{l.p(P::ChooseNeed)}</option>
                                {options}
                            </select>
                        </label>
                        <label class="field">
                            <span>{l.t(Msg::Seats)}</span>
                            <input type="text" inputmode="numeric" id="pin-seats" class="in-s" dir="ltr"
                                prop:value=move || chosen_seats.get() on:input=move |ev| chosen_seats.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" class="primary" id="pin-submit">{l.p(P::Pin)}</button>
                    </form>
                    {prompt}
                    {move || error.get().map(|e| view! { <p class="issue" role="alert" id="roster-error">{e}</p> })}
                    <p class="hint">{l.p(P::RosterHint)}</p>
                </aside>
            }
            .into_any()
        }}
    }
}
