//! The value of one more seat in a session, as the centre's session list shows it (issue 14
//! item 3): "One more seat here would serve a priority-4 need of Tunisia", from
//! `solve::seat_values` on the last plan's scenario, computed in the solver's worker
//! (`ui::plan::capacity_store`). The workspace asks for the values once per plan
//! ([`value_seats_after_each_plan`]); each row reads its own.

use leptos::prelude::*;

use crate::ui::plan::capacity_store::use_capacity;
use crate::ui::plan::store::use_plan;
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::capacity::{seat_note, SeatNote};

/// Asks the worker for the value of a seat in each session whenever a new plan is on screen.
pub fn value_seats_after_each_plan() {
    let plan = use_plan();
    let capacity = use_capacity();
    Effect::new(move |_| {
        plan.solved.with(|solved| {
            if let Some(solved) = solved {
                capacity.value_seats(&solved.scenario);
            }
        });
    });
}

/// The cell of session `i`.
#[component]
pub fn SeatValueCell(i: usize) -> impl IntoView {
    let store = use_store();
    let capacity = use_capacity();
    let lang = store.lang;
    let valuing = capacity.valuing();
    let note = Memo::new(move |_| {
        let code = lang.get().code();
        let id = store.scenario.with(|s| s.sessions.get(i).map(|x| x.id.clone()))?;
        capacity.seats.with(|seats| {
            let seats = seats.as_ref()?;
            seat_note(&seats.values, &id, &seats.scenario, code)
        })
    });
    move || {
        let words = lang.get().catalogue();
        match note.get() {
            Some(note) => {
                let class = match note {
                    SeatNote::Serves { .. } => "seat-value serves",
                    SeatNote::Nobody => "seat-value muted",
                };
                view! { <span class=class>{words.seat_note(&note)}</span> }.into_any()
            }
            None if valuing.get() => view! { <span class="seat-value muted">"…"</span> }.into_any(),
            None => ().into_any(),
        }
    }
}
