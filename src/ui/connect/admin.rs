//! The administrator's workspace: every account with its role, state and status, adding one
//! (the one-time invitation link shown to copy), disabling one, resetting one (a new link);
//! and the audit log, newest first, a page at a time.

use leptos::prelude::*;

use super::published::{origin, CopyField};
use super::{http, use_conn};
use crate::model::name_in;
use crate::ui::i18n::connect::{c, role, C};
use crate::ui::i18n::round::{page_of, r, R};
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::admin::{self, AuditLine, InviteError};
use crate::ui::vm::connect::request::{self, Answer, Request};
use crate::ui::vm::connect::{users_of, AccountRole};

const ROLES: [(&str, AccountRole); 4] = [
    ("focal", AccountRole::Focal),
    ("centre", AccountRole::Centre),
    ("planner", AccountRole::Planner),
    ("admin", AccountRole::Admin),
];

#[component]
pub fn AdminWorkspace() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let conn = use_conn();
    let csrf =
        move || conn.and_then(|c| c.account.with_untracked(|a| a.as_ref().map(|a| a.csrf.clone()))).unwrap_or_default();
    let users = move || conn.map(|conn| conn.users.get()).unwrap_or_default();
    // The last invitation made: whose, and its link.
    let link = RwSignal::new(None::<(String, String)>);
    let error = RwSignal::new(None::<String>);
    let audit = RwSignal::new(Vec::<AuditLine>::new());
    let page = RwSignal::new(0usize);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            if let Some(Answer { status: 200, body, .. }) = http::send(&request::users()).await {
                if let Some(conn) = conn {
                    conn.users.set(users_of(&body));
                }
            }
            if let Some(Answer { status: 200, body, .. }) = http::send(&admin::audit()).await {
                audit.set(admin::audit_of(&body));
            }
        });
    };
    refresh();
    // Sends an account's change; an invitation in the answer is shown to copy.
    let act = move |login: String, request: Request| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            match http::send(&request).await {
                Some(answer) if (200..300).contains(&answer.status) => {
                    match admin::invitation_of(&answer.body) {
                        Some(token) => link.set(Some((login, admin::invitation_link(&origin(), &token)))),
                        None => link.set(None),
                    }
                    refresh();
                }
                Some(answer) => {
                    let why = match InviteError::from_answer(answer.status, &answer.body) {
                        InviteError::Taken => r(l, R::LoginTaken).to_string(),
                        InviteError::Refused(detail) => detail,
                        InviteError::Unavailable => answer.status.to_string(),
                    };
                    error.set(Some(format!("{}: {why}", r(l, R::NotDone))));
                }
                None => error.set(Some(format!("{}: {}", r(l, R::NotDone), c(l, C::Unreachable)))),
            }
        });
    };
    let new_login = RwSignal::new(String::new());
    let new_role = RwSignal::new("focal".to_string());
    let new_state = RwSignal::new(String::new());
    let invite = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let login = new_login.get_untracked().trim().to_string();
        let state = new_state.get_untracked();
        let state = if state.is_empty() { None } else { Some(state.as_str()) };
        act(login.clone(), admin::invite(&login, &new_role.get_untracked(), state, &csrf()));
    };
    let states = Memo::new(move |_| {
        let l = lang.get();
        store.scenario.with(|s| {
            s.states.iter().map(|st| (st.code.to_string(), name_in(&st.name, l.code()).to_string())).collect::<Vec<_>>()
        })
    });
    let t = move |w: R| move || r(lang.get(), w);
    let tc = move |w: C| move || c(lang.get(), w);
    view! {
        <div class="workspace" id="admin">
            <h2>{tc(C::Accounts)}</h2>
            <p class="intro">{tc(C::AccountsIntro)}</p>
            <form id="invite-form" class="toolbar" on:submit=invite>
                <h3>{t(R::InviteTitle)}</h3>
                <label><span>{tc(C::Login)}</span>
                    <input id="invite-new-login" type="text" dir="ltr" required=true
                        prop:value=move || new_login.get() on:input=move |ev| new_login.set(event_target_value(&ev)) />
                </label>
                <label><span>{tc(C::Role)}</span>
                    <select id="invite-role" on:change=move |ev| new_role.set(event_target_value(&ev))>
                        {move || ROLES.into_iter().map(|(name, r)| view! {
                            <option value=name selected=move || new_role.get() == name>{role(lang.get(), r)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || new_role.get() == "focal">
                    <label><span>{tc(C::State)}</span>
                        <select id="invite-state" on:change=move |ev| new_state.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {move || states.get().into_iter().map(|(code, name)| view! { <option value=code.clone()>{name}" ("{code.clone()}")"</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <button type="submit" id="invite-submit">{t(R::Invite)}</button>
            </form>
            {move || link.get().map(|(login, url)| view! {
                <div class="invitation-link" id="invitation-link" data-login=login.clone()>
                    <p><bdi>{login.clone()}</bdi>": "{r(lang.get(), R::InviteLinkFor)}</p>
                    <CopyField id="invitation-url" text=url />
                </div>
            })}
            <p id="admin-error" class="error" role="alert">{move || error.get()}</p>
            <p class="hint">{t(R::ResetHint)}</p>
            <table class="accounts">
                <thead>
                    <tr>
                        <th>{tc(C::Login)}</th>
                        <th>{tc(C::Role)}</th>
                        <th>{tc(C::State)}</th>
                        <th>{tc(C::Status)}</th>
                        <th>{t(R::Actions)}</th>
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
                                let (a, b) = (user.login.clone(), user.login.clone());
                                view! {
                                    <tr data-login=user.login.clone()>
                                        <td><bdi>{user.login.clone()}</bdi></td>
                                        <td>{role_name}</td>
                                        <td><bdi>{user.state.unwrap_or_default()}</bdi></td>
                                        <td class="status">{c(l, status)}</td>
                                        <td>
                                            <button type="button" class="small danger disable" disabled=user.disabled
                                                on:click=move |_| act(a.clone(), admin::disable(&a, &csrf()))>{r(l, R::Disable)}</button>" "
                                            <button type="button" class="small reset"
                                                on:click=move |_| act(b.clone(), admin::reset(&b, &csrf()))>{r(l, R::Reset)}</button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <section class="panel audit" id="audit" aria-labelledby="audit-heading">
                <h2 id="audit-heading">{t(R::AuditTitle)}</h2>
                <div class="toolbar">
                    <button type="button" id="audit-newer" class="small" disabled=move || page.get() == 0
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{t(R::PreviousPage)}</button>
                    <span id="audit-page">{move || audit.with(|lines| page_of(lang.get(), page.get().min(admin::pages(lines.len()) - 1) + 1, admin::pages(lines.len())))}</span>
                    <button type="button" id="audit-older" class="small"
                        disabled=move || audit.with(|lines| page.get() + 1 >= admin::pages(lines.len()))
                        on:click=move |_| page.update(|p| *p += 1)>{t(R::NextPage)}</button>
                </div>
                <table class="audit-log" id="audit-log">
                    <thead><tr><th>{t(R::When)}</th><th>{t(R::Who)}</th><th>{t(R::Action)}</th><th>{t(R::Entity)}</th></tr></thead>
                    <tbody>
                        {move || audit.with(|lines| admin::page(lines, page.get()).to_vec()).into_iter().map(|line| view! {
                            <tr>
                                <td dir="ltr">{crate::ui::vm::connect::round::when(&line.time)}</td>
                                <td><bdi>{line.login}</bdi></td>
                                <td>{line.action}</td>
                                <td><bdi dir="ltr">{line.entity}</bdi></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </div>
    }
}
