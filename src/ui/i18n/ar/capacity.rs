//! Arabic words of where to add capacity.

use chrono::NaiveDate;

use super::{count, count_after, Ar, MONTHS, SESSION, TRAINEE};
use crate::solve::Status;
use crate::ui::i18n::capacity::{days, figure, CapacityWords};
use crate::ui::vm::plan::capacity::{Gainers, SeatNote, Why};

const WEEKDAYS: [&str; 7] = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

impl CapacityWords for Ar {
    fn capacity_title(&self) -> &'static str {
        "أين تُضاف السعة"
    }

    fn capacity_intro(&self) -> &'static str {
        "تجرّب قدرة كل دورة من جديد بدءًا من كل يوم أحد في السنة، وتقترح المواعيد الجديدة التي تمنح مقاعد لأكبر عدد من المتدربين غير الملبّاة احتياجاتهم، والأكثر إلحاحًا أولًا. ويُتحقق من كل اقتراح بحساب الخطة معه."
    }

    fn sessions_to_propose(&self) -> &'static str {
        "عدد المواعيد المقترحة"
    }

    fn find_capacity(&self) -> &'static str {
        "ابحث أين تُضاف السعة"
    }

    fn finding(&self, seconds: f64) -> String {
        format!("جارٍ البحث عن أين تُضاف السعة… {seconds:.0} ث")
    }

    fn search_stopped(&self) -> &'static str {
        "أُوقف البحث: لا اقتراحات."
    }

    fn found(&self, proposals: usize, asked: usize, status: Status, shortfall: f64, seconds: f64) -> String {
        let took = format!("(خلال {seconds:.1} ث)");
        if proposals == 0 {
            return format!("لا يمنح أي موعد جديد مقعدًا لمتدرب إضافي {took}.");
        }
        let what = count(proposals, &SESSION);
        match status {
            Status::Optimal => format!(
                "أفضل ما يمكن إضافته: {what}؛ لا يمنح أي اختيار آخر لـ{} مقاعد أكثر {took}.",
                count_after(asked, &SESSION)
            ),
            Status::TimeLimit => format!(
                "المقترح: {what}، اختيار جيد لكن لم يثبت أنه الأفضل: قد يضيف الاختيار الأفضل {shortfall:.1}٪ على الأكثر {took}."
            ),
        }
    }

    fn days(&self, start: NaiveDate, end: NaiveDate) -> String {
        days(start, end, &WEEKDAYS, &MONTHS)
    }

    fn more_placed(&self, trainees: i64) -> String {
        format!("متدربون يحصلون على مقعد: +{trainees}")
    }

    fn gainers(&self, g: &Gainers) -> String {
        format!("{}، الأولوية {}: {}", g.name, g.priority, count(g.trainees, &TRAINEE))
    }

    fn gain(&self, gain: f64) -> String {
        format!("المكسب {}", figure(gain, '.'))
    }

    fn add_draft(&self) -> &'static str {
        "أضِفه موعدًا مبدئيًا"
    }

    fn added_draft(&self) -> &'static str {
        "أُضيف إلى المواعيد: احسب الخطة من جديد لترى من يحصل على مقعد فيه."
    }

    fn capacity_refused(&self, why: &Why) -> String {
        match why {
            Why::NoHorizon => "لا توجد فترة تخطيط في السيناريو: تبدأ المواعيد الجديدة في أيام الأحد منها. حدِّد بدايتها ونهايتها في الإعدادات.".into(),
            Why::Problems => "في السيناريو مشكلات أو تثبيتات لا يمكن الوفاء بها كلها: احسب الخطة لتراها، ثم أعد المحاولة.".into(),
            Why::NoPlanInTime => "لم تُوجد في الوقت المحدد خطة تحترم التثبيتات، فلا يمكن المقارنة.".into(),
            Why::Failed { message } => format!("تعذّر البحث: {message}"),
        }
    }

    fn proposed(&self) -> &'static str {
        "مقترح"
    }

    fn one_more_seat(&self) -> &'static str {
        "مقعد إضافي"
    }

    fn seat_note(&self, note: &SeatNote) -> String {
        match note {
            SeatNote::Serves { priority, state, exact } => {
                let about = if *exact { "" } else { " (تقدير)" };
                format!("مقعد إضافي هنا يخدم احتياجًا بأولوية {priority} لدى {state}{about}")
            }
            SeatNote::Nobody => "مقعد إضافي هنا لا يخدم أي احتياج غير ملبّى".into(),
        }
    }

    fn valuing_seats(&self) -> &'static str {
        "جارٍ تقدير قيمة مقعد إضافي في كل موعد…"
    }

    fn seats_after_plan(&self) -> &'static str {
        "بعد حساب الخطة (أين تُضاف السعة، احسب الخطة) يبيّن كل موعد من يخدمه مقعد إضافي فيه."
    }
}
