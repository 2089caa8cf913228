//! The planner's publishing panel: what changed since the last published plan
//! (`GET /api/changes`: needs added, trainees changed, by state; sessions), a solve on the
//! server (`POST /api/plans`, whose plan is the one published and is shown in the plan's
//! views), and publishing it with a short note.

use leptos::prelude::*;

use super::{http, use_conn};
use crate::ui::i18n::connect::{c, C};
use crate::ui::i18n::round::{published_plan, r, server_plan, R};
use crate::ui::plan::store::use_plan;
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::request::Answer;
use crate::ui::vm::connect::round::{self, Changed, Changes, Published};
use crate::ui::vm::plan::solved::LastPlan;

fn changed_text(changed: &[Changed]) -> String {
    changed
        .iter()
        .map(|c| {
            let fields = c.fields.iter().map(|f| format!("{} {} → {}", f.field, f.before, f.after)).collect::<Vec<_>>();
            format!("{}: {}", c.id, fields.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
pub fn PublishPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let plan = use_plan();
    let conn = use_conn();
    let csrf =
        move || conn.and_then(|c| c.account.with_untracked(|a| a.as_ref().map(|a| a.csrf.clone()))).unwrap_or_default();
    let changes = RwSignal::new(None::<Changes>);
    // The plan the server solved: its id and revision.
    let solved = RwSignal::new(None::<(i64, i64)>);
    let busy = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<i64>);
    let load = move || {
        leptos::task::spawn_local(async move {
            if let Some(Answer { status: 200, body, .. }) = http::send(&round::changes()).await {
                changes.set(Some(Changes::from_answer(&body)));
            }
        });
    };
    load();
    let solve = move |_| {
        let request = round::solve_on_server(&csrf());
        busy.set(true);
        error.set(None);
        done.set(None);
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            match http::send(&request).await {
                Some(Answer { status: 201, body, .. }) => match Published::from_answer(&body) {
                    Ok(found) => {
                        let scenario = store.scenario.get_untracked();
                        plan.solved.set(Some(LastPlan { scenario, plan: found.plan, ms: 0.0 }));
                        solved.set(Some((found.id, found.revision)));
                    }
                    Err(path) => error.set(Some(format!("{}: {path}", r(l, R::SolveFailed)))),
                },
                Some(answer) => {
                    let detail =
                        answer.body.get("error").map(round::shown).unwrap_or_else(|| answer.status.to_string());
                    error.set(Some(format!("{}: {detail}", r(l, R::SolveFailed))));
                }
                None => error.set(Some(format!("{}: {}", r(l, R::SolveFailed), c(l, C::Unreachable)))),
            }
            busy.set(false);
        });
    };
    let publish = move |_| {
        let Some((id, _)) = solved.get_untracked() else { return };
        let request = round::publish(id, &note.get_untracked(), &csrf());
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            match http::send(&request).await {
                Some(Answer { status: 200, .. }) => {
                    done.set(Some(id));
                    solved.set(None);
                    note.set(String::new());
                    load();
                }
                Some(answer) => {
                    let detail = round::note_problem(&answer.body)
                        .or_else(|| answer.body.get("error").map(round::shown))
                        .unwrap_or_else(|| answer.status.to_string());
                    error.set(Some(format!("{}: {detail}", r(l, R::PublishFailed))));
                }
                None => error.set(Some(format!("{}: {}", r(l, R::PublishFailed), c(l, C::Unreachable)))),
            }
            busy.set(false);
        });
    };
    let t = move |w: R| move || r(lang.get(), w);
    let summary = move || {
        let changes = changes.get()?;
        let l = lang.get();
        let since = match &changes.since {
            Some(at) => format!("{} {}", r(l, R::ChangesSince), round::when(at)),
            None => r(l, R::NothingPublished).to_string(),
        };
        let sessions = [
            (R::SessionsAdded, changes.sessions_added.join(", ")),
            (R::SessionsRemoved, changes.sessions_removed.join(", ")),
            (R::SessionsChanged, changed_text(&changes.sessions_changed)),
        ];
        Some(view! {
            <p id="changes-since">{since}</p>
            <p id="changes-totals">
                <span>{r(l, R::NeedsAdded)}": "<b id="needs-added">{changes.needs_added()}</b></span>" · "
                <span>{r(l, R::SeatsChanged)}": "<b id="seats-changed">{changes.seats_changed()}</b></span>
            </p>
            {changes.is_empty().then(|| view! { <p class="muted" id="no-changes">{r(l, R::NoChanges)}</p> })}
            {(!changes.states.is_empty()).then(|| view! {
                <table class="changes-by-state" id="changes-by-state">
                    <thead><tr>
                        <th>{c(l, C::State)}</th><th>{r(l, R::NeedsAdded)}</th><th>{r(l, R::SeatsChanged)}</th>
                        <th>{r(l, R::NeedsRemoved)}</th><th>{r(l, R::OtherChanges)}</th>
                    </tr></thead>
                    <tbody>
                        {changes.states.iter().map(|s| {
                            let (seats, other): (Vec<Changed>, Vec<Changed>) = s.changed.iter().cloned()
                                .partition(|c| c.fields.iter().any(|f| f.field == "trainees"));
                            view! {
                                <tr data-state=s.state.clone()>
                                    <td>{s.state.clone()}</td>
                                    <td><bdi>{s.added.join(", ")}</bdi></td>
                                    <td><bdi dir="ltr">{changed_text(&seats)}</bdi></td>
                                    <td><bdi>{s.removed.join(", ")}</bdi></td>
                                    <td><bdi dir="ltr">{changed_text(&other)}</bdi></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <ul class="session-changes">
                {sessions.into_iter().filter(|(_, text)| !text.is_empty()).map(|(w, text)| view! {
                    <li>{r(l, w)}": "<bdi dir="ltr">{text}</bdi></li>
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <section class="panel publish no-print" id="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t(R::PublishTitle)}</h2>
            <h3>{t(R::ChangesTitle)}</h3>
            {summary}
            <p class="hint">{t(R::WhichPlan)}</p>
            <button type="button" id="solve-on-server" disabled=move || busy.get() on:click=solve>
                {move || r(lang.get(), if busy.get() && solved.get().is_none() { R::SolvingOnServer } else { R::SolveOnServer })}
            </button>
            {move || solved.get().map(|(id, revision)| view! {
                <p id="server-plan" data-plan=id>{server_plan(lang.get(), id, revision)}</p>
                <label class="note">
                    <span>{t(R::NoteLabel)}</span>
                    <textarea id="publish-note" maxlength="2000" rows="3" dir="auto"
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </label>
                <button type="button" id="publish-plan" class="primary" disabled=move || busy.get() on:click=publish>{t(R::Publish)}</button>
            })}
            <p id="publish-done" role="status">{move || done.get().map(|id| published_plan(lang.get(), id))}</p>
            <p id="publish-error" class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
