//! A row of tabs: one button per tab, the current one marked `aria-selected`; what each tab
//! shows is the caller's. The keyboard works as the WAI-ARIA tabs pattern says: only the
//! current tab is in the Tab order (roving `tabindex`), and the arrow keys (mirrored right to
//! left), Home and End choose another tab and move the focus to it ([`tabs::step`]).

use leptos::prelude::*;

use super::browser;
use super::store::use_store;
use crate::ui::i18n::{Msg, UiLang, P};
use crate::ui::vm::shell::tabs;

/// Words of either catalogue: the main one ([`Msg`]) or the plan screens' ([`P`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Msg(Msg),
    Plan(P),
    /// "Where to add capacity".
    Capacity,
}

impl Words {
    /// These words in `lang`.
    pub fn in_lang(self, lang: UiLang) -> &'static str {
        match self {
            Words::Msg(m) => lang.t(m),
            Words::Plan(p) => lang.p(p),
            Words::Capacity => lang.catalogue().capacity_title(),
        }
    }
}

/// The tab bar: `tabs` gives each tab's value, label and element id, in order; clicking one
/// sets `current`.
#[component]
pub fn Tabs<T>(
    current: RwSignal<T>,
    tabs: Vec<(T, Words, &'static str)>,
    /// Classes beside `tabs` ("sub-tabs no-print").
    #[prop(optional)]
    class: &'static str,
    /// The tab bar's element id.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let lang = use_store().lang;
    let class = if class.is_empty() { "tabs".to_string() } else { format!("tabs {class}") };
    let order: Vec<(T, &'static str)> = tabs.iter().map(|(which, _, id)| (*which, *id)).collect();
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(from) = order.iter().position(|(which, _)| *which == current.get_untracked()) else {
            return;
        };
        let right_to_left = lang.get_untracked().dir() == "rtl";
        let Some((which, id)) = tabs::step(&ev.key(), right_to_left, from, order.len()).and_then(|to| order.get(to))
        else {
            return;
        };
        ev.prevent_default();
        current.set(*which);
        browser::focus(id);
    };
    view! {
        <div class=class role="tablist" id=id on:keydown=keydown>
            {tabs
                .into_iter()
                .map(|(which, label, id)| {
                    let selected = move || current.get() == which;
                    view! {
                        <button type="button" role="tab" id=id aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| current.set(which)>
                            {move || label.in_lang(lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
