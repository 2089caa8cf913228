//! Inputs bound to a field of the scenario by its JSON path: a text, number or date box, a
//! choice list, and a set of checkboxes. Each shows, right after itself, what is wrong with the
//! field (the refused draft's problems and the scenario's own), in the chosen language.

use leptos::prelude::*;
use serde_json::Value;

use crate::model::Scenario;
use crate::ui::i18n::Msg;
use crate::ui::shell::store::{use_store, Store};
use crate::ui::vm::edit::field::Kind;

/// What a table row gives the fields inside it (by context): a count that moves only when the
/// row's own data changes. The scenario is one signal, so without it every field of every row
/// on view would re-read it on each keystroke anywhere, and each of those subscribers leaving
/// and rejoining the signal costs in proportion to all of them.
#[derive(Clone, Copy)]
pub struct RowScope(Memo<u64>);

impl RowScope {
    /// A scope that moves whenever `row` (what the row shows, compared by value) changes.
    pub fn new<T: PartialEq + Send + Sync + 'static>(row: Memo<T>) -> RowScope {
        // Read, not only tracked: a memo that is never read never computes, so it would
        // never learn that its row changed.
        RowScope(Memo::new(move |previous: Option<&u64>| {
            row.with(|_| ());
            previous.map_or(0, |p| p + 1)
        }))
    }
}

/// Reads the scenario for a field: tracked through the field's row when it is in one, else
/// tracked whole.
fn read_scenario<T>(store: Store, scope: Option<RowScope>, read: impl FnOnce(&Scenario) -> T) -> T {
    match scope {
        Some(RowScope(version)) => {
            version.with(|_| ());
            store.scenario.with_untracked(read)
        }
        None => store.scenario.with(read),
    }
}

/// The problems of the field at `path`, as a list read by screen readers when it changes.
#[component]
pub fn FieldIssues(#[prop(into)] path: String) -> impl IntoView {
    let store = use_store();
    let issues = {
        let path = path.clone();
        Memo::new(move |_| store.field_issues(&path))
    };
    let not_saved = {
        let path = path.clone();
        Memo::new(move |_| store.has_draft(&path))
    };
    view! {
        <span class="issues" role="status" aria-live="polite">
            <Show when=move || not_saved.get()>
                <span class="not-saved">{move || store.lang.get().t(Msg::NotSaved)}</span>
            </Show>
            {move || {
                let lang = store.lang.get();
                issues
                    .get()
                    .into_iter()
                    .map(|issue| view! { <span class="issue">{lang.catalogue().issue(&issue.issue)}</span> })
                    .collect_view()
            }}
        </span>
    }
}

/// A text, number or date input for the field at `path`.
#[component]
pub fn Field<F>(
    #[prop(into)] path: String,
    kind: Kind,
    label: Msg,
    read: F,
    /// Extra help: the input's tooltip, placeholder and accessible description, shown under
    /// the input while it has the focus.
    #[prop(optional)]
    hint: Option<Msg>,
    /// Size class: "s" (numbers, codes), "m" (default) or "l" (titles, notes).
    #[prop(optional)]
    size: &'static str,
) -> impl IntoView
where
    F: Fn(&Scenario) -> String + Send + Sync + 'static,
{
    let store = use_store();
    let scope = use_context::<RowScope>();
    let date = matches!(kind, Kind::Date | Kind::WindowDate);
    let value = {
        let path = path.clone();
        Memo::new(move |_| {
            store
                .drafts
                .with(|d| d.get(&path).map(|draft| draft.text.clone()))
                .unwrap_or_else(|| read_scenario(store, scope, &read))
        })
    };
    let invalid = {
        let path = path.clone();
        Memo::new(move |_| !store.field_issues(&path).is_empty())
    };
    let edit = {
        let path = path.clone();
        move |ev: leptos::ev::Event| store.edit_text(&path, kind, event_target_value(&ev))
    };
    let numeric = matches!(kind, Kind::Int | Kind::OptInt | Kind::Num);
    let size = if size.is_empty() { "m" } else { size };
    // Dates are typed as ISO text (never the browser's date picker, whose order of day and
    // month follows the browser's locale, not the app's language) and read back in words.
    let placeholder = move || match (hint, date) {
        (_, true) => store.lang.get().t(Msg::DateFormat),
        (Some(h), false) => store.lang.get().t(h),
        (None, false) => "",
    };
    let tooltip = move || match (hint, date) {
        (Some(h), false) => store.lang.get().t(h).to_string(),
        (Some(h), true) => format!("{} · {}", store.lang.get().t(h), store.lang.get().t(Msg::DateHelp)),
        (None, true) => store.lang.get().t(Msg::DateHelp).to_string(),
        (None, false) => String::new(),
    };
    let words = {
        let path = path.clone();
        move || {
            if !date || store.has_draft(&path) {
                return String::new();
            }
            chrono::NaiveDate::parse_from_str(&value.get(), "%Y-%m-%d")
                .map(|d| store.lang.get().catalogue().date(d))
                .unwrap_or_default()
        }
    };
    // The help under the input (its hint, the date in words) is its accessible description;
    // in a table it shows only while the input has the focus, so every row stays one line.
    let help_id = format!("help-{path}");
    let helped = hint.is_some() || date;
    let described = helped.then(|| help_id.clone());
    let input = view! {
        <input
            type="text"
            class=format!("in-{size}")
            class:date=date
            dir=move || direction(date, &value.get())
            inputmode=if numeric { "decimal" } else { "text" }
            data-path=path.clone()
            aria-label=move || store.lang.get().t(label)
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=described
            title=helped.then_some(tooltip)
            placeholder=helped.then_some(placeholder)
            prop:value=move || value.get()
            on:input=edit
        />
    };
    // A field with neither (an id, a count, a note) has no help, so no empty element.
    let help = helped.then(|| {
        let hint = hint.map(|h| view! { <span class="field-hint">{move || store.lang.get().t(h)}</span> });
        let words = date.then(|| view! { <span class="date-words muted">{words}</span> });
        view! {
            <span class="field-help" id=help_id>
                {hint}
                {words}
            </span>
        }
    });
    view! {
        <span class="field">
            {input}
            {help}
            <FieldIssues path=path />
        </span>
    }
}

/// The `dir` of an input: a typed date always left to right; other text follows what is typed
/// (an English title in the Arabic page reads left to right), and an empty field follows the
/// page, so its placeholder (the date's format in words) reads in the interface's direction.
fn direction(date: bool, text: &str) -> Option<&'static str> {
    match (date, text.is_empty()) {
        (_, true) => None,
        (true, false) => Some("ltr"),
        (false, false) => Some("auto"),
    }
}

/// A choice list for the field at `path`; each option is a JSON value and its label.
///
/// Until the list is first focused or pressed it holds only the chosen option: a table of a
/// page of rows would otherwise build and lay out every skill, level and priority of every
/// row (about a third of the needs table's elements) before anyone opens one. Focus — a
/// click, Tab, or a screen reader moving onto it — adds the others before the list opens; the
/// list keeps its name, its place in the tab order and its value.
#[component]
pub fn Choice<O, F>(#[prop(into)] path: String, label: Msg, options: O, read: F) -> impl IntoView
where
    O: Fn() -> Vec<(Value, String)> + Send + Sync + 'static,
    F: Fn(&Scenario) -> Value + Send + Sync + 'static,
{
    let store = use_store();
    let scope = use_context::<RowScope>();
    let current = Memo::new(move |_| read_scenario(store, scope, &read));
    let options = Memo::new(move |_| options());
    let edit = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
            store.edit_value(&path, value);
        }
    };
    let all = RwSignal::new(false);
    let open = move || {
        if !all.get_untracked() {
            all.set(true);
        }
    };
    view! {
        <span class="field">
            <select data-path=path.clone() aria-label=move || store.lang.get().t(label) on:change=edit
                on:focus=move |_| open() on:pointerdown=move |_| open()>
                {move || {
                    let now = current.get();
                    let mut options = options.get();
                    if !all.get() {
                        options.retain(|(v, _)| *v == now);
                    }
                    if !options.iter().any(|(v, _)| *v == now) {
                        let shown = now.as_str().map(str::to_string).unwrap_or_else(|| now.to_string());
                        options.insert(0, (now.clone(), shown));
                    }
                    options
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == now;
                            view! { <option value=value.to_string() selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <FieldIssues path=path />
        </span>
    }
}

/// A set of checkboxes for a list field at `path` (languages, modes). Ticking a box writes the
/// whole list; `read` gives the list in effect (with its default when the field is unset).
#[component]
pub fn CheckList<O, F>(#[prop(into)] path: String, label: Msg, options: O, read: F) -> impl IntoView
where
    O: Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    F: Fn(&Scenario) -> Vec<String> + Send + Sync + 'static,
{
    let store = use_store();
    let scope = use_context::<RowScope>();
    let chosen = Memo::new(move |_| read_scenario(store, scope, &read));
    let options = Memo::new(move |_| options());
    let group_path = path.clone();
    view! {
        <span class="field">
            <span class="checks" role="group" aria-label=move || store.lang.get().t(label) data-path=path.clone()>
                {move || {
                    let chosen = chosen.get();
                    let options = options.get();
                    let all: Vec<String> = options.iter().map(|(code, _)| code.clone()).collect();
                    options
                        .into_iter()
                        .map(|(code, text)| {
                            let checked = chosen.contains(&code);
                            let path = group_path.clone();
                            let chosen = chosen.clone();
                            let all = all.clone();
                            let toggle = move |_| {
                                let next: Vec<Value> = all
                                    .iter()
                                    .filter(|c| if **c == code { !checked } else { chosen.contains(c) })
                                    .map(|c| Value::String(c.clone()))
                                    .collect();
                                store.edit_value(&path, Value::Array(next));
                            };
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=checked on:change=toggle />
                                    {text}
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </span>
            <FieldIssues path=path />
        </span>
    }
}
