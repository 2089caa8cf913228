//! The header: the app's name (the page's one `h1`), workspace (role) switch, language, undo/redo, files in and out, and the
//! state of saving.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use super::data_menu::DataMenu;
use super::server;
use super::store::{use_store, SaveState};
use crate::ui::i18n::{Msg, Note, UiLang};
use crate::ui::vm::shell::files;
use crate::ui::vm::shell::storage::{KEY_LANG, KEY_ROLE};
use crate::ui::vm::shell::Role;

#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let t = move |m: Msg| move || lang.get().t(m);
    let choose_lang = move |ev: leptos::ev::Event| {
        if let Some(l) = UiLang::from_code(&event_target_value(&ev)) {
            store.remember(KEY_LANG, l.code());
            lang.set(l);
        }
    };
    let choose_role = move |role: Role| {
        store.remember(KEY_ROLE, role.code());
        store.role.set(role);
        store.first_visit.set(false);
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_chosen_file(&input).await {
                Some(text) => store.import(&text),
                None => store.notify(Note::ReadFailed),
            }
        });
    };
    let export = move |_| {
        let text = store.scenario.with_untracked(files::export_scenario);
        browser::download(&files::file_name("scenario", None), &text);
    };
    let save_text = move || {
        let l = lang.get();
        match store.save.get() {
            SaveState::Saved => l.t(Msg::Saved),
            SaveState::Pending => l.t(Msg::Saving),
            SaveState::Failed => l.t(Msg::NotSaved),
            SaveState::Off => l.t(Msg::NotSaving),
        }
    };
    let save_class = move || match store.save.get() {
        SaveState::Saved => "save ok",
        SaveState::Pending => "save pending",
        SaveState::Failed | SaveState::Off => "save bad",
    };
    // The connected app (or while finding out): no role chooser, no local files; the account.
    let connected = server::maybe_connected();
    let roles = [(Role::Focal, Msg::RoleFocal), (Role::Centre, Msg::RoleCentre), (Role::Planner, Msg::RolePlanner)];
    view! {
        <header class="top">
            <div class="brand">
                <h1 class="name">{t(Msg::AppName)}</h1>
                <span class="tagline">{t(Msg::AppTagline)}</span>
            </div>
            <Show when=move || !connected()>
            <nav class="roles" aria-label=t(Msg::Workspace)>
                {roles
                    .into_iter()
                    .map(|(role, msg)| {
                        view! {
                            <button type="button" id=format!("role-{}", role.code())
                                aria-pressed=move || (store.role.get() == role).to_string()
                                on:click=move |_| choose_role(role)>
                                {t(msg)}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            </Show>
            <label class="inline lang">
                <span>{t(Msg::Language)}</span>
                <select id="lang" on:change=choose_lang>
                    {UiLang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() lang=l.code() selected=move || lang.get() == l>{l.own_name()}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            {server::account_badge()}
            <Show when=move || !connected()>
            <div class="actions">
                <button type="button" id="undo" disabled=move || !store.can_undo.get() on:click=move |_| store.undo()>{t(Msg::Undo)}</button>
                <button type="button" id="redo" disabled=move || !store.can_redo.get() on:click=move |_| store.redo()>{t(Msg::Redo)}</button>
                <label class="button" for="import-file">{t(Msg::Import)}</label>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" on:change=import />
                <button type="button" id="export-scenario" on:click=export>{t(Msg::ExportScenario)}</button>
                // As wide as its longest words in every state, so that "Saving…" turning into
                // "Saved" never moves the page under a pointer about to click.
                <span class="save-slot">
                    <span id="save-state" class=save_class role="status">{save_text}</span>
                    {[Msg::Saved, Msg::Saving, Msg::NotSaved, Msg::NotSaving]
                        .into_iter()
                        .map(|m| view! { <span class="save save-sizer" aria-hidden="true">{t(m)}</span> })
                        .collect_view()}
                </span>
                <DataMenu />
            </div>
            </Show>
        </header>
    }
}
