//! The skills (competency areas) needs and courses refer to.

use leptos::prelude::*;

use super::skill_row::SkillRow;
use crate::ui::i18n::{Msg, UiLang};
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::rows;

#[component]
pub fn SkillsTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let count = Memo::new(move |_| store.scenario.with(|s| s.skills.len()));
    let add = move |_| {
        store.change(|s| rows::add_skill(s, UiLang::En.t(Msg::NewSkill), UiLang::Ar.t(Msg::NewSkill)));
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <section class="panel" aria-labelledby="skills-heading">
            <div class="panel-head">
                <h2 id="skills-heading">{t(Msg::TabSkills)}</h2>
                <span class="muted totals">{move || count.get()}</span>
                <button type="button" class="primary" on:click=add>{t(Msg::AddSkill)}</button>
            </div>
            <div class="table-wrap">
                <table class="grid skills">
                    <thead>
                        <tr>
                            <th>{t(Msg::Id)}</th>
                            <th>{t(Msg::NameEn)}</th>
                            <th>{t(Msg::NameAr)}</th>
                            <th>{t(Msg::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <SkillRow i=i /> } />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
