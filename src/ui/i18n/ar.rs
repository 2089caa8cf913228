//! العربية (Arabic). Gregorian month names as used in the Gulf and Egypt; Latin digits, as in
//! the date and number inputs.

use chrono::{Datelike, NaiveDate};

use super::plural::{self, Form};
use super::{code_point, first_problem, iso, thing_index, Catalogue, Msg, Note};
use crate::model::{ProblemKind, MAX_COUNT, MAX_MONEY, MAX_WEIGHT, MAX_YEAR, MIN_YEAR, SCENARIO_VERSION};
use crate::ui::vm::edit::issue::Issue;
use crate::ui::vm::shell::files::{ImportError, Imported};

pub struct Ar;

const THINGS: [&str; 5] = ["دولة", "مهارة", "دورة", "احتياج", "موعد"];
/// A counted word in its Arabic forms: the whole phrase for none, one and two (the dual as a
/// subject, and after a preposition), the plural read after 3–10, the singular read after
/// 11–99 (accusative) and after 100 and more.
struct Noun {
    none: &'static str,
    one: &'static str,
    two: &'static str,
    two_after: &'static str,
    few: &'static str,
    many: &'static str,
    other: &'static str,
}

const NEED: Noun = Noun {
    none: "لا احتياجات",
    one: "احتياج واحد",
    two: "احتياجان",
    two_after: "احتياجين",
    few: "احتياجات",
    many: "احتياجًا",
    other: "احتياج",
};
const SESSION: Noun = Noun {
    none: "لا مواعيد",
    one: "موعد واحد",
    two: "موعدان",
    two_after: "موعدين",
    few: "مواعيد",
    many: "موعدًا",
    other: "موعد",
};
const SEAT: Noun = Noun {
    none: "لا مقاعد",
    one: "مقعد واحد",
    two: "مقعدان",
    two_after: "مقعدين",
    few: "مقاعد",
    many: "مقعدًا",
    other: "مقعد",
};
const TRAINEE: Noun = Noun {
    none: "لا متدربين",
    one: "متدرب واحد",
    two: "متدربان",
    two_after: "متدربَين",
    few: "متدربين",
    many: "متدربًا",
    other: "متدرب",
};
const PROBLEM: Noun = Noun {
    none: "لا مشكلات",
    one: "مشكلة واحدة",
    two: "مشكلتان",
    two_after: "مشكلتين",
    few: "مشكلات",
    many: "مشكلةً",
    other: "مشكلة",
};
const PIN: Noun = Noun {
    none: "لا تثبيتات",
    one: "تثبيت واحد",
    two: "تثبيتان",
    two_after: "تثبيتين",
    few: "تثبيتات",
    many: "تثبيتًا",
    other: "تثبيت",
};
const EXCLUSION: Noun = Noun {
    none: "لا استبعادات",
    one: "استبعاد واحد",
    two: "استبعادان",
    two_after: "استبعادين",
    few: "استبعادات",
    many: "استبعادًا",
    other: "استبعاد",
};
/// State, skill, course, need, session, counted (in the order of [`thing_index`]).
const THINGS_COUNTED: [Noun; 5] = [
    Noun {
        none: "لا دول",
        one: "دولة واحدة",
        two: "دولتان",
        two_after: "دولتين",
        few: "دول",
        many: "دولةً",
        other: "دولة",
    },
    Noun {
        none: "لا مهارات",
        one: "مهارة واحدة",
        two: "مهارتان",
        two_after: "مهارتين",
        few: "مهارات",
        many: "مهارةً",
        other: "مهارة",
    },
    Noun {
        none: "لا دورات",
        one: "دورة واحدة",
        two: "دورتان",
        two_after: "دورتين",
        few: "دورات",
        many: "دورةً",
        other: "دورة",
    },
    NEED,
    SESSION,
];

/// `n` things, as the subject of a sentence: "لا احتياجات"، "احتياج واحد"، "احتياجان"،
/// "3 احتياجات"، "11 احتياجًا"، "100 احتياج".
fn count(n: impl TryInto<i64>, noun: &Noun) -> String {
    counted(plural::whole(n), noun)
}

/// [`count`] of an `i64`, compiled once whatever type the caller counts with.
fn counted(n: i64, noun: &Noun) -> String {
    match plural::arabic(n) {
        Form::Zero => noun.none.to_string(),
        Form::One => noun.one.to_string(),
        Form::Two => noun.two.to_string(),
        Form::Few => format!("{n} {}", noun.few),
        Form::Many => format!("{n} {}", noun.many),
        Form::Other => format!("{n} {}", noun.other),
    }
}

/// `n` things after a preposition ("في احتياجين"); none reads as the figure ("في 0 احتياجات").
fn count_after(n: impl TryInto<i64>, noun: &Noun) -> String {
    let n = plural::whole(n);
    match plural::arabic(n) {
        Form::Zero => format!("{n} {}", noun.few),
        Form::Two => noun.two_after.to_string(),
        _ => counted(n, noun),
    }
}

const MONTHS: [&str; 12] =
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

impl Catalogue for Ar {
    fn text(&self, m: Msg) -> &'static str {
        match m {
            Msg::AppName => "قدرة",
            Msg::AppTagline => "مخطِّط الاحتياجات التدريبية وبناء القدرات",
            Msg::SkipToMain => "انتقل إلى المحتوى الرئيسي",
            Msg::ScreenLoading => "جارٍ فتح مساحة العمل…",
            Msg::ScreenLoadFailed => "تعذّر تحميل مساحة العمل هذه. تحقّق من الاتصال وأعد المحاولة.",
            Msg::ScreenRetry => "أعد المحاولة",
            Msg::Workspace => "مساحة العمل",
            Msg::RoleFocal => "نقطة الاتصال",
            Msg::RoleCentre => "المركز الإقليمي",
            Msg::RolePlanner => "المخطِّط",
            Msg::Language => "اللغة",
            Msg::Undo => "تراجع",
            Msg::Redo => "إعادة",
            Msg::Import => "استيراد ملف…",
            Msg::ExportScenario => "تصدير السيناريو",
            Msg::ResetDemo => "استعادة البيانات التجريبية",
            Msg::ClearLocal => "مسح البيانات المحلية",
            Msg::ConfirmReset => "هل تريد استبدال كل ما في هذا المتصفح بالبيانات التجريبية؟ يمكنك التراجع عن ذلك.",
            Msg::ConfirmClear => "هل تريد حذف كل بيانات «قدرة» المحفوظة في هذا المتصفح؟ صدِّر السيناريو أولاً إن أردت الاحتفاظ به.",
            Msg::Dismiss => "إغلاق",
            Msg::Saved => "محفوظ في هذا المتصفح",
            Msg::Saving => "جارٍ الحفظ…",
            Msg::NotSaving => "الحفظ متوقف",
            Msg::PrivacyNote => "تبقى بياناتك في هذا المتصفح، ولا تغادره إلا في الملفات التي تصدِّرها.",
            Msg::FocalIntro => "أدخل الاحتياجات التدريبية لدولتك. يُتحقَّق من كل تعديل أثناء الكتابة ويُحفظ في هذا المتصفح.",
            Msg::YourState => "دولتك",
            Msg::NeedsHeading => "الاحتياجات التدريبية",
            Msg::AddNeed => "إضافة احتياج",
            Msg::Duplicate => "نسخ",
            Msg::Delete => "حذف",
            Msg::NoNeeds => "لا توجد احتياجات بعد. أضف احتياجاً.",
            Msg::PreviousPage => "الصفحة السابقة",
            Msg::NextPage => "الصفحة التالية",
            Msg::ExportSubmission => "تصدير طلبي",
            Msg::SubmissionHint => "أرسل هذا الملف إلى المركز الإقليمي: استيراده هناك يضع احتياجاتك مكان احتياجات دولتك السابقة.",
            Msg::SummaryHeading => "ملخص حسب المهارة والأولوية (عدد المتدربين)",
            Msg::Total => "المجموع",
            Msg::Id => "المعرِّف",
            Msg::State => "الدولة",
            Msg::Skill => "المهارة",
            Msg::Level => "المستوى",
            Msg::Trainees => "عدد المتدربين",
            Msg::Priority => "الأولوية",
            Msg::Window => "الفترة المطلوبة",
            Msg::From => "من",
            Msg::To => "إلى",
            Msg::Languages => "اللغات",
            Msg::Modes => "أنماط التدريب",
            Msg::Note => "ملاحظة",
            Msg::Actions => "إجراءات",
            Msg::Level1 => "1 أساسي",
            Msg::Level2 => "2 متوسط",
            Msg::Level3 => "3 متقدم",
            Msg::Priority1 => "1 منخفضة",
            Msg::Priority2 => "2 معتدلة",
            Msg::Priority3 => "3 متوسطة",
            Msg::Priority4 => "4 عالية",
            Msg::Priority5 => "5 حرجة",
            Msg::ModeInPerson => "حضوري",
            Msg::ModeOnline => "عن بُعد",
            Msg::ModeBlended => "مدمج",
            Msg::WholeHorizon => "فارغ: كامل فترة التخطيط",
            Msg::StateLanguagesDefault => "دون تغيير: لغات الدولة",
            Msg::NotSaved => "لم يُحفظ",
            Msg::CentreIntro => "الكتالوج: الدورات ومواعيد انعقادها. يُتحقَّق من كل تعديل أثناء الكتابة ويُحفظ في هذا المتصفح.",
            Msg::Courses => "الدورات",
            Msg::Sessions => "مواعيد الانعقاد",
            Msg::AddCourse => "إضافة دورة",
            Msg::AddSession => "إضافة موعد",
            Msg::Course => "الدورة",
            Msg::TitleEn => "العنوان (بالإنجليزية)",
            Msg::TitleAr => "العنوان (بالعربية)",
            Msg::Mode => "النمط",
            Msg::Location => "المكان",
            Msg::Start => "البداية",
            Msg::End => "النهاية",
            Msg::Seats => "المقاعد",
            Msg::CapPerState => "الحد لكل دولة",
            Msg::MinParticipants => "الحد الأدنى للمشاركين",
            Msg::CostPerSeat => "تكلفة المقعد",
            Msg::OpenTo => "متاحة لـ",
            Msg::OpenToHint => "رموز الدول، مثل QA, BH. فارغ: كل الدول",
            Msg::NoCapHint => "فارغ: بلا حد",
            Msg::YearView => "عرض السنة",
            Msg::NoSessions => "لا مواعيد",
            Msg::OtherYears => "سنوات أخرى",
            Msg::NewCourse => "دورة جديدة",
            Msg::NewSkill => "مهارة جديدة",
            Msg::NewBlackout => "عطلة",
            Msg::PlannerIntro => "كل ما في السيناريو: جميع الاحتياجات والكتالوج والدول الأعضاء والمهارات والإعدادات التي تشكِّل الخطة.",
            Msg::TabNeeds => "الاحتياجات",
            Msg::TabCatalogue => "الكتالوج",
            Msg::TabStates => "الدول الأعضاء",
            Msg::TabSkills => "المهارات",
            Msg::TabSettings => "الإعدادات",
            Msg::TabAdjustments => "التثبيت والاستبعاد",
            Msg::ShowState => "عرض",
            Msg::AllStates => "كل الدول",
            Msg::Code => "الرمز",
            Msg::NameEn => "الاسم (بالإنجليزية)",
            Msg::NameAr => "الاسم (بالعربية)",
            Msg::Budget => "الميزانية",
            Msg::BudgetHint => "فارغ: غير محدودة",
            Msg::Blackouts => "أيام عدم التوفر",
            Msg::AddBlackout => "إضافة أيام",
            Msg::Label => "السبب",
            Msg::AddSkill => "إضافة مهارة",
            Msg::ScenarioTitle => "عنوان السيناريو",
            Msg::Horizon => "فترة التخطيط",
            Msg::PriorityWeights => "أوزان الأولوية",
            Msg::EquityBonus => "علاوة الإنصاف",
            Msg::CostWeight => "وزن التكلفة",
            Msg::Currency => "العملة",
            Msg::ExplainTitle => "الاسم الذي يظهر على الخطط والملفات المصدَّرة.",
            Msg::ExplainHorizon => "الفترة التي تُخطَّط. الاحتياج الذي لا فترة خاصة له يمكن تلبيته في أي موعد ضمنها.",
            Msg::ExplainWeights => "قيمة الضابط المدرَّب الواحد في كل أولوية، من 1 (منخفضة) إلى 5 (حرجة). مع الأوزان 1، 2، 4، 8، 16 يساوي المقعد الحرج مقعدين عاليي الأولوية، فتُلبّى الاحتياجات الحرجة أولاً.",
            Msg::ExplainEquity => "قيمة إضافية للنصف الأول من كل احتياج، كي تتوزع المقاعد على جميع الدول قبل أن تُلبّى احتياجات دولة واحدة بالكامل. القيمة 0 تلغي ذلك، و0.5 تجعل تلك المقاعد أثمن بنسبة 50٪.",
            Msg::ExplainCostWeight => "مقدار ما تخصمه كل وحدة من التكلفة من قيمة المقعد. القيمة 0 تتجاهل التكلفة؛ و0.0001 تجعل مقعداً بتكلفة 1500 يخسر 0.15، أي أقل من قيمة ضابط واحد منخفض الأولوية، فلا تحسم التكلفة إلا بين خيارين متساويين.",
            Msg::ExplainCurrency => "وحدة كل التكاليف والميزانيات، مثل USD أو QAR.",
            Msg::Pins => "التثبيت (مقاعد مفروضة في موعد)",
            Msg::Exclusions => "الاستبعاد (ربط ممنوع)",
            Msg::Need => "الاحتياج",
            Msg::Session => "الموعد",
            Msg::NoPins => "لا تثبيت.",
            Msg::NoExclusions => "لا استبعاد.",
            Msg::PinsHint => "التثبيت والاستبعاد تعديلات المخطِّط على الخطة، ويمكن هنا مراجعتها وحذفها.",
            Msg::LangAr => "العربية",
            Msg::LangEn => "الإنجليزية",
            Msg::LangFr => "الفرنسية",
            Msg::Unlimited => "غير محدودة",
            Msg::Problems => "المشكلات",
            Msg::DateFormat => "سنة-شهر-يوم",
            Msg::DateHelp => "التاريخ بصيغة سنة-شهر-يوم (\u{2068}2027-03-15\u{2069}) أو يوم/شهر/سنة (\u{2068}15/03/2027\u{2069})",
        }
    }

    fn month(&self, month: u32) -> &'static str {
        MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
    }

    fn issue(&self, issue: &Issue) -> String {
        match issue {
            Issue::Read(error) => super::ReadWords::read_error(self, error),
            Issue::Required => "هذا الحقل مطلوب.".into(),
            Issue::Problem(kind) => problem(self, kind),
            Issue::Server(rule) => super::connect::rule(super::UiLang::Ar, rule),
            Issue::Internal(detail) => format!("تعذّر على التطبيق تطبيق هذا التغيير ({}).", iso(detail)),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Imported(Imported::Scenario { needs, sessions }) => {
                format!("تم استيراد السيناريو: {}، {}.", count(*needs, &NEED), count(*sessions, &SESSION))
            }
            Note::Imported(Imported::Submission { state, needs, replaced }) => format!(
                "تم استيراد طلب الدولة {}: {} بدلاً من {}.",
                iso(state.as_str()),
                count(*needs, &NEED),
                count_after(*replaced, &NEED)
            ),
            Note::ImportFailed(error) => format!("لم يُستورد الملف ولم يتغير شيء. {}", self.import_error(error)),
            Note::ReadFailed => "تعذرت قراءة الملف؛ لم يتغير شيء.".into(),
            Note::SaveFailed => "تعذر الحفظ في هذا المتصفح (المساحة ممتلئة أو التخزين معطَّل). آخر نسخة محفوظة باقية؛ صدِّر السيناريو كي لا تفقد تعديلاتك.".into(),
            Note::StorageNewer(version) => format!(
                "البيانات في هذا المتصفح حفظها إصدار أحدث من «قدرة» (إصدار التخزين {version}). لم تُفتح ولن يُكتب فوقها؛ المعروض الآن هو البيانات التجريبية ولا يُحفظ."
            ),
            Note::StorageUnreadable => "تعذرت قراءة البيانات المحفوظة في هذا المتصفح. تُركت كما هي ولن يُكتب فوقها؛ المعروض الآن هو البيانات التجريبية ولا يُحفظ. «مسح البيانات المحلية» يبدأ من جديد.".into(),
            Note::StorageMigrated(from) => format!("حُدِّثت البيانات المحفوظة في هذا المتصفح من إصدار التخزين {from}."),
            Note::ResetDone => "عادت البيانات التجريبية. «تراجع» يعيد ما كان لديك.".into(),
            Note::Cleared => "مُسحت البيانات المحلية. تعرض الصفحة البيانات التجريبية.".into(),
            Note::NeedDeleted(gone) => format!("حُذف الاحتياج {}.", iso(gone.id().as_str())),
            Note::RestoreFailed(id) => {
                format!("تعذّرت إعادة الاحتياج {}: يوجد احتياج آخر بالمعرّف نفسه.", iso(id.as_str()))
            }
            Note::StartedEmpty => "تبدأ الآن ببيانات فارغة: بقيت الدول الأعضاء والمهارات؛ أضف دوراتك ومواعيدها واحتياجاتك، أو استورد سيناريو.".into(),
            Note::InUse(in_use) => format!(
                "لا يمكن الحذف: ما زال مستخدماً في {}.",
                count_after(in_use.count, &THINGS_COUNTED[thing_index(in_use.by)])
            ),
        }
    }

    fn needs_total(&self, needs: usize, trainees: i64) -> String {
        format!("{}، {}", count(needs, &NEED), count(trainees, &TRAINEE))
    }

    fn rows_shown(&self, from: usize, to: usize, total: usize) -> String {
        format!("الاحتياجات {} من {total}", iso(&format!("{from}–{to}")))
    }

    fn sessions_total(&self, sessions: usize, seats: i64) -> String {
        format!("{}، {}", count(sessions, &SESSION), count(seats, &SEAT))
    }

    /// As every language's, with a range of days isolated: in a right-to-left sentence
    /// "3–7" would otherwise read "7–3".
    fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start.year() == end.year() && start.month() == end.month() && start != end {
            format!("{} {} {}", iso(&format!("{}–{}", start.day(), end.day())), self.month(start.month()), start.year())
        } else if start == end {
            self.date(start)
        } else {
            format!("{} – {}", self.date(start), self.date(end))
        }
    }
}

impl Ar {
    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::NotJson { line, column } => {
                format!("ليس ملفاً بصيغة JSON (السطر {line}، العمود {column}).")
            }
            ImportError::UnknownFormat(_) => "ليس ملف سيناريو ولا ملف طلب من «قدرة».".into(),
            ImportError::NewerVersion { found, supported } => {
                format!("أنشأه إصدار أحدث من «قدرة» (الإصدار {found}؛ هذا الإصدار يقرأ حتى {supported}).")
            }
            ImportError::Shape(e) => format!("محتوى غير صحيح عند {}: {}", iso(&e.path), problem(self, &e.kind)),
            ImportError::Invalid(problems) => match first_problem(error) {
                Some((path, issue)) => {
                    format!("فيه {}؛ أولاها عند {}: {}", count(problems.len(), &PROBLEM), iso(&path), self.issue(&issue))
                }
                None => String::new(),
            },
            ImportError::UnknownState(code) => format!("لا توجد دولة بالرمز {} في هذا السيناريو.", iso(code.as_str())),
            ImportError::OtherState { need, state } => {
                format!("الاحتياج {} يخص دولة أخرى ({}).", iso(need), iso(state.as_str()))
            }
        }
    }
}

/// كلمات شاشات الخطة (see `super::plan`).
mod plan_words {
    use super::{count, Ar, EXCLUSION, NEED, PIN, PROBLEM, SEAT, TRAINEE};
    use crate::model::StateCode;
    use crate::solve::{Reason, SessionState, Status};
    use crate::ui::i18n::plan::{PlanWords, P};
    use crate::ui::i18n::{iso, mode_msg, Catalogue, ResultWords};
    use crate::ui::vm::plan::adjust::Refused;
    use crate::ui::vm::plan::percent;
    use crate::ui::vm::plan::solved::{ClashKind, PinClash, SolveOutcome};
    use crate::ui::vm::plan::unmet_list::{Detail, Fact};
    use crate::ui::vm::plan::worker::Stopped;

    fn codes(states: &[StateCode]) -> String {
        states.iter().map(|s| iso(s.as_str())).collect::<Vec<_>>().join("، ")
    }

    fn pins(clash: &PinClash) -> String {
        let list: Vec<String> = clash
            .pins
            .iter()
            .map(|(n, s, seats)| format!("{} في {} ({seats})", iso(n.as_str()), iso(s.as_str())))
            .collect();
        list.join("، ")
    }

    impl PlanWords for Ar {
        fn p(&self, m: P) -> &'static str {
            match m {
                P::TabPlan => "الخطة",
                P::PlanIntro => "احسب الخطة من السيناريو لإعداد التقويم التدريبي للسنة، واعرف سبب بقاء أي احتياج دون تلبية، وعدّل بالتثبيت والاستبعاد، ثم أعد الحساب وأرسل إلى كل دولة تقويمها.",
                P::Solve => "احسب الخطة",
                P::Solving => "جارٍ حساب الخطة…",
                P::TimeLimit => "المهلة القصوى",
                P::Seconds => "ث",
                P::NoPlanYet => "لا توجد خطة بعد. احسب الخطة لإعداد التقويم التدريبي للسنة من السيناريو.",
                P::OutOfDate => "تغيّر السيناريو منذ حساب هذه الخطة. الخطة المعروضة هي الأخيرة؛ أعد الحساب لتحديثها.",
                P::ViewCalendar => "التقويم",
                P::ViewByState => "حسب الدولة",
                P::ViewCoverage => "التغطية",
                P::ViewUnmet => "الاحتياجات غير الملبّاة",
                P::ViewChanges => "التغييرات",
                P::ViewExport => "التنزيل",
                P::CalendarHint => "كل موعد في تواريخه مع نسبة إشغاله. اختر موعداً لعرض قائمة المشاركين: أيّ الدول ترسل كم متدرباً، ولأيّ احتياجات.",
                P::Running => "ينعقد",
                P::NotRunning => "لا ينعقد",
                P::Roster => "قائمة المشاركين",
                P::Close => "إغلاق",
                P::NobodyYet => "لم يُخصَّص أي متدرب لهذا الموعد.",
                P::RosterHint => "«تثبيت» يفرض مقاعد الاحتياج في هذا الموعد عند الحساب التالي، و«استبعاد» يمنع هذا الاقتران. يُحفظ كلاهما مع السيناريو ويمكن التراجع عنهما.",
                P::Pin => "تثبيت",
                P::Unpin => "إلغاء التثبيت",
                P::Exclude => "استبعاد",
                P::Allow => "إلغاء الاستبعاد",
                P::Pinned => "مثبَّت",
                P::Excluded => "مستبعَد",
                P::PinNeedHere => "تثبيت احتياج في هذا الموعد",
                P::ChooseNeed => "اختر احتياجاً",
                P::AllStatesOption => "جميع الدول",
                P::Needed => "المطلوب",
                P::Planned => "المخطَّط",
                P::Coverage => "التغطية",
                P::ByPriority => "حسب الأولوية",
                P::NothingAttended => "لم يُخصَّص لمتدربي هذه الدولة أي مقعد.",
                P::UnmetOfState => "احتياجات بقيت دون مقاعد",
                P::Print => "طباعة هذا التقويم",
                P::PrintHint => "يطبع تقويم هذه الدولة وحده لنقطة الاتصال.",
                P::ChartByState => "المتدربون المطلوبون والمخطَّطون حسب الدولة",
                P::ChartBySkill => "المتدربون المطلوبون والمخطَّطون حسب المهارة",
                P::SeatsOffered => "المقاعد المعروضة",
                P::SeatsFilled => "المقاعد المشغولة",
                P::SessionsRunning => "المواعيد المنعقدة",
                P::NeedsMet => "احتياجات ملبّاة بالكامل",
                P::NeedsPartly => "احتياجات ملبّاة جزئياً",
                P::NeedsNotMet => "احتياجات غير ملبّاة",
                P::WeightedCoverage => "التغطية المرجّحة بالأولوية",
                P::PlanCost => "تكلفة المقاعد المخطَّطة",
                P::UnmetHint => "كل احتياج لم يحصل على مقاعد كافية، مع السبب والوقائع التي تفسّره. ثبّت احتياجاً في موعد لتجاوز الخطة، ثم أعد الحساب.",
                P::AllReasons => "جميع الأسباب",
                P::Reason => "السبب",
                P::Missing => "دون مقعد",
                P::Why => "التفاصيل",
                P::NoUnmet => "لُبّيت جميع الاحتياجات.",
                P::PinHere => "تثبيت هنا",
                P::ChangesHint => "المقاعد التي تغيّرت لكل دولة وموعد، مقارنةً بالخطة التي سبقت آخر حساب.",
                P::Before => "قبل",
                P::After => "بعد",
                P::NoChanges => "لم يتغيّر شيء: الخطة الجديدة تعطي كل دولة المقاعد نفسها.",
                P::FirstPlan => "هذه أول خطة؛ أعد الحساب بعد أي تعديل لترى ما تغيّر.",
                P::ExportHint => "ملفات الخطة المعروضة، مكتوبة تماماً كما يكتبها سطر الأوامر. تُفتح الجداول في Excel مع الحفاظ على العربية، وتُستورد التقاويم في Outlook أو Google أو Apple وتُحدَّث عند استيراد نسخة أحدث.",
                P::ExportPlanCsv => "جدول الخطة (CSV)",
                P::ExportUnmetCsv => "الاحتياجات غير الملبّاة (CSV)",
                P::ExportIcs => "التقويم (iCalendar)",
                P::ExportJson => "الخطة (JSON)",
                P::FilesLanguage => "لغة الملفات",
                P::For => "الدولة",
                P::Downloaded => "تم التنزيل",
                P::Dates => "التواريخ",
                P::Adjustments => "التعديلات",
                P::Stop => "إيقاف",
                P::GapBefore => "توقّف عند الاقتراب ضمن",
                P::GapAfter => "٪ من أفضل خطة ممكنة",
            }
        }

        fn reason(&self, reason: Reason) -> &'static str {
            crate::io::reason_words(reason).ar
        }

        fn reason_name(&self, reason: Reason) -> &'static str {
            match reason {
                Reason::NoCompatibleSession => "لا يوجد موعد مناسب",
                Reason::Budget => "الميزانية",
                Reason::Capacity => "السعة",
                Reason::StateCap => "حد الدولة",
                Reason::MinParticipants => "الحد الأدنى للمشاركين",
                Reason::Cost => "التكلفة",
            }
        }

        fn detail(&self, detail: &Detail) -> String {
            match detail {
                Detail::Session { session, start, end, state, numbers: n } => {
                    let at = format!("الموعد {} ({})", iso(session.as_str()), self.date_range(*start, *end));
                    match state {
                        SessionState::Full => format!("{at} ممتلئ (المقاعد المشغولة: {} من {}).", n.filled, n.seats),
                        SessionState::AtStateCap => format!(
                            "{at} بلغ الحد الأقصى لهذه الدولة (متدربوها فيه: {}، والحد لكل دولة: {}).",
                            n.state_filled,
                            n.cap.unwrap_or(n.state_filled)
                        ),
                        SessionState::NotRunning => {
                            format!("{at} لا ينعقد لأنه لم يبلغ الحد الأدنى من المشاركين ({}).", n.minimum)
                        }
                        SessionState::OverBudget => format!(
                            "{at}: تكلفة المقعد {}، والمتبقي من ميزانية الدولة {}.",
                            self.money(n.cost, &n.currency),
                            self.money(n.budget_left.unwrap_or(0), &n.currency)
                        ),
                        SessionState::HasRoom => format!(
                            "{at}: المقاعد الشاغرة {}، وتكلفة المقعد {}.",
                            n.seats - n.filled,
                            self.money(n.cost, &n.currency)
                        ),
                    }
                }
                Detail::Ruled { session, start, end, fact } => {
                    let at = format!("الموعد {} ({})", iso(session.as_str()), self.date_range(*start, *end));
                    match fact {
                        Fact::Language { course, accepted } => format!(
                            "{at} يُقدَّم باللغة {}، وهذا الاحتياج يقبل: {}.",
                            self.language_name(course),
                            accepted.iter().map(|l| self.language_name(l)).collect::<Vec<_>>().join("، ")
                        ),
                        Fact::Mode { course, accepted } => format!(
                            "نمط التدريب في {at} {}، وهذا الاحتياج يقبل: {}.",
                            self.mode_word(course),
                            accepted.iter().map(|m| self.mode_word(m)).collect::<Vec<_>>().join("، ")
                        ),
                        Fact::Window { window: Some(w) } => {
                            format!("{at} يقع خارج الفترة المطلوبة للاحتياج ({}).", self.date_range(w.start, w.end))
                        }
                        Fact::Window { window: None } => format!("{at} يقع خارج الفترة المطلوبة للاحتياج."),
                        Fact::Blackout { label, start, end } => format!(
                            "{at} يتداخل مع {} ({})، وهي فترة لا تستطيع الدولة فيها إرسال متدربين.",
                            if label.is_empty() { "فترة عدم إتاحة".to_string() } else { iso(label) },
                            self.date_range(*start, *end)
                        ),
                        Fact::OpenTo(states) => format!("{at} مخصَّص للدول: {}.", codes(states)),
                        Fact::Excluded => format!("استبعد المخطِّط {at} لهذا الاحتياج."),
                        Fact::SkillLevel => format!("{at} يخص مهارة أو مستوى آخر."),
                    }
                }
                Detail::OtherLevel { session, level } => format!(
                    "لا يُقدَّم شيء في هذا المستوى؛ الموعد {} يقدّم المهارة نفسها في المستوى {level}.",
                    iso(session.as_str())
                ),
                Detail::NoSessionOfSkill => "لا يوجد في الكتالوج أي موعد لهذه المهارة.".into(),
            }
        }

        fn outcome(&self, outcome: &SolveOutcome) -> String {
            match outcome {
                SolveOutcome::Planned { status: Status::Optimal, ms, .. } => {
                    format!("خطة مثلى، حُسبت في {} ملّي ثانية.", ms.round())
                }
                SolveOutcome::Planned { status: Status::TimeLimit, objective, bound, gap, ms, .. } => format!(
                    "أفضل خطة وُجدت ضمن المهلة ({:.1} ث): قد تقل عن أفضل خطة ممكنة بما يصل إلى {:.1}٪ (القيمة {objective:.1}، والحد الأعلى {bound:.1}).",
                    ms / 1000.0,
                    gap * 100.0
                ),
                SolveOutcome::Invalid(problems) => format!(
                    "لم تُحسب الخطة: في السيناريو {}. أصلحها ثم أعد الحساب.",
                    count(problems.len(), &PROBLEM)
                ),
                SolveOutcome::Infeasible(_) => {
                    "لم تُحسب الخطة: لا يمكن احترام كل التثبيتات معاً. احذف هذه التثبيتات أو قلّل مقاعدها ثم أعد الحساب.".into()
                }
                SolveOutcome::NoPlanInTime(seconds) => format!(
                    "لم توجد خطة تحترم التثبيتات خلال {seconds} ث. احذف بعض التثبيتات ثم أعد الحساب."
                ),
                SolveOutcome::Failed(message) => format!("تعذّر الحساب: {}", iso(message)),
            }
        }

        fn clash(&self, clash: &PinClash) -> String {
            let pins = pins(clash);
            match &clash.kind {
                ClashKind::Trainees { need, pinned, trainees } => format!(
                    "التثبيتات {pins} تضع من الاحتياج {} عدداً ({pinned}) أكبر من عدد متدربيه ({trainees}).",
                    iso(need.as_str())
                ),
                ClashKind::Seats { session, pinned, seats } => format!(
                    "التثبيتات {pins} تضع في الموعد {} عدداً ({pinned}) أكبر من مقاعده ({seats}).",
                    iso(session.as_str())
                ),
                ClashKind::StateCap { state, session, pinned, cap } => format!(
                    "التثبيتات {pins} تضع من متدربي {} في الموعد {} عدداً ({pinned}) يتجاوز الحد لكل دولة ({cap}).",
                    iso(state.as_str()),
                    iso(session.as_str())
                ),
                ClashKind::Budget { state, cost, budget, currency } => format!(
                    "تكلفة التثبيتات {pins} ({}) تتجاوز ميزانية {} ({}).",
                    self.money(*cost, currency),
                    iso(state.as_str()),
                    self.money(*budget, currency)
                ),
                ClashKind::Minimum { session, minimum, .. } => format!(
                    "التثبيتات {pins} تفرض انعقاد الموعد {}، لكنه لا يمكن أن يبلغ الحد الأدنى من المشاركين ({minimum}).",
                    iso(session.as_str())
                ),
                ClashKind::Together { sessions } if sessions.is_empty() => {
                    format!("لا يمكن احترام التثبيتات {pins} معاً مع مقاعد المواعيد وحدودها والميزانيات.")
                }
                ClashKind::Together { sessions } => format!(
                    "لا يمكن احترام التثبيتات {pins} معاً مع المقاعد والحدود والميزانيات والحد الأدنى للمواعيد {}.",
                    sessions.iter().map(|s| iso(s.as_str())).collect::<Vec<_>>().join("، ")
                ),
            }
        }

        fn refused(&self, refused: &Refused) -> String {
            match refused {
                Refused::UnknownNeed(need) => format!("لم يعد الاحتياج {} موجوداً في السيناريو.", iso(need.as_str())),
                Refused::UnknownSession(session) => {
                    format!("لم يعد الموعد {} موجوداً في السيناريو.", iso(session.as_str()))
                }
                Refused::SkillLevel => "يجب أن يكون التثبيت في موعد بمهارة الاحتياج ومستواه.".into(),
                Refused::Seats => "يحتاج التثبيت إلى مقعد واحد على الأقل.".into(),
            }
        }

        fn fill(&self, filled: i64, seats: i64) -> String {
            format!("المقاعد المشغولة: {filled} من {seats}")
        }

        fn coverage(&self, planned: i64, needed: i64) -> String {
            format!("المتدربون: {planned} من {needed} ({}٪)", percent(planned, needed))
        }

        fn running(&self, running: usize, sessions: usize) -> String {
            format!("المواعيد المنعقدة: {running} من {sessions}")
        }

        fn unmet_total(&self, needs: usize, seats: i64) -> String {
            format!("{}، و{} دون مقعد", count(needs, &NEED), count(seats, &TRAINEE))
        }

        fn adjustments(&self, pins: usize, exclusions: usize) -> String {
            format!("{}، {}", count(pins, &PIN), count(exclusions, &EXCLUSION))
        }

        fn calendar_title(&self, year: i32, state: Option<&str>) -> String {
            match state {
                Some(name) => format!("التقويم التدريبي {year} — {}", iso(name)),
                None => format!("التقويم التدريبي {year}"),
            }
        }

        fn seats(&self, seats: i64) -> String {
            count(seats, &SEAT)
        }

        fn progress(&self, seconds: f64, best_gap: Option<f64>) -> String {
            match best_gap {
                Some(gap) => {
                    format!("جارٍ الحساب… {seconds:.1} ث؛ أفضل خطة حتى الآن ضمن {:.1}٪ من أفضل خطة ممكنة.", gap * 100.0)
                }
                None => format!("جارٍ الحساب… {seconds:.1} ث؛ لا خطة بعد."),
            }
        }

        fn stopped(&self, stopped: Stopped) -> String {
            match stopped {
                Stopped::WithPlan { gap } => {
                    format!("أُوقف الحساب: هذه أفضل خطة وُجدت حتى الآن، ضمن {:.1}٪ من أفضل خطة ممكنة.", gap * 100.0)
                }
                Stopped::BeforeAnyPlan => "أُوقف الحساب قبل إيجاد أي خطة: لم يتغير شيء.".into(),
            }
        }
    }

    impl Ar {
        fn mode_word(&self, mode: &crate::model::Mode) -> String {
            mode_msg(mode).map(|m| self.text(m).to_string()).unwrap_or_else(|| iso(mode.as_str()))
        }
    }
}

// Words for text a field could not read (typed errors of `model::read`), kept apart from the
// rest of the catalogue.
mod read_words {
    use super::Ar;
    use crate::model::read::ReadError;
    use crate::ui::i18n::{iso, ReadWords};

    impl ReadWords for Ar {
        fn read_error(&self, error: &ReadError) -> String {
            match error {
                ReadError::NotWholeNumber => "أدخل عدداً صحيحاً.".into(),
                ReadError::Fraction => "أدخل عدداً صحيحاً بلا كسور.".into(),
                ReadError::AmbiguousPoint { plain } => {
                    format!("هل النقطة فاصل للآلاف ({}) أم فاصلة عشرية؟ اكتب العدد بلا فواصل.", iso(plain))
                }
                ReadError::TooLarge => "هذا العدد كبير جداً.".into(),
                ReadError::NotNumber => "أدخل رقماً.".into(),
                ReadError::Hijri { .. } => {
                    format!("يبدو هذا تاريخاً هجرياً؛ أدخل التاريخ الميلادي بصيغة سنة-شهر-يوم، مثل {}.", iso("2027-03-12"))
                }
                ReadError::AmbiguousDate => {
                    format!(
                        "اليوم قبل الشهر أم الشهر قبل اليوم؟ أدخل التاريخ بصيغة سنة-شهر-يوم، مثل {}.",
                        iso("2027-03-12")
                    )
                }
                ReadError::HasTime => "أدخل التاريخ وحده بصيغة سنة-شهر-يوم، دون وقت.".into(),
                ReadError::NotDate => format!(
                    "أدخل تاريخاً بصيغة سنة-شهر-يوم ({}) أو يوم/شهر/سنة ({}).",
                    iso("2027-03-15"),
                    iso("15/03/2027")
                ),
                ReadError::NotADay => "هذا اليوم غير موجود في التقويم.".into(),
            }
        }
    }
}

/// A problem of the core, in Arabic.
fn problem(c: &Ar, kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
        K::RepeatedKey { key } => format!("المفتاح {} مكرر في هذا الكائن؛ احذف إحدى النسختين.", iso(key)),
        K::UnknownField { key, hint, expected } => format!(
            "حقل غير معروف: {}{}. الحقول المعروفة: {}.",
            iso(key),
            hint.map(|h| format!(" (هل تقصد {}؟)", iso(h))).unwrap_or_default(),
            iso(&expected.join(", "))
        ),
        K::ListForObject => "توجد قائمة حيث يلزم كائن بحقول مسمّاة.".into(),
        K::NotADate { text } => {
            format!("{} ليس تاريخاً مكتوباً بالصيغة {} (مثلاً {}).", iso(text), iso("YYYY-MM-DD"), iso("2027-02-07"))
        }
        K::PlanFile => "هذا ملف خطة وليس سيناريو: افتح السيناريو الذي وُضعت منه الخطة.".into(),
        K::TrailingText => "يوجد نص بعد نهاية السيناريو.".into(),
        K::Shape { detail } => format!("محتوى الملف غير صحيح هنا ({}).", iso(detail)),
        K::FormatTag { found } => format!("هذا ليس سيناريو قدرة (الصيغة {}).", iso(found)),
        K::Version { found } => {
            format!("يقرأ هذا الإصدار من قدرة سيناريوهات الإصدار {SCENARIO_VERSION}؛ والملف من الإصدار {found}.")
        }
        K::YearOutside { date } => {
            format!("سنة التاريخ {} خارج المدى {}.", c.date(*date), iso(&format!("{MIN_YEAR}–{MAX_YEAR}")))
        }
        K::StartAfterEnd { start, end } => format!("البداية ({}) بعد النهاية ({}).", c.date(*start), c.date(*end)),
        K::Empty => "لا يمكن أن يكون فارغاً.".into(),
        K::IdCharacter { id, found } => format!(
            "المعرِّف {} يحتوي على {}؛ لا يقبل المعرِّف إلا الحروف اللاتينية والأرقام و- و_ و.",
            iso(id),
            if found.is_whitespace() { "مسافة".to_string() } else { iso(&code_point(*found)) }
        ),
        K::StateCode { code: _, hint } => format!(
            "رمز الدولة حرفان لاتينيان كبيران (ISO 3166-1، مثل QA){}.",
            hint.as_ref().map(|h| format!("؛ هل تقصد {}؟", iso(h))).unwrap_or_default()
        ),
        K::NameMissing => "أدخل اسماً بلغة واحدة على الأقل.".into(),
        K::HiddenCharacter { found } => {
            format!("يحتوي على المحرف الخفي {}، وقد يجعل النص يُظهر كلمات غير التي يحتويها.", iso(&code_point(*found)))
        }
        K::CountTooLarge { value } => format!("{value} أكبر من {MAX_COUNT}، وهو أكبر عدد تخطط له قدرة بدقة."),
        K::MoneyTooLarge { value } => format!("{value} أكبر من {MAX_MONEY}، وهو أكبر مبلغ تخطط له قدرة بدقة."),
        K::WeightTooLarge { shown } => format!("{} أكبر من {MAX_WEIGHT}، وهو أكبر وزن تعتمده قدرة بدقة.", iso(shown)),
        K::Negative { .. } | K::NegativeWeight { .. } => "لا يمكن أن يكون سالباً.".into(),
        K::NotFinite { .. } => "أدخل عدداً منتهياً.".into(),
        K::LevelRange { .. } => "المستوى 1 أو 2 أو 3.".into(),
        K::PriorityRange { .. } => "الأولوية من 1 (منخفضة) إلى 5 (حرجة).".into(),
        K::UnknownMode { word } => format!("نمط غير معروف: {}.", iso(word)),
        K::Duplicate { id, .. } => format!("المعرِّف {} مستخدم من قبل.", iso(id)),
        K::WeightsCount { found } => format!("أدخل خمسة أوزان بالضبط، للأولويات من 1 إلى 5 (الموجود {found})."),
        K::LanguagesMissing => "اختر لغة تدريب واحدة على الأقل.".into(),
        K::Unknown { thing, id } => format!("الرمز {} لا يطابق أي {}.", iso(id), THINGS[thing_index(*thing)]),
        K::CapMin { .. } => "الحد 1 على الأقل (أو فارغ بلا حد).".into(),
        K::TraineesMin { .. } => "متدرب واحد على الأقل.".into(),
        K::MinAboveSeats { seats, .. } => format!("الحد الأدنى أكبر من عدد المقاعد ({seats})."),
        K::PinSeats { .. } => "التثبيت يحتاج مقعداً واحداً على الأقل.".into(),
        K::PinSkillLevel(m) => format!(
            "الاحتياج {} في {} بالمستوى {}، لكن الموعد {} يدرّس {} بالمستوى {}.",
            iso(&m.need),
            iso(&m.need_skill),
            m.need_level,
            iso(&m.session),
            iso(&m.course_skill),
            m.course_level
        ),
        K::SecondPin { need, session, .. } => {
            format!("الاحتياج {} مثبَّت من قبل في الموعد {}.", iso(need), iso(session))
        }
        K::SecondExclusion { need, session, .. } => {
            format!("الاحتياج {} مستبعَد من قبل من الموعد {}.", iso(need), iso(session))
        }
        K::PinExcluded { need, session } => {
            format!("الاحتياج {} مثبَّت في الموعد {}، لكن هذا الاقتران مستبعَد.", iso(need), iso(session))
        }
    }
}

/// كلمات نتيجة الحساب (see `super::result`).
mod result_words {
    use super::{count, count_after, Ar, Noun, NEED, SEAT, TRAINEE};
    use crate::solve::Fact;
    use crate::ui::i18n::plural::{self, Form};
    use crate::ui::i18n::{group, iso, mode_msg, Catalogue, ResultWords};
    use crate::ui::vm::plan::changes::Cause;
    use crate::ui::vm::plan::summary::Summary;

    /// `n` things with the figure grouped ("2,831 متدربًا"), as [`super::counted`] words them.
    fn grouped(n: i64, noun: &Noun) -> String {
        match plural::arabic(n) {
            Form::Few => format!("{} {}", group(n, ','), noun.few),
            Form::Many => format!("{} {}", group(n, ','), noun.many),
            Form::Other => format!("{} {}", group(n, ','), noun.other),
            Form::Zero | Form::One | Form::Two => count(n, noun),
        }
    }

    /// A delivery mode's word.
    fn mode(c: &Ar, mode: &crate::model::Mode) -> String {
        mode_msg(mode).map(|m| c.text(m).to_string()).unwrap_or_else(|| iso(mode.as_str()))
    }

    impl ResultWords for Ar {
        fn number(&self, n: i64) -> String {
            group(n, ',')
        }

        fn percent(&self, n: i64) -> String {
            format!("{n}٪")
        }

        fn money(&self, amount: i64, currency: &str) -> String {
            let name = match currency.trim() {
                "" => return iso(&self.number(amount)),
                "USD" => "دولار أمريكي".to_string(),
                "EUR" => "يورو".to_string(),
                "QAR" => "ريال قطري".to_string(),
                "SAR" => "ريال سعودي".to_string(),
                "AED" => "درهم إماراتي".to_string(),
                "KWD" => "دينار كويتي".to_string(),
                "BHD" => "دينار بحريني".to_string(),
                "OMR" => "ريال عماني".to_string(),
                "JOD" => "دينار أردني".to_string(),
                "EGP" => "جنيه مصري".to_string(),
                "MAD" => "درهم مغربي".to_string(),
                "TND" => "دينار تونسي".to_string(),
                "DZD" => "دينار جزائري".to_string(),
                code => iso(code),
            };
            format!("{} {name}", iso(&self.number(amount)))
        }

        fn headline(&self, s: &Summary) -> String {
            let of = if s.trainees < 3 { count_after(s.trainees, &TRAINEE) } else { grouped(s.trainees, &TRAINEE) };
            let placed = format!("حصل {} من أصل {of} على مقاعد ({}٪)", self.number(s.placed), s.percent());
            match (s.short, s.critical) {
                (0, _) => format!("{placed}، ولُبّيت جميع الاحتياجات بالكامل"),
                (short, 0) => {
                    format!("{placed}، و{} دون تلبية كاملة، ليس بينها احتياج بأولوية حرجة", count(short, &NEED))
                }
                (short, critical) => format!(
                    "{placed}، و{} دون تلبية كاملة، منها {} بأولوية حرجة",
                    count(short, &NEED),
                    if critical < 3 { count(critical, &NEED) } else { format!("{critical}") }
                ),
            }
        }

        fn by_state_glance(&self) -> &'static str {
            "المتدربون الذين حصلوا على مقاعد، حسب الدولة"
        }

        fn without_seat(&self, missing: i64, trainees: i64) -> String {
            let of = if trainees < 3 { count_after(trainees, &TRAINEE) } else { grouped(trainees, &TRAINEE) };
            format!("{} من أصل {of} بلا مقعد", self.number(missing))
        }

        fn harm_order(&self) -> &'static str {
            "الأشد ضرراً أولاً: الأعلى أولوية، ثم الأكثر متدربين بلا مقعد."
        }

        fn pivot_title(&self) -> &'static str {
            "الاحتياجات غير الملبّاة حسب الدولة والسبب"
        }

        fn total(&self) -> &'static str {
            "المجموع"
        }

        fn pin_warning(&self, fact: &Fact) -> String {
            let list = |items: Vec<String>| items.join("، ");
            match fact {
                Fact::Language { course, accepted } => format!(
                    "هؤلاء المتدربون لا يقبلون {} (يقبلون: {}). هل تثبّت رغم ذلك؟",
                    self.language_name(course),
                    list(accepted.iter().map(|l| self.language_name(l)).collect())
                ),
                Fact::Mode { course, accepted } => format!(
                    "هؤلاء المتدربون لا يقبلون نمط التدريب {} (يقبلون: {}). هل تثبّت رغم ذلك؟",
                    mode(self, course),
                    list(accepted.iter().map(|m| mode(self, m)).collect())
                ),
                Fact::Window { window: Some(w) } => format!(
                    "يقع هذا الموعد خارج الفترة المطلوبة للاحتياج ({}). هل تثبّت رغم ذلك؟",
                    self.date_range(w.start, w.end)
                ),
                Fact::Window { window: None } => "يقع هذا الموعد خارج الفترة المطلوبة للاحتياج. هل تثبّت رغم ذلك؟".into(),
                Fact::Blackout { label, start, end } => format!(
                    "يتداخل هذا الموعد مع {} ({})، وهي فترة لا تستطيع الدولة فيها إرسال متدربين. هل تثبّت رغم ذلك؟",
                    if label.is_empty() { "فترة عدم إتاحة".to_string() } else { iso(label) },
                    self.date_range(*start, *end)
                ),
                Fact::OpenTo(states) => format!(
                    "هذا الموعد مخصَّص للدول: {}. هل تثبّت رغم ذلك؟",
                    iso(&states.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
                ),
                Fact::Excluded => "استبعدتَ هذا الاقتران؛ والتثبيت يلغي الاستبعاد. هل تثبّت رغم ذلك؟".into(),
                Fact::SkillLevel => "هذا الموعد يخص مهارة أو مستوى آخر.".into(),
            }
        }

        fn pin_anyway(&self) -> &'static str {
            "ثبّت رغم ذلك"
        }

        fn cancel(&self) -> &'static str {
            "إلغاء"
        }

        fn held_by_pins(&self, seats: i64) -> String {
            format!("له {} بالتثبيت.", count(seats, &SEAT))
        }

        fn no_other_session(&self) -> &'static str {
            "لا يناسب هذا الاحتياجَ أيُّ موعد آخر: ليس له إلا المقاعد المثبَّتة له."
        }

        fn net_title(&self) -> &'static str {
            "صافي التغيير حسب الدولة"
        }

        fn gained_lost_net(&self) -> [&'static str; 3] {
            ["مقاعد مكتسبة", "مقاعد مفقودة", "الصافي"]
        }

        fn cause_heading(&self) -> &'static str {
            "السبب"
        }

        fn cause(&self, cause: Cause) -> &'static str {
            match cause {
                Cause::Pin => "فرضه تثبيت",
                Cause::Exclusion => "فرضه استبعاد",
            }
        }

        fn will_not_run(&self, minimum: i64) -> String {
            format!("لن ينعقد: دون حده الأدنى من المشاركين ({})", self.number(minimum))
        }

        fn not_running_title(&self) -> &'static str {
            "مواعيد لن تنعقد (دون حدها الأدنى)"
        }

        fn not_running_mark(&self) -> &'static str {
            "✕ لن ينعقد"
        }
    }
}

/// The words of the first visit and the demo data (see `super::first`).
mod first_words {
    use super::Ar;
    use crate::ui::i18n::{iso, FirstWords};

    impl FirstWords for Ar {
        fn welcome(&self) -> &'static str {
            "مرحباً بك في قدرة"
        }

        fn who_are_you(&self) -> &'static str {
            "من أنت؟ تفتح قدرة مساحة العمل الخاصة بدورك، ويمكنك تغييرها لاحقاً من أعلى الصفحة."
        }

        fn focal_of(&self, state: &str) -> String {
            format!("نقطة الاتصال في {}", iso(state))
        }

        fn focal_hint(&self) -> &'static str {
            "أدخل الاحتياجات التدريبية لدولتك وأرسلها إلى المركز الإقليمي."
        }

        fn centre_choice(&self) -> &'static str {
            "المركز الإقليمي"
        }

        fn centre_hint(&self) -> &'static str {
            "إدارة دليل الدورات ومواعيدها."
        }

        fn planner_choice(&self) -> &'static str {
            "المخطِّط"
        }

        fn planner_hint(&self) -> &'static str {
            "كل شيء: الدول والإعدادات والخطة التي توزّع المقاعد على المتدربين."
        }

        fn demo_title(&self) -> &'static str {
            "بيانات تجريبية"
        }

        fn demo_text(&self) -> &'static str {
            "الاحتياجات والدورات والمواعيد المعروضة مُختلَقة لتجربة قدرة. تبقى تعديلاتك في هذا المتصفح."
        }

        fn import_own(&self) -> &'static str {
            "استيراد السيناريو الخاص بك"
        }

        fn start_empty(&self) -> &'static str {
            "البدء ببيانات فارغة"
        }

        fn confirm_start_empty(&self) -> &'static str {
            "هل تستبدل بالبيانات التجريبية بيانات فارغة؟ تبقى الدول الأعضاء والمهارات. يعيد زر التراجع البيانات التجريبية."
        }

        fn data_menu(&self) -> &'static str {
            "البيانات"
        }
    }
}

/// Spreadsheets in: importing a needs or sessions CSV, pasting rows, the templates.
mod sheet_words {
    use super::{count, iso, Ar, Catalogue, NEED, PROBLEM, SESSION};
    use crate::io::import::RowProblem;
    use crate::ui::i18n::{SheetWords, S};
    use crate::ui::vm::edit::issue::Issue;
    use crate::ui::vm::edit::sheet::{Outcome, Report, Sheet};

    fn quoted(words: &[impl AsRef<str>]) -> String {
        crate::ui::i18n::sheet::alternatives(words, "، ", " أو ")
    }

    const SAVE_AS: &str = "في Excel اختر ملف > حفظ باسم > «CSV UTF-8 (محدد بفاصلات)».";

    impl SheetWords for Ar {
        fn s(&self, m: S) -> &'static str {
            match m {
                S::Spreadsheets => "جداول البيانات",
                S::ImportNeeds => "استيراد الاحتياجات (CSV)",
                S::ImportSessions => "استيراد المواعيد (CSV)",
                S::NeedsTemplate => "قالب الاحتياجات الفارغ",
                S::SessionsTemplate => "قالب المواعيد الفارغ",
                S::PasteRows => "لصق صفوف",
                S::PasteHint => {
                    "انسخ الصفوف في Excel والصقها هنا (صف العناوين اختياري؛ من دونه تكون الأعمدة بترتيب القالب)."
                }
                S::AddPasted => "إضافة الصفوف الملصقة",
                S::ShowRow => "عرض الصف",
                S::RowOfFile => "الصف في الملف",
                S::Close => "إغلاق",
                S::FirstShown => "لا تُعرض إلا أول 200 مشكلة؛ أصلحها ثم استورد من جديد لترى البقية.",
            }
        }

        fn sheet_report(&self, report: &Report) -> String {
            match (&report.outcome, report.sheet) {
                (Outcome::Taken { added: 0, changed: 0 }, _) => "لا صفوف في الملف: لم يُضف شيء.".into(),
                (Outcome::Taken { added, .. }, Sheet::Needs) => format!("أُضيف {}.", count(*added, &NEED)),
                (Outcome::Taken { added, changed }, Sheet::Sessions) => {
                    format!("أُضيف {}، وعُدِّل {changed}.", count(*added, &SESSION))
                }
                (Outcome::Refused(problems), _) => format!(
                    "لم يُستورد شيء: {} يجب إصلاحها. تُستورد الصفوف كلها معًا أو لا يُستورد أي منها.",
                    count(problems.len(), &PROBLEM)
                ),
            }
        }

        fn row_place(&self, line: usize, column: Option<&str>) -> String {
            match (line, column) {
                (0, _) => "الملف".into(),
                (line, Some(column)) => format!("السطر {line}، العمود {}", iso(column)),
                (line, None) => format!("السطر {line}"),
            }
        }

        fn row_problem(&self, problem: &RowProblem) -> String {
            use RowProblem as R;
            match problem {
                R::EmptyFile => "الملف فارغ.".into(),
                R::Workbook => format!("هذا مصنف Excel ‏(.xlsx) وليس ملف CSV. {SAVE_AS}"),
                R::OldWorkbook => format!("هذا مصنف Excel قديم ‏(.xls) وليس ملف CSV. {SAVE_AS}"),
                R::Utf16 => format!("هذا الملف بترميز UTF-16 وليس CSV بترميز UTF-8. {SAVE_AS}"),
                R::NotUtf8 => format!(
                    "هذا الصف ليس نصًا بترميز UTF-8: حُفظ الملف على الأرجح بصفحة الترميز العربية لويندوز (1256) التي تشوّه الحروف العربية. {SAVE_AS}"
                ),
                R::NoHeader => "لا صف عناوين في الملف.".into(),
                R::UnclosedQuote { text_line } => format!(
                    "تبدأ هنا خلية بين علامتي تنصيص (سطر النص {text_line}) ولا تُغلق أبدًا: تنقص علامة \"."
                ),
                R::RepeatedColumn { column } => format!("العمود {} مكرر في صف العناوين.", iso(column)),
                R::UnknownColumn { found, known } => {
                    format!("العمود {} غير معروف (الأعمدة هي: {}).", iso(found), quoted(known))
                }
                R::MissingColumn { column, known } => {
                    format!("لا عمود {} في صف العناوين (الأعمدة هي: {}).", iso(column), quoted(known))
                }
                R::TooManyCells { cells, columns } => format!(
                    "في هذا الصف {cells} خلية لكن في صف العناوين {columns} عمودًا: هل في خلية فاصلة بلا علامتي تنصيص؟"
                ),
                R::BidiControl { found } => format!(
                    "في الخلية حرف اتجاه غير مرئي ({}) قد يُظهر النص على غير حقيقته؛ أعد كتابة الخلية.",
                    super::code_point(*found)
                ),
                R::Required => "هذا العمود مطلوب والخلية فارغة.".into(),
                R::Read { text, error } => {
                    format!("{}: {}", iso(text), Catalogue::issue(self, &Issue::Read(error.clone())))
                }
                R::AmbiguousState { typed } => format!("{} اسم لأكثر من دولة؛ اكتب رمز الدولة.", iso(typed)),
                R::UnknownState { typed, near, known } => match near.as_slice() {
                    [] => format!("لا دولة تُكتب {} (الرموز هي: {}).", iso(typed), quoted(known)),
                    near => format!("لا دولة تُكتب {}؛ هل تقصد {}؟", iso(typed), quoted(near)),
                },
                R::OtherState { found, only } => format!(
                    "هذا الصف يخص {}، ولا تُستورد هنا إلا احتياجات {}.",
                    iso(found),
                    iso(only)
                ),
                R::UnknownSkill { typed, near, known } => match near.as_slice() {
                    [] if known.len() <= 12 => {
                        format!("لا مهارة باسم {} (المهارات هي: {}).", iso(typed), quoted(known))
                    }
                    [] => format!("لا مهارة باسم {}.", iso(typed)),
                    near => format!("لا مهارة باسم {}؛ هل تقصد {}؟", iso(typed), quoted(near)),
                },
                R::NotLanguageCode { item, named: Some(code) } => {
                    format!("{} ليس رمز لغة؛ هل تقصد {}؟", iso(item), iso(code))
                }
                R::NotLanguageCode { item, named: None } => format!(
                    "{} ليس رمز لغة مثل ar أو en أو fr (افصل بين عدة رموز بـ ;).",
                    iso(item)
                ),
                R::UnknownMode { item, near } => match near.as_slice() {
                    [] => format!(
                        "نمط التدريب {} غير معروف: استخدم in_person أو online أو blended، مفصولة بـ ;.",
                        iso(item)
                    ),
                    near => format!("نمط التدريب {} غير معروف؛ هل تقصد {}؟", iso(item), quoted(near)),
                },
                R::EndBeforeHorizon { end } => format!(
                    "{} قبل بداية فترة التخطيط؛ وبلا {} تبدأ النافذة معها، فأعطِ {} أو {} أبعد.",
                    iso(&end.to_string()),
                    iso("window_start"),
                    iso("window_start"),
                    iso("window_end")
                ),
                R::StartAfterHorizon { start } => format!(
                    "{} بعد نهاية فترة التخطيط؛ وبلا {} تنتهي النافذة معها، فأعطِ {} أو {} أبكر.",
                    iso(&start.to_string()),
                    iso("window_end"),
                    iso("window_end"),
                    iso("window_start")
                ),
                R::HalfWindow => "أُعطي طرف واحد من النافذة ولا فترة تخطيط في السيناريو يؤخذ منها الطرف الآخر: أعطِ التاريخين معًا أو لا تعطِ أيًّا منهما.".into(),
                R::RepeatedSession { id, first_line } => {
                    format!("الموعد {} موجود في السطر {first_line} من هذا الملف.", iso(id))
                }
                R::Invalid { kind, .. } => Catalogue::issue(self, &Issue::Problem((**kind).clone())),
                R::AfterRow { path, kind } => format!(
                    "مع هذا الصف لا يصح {}: {}",
                    iso(path),
                    Catalogue::issue(self, &Issue::Problem((**kind).clone()))
                ),
                R::InScenario { path, kind } => format!(
                    "في السيناريو (لا في هذا الملف)، {}: {}",
                    iso(path),
                    Catalogue::issue(self, &Issue::Problem((**kind).clone()))
                ),
                R::MoreInRow => "في هذا الصف مشكلات أيضًا (أصلح ما فوقه أولًا).".into(),
            }
        }
    }
}
mod capacity;
mod remedy;
