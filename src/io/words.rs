//! The words exports write into cells and calendar events, in English, Arabic and French, kept in
//! one place so a translator finds them all here.

use super::FileLang;
use crate::model::Mode;
use crate::solve::Reason;

/// Why a need is not fully served, in every language the exports and the app speak. The one
/// place these sentences live: the unmet-needs sheet ([`reason`]) and the browser's
/// catalogues (`ui/i18n`) both take them from here, so the file a planner downloads says what
/// the screen said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonWords {
    pub en: &'static str,
    pub ar: &'static str,
    pub fr: &'static str,
}

/// The sentences for `reason` (see [`ReasonWords`]).
pub fn reason_words(reason: Reason) -> ReasonWords {
    match reason {
        Reason::NoCompatibleSession => ReasonWords {
            en: "No session fits this need (skill, level, language, mode, dates or eligibility).",
            ar: "لا يوجد موعد يناسب هذا الاحتياج (المهارة أو المستوى أو اللغة أو نمط التدريب أو التواريخ أو الأهلية).",
            fr: "Aucune session ne convient à ce besoin (compétence, niveau, langue, modalité, dates ou éligibilité).",
        },
        Reason::Budget => ReasonWords {
            en: "What is left of the state's budget does not pay for a seat.",
            ar: "ما تبقى من ميزانية الدولة لا يغطي تكلفة مقعد.",
            fr: "Le reste du budget de l'État ne paie pas une place.",
        },
        Reason::Capacity => ReasonWords {
            en: "Every suitable session is full.",
            ar: "جميع المواعيد المناسبة ممتلئة.",
            fr: "Toutes les sessions adaptées sont complètes.",
        },
        Reason::StateCap => ReasonWords {
            en: "Every suitable session is full or already holds the most this state may send.",
            ar: "جميع المواعيد المناسبة ممتلئة أو بلغت الحد الأقصى لمقاعد هذه الدولة.",
            fr: "Toutes les sessions adaptées sont complètes ou ont déjà le maximum de places pour cet État.",
        },
        Reason::MinParticipants => ReasonWords {
            en: "Suitable sessions are full, at the state's limit, or not running for lack of participants.",
            ar: "المواعيد المناسبة ممتلئة أو بلغت حد الدولة أو لا تنعقد لعدم اكتمال الحد الأدنى من المشاركين.",
            fr:
                "Les sessions adaptées sont complètes, au maximum pour l'État, ou n'ont pas lieu faute de participants.",
        },
        Reason::Cost => ReasonWords {
            en: "A seat would cost more than it is worth under the cost weight.",
            ar: "تكلفة المقعد أعلى من قيمته وفق وزن التكلفة.",
            fr: "Une place coûterait plus qu'elle ne vaut selon le poids du coût.",
        },
    }
}

/// Why a need is not fully served, as a sentence for the unmet-needs sheet.
pub fn reason(reason: Reason, lang: FileLang) -> &'static str {
    let words = reason_words(reason);
    match lang {
        FileLang::En => words.en,
        FileLang::Ar => words.ar,
        FileLang::Fr => words.fr,
    }
}

/// A delivery mode in words (`in person`, `حضوري`); unknown modes keep their own word.
pub fn mode(mode: &Mode, lang: FileLang) -> &str {
    match (lang, mode) {
        (_, Mode::Unknown(word)) => word,
        (FileLang::En, Mode::InPerson) => "in person",
        (FileLang::En, Mode::Online) => "online",
        (FileLang::En, Mode::Blended) => "blended",
        (FileLang::Ar, Mode::InPerson) => "حضوري",
        (FileLang::Ar, Mode::Online) => "عن بعد",
        (FileLang::Ar, Mode::Blended) => "مدمج",
        (FileLang::Fr, Mode::InPerson) => "en présentiel",
        (FileLang::Fr, Mode::Online) => "en ligne",
        (FileLang::Fr, Mode::Blended) => "hybride",
    }
}

/// A training language by its code; codes without a name here are shown as they are.
pub fn language(code: &str, lang: FileLang) -> &str {
    match (lang, code) {
        (FileLang::En, "ar") => "Arabic",
        (FileLang::En, "en") => "English",
        (FileLang::En, "fr") => "French",
        (FileLang::Ar, "ar") => "العربية",
        (FileLang::Ar, "en") => "الإنجليزية",
        (FileLang::Ar, "fr") => "الفرنسية",
        (FileLang::Fr, "ar") => "arabe",
        (FileLang::Fr, "en") => "anglais",
        (FileLang::Fr, "fr") => "français",
        _ => code,
    }
}

/// A course level (1 basic, 2 intermediate, 3 advanced) in words.
pub fn level(level: i64, lang: FileLang) -> String {
    let word = match (lang, level) {
        (FileLang::En, 1) => "basic",
        (FileLang::En, 2) => "intermediate",
        (FileLang::En, 3) => "advanced",
        (FileLang::Ar, 1) => "أساسي",
        (FileLang::Ar, 2) => "متوسط",
        (FileLang::Ar, 3) => "متقدم",
        (FileLang::Fr, 1) => "fondamental",
        (FileLang::Fr, 2) => "intermédiaire",
        (FileLang::Fr, 3) => "avancé",
        _ => return level.to_string(),
    };
    format!("{level} ({word})")
}

/// A number of seats, with the noun in the right form (Arabic has dual and plural forms;
/// French puts 0 and 1 in the singular).
pub fn seats(count: i64, lang: FileLang) -> String {
    match lang {
        FileLang::En if count == 1 => "1 seat".to_string(),
        FileLang::En => format!("{count} seats"),
        FileLang::Ar => match count {
            1 => "مقعد واحد".to_string(),
            2 => "مقعدان".to_string(),
            3..=10 => format!("{count} مقاعد"),
            _ => format!("{count} مقعدًا"),
        },
        FileLang::Fr if count <= 1 => format!("{count} place"),
        FileLang::Fr => format!("{count} places"),
    }
}

/// Labels of the lines of a calendar event's description.
pub struct EventLabels {
    pub course: &'static str,
    pub skill: &'static str,
    pub level: &'static str,
    pub language: &'static str,
    pub mode: &'static str,
    pub session: &'static str,
    pub dates: &'static str,
    pub seats: &'static str,
    pub needs: &'static str,
    /// Joins the parts of "State: 3 seats" and list items.
    pub comma: &'static str,
    pub to: &'static str,
}

pub fn event_labels(lang: FileLang) -> EventLabels {
    match lang {
        FileLang::En => EventLabels {
            course: "Course",
            skill: "Skill",
            level: "Level",
            language: "Language",
            mode: "Mode",
            session: "Session",
            dates: "Dates",
            seats: "Seats",
            needs: "Needs",
            comma: ", ",
            to: " to ",
        },
        FileLang::Ar => EventLabels {
            course: "الدورة",
            skill: "المهارة",
            level: "المستوى",
            language: "اللغة",
            mode: "نمط التدريب",
            session: "الجلسة",
            dates: "التواريخ",
            seats: "المقاعد",
            needs: "الاحتياجات",
            comma: "، ",
            to: " إلى ",
        },
        FileLang::Fr => EventLabels {
            course: "Cours",
            skill: "Compétence",
            level: "Niveau",
            language: "Langue",
            mode: "Modalité",
            session: "Session",
            dates: "Dates",
            seats: "Places",
            needs: "Besoins",
            comma: ", ",
            to: " au ",
        },
    }
}
