//! The focal point's workspace: choose the state, enter its needs, see them summed up, and
//! export them as "my submission" for the regional centre.

use leptos::prelude::*;

use super::needs_summary::NeedsSummary;
use super::needs_table::NeedsTable;
use crate::model::StateCode;
use crate::ui::i18n::Msg;
use crate::ui::shell::browser;
use crate::ui::shell::store::use_store;
use crate::ui::vm::files;
use crate::ui::vm::storage::KEY_FOCAL_STATE;

#[component]
pub fn FocalWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let state = Signal::derive(move || Some(store.focal_state.get()));
    let states = Memo::new(move |_| {
        store.scenario.with(|s| s.states.iter().map(|st| (st.code.clone(), st.name.clone())).collect::<Vec<_>>())
    });
    let choose = move |ev: leptos::ev::Event| {
        let code = StateCode::new(event_target_value(&ev));
        store.remember(KEY_FOCAL_STATE, code.as_str());
        store.focal_state.set(code);
    };
    let export = move |_| {
        let code = store.focal_state.get_untracked();
        let text = store.scenario.with_untracked(|s| files::export_submission(s, &code));
        browser::download(&files::file_name("submission", Some(&code)), &text);
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <div class="workspace" id="focal">
            <p class="intro">{t(Msg::FocalIntro)}</p>
            <div class="toolbar">
                <label class="inline">
                    <span>{t(Msg::YourState)}</span>
                    <select id="focal-state" on:change=choose>
                        {move || {
                            let code = lang.get().code();
                            let chosen = store.focal_state.get();
                            states
                                .get()
                                .into_iter()
                                .map(|(state, names)| {
                                    let selected = state == chosen;
                                    let label = super::choices::state_label(&names, &state, code);
                                    view! { <option value=state.to_string() selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button type="button" id="export-submission" on:click=export>{t(Msg::ExportSubmission)}</button>
                <span class="hint">{t(Msg::SubmissionHint)}</span>
            </div>
            <NeedsTable state=state />
            <NeedsSummary state=state />
        </div>
    }
}
