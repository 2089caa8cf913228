//! The words exports write into cells and calendar events, in English and Arabic, kept in
//! one place so a translator finds them all here.

use super::Lang;
use crate::model::Mode;
use crate::solve::Reason;

/// Why a need is not fully served, as a sentence for the unmet-needs sheet.
pub fn reason(reason: Reason, lang: Lang) -> &'static str {
    match (lang, reason) {
        (Lang::En, Reason::NoCompatibleSession) => {
            "No session fits this need (skill, level, language, mode, dates or eligibility)"
        }
        (Lang::En, Reason::Budget) => "What is left of the state's budget does not pay for a seat",
        (Lang::En, Reason::Capacity) => "Every suitable session is full",
        (Lang::En, Reason::StateCap) => "Every suitable session is full or at its limit of seats per state",
        (Lang::En, Reason::MinParticipants) => {
            "Suitable sessions are full, at their limit per state, or not running for lack of participants"
        }
        (Lang::En, Reason::Cost) => "A seat would cost more than it is worth under the cost weight",
        (Lang::Ar, Reason::NoCompatibleSession) => {
            "لا توجد دورة تناسب هذه الحاجة (المهارة أو المستوى أو اللغة أو نمط التدريب أو التواريخ أو الأهلية)"
        }
        (Lang::Ar, Reason::Budget) => "ما تبقى من ميزانية الدولة لا يغطي تكلفة مقعد",
        (Lang::Ar, Reason::Capacity) => "جميع الدورات المناسبة ممتلئة",
        (Lang::Ar, Reason::StateCap) => "جميع الدورات المناسبة ممتلئة أو بلغت الحد الأقصى لمقاعد الدولة",
        (Lang::Ar, Reason::MinParticipants) => {
            "الدورات المناسبة ممتلئة أو بلغت الحد الأقصى لمقاعد الدولة أو لا تنعقد لعدم اكتمال الحد الأدنى من المشاركين"
        }
        (Lang::Ar, Reason::Cost) => "تكلفة المقعد أعلى من قيمته وفق وزن التكلفة",
    }
}

/// A delivery mode in words (`in person`, `حضوري`); unknown modes keep their own word.
pub fn mode(mode: &Mode, lang: Lang) -> &str {
    match (lang, mode) {
        (_, Mode::Unknown(word)) => word,
        (Lang::En, Mode::InPerson) => "in person",
        (Lang::En, Mode::Online) => "online",
        (Lang::En, Mode::Blended) => "blended",
        (Lang::Ar, Mode::InPerson) => "حضوري",
        (Lang::Ar, Mode::Online) => "عن بعد",
        (Lang::Ar, Mode::Blended) => "مدمج",
    }
}

/// A training language by its code; codes without a name here are shown as they are.
pub fn language(code: &str, lang: Lang) -> &str {
    match (lang, code) {
        (Lang::En, "ar") => "Arabic",
        (Lang::En, "en") => "English",
        (Lang::En, "fr") => "French",
        (Lang::Ar, "ar") => "العربية",
        (Lang::Ar, "en") => "الإنجليزية",
        (Lang::Ar, "fr") => "الفرنسية",
        _ => code,
    }
}

/// A course level (1 basic, 2 intermediate, 3 advanced) in words.
pub fn level(level: i64, lang: Lang) -> String {
    let word = match (lang, level) {
        (Lang::En, 1) => "basic",
        (Lang::En, 2) => "intermediate",
        (Lang::En, 3) => "advanced",
        (Lang::Ar, 1) => "أساسي",
        (Lang::Ar, 2) => "متوسط",
        (Lang::Ar, 3) => "متقدم",
        _ => return level.to_string(),
    };
    format!("{level} ({word})")
}

/// A number of seats, with the noun in the right form (Arabic has dual and plural forms).
pub fn seats(count: i64, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => "1 seat".to_string(),
        Lang::En => format!("{count} seats"),
        Lang::Ar => match count {
            1 => "مقعد واحد".to_string(),
            2 => "مقعدان".to_string(),
            3..=10 => format!("{count} مقاعد"),
            _ => format!("{count} مقعدًا"),
        },
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

pub fn event_labels(lang: Lang) -> EventLabels {
    match lang {
        Lang::En => EventLabels {
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
        Lang::Ar => EventLabels {
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
    }
}
