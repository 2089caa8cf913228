//! What the last re-solve moved: first each state's net change (seats gained and lost), then
//! seats per state and session before and after, each marked when a pin or an exclusion forced
//! it, so the planner sees the effect of an adjustment.

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
                let (rows, net) = plan.solved.with(|s| {
                    s.as_ref()
                        .map(|s| (changes::change_rows(s, &changes, l.code()), changes::net_by_state(s, &changes, l.code())))
                        .unwrap_or_default()
                });
                let [gained, lost, net_word] = l.catalogue().gained_lost_net();
                let net_rows = net
                    .into_iter()
                    .map(|n| {
                        let class = match n.net() {
                            d if d > 0 => "num net up",
                            d if d < 0 => "num net down",
                            _ => "num net",
                        };
                        view! {
                            <tr data-state=n.state.to_string()>
                                <th scope="row"><bdi>{format!("{} ({})", n.state_name, n.state)}</bdi></th>
                                <td class="num gained" dir="ltr">{format!("+{}", n.gained)}</td>
                                <td class="num lost" dir="ltr">{format!("-{}", n.lost)}</td>
                                <td class=class dir="ltr">{format!("{:+}", n.net())}</td>
                            </tr>
                        }
                    })
                    .collect_view();
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
                                <td class="cause">
                                    {row.cause.map(|c| view! {
                                        <span class="badge forced" data-cause=match c { changes::Cause::Pin => "pin", changes::Cause::Exclusion => "exclusion" }>
                                            {l.catalogue().cause(c)}
                                        </span>
                                    })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <h3 id="net-heading">{l.catalogue().net_title()}</h3>
                    <div class="table-wrap">
                        <table class="grid net-table" id="net-by-state" aria-labelledby="net-heading">
                            <thead><tr>
                                <th>{l.t(Msg::State)}</th><th class="num">{gained}</th><th class="num">{lost}</th>
                                <th class="num">{net_word}</th>
                            </tr></thead>
                            <tbody>{net_rows}</tbody>
                        </table>
                    </div>
                    <div class="table-wrap">
                        <table class="grid changes-table">
                            <thead><tr>
                                <th>{l.t(Msg::State)}</th><th>{l.t(Msg::Session)}</th><th>{l.t(Msg::Course)}</th>
                                <th>{l.t(Msg::Start)}</th><th class="num">{l.p(P::Before)}</th><th class="num">{l.p(P::After)}</th>
                                <th class="num">"±"</th><th>{l.catalogue().cause_heading()}</th>
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
