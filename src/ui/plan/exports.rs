//! The plan's downloads: plan sheet, unmet-needs sheet, calendar and JSON, for all states or
//! one, in English, Arabic or French, written by the same `io` functions as `qudra export`. Each button
//! shows the name of the file it gives.

use leptos::prelude::*;

use super::store::use_plan;
use crate::io::FileLang;
use crate::model::StateCode;
use crate::ui::i18n::{Msg, P};
use crate::ui::shell::browser;
use crate::ui::shell::state_select::{states_of, StateSelect};
use crate::ui::shell::store::use_store;
use crate::ui::shell::tabs::Words;
use crate::ui::vm::plan::calendar::plan_year;
use crate::ui::vm::plan::exports::{self, Export};

fn label(export: Export) -> P {
    match export {
        Export::PlanCsv => P::ExportPlanCsv,
        Export::UnmetCsv => P::ExportUnmetCsv,
        Export::Ics => P::ExportIcs,
        Export::Json => P::ExportJson,
    }
}

#[component]
pub fn PlanExports() -> impl IntoView {
    let store = use_store();
    let plan = use_plan();
    let lang = store.lang;
    let state = RwSignal::new(None::<StateCode>);
    let file_lang = RwSignal::new(exports::export_lang(lang.get_untracked().code()));
    let last = RwSignal::new(None::<String>);
    let states =
        Memo::new(move |_| plan.solved.with(|s| s.as_ref().map(|s| states_of(&s.scenario)).unwrap_or_default()));
    let year = Memo::new(move |_| {
        plan.solved.with(|s| s.as_ref().map_or(crate::model::read::FALLBACK_YEAR, |s| plan_year(&s.scenario)))
    });
    let download = move |export: Export| {
        let file = plan.solved.with_untracked(|s| {
            s.as_ref().map(|s| {
                exports::export(
                    s,
                    export,
                    state.get_untracked().as_ref(),
                    file_lang.get_untracked(),
                    browser::now_utc(),
                )
            })
        });
        match file {
            Some(Ok(file)) if browser::download_file(&file.name, file.mime, &file.text) => last.set(Some(file.name)),
            Some(Err(error)) => last.set(Some(error.to_string())),
            Some(Ok(_)) | None => {}
        }
    };
    view! {
        <section class="panel" id="exports" aria-labelledby="exports-heading">
            <h2 id="exports-heading">{move || lang.get().p(P::ViewExport)}</h2>
            <p class="hint">{move || lang.get().p(P::ExportHint)}</p>
            <div class="toolbar">
                <StateSelect id="export-state" label=Words::Plan(P::For) states=states chosen=state
                    on_choose=move |code| state.set(code) all=Words::Plan(P::AllStatesOption) />
                <label class="inline">
                    <span>{move || lang.get().p(P::FilesLanguage)}</span>
                    <select id="export-lang" on:change=move |ev| {
                        file_lang.set(exports::export_lang(&event_target_value(&ev)));
                    }>
                        <option value="en" selected=move || file_lang.get() == FileLang::En>{move || lang.get().t(Msg::LangEn)}</option>
                        <option value="ar" selected=move || file_lang.get() == FileLang::Ar>{move || lang.get().t(Msg::LangAr)}</option>
                        <option value="fr" selected=move || file_lang.get() == FileLang::Fr>{move || lang.get().t(Msg::LangFr)}</option>
                    </select>
                </label>
            </div>
            <ul class="downloads">
                {Export::ALL
                    .into_iter()
                    .map(|export| {
                        let name = move || {
                            exports::file_name(export, year.get(), state.get().as_ref(), file_lang.get())
                        };
                        view! {
                            <li>
                                <button type="button" id=format!("export-{}", export.code()) on:click=move |_| download(export)>
                                    {move || lang.get().p(label(export))}
                                </button>
                                " "
                                <bdi class="code file-name">{name}</bdi>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || last.get().map(|name| view! {
                <p class="muted" role="status" id="export-done">{move || lang.get().p(P::Downloaded)}": "<bdi class="code">{name.clone()}</bdi></p>
            })}
        </section>
    }
}
