//! Arabic words of what would fix an unmet need.

use super::{count, count_after, Ar, Noun, NEED, SEAT, TRAINEE};
use crate::solve::Remedy;
use crate::ui::i18n::plural::{self, Form};
use crate::ui::i18n::remedy::{place_words, RemedyWords};
use crate::ui::i18n::{mode_msg, Catalogue, ResultWords};
use crate::ui::vm::plan::remedy::FixRow;

const DAY: Noun =
    Noun {
        none: "لا أيام", one: "يوم واحد", two: "يومان", two_after: "يومين", few: "أيام", many: "يومًا", other: "يوم"
    };

/// "a seat for n trainees": "مقعدًا لمتدرب واحد"، "مقعدًا لمتدربَين"، "مقعدًا لـ3 متدربين".
fn seat_for(n: i64) -> String {
    let whom = count_after(n, &TRAINEE);
    match plural::arabic(n) {
        Form::One | Form::Two => format!("مقعدًا ل{whom}"),
        _ => format!("مقعدًا لـ{whom}"),
    }
}

impl RemedyWords for Ar {
    fn fixes_heading(&self) -> &'static str {
        "ما الذي يلبّيه"
    }

    fn fix(&self, row: &FixRow) -> String {
        let place = place_words(self, row, "، ");
        let seat = seat_for(row.gains);
        match &row.remedy {
            Remedy::Seat { .. } => format!("مقعد إضافي في {place} يمنح {seat}."),
            Remedy::StateCap { cap, .. } => {
                format!("رفع حد {} في {place} إلى {} (مقعد إضافي) يمنح {seat}.", row.state, count_after(*cap, &SEAT))
            }
            Remedy::Window { days, .. } => {
                format!("توسيع الفترة بمقدار {} يبلغ {place} ويمنح {seat}.", count_after(*days, &DAY))
            }
            Remedy::Language { language, .. } => {
                format!("قبول اللغة {} يفتح {place} ويمنح {seat}.", self.language_name(language))
            }
            Remedy::Mode { mode, .. } => {
                let name = mode_msg(mode).map_or_else(|| mode.to_string(), |m| self.text(m).to_string());
                format!("قبول نمط «{name}» يفتح {place} ويمنح {seat}.")
            }
            Remedy::Budget { amount } => {
                format!("زيادة ميزانية {} بمقدار {} تمنح {seat}.", row.state, self.money(*amount, &row.currency))
            }
        }
    }

    fn fixes_progress(&self, done: usize, total: usize) -> String {
        format!("جارٍ البحث عمّا يلبّي كل احتياج غير ملبّى… {done} من {total}")
    }

    fn fixes_found(&self, total: usize, seconds: f64) -> String {
        format!("تحقّقت قدرة من كل حل أدناه بحساب الخطة معه ({}، خلال {seconds:.1} ث).", count(total, &NEED))
    }

    fn no_fix(&self) -> &'static str {
        "لا يمنحه أي تغيير منفرد مقعدًا إضافيًا."
    }

    fn apply_fix(&self) -> &'static str {
        "طبِّق"
    }

    fn fix_changed(&self) -> &'static str {
        "تغيّر منذ الخطة: احسب الخطة من جديد لترى مقاعده."
    }

    fn find_fixes(&self) -> &'static str {
        "ابحث عمّا يلبّي كل احتياج"
    }

    fn fixes_stopped(&self) -> &'static str {
        "أُوقف البحث قبل أن تُعرف حلول كل الاحتياجات غير الملبّاة."
    }
}
