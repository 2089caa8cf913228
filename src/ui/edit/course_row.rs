//! One catalogue course as a table row.

use leptos::prelude::*;
use serde_json::Value;

use super::choices;
use super::field::{Choice, Field};
use crate::model::{Course, Location, Scenario};
use crate::ui::i18n::{Msg, Note};
use crate::ui::shell::server;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::field::Kind;
use crate::ui::vm::edit::rows;

fn course(s: &Scenario, i: usize) -> Option<&Course> {
    s.courses.get(i)
}

/// The field a location is edited at: the whole text when it is one text for every language,
/// the interface language's name when it has names keyed by language (SPEC §2).
fn location_path(s: &Scenario, i: usize, lang: &str) -> String {
    match course(s, i).map(|c| &c.location) {
        Some(Location::Names(_)) => format!("courses[{i}].location.{lang}"),
        _ => format!("courses[{i}].location"),
    }
}

fn title(s: &Scenario, i: usize, lang: &str) -> String {
    course(s, i).and_then(|c| c.title.get(lang).cloned()).unwrap_or_default()
}

#[component]
pub fn CourseRow(i: usize) -> impl IntoView {
    let store = use_store();
    let row_id =
        Signal::derive(move || store.scenario.with(|s| course(s, i).map(|x| x.id.to_string()).unwrap_or_default()));
    let lang = store.lang;
    let p = move |field: &str| format!("courses[{i}].{field}");
    let location = Memo::new(move |_| store.scenario.with(|s| location_path(s, i, lang.get().code())));
    let delete = move |_| {
        if let Err(in_use) = store.change(|s| rows::delete_course(s, i)) {
            store.notify(Note::InUse(in_use));
        }
    };
    view! {
        <tr>
            <td>
                <bdi>
                    <Field path=p("id") kind=Kind::Text label=Msg::Id size="s"
                        read=move |s| course(s, i).map(|c| c.id.to_string()).unwrap_or_default() />
                </bdi>
            </td>
            <td>
                <Field path=p("title.en") kind=Kind::Text label=Msg::TitleEn size="l" read=move |s| title(s, i, "en") />
            </td>
            <td>
                <Field path=p("title.ar") kind=Kind::Text label=Msg::TitleAr size="l" read=move |s| title(s, i, "ar") />
            </td>
            <td>
                <Choice path=p("skill") label=Msg::Skill
                    options=move || store.scenario.with(|s| choices::skills(s, lang.get()))
                    read=move |s| course(s, i).map(|c| Value::String(c.skill.to_string())).unwrap_or(Value::Null) />
            </td>
            <td>
                <Choice path=p("level") label=Msg::Level options=move || choices::levels(lang.get())
                    read=move |s| course(s, i).map(|c| Value::from(c.level)).unwrap_or(Value::Null) />
            </td>
            <td>
                <Choice path=p("language") label=Msg::Language
                    options=move || store.scenario.with(|s| choices::languages(s, lang.get()))
                    read=move |s| course(s, i).map(|c| Value::String(c.language.clone())).unwrap_or(Value::Null) />
            </td>
            <td>
                <Choice path=p("mode") label=Msg::Mode options=move || choices::modes(lang.get())
                    read=move |s| course(s, i).map(|c| Value::String(c.mode.as_str().to_string())).unwrap_or(Value::Null) />
            </td>
            <td>
                {move || {
                    let code = lang.get().code();
                    view! {
                        <Field path=location.get() kind=Kind::Text label=Msg::Location size="m"
                            read=move |s| course(s, i).map(|c| c.location.in_lang(code).to_string()).unwrap_or_default() />
                    }
                }}
            </td>
            <td class="actions">
                <button type="button" class="small danger" on:click=delete>{move || lang.get().t(Msg::Delete)}</button>
                {server::row_save("courses", row_id)}
            </td>
        </tr>
    }
}
