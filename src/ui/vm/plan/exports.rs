//! The plan's downloads: the plan sheet, the unmet-needs sheet, the calendar (one state or
//! all) and the plan JSON, written by the same `io` functions as `qudra export`, with file
//! names that say what they are (`qudra-plan-2027-TN.ics`). The time for `DTSTAMP` is passed
//! in by the caller, which reads the browser's clock.

use chrono::{DateTime, Utc};

use super::calendar::plan_year;
use super::solved::LastPlan;
use crate::io::csv::{plan_csv, unmet_csv, CsvOptions};
use crate::io::ics::{calendar, IcsOptions};
use crate::io::{json, ExportError, FileLang};
use crate::model::StateCode;

/// What to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// One row per allocation (Excel-safe CSV).
    PlanCsv,
    /// The needs left without seats, with the reason in words.
    UnmetCsv,
    /// iCalendar: one event per state and session.
    Ics,
    /// The plan as `qudra solve` writes it.
    Json,
}

impl Export {
    pub const ALL: [Export; 4] = [Export::PlanCsv, Export::UnmetCsv, Export::Ics, Export::Json];

    /// A stable name for ids in the page.
    pub fn code(self) -> &'static str {
        match self {
            Export::PlanCsv => "plan-csv",
            Export::UnmetCsv => "unmet-csv",
            Export::Ics => "ics",
            Export::Json => "json",
        }
    }

    /// The JSON plan is whole and language-neutral; the others take a state and a language.
    pub fn per_state(self) -> bool {
        self != Export::Json
    }

    fn mime(self) -> &'static str {
        match self {
            Export::PlanCsv | Export::UnmetCsv => "text/csv;charset=utf-8",
            Export::Ics => "text/calendar;charset=utf-8",
            Export::Json => "application/json;charset=utf-8",
        }
    }
}

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// `qudra-plan-2027-TN.ics`, `qudra-unmet-2027-ar.csv`, `qudra-plan-2027.json`: kind, year,
/// state when one is chosen, language when it is not English. ASCII only.
pub fn file_name(export: Export, year: i32, state: Option<&StateCode>, lang: FileLang) -> String {
    let safe = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>();
    let (kind, ext) = match export {
        Export::PlanCsv => ("plan", "csv"),
        Export::UnmetCsv => ("unmet", "csv"),
        Export::Ics => ("plan", "ics"),
        Export::Json => ("plan", "json"),
    };
    let mut name = format!("qudra-{kind}-{year}");
    if export.per_state() {
        if let Some(code) = state {
            name.push('-');
            name.push_str(&safe(code.as_str()));
        }
        if lang != FileLang::En {
            name.push('-');
            name.push_str(lang.code());
        }
    }
    format!("{name}.{ext}")
}

/// Writes the file from the plan and the scenario it was computed from.
pub fn export(
    solved: &LastPlan,
    export: Export,
    state: Option<&StateCode>,
    lang: FileLang,
    now: DateTime<Utc>,
) -> Result<Download, ExportError> {
    let (scenario, plan) = (&solved.scenario, &solved.plan);
    let state_opt = state.cloned();
    let text = match export {
        Export::PlanCsv => plan_csv(scenario, plan, &CsvOptions { lang, state: state_opt })?,
        Export::UnmetCsv => unmet_csv(scenario, plan, &CsvOptions { lang, state: state_opt })?,
        Export::Ics => calendar(scenario, plan, &IcsOptions { lang, state: state_opt, dtstamp: now })?,
        Export::Json => json::export(scenario, plan)?,
    };
    Ok(Download { name: file_name(export, plan_year(scenario), state, lang), mime: export.mime(), text })
}

/// The export language for an interface language: the files follow the interface (an
/// unknown code falls back to English).
pub fn export_lang(ui: &str) -> FileLang {
    ui.parse().unwrap_or(FileLang::En)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{solve, Options};
    use crate::ui::vm::plan::solved::tests::small;

    fn solved() -> LastPlan {
        let scenario = small();
        let plan = solve(&scenario, &Options::default()).unwrap();
        LastPlan { scenario, plan, ms: 1.0 }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn file_names_say_what_when_and_for_whom() {
        let tn: StateCode = "TN".into();
        assert_eq!(file_name(Export::Ics, 2027, Some(&tn), FileLang::En), "qudra-plan-2027-TN.ics");
        assert_eq!(file_name(Export::Ics, 2027, None, FileLang::En), "qudra-plan-2027.ics");
        assert_eq!(file_name(Export::PlanCsv, 2027, Some(&tn), FileLang::Ar), "qudra-plan-2027-TN-ar.csv");
        assert_eq!(file_name(Export::UnmetCsv, 2027, None, FileLang::En), "qudra-unmet-2027.csv");
        assert_eq!(file_name(Export::Json, 2027, Some(&tn), FileLang::Ar), "qudra-plan-2027.json");
        assert_eq!(file_name(Export::Ics, 2027, Some(&"T/../N".into()), FileLang::En), "qudra-plan-2027-TN.ics");
    }

    #[test]
    fn downloads_are_the_command_lines_files() {
        let s = solved();
        let qa: StateCode = "QA".into();
        let ics = export(&s, Export::Ics, Some(&qa), FileLang::Ar, now()).unwrap();
        let options = IcsOptions { lang: FileLang::Ar, state: Some(qa.clone()), dtstamp: now() };
        assert_eq!(ics.text, calendar(&s.scenario, &s.plan, &options).unwrap());
        assert!(ics.text.contains("DTSTAMP:20270115T080000Z"), "{}", ics.text);
        assert_eq!(ics.mime, "text/calendar;charset=utf-8");
        let csv = export(&s, Export::PlanCsv, None, FileLang::En, now()).unwrap();
        assert!(csv.text.starts_with("\u{feff}state,state_name,need"));
        let unmet = export(&s, Export::UnmetCsv, None, FileLang::En, now()).unwrap();
        assert!(unmet.text.starts_with("\u{feff}need,state"));
        let json = export(&s, Export::Json, Some(&qa), FileLang::Ar, now()).unwrap();
        assert_eq!(json.text, s.plan.to_json());
        assert_eq!(json.name, "qudra-plan-2027.json");
        assert!(matches!(
            export(&s, Export::Ics, Some(&"ZZ".into()), FileLang::En, now()),
            Err(ExportError::UnknownState(_))
        ));
        assert_eq!(export_lang("ar"), FileLang::Ar);
        assert_eq!(export_lang("fr"), FileLang::Fr);
        assert_eq!(export_lang("de"), FileLang::En);
    }
}
