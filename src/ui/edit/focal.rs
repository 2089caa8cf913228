//! The focal point's workspace: choose the state, enter its needs (or import or paste them
//! from a spreadsheet), see them summed up, and
//! export them as "my submission" for the regional centre.

use leptos::prelude::*;

use super::needs_summary::NeedsSummary;
use super::needs_table::NeedsTable;
use super::spreadsheets::Spreadsheets;
use crate::model::StateCode;
use crate::ui::i18n::Msg;
use crate::ui::shell::browser;
use crate::ui::shell::server;
use crate::ui::shell::state_select::{states_of, StateSelect};
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::Words;
use crate::ui::vm::edit::sheet::Sheet;
use crate::ui::vm::shell::files;
use crate::ui::vm::shell::storage::KEY_FOCAL_STATE;

#[component]
pub fn FocalWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let state = Signal::derive(move || Some(store.focal_state.get()));
    let states = Memo::new(move |_| store.scenario.with(states_of));
    let choose = move |code: Option<StateCode>| {
        if let Some(code) = code {
            store.remember(KEY_FOCAL_STATE, code.as_str());
            store.focal_state.set(code);
        }
    };
    let export = move |_| {
        let code = store.focal_state.get_untracked();
        let text = store.scenario.with_untracked(|s| files::export_submission(s, &code));
        browser::download(&files::file_name("submission", Some(&code)), &text);
    };
    let t = move |m: Msg| move || lang.get().t(m);
    // Connected, the account's state is the only one: no state to choose.
    let connected = server::connected();
    view! {
        <div class="workspace" id="focal">
            <p class="intro">{t(Msg::FocalIntro)}</p>
            <div class="toolbar">
                {(!connected).then(|| view! {
                    <StateSelect id="focal-state" label=Words::Msg(Msg::YourState) states=states chosen=state on_choose=choose />
                })}
                <button type="button" id="export-submission" on:click=export>{t(Msg::ExportSubmission)}</button>
                <span class="hint">{t(Msg::SubmissionHint)}</span>
            </div>
            <Spreadsheets sheets=vec![Sheet::Needs] paste=true only=state />
            <NeedsTable state=state />
            <NeedsSummary state=state />
            {server::focal_round()}
        </div>
    }
}
