//! The training calendar of the plan: the year month by month, each session on its dates with
//! its fill (filled of seats, and a bar) and whether it runs. Choosing a session opens its
//! roster beside the calendar.

use leptos::prelude::*;

use super::roster::Roster;
use super::store::use_plan;
use crate::model::SessionId;
use crate::ui::i18n::{UiLang, P};
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::calendar::{self, Slot};

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

#[component]
pub fn PlanCalendar() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let calendar = Memo::new(move |_| {
        let code = lang.get().code();
        plan.solved.with(|s| s.as_ref().map(|s| calendar::calendar(s, code, None)))
    });
    view! {
        <div class=move || if plan.session.with(Option::is_some) { "plan-calendar with-roster" } else { "plan-calendar" }>
            <section class="panel" aria-labelledby="calendar-heading" id="calendar">
                {move || {
                    let l = lang.get();
                    let Some(cal) = calendar.get() else { return ().into_any() };
                    let months = cal
                        .months
                        .into_iter()
                        .enumerate()
                        .map(|(m, slots)| {
                            let empty = slots.is_empty();
                            view! {
                                <div class="month" data-month=m + 1>
                                    <h3>{l.catalogue().month(m as u32 + 1)}</h3>
                                    <ul>{slots.into_iter().map(|s| slot_view(s, l, plan.session)).collect_view()}</ul>
                                    {empty.then(|| view! { <p class="muted">"–"</p> })}
                                </div>
                            }
                        })
                        .collect_view();
                    let outside = (!cal.outside.is_empty())
                        .then(|| {
                            view! {
                                <ul class="year-outside">
                                    {cal.outside.into_iter().map(|s| slot_view(s, l, plan.session)).collect_view()}
                                </ul>
                            }
                        });
                    view! {
                        <div class="panel-head">
                            <h2 id="calendar-heading">{l.catalogue().calendar_title(cal.year, None)}</h2>
                            <span class="totals" id="calendar-running">{l.catalogue().running(cal.running, cal.sessions)}</span>
                        </div>
                        <p class="hint">{l.p(P::CalendarHint)}</p>
                        <div class="year plan-year">{months}</div>
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
