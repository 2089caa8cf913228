//! The offline queue's words in the three languages: the banner counting the edits that wait
//! to be sent (Arabic with its six plural forms), a waiting row's state, and the note about
//! another account's edits kept on this browser.

use super::plural::{arabic, english, french, whole, Form};
use super::{iso, UiLang};

/// "N edits wait to be sent" (the banner while the server cannot be reached).
pub fn waiting(lang: UiLang, n: usize) -> String {
    let n = whole(n);
    match lang {
        UiLang::En => match english(n) {
            Form::One => "1 edit waits to be sent".to_string(),
            _ => format!("{n} edits wait to be sent"),
        },
        UiLang::Fr => match french(n) {
            Form::One => format!("{n} modification attend d’être envoyée"),
            _ => format!("{n} modifications attendent d’être envoyées"),
        },
        UiLang::Ar => match arabic(n) {
            Form::Zero => "لا تعديلات تنتظر الإرسال".to_string(),
            Form::One => "تعديل واحد ينتظر الإرسال".to_string(),
            Form::Two => "تعديلان ينتظران الإرسال".to_string(),
            Form::Few => format!("{n} تعديلات تنتظر الإرسال"),
            Form::Many => format!("{n} تعديلًا ينتظر الإرسال"),
            Form::Other => format!("{n} تعديل ينتظر الإرسال"),
        },
    }
}

/// The banner's second sentence: why they wait and what happens next.
pub fn waiting_why(lang: UiLang) -> &'static str {
    match lang {
        UiLang::En => "The server cannot be reached. They are kept on this device and sent, in order, as soon as it answers.",
        UiLang::Fr => "Le serveur est injoignable. Elles sont gardées sur cet appareil et envoyées, dans l’ordre, dès qu’il répond.",
        UiLang::Ar => "تعذّر الوصول إلى الخادم. تُحفظ على هذا الجهاز وتُرسل بالترتيب حين يستجيب.",
    }
}

/// A queued row's state.
pub fn row_waits(lang: UiLang) -> &'static str {
    match lang {
        UiLang::En => "Waits to be sent",
        UiLang::Fr => "En attente d’envoi",
        UiLang::Ar => "ينتظر الإرسال",
    }
}

/// Another account's queue kept on this browser: not sent by this account.
pub fn others_waiting(lang: UiLang, login: &str, n: usize) -> String {
    let n = whole(n);
    let login = iso(login);
    match lang {
        UiLang::En => {
            let (edits, wait) = if english(n) == Form::One { ("edit", "waits") } else { ("edits", "wait") };
            format!(
                "{n} {edits} by {login} {wait} on this browser: kept, and sent only when {login} signs in here again."
            )
        }
        UiLang::Fr => {
            let (edits, wait, kept) = if french(n) == Form::One {
                ("modification", "attend", "gardée et envoyée")
            } else {
                ("modifications", "attendent", "gardées et envoyées")
            };
            format!(
                "{n} {edits} de {login} {wait} sur ce navigateur : {kept} seulement quand {login} se reconnecte ici."
            )
        }
        UiLang::Ar => {
            let edits = match arabic(n) {
                Form::One => "تعديل واحد".to_string(),
                Form::Two => "تعديلان".to_string(),
                Form::Few => format!("{n} تعديلات"),
                Form::Many => format!("{n} تعديلًا"),
                Form::Zero | Form::Other => format!("{n} تعديل"),
            };
            format!("{edits} للحساب {login} في انتظار الإرسال على هذا المتصفح: تُحفظ ولا تُرسل إلا حين يسجّل {login} الدخول هنا من جديد.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_counts_edits_in_each_language() {
        assert_eq!(waiting(UiLang::En, 1), "1 edit waits to be sent");
        assert_eq!(waiting(UiLang::En, 2), "2 edits wait to be sent");
        assert_eq!(waiting(UiLang::Fr, 1), "1 modification attend d’être envoyée");
        assert_eq!(waiting(UiLang::Fr, 3), "3 modifications attendent d’être envoyées");
        assert_eq!(waiting(UiLang::Ar, 1), "تعديل واحد ينتظر الإرسال");
        assert_eq!(waiting(UiLang::Ar, 2), "تعديلان ينتظران الإرسال");
        assert_eq!(waiting(UiLang::Ar, 5), "5 تعديلات تنتظر الإرسال");
        assert_eq!(waiting(UiLang::Ar, 11), "11 تعديلًا ينتظر الإرسال");
        assert_eq!(waiting(UiLang::Ar, 100), "100 تعديل ينتظر الإرسال");
    }

    #[test]
    fn another_accounts_queue_is_named_with_its_login() {
        let en = others_waiting(UiLang::En, "focal-qa", 1);
        let login = iso("focal-qa");
        assert!(en.starts_with(&format!("1 edit by {login} waits on this browser")), "{en}");
        assert!(others_waiting(UiLang::En, "focal-qa", 3).starts_with(&format!("3 edits by {login}")));
        assert!(others_waiting(UiLang::Ar, "focal-qa", 2).starts_with(&format!("تعديلان للحساب {login}")));
        assert!(others_waiting(UiLang::Fr, "focal-qa", 2).contains(&format!("2 modifications de {login}")));
        for lang in [UiLang::En, UiLang::Fr, UiLang::Ar] {
            assert!(!row_waits(lang).is_empty() && !waiting_why(lang).is_empty());
        }
    }
}
