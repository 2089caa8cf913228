//! "Where to add capacity" (issue 14, SPEC §7): the number of sessions to propose (1–10), the
//! search in the solver's worker with its elapsed time and Stop, the result in words, and one
//! card per proposal — the course's title, its dates in words, mode and place, who it seats by
//! state and priority, its gain — with "Add as draft session", an undoable edit that appends
//! the very session the core valued. In the centre's workspace the Solve bar comes first, so
//! solving again shows the promised gain.

use leptos::prelude::*;

use super::capacity_store::use_capacity;
use super::solve_bar::SolveBar;
use crate::solve::Status;
use crate::ui::i18n::{mode_msg, P};
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::capacity::{self, ProposalRow, MAX_K};

#[component]
pub fn CapacityPanel(
    /// Show the Solve bar above the panel (the centre's workspace has no other).
    #[prop(optional)]
    solve_bar: bool,
) -> impl IntoView {
    let store = use_store();
    let capacity = use_capacity();
    let lang = store.lang;
    let find = move |_| capacity.search(store.scenario.get_untracked());
    let stop = move |_| capacity.stop();
    let set_k = move |ev: leptos::ev::Event| {
        if let Ok(k) = event_target_value(&ev).parse::<usize>() {
            capacity.k.set(k.clamp(1, MAX_K));
        }
    };
    let rows = Memo::new(move |_| {
        let code = lang.get().code();
        capacity.found.with(|found| {
            found.as_ref().map(|f| store.scenario.with(|s| capacity::rows(&f.proposals, s, code))).unwrap_or_default()
        })
    });
    let status = move || {
        let words = lang.get().catalogue();
        if capacity.searching.get() {
            return words.finding(capacity.elapsed.get() / 1000.0);
        }
        if let Some(why) = capacity.refused.get() {
            return words.capacity_refused(&why);
        }
        if capacity.stopped.get() {
            return words.search_stopped().to_string();
        }
        capacity.found.with(|found| {
            found
                .as_ref()
                .map(|f| {
                    let shortfall = capacity::shortfall_percent(f.objective, f.bound);
                    words.found(f.proposals.len(), f.asked, f.status, shortfall, f.ms / 1000.0)
                })
                .unwrap_or_default()
        })
    };
    let state_word = move || {
        if capacity.searching.get() {
            "searching"
        } else if capacity.refused.with(Option::is_some) {
            "refused"
        } else if capacity.stopped.get() {
            "stopped"
        } else if capacity.found.with(Option::is_some) {
            "found"
        } else {
            "idle"
        }
    };
    let options = move || {
        (1..=MAX_K)
            .map(|k| view! { <option value=k.to_string() selected=move || capacity.k.get() == k>{k}</option> })
            .collect_view()
    };
    view! {
        {solve_bar.then(|| view! { <SolveBar /> })}
        <section class="panel capacity" id="capacity" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">{move || lang.get().catalogue().capacity_title()}</h2>
            <p class="muted">{move || lang.get().catalogue().capacity_intro()}</p>
            <div class="toolbar">
                <label class="inline">
                    <span>{move || lang.get().catalogue().sessions_to_propose()}</span>
                    <select id="capacity-k" on:change=set_k>{options}</select>
                </label>
                <button type="button" id="capacity-find" class="primary" disabled=move || capacity.searching.get()
                    aria-busy=move || capacity.searching.get().to_string() on:click=find>
                    {move || lang.get().catalogue().find_capacity()}
                </button>
                <Show when=move || capacity.searching.get()>
                    <button type="button" id="capacity-stop" class="danger" on:click=stop>
                        {move || lang.get().p(P::Stop)}
                    </button>
                </Show>
            </div>
            <p id="capacity-status" role="status" aria-live="polite" data-state=state_word
                data-ms=move || capacity.found.with(|f| f.as_ref().map(|f| format!("{:.0}", f.ms)))
                data-status=move || capacity.found.with(|f| f.as_ref().map(|f| status_word(f.status)))>
                {status}
            </p>
            <ol class="proposals" id="proposals">
                {move || rows.get().into_iter().map(proposal).collect_view()}
            </ol>
        </section>
    }
}

/// The status as the plan file writes it.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Optimal => "optimal",
        Status::TimeLimit => "time_limit",
    }
}

/// One proposal's card.
fn proposal(row: ProposalRow) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let l = lang.get_untracked();
    let words = l.catalogue();
    let mode = row.mode.as_ref().and_then(mode_msg).map(|m| l.t(m).to_string()).unwrap_or_default();
    // An online course's place is often the mode's own word: said once.
    let place = if row.location.is_empty() || row.location.eq_ignore_ascii_case(&mode) {
        mode
    } else if mode.is_empty() {
        row.location.clone()
    } else {
        format!("{mode} · {}", row.location)
    };
    let gainers = row
        .gainers
        .iter()
        .map(|g| view! { <li data-state=g.state.to_string() data-priority=g.priority><bdi>{words.gainers(g)}</bdi></li> })
        .collect_view();
    let session = row.session.clone();
    let add = move |_| {
        store.change(|s| capacity::add(s, &session));
    };
    view! {
        <li class="proposal" data-session=row.session.id.to_string() data-trainees=row.trainees
            data-gain=row.gain.to_string() data-added=row.added.to_string()>
            <h3><bdi class="proposal-title">{row.title.clone()}</bdi></h3>
            <p class="proposal-days">{words.days(row.start, row.end)}</p>
            <p class="muted">
                <bdi>{place}</bdi>" · "<bdi class="code">{row.session.id.to_string()}</bdi>
            </p>
            <p><strong class="proposal-placed">{words.more_placed(row.trainees)}</strong>" · "<span class="muted">{words.gain(row.gain)}</span></p>
            <ul class="gainers">{gainers}</ul>
            {if row.added {
                view! { <p class="note added" role="note">{words.added_draft()}</p> }.into_any()
            } else {
                view! { <button type="button" class="add-draft" on:click=add>{words.add_draft()}</button> }.into_any()
            }}
        </li>
    }
}
