//! The connected app's words (sign-in, invitation, account header, each row's saving, the
//! admin's accounts) in the three languages, one exhaustive match per language, and the
//! sentences with values (`too_many`, `refusal`, `role`).

use super::plural::{arabic, english, french, Form};
use super::{Msg, UiLang};
use crate::ui::vm::connect::problems::{Placed, Rule};
use crate::ui::vm::connect::sync::Refusal;
use crate::ui::vm::connect::AccountRole;

/// A label of the connected app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum C {
    SignInTitle,
    SignInIntro,
    Login,
    Password,
    SignIn,
    SignOut,
    WrongLogin,
    Unreachable,
    Loading,
    LoadFailed,
    ChoosePassword,
    InviteIntro,
    PasswordRule,
    PasswordAgain,
    SetPassword,
    PasswordTooShort,
    PasswordTooLong,
    PasswordsDiffer,
    InvitationInvalid,
    RowSaved,
    RowSaving,
    RowNotSaved,
    RoleAdmin,
    Accounts,
    AccountsIntro,
    Role,
    State,
    Status,
    Active,
    Invited,
    Disabled,
    Forbidden,
    Gone,
    Conflict,
    Invalid,
    Offline,
    Refused,
    Yours,
    Theirs,
    KeepMine,
    TakeTheirs,
    Deleted,
    SeeField,
}

pub fn c(lang: UiLang, w: C) -> &'static str {
    match lang {
        UiLang::En => en(w),
        UiLang::Ar => ar(w),
        UiLang::Fr => fr(w),
    }
}

/// A role's name in the interface language.
pub fn role(lang: UiLang, role: AccountRole) -> &'static str {
    match role {
        AccountRole::Admin => c(lang, C::RoleAdmin),
        AccountRole::Centre => lang.t(Msg::RoleCentre),
        AccountRole::Planner => lang.t(Msg::RolePlanner),
        AccountRole::Focal => lang.t(Msg::RoleFocal),
    }
}

/// "Too many attempts: try again in N minutes".
pub fn too_many(lang: UiLang, minutes: u64) -> String {
    let n = i64::try_from(minutes).unwrap_or(i64::MAX);
    match lang {
        UiLang::En => {
            let word = if english(n) == Form::One { "minute" } else { "minutes" };
            format!("Too many attempts: try again in {n} {word}.")
        }
        UiLang::Fr => {
            let word = if french(n) == Form::One { "minute" } else { "minutes" };
            format!("Trop de tentatives : réessayez dans {n} {word}.")
        }
        UiLang::Ar => {
            let when = match arabic(n) {
                Form::One => "دقيقة واحدة".to_string(),
                Form::Two => "دقيقتين".to_string(),
                Form::Few => format!("{n} دقائق"),
                Form::Zero | Form::Many | Form::Other => format!("{n} دقيقة"),
            };
            format!("محاولات كثيرة جدًا: حاول مرة أخرى بعد {when}.")
        }
    }
}

/// The app's sentence for a refusal's status.
fn refusal_head(lang: UiLang, status: u16) -> &'static str {
    c(
        lang,
        match status {
            0 => C::Offline,
            403 => C::Forbidden,
            404 => C::Gone,
            409 => C::Conflict,
            422 => C::Invalid,
            _ => C::Refused,
        },
    )
}

/// Why a row was not saved: the app's sentence for the status, then the server's own words.
pub fn refusal(lang: UiLang, refusal: &Refusal) -> String {
    let head = refusal_head(lang, refusal.status);
    if refusal.detail.is_empty() {
        head.to_string()
    } else {
        format!("{head} ({})", refusal.detail)
    }
}

/// Why a row was not saved when the server's problems came typed: the status's sentence,
/// then the problems at the row in the interface language (those next to fields are not
/// repeated: "see the marked field"); the server's sentence only for a code this app cannot
/// read. Without problems, [`refusal`].
pub fn refusal_placed(lang: UiLang, why: &Refusal, placed: &Placed) -> String {
    if *placed == Placed::default() {
        return refusal(lang, why);
    }
    let head = refusal_head(lang, why.status);
    let mut parts: Vec<String> = placed.at_row.iter().map(|issue| lang.catalogue().issue(issue)).collect();
    parts.extend(placed.unread.iter().map(|message| super::iso(message)));
    if parts.is_empty() {
        parts.push(format!("{}.", c(lang, C::SeeField)));
    }
    let colon = if lang == UiLang::Fr { " :" } else { ":" };
    format!("{head}{colon} {}", parts.join(" "))
}

/// A rule only the server keeps, as a field's problem.
pub fn rule(lang: UiLang, rule: &Rule) -> String {
    use super::iso;
    match (lang, rule) {
        (UiLang::En, Rule::NeedIdPrefix { state }) => {
            format!("The id of a need of {} starts with {}.", iso(state), iso(&format!("{state}-")))
        }
        (UiLang::Ar, Rule::NeedIdPrefix { state }) => {
            format!("معرِّف احتياج الدولة {} يبدأ بـ {}.", iso(state), iso(&format!("{state}-")))
        }
        (UiLang::Fr, Rule::NeedIdPrefix { state }) => {
            format!("L'identifiant d'un besoin de {} commence par {}.", iso(state), iso(&format!("{state}-")))
        }
        (UiLang::En, Rule::OtherState { state }) => format!("You enter the needs of {} only.", iso(state)),
        (UiLang::Ar, Rule::OtherState { state }) => format!("تُدخل احتياجات الدولة {} فقط.", iso(state)),
        (UiLang::Fr, Rule::OtherState { state }) => format!("Vous saisissez les besoins de {} seulement.", iso(state)),
        (lang, Rule::KeyDiffers { address, sent }) => {
            let sent = iso(sent.as_deref().unwrap_or(""));
            match lang {
                UiLang::En => format!("The id {sent} is not {}, the row being saved.", iso(address)),
                UiLang::Ar => format!("المعرِّف {sent} ليس {}، الصف الذي يُحفظ.", iso(address)),
                UiLang::Fr => format!("L'identifiant {sent} n'est pas {}, la ligne enregistrée.", iso(address)),
            }
        }
        (UiLang::En, Rule::NotAnObject) => {
            "The server received something other than a row; nothing was changed.".into()
        }
        (UiLang::Ar, Rule::NotAnObject) => "تلقّى الخادم شيئًا غير صف؛ لم يتغيّر شيء.".into(),
        (UiLang::Fr, Rule::NotAnObject) => "Le serveur a reçu autre chose qu'une ligne ; rien n'a changé.".into(),
        (UiLang::En, Rule::NotJson { line, column }) => {
            format!("The server could not read what was sent (line {line}, column {column}); nothing was changed.")
        }
        (UiLang::Ar, Rule::NotJson { line, column }) => {
            format!("تعذّر على الخادم قراءة ما أُرسل (السطر {line}، العمود {column})؛ لم يتغيّر شيء.")
        }
        (UiLang::Fr, Rule::NotJson { line, column }) => {
            format!(
                "Le serveur n'a pas pu lire ce qui a été envoyé (ligne {line}, colonne {column}) ; rien n'a changé."
            )
        }
    }
}

/// A row's field, as the tables head its column (the JSON name when no column shows it).
pub fn field_label(lang: UiLang, field: &str) -> String {
    let msg = match field {
        "id" => Msg::Id,
        "skill" => Msg::Skill,
        "level" => Msg::Level,
        "trainees" => Msg::Trainees,
        "priority" => Msg::Priority,
        "languages" => Msg::Languages,
        "modes" => Msg::Modes,
        "note" => Msg::Note,
        "seats" => Msg::Seats,
        _ => return field.to_string(),
    };
    lang.t(msg).to_string()
}

/// "Changed by <login> at <time>", as far as the server said.
pub fn changed_by(lang: UiLang, by: Option<&str>, at: Option<&str>) -> String {
    let by = by.unwrap_or("?");
    match (lang, at) {
        (UiLang::En, Some(at)) => format!("Changed by {by} at {at}"),
        (UiLang::En, None) => format!("Changed by {by}"),
        (UiLang::Fr, Some(at)) => format!("Modifiée par {by} le {at}"),
        (UiLang::Fr, None) => format!("Modifiée par {by}"),
        (UiLang::Ar, Some(at)) => format!("غيّره {by} في {at}"),
        (UiLang::Ar, None) => format!("غيّره {by}"),
    }
}

fn en(w: C) -> &'static str {
    match w {
        C::SignInTitle => "Sign in to the shared workspace",
        C::SignInIntro => {
            "Your account decides what you see and change: your state's needs, the catalogue, or the plan."
        }
        C::Login => "Login",
        C::Password => "Password",
        C::SignIn => "Sign in",
        C::SignOut => "Sign out",
        C::WrongLogin => "The login or the password is wrong.",
        C::Unreachable => "The server cannot be reached; try again in a moment.",
        C::Loading => "Loading the shared workspace…",
        C::LoadFailed => "The shared workspace could not be loaded; reload the page.",
        C::ChoosePassword => "Choose your password",
        C::InviteIntro => "You were invited to the shared workspace. Give your login and choose a password.",
        C::PasswordRule => "At least 10 characters, at most 1024 bytes.",
        C::PasswordAgain => "Password again",
        C::SetPassword => "Set the password and sign in",
        C::PasswordTooShort => "The password needs at least 10 characters.",
        C::PasswordTooLong => "The password is longer than 1024 bytes.",
        C::PasswordsDiffer => "The two passwords are not the same.",
        C::InvitationInvalid => {
            "This invitation has been used or is no longer valid: ask the administrator for a new one."
        }
        C::RowSaved => "Saved",
        C::RowSaving => "Saving…",
        C::RowNotSaved => "Not saved",
        C::RoleAdmin => "Administrator",
        C::Accounts => "Accounts",
        C::AccountsIntro => "Everyone who can sign in. Accounts are added with `qudra user add`.",
        C::Role => "Role",
        C::State => "State",
        C::Status => "Status",
        C::Active => "Active",
        C::Invited => "Invited",
        C::Disabled => "Disabled",
        C::Forbidden => "Your role may not change this",
        C::Gone => "This row is no longer on the server",
        C::Conflict => "Someone else changed this row meanwhile",
        C::Invalid => "The server refused this value",
        C::Offline => "The server cannot be reached; the change is sent again with the next one",
        C::Refused => "The server refused the change",
        C::Yours => "Yours",
        C::Theirs => "On the server",
        C::KeepMine => "Keep mine",
        C::TakeTheirs => "Take theirs",
        C::Deleted => "(deleted)",
        C::SeeField => "see the marked field",
    }
}

fn ar(w: C) -> &'static str {
    match w {
        C::SignInTitle => "تسجيل الدخول إلى مساحة العمل المشتركة",
        C::SignInIntro => "يحدِّد حسابك ما تراه وما تغيّره: احتياجات دولتك، أو الفهرس، أو الخطة.",
        C::Login => "اسم الدخول",
        C::Password => "كلمة المرور",
        C::SignIn => "دخول",
        C::SignOut => "خروج",
        C::WrongLogin => "اسم الدخول أو كلمة المرور غير صحيح.",
        C::Unreachable => "تعذّر الوصول إلى الخادم؛ حاول بعد قليل.",
        C::Loading => "جارٍ تحميل مساحة العمل المشتركة…",
        C::LoadFailed => "تعذّر تحميل مساحة العمل المشتركة؛ أعد تحميل الصفحة.",
        C::ChoosePassword => "اختر كلمة المرور",
        C::InviteIntro => "دُعيت إلى مساحة العمل المشتركة. أدخل اسم الدخول واختر كلمة مرور.",
        C::PasswordRule => "عشرة أحرف على الأقل، و1024 بايت على الأكثر.",
        C::PasswordAgain => "كلمة المرور مرة أخرى",
        C::SetPassword => "حفظ كلمة المرور والدخول",
        C::PasswordTooShort => "تحتاج كلمة المرور إلى عشرة أحرف على الأقل.",
        C::PasswordTooLong => "كلمة المرور أطول من 1024 بايت.",
        C::PasswordsDiffer => "كلمتا المرور غير متطابقتين.",
        C::InvitationInvalid => "استُخدمت هذه الدعوة أو لم تعد صالحة: اطلب دعوة جديدة من المسؤول.",
        C::RowSaved => "محفوظ",
        C::RowSaving => "جارٍ الحفظ…",
        C::RowNotSaved => "لم يُحفظ",
        C::RoleAdmin => "المسؤول",
        C::Accounts => "الحسابات",
        C::AccountsIntro => "كل من يمكنه الدخول. تُضاف الحسابات بالأمر `qudra user add`.",
        C::Role => "الدور",
        C::State => "الدولة",
        C::Status => "الحالة",
        C::Active => "نشط",
        C::Invited => "مدعو",
        C::Disabled => "معطَّل",
        C::Forbidden => "لا يسمح دورك بتغيير هذا",
        C::Gone => "لم يعد هذا الصف على الخادم",
        C::Conflict => "غيّر شخص آخر هذا الصف في الأثناء",
        C::Invalid => "رفض الخادم هذه القيمة",
        C::Offline => "تعذّر الوصول إلى الخادم؛ سيُرسل التغيير مع التغيير التالي",
        C::Refused => "رفض الخادم التغيير",
        C::Yours => "قيمتك",
        C::Theirs => "على الخادم",
        C::KeepMine => "احتفظ بقيمتي",
        C::TakeTheirs => "خذ قيمتهم",
        C::Deleted => "(محذوف)",
        C::SeeField => "انظر الحقل المعلَّم",
    }
}

fn fr(w: C) -> &'static str {
    match w {
        C::SignInTitle => "Connexion à l'espace de travail partagé",
        C::SignInIntro => {
            "Votre compte décide de ce que vous voyez et modifiez : les besoins de votre État, le catalogue ou le plan."
        }
        C::Login => "Identifiant",
        C::Password => "Mot de passe",
        C::SignIn => "Se connecter",
        C::SignOut => "Se déconnecter",
        C::WrongLogin => "L'identifiant ou le mot de passe est incorrect.",
        C::Unreachable => "Le serveur est injoignable ; réessayez dans un instant.",
        C::Loading => "Chargement de l'espace de travail partagé…",
        C::LoadFailed => "L'espace de travail partagé n'a pas pu être chargé ; rechargez la page.",
        C::ChoosePassword => "Choisissez votre mot de passe",
        C::InviteIntro => {
            "Vous êtes invité à l'espace de travail partagé. Indiquez votre identifiant et choisissez un mot de passe."
        }
        C::PasswordRule => "Au moins 10 caractères, au plus 1024 octets.",
        C::PasswordAgain => "Mot de passe (confirmation)",
        C::SetPassword => "Enregistrer le mot de passe et se connecter",
        C::PasswordTooShort => "Le mot de passe doit compter au moins 10 caractères.",
        C::PasswordTooLong => "Le mot de passe dépasse 1024 octets.",
        C::PasswordsDiffer => "Les deux mots de passe diffèrent.",
        C::InvitationInvalid => {
            "Cette invitation a déjà servi ou n'est plus valable : demandez-en une nouvelle à l'administrateur."
        }
        C::RowSaved => "Enregistré",
        C::RowSaving => "Enregistrement…",
        C::RowNotSaved => "Non enregistré",
        C::RoleAdmin => "Administrateur",
        C::Accounts => "Comptes",
        C::AccountsIntro => {
            "Toutes les personnes qui peuvent se connecter. Les comptes s'ajoutent avec `qudra user add`."
        }
        C::Role => "Rôle",
        C::State => "État",
        C::Status => "Statut",
        C::Active => "Actif",
        C::Invited => "Invité",
        C::Disabled => "Désactivé",
        C::Forbidden => "Votre rôle ne permet pas de modifier ceci",
        C::Gone => "Cette ligne n'est plus sur le serveur",
        C::Conflict => "Quelqu'un d'autre a modifié cette ligne entre-temps",
        C::Invalid => "Le serveur a refusé cette valeur",
        C::Offline => "Le serveur est injoignable ; la modification sera renvoyée avec la suivante",
        C::Refused => "Le serveur a refusé la modification",
        C::Yours => "La vôtre",
        C::Theirs => "Sur le serveur",
        C::KeepMine => "Garder la mienne",
        C::TakeTheirs => "Prendre la leur",
        C::Deleted => "(supprimée)",
        C::SeeField => "voir le champ signalé",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_names_who_when_and_the_fields_in_each_language() {
        assert_eq!(
            changed_by(UiLang::En, Some("focal-qa"), Some("2027-03-01 09:30 UTC")),
            "Changed by focal-qa at 2027-03-01 09:30 UTC"
        );
        assert_eq!(changed_by(UiLang::Fr, Some("x"), None), "Modifiée par x");
        assert_eq!(changed_by(UiLang::Ar, Some("x"), Some("t")), "غيّره x في t");
        assert_eq!(field_label(UiLang::Ar, "trainees"), "عدد المتدربين");
        assert_eq!(field_label(UiLang::En, "seats"), "Seats");
        assert_eq!(field_label(UiLang::Fr, "window_from"), "window_from", "no column: its JSON name");
    }

    #[test]
    fn throttling_counts_minutes_in_each_language() {
        assert_eq!(too_many(UiLang::En, 1), "Too many attempts: try again in 1 minute.");
        assert_eq!(too_many(UiLang::En, 12), "Too many attempts: try again in 12 minutes.");
        assert_eq!(too_many(UiLang::Fr, 1), "Trop de tentatives : réessayez dans 1 minute.");
        assert!(too_many(UiLang::Ar, 2).contains("دقيقتين"));
        assert!(too_many(UiLang::Ar, 5).contains("5 دقائق"));
    }

    #[test]
    fn a_refusal_names_its_cause_then_the_servers_words() {
        let refusal = Refusal { status: 403, detail: "your role may not do this".into(), current: None };
        assert_eq!(super::refusal(UiLang::En, &refusal), "Your role may not change this (your role may not do this)");
        let offline = Refusal { status: 0, detail: String::new(), current: None };
        assert!(super::refusal(UiLang::Ar, &offline).starts_with("تعذّر"));
    }
}
