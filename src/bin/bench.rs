//! The solver benchmark: builds and solves seeded synthetic scenarios at each scale and
//! variant with each engine this build has, and prints model size, timings, objective,
//! bound and gap, then how microlp compares with HiGHS. Run it in release:
//! `cargo run --release --features highs --bin bench` (or `make bench`).
//!
//! Options: `--scale region|large|global` and `--variant pure|budget|minviable` and
//! `--solver microlp|highs` (each repeatable; default all), `--seed N` (default 2027),
//! `--time-limit SECONDS` (default 10), `--gap FRACTION` (stop once proven within it;
//! default 0: only a proven optimum stops early).

use std::process::ExitCode;
use std::time::Instant;

use qudra::solve::{Engine, Model, Options, Plan};
use qudra::synth::{scenario, Scale, Variant};

const USAGE: &str = "usage: bench [--scale region|large|global]... [--variant pure|budget|minviable]... \
                     [--solver microlp|highs]... [--seed N] [--time-limit SECONDS] [--gap FRACTION]";

/// One solve's figures.
struct Row {
    scale: Scale,
    variant: Variant,
    engine: Engine,
    solve_ms: f64,
    plan: Plan,
}

fn main() -> ExitCode {
    let mut scales = Vec::new();
    let mut variants = Vec::new();
    let mut engines = Vec::new();
    let mut seed = 2027u64;
    let mut time_limit = 10.0;
    let mut gap = 0.0;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let value = iter.next().map(String::as_str).unwrap_or("");
        match flag.as_str() {
            "--scale" => match Scale::ALL.iter().find(|s| s.name() == value) {
                Some(scale) => scales.push(*scale),
                None => return usage(&format!("unknown scale \"{value}\"")),
            },
            "--variant" => match Variant::ALL.iter().find(|v| v.name() == value) {
                Some(variant) => variants.push(*variant),
                None => return usage(&format!("unknown variant \"{value}\"")),
            },
            "--solver" => match Engine::named(value) {
                Some(engine) => engines.push(engine),
                None if value == "highs" => return usage("this build has no HiGHS: build with --features highs"),
                None => return usage(&format!("unknown solver \"{value}\"")),
            },
            "--seed" => match value.parse() {
                Ok(parsed) => seed = parsed,
                Err(_) => return usage("--seed needs a whole number"),
            },
            "--gap" => match value.parse() {
                Ok(parsed) => gap = parsed,
                Err(_) => return usage("--gap needs a fraction (0.001 is 0.1 %)"),
            },
            "--time-limit" => match value.parse() {
                Ok(parsed) => time_limit = parsed,
                Err(_) => return usage("--time-limit needs a number of seconds"),
            },
            other => return usage(&format!("unknown option \"{other}\"")),
        }
    }
    if scales.is_empty() {
        scales = Scale::ALL.to_vec();
    }
    if variants.is_empty() {
        variants = Variant::ALL.to_vec();
    }
    if engines.is_empty() {
        engines = Engine::ALL.to_vec();
    }
    if cfg!(debug_assertions) {
        eprintln!("note: this is a debug build; figures are only meaningful with --release");
    }
    println!("seed {seed}, time limit {time_limit} s, gap {gap}, {} worker(s)", qudra::solve::workers());
    println!(
        "{:<7} {:<10} {:<8} {:>6} {:>6} {:>8} {:>9} {:>11} {:>6} {:>9} {:>10} {:<10} {:>12} {:>12} {:>9}",
        "scale",
        "variant",
        "solver",
        "states",
        "needs",
        "sessions",
        "variables",
        "constraints",
        "blocks",
        "build_ms",
        "solve_ms",
        "status",
        "objective",
        "bound",
        "gap_%"
    );
    let mut failed = false;
    let mut rows = Vec::new();
    for &scale in &scales {
        for &variant in &variants {
            let scenario = scenario(scale, variant, seed);
            for &engine in &engines {
                let started = Instant::now();
                let model = match Model::build(&scenario) {
                    Ok(model) => model,
                    Err(err) => {
                        eprintln!("{} {}: {err}", scale.name(), variant.name());
                        failed = true;
                        continue;
                    }
                };
                let build_ms = started.elapsed().as_secs_f64() * 1e3;
                let (variables, constraints, blocks) = (model.variables(), model.constraints(), model.blocks());
                let started = Instant::now();
                let result = model.solve(&Options { time_limit: Some(time_limit), engine, gap });
                let solve_ms = started.elapsed().as_secs_f64() * 1e3;
                match result {
                    Ok(plan) => {
                        println!(
                            "{:<7} {:<10} {:<8} {:>6} {:>6} {:>8} {:>9} {:>11} {:>6} {:>9.1} {:>10.1} {:<10} {:>12.3} {:>12.3} {:>9.4}",
                            scale.name(),
                            variant.name(),
                            engine.name(),
                            scenario.states.len(),
                            scenario.needs.len(),
                            scenario.sessions.len(),
                            variables,
                            constraints,
                            blocks,
                            build_ms,
                            solve_ms,
                            plan.status.as_str(),
                            plan.objective,
                            plan.bound,
                            plan.gap * 100.0
                        );
                        rows.push(Row { scale, variant, engine, solve_ms, plan });
                    }
                    Err(err) => {
                        eprintln!("{} {} {}: {err}", scale.name(), variant.name(), engine.name());
                        failed = true;
                    }
                }
            }
        }
    }
    print_ratios(&rows);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// For each scenario solved by both engines: microlp's time over HiGHS's, and how far
/// microlp's objective is from HiGHS's.
fn print_ratios(rows: &[Row]) {
    let pairs: Vec<(&Row, &Row)> = rows
        .iter()
        .filter(|row| row.engine == Engine::Microlp)
        .filter_map(|micro| {
            rows.iter()
                .find(|other| {
                    other.engine != Engine::Microlp && (other.scale, other.variant) == (micro.scale, micro.variant)
                })
                .map(|reference| (micro, reference))
        })
        .collect();
    if pairs.is_empty() {
        return;
    }
    println!();
    println!(
        "{:<7} {:<10} {:>13} {:>13} {:>15} {:>22}",
        "scale", "variant", "microlp_ms", "highs_ms", "time_ratio", "objective_diff_%"
    );
    for (micro, reference) in pairs {
        let diff = (reference.plan.objective - micro.plan.objective) / reference.plan.objective.abs().max(1.0);
        println!(
            "{:<7} {:<10} {:>13.1} {:>13.1} {:>15.2} {:>22.5}",
            micro.scale.name(),
            micro.variant.name(),
            micro.solve_ms,
            reference.solve_ms,
            micro.solve_ms / reference.solve_ms.max(1e-3),
            diff * 100.0
        );
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("bench: {message}\n{USAGE}");
    ExitCode::from(2)
}
