//! The centre's overview of the round (`GET /api/overview`): the states that have submitted
//! needs, most recently changed first, with when and by whom, and the reminder list of the
//! states that have entered nothing yet.

use leptos::prelude::*;

use super::http;
use crate::model::{name_in, StateCode};
use crate::ui::i18n::round::{r, R};
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::request::Answer;
use crate::ui::vm::connect::round::{self, Overview};

#[component]
pub fn RoundOverview() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let overview = RwSignal::new(None::<Overview>);
    let failed = RwSignal::new(None::<u16>);
    let load = move || {
        leptos::task::spawn_local(async move {
            match http::send(&round::overview()).await {
                Some(Answer { status: 200, body, .. }) => {
                    failed.set(None);
                    overview.set(Some(Overview::from_answer(&body)));
                }
                Some(answer) => failed.set(Some(answer.status)),
                None => failed.set(Some(0)),
            }
        });
    };
    load();
    let name = move |code: &str| {
        let l = lang.get();
        store
            .scenario
            .with(|s| s.state(&StateCode::new(code.to_string())).map(|st| name_in(&st.name, l.code()).to_string()))
            .unwrap_or_else(|| code.to_string())
    };
    let t = move |w: R| move || r(lang.get(), w);
    view! {
        <section class="panel overview" id="round-overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{t(R::OverviewTitle)}</h2>
            <button type="button" id="refresh-overview" class="small" on:click=move |_| load()>{t(R::Refresh)}</button>
            <p class="error" role="alert">{move || failed.get().map(|status| format!("{} ({status})", r(lang.get(), R::NotDone)))}</p>
            {move || overview.get().map(|overview| {
                let l = lang.get();
                let submitted = overview.submitted().into_iter().cloned().collect::<Vec<_>>();
                view! {
                    <h3>{r(l, R::Submitted)}</h3>
                    {if submitted.is_empty() {
                        view! { <p class="muted">{r(l, R::NoneSubmitted)}</p> }.into_any()
                    } else {
                        view! {
                            <table class="overview" id="submitted-states">
                                <thead><tr>
                                    <th>{crate::ui::i18n::connect::c(l, crate::ui::i18n::connect::C::State)}</th>
                                    <th>{r(l, R::Needs)}</th><th>{r(l, R::Trainees)}</th>
                                    <th>{r(l, R::LastChanged)}</th><th>{r(l, R::By)}</th>
                                </tr></thead>
                                <tbody>
                                    {submitted.into_iter().map(|s| view! {
                                        <tr data-state=s.code.clone()>
                                            <td>{name(&s.code)}</td>
                                            <td>{s.needs}</td>
                                            <td>{s.trainees}</td>
                                            <td dir="ltr">{s.last_changed.as_deref().map(round::when).unwrap_or_else(|| "—".into())}</td>
                                            <td><bdi>{s.last_changed_by.unwrap_or_else(|| "—".into())}</bdi></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <h3>{r(l, R::Waiting)}</h3>
                    {if overview.waiting.is_empty() {
                        view! { <p class="muted" id="none-waiting">{r(l, R::NoneWaiting)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="waiting" id="waiting-states">
                                {overview.waiting.iter().map(|code| view! { <li data-state=code.clone()>{name(code)}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            })}
        </section>
    }
}
