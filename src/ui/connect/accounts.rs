//! The administrator's workspace: every account (`GET /api/users`) with its role, state and
//! status. Adding, disabling and resetting accounts stay with `qudra user` for now.

use leptos::prelude::*;

use super::use_conn;
use crate::ui::i18n::connect::{c, role, C};
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::AccountRole;

#[component]
pub fn AccountsWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let conn = use_conn();
    let users = move || conn.map(|conn| conn.users.get()).unwrap_or_default();
    let t = move |w: C| move || c(lang.get(), w);
    view! {
        <div class="workspace" id="admin">
            <h2>{t(C::Accounts)}</h2>
            <p class="intro">{t(C::AccountsIntro)}</p>
            <table class="accounts">
                <thead>
                    <tr>
                        <th>{t(C::Login)}</th>
                        <th>{t(C::Role)}</th>
                        <th>{t(C::State)}</th>
                        <th>{t(C::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        users()
                            .into_iter()
                            .map(|user| {
                                let l = lang.get();
                                let role_name = AccountRole::named(&user.role).map_or(user.role.clone(), |r| role(l, r).to_string());
                                let status = if user.disabled {
                                    C::Disabled
                                } else if user.invited {
                                    C::Invited
                                } else {
                                    C::Active
                                };
                                view! {
                                    <tr>
                                        <td><bdi>{user.login}</bdi></td>
                                        <td>{role_name}</td>
                                        <td><bdi>{user.state.unwrap_or_default()}</bdi></td>
                                        <td>{c(l, status)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
