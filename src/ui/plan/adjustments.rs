//! The planner's pins and exclusions, to review and remove.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::rows;

#[component]
pub fn Adjustments() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let t = move |m: Msg| move || lang.get().t(m);
    let pins = Memo::new(move |_| store.scenario.with(|s| s.pins.clone()));
    let exclusions = Memo::new(move |_| store.scenario.with(|s| s.exclusions.clone()));
    view! {
        <section class="panel" aria-labelledby="pins-heading">
            <p class="intro">{t(Msg::PinsHint)}</p>
            <h2 id="pins-heading">{t(Msg::Pins)}</h2>
            {move || {
                let pins = pins.get();
                if pins.is_empty() {
                    return view! { <p class="empty">{t(Msg::NoPins)}</p> }.into_any();
                }
                view! {
                    <table class="grid">
                        <thead>
                            <tr><th>{t(Msg::Need)}</th><th>{t(Msg::Session)}</th><th>{t(Msg::Seats)}</th><th>{t(Msg::Actions)}</th></tr>
                        </thead>
                        <tbody>
                            {pins
                                .into_iter()
                                .enumerate()
                                .map(|(i, pin)| {
                                    let delete = move |_| {
                                        store.change(|s| rows::delete_pin(s, i));
                                    };
                                    view! {
                                        <tr>
                                            <td><bdi>{pin.need.to_string()}</bdi></td>
                                            <td><bdi>{pin.session.to_string()}</bdi></td>
                                            <td class="num">{pin.seats}</td>
                                            <td><button type="button" class="small danger" on:click=delete>{t(Msg::Delete)}</button></td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h2>{t(Msg::Exclusions)}</h2>
            {move || {
                let exclusions = exclusions.get();
                if exclusions.is_empty() {
                    return view! { <p class="empty">{t(Msg::NoExclusions)}</p> }.into_any();
                }
                view! {
                    <table class="grid">
                        <thead>
                            <tr><th>{t(Msg::Need)}</th><th>{t(Msg::Session)}</th><th>{t(Msg::Actions)}</th></tr>
                        </thead>
                        <tbody>
                            {exclusions
                                .into_iter()
                                .enumerate()
                                .map(|(i, exclusion)| {
                                    let delete = move |_| {
                                        store.change(|s| rows::delete_exclusion(s, i));
                                    };
                                    view! {
                                        <tr>
                                            <td><bdi>{exclusion.need.to_string()}</bdi></td>
                                            <td><bdi>{exclusion.session.to_string()}</bdi></td>
                                            <td><button type="button" class="small danger" on:click=delete>{t(Msg::Delete)}</button></td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}
