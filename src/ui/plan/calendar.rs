//! The training calendar of the plan: the year as a timeline, twelve month columns and each
//! skill's sessions as bars on their dates, with their fill, the full title on hover and focus
//! (title and accessible name), and sessions that will not run marked in words on the bar and
//! listed below. Choosing a session opens its roster beside the calendar.

use leptos::prelude::*;

use super::roster::Roster;
use super::store::use_plan;
use crate::model::{SessionId, StateCode};
use crate::ui::i18n::{UiLang, P};
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::calendar::Slot;
use crate::ui::vm::plan::timeline::{self, Bar};

fn slot_view(slot: Slot, lang: UiLang, selected: RwSignal<Option<SessionId>>) -> impl IntoView {
    let dates = lang.catalogue().date_range(slot.start, slot.end);
    let fill_text = lang.catalogue().fill(slot.filled, slot.seats);
    let run = if slot.running { lang.p(P::Running) } else { lang.p(P::NotRunning) };
    // Set through the CSSOM (`style:`), which the Content-Security-Policy allows; a `style`
    // attribute would be refused.
    let width = format!("{:.1}%", slot.fill() * 100.0);
    let id = slot.session.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.as_ref() == Some(&id)).to_string()
    };
    let class = if slot.running { "slot running" } else { "slot idle" };
    let choose = {
        let id = id.clone();
        move |_| selected.set(Some(id.clone()))
    };
    view! {
        <li>
            <button type="button" class=class data-session=id.to_string() data-filled=slot.filled data-seats=slot.seats
                data-running=slot.running.to_string() aria-pressed=is_selected title=slot.title.clone() on:click=choose>
                <span class="slot-head"><bdi class="code">{id.to_string()}</bdi><span class="run">{run}</span></span>
                <span class="chip-title">{slot.title.clone()}</span>
                <span class="muted">{dates}</span>
                <span class="fill" aria-hidden="true"><span class="fill-bar" style:inline-size=width></span></span>
                <span class="fill-text">{fill_text}</span>
            </button>
        </li>
    }
}

/// Everything a bar stands for, for its title and accessible name.
fn bar_words(slot: &Slot, lang: UiLang) -> String {
    let c = lang.catalogue();
    let run = if slot.running { lang.p(P::Running).to_string() } else { c.will_not_run(slot.min_participants) };
    format!(
        "{} · {} · {} · {} · {run}",
        slot.title,
        slot.session,
        c.date_range(slot.start, slot.end),
        c.fill(slot.filled, slot.seats)
    )
}

fn bar_view(bar: Bar, lang: UiLang, selected: RwSignal<Option<SessionId>>) -> impl IntoView {
    let slot = bar.slot;
    let words = bar_words(&slot, lang);
    let id = slot.session.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.as_ref() == Some(&id)).to_string()
    };
    let choose = {
        let id = id.clone();
        move |_| selected.set(Some(id.clone()))
    };
    let class = if slot.running { "slot bar running" } else { "slot bar idle" };
    // Placed through the CSSOM (`style:`), which the Content-Security-Policy allows.
    let (start, width) = (format!("{:.3}%", bar.start * 100.0), format!("{:.3}%", bar.width * 100.0));
    let fill = format!("{:.1}%", slot.fill() * 100.0);
    let text = if slot.running {
        view! { <bdi class="bar-fill-text" dir="ltr">{format!("{}/{}", slot.filled, slot.seats)}</bdi> }.into_any()
    } else {
        view! { <span class="bar-off">{lang.catalogue().not_running_mark()}</span> }.into_any()
    };
    view! {
        <button type="button" class=class data-session=id.to_string() data-filled=slot.filled data-seats=slot.seats
            data-running=slot.running.to_string() aria-pressed=is_selected title=words.clone() aria-label=words
            style:inset-inline-start=start style:inline-size=width on:click=choose>
            <span class="bar-level" aria-hidden="true" style:inline-size=fill></span>
            {text}
        </button>
    }
}

/// `state`: only the sessions that state has seats in (a focal point's published calendar).
#[component]
pub fn PlanCalendar(#[prop(optional)] state: Option<StateCode>) -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let timeline = Memo::new(move |_| {
        let code = lang.get().code();
        plan.solved.with(|s| s.as_ref().map(|s| timeline::timeline_of(s, code, state.as_ref())))
    });
    view! {
        <div class=move || if plan.session.with(Option::is_some) { "plan-calendar with-roster" } else { "plan-calendar" }>
            <section class="panel" aria-labelledby="calendar-heading" id="calendar">
                {move || {
                    let l = lang.get();
                    let Some(t) = timeline.get() else { return ().into_any() };
                    let columns = t.month_days.iter().map(|d| format!("{d}fr")).collect::<Vec<_>>().join(" ");
                    let months = (1..=12u32)
                        .map(|m| view! { <span class="tl-month" data-month=m>{l.catalogue().month(m)}</span> })
                        .collect_view();
                    let grid = {
                        let columns = columns.clone();
                        move || {
                            let cells = (1..=12).map(|_| view! { <span></span> }).collect_view();
                            view! { <div class="tl-grid" aria-hidden="true" style:grid-template-columns=columns.clone()>{cells}</div> }
                        }
                    };
                    let skills = t
                        .skills
                        .into_iter()
                        .map(|row| {
                            let lanes = row
                                .lanes
                                .into_iter()
                                .map(|lane| {
                                    view! {
                                        <li class="tl-lane">{lane.into_iter().map(|b| bar_view(b, l, plan.session)).collect_view()}</li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="tl-row" role="group" aria-label=row.name.clone() data-skill=row.skill.to_string()>
                                    <div class="tl-skill"><bdi>{row.name.clone()}</bdi></div>
                                    <div class="tl-track">{grid.clone()()}<ul class="tl-lanes">{lanes}</ul></div>
                                </div>
                            }
                        })
                        .collect_view();
                    let not_running = (!t.not_running.is_empty()).then(|| {
                        let items = t
                            .not_running
                            .iter()
                            .map(|slot| {
                                view! {
                                    <li data-session=slot.session.to_string()>
                                        <bdi class="code">{slot.session.to_string()}</bdi>" "
                                        <bdi>{slot.title.clone()}</bdi>" · "
                                        <span class="nowrap">{l.catalogue().date_range(slot.start, slot.end)}</span>" · "
                                        {l.catalogue().will_not_run(slot.min_participants)}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <details class="not-running" id="not-running">
                                <summary>{format!("{} ({})", l.catalogue().not_running_title(), t.not_running.len())}</summary>
                                <ul>{items}</ul>
                            </details>
                        }
                    });
                    let outside = (!t.outside.is_empty())
                        .then(|| {
                            view! {
                                <ul class="year-outside">
                                    {t.outside.into_iter().map(|s| slot_view(s, l, plan.session)).collect_view()}
                                </ul>
                            }
                        });
                    view! {
                        <div class="panel-head">
                            <h2 id="calendar-heading">{l.catalogue().calendar_title(t.year, None)}</h2>
                            <span class="totals" id="calendar-running">{l.catalogue().running(t.running, t.sessions)}</span>
                        </div>
                        <p class="hint">{l.p(P::CalendarHint)}</p>
                        <div class="timeline plan-year" id="timeline">
                            <div class="tl-row tl-head" aria-hidden="true">
                                <div class="tl-skill"></div>
                                <div class="tl-months" style:grid-template-columns=columns>{months}</div>
                            </div>
                            {skills}
                        </div>
                        {not_running}
                        {outside}
                    }
                    .into_any()
                }}
            </section>
            <Show when=move || plan.session.with(Option::is_some)>
                <Roster />
            </Show>
        </div>
    }
}
