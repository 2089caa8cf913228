//! The solver benchmark: builds and solves seeded synthetic scenarios at each scale and
//! prints model size and timings. Run it in release: `cargo run --release --bin bench`.
//!
//! Options: `--scale region|large|global` (repeatable; default all), `--variant
//! pure|budget|minviable` (repeatable; default pure), `--seed N` (default 2027),
//! `--time-limit SECONDS` (default 60).

use std::process::ExitCode;
use std::time::Instant;

use qudra::solve::{Model, Options};
use qudra::synth::{scenario, Scale, Variant};

fn main() -> ExitCode {
    let mut scales = Vec::new();
    let mut variants = Vec::new();
    let mut seed = 2027u64;
    let mut time_limit = 60.0;
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
            "--seed" => match value.parse() {
                Ok(parsed) => seed = parsed,
                Err(_) => return usage("--seed needs a whole number"),
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
        variants = vec![Variant::Pure];
    }
    if cfg!(debug_assertions) {
        eprintln!("note: this is a debug build; figures are only meaningful with --release");
    }
    println!(
        "{:<8} {:<10} {:>6} {:>6} {:>8} {:>9} {:>11} {:>6} {:>9} {:>10} {:<10} {:>12} {:>12} {:>8}",
        "scale",
        "variant",
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
        "gap"
    );
    let mut failed = false;
    for &scale in &scales {
        for &variant in &variants {
            let scenario = scenario(scale, variant, seed);
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
            let result = model.solve(&Options { time_limit: Some(time_limit) });
            let solve_ms = started.elapsed().as_secs_f64() * 1e3;
            match result {
                Ok(plan) => println!(
                    "{:<8} {:<10} {:>6} {:>6} {:>8} {:>9} {:>11} {:>6} {:>9.1} {:>10.1} {:<10} {:>12.2} {:>12.2} {:>8.5}",
                    scale.name(),
                    variant.name(),
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
                    plan.gap
                ),
                Err(err) => {
                    eprintln!("{} {}: {err}", scale.name(), variant.name());
                    failed = true;
                }
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("bench: {message}\nusage: bench [--scale region|large|global]... [--variant pure|budget|minviable]... [--seed N] [--time-limit SECONDS]");
    ExitCode::from(2)
}
