//! One skill as a table row.

use leptos::prelude::*;

use super::field::Field;
use crate::model::{Scenario, Skill};
use crate::ui::i18n::{Msg, Note};
use crate::ui::shell::server;
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::field::Kind;
use crate::ui::vm::edit::rows;

fn skill(s: &Scenario, i: usize) -> Option<&Skill> {
    s.skills.get(i)
}

fn name(s: &Scenario, i: usize, lang: &str) -> String {
    skill(s, i).and_then(|k| k.name.get(lang).cloned()).unwrap_or_default()
}

#[component]
pub fn SkillRow(i: usize) -> impl IntoView {
    let store = use_store();
    let row_id =
        Signal::derive(move || store.scenario.with(|s| skill(s, i).map(|x| x.id.to_string()).unwrap_or_default()));
    let p = move |field: &str| format!("skills[{i}].{field}");
    let delete = move |_| {
        if let Err(in_use) = store.change(|s| rows::delete_skill(s, i)) {
            store.notify(Note::InUse(in_use));
        }
    };
    view! {
        <tr>
            <td>
                <bdi>
                    <Field path=p("id") kind=Kind::Text label=Msg::Id size="m"
                        read=move |s| skill(s, i).map(|k| k.id.to_string()).unwrap_or_default() />
                </bdi>
            </td>
            <td><Field path=p("name.en") kind=Kind::Text label=Msg::NameEn size="l" read=move |s| name(s, i, "en") /></td>
            <td><Field path=p("name.ar") kind=Kind::Text label=Msg::NameAr size="l" read=move |s| name(s, i, "ar") /></td>
            <td class="actions">
                <button type="button" class="small danger" on:click=delete>{move || store.lang.get().t(Msg::Delete)}</button>
                {server::row_save("skills", row_id)}
            </td>
        </tr>
    }
}
