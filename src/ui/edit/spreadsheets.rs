//! Spreadsheets in: import a needs or sessions CSV, paste rows copied from a spreadsheet,
//! download the empty templates. Every import goes through `vm::edit::sheet` (the command
//! line's importer, all rows or none); the report lists each problem with its line and
//! column, and a click on the place shows that row of the file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::StateCode;
use crate::ui::i18n::{UiLang, S};
use crate::ui::shell::browser;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::sheet::{self, Outcome, Report, Sheet, Source, PREVIEWED};

/// `sheets`: which files this workspace imports; `paste`: offer the "Paste rows" box (needs);
/// `only`: the one state whose needs may be imported (the focal point's), or any.
#[component]
pub fn Spreadsheets(
    sheets: Vec<Sheet>,
    #[prop(optional)] paste: bool,
    #[prop(into)] only: Signal<Option<StateCode>>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let report = RwSignal::new(None::<Report>);
    let shown = RwSignal::new(None::<usize>);
    let pasted = RwSignal::new(String::new());
    let run = move |sheet: Sheet, source: Source, bytes: &[u8]| {
        let only = only.get_untracked();
        let (after, done) = store.scenario.with_untracked(|s| sheet::import(s, sheet, source, bytes, only.as_ref()));
        if let Some(scenario) = after {
            store.replace(scenario);
            if source == Source::Paste {
                pasted.set(String::new());
            }
        }
        shown.set(None);
        report.set(Some(done));
    };
    let choose = move |sheet: Sheet, ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let bytes = browser::read_chosen_bytes(&input).await.unwrap_or_default();
            run(sheet, Source::File, &bytes);
        });
    };
    let template = move |sheet: Sheet| {
        browser::download_file(sheet.template_name(), "text/csv;charset=utf-8", &sheet.template());
    };
    let s = move |m: S| move || lang.get().catalogue().s(m);
    let controls = sheets
        .into_iter()
        .map(|sheet| {
            let (import, template_label) = match sheet {
                Sheet::Needs => (S::ImportNeeds, S::NeedsTemplate),
                Sheet::Sessions => (S::ImportSessions, S::SessionsTemplate),
            };
            let input = format!("import-{}-csv", sheet.code());
            view! {
                <label class="button" for=input.clone()>{s(import)}</label>
                <input type="file" id=input class="visually-hidden" accept=".csv,.tsv,.txt,text/csv"
                    on:change=move |ev| choose(sheet, ev) />
                <button type="button" id=format!("template-{}", sheet.code()) on:click=move |_| template(sheet)>
                    {s(template_label)}
                </button>
            }
        })
        .collect_view();
    let paste_box = paste.then(|| {
        view! {
            <div class="paste">
                <label for="paste-needs">{s(S::PasteRows)}</label>
                <span class="hint" id="paste-hint">{s(S::PasteHint)}</span>
                <textarea id="paste-needs" rows="3" aria-describedby="paste-hint" spellcheck="false"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="button" id="paste-add" disabled=move || pasted.with(|p| p.trim().is_empty())
                    on:click=move |_| run(Sheet::Needs, Source::Paste, pasted.get_untracked().as_bytes())>
                    {s(S::AddPasted)}
                </button>
            </div>
        }
    });
    view! {
        <section class="panel spreadsheets" aria-labelledby="spreadsheets-heading">
            <div class="panel-head">
                <h2 id="spreadsheets-heading">{s(S::Spreadsheets)}</h2>
            </div>
            <div class="toolbar">{controls}</div>
            {paste_box}
            {move || {
                let l = lang.get();
                report.get().map(|r| view! { <ReportView report=r shown=shown lang=l /> })
            }}
        </section>
    }
}

/// The report: how many rows were taken, or every problem with a link to its row.
#[component]
fn ReportView(report: Report, shown: RwSignal<Option<usize>>, lang: UiLang) -> impl IntoView {
    let refused = matches!(report.outcome, Outcome::Refused(_));
    let (class, role) = if refused { ("sheet-report warning", "alert") } else { ("sheet-report info", "status") };
    let c = lang.catalogue();
    let problems = report.problems();
    let items = problems
        .iter()
        .take(PREVIEWED)
        .map(|error| {
            let line = error.line;
            let place = c.row_place(line, error.column);
            let what = c.row_problem(&error.problem);
            let column = error.column.unwrap_or("");
            let place = if report.rows.contains_key(&line) {
                view! {
                    <button type="button" class="link" data-line=line data-column=column
                        aria-expanded=move || (shown.get() == Some(line)).to_string()
                        on:click=move |_| shown.update(|s| *s = if *s == Some(line) { None } else { Some(line) })>
                        {place}
                    </button>
                }
                .into_any()
            } else {
                view! { <span class="place">{place}</span> }.into_any()
            };
            view! { <li data-line=line data-column=column>{place}": "{what}</li> }
        })
        .collect_view();
    let more = (problems.len() > PREVIEWED).then(|| view! { <p class="hint">{c.s(S::FirstShown)}</p> });
    let rows = report.rows.clone();
    let columns: Vec<(usize, Option<&'static str>)> = problems.iter().map(|e| (e.line, e.column)).collect();
    let preview = move || {
        let line = shown.get()?;
        let row = rows.get(&line)?.clone();
        let bad: Vec<String> =
            columns.iter().filter(|(l, _)| *l == line).filter_map(|(_, c)| c.map(str::to_string)).collect();
        let l = lang;
        let width = row.header.len().max(row.cells.len());
        let cell = |i: usize, v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
        let mark = move |name: &str| if bad.iter().any(|b| b.eq_ignore_ascii_case(name.trim())) { "bad" } else { "" };
        Some(view! {
            <figure class="row-preview" id="row-preview" data-line=line>
                <figcaption>{l.catalogue().row_place(line, None)}" — "{l.catalogue().s(S::RowOfFile)}</figcaption>
                <div class="table-wrap">
                    <table class="grid">
                        <thead><tr>{(0..width).map(|i| view! { <th class=mark(&cell(i, &row.header))>{cell(i, &row.header)}</th> }).collect_view()}</tr></thead>
                        <tbody><tr>{(0..width).map(|i| view! { <td class=mark(&cell(i, &row.header)) dir="auto">{cell(i, &row.cells)}</td> }).collect_view()}</tr></tbody>
                    </table>
                </div>
                <button type="button" class="small" id="row-preview-close" on:click=move |_| shown.set(None)>
                    {l.catalogue().s(S::Close)}
                </button>
            </figure>
        })
    };
    view! {
        <div class=class role=role id="sheet-report" data-outcome=if refused { "refused" } else { "taken" }>
            <p class="headline">{c.sheet_report(&report)}</p>
            <ul class="row-problems">{items}</ul>
            {more}
            {preview}
        </div>
    }
}
