//! What the last re-solve moved: seats per state and session before and after, so the planner
//! sees the effect of a pin or an exclusion.

use leptos::prelude::*;

use super::store::use_plan;
use crate::ui::i18n::{Msg, P};
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::changes;

#[component]
pub fn PlanChanges() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    view! {
        <section class="panel" id="changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{move || lang.get().p(P::ViewChanges)}</h2>
            <p class="hint">{move || lang.get().p(P::ChangesHint)}</p>
            {move || {
                let l = lang.get();
                let Some(changes) = plan.changes.get() else {
                    return view! { <p class="empty">{l.p(P::FirstPlan)}</p> }.into_any();
                };
                if changes.is_empty() {
                    return view! { <p class="empty" id="no-changes">{l.p(P::NoChanges)}</p> }.into_any();
                }
                let rows = plan.solved.with(|s| {
                    s.as_ref().map(|s| changes::change_rows(s, &changes, l.code())).unwrap_or_default()
                });
                let body = rows
                    .into_iter()
                    .map(|row| {
                        let delta = row.after - row.before;
                        let class = if delta > 0 { "num up" } else { "num down" };
                        view! {
                            <tr data-state=row.state.to_string() data-session=row.session.to_string()>
                                <td><bdi>{format!("{} ({})", row.state_name, row.state)}</bdi></td>
                                <td><bdi class="code">{row.session.to_string()}</bdi></td>
                                <td>{row.title}</td>
                                <td class="nowrap">{row.start.map(|d| l.catalogue().date(d)).unwrap_or_default()}</td>
                                <td class="num before">{row.before}</td>
                                <td class="num after">{row.after}</td>
                                <td class=class dir="ltr">{format!("{delta:+}")}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-wrap">
                        <table class="grid changes-table">
                            <thead><tr>
                                <th>{l.t(Msg::State)}</th><th>{l.t(Msg::Session)}</th><th>{l.t(Msg::Course)}</th>
                                <th>{l.t(Msg::Start)}</th><th class="num">{l.p(P::Before)}</th><th class="num">{l.p(P::After)}</th>
                                <th class="num">"±"</th>
                            </tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
