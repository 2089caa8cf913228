//! `gen-demo`: writes the demo scenario `data/demo-2027.json`, the UNODC Regional Centre
//! for Combatting Cybercrime (Doha) plan for the 22 Arab League states in 2027.
//!
//! The data lives in `data/demo-source.txt` (built into this program) as plain-text tables,
//! one row per state, skill, course, session and need, so that a planner can read and edit it
//! like a spreadsheet; this program only reads the tables and checks them. Nothing is random:
//! the same build always prints the same file, byte for byte.
//!
//! Usage: `gen-demo [OUT.json]` (standard output when no path is given).

mod cli;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use cli::{Parsed, Spec};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use qudra::model::{
    validate, Blackout, Course, CourseId, DateRange, Location, Mode, Names, Need, NeedIds, Scenario, Session,
    SessionId, Skill, SkillId, State, StateCode,
};

/// The data of the demo, read as sections of `|` tables (the file says how to edit it).
const SOURCE: &str = include_str!("../../data/demo-source.txt");

const GEN_DEMO: Spec = Spec {
    program: "gen-demo",
    positional: Some(("OUT.json", false)),
    flags: &[],
    about: "Writes the demo scenario to OUT.json (whole or not at all), or to standard output.",
};

fn main() -> ExitCode {
    cli::ignore_file_size_signal();
    let target = match cli::parse(&GEN_DEMO, std::env::args_os().skip(1)) {
        Ok(Parsed::Args(args)) => args.positional,
        Ok(Parsed::Help) => return written(cli::print(&format!("{}\n", GEN_DEMO.help())), None),
        Err(message) => {
            cli::say(&format!("gen-demo: {message}\n\n{}", GEN_DEMO.help()));
            return ExitCode::from(2);
        }
    };
    let scenario = match demo() {
        Ok(scenario) => scenario,
        Err(problems) => {
            for problem in problems {
                cli::say(&format!("gen-demo: {problem}"));
            }
            return ExitCode::from(1);
        }
    };
    let text = scenario.to_json();
    match &target {
        None => written(cli::print(&text), None),
        Some(path) => written(cli::write_atomic(Path::new(path), text.as_bytes()), Some(path)),
    }
}

/// The exit status of a write: 0, or 1 with one line (none for a closed pipe).
fn written(result: std::io::Result<()>, path: Option<&str>) -> ExitCode {
    let Err(err) = result else {
        return ExitCode::SUCCESS;
    };
    let message = match path {
        Some(path) => Some(format!("{path}: cannot write: {err}; the file is as it was")),
        None => cli::stdout_failure(&err),
    };
    if let Some(message) = message {
        cli::say(&format!("gen-demo: {message}"));
    }
    ExitCode::from(1)
}

/// Builds the demo scenario from the tables and checks it: every row parses, every
/// session falls in its location's working week, and the scenario validates.
fn demo() -> Result<Scenario, Vec<String>> {
    let mut errors = Vec::new();
    let mut scenario = Scenario::empty("");
    for row in rows("scenario") {
        match row.cell(0) {
            "title" => scenario.title = row.cell(1).to_string(),
            "horizon" => match range(row.cell(1)) {
                Ok(days) => scenario.horizon = Some(days),
                Err(e) => errors.push(row.error(&e)),
            },
            key => errors.push(row.error(&format!("unknown key \"{key}\""))),
        }
    }
    let holidays = collect(rows("islamic").map(holiday), &mut errors);
    let groups: Groups = rows("groups").map(|row| (row.cell(0), row.cell(1))).collect();
    scenario.states = collect(rows("states").map(|row| state(row, &holidays)), &mut errors);
    scenario.skills = collect(rows("skills").map(skill), &mut errors);
    let places = collect(rows("locations").map(place), &mut errors);
    let courses = collect(records("courses").into_iter().map(|record| course(record, &groups, &places)), &mut errors);
    scenario.sessions = collect(sessions(&courses, &groups), &mut errors);
    scenario.courses = courses.into_iter().map(|(course, _)| course).collect();
    scenario.needs = collect(needs(), &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    for session in &scenario.sessions {
        if let Some(course) = scenario.course(&session.course) {
            if let Err(message) = check_working_week(course.location.in_lang("en"), session) {
                errors.push(format!("session {}: {message}", session.id));
            }
        }
    }
    errors.extend(validate(&scenario).iter().map(|p| p.to_string()));
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(errors)
    }
}

/// Keeps the rows that parsed and records the errors of the others.
fn collect<T>(items: impl IntoIterator<Item = Result<T, String>>, errors: &mut Vec<String>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Ok(value) => out.push(value),
            Err(message) => errors.push(message),
        }
    }
    out
}

/// One row of a table: its line number in the source file and its `|`-separated cells.
struct Row<'a> {
    line: usize,
    cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell at `i`, or "" when the row is shorter (trailing cells are optional).
    fn cell(&self, i: usize) -> &'a str {
        self.cells.get(i).copied().unwrap_or("")
    }

    fn int(&self, i: usize, what: &str) -> Result<i64, String> {
        self.cell(i).parse().map_err(|_| self.error(&format!("{what} \"{}\" is not a whole number", self.cell(i))))
    }

    fn error(&self, message: &str) -> String {
        format!("data/demo-source.txt:{}: {message}", self.line)
    }
}

/// The lines of section `[name]` of the source, each with its line number in the file
/// (comments and blank lines left out).
fn section(name: &str) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    let header = format!("[{name}]");
    SOURCE
        .lines()
        .enumerate()
        .skip_while(move |(_, text)| text.trim() != header)
        .skip(1)
        .take_while(|(_, text)| !text.starts_with('['))
        .filter(|(_, text)| !text.trim().is_empty() && !text.trim_start().starts_with('#'))
        .map(|(i, text)| (i + 1, text))
}

fn row(line: usize, text: &str) -> Row<'_> {
    Row { line, cells: text.split('|').map(str::trim).collect() }
}

/// The rows of a one-line-per-row section.
fn rows(name: &str) -> impl Iterator<Item = Row<'static>> + '_ {
    section(name).map(|(line, text)| row(line, text))
}

/// A course row and its indented `lang: title` lines.
struct Record<'a> {
    row: Row<'a>,
    titles: Vec<(&'a str, &'a str)>,
}

fn records(name: &str) -> Vec<Record<'static>> {
    let mut out: Vec<Record> = Vec::new();
    for (line, text) in section(name) {
        if text.starts_with(' ') {
            let (lang, title) = text.trim().split_once(':').unwrap_or(("", text.trim()));
            if let Some(last) = out.last_mut() {
                last.titles.push((lang.trim(), title.trim()));
            }
        } else {
            out.push(Record { row: row(line, text), titles: Vec::new() });
        }
    }
    out
}

fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("\"{text}\" is not a YYYY-MM-DD date"))
}

/// `start..end`, or a single day.
fn range(text: &str) -> Result<DateRange, String> {
    let (start, end) = text.split_once("..").unwrap_or((text, text));
    Ok(DateRange { start: date(start)?, end: date(end)? })
}

fn list(text: &str) -> Vec<String> {
    text.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

fn names(pairs: &[(&str, &str)]) -> Names {
    pairs.iter().map(|(lang, text)| (lang.to_string(), text.to_string())).collect()
}

/// `key=value` words of an options cell.
fn options<'a>(row: &Row<'a>, i: usize) -> Result<BTreeMap<&'a str, &'a str>, String> {
    row.cell(i)
        .split_whitespace()
        .map(|word| word.split_once('=').ok_or_else(|| row.error(&format!("option \"{word}\" is not key=value"))))
        .collect()
}

/// An Islamic holiday of `[islamic]`: its letter and its days.
fn holiday(row: Row) -> Result<(char, Blackout), String> {
    let letter = row.cell(0).chars().next().ok_or_else(|| row.error("a holiday needs a letter"))?;
    let start = date(row.cell(1)).map_err(|e| row.error(&e))?;
    let end = date(row.cell(2)).map_err(|e| row.error(&e))?;
    Ok((letter, Blackout { start, end, label: row.cell(3).to_string() }))
}

fn state(row: Row, holidays: &[(char, Blackout)]) -> Result<State, String> {
    let budget = match row.cell(5) {
        "-" => None,
        _ => Some(row.int(5, "budget")?),
    };
    let mut blackouts = Vec::new();
    if row.cell(6) != "-" {
        let days = range(row.cell(6)).map_err(|e| row.error(&e))?;
        blackouts.push(Blackout { start: days.start, end: days.end, label: row.cell(7).to_string() });
    }
    for letter in row.cell(8).chars().filter(|c| *c != '-') {
        let Some((_, holiday)) = holidays.iter().find(|(l, _)| *l == letter) else {
            return Err(row.error(&format!("unknown holiday letter '{letter}'")));
        };
        blackouts.push(holiday.clone());
    }
    blackouts.sort_by_key(|b| b.start);
    Ok(State {
        code: StateCode::new(row.cell(0)),
        name: names(&[("en", row.cell(1)), ("ar", row.cell(2)), ("fr", row.cell(3))]),
        languages: list(row.cell(4)),
        budget,
        blackouts,
    })
}

fn skill(row: Row) -> Result<Skill, String> {
    Ok(Skill {
        id: SkillId::new(row.cell(0)),
        name: names(&[("en", row.cell(1)), ("ar", row.cell(2)), ("fr", row.cell(3))]),
    })
}

/// Named lists of states (`[groups]`).
type Groups = BTreeMap<&'static str, &'static str>;

/// A place courses are taught at: the key the course rows write, and its names.
struct Place {
    key: &'static str,
    names: Names,
}

fn place(row: Row<'static>) -> Result<Place, String> {
    let names: Names = [("en", 1), ("ar", 2), ("fr", 3)]
        .iter()
        .map(|&(lang, i)| (lang.to_string(), row.cell(i).to_string()))
        .collect();
    if names.values().any(|name| name.is_empty()) {
        return Err(row.error("a location needs en, ar and fr names"));
    }
    Ok(Place { key: row.cell(0), names })
}

/// What a session of a course looks like unless its row says otherwise.
#[derive(Clone)]
struct Shape {
    days: i64,
    seats: i64,
    cap: Option<i64>,
    min: i64,
    cost: i64,
    open_to: Option<Vec<StateCode>>,
}

impl Shape {
    /// The shape with the `key=value` options applied.
    /// `open=` takes states or the name of a `[groups]` row.
    fn with(&self, row: &Row, options: &BTreeMap<&str, &str>, groups: &Groups) -> Result<Shape, String> {
        let mut shape = self.clone();
        for (&key, &value) in options {
            let number =
                || value.parse::<i64>().map_err(|_| row.error(&format!("{key}={value} is not a whole number")));
            match key {
                "days" => shape.days = number()?,
                "seats" => shape.seats = number()?,
                "cap" if value == "-" => shape.cap = None,
                "cap" => shape.cap = Some(number()?),
                "min" => shape.min = number()?,
                "cost" => shape.cost = number()?,
                "open" => {
                    let value = groups.get(value).copied().unwrap_or(value);
                    shape.open_to = Some(list(value).into_iter().map(StateCode).collect());
                }
                _ => return Err(row.error(&format!("unknown option \"{key}\""))),
            }
        }
        Ok(shape)
    }
}

fn course(record: Record, groups: &Groups, places: &[Place]) -> Result<(Course, Shape), String> {
    let row = &record.row;
    let defaults = Shape { days: 5, seats: 20, cap: None, min: 0, cost: 0, open_to: None };
    let shape = defaults.with(row, &options(row, 6)?, groups)?;
    if record.titles.iter().map(|(lang, _)| *lang).collect::<Vec<_>>() != ["en", "ar", "fr"] {
        return Err(row.error("a course needs en, ar and fr titles, in that order"));
    }
    let course = Course {
        id: CourseId::new(row.cell(0)),
        title: names(&record.titles),
        skill: SkillId::new(row.cell(1)),
        level: row.int(2, "level")?,
        language: row.cell(3).to_string(),
        mode: Mode::parse(row.cell(4)),
        location: Location::Names(names_of_place(row, places)?),
    };
    Ok((course, shape))
}

fn names_of_place(row: &Row, places: &[Place]) -> Result<Names, String> {
    let key = row.cell(5);
    match places.iter().find(|p| p.key == key) {
        Some(place) => Ok(place.names.clone()),
        None => Err(row.error(&format!("location \"{key}\" is not in [locations]"))),
    }
}

fn sessions(courses: &[(Course, Shape)], groups: &Groups) -> Vec<Result<Session, String>> {
    let mut count: BTreeMap<&str, u8> = BTreeMap::new();
    rows("sessions")
        .map(|row| {
            let id = row.cell(0);
            let Some((course, defaults)) = courses.iter().find(|(c, _)| c.id.as_str() == id) else {
                return Err(row.error(&format!("unknown course \"{id}\"")));
            };
            let shape = defaults.with(&row, &options(&row, 2)?, groups)?;
            let letter = count.entry(course.id.as_str()).or_insert(0);
            let suffix = char::from(b'A' + *letter);
            *letter += 1;
            let start = date(row.cell(1)).map_err(|e| row.error(&e))?;
            let end = start
                .checked_add_days(Days::new(shape.days.max(1) as u64 - 1))
                .ok_or_else(|| row.error("end date out of range"))?;
            Ok(Session {
                id: SessionId::new(format!("{}-{suffix}", course.id)),
                course: course.id.clone(),
                start,
                end,
                seats: shape.seats,
                max_per_state: shape.cap,
                min_participants: shape.min,
                cost_per_seat: shape.cost,
                open_to: shape.open_to,
            })
        })
        .collect()
}

/// Needs with the ids every new need gets ([`NeedIds`]): `STATE-skill-level`, then `-2` …
fn needs() -> Vec<Result<Need, String>> {
    let mut ids = NeedIds::default();
    rows("needs")
        .map(|row| {
            let (state, skill) = (StateCode::new(row.cell(0)), SkillId::new(row.cell(1)));
            let level = row.int(2, "level")?;
            let mut need = Need {
                id: ids.fresh(&state, &skill, level),
                state,
                skill,
                level,
                trainees: row.int(3, "trainees")?,
                priority: row.int(4, "priority")?,
                window: None,
                languages: None,
                modes: None,
                note: row.cell(6).to_string(),
            };
            for (key, value) in options(&row, 5)? {
                match key {
                    "window" => need.window = Some(range(value).map_err(|e| row.error(&e))?),
                    "lang" => need.languages = Some(list(value)),
                    "modes" => need.modes = Some(list(value).iter().map(|m| Mode::parse(m)).collect()),
                    _ => return Err(row.error(&format!("unknown option \"{key}\""))),
                }
            }
            Ok(need)
        })
        .collect()
}

/// Sessions run on the working days of their location: Sunday to Thursday in Doha, the
/// Gulf, Egypt, Jordan and online from the centre; Monday to Friday in Tunis and Rabat.
/// A course of more than a week starts and ends on a working day.
fn check_working_week(location: &str, session: &Session) -> Result<(), String> {
    let week: [Weekday; 5] = match location {
        "Tunis" | "Rabat" => [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
        _ => [Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
    };
    let days = session.dates().days();
    let off = |day: NaiveDate| !week.contains(&day.weekday());
    let short_and_off = days <= 5 && session.start.iter_days().take(days as usize).any(off);
    if off(session.start) || off(session.end) || short_and_off {
        return Err(format!(
            "{} to {} ({:?} to {:?}) is outside the {location} working week",
            session.start,
            session.end,
            session.start.weekday(),
            session.end.weekday()
        ));
    }
    Ok(())
}
