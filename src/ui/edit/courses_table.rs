//! The regional centre's catalogue of courses.

use leptos::prelude::*;

use super::course_row::CourseRow;
use crate::ui::i18n::{Msg, UiLang};
use crate::ui::shell::store::use_store;
use crate::ui::vm::edit::rows;

#[component]
pub fn CoursesTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let count = Memo::new(move |_| store.scenario.with(|s| s.courses.len()));
    let add = move |_| {
        store.change(|s| rows::add_course(s, UiLang::En.t(Msg::NewCourse), UiLang::Ar.t(Msg::NewCourse)));
    };
    let t = move |m: Msg| move || lang.get().t(m);
    view! {
        <section class="panel" aria-labelledby="courses-heading">
            <div class="panel-head">
                <h2 id="courses-heading">{t(Msg::Courses)}</h2>
                <span class="muted totals">{move || count.get()}</span>
                <button type="button" class="primary" id="add-course" on:click=add>{t(Msg::AddCourse)}</button>
            </div>
            <div class="table-wrap">
                <table class="grid courses">
                    <thead>
                        <tr>
                            <th>{t(Msg::Id)}</th>
                            <th>{t(Msg::TitleEn)}</th>
                            <th>{t(Msg::TitleAr)}</th>
                            <th>{t(Msg::Skill)}</th>
                            <th>{t(Msg::Level)}</th>
                            <th>{t(Msg::Language)}</th>
                            <th>{t(Msg::Mode)}</th>
                            <th>{t(Msg::Location)}</th>
                            <th>{t(Msg::Actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <CourseRow i=i /> } />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
