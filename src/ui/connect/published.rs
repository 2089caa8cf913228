//! A focal point's published plan (`GET /api/plans/published`, its own state's part): "a new
//! plan was published on <date>" with the planner's note, the sessions its state gained and
//! lost, its calendar and unmet needs (the plan screens' own components, shown with the
//! published plan), and the calendar feed to subscribe to in Outlook or Google Calendar.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{http, use_conn};
use crate::model::StateCode;
use crate::ui::i18n::round::{published_on, r, R};
use crate::ui::i18n::UiLang;
use crate::ui::plan::calendar::PlanCalendar;
use crate::ui::plan::store::use_plan;
use crate::ui::plan::unmet_list::UnmetList;
use crate::ui::shell::browser;
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::request::Answer;
use crate::ui::vm::connect::round::{self, Published, SeatMove, KEY_SEEN_PLAN};

/// The page's origin (`http://host:port`), for absolute links.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`); false when the browser
/// refuses, and the field stays there to copy by hand.
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &JsValue::from_str(name)).ok();
    let Some(clipboard) = get(&window, "navigator").and_then(|n| get(&n, "clipboard")) else { return false };
    let Some(write) = get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return false;
    };
    write.call1(&clipboard, &JsValue::from_str(text)).is_ok()
}

/// A read-only address with its Copy button.
#[component]
pub fn CopyField(id: &'static str, text: String) -> impl IntoView {
    let lang = use_store().lang;
    let copied = RwSignal::new(false);
    let value = text.clone();
    let select_all = move |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    view! {
        <span class="copy-field">
            <input type="text" id=id readonly=true dir="ltr" prop:value=text.clone()
                on:focus=select_all />
            <button type="button" class="small copy" on:click=move |_| copied.set(copy_text(&value))>
                {move || r(lang.get(), if copied.get() { R::Copied } else { R::Copy })}
            </button>
        </span>
    }
}

fn moves_table(lang: UiLang, id: &'static str, title: R, moves: Vec<SeatMove>) -> impl IntoView {
    (!moves.is_empty()).then(|| {
        view! {
            <h4>{r(lang, title)}</h4>
            <table class="seat-moves" id=id>
                <thead><tr><th>{r(lang, R::Session)}</th><th>{r(lang, R::SeatsBefore)}</th><th>{r(lang, R::SeatsAfter)}</th></tr></thead>
                <tbody>
                    {moves.into_iter().map(|m| view! {
                        <tr data-session=m.session.clone()><td><bdi>{m.session.clone()}</bdi></td><td>{m.before}</td><td>{m.after}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

#[component]
pub fn PublishedPlan() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let plan = use_plan();
    let conn = use_conn();
    let state =
        move || conn.and_then(|c| c.account.with(|a| a.as_ref().and_then(|a| a.state.clone()))).unwrap_or_default();
    // None: loading; Some(None): nothing published yet.
    let published = RwSignal::new(None::<Option<Published>>);
    let news = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        match http::send(&round::published()).await {
            Some(Answer { status: 200, body, .. }) => match Published::from_answer(&body) {
                Ok(found) => {
                    news.set(round::is_new(found.id, browser::read(KEY_SEEN_PLAN).as_deref()));
                    browser::write(KEY_SEEN_PLAN, &found.id.to_string());
                    let scenario = store.scenario.get_untracked();
                    plan.solved.set(Some(found.last_plan(scenario)));
                    published.set(Some(Some(found)));
                }
                Err(path) => failed.set(Some(path)),
            },
            Some(Answer { status: 404, .. }) => published.set(Some(None)),
            _ => failed.set(Some(String::new())),
        }
    });
    let summary = move || {
        let l = lang.get();
        let shown = published.get()?;
        let Some(found) = shown else {
            return Some(view! { <p id="no-published-plan" class="muted">{r(l, R::NoPlanYet)}</p> }.into_any());
        };
        let date = round::when(found.published_at.as_deref().unwrap_or_default());
        let by = found.published_by.clone().unwrap_or_default();
        let mine = found.changes_of(&state());
        let unchanged = mine.gained.is_empty() && mine.lost.is_empty();
        Some(
            view! {
                <p id="published-news" class=if news.get() { "news" } else { "muted" } role="status" data-plan=found.id>
                    {published_on(l, &date, &by, news.get())}
                </p>
                {found.note.clone().map(|note| view! {
                    <figure class="note"><figcaption>{r(l, R::PlannerNote)}</figcaption><blockquote id="published-note" dir="auto">{note}</blockquote></figure>
                })}
                <h3>{r(l, R::YourChanges)}</h3>
                {unchanged.then(|| view! { <p class="muted" id="no-seat-moves">{r(l, R::NothingChanged)}</p> })}
                {moves_table(l, "sessions-gained", R::SessionsGained, mine.gained)}
                {moves_table(l, "sessions-lost", R::SessionsLost, mine.lost)}
                <h3>{r(l, R::YourCalendar)}</h3>
                <PlanCalendar state=StateCode::new(state()) />
                <h3>{r(l, R::YourUnmet)}</h3>
                {if found.plan.unmet.is_empty() {
                    view! { <p class="muted" id="all-met">{r(l, R::AllMet)}</p> }.into_any()
                } else {
                    view! { <UnmetList /> }.into_any()
                }}
            }
            .into_any(),
        )
    };
    view! {
        <section class="panel published" id="published" aria-labelledby="published-heading">
            <h2 id="published-heading">{move || r(lang.get(), R::PublishedTitle)}</h2>
            {move || failed.get().map(|detail| view! {
                <p class="error" role="alert">{r(lang.get(), R::NoPlanYet)}" "{detail}</p>
            })}
            {summary}
        </section>
        <Subscribe state=Signal::derive(state) />
    }
}

/// The state's calendar feed: made on request (the server keeps only its hash, so the link is
/// shown once), copied, explained for Outlook and Google Calendar, and replaced.
#[component]
fn Subscribe(state: Signal<String>) -> impl IntoView {
    let lang = use_store().lang;
    let conn = use_conn();
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let make = move |_| {
        let csrf =
            conn.and_then(|c| c.account.with_untracked(|a| a.as_ref().map(|a| a.csrf.clone()))).unwrap_or_default();
        let request = round::new_feed(&state.get_untracked(), &csrf);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match http::send(&request).await {
                Some(Answer { status: 200, body, .. }) if round::feed_path(&body).is_some() => {
                    let path = round::feed_path(&body).unwrap_or_default();
                    link.set(Some(round::feed_url(&origin(), &path)));
                    error.set(None);
                }
                Some(answer) => {
                    error.set(Some(format!("{} ({})", r(lang.get_untracked(), R::LinkFailed), answer.status)))
                }
                None => error.set(Some(r(lang.get_untracked(), R::LinkFailed).to_string())),
            }
            busy.set(false);
        });
    };
    let t = move |w: R| move || r(lang.get(), w);
    view! {
        <section class="panel subscribe" id="subscribe" aria-labelledby="subscribe-heading">
            <h2 id="subscribe-heading">{t(R::Subscribe)}</h2>
            <p class="intro">{t(R::SubscribeIntro)}</p>
            {move || match link.get() {
                None => view! {
                    <p class="hint">{t(R::ReplaceWarning)}</p>
                    <button type="button" id="make-feed" disabled=move || busy.get() on:click=make>{t(R::MakeLink)}</button>
                }.into_any(),
                Some(url) => view! {
                    <p class="hint">{t(R::LinkOnce)}</p>
                    <CopyField id="feed-url" text=url />
                    <h4>"Outlook"</h4>
                    <p id="steps-outlook">{t(R::OutlookSteps)}</p>
                    <h4>"Google Calendar"</h4>
                    <p id="steps-google">{t(R::GoogleSteps)}</p>
                    <p class="warning" id="replace-warning">{t(R::ReplaceWarning)}</p>
                    <button type="button" id="replace-feed" class="danger" disabled=move || busy.get() on:click=make>{t(R::ReplaceLink)}</button>
                }.into_any(),
            }}
            <p class="error" role="alert" id="feed-error">{move || error.get()}</p>
        </section>
    }
}
