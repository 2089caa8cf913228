//! The `qudra` command line (SPEC §6): the same core as the browser app.
//! Exit status: 0 success, 1 invalid input or infeasible, 2 usage error.

mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod serve;

use std::ffi::OsString;
use std::fmt::Display;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use cli::{Flag, Kind, Parsed, Spec};
use qudra::io::csv::{plan_csv, unmet_csv, CsvOptions};
use qudra::io::ics::{calendar, IcsOptions};
use qudra::io::{import, json, ExportError, FileLang, RowError};
use qudra::model::{validate, Scenario, StateCode};
use qudra::solve::{
    fixes, recommend, seat_values, solve, Engine, Options, Plan, RecommendError, SolveError, DEFAULT_SESSIONS,
    DEFAULT_TIME_LIMIT, MAX_SESSIONS,
};

const USAGE_HEAD: &str = "Qudra: training-needs and capacity-building planner";

const USAGE_TAIL: &str = "\
solve stops at the time limit (10 s unless --time-limit says otherwise) with the best plan
found (status time_limit, with the proven bound and gap); --gap 0.001 also stops it once the
plan is proven within 0.1 % of the optimum (status time_limit too: not proven optimal).
--solver picks the engine: auto (the default) solves what Qudra can by itself (flows, the
budgets priced) and hands HiGHS a budget-linked block left unproven; microlp is pure Rust,
the browser app's engine; highs hands HiGHS every block whole. A build without the default
`highs` feature has microlp only.

export writes the plan as a spreadsheet (csv: one row per allocation; unmet-csv: needs
left without seats, with the reason), a calendar (ics: one all-day event per state and
session; DTSTAMP is the current time, or SOURCE_DATE_EPOCH when set) or JSON, for one
state or all. import merges a needs or sessions CSV into the scenario, all rows or none,
and writes the result to OUT.json or standard output; SCENARIO.json is never changed
unless it is also named by -o.

serve runs the shared workspace (the app and a JSON API over SQLite or PostgreSQL, with
accounts made by `qudra user add`); backup and restore copy its database; see README.md.

Files named by -o are written whole or not at all, and never over an input (except the
scenario of import). Each option is given once. At most 100 problems are listed, then how
many more. `qudra COMMAND --help` shows a command's options.

Exit status: 0 success, 1 invalid input or infeasible, 2 usage error.";

const VALIDATE: Spec = Spec {
    program: "qudra validate",
    positional: Some(("SCENARIO.json", true)),
    flags: &[],
    about: "Checks the scenario: exit 0 if valid, 1 with every problem listed by its JSON path\n\
            (the first 100, then how many more).",
};

const SOLVE: Spec = Spec {
    program: "qudra solve",
    positional: Some(("SCENARIO.json", true)),
    flags: &[
        Flag {
            long: "output",
            short: Some('o'),
            value: "PLAN.json",
            kind: Kind::Optional,
            help: "write the plan there (standard output by default), never over the scenario",
        },
        Flag {
            long: "time-limit",
            short: None,
            value: "SECONDS",
            kind: Kind::Optional,
            help: "stop then with the best plan found, counting from when the file is read (default 10 s, as in the browser app)",
        },
        Flag {
            long: "gap",
            short: None,
            value: "FRACTION",
            kind: Kind::Optional,
            help: "stop once proven within this gap of the optimum (default 0)",
        },
        Flag {
            long: "solver",
            short: None,
            value: "auto|microlp|highs",
            kind: Kind::Optional,
            help: "the engine (default auto; microlp only in a build without the highs feature)",
        },
    ],
    about: "Computes the plan. Out of time, the best plan found with its proven bound and gap\n\
            (status time_limit); --gap 0.001 also stops once the plan is proven within 0.1 %.",
};

const EXPORT: Spec = Spec {
    program: "qudra export",
    positional: Some(("PLAN.json", true)),
    flags: &[
        Flag {
            long: "scenario",
            short: None,
            value: "SCENARIO.json",
            kind: Kind::Required,
            help: "the scenario the plan was made from",
        },
        Flag {
            long: "format",
            short: None,
            value: "csv|unmet-csv|ics|json",
            kind: Kind::Required,
            help: "plan sheet, unmet-needs sheet, calendar or the JSON plan",
        },
        Flag {
            long: "state",
            short: None,
            value: "CODE",
            kind: Kind::Optional,
            help: "one state only (csv, unmet-csv, ics)",
        },
        Flag {
            long: "lang",
            short: None,
            value: "en|ar|fr",
            kind: Kind::Optional,
            help: "language of names and titles (csv, unmet-csv, ics; default en)",
        },
        Flag {
            long: "output",
            short: Some('o'),
            value: "FILE",
            kind: Kind::Optional,
            help: "write there (standard output by default), never over the plan or scenario",
        },
    ],
    about: "Writes the plan as a spreadsheet, an unmet-needs sheet, a calendar or JSON.",
};

const IMPORT: Spec = Spec {
    program: "qudra import",
    positional: Some(("SCENARIO.json", true)),
    flags: &[
        Flag {
            long: "needs",
            short: None,
            value: "FILE.csv",
            kind: Kind::OneOf,
            help: "a needs sheet: every row becomes a new need",
        },
        Flag {
            long: "sessions",
            short: None,
            value: "FILE.csv",
            kind: Kind::OneOf,
            help: "a sessions sheet: a row replaces the session of its id, or adds one",
        },
        Flag {
            long: "output",
            short: Some('o'),
            value: "OUT.json",
            kind: Kind::Optional,
            help: "write the merged scenario there (standard output by default); may be SCENARIO.json",
        },
    ],
    about: "Merges a spreadsheet into the scenario, all rows or none. SCENARIO.json is never changed\n\
            unless -o names it, and then it is replaced whole or not at all.",
};

const RECOMMEND: Spec = Spec {
    program: "qudra recommend",
    positional: Some(("SCENARIO.json", true)),
    flags: &[
        Flag {
            long: "sessions",
            short: None,
            value: "K",
            kind: Kind::Optional,
            help: "propose at most K new sessions (default 5, at most 50)",
        },
        Flag {
            long: "time-limit",
            short: None,
            value: "SECONDS",
            kind: Kind::Optional,
            help: "stop the search then with the best choice found and its bound (default 60 s)",
        },
        Flag {
            long: "output",
            short: Some('o'),
            value: "FILE",
            kind: Kind::Optional,
            help: "write the recommendation there (standard output by default), never over the scenario",
        },
    ],
    about: "Proposes the new sessions (a course's session again, starting on a Sunday of the horizon)\n\
            that would serve the most unmet demand, each with what it adds; status optimal when the\n\
            choice is proven the best, else time_limit with a bound on the best.",
};

const EXPLAIN: Spec = Spec {
    program: "qudra explain",
    positional: Some(("SCENARIO.json", true)),
    flags: &[Flag {
        long: "output",
        short: Some('o'),
        value: "FILE",
        kind: Kind::Optional,
        help: "write there (standard output by default), never over the scenario",
    }],
    about: "Solves the scenario and says, for each unmet need, why, and which single change would give\n\
            it one more seat (each checked by solving again); then what one more seat in each\n\
            session would add to the objective, and whom it would serve.",
};

const COMMANDS: [(&str, &Spec); 10] = [
    ("validate", &VALIDATE),
    ("solve", &SOLVE),
    ("export", &EXPORT),
    ("import", &IMPORT),
    ("serve", &serve::SERVE),
    ("user", &serve::USER),
    ("backup", &serve::BACKUP),
    ("restore", &serve::RESTORE),
    ("recommend", &RECOMMEND),
    ("explain", &EXPLAIN),
];

/// At most this many problems are listed; then how many more.
const SHOWN: usize = 100;

/// A failure and the exit status it maps to.
enum Failure {
    /// Bad input or an infeasible plan: exit 1.
    Input(String),
    /// Bad command line: exit 2, with the command's usage (or the whole usage).
    Usage(Option<&'static Spec>, String),
    /// Standard output is a closed pipe: exit 1 and say nothing, as other Unix tools.
    Quiet,
}

fn usage() -> String {
    let synopses: Vec<String> = COMMANDS
        .iter()
        .map(|(_, spec)| format!("  {}", spec.synopsis()))
        .chain(["  qudra help [COMMAND]".into()])
        .collect();
    format!("{USAGE_HEAD}\n\nUsage:\n{}\n\n{USAGE_TAIL}", synopses.join("\n"))
}

fn main() -> ExitCode {
    cli::ignore_file_size_signal();
    match run(std::env::args_os().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            cli::say(&message);
            ExitCode::from(1)
        }
        Err(Failure::Usage(spec, message)) => {
            let usage = spec.map_or_else(usage, Spec::help);
            cli::say(&format!("qudra: {message}\n\n{usage}"));
            ExitCode::from(2)
        }
        Err(Failure::Quiet) => ExitCode::from(1),
    }
}

fn run(mut args: Vec<OsString>) -> Result<(), Failure> {
    if args.is_empty() {
        return Err(Failure::Usage(None, "no command given".into()));
    }
    let rest = args.split_off(1);
    let command = args[0].to_string_lossy().into_owned();
    match command.as_str() {
        "help" | "--help" | "-h" => {
            let topic = rest.first().map(|topic| topic.to_string_lossy().into_owned());
            match topic {
                None => print(&usage()),
                Some(topic) => match COMMANDS.iter().find(|(name, _)| *name == topic) {
                    Some((_, spec)) => print(&spec.help()),
                    None => Err(Failure::Usage(None, format!("unknown command \"{topic}\""))),
                },
            }
        }
        name => match COMMANDS.iter().find(|(known, _)| *known == name) {
            Some(&(_, spec)) => {
                let args = match cli::parse(spec, rest) {
                    Ok(Parsed::Help) => return print(&spec.help()),
                    Ok(Parsed::Args(args)) => args,
                    Err(message) => return Err(Failure::Usage(Some(spec), message)),
                };
                match name {
                    "validate" => validate_command(&args),
                    "solve" => solve_command(&args),
                    "export" => export_command(&args),
                    "serve" => serve::serve_command(&args).map_err(|err| served(spec, err)),
                    "user" => serve::user_command(&args).map_err(|err| served(spec, err)),
                    "backup" => serve::backup_command(&args).map_err(|err| served(spec, err)),
                    "restore" => serve::restore_command(&args).map_err(|err| served(spec, err)),
                    "recommend" => recommend_command(&args),
                    "explain" => explain_command(&args),
                    _ => import_command(&args),
                }
            }
            None => Err(Failure::Usage(None, format!("unknown command \"{name}\""))),
        },
    }
}

/// A failure of `serve` or `user` as the command line reports it.
fn served(spec: &'static Spec, failure: serve::Failure) -> Failure {
    match failure {
        serve::Failure::Input(message) => {
            Failure::Input(format!("qudra {}: {message}", spec.program.trim_start_matches("qudra ")))
        }
        serve::Failure::Usage(message) => Failure::Usage(Some(spec), message),
    }
}

/// Writes `text` and a newline to standard output.
fn print(text: &str) -> Result<(), Failure> {
    write_output(None, &format!("{text}\n"))
}

/// Writes to the file named by `-o` (whole or not at all), or to standard output.
fn write_output(target: Option<&str>, text: &str) -> Result<(), Failure> {
    match target {
        Some(path) => cli::write_atomic(Path::new(path), text.as_bytes()).map_err(|err| {
            Failure::Input(format!("{path}: cannot write: {err}; nothing was written, the file is as it was"))
        }),
        None => cli::print(text).map_err(|err| cli::stdout_failure(&err).map_or(Failure::Quiet, Failure::Input)),
    }
}

/// Refuses an `-o` that names one of the command's input files.
fn refuse_overwrite(spec: &'static Spec, output: Option<&str>, inputs: &[(&str, &str)]) -> Result<(), Failure> {
    let Some(output) = output else {
        return Ok(());
    };
    for (input, what) in inputs {
        if cli::same_file(Path::new(input), Path::new(output)) {
            return Err(Failure::Usage(
                Some(spec),
                format!("-o {output} is the {what} {input}, which it would replace; write to another file"),
            ));
        }
    }
    Ok(())
}

/// Each item on its own indented line: the first `SHOWN`, then how many more.
fn listing<T: Display>(items: &[T]) -> String {
    let mut lines: Vec<String> = items.iter().take(SHOWN).map(|item| format!("  {item}")).collect();
    if items.len() > SHOWN {
        let more = items.len() - SHOWN;
        lines.push(format!("  … and {more} more {}", if more == 1 { "problem" } else { "problems" }));
    }
    lines.join("\n")
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|err| Failure::Input(format!("{path}: cannot read: {err}")))
}

fn read_text(path: &str) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?).map_err(|_| Failure::Input(format!("{path}: not UTF-8 text")))
}

/// The top-level `"format"` of a JSON file, if it has one: looked at only when the full parse
/// fails, so that a plan given where a scenario belongs (or the reverse) is named as such.
fn format_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Peek {
        format: Option<String>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Peek>(text).ok()?.format
}

/// Parses and validates a scenario's text; every problem is listed, prefixed with the file
/// name. `hint` says where a plan file belongs instead, when one is given here.
fn scenario_from(path: &str, text: &str, hint: &str) -> Result<Scenario, Failure> {
    let plan_given = || {
        (format_of(text).as_deref() == Some("qudra-plan"))
            .then(|| Failure::Input(format!("{path} is a plan file (format qudra-plan), not a scenario; {hint}")))
    };
    // Unknown fields come with every other problem of the file.
    let (scenario, problems) = match Scenario::from_json(text) {
        Ok(scenario) => {
            let problems = validate(&scenario);
            (scenario, problems)
        }
        Err(err) if err.problems.is_empty() => {
            return Err(plan_given().unwrap_or_else(|| {
                Failure::Input(format!("{path}: not a valid scenario file\n  {}", err.to_problem()))
            }))
        }
        Err(err) => (Scenario::empty(""), err.problems),
    };
    if !problems.is_empty() {
        if let Some(failure) = plan_given() {
            return Err(failure);
        }
        return Err(Failure::Input(format!(
            "{path}: {} found\n{}",
            cli::counted(problems.len(), "problem", "problems"),
            listing(&problems)
        )));
    }
    Ok(scenario)
}

const SCENARIO_HINT: &str = "give the scenario file (format qudra-scenario) the plan is made from";

fn validate_command(args: &cli::Args) -> Result<(), Failure> {
    let path = args.positional.as_deref().unwrap_or_default();
    let scenario = scenario_from(path, &read_text(path)?, SCENARIO_HINT)?;
    print(&format!(
        "{path}: valid ({} states, {} skills, {} courses, {} sessions, {} needs, {} pins, {} exclusions)",
        scenario.states.len(),
        scenario.skills.len(),
        scenario.courses.len(),
        scenario.sessions.len(),
        scenario.needs.len(),
        scenario.pins.len(),
        scenario.exclusions.len()
    ))
}

fn solve_command(args: &cli::Args) -> Result<(), Failure> {
    let path = args.positional.as_deref().unwrap_or_default();
    let usage = |message: String| Failure::Usage(Some(&SOLVE), message);
    let time_limit = match args.get("time-limit") {
        Some(text) => match text.parse::<f64>() {
            Ok(seconds) if seconds > 0.0 && seconds.is_finite() => seconds,
            _ => return Err(usage(format!("--time-limit needs a positive number of seconds, got \"{text}\""))),
        },
        None => DEFAULT_TIME_LIMIT,
    };
    let engine = match args.get("solver") {
        None => Engine::default(),
        Some(name) => match Engine::named(name) {
            Some(engine) => engine,
            None if name == "highs" || name == "auto" => {
                return Err(usage(format!(
                    "this qudra was built without HiGHS, so --solver {name} is not there; build it with its default features (`cargo build --release`)"
                )))
            }
            None => return Err(usage(format!("--solver is auto, microlp or highs, got \"{name}\""))),
        },
    };
    let gap = match args.get("gap") {
        None => 0.0,
        Some(text) => match text.parse::<f64>() {
            Ok(gap) if (0.0..1.0).contains(&gap) => gap,
            _ => {
                return Err(usage(format!("--gap needs a fraction from 0 to below 1 (0.001 is 0.1 %), got \"{text}\"")))
            }
        },
    };
    let output = args.get("output");
    refuse_overwrite(&SOLVE, output, &[(path, "scenario")])?;
    // The limit counts from the moment the file is read: reading and checking a large scenario
    // takes part of it, so the command as a whole returns within it (writing the plan aside).
    let started = std::time::Instant::now();
    let scenario = scenario_from(path, &read_text(path)?, SCENARIO_HINT)?;
    let time_limit = (time_limit - started.elapsed().as_secs_f64()).max(0.001);
    let plan = solve(&scenario, &Options { time_limit: Some(time_limit), engine, gap }).map_err(|err| match err {
        SolveError::Infeasible(problems) => Failure::Input(format!(
            "{path}: infeasible: the pins cannot all be honoured\n{}\nRemove or reduce these pins and solve again.",
            listing(&problems)
        )),
        other => Failure::Input(format!("{path}: {other}")),
    })?;
    write_output(output, &plan.to_json())?;
    let unmet: i64 = plan.unmet.iter().map(|u| u.seats).sum();
    cli::say(&format!(
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
    ));
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

fn export_command(args: &cli::Args) -> Result<(), Failure> {
    let usage = |message: String| Failure::Usage(Some(&EXPORT), message);
    let plan_path = args.positional.as_deref().unwrap_or_default();
    let scenario_path = args.get("scenario").unwrap_or_default();
    let format = match args.get("format").unwrap_or_default() {
        "csv" => Format::Csv,
        "unmet-csv" => Format::UnmetCsv,
        "ics" => Format::Ics,
        "json" => Format::Json,
        other => return Err(usage(format!("unknown format \"{other}\" (use csv, unmet-csv, ics or json)"))),
    };
    let lang = match args.get("lang") {
        Some(code) => code.parse::<FileLang>().map_err(usage)?,
        None => FileLang::En,
    };
    let state = args.get("state").map(|code| StateCode::new(code.trim().to_uppercase()));
    if matches!(format, Format::Json) && (state.is_some() || args.get("lang").is_some()) {
        return Err(usage("--state and --lang apply to csv, unmet-csv and ics; the JSON plan is always whole".into()));
    }
    let output = args.get("output");
    refuse_overwrite(&EXPORT, output, &[(plan_path, "plan"), (scenario_path, "scenario")])?;
    let plan_text = read_text(plan_path)?;
    let scenario_text = read_text(scenario_path)?;
    if format_of(&plan_text).as_deref() == Some("qudra-scenario") {
        return Err(Failure::Input(format!(
            "{plan_path} is a scenario file (format qudra-scenario), not a plan; give the plan as PLAN.json \
             and the scenario after --scenario: qudra export PLAN.json --scenario SCENARIO.json …"
        )));
    }
    let scenario = scenario_from(
        scenario_path,
        &scenario_text,
        "give it as PLAN.json and the scenario after --scenario: qudra export PLAN.json --scenario SCENARIO.json …",
    )?;
    let plan = json::read_plan(&plan_text)
        .map_err(|err| Failure::Input(format!("{plan_path}: not a valid plan file\n  {err}")))?;
    let text = match format {
        Format::Csv => plan_csv(&scenario, &plan, &CsvOptions { lang, state }),
        Format::UnmetCsv => unmet_csv(&scenario, &plan, &CsvOptions { lang, state }),
        Format::Ics => {
            let dtstamp = now()?;
            calendar(&scenario, &plan, &IcsOptions { lang, state, dtstamp })
        }
        Format::Json => json::export(&scenario, &plan),
    }
    .map_err(|err| export_failure(plan_path, scenario_path, &plan, err))?;
    write_output(output, &text)
}

fn export_failure(plan_path: &str, scenario_path: &str, plan: &Plan, err: ExportError) -> Failure {
    match err {
        ExportError::UnknownState(code) => Failure::Input(format!("{scenario_path}: no state \"{code}\" (--state)")),
        ExportError::Mismatch(problems) => Failure::Input(format!(
            "{plan_path}: the plan does not belong to this scenario:\n{}\n\
             The plan was made from \"{}\"; solve {scenario_path} again and export the new plan.",
            listing(&problems),
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

fn import_command(args: &cli::Args) -> Result<(), Failure> {
    let scenario_path = args.positional.as_deref().unwrap_or_default();
    let (csv_path, importer, what): (&str, Importer, &str) = match (args.get("needs"), args.get("sessions")) {
        (Some(path), _) => (path, import::needs_csv, "need"),
        (_, path) => (path.unwrap_or_default(), import::sessions_csv, "session"),
    };
    let output = args.get("output");
    // Replacing the scenario is what -o SCENARIO.json is for; replacing the sheet is not.
    refuse_overwrite(&IMPORT, output, &[(csv_path, "spreadsheet")])?;
    let scenario = scenario_from(
        scenario_path,
        &read_text(scenario_path)?,
        "import merges a spreadsheet into a scenario file (format qudra-scenario)",
    )?;
    let bytes = read_bytes(csv_path)?;
    let imported = importer(&scenario, &bytes).map_err(|errors| {
        Failure::Input(format!(
            "{csv_path}: {} found; nothing was imported\n{}",
            cli::counted(errors.len(), "problem", "problems"),
            listing(&errors)
        ))
    })?;
    write_output(output, &json::scenario(&imported.scenario))?;
    if what == "session" {
        cli::say(&format!(
            "{csv_path}: {} added, {} replaced",
            cli::counted(imported.added, "session", "sessions"),
            imported.replaced
        ));
    } else {
        cli::say(&format!("{csv_path}: {} added", cli::counted(imported.added, what, &format!("{what}s"))));
    }
    Ok(())
}

/// The search's time limit unless `--time-limit` says otherwise.
const RECOMMEND_TIME_LIMIT: f64 = 60.0;

fn recommend_command(args: &cli::Args) -> Result<(), Failure> {
    let path = args.positional.as_deref().unwrap_or_default();
    let usage = |message: String| Failure::Usage(Some(&RECOMMEND), message);
    let sessions = match args.get("sessions") {
        None => DEFAULT_SESSIONS,
        Some(text) => match text.parse::<usize>() {
            Ok(k) if (1..=MAX_SESSIONS).contains(&k) => k,
            _ => {
                return Err(usage(format!("--sessions needs a whole number from 1 to {MAX_SESSIONS}, got \"{text}\"")))
            }
        },
    };
    let time_limit = match args.get("time-limit") {
        Some(text) => match text.parse::<f64>() {
            Ok(seconds) if seconds > 0.0 && seconds.is_finite() => seconds,
            _ => return Err(usage(format!("--time-limit needs a positive number of seconds, got \"{text}\""))),
        },
        None => RECOMMEND_TIME_LIMIT,
    };
    let output = args.get("output");
    refuse_overwrite(&RECOMMEND, output, &[(path, "scenario")])?;
    let started = std::time::Instant::now();
    let scenario = scenario_from(path, &read_text(path)?, SCENARIO_HINT)?;
    let options = Options { time_limit: Some(time_limit), ..Options::default() };
    let recommendation = recommend(&scenario, sessions, &options).map_err(|err| match err {
        RecommendError::Solve(SolveError::Infeasible(problems)) => Failure::Input(format!(
            "{path}: infeasible: the pins cannot all be honoured\n{}\nRemove or reduce these pins and try again.",
            listing(&problems)
        )),
        other => Failure::Input(format!("{path}: {other}")),
    })?;
    write_output(output, &format!("{}\n", recommendation.to_json()))?;
    let mut lines = vec![format!(
        "{path}: {} objective {} -> {}{} with {}, in {} ms",
        recommendation.status.as_str(),
        recommendation.base_objective,
        recommendation.objective,
        if recommendation.status == qudra::solve::Status::Optimal {
            String::new()
        } else {
            format!(", bound {}", recommendation.bound)
        },
        cli::counted(recommendation.proposals.len(), "new session", "new sessions"),
        started.elapsed().as_millis()
    )];
    for proposal in &recommendation.proposals {
        let title = scenario
            .course(&proposal.session.course)
            .map(|course| qudra::model::name_in(&course.title, "en").to_string())
            .unwrap_or_default();
        lines.push(format!(
            "  {} {} ({} to {}): +{}, gain {} ({})",
            proposal.session.id,
            title,
            proposal.session.start,
            proposal.session.end,
            cli::counted(usize::try_from(proposal.trainees).unwrap_or(0), "trainee", "trainees"),
            proposal.gain,
            proposal.needs.iter().map(|need| need.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    cli::say(&lines.join("\n"));
    Ok(())
}

fn explain_command(args: &cli::Args) -> Result<(), Failure> {
    let path = args.positional.as_deref().unwrap_or_default();
    let output = args.get("output");
    refuse_overwrite(&EXPLAIN, output, &[(path, "scenario")])?;
    let scenario = scenario_from(path, &read_text(path)?, SCENARIO_HINT)?;
    let options = Options { time_limit: Some(DEFAULT_TIME_LIMIT), ..Options::default() };
    let failure = |err: SolveError| match err {
        SolveError::Infeasible(problems) => Failure::Input(format!(
            "{path}: infeasible: the pins cannot all be honoured\n{}\nRemove or reduce these pins and try again.",
            listing(&problems)
        )),
        other => Failure::Input(format!("{path}: {other}")),
    };
    let plan = solve(&scenario, &options).map_err(failure)?;
    let remedies = fixes(&scenario, &options).map_err(failure)?;
    let values = seat_values(&scenario, &options).map_err(failure)?;
    let mut lines = vec![format!(
        "{path}: {} objective {}, {}",
        plan.status.as_str(),
        plan.objective,
        cli::counted(plan.unmet.len(), "unmet need", "unmet needs")
    )];
    for unmet in &plan.unmet {
        lines.push(format!(
            "  {}: {} without a seat ({})",
            unmet.need,
            cli::counted(usize::try_from(unmet.seats).unwrap_or(0), "trainee", "trainees"),
            unmet.reason.as_str()
        ));
        match remedies.iter().find(|fix| fix.need == unmet.need) {
            Some(fix) if !fix.changes.is_empty() => {
                let changes: Vec<String> = fix.changes.iter().map(|change| change.to_string()).collect();
                lines.push(format!("    one more seat if: {}", changes.join("; ")));
            }
            _ => lines.push("    no single change gives it one more seat".into()),
        }
    }
    lines.push("Value of one more seat, per session (what it adds to the objective; whom it would serve):".into());
    for value in &values {
        let whom = match &value.serves {
            Some(served) => {
                format!("a priority-{} need of {} ({})", served.priority, served.state, served.need)
            }
            None => "no need would take it".into(),
        };
        let estimate = if value.exact { "" } else { " (estimate: a solve stopped at its time limit)" };
        lines.push(format!("  {}: +{}, {whom}{estimate}", value.session, value.value));
    }
    write_output(output, &format!("{}\n", lines.join("\n")))
}
