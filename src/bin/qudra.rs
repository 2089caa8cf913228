//! The `qudra` command line (SPEC §6): the same core as the browser app.
//! Exit status: 0 success, 1 invalid input or infeasible, 2 usage error.

use std::fs;
use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use qudra::io::csv::{plan_csv, unmet_csv, CsvOptions};
use qudra::io::ics::{calendar, IcsOptions};
use qudra::io::{import, json, ExportError, Lang, RowError};
use qudra::model::{validate, Scenario, StateCode};
use qudra::solve::{solve, Engine, Options, Plan, SolveError};

const USAGE: &str = "\
Qudra: training-needs and capacity-building planner

Usage:
  qudra validate SCENARIO.json
  qudra solve SCENARIO.json [-o PLAN.json] [--time-limit SECONDS] [--gap FRACTION]
              [--solver microlp|highs]
  qudra export PLAN.json --scenario SCENARIO.json --format csv|unmet-csv|ics|json
               [--state CODE] [--lang en|ar] [-o FILE]
  qudra import (--needs FILE.csv | --sessions FILE.csv) SCENARIO.json [-o OUT.json]
  qudra help

solve stops at the time limit with the best plan found (status time_limit, with the proven
bound and gap); --gap 0.001 also stops it once the plan is proven within 0.1 % of the
optimum (status time_limit too: not proven optimal). --solver highs uses the native HiGHS engine, in builds with the `highs`
feature; the default, microlp, is the engine the browser app uses.

export writes the plan as a spreadsheet (csv: one row per allocation; unmet-csv: needs
left without seats, with the reason), a calendar (ics: one all-day event per state and
session; DTSTAMP is the current time, or SOURCE_DATE_EPOCH when set) or JSON, for one
state or all. import merges a needs or sessions CSV into the scenario, all rows or none,
and writes the result to OUT.json or standard output; SCENARIO.json is never changed
unless it is also named by -o.

Exit status: 0 success, 1 invalid input or infeasible, 2 usage error.";

/// A failure and the exit status it maps to.
enum Failure {
    /// Bad input or an infeasible plan: exit 1.
    Input(String),
    /// Bad command line: exit 2.
    Usage(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("qudra: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match command.as_str() {
        "validate" => validate_command(rest),
        "solve" => solve_command(rest),
        "export" => export_command(rest),
        "import" => import_command(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::Usage(format!("unknown command \"{other}\""))),
    }
}

/// Positional arguments and `--flag value` options, with the flags each command allows.
struct Args {
    positional: Vec<String>,
    flags: Vec<(String, String)>,
}

impl Args {
    fn parse(args: &[String], allowed: &[&str]) -> Result<Args, Failure> {
        let mut positional = Vec::new();
        let mut flags = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if arg.starts_with('-') && arg.len() > 1 {
                if !allowed.contains(&arg.as_str()) {
                    return Err(Failure::Usage(format!("unknown option \"{arg}\"")));
                }
                let value = iter.next().ok_or_else(|| Failure::Usage(format!("option {arg} needs a value")))?;
                flags.push((arg.clone(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Args { positional, flags })
    }

    fn flag(&self, names: &[&str]) -> Option<&str> {
        self.flags.iter().rev().find(|(name, _)| names.contains(&name.as_str())).map(|(_, value)| value.as_str())
    }

    fn one_file(&self, what: &str) -> Result<&str, Failure> {
        match self.positional.as_slice() {
            [file] => Ok(file),
            [] => Err(Failure::Usage(format!("missing {what}"))),
            _ => Err(Failure::Usage(format!("expected one {what}, got {}", self.positional.len()))),
        }
    }
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|err| Failure::Input(format!("{path}: cannot read: {err}")))
}

fn read_text(path: &str) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?).map_err(|_| Failure::Input(format!("{path}: not UTF-8 text")))
}

/// Reads and validates a scenario; every problem is listed, prefixed with the file name.
fn load_scenario(path: &str) -> Result<Scenario, Failure> {
    let text = read_text(path)?;
    // Unknown fields come with every other problem of the file.
    let (scenario, problems) = match Scenario::from_json(&text) {
        Ok(scenario) => {
            let problems = validate(&scenario);
            (scenario, problems)
        }
        Err(err) if err.problems.is_empty() => {
            return Err(Failure::Input(format!("{path}: not a valid scenario file\n  {}", err.to_problem())))
        }
        Err(err) => (Scenario::empty(""), err.problems),
    };
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        return Err(Failure::Input(format!("{path}: {} problem(s) found\n{}", problems.len(), list.join("\n"))));
    }
    Ok(scenario)
}

/// Writes to the file named by `-o`, or to stdout.
fn write_output(target: Option<&str>, text: &str) -> Result<(), Failure> {
    match target {
        Some(path) => fs::write(path, text).map_err(|err| Failure::Input(format!("{path}: cannot write: {err}"))),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|err| Failure::Input(format!("cannot write to standard output: {err}"))),
    }
}

fn validate_command(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &[])?;
    let path = args.one_file("scenario file")?;
    let scenario = load_scenario(path)?;
    println!(
        "{path}: valid ({} states, {} skills, {} courses, {} sessions, {} needs, {} pins, {} exclusions)",
        scenario.states.len(),
        scenario.skills.len(),
        scenario.courses.len(),
        scenario.sessions.len(),
        scenario.needs.len(),
        scenario.pins.len(),
        scenario.exclusions.len()
    );
    Ok(())
}

fn solve_command(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &["-o", "--output", "--time-limit", "--gap", "--solver"])?;
    let path = args.one_file("scenario file")?;
    let time_limit = match args.flag(&["--time-limit"]) {
        Some(text) => match text.parse::<f64>() {
            Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Some(seconds),
            _ => {
                return Err(Failure::Usage(format!("--time-limit needs a positive number of seconds, got \"{text}\"")))
            }
        },
        None => None,
    };
    let engine = match args.flag(&["--solver"]) {
        None => Engine::default(),
        Some(name) => match Engine::named(name) {
            Some(engine) => engine,
            None if name == "highs" => {
                return Err(Failure::Usage(
                    "this qudra was built without HiGHS; build it with `cargo build --release --features highs`".into(),
                ))
            }
            None => return Err(Failure::Usage(format!("--solver is microlp or highs, got \"{name}\""))),
        },
    };
    let gap = match args.flag(&["--gap"]) {
        None => 0.0,
        Some(text) => match text.parse::<f64>() {
            Ok(gap) if (0.0..1.0).contains(&gap) => gap,
            _ => {
                return Err(Failure::Usage(format!(
                    "--gap needs a fraction from 0 to below 1 (0.001 is 0.1 %), got \"{text}\""
                )))
            }
        },
    };
    let scenario = load_scenario(path)?;
    let plan = solve(&scenario, &Options { time_limit, engine, gap }).map_err(|err| match err {
        SolveError::Infeasible(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            Failure::Input(format!(
                "{path}: infeasible: the pins cannot all be honoured\n{}\nRemove or reduce these pins and solve again.",
                list.join("\n")
            ))
        }
        other => Failure::Input(format!("{path}: {other}")),
    })?;
    write_output(args.flag(&["-o", "--output"]), &plan.to_json())?;
    let unmet: i64 = plan.unmet.iter().map(|u| u.seats).sum();
    eprintln!(
        "{}: {} objective {}{} ({} allocations, {} trainees without a seat in {} needs, {} ms)",
        path,
        plan.status.as_str(),
        plan.objective,
        if plan.status == qudra::solve::Status::Optimal {
            String::new()
        } else {
            format!(", bound {}, gap {:.3} %", plan.bound, plan.gap * 100.0)
        },
        plan.allocations.len(),
        unmet,
        plan.unmet.len(),
        plan.stats.solve_ms
    );
    Ok(())
}

/// What `export --format` can write.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    UnmetCsv,
    Ics,
    Json,
}

fn export_command(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &["--scenario", "--format", "--state", "--lang", "-o", "--output"])?;
    let plan_path = args.one_file("plan file")?;
    let scenario_path = args
        .flag(&["--scenario"])
        .ok_or_else(|| Failure::Usage("export needs --scenario SCENARIO.json (the plan's scenario)".into()))?;
    let format = match args.flag(&["--format"]) {
        Some("csv") => Format::Csv,
        Some("unmet-csv") => Format::UnmetCsv,
        Some("ics") => Format::Ics,
        Some("json") => Format::Json,
        Some(other) => {
            return Err(Failure::Usage(format!("unknown format \"{other}\" (use csv, unmet-csv, ics or json)")))
        }
        None => return Err(Failure::Usage("export needs --format csv|unmet-csv|ics|json".into())),
    };
    let lang = match args.flag(&["--lang"]) {
        Some(code) => code.parse::<Lang>().map_err(Failure::Usage)?,
        None => Lang::En,
    };
    let state = args.flag(&["--state"]).map(|code| StateCode::new(code.trim().to_uppercase()));
    if matches!(format, Format::Json) && (state.is_some() || args.flag(&["--lang"]).is_some()) {
        return Err(Failure::Usage(
            "--state and --lang apply to csv, unmet-csv and ics; the JSON plan is always whole".into(),
        ));
    }
    let scenario = load_scenario(scenario_path)?;
    let plan = json::read_plan(&read_text(plan_path)?)
        .map_err(|err| Failure::Input(format!("{plan_path}: not a valid plan file\n  {err}")))?;
    let text = match format {
        Format::Csv => plan_csv(&scenario, &plan, &CsvOptions { lang, state }),
        Format::UnmetCsv => unmet_csv(&scenario, &plan, &CsvOptions { lang, state }),
        Format::Ics => {
            let dtstamp = now()?;
            calendar(&scenario, &plan, &IcsOptions { lang, state, dtstamp })
        }
        Format::Json => Ok(json::plan(&plan)),
    }
    .map_err(|err| export_failure(plan_path, scenario_path, &plan, err))?;
    write_output(args.flag(&["-o", "--output"]), &text)
}

fn export_failure(plan_path: &str, scenario_path: &str, plan: &Plan, err: ExportError) -> Failure {
    match err {
        ExportError::UnknownState(code) => Failure::Input(format!("{scenario_path}: no state \"{code}\" (--state)")),
        ExportError::Mismatch(_) => Failure::Input(format!(
            "{plan_path}: {err}\nThe plan was made from \"{}\"; solve {scenario_path} again and export the new plan.",
            plan.scenario
        )),
    }
}

/// The calendar's DTSTAMP: SOURCE_DATE_EPOCH (seconds since 1970, for reproducible builds)
/// when set, else the current time.
fn now() -> Result<DateTime<Utc>, Failure> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().map_err(|_| {
            Failure::Input(format!("SOURCE_DATE_EPOCH must be whole seconds since 1970, got \"{text}\""))
        })?,
        Err(_) => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        }
    };
    DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| Failure::Input(format!("SOURCE_DATE_EPOCH {seconds} is out of range")))
}

/// `import::needs_csv` or `import::sessions_csv`.
type Importer = fn(&Scenario, &[u8]) -> Result<import::Imported, Vec<RowError>>;

fn import_command(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &["--needs", "--sessions", "-o", "--output"])?;
    let scenario_path = args.one_file("scenario file")?;
    let (csv_path, importer, what): (&str, Importer, &str) = match (args.flag(&["--needs"]), args.flag(&["--sessions"]))
    {
        (Some(path), None) => (path, import::needs_csv, "need"),
        (None, Some(path)) => (path, import::sessions_csv, "session"),
        (None, None) => return Err(Failure::Usage("import needs --needs FILE.csv or --sessions FILE.csv".into())),
        (Some(_), Some(_)) => {
            return Err(Failure::Usage("import one file at a time: --needs or --sessions, not both".into()))
        }
    };
    let scenario = load_scenario(scenario_path)?;
    let bytes = read_bytes(csv_path)?;
    let imported = importer(&scenario, &bytes).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        Failure::Input(format!(
            "{csv_path}: {} problem(s) found; nothing was imported\n{}",
            errors.len(),
            list.join("\n")
        ))
    })?;
    write_output(args.flag(&["-o", "--output"]), &json::scenario(&imported.scenario))?;
    if what == "session" {
        eprintln!("{csv_path}: {} session(s) added, {} replaced", imported.added, imported.replaced);
    } else {
        eprintln!("{csv_path}: {} {what}(s) added", imported.added);
    }
    Ok(())
}
