//! English.

use super::plural::{self, Form};
use super::{code_point, first_problem, iso, thing_index, Catalogue, Msg, Note};
use crate::model::{ProblemKind, MAX_COUNT, MAX_MONEY, MAX_WEIGHT, MAX_YEAR, MIN_YEAR, SCENARIO_VERSION};
use crate::ui::vm::edit::issue::Issue;
use crate::ui::vm::shell::files::{ImportError, Imported};

pub struct En;

const THINGS: [&str; 5] = ["state", "skill", "course", "need", "session"];
const THINGS_PLURAL: [&str; 5] = ["states", "skills", "courses", "needs", "sessions"];
/// `n` and the word it counts, singular for 1 only: "1 seat", "0 seats", "3 seats".
fn count(n: impl TryInto<i64>, one: &str, other: &str) -> String {
    counted(plural::whole(n), one, other)
}

/// [`count`] of an `i64`, compiled once whatever type the caller counts with.
fn counted(n: i64, one: &str, other: &str) -> String {
    match plural::english(n) {
        Form::One => format!("{n} {one}"),
        _ => format!("{n} {other}"),
    }
}

/// The word that goes with `n` things: `one` ("uses") for 1, `other` ("use") otherwise.
fn verb<'a>(n: impl TryInto<i64>, one: &'a str, other: &'a str) -> &'a str {
    if plural::english(plural::whole(n)) == Form::One {
        one
    } else {
        other
    }
}

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
            Msg::SkipToMain => "Skip to main content",
            Msg::ScreenLoading => "Opening the workspace…",
            Msg::ScreenLoadFailed => "This workspace could not be loaded. Check the connection and try again.",
            Msg::ScreenRetry => "Try again",
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
            Msg::PreviousPage => "Previous page",
            Msg::NextPage => "Next page",
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
            Msg::DateHelp => "A date: year-month-day (2027-03-15) or day/month/year (15/03/2027)",
        }
    }

    fn month(&self, month: u32) -> &'static str {
        MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
    }

    fn issue(&self, issue: &Issue) -> String {
        match issue {
            Issue::Read(error) => super::ReadWords::read_error(self, error),
            Issue::Required => "This is required.".into(),
            Issue::Problem(kind) => problem(self, kind),
            Issue::Server(rule) => super::connect::rule(super::UiLang::En, rule),
            Issue::Internal(detail) => format!("The app could not apply this change ({}).", iso(detail)),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Imported(Imported::Scenario { needs, sessions }) => {
                format!("Scenario imported: {}, {}.", count(*needs, "need", "needs"), count(*sessions, "session", "sessions"))
            }
            Note::Imported(Imported::Submission { state, needs, replaced }) => format!(
                "Submission of {} imported: {} {} the {replaced} there were.",
                iso(state.as_str()),
                count(*needs, "need", "needs"),
                verb(*needs, "replaces", "replace")
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
            Note::NeedDeleted(gone) => format!("Need {} deleted.", iso(gone.id().as_str())),
            Note::RestoreFailed(id) => {
                format!("Need {} could not be put back: a need with that id exists again.", iso(id.as_str()))
            }
            Note::StartedEmpty => "You now start from empty data: the member states and skills are kept; add your courses, sessions and needs, or import a scenario.".into(),
            Note::InUse(in_use) => {
                let thing = thing_index(in_use.by);
                format!(
                    "Cannot delete: {} still {} it.",
                    count(in_use.count, THINGS[thing], THINGS_PLURAL[thing]),
                    verb(in_use.count, "uses", "use")
                )
            }
        }
    }

    fn needs_total(&self, needs: usize, trainees: i64) -> String {
        format!("{}, {}", count(needs, "need", "needs"), count(trainees, "trainee", "trainees"))
    }

    fn rows_shown(&self, from: usize, to: usize, total: usize) -> String {
        format!("Needs {from}–{to} of {total}")
    }

    fn sessions_total(&self, sessions: usize, seats: i64) -> String {
        format!("{}, {}", count(sessions, "session", "sessions"), count(seats, "seat", "seats"))
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
            ImportError::Shape(e) => format!("Wrong content at {}: {}", iso(&e.path), problem(self, &e.kind)),
            ImportError::Invalid(problems) => match first_problem(error) {
                Some((path, issue)) => format!(
                    "It has {}; the first, at {}: {}",
                    count(problems.len(), "problem", "problems"),
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

/// The plan screens' words (see `super::plan`).
mod plan_words {
    use super::{count, verb, En};
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
        states.iter().map(|s| iso(s.as_str())).collect::<Vec<_>>().join(", ")
    }

    fn pins(clash: &PinClash) -> String {
        let list: Vec<String> = clash
            .pins
            .iter()
            .map(|(n, s, seats)| format!("{} in {} ({seats})", iso(n.as_str()), iso(s.as_str())))
            .collect();
        list.join(", ")
    }

    impl PlanWords for En {
        fn p(&self, m: P) -> &'static str {
            match m {
                P::TabPlan => "Plan",
                P::PlanIntro => "Solve the scenario into the year's training calendar, see why any need is left unmet, adjust with pins and exclusions, solve again, and send each state its calendar.",
                P::Solve => "Solve",
                P::Solving => "Solving…",
                P::TimeLimit => "Time limit",
                P::Seconds => "s",
                P::NoPlanYet => "No plan yet. Solve to compute the year's training calendar from the scenario.",
                P::OutOfDate => "The scenario has changed since this plan was computed. The plan below is the last one; solve again to bring it up to date.",
                P::ViewCalendar => "Calendar",
                P::ViewByState => "By state",
                P::ViewCoverage => "Coverage",
                P::ViewUnmet => "Unmet needs",
                P::ViewChanges => "Changes",
                P::ViewExport => "Download",
                P::CalendarHint => "Each session on its dates with its fill. Choose a session to see its roster: which states send how many, against which needs.",
                P::Running => "running",
                P::NotRunning => "not running",
                P::Roster => "Roster",
                P::Close => "Close",
                P::NobodyYet => "No one is placed in this session.",
                P::RosterHint => "Pin fixes a need's seats in this session for the next solve; Exclude forbids the pairing. Both are saved with the scenario and can be undone.",
                P::Pin => "Pin",
                P::Unpin => "Remove pin",
                P::Exclude => "Exclude",
                P::Allow => "Allow again",
                P::Pinned => "pinned",
                P::Excluded => "excluded",
                P::PinNeedHere => "Pin a need into this session",
                P::ChooseNeed => "Choose a need",
                P::AllStatesOption => "All states",
                P::Needed => "Needed",
                P::Planned => "Planned",
                P::Coverage => "Coverage",
                P::ByPriority => "By priority",
                P::NothingAttended => "No officers of this state are placed in any session.",
                P::UnmetOfState => "Needs left without seats",
                P::Print => "Print this calendar",
                P::PrintHint => "Prints this state's calendar alone, for the focal point.",
                P::ChartByState => "Trainees needed and planned, by state",
                P::ChartBySkill => "Trainees needed and planned, by skill",
                P::SeatsOffered => "Seats offered",
                P::SeatsFilled => "Seats filled",
                P::SessionsRunning => "Sessions running",
                P::NeedsMet => "Needs fully met",
                P::NeedsPartly => "Needs partly met",
                P::NeedsNotMet => "Needs not met",
                P::WeightedCoverage => "Priority-weighted coverage",
                P::PlanCost => "Cost of the planned seats",
                P::UnmetHint => "Every need left without enough seats, with the reason and the facts behind it. Pin a need into a session to override the plan, then solve again.",
                P::AllReasons => "All reasons",
                P::Reason => "Reason",
                P::Missing => "Without a seat",
                P::Why => "Why",
                P::NoUnmet => "Every need is met.",
                P::PinHere => "Pin here",
                P::ChangesHint => "Seats that moved per state and session, compared with the plan before the last solve.",
                P::Before => "Before",
                P::After => "After",
                P::NoChanges => "Nothing moved: the new plan gives every state the same seats.",
                P::FirstPlan => "This is the first plan; solve again after an adjustment to see what changes.",
                P::ExportHint => "Files of the plan shown, written exactly as the command line writes them. Spreadsheets open in Excel with Arabic intact; calendars import into Outlook, Google or Apple Calendar and update on a newer import.",
                P::ExportPlanCsv => "Plan sheet (CSV)",
                P::ExportUnmetCsv => "Unmet needs (CSV)",
                P::ExportIcs => "Calendar (iCalendar)",
                P::ExportJson => "Plan (JSON)",
                P::FilesLanguage => "Language of the files",
                P::For => "For",
                P::Downloaded => "Downloaded",
                P::Dates => "Dates",
                P::Adjustments => "Adjustments",
                P::Stop => "Stop",
                P::GapBefore => "Stop when within",
                P::GapAfter => "% of the best possible",
            }
        }

        fn reason(&self, reason: Reason) -> &'static str {
            crate::io::reason_words(reason).en
        }

        fn reason_name(&self, reason: Reason) -> &'static str {
            match reason {
                Reason::NoCompatibleSession => "No suitable session",
                Reason::Budget => "Budget",
                Reason::Capacity => "Capacity",
                Reason::StateCap => "Cap per state",
                Reason::MinParticipants => "Minimum participants",
                Reason::Cost => "Cost",
            }
        }

        fn detail(&self, detail: &Detail) -> String {
            match detail {
                Detail::Session { session, start, end, state, numbers: n } => {
                    let at = format!("{} ({})", iso(session.as_str()), self.date_range(*start, *end));
                    match state {
                        SessionState::Full => {
                            format!("{at} is full: {} of {} taken.", n.filled, count(n.seats, "seat", "seats"))
                        }
                        SessionState::AtStateCap => format!(
                            "{at} already holds {} of this state, its limit per state ({}).",
                            count(n.state_filled, "officer", "officers"),
                            n.cap.unwrap_or(n.state_filled)
                        ),
                        SessionState::NotRunning => {
                            format!(
                                "{at} does not run: it could not reach its minimum of {}.",
                                count(n.minimum, "participant", "participants")
                            )
                        }
                        SessionState::OverBudget => format!(
                            "{at} costs {} a seat; {} is left of the state's budget.",
                            self.money(n.cost, &n.currency),
                            self.money(n.budget_left.unwrap_or(0), &n.currency)
                        ),
                        SessionState::HasRoom => {
                            format!(
                                "{at} has {} at {} each.",
                                count(n.seats - n.filled, "free seat", "free seats"),
                                self.money(n.cost, &n.currency)
                            )
                        }
                    }
                }
                Detail::Ruled { session, start, end, fact } => {
                    let at = format!("{} ({})", iso(session.as_str()), self.date_range(*start, *end));
                    match fact {
                        Fact::Language { course, accepted } => format!(
                            "{at} is taught in {}; this need accepts {}.",
                            self.language_name(course),
                            accepted.iter().map(|l| self.language_name(l)).collect::<Vec<_>>().join(", ")
                        ),
                        Fact::Mode { course, accepted } => format!(
                            "{at} is {}; this need accepts {}.",
                            self.mode_word(course),
                            accepted.iter().map(|m| self.mode_word(m)).collect::<Vec<_>>().join(", ")
                        ),
                        Fact::Window { window: Some(w) } => {
                            format!("{at} falls outside the need's window ({}).", self.date_range(w.start, w.end))
                        }
                        Fact::Window { window: None } => format!("{at} falls outside the need's window."),
                        Fact::Blackout { label, start, end } => format!(
                            "{at} overlaps {} ({}), when the state cannot send trainees.",
                            if label.is_empty() { "unavailable dates".to_string() } else { iso(label) },
                            self.date_range(*start, *end)
                        ),
                        Fact::OpenTo(states) => format!("{at} is reserved for {}.", codes(states)),
                        Fact::Excluded => format!("{at} was excluded for this need by the planner."),
                        Fact::SkillLevel => format!("{at} teaches another skill or level."),
                    }
                }
                Detail::OtherLevel { session, level } => format!(
                    "Nothing is offered at this level; {} teaches the same skill at level {level}.",
                    iso(session.as_str())
                ),
                Detail::NoSessionOfSkill => "No session in the catalogue teaches this skill.".into(),
            }
        }

        fn outcome(&self, outcome: &SolveOutcome) -> String {
            match outcome {
                SolveOutcome::Planned { status: Status::Optimal, ms, .. } => {
                    format!("Optimal plan, computed in {} ms.", ms.round())
                }
                SolveOutcome::Planned { status: Status::TimeLimit, objective, bound, gap, ms, .. } => format!(
                    "Best plan found within the time limit ({:.1} s): it may be up to {:.1}% below the best possible (value {objective:.1}, bound {bound:.1}).",
                    ms / 1000.0,
                    gap * 100.0
                ),
                SolveOutcome::Invalid(problems) => format!(
                    "Not solved: the scenario has {}. Fix {} and solve again.",
                    count(problems.len(), "problem", "problems"),
                    verb(problems.len(), "it", "them")
                ),
                SolveOutcome::Infeasible(_) => {
                    "Not solved: the pins cannot all be honoured. Remove or reduce these pins and solve again.".into()
                }
                SolveOutcome::NoPlanInTime(seconds) => format!(
                    "No plan honouring the pins was found within {seconds} s. Remove some pins and solve again."
                ),
                SolveOutcome::Failed(message) => format!("The solver failed: {}", iso(message)),
            }
        }

        fn clash(&self, clash: &PinClash) -> String {
            let pins = pins(clash);
            match &clash.kind {
                ClashKind::Trainees { need, pinned, trainees } => format!(
                    "Pins {pins} put {} of need {} in sessions, but it has only {trainees}.",
                    count(*pinned, "trainee", "trainees"),
                    iso(need.as_str())
                ),
                ClashKind::Seats { session, pinned, seats } => format!(
                    "Pins {pins} put {} in session {}, which has {}.",
                    count(*pinned, "trainee", "trainees"),
                    iso(session.as_str()),
                    count(*seats, "seat", "seats")
                ),
                ClashKind::StateCap { state, session, pinned, cap } => format!(
                    "Pins {pins} put {} of {} in session {}, which takes at most {cap} per state.",
                    count(*pinned, "officer", "officers"),
                    iso(state.as_str()),
                    iso(session.as_str())
                ),
                ClashKind::Budget { state, cost, budget, currency } => format!(
                    "Pins {pins} cost {}, more than the budget of {} ({}).",
                    self.money(*cost, currency),
                    iso(state.as_str()),
                    self.money(*budget, currency)
                ),
                ClashKind::Minimum { session, minimum, .. } => format!(
                    "Pins {pins} make session {} run, but it cannot reach its minimum of {}.",
                    iso(session.as_str()),
                    count(*minimum, "participant", "participants")
                ),
                ClashKind::Together { sessions } if sessions.is_empty() => {
                    format!("Pins {pins} cannot all hold together with the sessions' seats, caps and budgets.")
                }
                ClashKind::Together { sessions } => format!(
                    "Pins {pins} cannot all hold together with the seats, caps, budgets and minimums of {}.",
                    sessions.iter().map(|s| iso(s.as_str())).collect::<Vec<_>>().join(", ")
                ),
            }
        }

        fn refused(&self, refused: &Refused) -> String {
            match refused {
                Refused::UnknownNeed(need) => format!("The need {} is no longer in the scenario.", iso(need.as_str())),
                Refused::UnknownSession(session) => {
                    format!("The session {} is no longer in the scenario.", iso(session.as_str()))
                }
                Refused::SkillLevel => "A pin needs a session of the need's own skill and level.".into(),
                Refused::Seats => "A pin needs at least 1 seat.".into(),
            }
        }

        fn fill(&self, filled: i64, seats: i64) -> String {
            format!("{filled} of {} filled", count(seats, "seat", "seats"))
        }

        fn coverage(&self, planned: i64, needed: i64) -> String {
            format!("{planned} of {} ({}%)", count(needed, "trainee", "trainees"), percent(planned, needed))
        }

        fn running(&self, running: usize, sessions: usize) -> String {
            format!("{running} of {} run", count(sessions, "session", "sessions"))
        }

        fn unmet_total(&self, needs: usize, seats: i64) -> String {
            format!("{}, {} without a seat", count(needs, "need", "needs"), count(seats, "trainee", "trainees"))
        }

        fn adjustments(&self, pins: usize, exclusions: usize) -> String {
            format!("{}, {}", count(pins, "pin", "pins"), count(exclusions, "exclusion", "exclusions"))
        }

        fn calendar_title(&self, year: i32, state: Option<&str>) -> String {
            match state {
                Some(name) => format!("Training calendar {year} — {}", iso(name)),
                None => format!("Training calendar {year}"),
            }
        }

        fn seats(&self, seats: i64) -> String {
            count(seats, "seat", "seats")
        }

        fn progress(&self, seconds: f64, best_gap: Option<f64>) -> String {
            match best_gap {
                Some(gap) => format!(
                    "Solving… {seconds:.1} s; best plan so far within {:.1} % of the best possible.",
                    gap * 100.0
                ),
                None => format!("Solving… {seconds:.1} s; no plan yet."),
            }
        }

        fn stopped(&self, stopped: Stopped) -> String {
            match stopped {
                Stopped::WithPlan { gap } => {
                    format!("Stopped: the best plan found so far, within {:.1} % of the best possible.", gap * 100.0)
                }
                Stopped::BeforeAnyPlan => "Stopped before any plan was found: nothing has changed.".into(),
            }
        }
    }

    impl En {
        fn mode_word(&self, mode: &crate::model::Mode) -> String {
            mode_msg(mode).map(|m| self.text(m).to_lowercase()).unwrap_or_else(|| iso(mode.as_str()))
        }
    }
}

// Words for text a field could not read (typed errors of `model::read`), kept apart from the
// rest of the catalogue.
mod read_words {
    use super::En;
    use crate::model::read::ReadError;
    use crate::ui::i18n::{iso, ReadWords};

    impl ReadWords for En {
        fn read_error(&self, error: &ReadError) -> String {
            match error {
                ReadError::NotWholeNumber => "Enter a whole number.".into(),
                ReadError::Fraction => "Enter a whole number, without a fraction.".into(),
                ReadError::AmbiguousPoint { plain } => format!(
                    "Is the point a thousands separator ({}) or a decimal point? Write the number without separators.",
                    iso(plain)
                ),
                ReadError::TooLarge => "This number is too large.".into(),
                ReadError::NotNumber => "Enter a number.".into(),
                ReadError::Hijri { .. } => {
                    "This looks like a Hijri date; enter the Gregorian date as YYYY-MM-DD, e.g. 2027-03-12.".into()
                }
                ReadError::AmbiguousDate => {
                    "Day/month or month/day? Enter the date as year-month-day, e.g. 2027-03-12.".into()
                }
                ReadError::HasTime => "Enter the date only, as YYYY-MM-DD, without a time.".into(),
                ReadError::NotDate => {
                    "Enter a date as year-month-day (2027-03-15) or day/month/year (15/03/2027).".into()
                }
                ReadError::NotADay => "This day is not in the calendar.".into(),
            }
        }
    }
}

/// A problem of the core, in English (the command line has its own, longer sentences).
fn problem(c: &En, kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
        K::RepeatedKey { key } => format!("The key {} appears twice in this object; remove one copy.", iso(key)),
        K::UnknownField { key, hint, expected } => format!(
            "Unknown field {}{}. Known fields: {}.",
            iso(key),
            hint.map(|h| format!(" (did you mean {}?)", iso(h))).unwrap_or_default(),
            expected.join(", ")
        ),
        K::ListForObject => "A list stands where an object with named fields belongs.".into(),
        K::NotADate { text } => format!("{} is not a date written YYYY-MM-DD (for example 2027-02-07).", iso(text)),
        K::PlanFile => "This is a plan file, not a scenario: open the scenario the plan was made from.".into(),
        K::TrailingText => "There is text after the end of the scenario.".into(),
        K::Shape { detail } => format!("The file has the wrong content here ({}).", iso(detail)),
        K::FormatTag { found } => format!("This is not a Qudra scenario (format {}).", iso(found)),
        K::Version { found } => {
            format!("This Qudra reads scenario version {SCENARIO_VERSION}; the file is version {found}.")
        }
        K::YearOutside { date } => format!("The year of {} is outside {MIN_YEAR}–{MAX_YEAR}.", c.date(*date)),
        K::StartAfterEnd { start, end } => format!("Starts ({}) after it ends ({}).", c.date(*start), c.date(*end)),
        K::Empty => "Must not be empty.".into(),
        K::IdCharacter { id, found } => format!(
            "The id {} holds {}; ids hold only letters, digits, -, _ and .",
            iso(id),
            if found.is_whitespace() { "a space".to_string() } else { code_point(*found) }
        ),
        K::StateCode { code: _, hint } => format!(
            "A state code is two capital letters (ISO 3166-1, like QA){}.",
            hint.as_ref().map(|h| format!("; did you mean {}?", iso(h))).unwrap_or_default()
        ),
        K::NameMissing => "Give a name in at least one language.".into(),
        K::HiddenCharacter { found } => format!(
            "Holds the invisible character {}, which can make text show other words than it holds.",
            code_point(*found)
        ),
        K::CountTooLarge { value } => format!("{value} is more than {MAX_COUNT}, the most Qudra plans exactly."),
        K::MoneyTooLarge { value } => format!("{value} is more than {MAX_MONEY}, the most Qudra plans exactly."),
        K::WeightTooLarge { shown } => format!("{shown} is more than {MAX_WEIGHT}, the most Qudra weighs exactly."),
        K::Negative { .. } | K::NegativeWeight { .. } => "Must not be negative.".into(),
        K::NotFinite { .. } => "Enter a finite number.".into(),
        K::LevelRange { .. } => "The level is 1, 2 or 3.".into(),
        K::PriorityRange { .. } => "The priority is from 1 (low) to 5 (critical).".into(),
        K::UnknownMode { word } => format!("Unknown mode {}.", iso(word)),
        K::Duplicate { id, .. } => format!("The id {} is already used.", iso(id)),
        K::WeightsCount { found } => format!("Give exactly 5 weights, for priorities 1 to 5 (there are {found})."),
        K::LanguagesMissing => "Choose at least one training language.".into(),
        K::Unknown { thing, id } => format!("There is no {} {}.", THINGS[thing_index(*thing)], iso(id)),
        K::CapMin { .. } => "The cap is at least 1 (empty for no cap).".into(),
        K::TraineesMin { .. } => "At least 1 trainee.".into(),
        K::MinAboveSeats { seats, .. } => format!("The minimum is more than the {seats} seats."),
        K::PinSeats { .. } => "A pin needs at least 1 seat.".into(),
        K::PinSkillLevel(m) => format!(
            "The need {} is {} level {}, but session {} teaches {} level {}.",
            iso(&m.need),
            iso(&m.need_skill),
            m.need_level,
            iso(&m.session),
            iso(&m.course_skill),
            m.course_level
        ),
        K::SecondPin { need, session, .. } => {
            format!("The need {} is already pinned to session {}.", iso(need), iso(session))
        }
        K::SecondExclusion { need, session, .. } => {
            format!("The need {} is already excluded from session {}.", iso(need), iso(session))
        }
        K::PinExcluded { need, session } => {
            format!("The need {} is pinned to session {}, but that pairing is excluded.", iso(need), iso(session))
        }
    }
}

/// The words of a solve's result (see `super::result`).
mod result_words {
    use super::{count, En};
    use crate::solve::Fact;
    use crate::ui::i18n::{group, iso, mode_msg, Catalogue, ResultWords};
    use crate::ui::vm::plan::changes::Cause;
    use crate::ui::vm::plan::summary::Summary;

    /// A delivery mode's word.
    fn mode(c: &En, mode: &crate::model::Mode) -> String {
        mode_msg(mode).map(|m| c.text(m).to_string()).unwrap_or_else(|| iso(mode.as_str()))
    }

    impl ResultWords for En {
        fn number(&self, n: i64) -> String {
            group(n, ',')
        }

        fn percent(&self, n: i64) -> String {
            format!("{n}%")
        }

        fn money(&self, amount: i64, currency: &str) -> String {
            match currency.trim() {
                "" => self.number(amount),
                code => format!("{code}\u{a0}{}", self.number(amount)),
            }
        }

        fn headline(&self, s: &Summary) -> String {
            let placed = format!(
                "{} of {} {} placed ({}%)",
                self.number(s.placed),
                self.number(s.trainees),
                if s.trainees == 1 { "trainee" } else { "trainees" },
                s.percent()
            );
            match (s.short, s.critical) {
                (0, _) => format!("{placed}, every need met in full"),
                (short, 0) => format!("{placed}, {} short, none of them critical", count(short, "need", "needs")),
                (short, critical) => format!(
                    "{placed}, {} short, {} critical",
                    count(short, "need", "needs"),
                    if short == critical { "all of them".to_string() } else { format!("{critical} of them") }
                ),
            }
        }

        fn by_state_glance(&self) -> &'static str {
            "Trainees placed, by state"
        }

        fn without_seat(&self, missing: i64, trainees: i64) -> String {
            format!(
                "{} of {} {} without a seat",
                self.number(missing),
                self.number(trainees),
                if trainees == 1 { "trainee" } else { "trainees" }
            )
        }

        fn harm_order(&self) -> &'static str {
            "Most harmful first: the highest priority, then the most trainees without a seat."
        }

        fn pivot_title(&self) -> &'static str {
            "Unmet needs by state and reason"
        }

        fn total(&self) -> &'static str {
            "Total"
        }

        fn pin_warning(&self, fact: &Fact) -> String {
            let list = |items: Vec<String>| items.join(", ");
            match fact {
                Fact::Language { course, accepted } => format!(
                    "These trainees do not accept {} (they accept {}). Pin anyway?",
                    self.language_name(course),
                    list(accepted.iter().map(|l| self.language_name(l)).collect())
                ),
                Fact::Mode { course, accepted } => format!(
                    "These trainees do not accept training {} (they accept {}). Pin anyway?",
                    mode(self, course).to_lowercase(),
                    list(accepted.iter().map(|m| mode(self, m).to_lowercase()).collect())
                ),
                Fact::Window { window: Some(w) } => format!(
                    "This session is outside the need's period ({}). Pin anyway?",
                    self.date_range(w.start, w.end)
                ),
                Fact::Window { window: None } => "This session is outside the need's period. Pin anyway?".into(),
                Fact::Blackout { label, start, end } => format!(
                    "This session overlaps {} ({}), when the state cannot send trainees. Pin anyway?",
                    if label.is_empty() { "an unavailable period".to_string() } else { iso(label) },
                    self.date_range(*start, *end)
                ),
                Fact::OpenTo(states) => format!(
                    "This session is reserved for {}. Pin anyway?",
                    iso(&states.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
                ),
                Fact::Excluded => "You excluded this pairing; a pin lifts the exclusion. Pin anyway?".into(),
                Fact::SkillLevel => "This session teaches another skill or level.".into(),
            }
        }

        fn pin_anyway(&self) -> &'static str {
            "Pin anyway"
        }

        fn cancel(&self) -> &'static str {
            "Cancel"
        }

        fn held_by_pins(&self, seats: i64) -> String {
            format!("Holds {}.", count(seats, "pinned seat", "pinned seats"))
        }

        fn no_other_session(&self) -> &'static str {
            "No other session fits this need: it holds only the seats pinned for it."
        }

        fn net_title(&self) -> &'static str {
            "Net change by state"
        }

        fn gained_lost_net(&self) -> [&'static str; 3] {
            ["Seats gained", "Seats lost", "Net"]
        }

        fn cause_heading(&self) -> &'static str {
            "Why"
        }

        fn cause(&self, cause: Cause) -> &'static str {
            match cause {
                Cause::Pin => "forced by a pin",
                Cause::Exclusion => "forced by an exclusion",
            }
        }

        fn will_not_run(&self, minimum: i64) -> String {
            format!("will not run: below its minimum of {}", count(minimum, "participant", "participants"))
        }

        fn not_running_title(&self) -> &'static str {
            "Sessions that will not run (below their minimum)"
        }

        fn not_running_mark(&self) -> &'static str {
            "✕ not running"
        }
    }
}

/// The words of the first visit and the demo data (see `super::first`).
mod first_words {
    use super::En;
    use crate::ui::i18n::{iso, FirstWords};

    impl FirstWords for En {
        fn welcome(&self) -> &'static str {
            "Welcome to Qudra"
        }

        fn who_are_you(&self) -> &'static str {
            "Who are you? Qudra opens the workspace of your role; you can change it later at the top of the page."
        }

        fn focal_of(&self, state: &str) -> String {
            format!("Focal point of {}", iso(state))
        }

        fn focal_hint(&self) -> &'static str {
            "Enter your state's training needs and send them to the regional centre."
        }

        fn centre_choice(&self) -> &'static str {
            "The regional centre"
        }

        fn centre_hint(&self) -> &'static str {
            "Keep the catalogue of courses and their dated sessions."
        }

        fn planner_choice(&self) -> &'static str {
            "Planner"
        }

        fn planner_hint(&self) -> &'static str {
            "Everything: states, settings, and the plan that gives officers their seats."
        }

        fn demo_title(&self) -> &'static str {
            "Demo data"
        }

        fn demo_text(&self) -> &'static str {
            "The needs, courses and sessions shown are made up, to try Qudra. Your changes stay in this browser."
        }

        fn import_own(&self) -> &'static str {
            "Import your own scenario"
        }

        fn start_empty(&self) -> &'static str {
            "Start with empty data"
        }

        fn confirm_start_empty(&self) -> &'static str {
            "Replace the demo data with empty data? The member states and skills are kept. Undo brings the demo back."
        }

        fn data_menu(&self) -> &'static str {
            "Data"
        }
    }
}

/// Spreadsheets in: importing a needs or sessions CSV, pasting rows, the templates.
mod sheet_words {
    use super::{count, iso, Catalogue, En};
    use crate::io::import::RowProblem;
    use crate::ui::i18n::{SheetWords, S};
    use crate::ui::vm::edit::issue::Issue;
    use crate::ui::vm::edit::sheet::{Outcome, Report, Sheet};

    fn quoted(words: &[impl AsRef<str>]) -> String {
        crate::ui::i18n::sheet::alternatives(words, ", ", " or ")
    }

    const SAVE_AS: &str = "In Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\".";

    impl SheetWords for En {
        fn s(&self, m: S) -> &'static str {
            match m {
                S::Spreadsheets => "Spreadsheets",
                S::ImportNeeds => "Import needs (CSV)",
                S::ImportSessions => "Import sessions (CSV)",
                S::NeedsTemplate => "Empty needs template",
                S::SessionsTemplate => "Empty sessions template",
                S::PasteRows => "Paste rows",
                S::PasteHint => "Copy rows in Excel and paste them here (the header row is optional; without it the columns are the template's).",
                S::AddPasted => "Add the pasted rows",
                S::ShowRow => "Show the row",
                S::RowOfFile => "The row in the file",
                S::Close => "Close",
                S::FirstShown => "Only the first 200 problems are listed; fix them and import again to see the rest.",
            }
        }

        fn sheet_report(&self, report: &Report) -> String {
            match (&report.outcome, report.sheet) {
                (Outcome::Taken { added: 0, changed: 0 }, _) => "The file has no rows: nothing was added.".into(),
                (Outcome::Taken { added, .. }, Sheet::Needs) => format!("{} added.", count(*added, "need", "needs")),
                (Outcome::Taken { added, changed }, Sheet::Sessions) => {
                    format!("{} added, {changed} changed.", count(*added, "session", "sessions"))
                }
                (Outcome::Refused(problems), _) => format!(
                    "Nothing was imported: {} to fix. Every row is imported together, or none.",
                    count(problems.len(), "problem", "problems")
                ),
            }
        }

        fn row_place(&self, line: usize, column: Option<&str>) -> String {
            match (line, column) {
                (0, _) => "The file".into(),
                (line, Some(column)) => format!("Line {line}, column {}", iso(column)),
                (line, None) => format!("Line {line}"),
            }
        }

        fn row_problem(&self, problem: &RowProblem) -> String {
            use RowProblem as R;
            match problem {
                R::EmptyFile => "The file is empty.".into(),
                R::Workbook => format!("This is an Excel workbook (.xlsx), not a CSV file. {SAVE_AS}"),
                R::OldWorkbook => format!("This is an old Excel workbook (.xls), not a CSV file. {SAVE_AS}"),
                R::Utf16 => format!("This file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8 CSV. {SAVE_AS}"),
                R::NotUtf8 => format!(
                    "This row is not UTF-8 text: the file was probably saved in the Windows Arabic code page (1256), which garbles Arabic. {SAVE_AS}"
                ),
                R::NoHeader => "The file has no header row.".into(),
                R::UnclosedQuote { text_line } => {
                    format!("A quoted cell starts here (text line {text_line}) and is never closed: a \" is missing.")
                }
                R::RepeatedColumn { column } => format!("The column {} appears twice in the header.", iso(column)),
                R::UnknownColumn { found, known } => {
                    format!("Unknown column {} (the columns are: {}).", iso(found), quoted(known))
                }
                R::MissingColumn { column, known } => {
                    format!("The header has no {} column (the columns are: {}).", iso(column), quoted(known))
                }
                R::TooManyCells { cells, columns } => format!(
                    "This row has {cells} cells but the header has {columns} columns: does a cell hold a comma without quotes?"
                ),
                R::BidiControl { found } => format!(
                    "An invisible direction character ({}) can make this text show differently from what it is; retype the cell.",
                    super::code_point(*found)
                ),
                R::Required => "This column is required; the cell is empty.".into(),
                R::Read { text, error } => format!("{}: {}", iso(text), Catalogue::issue(self, &Issue::Read(error.clone()))),
                R::AmbiguousState { typed } => {
                    format!("{} names more than one state; write the state's code.", iso(typed))
                }
                R::UnknownState { typed, near, known } => match near.as_slice() {
                    [] => format!("No state is written {} (the codes are: {}).", iso(typed), quoted(known)),
                    near => format!("No state is written {}; did you mean {}?", iso(typed), quoted(near)),
                },
                R::OtherState { found, only } => format!(
                    "This row is for {}, but only the needs of {} are imported here.",
                    iso(found),
                    iso(only)
                ),
                R::UnknownSkill { typed, near, known } => match near.as_slice() {
                    [] if known.len() <= 12 => {
                        format!("No skill is called {} (the skills are: {}).", iso(typed), quoted(known))
                    }
                    [] => format!("No skill is called {}.", iso(typed)),
                    near => format!("No skill is called {}; did you mean {}?", iso(typed), quoted(near)),
                },
                R::NotLanguageCode { item, named: Some(code) } => {
                    format!("{} is not a language code; did you mean {}?", iso(item), iso(code))
                }
                R::NotLanguageCode { item, named: None } => format!(
                    "{} is not a language code such as ar, en or fr (separate several with ;).",
                    iso(item)
                ),
                R::UnknownMode { item, near } => match near.as_slice() {
                    [] => format!("Unknown mode {}: use in_person, online or blended, separated by ;.", iso(item)),
                    near => format!("Unknown mode {}; did you mean {}?", iso(item), quoted(near)),
                },
                R::EndBeforeHorizon { end } => format!(
                    "{} is before the planning period begins; with window_start empty the window starts with it, so give a window_start or a later window_end.",
                    iso(&end.to_string())
                ),
                R::StartAfterHorizon { start } => format!(
                    "{} is after the planning period ends; with window_end empty the window ends with it, so give a window_end or an earlier window_start.",
                    iso(&start.to_string())
                ),
                R::HalfWindow => "Only one end of the window is given and the scenario has no planning period to take the other from: give both dates or neither.".into(),
                R::RepeatedSession { id, first_line } => {
                    format!("The session {} is already on line {first_line} of this file.", iso(id))
                }
                R::Invalid { kind, .. } => Catalogue::issue(self, &Issue::Problem((**kind).clone())),
                R::AfterRow { path, kind } => format!(
                    "With this row, {} would no longer hold: {}",
                    iso(path),
                    Catalogue::issue(self, &Issue::Problem((**kind).clone()))
                ),
                R::InScenario { path, kind } => format!(
                    "In the scenario (not this file), {}: {}",
                    iso(path),
                    Catalogue::issue(self, &Issue::Problem((**kind).clone()))
                ),
                R::MoreInRow => "This row has problems too (fix the ones above first).".into(),
            }
        }
    }
}
mod capacity;
mod remedy;
