//! Messages about what happened (imports, failed saves …), under the header; a deleted need's
//! toast has its "Undo", which puts that need back.

use leptos::prelude::*;

use super::store::use_store;
use crate::ui::i18n::{Msg, Note};

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
                        let undo = match &note {
                            Note::NeedDeleted(gone) => {
                                let gone = gone.clone();
                                Some(view! {
                                    <button type="button" class="small undo-delete" data-need=gone.id().to_string()
                                        on:click=move |_| store.restore_need(&gone, id)>
                                        {l.t(Msg::Undo)}
                                    </button>
                                })
                            }
                            _ => None,
                        };
                        view! {
                            <div class=class role=role>
                                <span class="text">{l.catalogue().note(&note)}</span>
                                {undo}
                                <button type="button" class="small" on:click=move |_| store.dismiss(id)>{l.t(Msg::Dismiss)}</button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
