//! The `qudra` command line (SPEC §6): the same core as the browser app.
//! Exit status: 0 success, 1 invalid input or infeasible, 2 usage error.

use std::fs;
use std::io::Write;
use std::process::ExitCode;

use qudra::model::{validate, Scenario};
use qudra::solve::{solve, Options, SolveError};

const USAGE: &str = "\
Qudra: training-needs and capacity-building planner

Usage:
  qudra validate SCENARIO.json
  qudra solve SCENARIO.json [-o PLAN.json] [--time-limit SECONDS]
  qudra help

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

fn read_text(path: &str) -> Result<String, Failure> {
    fs::read_to_string(path).map_err(|err| Failure::Input(format!("{path}: cannot read: {err}")))
}

/// Reads and validates a scenario; every problem is listed, prefixed with the file name.
fn load_scenario(path: &str) -> Result<Scenario, Failure> {
    let text = read_text(path)?;
    let scenario = Scenario::from_json(&text)
        .map_err(|err| Failure::Input(format!("{path}: not a valid scenario file\n  {}", err.to_problem())))?;
    let problems = validate(&scenario);
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
    let args = Args::parse(args, &["-o", "--output", "--time-limit"])?;
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
    let scenario = load_scenario(path)?;
    let plan = solve(&scenario, &Options { time_limit }).map_err(|err| match err {
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
        "{}: {:?} objective {} ({} allocations, {} trainees without a seat in {} needs, {} ms)",
        path,
        plan.status,
        plan.objective,
        plan.allocations.len(),
        unmet,
        plan.unmet.len(),
        plan.stats.solve_ms
    );
    Ok(())
}
