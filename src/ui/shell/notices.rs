//! Messages about what happened (imports, failed saves …), under the header.

use leptos::prelude::*;

use super::store::use_store;
use crate::ui::i18n::Msg;

#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                let l = lang.get();
                store
                    .notes
                    .get()
                    .into_iter()
                    .map(|(id, note)| {
                        let class = if note.is_warning() { "notice warning" } else { "notice info" };
                        let role = if note.is_warning() { "alert" } else { "status" };
                        view! {
                            <div class=class role=role>
                                <span class="text">{l.catalogue().note(&note)}</span>
                                <button type="button" class="small" on:click=move |_| store.dismiss(id)>{l.t(Msg::Dismiss)}</button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
