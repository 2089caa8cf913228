//! The sessions of the year, month by month, as a calendar strip, with the sessions "Where to
//! add capacity" proposes (not yet added) marked in their months.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::model::{name_in, Scenario};
use crate::ui::i18n::{Msg, UiLang};
use crate::ui::plan::capacity_store::use_capacity;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::views;

/// What one session's chip shows.
#[derive(Debug, Clone, PartialEq)]
struct Chip {
    id: String,
    title: String,
    start: NaiveDate,
    end: NaiveDate,
    seats: i64,
}

fn chips(s: &Scenario, lang: UiLang, sessions: &[usize]) -> Vec<Chip> {
    sessions
        .iter()
        .map(|&i| {
            let x = &s.sessions[i];
            Chip {
                id: x.id.to_string(),
                title: s.course(&x.course).map(|c| name_in(&c.title, lang.code()).to_string()).unwrap_or_default(),
                start: x.start,
                end: x.end,
                seats: x.seats,
            }
        })
        .collect()
}

fn chip_view(chip: Chip, lang: UiLang) -> impl IntoView {
    let dates = lang.catalogue().date_range(chip.start, chip.end);
    let seats = format!("{}: {}", lang.t(Msg::Seats), chip.seats);
    let tooltip = chip.title.clone();
    view! {
        <li class="chip" title=tooltip>
            <bdi class="code">{chip.id}</bdi>
            <span class="chip-title">{chip.title}</span>
            <span class="muted">{dates}</span>
            <span class="muted">{seats}</span>
        </li>
    }
}

fn proposed_view(chip: Chip, lang: UiLang) -> impl IntoView {
    let dates = lang.catalogue().date_range(chip.start, chip.end);
    let tooltip = chip.title.clone();
    let id = chip.id.clone();
    view! {
        <li class="chip proposed" title=tooltip data-session=id>
            <span class="tag">{lang.catalogue().proposed()}</span>
            <bdi class="code">{chip.id}</bdi>
            <span class="chip-title">{chip.title}</span>
            <span class="muted">{dates}</span>
        </li>
    }
}

#[component]
pub fn YearView() -> impl IntoView {
    let store = use_store();
    let capacity = use_capacity();
    let lang = store.lang;
    // The proposals not yet added, as chips by month of the year on view.
    let proposed = Memo::new(move |_| {
        let lang = lang.get();
        let year = store.scenario.with(|s| views::year_view(s).year);
        let mut months: Vec<Vec<Chip>> = vec![Vec::new(); 12];
        capacity.found.with(|found| {
            store.scenario.with(|s| {
                let proposals = found.as_ref().map(|f| f.proposals.as_slice()).unwrap_or_default();
                for p in proposals.iter().filter(|p| p.session.start.year() == year) {
                    if s.sessions.iter().any(|x| x.id == p.session.id) {
                        continue;
                    }
                    let title = s.course(&p.session.course).map(|c| name_in(&c.title, lang.code())).unwrap_or_default();
                    months[p.session.start.month0() as usize].push(Chip {
                        id: p.session.id.to_string(),
                        title: title.to_string(),
                        start: p.session.start,
                        end: p.session.end,
                        seats: p.session.seats,
                    });
                }
            })
        });
        months
    });
    let year = Memo::new(move |_| {
        let lang = lang.get();
        store.scenario.with(|s| {
            let y = views::year_view(s);
            let months: Vec<Vec<Chip>> = y.months.iter().map(|m| chips(s, lang, m)).collect();
            (y.year, months, chips(s, lang, &y.outside))
        })
    });
    view! {
        <section class="panel" aria-labelledby="year-heading">
            <h2 id="year-heading">{move || lang.get().t(Msg::YearView)} " " {move || year.get().0}</h2>
            <div class="year">
                {move || {
                    let (_, months, _) = year.get();
                    let mut proposed = proposed.get();
                    let l = lang.get_untracked();
                    months
                        .into_iter()
                        .enumerate()
                        .map(|(m, month)| {
                            let empty = month.is_empty();
                            let ideas = std::mem::take(&mut proposed[m]);
                            view! {
                                <div class="month">
                                    <h3>{l.catalogue().month(m as u32 + 1)}</h3>
                                    <ul>{month.into_iter().map(|c| chip_view(c, l)).collect_view()}</ul>
                                    {(!ideas.is_empty()).then(|| view! {
                                        <ul class="proposed" aria-label=l.catalogue().proposed()>
                                            {ideas.into_iter().map(|c| proposed_view(c, l)).collect_view()}
                                        </ul>
                                    })}
                                    {empty.then(|| view! { <p class="muted">{l.t(Msg::NoSessions)}</p> })}
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            {move || {
                let (_, _, outside) = year.get();
                let l = lang.get_untracked();
                (!outside.is_empty())
                    .then(|| {
                        view! {
                            <h3>{l.t(Msg::OtherYears)}</h3>
                            <ul class="chips">{outside.into_iter().map(|c| chip_view(c, l)).collect_view()}</ul>
                        }
                    })
            }}
        </section>
    }
}
