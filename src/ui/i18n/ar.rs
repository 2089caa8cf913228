//! العربية (Arabic). Gregorian month names as used in the Gulf and Egypt; Latin digits, as in
//! the date and number inputs.

use super::{first_problem, iso, thing_index, Catalogue, Msg, Note};
use crate::ui::vm::files::{ImportError, Imported};
use crate::ui::vm::issue::Issue;

pub struct Ar;

const THINGS: [&str; 5] = ["دولة", "مهارة", "دورة", "احتياج", "موعد"];
const THINGS_PLURAL: [&str; 5] = ["الدول", "المهارات", "الدورات", "الاحتياجات", "المواعيد"];
const MONTHS: [&str; 12] =
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

impl Catalogue for Ar {
    fn text(&self, m: Msg) -> &'static str {
        match m {
            Msg::AppName => "قدرة",
            Msg::AppTagline => "مخطِّط الاحتياجات التدريبية وبناء القدرات",
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
            Msg::DateFormat => "YYYY-MM-DD",
            Msg::DateHelp => "التاريخ بصيغة سنة-شهر-يوم، مثل 2027-02-07",
        }
    }

    fn month(&self, month: u32) -> &'static str {
        MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
    }

    fn issue(&self, issue: &Issue) -> String {
        match issue {
            Issue::NotWholeNumber => "أدخل عدداً صحيحاً.".into(),
            Issue::NotNumber => "أدخل رقماً.".into(),
            Issue::NotDate => "أدخل تاريخاً.".into(),
            Issue::Required => "هذا الحقل مطلوب.".into(),
            Issue::Empty => "لا يمكن أن يكون فارغاً.".into(),
            Issue::Duplicate(id) => format!("المعرِّف {} مستخدم من قبل.", iso(id)),
            Issue::NameMissing => "أدخل اسماً بلغة واحدة على الأقل.".into(),
            Issue::LanguagesMissing => "اختر لغة تدريب واحدة على الأقل.".into(),
            Issue::Negative => "لا يمكن أن يكون سالباً.".into(),
            Issue::StartAfterEnd(start, end) => {
                format!("البداية ({}) بعد النهاية ({}).", self.date(*start), self.date(*end))
            }
            Issue::LevelRange => "المستوى 1 أو 2 أو 3.".into(),
            Issue::PriorityRange => "الأولوية من 1 (منخفضة) إلى 5 (حرجة).".into(),
            Issue::TraineesMin => "متدرب واحد على الأقل.".into(),
            Issue::CapMin => "الحد 1 على الأقل (أو فارغ بلا حد).".into(),
            Issue::MinAboveSeats(seats) => format!("الحد الأدنى أكبر من عدد المقاعد ({seats})."),
            Issue::Unknown(thing, id) => format!("الرمز {} لا يطابق أي {}.", iso(id), THINGS[thing_index(*thing)]),
            Issue::UnknownMode(word) => format!("نمط غير معروف: {}.", iso(word)),
            Issue::WeightsCount => "أدخل خمسة أوزان بالضبط، للأولويات من 1 إلى 5.".into(),
            Issue::PinSeats => "التثبيت يحتاج مقعداً واحداً على الأقل.".into(),
            Issue::Other(message) => iso(message),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Imported(Imported::Scenario { needs, sessions }) => {
                format!("تم استيراد السيناريو (الاحتياجات: {needs}، المواعيد: {sessions}).")
            }
            Note::Imported(Imported::Submission { state, needs, replaced }) => format!(
                "تم استيراد طلب الدولة {}: {needs} من الاحتياجات حلّت محل {replaced}.",
                iso(state.as_str())
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
            Note::InUse(in_use) => format!(
                "لا يمكن الحذف: ما زال مستخدماً في {} من {}.",
                in_use.count,
                THINGS_PLURAL[thing_index(in_use.by)]
            ),
        }
    }

    fn needs_total(&self, needs: usize, trainees: i64) -> String {
        format!("الاحتياجات: {needs}، المتدربون: {trainees}")
    }

    fn sessions_total(&self, sessions: usize, seats: i64) -> String {
        format!("المواعيد: {sessions}، المقاعد: {seats}")
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
            ImportError::Shape(e) => format!("محتوى غير صحيح عند {}: {}", iso(&e.path), iso(&e.message)),
            ImportError::Invalid(problems) => match first_problem(error) {
                Some((path, issue)) => {
                    format!("فيه {} من المشكلات؛ أولاها عند {}: {}", problems.len(), iso(&path), self.issue(&issue))
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
