//! The needs of one state (or all states) as an editable table, with a button to add one.
//! Long tables are shown a page at a time ([`views::ROWS_PER_PAGE`] rows), drawn
//! [`views::ROWS_PER_FRAME`] rows a frame (each batch right after a paint, so the first rows
//! show before the next are built), and the rows are keyed, so that opening the table
//! and typing in it re-render only the rows on view; the choice lists every row offers are
//! computed once for the table.

use leptos::prelude::*;

use super::choices;
use super::need_row::NeedRow;
use crate::model::StateCode;
use crate::ui::i18n::Msg;
use crate::ui::shell::browser;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::views::{Page, ROWS_PER_FRAME, ROWS_PER_PAGE};
use crate::ui::vm::edit::{rows, views};

/// `state`: whose needs to show; `None` shows every state's (with a state column).
#[component]
pub fn NeedsTable(#[prop(into)] state: Signal<Option<StateCode>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let show_state = move || state.get().is_none();
    let all = Memo::new(move |_| store.scenario.with(|s| views::needs_of(s, state.get().as_ref())));
    let asked = RwSignal::new(0usize);
    // Another state's needs start at their first page.
    Effect::watch(move || state.get(), move |_, _, _| asked.set(0), false);
    let page = Memo::new(move |_| all.with(|rows| Page::of(rows.len(), asked.get(), ROWS_PER_PAGE)));
    // Rows of the page drawn so far: a few more each frame until the page is whole; another
    // page starts again from its first rows.
    let drawn = RwSignal::new(ROWS_PER_FRAME);
    let drawing = StoredValue::new(0u64);
    let draw_rest = move || {
        let round = drawing.try_update_value(|r| {
            *r += 1;
            *r
        });
        fn next(drawn: RwSignal<usize>, drawing: StoredValue<u64>, page: Memo<Page>, round: Option<u64>) {
            // After the frame is painted, not before it: the rows drawn so far show first.
            browser::after_paint(move || {
                // Stop when the table is gone or another page started drawing.
                if round.is_none() || drawing.try_get_value() != round {
                    return;
                }
                let (Some(now), Some(p)) = (drawn.try_get_untracked(), page.try_get_untracked()) else { return };
                if p.more_to_draw(now) {
                    drawn.set(now + ROWS_PER_FRAME);
                    next(drawn, drawing, page, round);
                }
            });
        }
        next(drawn, drawing, page, round);
    };
    draw_rest();
    Effect::watch(
        move || page.get(),
        move |now, before, _| {
            if before.is_some_and(|b| b.from != now.from) {
                drawn.set(ROWS_PER_FRAME);
            }
            draw_rest();
        },
        false,
    );
    let shown = Memo::new(move |_| {
        let rows = page.get().drawn(drawn.get());
        all.with(|all| all[rows].to_vec())
    });
    let skills = Memo::new(move |_| store.scenario.with(|s| choices::skills(s, lang.get())));
    let languages = Memo::new(move |_| store.scenario.with(|s| choices::language_checks(s, lang.get())));
    let add = move |_| {
        let code = state.get_untracked().unwrap_or_else(|| store.focal_state.get_untracked());
        let i = store.change(|s| rows::add_need(s, &code));
        store.mark_new_need(Some(i));
        // The new need is the last row: show its page.
        asked.set(usize::MAX);
    };
    let totals = move || {
        store.scenario.with(|s| {
            let trainees: i64 = all.with(|ids| ids.iter().map(|&i| s.needs[i].trainees).sum());
            lang.get().catalogue().needs_total(all.with(Vec::len), trainees)
        })
    };
    let pager = move || {
        let p = page.get();
        (p.pages > 1).then(|| {
            let l = lang.get();
            view! {
                <nav class="pager" aria-label=l.t(Msg::NeedsHeading)>
                    <button type="button" class="small" id="needs-previous" disabled=!p.has_previous()
                        on:click=move |_| asked.set(p.index.saturating_sub(1))>{l.t(Msg::PreviousPage)}</button>
                    <span id="needs-page" class="muted" data-page=p.index + 1 data-pages=p.pages>
                        {l.catalogue().rows_shown(p.from + 1, p.to, p.total)}
                    </span>
                    <button type="button" class="small" id="needs-next" disabled=!p.has_next()
                        on:click=move |_| asked.set(p.index + 1)>{l.t(Msg::NextPage)}</button>
                </nav>
            }
        })
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <section class="panel" aria-labelledby="needs-heading">
            <div class="panel-head">
                <h2 id="needs-heading">{t(Msg::NeedsHeading)}</h2>
                <span class="muted totals">{totals}</span>
                <button type="button" class="primary" id="add-need" on:click=add>{t(Msg::AddNeed)}</button>
            </div>
            <div class="table-wrap">
                // Busy while rows of the page are still being drawn (screen readers wait, and
                // so do the e2e tests that count the rows).
                <table class="grid needs" aria-busy=move || page.get().more_to_draw(drawn.get()).to_string()>
                    <thead>
                        <tr>
                            <th>{t(Msg::Id)}</th>
                            <Show when=show_state>
                                <th>{t(Msg::State)}</th>
                            </Show>
                            <th>{t(Msg::Skill)}</th>
                            <th>{t(Msg::Level)}</th>
                            <th>{t(Msg::Trainees)}</th>
                            <th>{t(Msg::Priority)}</th>
                            <th>{t(Msg::Window)}</th>
                            <th>{t(Msg::Languages)}</th>
                            <th>{t(Msg::Modes)}</th>
                            <th>{t(Msg::Note)}</th>
                            <th>{t(Msg::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || {
                                let every = show_state();
                                shown.get().into_iter().map(move |i| (i, every)).collect::<Vec<_>>()
                            }
                            key=|row| *row
                            children=move |(i, every)| {
                                view! { <NeedRow i=i show_state=every skills=skills languages=languages /> }
                            }
                        />
                    </tbody>
                </table>
            </div>
            {pager}
            <Show when=move || all.with(Vec::is_empty)>
                <p class="empty">{t(Msg::NoNeeds)}</p>
            </Show>
        </section>
    }
}
