//! English.

use super::{first_problem, iso, thing_index, Catalogue, Msg, Note};
use crate::ui::vm::files::{ImportError, Imported};
use crate::ui::vm::issue::Issue;

pub struct En;

const THINGS: [&str; 5] = ["state", "skill", "course", "need", "session"];
const THINGS_PLURAL: [&str; 5] = ["states", "skills", "courses", "needs", "sessions"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Catalogue for En {
    fn text(&self, m: Msg) -> &'static str {
        match m {
            Msg::AppName => "Qudra",
            Msg::AppTagline => "Training needs and capacity-building planner",
            Msg::Workspace => "Workspace",
            Msg::RoleFocal => "Focal point",
            Msg::RoleCentre => "Regional centre",
            Msg::RolePlanner => "Planner",
            Msg::Language => "Language",
            Msg::Undo => "Undo",
            Msg::Redo => "Redo",
            Msg::Import => "Import file…",
            Msg::ExportScenario => "Export scenario",
            Msg::ResetDemo => "Reset to demo data",
            Msg::ClearLocal => "Clear local data",
            Msg::ConfirmReset => "Replace everything in this browser with the demo data? You can undo this.",
            Msg::ConfirmClear => {
                "Delete all Qudra data stored in this browser? Export the scenario first if you want to keep it."
            }
            Msg::Dismiss => "Dismiss",
            Msg::Saved => "Saved in this browser",
            Msg::Saving => "Saving…",
            Msg::NotSaving => "Not saving",
            Msg::PrivacyNote => "Your data stays in this browser. It leaves only in files you export.",
            Msg::FocalIntro => {
                "Enter your state's training needs. Every change is checked as you type and saved in this browser."
            }
            Msg::YourState => "Your state",
            Msg::NeedsHeading => "Training needs",
            Msg::AddNeed => "Add a need",
            Msg::Duplicate => "Duplicate",
            Msg::Delete => "Delete",
            Msg::NoNeeds => "No needs yet. Add one.",
            Msg::ExportSubmission => "Export my submission",
            Msg::SubmissionHint => {
                "Send this file to the regional centre: importing it there replaces your state's needs with yours."
            }
            Msg::SummaryHeading => "Summary by skill and priority (trainees)",
            Msg::Total => "Total",
            Msg::Id => "ID",
            Msg::State => "State",
            Msg::Skill => "Skill",
            Msg::Level => "Level",
            Msg::Trainees => "Trainees",
            Msg::Priority => "Priority",
            Msg::Window => "Window",
            Msg::From => "From",
            Msg::To => "To",
            Msg::Languages => "Languages",
            Msg::Modes => "Modes",
            Msg::Note => "Note",
            Msg::Actions => "Actions",
            Msg::Level1 => "1 basic",
            Msg::Level2 => "2 intermediate",
            Msg::Level3 => "3 advanced",
            Msg::Priority1 => "1 low",
            Msg::Priority2 => "2 moderate",
            Msg::Priority3 => "3 medium",
            Msg::Priority4 => "4 high",
            Msg::Priority5 => "5 critical",
            Msg::ModeInPerson => "In person",
            Msg::ModeOnline => "Online",
            Msg::ModeBlended => "Blended",
            Msg::WholeHorizon => "Empty: the whole planning period",
            Msg::StateLanguagesDefault => "Unchanged: the state's languages",
            Msg::NotSaved => "Not saved",
            Msg::CentreIntro => {
                "The catalogue: courses and their dated sessions. Every change is checked as you type and saved in this browser."
            }
            Msg::Courses => "Courses",
            Msg::Sessions => "Sessions",
            Msg::AddCourse => "Add a course",
            Msg::AddSession => "Add a session",
            Msg::Course => "Course",
            Msg::TitleEn => "Title (English)",
            Msg::TitleAr => "Title (Arabic)",
            Msg::Mode => "Mode",
            Msg::Location => "Location",
            Msg::Start => "Start",
            Msg::End => "End",
            Msg::Seats => "Seats",
            Msg::CapPerState => "Cap per state",
            Msg::MinParticipants => "Minimum participants",
            Msg::CostPerSeat => "Cost per seat",
            Msg::OpenTo => "Open to",
            Msg::OpenToHint => "State codes, e.g. QA, BH. Empty: all states",
            Msg::NoCapHint => "Empty: no cap",
            Msg::YearView => "Year view",
            Msg::NoSessions => "No sessions",
            Msg::OtherYears => "Other years",
            Msg::NewCourse => "New course",
            Msg::NewSkill => "New skill",
            Msg::NewBlackout => "Holiday",
            Msg::PlannerIntro => {
                "Everything in the scenario: all needs, the catalogue, member states, skills and the settings that shape the plan."
            }
            Msg::TabNeeds => "Needs",
            Msg::TabCatalogue => "Catalogue",
            Msg::TabStates => "Member states",
            Msg::TabSkills => "Skills",
            Msg::TabSettings => "Settings",
            Msg::TabAdjustments => "Pins and exclusions",
            Msg::ShowState => "Show",
            Msg::AllStates => "All states",
            Msg::Code => "Code",
            Msg::NameEn => "Name (English)",
            Msg::NameAr => "Name (Arabic)",
            Msg::Budget => "Budget",
            Msg::BudgetHint => "Empty: unlimited",
            Msg::Blackouts => "Unavailable dates",
            Msg::AddBlackout => "Add dates",
            Msg::Label => "Reason",
            Msg::AddSkill => "Add a skill",
            Msg::ScenarioTitle => "Scenario title",
            Msg::Horizon => "Planning period",
            Msg::PriorityWeights => "Priority weights",
            Msg::EquityBonus => "Equity bonus",
            Msg::CostWeight => "Cost weight",
            Msg::Currency => "Currency",
            Msg::ExplainTitle => "The name printed on plans and exported files.",
            Msg::ExplainHorizon => {
                "The period being planned. A need without its own window may be served by any session in it."
            }
            Msg::ExplainWeights => {
                "How much one trained officer counts at each priority, from 1 (low) to 5 (critical). With 1, 2, 4, 8, 16 one critical seat is worth two high-priority seats, so critical needs are served first."
            }
            Msg::ExplainEquity => {
                "Extra value for the first half of every need, so seats are spread over all states before any one state is served completely. 0 turns this off; 0.5 makes those seats count 50% more."
            }
            Msg::ExplainCostWeight => {
                "How much each unit of cost counts against a seat. 0 ignores cost; 0.0001 makes a 1,500 seat cost 0.15, less than one low-priority officer, so cost only decides between otherwise equal choices."
            }
            Msg::ExplainCurrency => "The unit of every cost and budget, e.g. USD or QAR.",
            Msg::Pins => "Pins (seats forced into a session)",
            Msg::Exclusions => "Exclusions (pairings forbidden)",
            Msg::Need => "Need",
            Msg::Session => "Session",
            Msg::NoPins => "No pins.",
            Msg::NoExclusions => "No exclusions.",
            Msg::PinsHint => "Pins and exclusions are the planner's adjustments to a plan. Here they can be reviewed and removed.",
            Msg::LangAr => "Arabic",
            Msg::LangEn => "English",
            Msg::LangFr => "French",
            Msg::Unlimited => "unlimited",
            Msg::Problems => "Problems",
            Msg::DateFormat => "YYYY-MM-DD",
            Msg::DateHelp => "A date written year-month-day, e.g. 2027-02-07",
        }
    }

    fn month(&self, month: u32) -> &'static str {
        MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
    }

    fn issue(&self, issue: &Issue) -> String {
        match issue {
            Issue::NotWholeNumber => "Enter a whole number.".into(),
            Issue::NotNumber => "Enter a number.".into(),
            Issue::NotDate => "Enter a date.".into(),
            Issue::Required => "This is required.".into(),
            Issue::Empty => "Must not be empty.".into(),
            Issue::Duplicate(id) => format!("The id {} is already used.", iso(id)),
            Issue::NameMissing => "Give a name in at least one language.".into(),
            Issue::LanguagesMissing => "Choose at least one training language.".into(),
            Issue::Negative => "Must not be negative.".into(),
            Issue::StartAfterEnd(start, end) => {
                format!("Starts ({}) after it ends ({}).", self.date(*start), self.date(*end))
            }
            Issue::LevelRange => "The level is 1, 2 or 3.".into(),
            Issue::PriorityRange => "The priority is from 1 (low) to 5 (critical).".into(),
            Issue::TraineesMin => "At least 1 trainee.".into(),
            Issue::CapMin => "The cap is at least 1 (empty for no cap).".into(),
            Issue::MinAboveSeats(seats) => format!("The minimum is more than the {seats} seats."),
            Issue::Unknown(thing, id) => format!("There is no {} {}.", THINGS[thing_index(*thing)], iso(id)),
            Issue::UnknownMode(word) => format!("Unknown mode {}.", iso(word)),
            Issue::WeightsCount => "Give exactly 5 weights, for priorities 1 to 5.".into(),
            Issue::PinSeats => "A pin needs at least 1 seat.".into(),
            Issue::Other(message) => iso(message),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Imported(Imported::Scenario { needs, sessions }) => {
                format!("Scenario imported: {needs} needs, {sessions} sessions.")
            }
            Note::Imported(Imported::Submission { state, needs, replaced }) => format!(
                "Submission of {} imported: {needs} needs replace the {replaced} there were.",
                iso(state.as_str())
            ),
            Note::ImportFailed(error) => format!("The file was not imported and nothing changed. {}", self.import_error(error)),
            Note::ReadFailed => "The file could not be read; nothing changed.".into(),
            Note::SaveFailed => "Could not save in this browser (storage full or turned off). The last saved copy is kept; export the scenario so as not to lose your changes.".into(),
            Note::StorageNewer(version) => format!(
                "The data in this browser was saved by a newer Qudra (storage version {version}). It was not opened and will not be overwritten; you are looking at the demo data, which is not saved."
            ),
            Note::StorageUnreadable => "The data saved in this browser could not be read. It is left as it was and will not be overwritten; you are looking at the demo data, which is not saved. \"Clear local data\" starts afresh.".into(),
            Note::StorageMigrated(from) => format!("The data saved in this browser was updated from storage version {from}."),
            Note::ResetDone => "The demo data is back. Undo returns to what you had.".into(),
            Note::Cleared => "Local data cleared. The page shows the demo data.".into(),
            Note::InUse(in_use) => format!(
                "Cannot delete: {} {} still use it.",
                in_use.count,
                THINGS_PLURAL[thing_index(in_use.by)]
            ),
        }
    }

    fn needs_total(&self, needs: usize, trainees: i64) -> String {
        format!("{needs} needs, {trainees} trainees")
    }

    fn sessions_total(&self, sessions: usize, seats: i64) -> String {
        format!("{sessions} sessions, {seats} seats")
    }
}

impl En {
    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::NotJson { line, column } => {
                format!("It is not a JSON file (line {line}, column {column}).")
            }
            ImportError::UnknownFormat(_) => "It is neither a Qudra scenario nor a submission.".into(),
            ImportError::NewerVersion { found, supported } => {
                format!("It was made by a newer Qudra (version {found}; this one reads up to {supported}).")
            }
            ImportError::Shape(e) => format!("Wrong content at {}: {}", iso(&e.path), iso(&e.message)),
            ImportError::Invalid(problems) => match first_problem(error) {
                Some((path, issue)) => format!(
                    "It has {} problem(s); the first, at {}: {}",
                    problems.len(),
                    iso(&path),
                    self.issue(&issue)
                ),
                None => String::new(),
            },
            ImportError::UnknownState(code) => format!("There is no state {} in this scenario.", iso(code.as_str())),
            ImportError::OtherState { need, state } => {
                format!("The need {} belongs to another state ({}).", iso(need), iso(state.as_str()))
            }
        }
    }
}
