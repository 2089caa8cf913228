//! The solver benchmark: builds and solves seeded synthetic scenarios at each scale and
//! variant with each engine this build has, and prints model size, timings, objective,
//! bound and gap, then how microlp compares with HiGHS. Run it in release:
//! `cargo run --release --bin bench` (or `make bench`).
//!
//! Options: `--scale region|large|global` and `--variant pure|budget|minviable` and
//! `--solver microlp|auto|highs` (each repeatable; default all), `--seed N` (default 2027),
//! `--time-limit SECONDS` (default 10), `--gap FRACTION` (stop once proven within it;
//! default 0: only a proven optimum stops early); `--recommend K` times `recommend` with K
//! sessions on the demo and the chosen scenarios instead (`make bench-recommend`); `--fixes`
//! times `fixes` (what would fix each unmet need) on the same, without and with the blocks'
//! reuse (the blocks solved and taken again, and whether both found the same fixes).

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

use cli::{Flag, Kind, Parsed, Spec};
use qudra::solve::{Engine, Model, Options, Plan};
use qudra::synth::{scenario, Scale, Variant};

const BENCH: Spec = Spec {
    program: "bench",
    positional: None,
    flags: &[
        Flag {
            long: "scale",
            short: None,
            value: "region|large|global",
            kind: Kind::Repeated,
            help: "scenario sizes to run (repeatable; default all)",
        },
        Flag {
            long: "variant",
            short: None,
            value: "pure|budget|minviable",
            kind: Kind::Repeated,
            help: "scenario variants to run (repeatable; default all)",
        },
        Flag {
            long: "solver",
            short: None,
            value: "microlp|auto|highs",
            kind: Kind::Repeated,
            help: "engines to run (repeatable; default every engine of this build)",
        },
        Flag {
            long: "seed",
            short: None,
            value: "N",
            kind: Kind::Optional,
            help: "the scenarios' seed (default 2027)",
        },
        Flag {
            long: "time-limit",
            short: None,
            value: "SECONDS",
            kind: Kind::Optional,
            help: "each solve's time limit (default 10)",
        },
        Flag {
            long: "gap",
            short: None,
            value: "FRACTION",
            kind: Kind::Optional,
            help: "stop once proven within this gap (default 0: only a proven optimum stops early)",
        },
        Flag {
            long: "recommend",
            short: None,
            value: "K",
            kind: Kind::Optional,
            help: "instead of solving, time `recommend` with K sessions on data/demo-2027.json and the chosen scales and variants",
        },
        Flag {
            long: "fixes",
            short: None,
            value: "",
            kind: Kind::Switch,
            help: "instead of solving, time `fixes` (what would fix each unmet need) on data/demo-2027.json and the chosen scales and variants",
        },
    ],
    about: "Solves seeded synthetic scenarios and prints model size, timings, objective, bound and gap.\n\
            Run it in release: cargo run --release --bin bench (or make bench).",
};

/// One solve's figures.
struct Row {
    scale: Scale,
    variant: Variant,
    engine: Engine,
    solve_ms: f64,
    plan: Plan,
}

/// What the command line asks for.
struct Choice {
    scales: Vec<Scale>,
    variants: Vec<Variant>,
    engines: Vec<Engine>,
    seed: u64,
    time_limit: f64,
    gap: f64,
    /// Time recommendations of this many sessions instead of solves.
    recommend: Option<usize>,
    /// Time what would fix each unmet need instead of solves.
    fixes: bool,
}

fn main() -> ExitCode {
    let choice = match parse(std::env::args_os().skip(1).collect()) {
        Ok(Some(choice)) => choice,
        Ok(None) => {
            return match cli::print(&format!("{}\n", BENCH.help())) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => stdout_failed(&err),
            }
        }
        Err(message) => {
            cli::say(&format!("bench: {message}\n\n{}", BENCH.help()));
            return ExitCode::from(2);
        }
    };
    let mut out = io::stdout().lock();
    match run(&choice, &mut out).and_then(|failed| out.flush().map(|()| failed)) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(err) => stdout_failed(&err),
    }
}

fn stdout_failed(err: &io::Error) -> ExitCode {
    if let Some(message) = cli::stdout_failure(err) {
        cli::say(&format!("bench: {message}"));
    }
    ExitCode::from(1)
}

/// The choice, or `None` for `--help`.
fn parse(args: Vec<std::ffi::OsString>) -> Result<Option<Choice>, String> {
    let args = match cli::parse(&BENCH, args)? {
        Parsed::Help => return Ok(None),
        Parsed::Args(args) => args,
    };
    let mut choice = Choice {
        scales: Vec::new(),
        variants: Vec::new(),
        engines: Vec::new(),
        seed: 2027,
        time_limit: 10.0,
        gap: 0.0,
        recommend: None,
        fixes: args.has("fixes"),
    };
    if let Some(value) = args.get("recommend") {
        choice.recommend = match value.parse::<usize>() {
            Ok(k) if (1..=qudra::solve::MAX_SESSIONS).contains(&k) => Some(k),
            _ => return Err(format!("--recommend needs a whole number from 1 to {}", qudra::solve::MAX_SESSIONS)),
        };
    }
    for value in args.all("scale") {
        match Scale::ALL.iter().find(|s| s.name() == value) {
            Some(scale) => choice.scales.push(*scale),
            None => return Err(format!("unknown scale \"{value}\"")),
        }
    }
    for value in args.all("variant") {
        match Variant::ALL.iter().find(|v| v.name() == value) {
            Some(variant) => choice.variants.push(*variant),
            None => return Err(format!("unknown variant \"{value}\"")),
        }
    }
    for value in args.all("solver") {
        match Engine::named(value) {
            Some(engine) => choice.engines.push(engine),
            None if value == "highs" || value == "auto" => {
                return Err(format!("this build has no HiGHS, so no {value}: build with the default features"))
            }
            None => return Err(format!("unknown solver \"{value}\"")),
        }
    }
    if let Some(value) = args.get("seed") {
        choice.seed = value.parse().map_err(|_| "--seed needs a whole number".to_string())?;
    }
    if let Some(value) = args.get("gap") {
        choice.gap = match value.parse::<f64>() {
            Ok(gap) if (0.0..1.0).contains(&gap) => gap,
            _ => return Err("--gap needs a fraction from 0 to below 1 (0.001 is 0.1 %)".into()),
        };
    }
    if let Some(value) = args.get("time-limit") {
        choice.time_limit = match value.parse::<f64>() {
            Ok(seconds) if seconds > 0.0 && seconds.is_finite() => seconds,
            _ => return Err("--time-limit needs a positive number of seconds".into()),
        };
    }
    if choice.scales.is_empty() {
        choice.scales = Scale::ALL.to_vec();
    }
    if choice.variants.is_empty() {
        choice.variants = Variant::ALL.to_vec();
    }
    if choice.engines.is_empty() {
        choice.engines = Engine::ALL.to_vec();
    }
    Ok(Some(choice))
}

/// The same choice by HiGHS over every candidate at once (`best_choice_by_highs`), and
/// `recommend`'s gain as a share of HiGHS's: SPEC §7's target is at least 98 %.
fn against_highs(
    scenario: &qudra::model::Scenario,
    k: usize,
    rec: &qudra::solve::Recommendation,
    seconds: f64,
    out: &mut impl Write,
) -> io::Result<()> {
    #[cfg(feature = "highs")]
    {
        let started = Instant::now();
        match qudra::solve::best_choice_by_highs(scenario, k, Some(seconds)) {
            Ok(highs) => writeln!(
                out,
                "{:<18} HiGHS over all candidates: {} in {:.0} ms, objective {:.3} (bound {:.3}); recommend's gain is {:.2} % of HiGHS's",
                "",
                if highs.proven { "optimal" } else { "time_limit" },
                started.elapsed().as_secs_f64() * 1e3,
                highs.objective,
                highs.bound,
                100.0 * (rec.objective - rec.base_objective) / (highs.objective - rec.base_objective).max(1e-9)
            ),
            Err(err) => writeln!(out, "{:<18} HiGHS over all candidates: {err}", ""),
        }
    }
    #[cfg(not(feature = "highs"))]
    {
        let _ = (scenario, k, rec, seconds, out);
        Ok(())
    }
}

/// Times `recommend` with `k` sessions on the demo and on each chosen synthetic scenario
/// (the search's time limit is 60 s, as `qudra recommend`'s); true when one failed.
fn run_recommend(choice: &Choice, k: usize, out: &mut impl Write) -> io::Result<bool> {
    let scenarios = demo_and_chosen(choice);
    writeln!(out, "recommend K={k}, {} worker(s)", qudra::solve::workers())?;
    writeln!(
        out,
        "{:<18} {:>10} {:>10} {:<10} {:>12} {:>12} {:>12} {:>8} {:>8} {:>9} {:>8} {:>9} {:>6}",
        "scenario",
        "candidates",
        "ms",
        "status",
        "base",
        "objective",
        "bound",
        "gain_%",
        "base_ms",
        "choose_ms",
        "order_ms",
        "prefix_ms",
        "solves"
    )?;
    let options = Options { time_limit: Some(60.0), ..Options::default() };
    let mut failed = false;
    for (name, scenario) in scenarios {
        let candidates = qudra::solve::candidates(&scenario).map_or(0, |all| all.len());
        let started = Instant::now();
        match qudra::solve::recommend(&scenario, k, &options) {
            Ok(rec) => {
                writeln!(
                out,
                "{:<18} {:>10} {:>10.0} {:<10} {:>12.3} {:>12.3} {:>12.3} {:>8.2} {:>8.0} {:>9.0} {:>8.0} {:>9.0} {:>6}",
                name,
                candidates,
                started.elapsed().as_secs_f64() * 1e3,
                rec.status.as_str(),
                rec.base_objective,
                rec.objective,
                rec.bound,
                // The gain as a share of the most the bound allows.
                100.0 * (rec.objective - rec.base_objective) / (rec.bound - rec.base_objective).max(1e-9),
                rec.timings.base_ms,
                rec.timings.choose_ms,
                rec.timings.order_ms,
                rec.timings.prefix_ms,
                rec.timings.region_solves
                )?;
                if choice.engines.iter().any(|engine| engine.name() == "highs") {
                    against_highs(&scenario, k, &rec, choice.time_limit.max(60.0), out)?;
                }
            }
            Err(err) => {
                cli::say(&format!("{name}: {err}"));
                failed = true;
            }
        }
    }
    Ok(failed)
}

/// Times `fixes` on the demo and on each chosen synthetic scenario (each solve's time limit is
/// 60 s, as the browser's worker gives it), first solving every block of every change again,
/// then taking again the blocks a change leaves as they were (what `fixes` does), with the
/// blocks each solved and took again, and whether both found the same fixes; true when one
/// failed or they differ.
fn run_fixes(choice: &Choice, out: &mut impl Write) -> io::Result<bool> {
    let scenarios = demo_and_chosen(choice);
    writeln!(out, "fixes, {} worker(s)", qudra::solve::workers())?;
    writeln!(
        out,
        "{:<18} {:<6} {:>8} {:>10} {:>8} {:>10} {:>14} {:>14} {:>5}",
        "scenario", "reuse", "unmet", "with_fix", "changes", "ms", "blocks_solved", "blocks_reused", "same"
    )?;
    let options = Options { time_limit: Some(60.0), ..Options::default() };
    let mut failed = false;
    for (name, scenario) in scenarios {
        let mut first = None;
        for reuse in [false, true] {
            let started = Instant::now();
            match qudra::solve::fixes_counted(&scenario, &options, reuse) {
                Ok((fixes, blocks)) => {
                    let ms = started.elapsed().as_secs_f64() * 1e3;
                    let same = first.as_ref().is_none_or(|first| *first == fixes);
                    failed |= !same;
                    writeln!(
                        out,
                        "{:<18} {:<6} {:>8} {:>10} {:>8} {:>10.0} {:>14} {:>14} {:>5}",
                        name,
                        if reuse { "yes" } else { "no" },
                        fixes.len(),
                        fixes.iter().filter(|f| !f.changes.is_empty()).count(),
                        fixes.iter().map(|f| f.changes.len()).sum::<usize>(),
                        ms,
                        if reuse { blocks.solved.to_string() } else { "-".into() },
                        if reuse { blocks.reused.to_string() } else { "-".into() },
                        if same { "yes" } else { "NO" }
                    )?;
                    first.get_or_insert(fixes);
                }
                Err(err) => {
                    cli::say(&format!("{name}: {err}"));
                    failed = true;
                }
            }
        }
    }
    Ok(failed)
}

/// The demo and each chosen synthetic scenario, named.
fn demo_and_chosen(choice: &Choice) -> Vec<(String, qudra::model::Scenario)> {
    if cfg!(debug_assertions) {
        cli::say("note: this is a debug build; figures are only meaningful with --release");
    }
    let demo_path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-2027.json");
    let demo = std::fs::read_to_string(demo_path)
        .map_err(|err| err.to_string())
        .and_then(|text| qudra::model::Scenario::from_json(&text).map_err(|err| err.to_string()));
    let mut scenarios = Vec::new();
    match demo {
        Ok(scenario) => scenarios.push(("demo".to_string(), scenario)),
        Err(err) => cli::say(&format!("{demo_path}: {err}")),
    }
    for &scale in &choice.scales {
        for &variant in &choice.variants {
            scenarios.push((format!("{} {}", scale.name(), variant.name()), scenario(scale, variant, choice.seed)));
        }
    }
    scenarios
}

/// Runs every chosen solve, printing as it goes; true when one of them failed.
fn run(choice: &Choice, out: &mut impl Write) -> io::Result<bool> {
    if let Some(k) = choice.recommend {
        return run_recommend(choice, k, out);
    }
    if choice.fixes {
        return run_fixes(choice, out);
    }
    let Choice { scales, variants, engines, seed, time_limit, gap, .. } = choice;
    if cfg!(debug_assertions) {
        cli::say("note: this is a debug build; figures are only meaningful with --release");
    }
    writeln!(out, "seed {seed}, time limit {time_limit} s, gap {gap}, {} worker(s)", qudra::solve::workers())?;
    writeln!(
        out,
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
    )?;
    let mut failed = false;
    let mut rows = Vec::new();
    for &scale in scales {
        for &variant in variants {
            let scenario = scenario(scale, variant, *seed);
            for &engine in engines {
                let started = Instant::now();
                let model = match Model::build(&scenario) {
                    Ok(model) => model,
                    Err(err) => {
                        cli::say(&format!("{} {}: {err}", scale.name(), variant.name()));
                        failed = true;
                        continue;
                    }
                };
                let build_ms = started.elapsed().as_secs_f64() * 1e3;
                let (variables, constraints, blocks) = (model.variables(), model.constraints(), model.blocks());
                let started = Instant::now();
                let result = model.solve(&Options { time_limit: Some(*time_limit), engine, gap: *gap });
                let solve_ms = started.elapsed().as_secs_f64() * 1e3;
                match result {
                    Ok(plan) => {
                        writeln!(
                            out,
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
                        )?;
                        rows.push(Row { scale, variant, engine, solve_ms, plan });
                    }
                    Err(err) => {
                        cli::say(&format!("{} {} {}: {err}", scale.name(), variant.name(), engine.name()));
                        failed = true;
                    }
                }
            }
        }
    }
    print_ratios(&rows, out)?;
    Ok(failed)
}

/// For each scenario solved by HiGHS alone and by another engine: that engine's time over
/// HiGHS's, and how far its objective is from HiGHS's.
fn print_ratios(rows: &[Row], out: &mut impl Write) -> io::Result<()> {
    let pairs: Vec<(&Row, &Row)> = rows
        .iter()
        .filter(|row| !row.engine.is_highs_alone())
        .filter_map(|row| {
            rows.iter()
                .find(|other| other.engine.is_highs_alone() && (other.scale, other.variant) == (row.scale, row.variant))
                .map(|reference| (row, reference))
        })
        .collect();
    if pairs.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<7} {:<10} {:<8} {:>13} {:>13} {:>15} {:>22}",
        "scale", "variant", "solver", "solver_ms", "highs_ms", "time_ratio", "objective_diff_%"
    )?;
    for (row, reference) in pairs {
        let diff = (reference.plan.objective - row.plan.objective) / reference.plan.objective.abs().max(1.0);
        writeln!(
            out,
            "{:<7} {:<10} {:<8} {:>13.1} {:>13.1} {:>15.2} {:>22.5}",
            row.scale.name(),
            row.variant.name(),
            row.engine.name(),
            row.solve_ms,
            reference.solve_ms,
            row.solve_ms / reference.solve_ms.max(1e-3),
            diff * 100.0
        )?;
    }
    Ok(())
}
