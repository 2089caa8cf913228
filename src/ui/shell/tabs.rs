//! A row of tabs: one button per tab, the current one marked `aria-selected`; what each tab
//! shows is the caller's.

use leptos::prelude::*;

use super::store::use_store;
use crate::ui::i18n::{Msg, UiLang, P};

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
    view! {
        <div class=class role="tablist" id=id>
            {tabs
                .into_iter()
                .map(|(which, label, id)| {
                    view! {
                        <button type="button" role="tab" id=id aria-selected=move || (current.get() == which).to_string()
                            on:click=move |_| current.set(which)>
                            {move || label.in_lang(lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
