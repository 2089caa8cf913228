//! The sign-in page (login and password; a wrong pair, too many attempts and an unreachable
//! server each in one sentence) and the invitation page (choose a password under the server's
//! rules, then sign in).

use leptos::prelude::*;

use super::use_conn;
use crate::ui::i18n::connect::{c, too_many, C};
use crate::ui::shell::store::use_store;
use crate::ui::vm::connect::{check_new_password, PasswordIssue, SignInError};

#[component]
pub fn SignInPage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<SignInError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(conn) = use_conn() else { return };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = conn.sign_in(store, login.get_untracked(), password.get_untracked()).await;
            busy.set(false);
            if let Err(err) = result {
                password.set(String::new());
                error.set(Some(err));
            }
        });
    };
    let t = move |w: C| move || c(lang.get(), w);
    let message = move || {
        error.get().map(|err| match err {
            SignInError::Wrong => c(lang.get(), C::WrongLogin).to_string(),
            SignInError::Throttled { minutes } => too_many(lang.get(), minutes),
            SignInError::Unavailable => c(lang.get(), C::Unreachable).to_string(),
        })
    };
    view! {
        <section class="sign-in" id="sign-in">
            <h1>{t(C::SignInTitle)}</h1>
            <p class="intro">{t(C::SignInIntro)}</p>
            <form id="sign-in-form" on:submit=submit>
                <label>
                    <span>{t(C::Login)}</span>
                    <input id="login" type="text" autocomplete="username" dir="ltr" required=true
                        prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t(C::Password)}</span>
                    <input id="password" type="password" autocomplete="current-password" dir="ltr" required=true
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                </label>
                <button type="submit" id="sign-in-submit" disabled=move || busy.get()>{t(C::SignIn)}</button>
                <p id="sign-in-error" class="error" role="alert">{message}</p>
            </form>
        </section>
    }
}

#[component]
pub fn InvitePage(token: String) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<C>);
    let busy = RwSignal::new(false);
    let token = StoredValue::new(token);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(conn) = use_conn() else { return };
        let (pass, pass_again) = (password.get_untracked(), again.get_untracked());
        if let Some(issue) = check_new_password(&pass, &pass_again) {
            error.set(Some(match issue {
                PasswordIssue::TooShort => C::PasswordTooShort,
                PasswordIssue::TooLong => C::PasswordTooLong,
                PasswordIssue::Different => C::PasswordsDiffer,
            }));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = conn.accept(store, token.get_value(), login.get_untracked(), pass).await;
            busy.set(false);
            match result {
                Ok(()) => {}
                Err(0) => error.set(Some(C::Unreachable)),
                Err(401) => error.set(Some(C::WrongLogin)),
                Err(400) => error.set(Some(C::PasswordTooShort)),
                Err(_) => error.set(Some(C::InvitationInvalid)),
            }
        });
    };
    let t = move |w: C| move || c(lang.get(), w);
    view! {
        <section class="sign-in" id="invitation">
            <h1>{t(C::ChoosePassword)}</h1>
            <p class="intro">{t(C::InviteIntro)}</p>
            <form id="invitation-form" on:submit=submit>
                <label>
                    <span>{t(C::Login)}</span>
                    <input id="invite-login" type="text" autocomplete="username" dir="ltr" required=true
                        prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t(C::Password)}</span>
                    <input id="new-password" type="password" autocomplete="new-password" dir="ltr" required=true
                        aria-describedby="password-rule"
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                </label>
                <p id="password-rule" class="hint">{t(C::PasswordRule)}</p>
                <label>
                    <span>{t(C::PasswordAgain)}</span>
                    <input id="new-password-again" type="password" autocomplete="new-password" dir="ltr" required=true
                        prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev)) />
                </label>
                <button type="submit" id="invitation-submit" disabled=move || busy.get()>{t(C::SetPassword)}</button>
                <p id="invitation-error" class="error" role="alert">{move || error.get().map(|w| c(lang.get(), w))}</p>
            </form>
        </section>
    }
}
