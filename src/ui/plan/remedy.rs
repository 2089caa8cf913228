//! What would fix each unmet need, in the unmet list (issue 14 item 2): after each plan the
//! fixes are asked of the solver's worker beside the capacity search
//! (`capacity_store::CapacityStore::find_fixes`), the list says how far the search got
//! ([`FixesStatus`]: "Finding what would fix each unmet need… 40 of 167"), and each row shows
//! its own fixes as they arrive ([`NeedFixes`]), in words, the smallest change first, each
//! with **Apply**: the very change the core checked, made as one undoable edit of the need,
//! session or state (hidden where the signed-in role may not edit that row).

use leptos::prelude::*;

use super::capacity_store::use_capacity;
use super::store::use_plan;
use crate::model::{NeedId, StateCode};
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::remedy::{self, FixRow};

/// Asks the worker what would fix each unmet need whenever a new plan is on screen.
pub fn find_fixes_after_each_plan() {
    let plan = use_plan();
    let capacity = use_capacity();
    Effect::new(move |_| {
        plan.solved.with(|solved| {
            if let Some(solved) = solved.as_ref().filter(|s| !s.plan.unmet.is_empty()) {
                capacity.find_fixes(&solved.scenario, false);
            }
        });
    });
}

/// How far the search for fixes got, and a way to ask again once it was stopped.
#[component]
pub fn FixesStatus() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let capacity = use_capacity();
    let lang = store.lang;
    let state = move || {
        capacity.fixes.with(|f| match f {
            None => "idle",
            Some(f) if f.searching() => "searching",
            Some(f) if f.refused.is_some() => "refused",
            Some(f) if f.stopped => "stopped",
            Some(_) => "found",
        })
    };
    let text = move || {
        let words = lang.get().catalogue();
        capacity.fixes.with(|f| {
            let Some(f) = f else { return String::new() };
            if let Some(why) = &f.refused {
                return words.capacity_refused(why);
            }
            if f.stopped {
                return words.fixes_stopped().to_string();
            }
            match f.ms {
                Some(ms) => words.fixes_found(f.total, ms / 1000.0),
                None => words.fixes_progress(f.done, f.total),
            }
        })
    };
    let again = move |_| {
        plan.solved.with_untracked(|s| {
            if let Some(s) = s {
                capacity.find_fixes(&s.scenario, true);
            }
        })
    };
    let can_ask_again = move || capacity.fixes.with(|f| f.as_ref().is_some_and(|f| f.stopped || f.refused.is_some()));
    view! {
        <p id="fixes-status" class="muted" role="status" data-state=state
            data-done=move || capacity.fixes.with(|f| f.as_ref().map(|f| f.done))
            data-total=move || capacity.fixes.with(|f| f.as_ref().map(|f| f.total))
            data-ms=move || capacity.fixes.with(|f| f.as_ref().and_then(|f| f.ms).map(|ms| format!("{ms:.0}")))>
            {text}
            <Show when=can_ask_again>
                " "
                <button type="button" class="small" id="fixes-again" on:click=again>
                    {move || lang.get().catalogue().find_fixes()}
                </button>
            </Show>
        </p>
    }
}

/// The fixes of one unmet need, as they arrive; `error` says why an Apply was refused.
#[component]
pub fn NeedFixes(need: NeedId, state: StateCode, error: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let capacity = use_capacity();
    let lang = store.lang;
    let account = crate::ui::shell::server::account();
    let key = need.clone();
    let fix = Memo::new(move |_| capacity.fixes.with(|f| f.as_ref().and_then(|f| f.found.get(&key).cloned())));
    let searching = Memo::new(move |_| capacity.fixes.with(|f| f.as_ref().is_some_and(|f| f.searching())));
    let rows = Memo::new(move |_| {
        let code = lang.get().code();
        let fix = fix.get()?;
        let rows = capacity.fixes.with_untracked(|f| {
            let solved = &f.as_ref()?.scenario;
            Some(store.scenario.with(|current| remedy::rows(&fix, solved, current, code)))
        });
        rows
    });
    let one = move |row: FixRow| {
        let l = lang.get_untracked();
        let words = l.catalogue();
        let kind = kind_word(&row);
        let action = if row.changed {
            view! { <span class="note fix-changed" role="note">{words.fix_changed()}</span> }.into_any()
        } else if remedy::may_apply(account.as_ref(), &state, &row.remedy) {
            let (need, change) = (row.need.clone(), row.remedy.clone());
            let apply = move |_| store.try_change(error, |next| remedy::apply(next, &need, &change));
            view! { <button type="button" class="small apply-fix" on:click=apply>{words.apply_fix()}</button> }
                .into_any()
        } else {
            ().into_any()
        };
        view! {
            <li class="fix" data-kind=kind data-gains=row.gains
                data-session=remedy::session_of(&row.remedy).map(|s| s.to_string())>
                <span class="fix-words">{words.fix(&row)}</span>" "{action}
            </li>
        }
    };
    view! {
        {move || {
            let l = lang.get();
            let words = l.catalogue();
            match rows.get() {
                Some(rows) if rows.is_empty() => {
                    view! { <p class="muted no-fix">{words.no_fix()}</p> }.into_any()
                }
                Some(rows) => view! {
                    <div class="fixes">
                        <h4>{words.fixes_heading()}</h4>
                        <ol class="fix-list">{rows.into_iter().map(one.clone()).collect_view()}</ol>
                    </div>
                }
                .into_any(),
                None if searching.get() => view! { <p class="muted fixes-pending">"…"</p> }.into_any(),
                None => ().into_any(),
            }
        }}
    }
}

/// The kind of a fix, as the page's tests and styles name it.
fn kind_word(row: &FixRow) -> &'static str {
    use crate::solve::Remedy;
    match row.remedy {
        Remedy::Seat { .. } => "seat",
        Remedy::StateCap { .. } => "state_cap",
        Remedy::Window { .. } => "window",
        Remedy::Language { .. } => "language",
        Remedy::Mode { .. } => "mode",
        Remedy::Budget { .. } => "budget",
    }
}
