//! The solver benchmark as WebAssembly: one scenario, built and solved exactly as
//! `src/bin/bench.rs` does with microlp, its figures returned as JSON for `run.mjs`; or
//! `recommend` timed on one scenario, as `bench --recommend` does (one thread, as in the
//! browser's worker); or `fixes` timed, as `bench --fixes` does.

use qudra::model::Scenario;
use qudra::solve::{candidates, fixes_counted, recommend, Model, Options};
use qudra::synth::{scenario, Scale, Variant};
use serde_json::json;
use wasm_bindgen::prelude::wasm_bindgen;
use web_time::Instant;

/// Generates the seeded scenario `scale`/`variant`, builds its model and solves it with
/// microlp within `time_limit` seconds (stopping once proven within the relative `gap`, 0 for
/// a proven optimum only). Returns a JSON object: states, needs, sessions,
/// variables, constraints, blocks, build_ms, solve_ms (timed around `Model::build` and
/// `Model::solve` with `performance.now()`, as the native bench times them), status,
/// objective, bound, gap; or `{"error": "..."}`.
#[wasm_bindgen]
pub fn solve_synthetic(scale: &str, variant: &str, seed: u64, time_limit: f64, gap: f64) -> String {
    let scenario = match synthetic(scale, variant, seed) {
        Ok((_, scenario)) => scenario,
        Err(message) => return error(message),
    };
    let started = Instant::now();
    let model = match Model::build(&scenario) {
        Ok(model) => model,
        Err(err) => return error(err.to_string()),
    };
    let build_ms = started.elapsed().as_secs_f64() * 1e3;
    let (variables, constraints, blocks) = (model.variables(), model.constraints(), model.blocks());
    let limit = (time_limit > 0.0).then_some(time_limit);
    let started = Instant::now();
    let result = model.solve(&Options { time_limit: limit, gap, ..Options::default() });
    let solve_ms = started.elapsed().as_secs_f64() * 1e3;
    match result {
        Ok(plan) => json!({
            "scale": scale,
            "variant": variant,
            "states": scenario.states.len(),
            "needs": scenario.needs.len(),
            "sessions": scenario.sessions.len(),
            "variables": variables,
            "constraints": constraints,
            "blocks": blocks,
            "build_ms": build_ms,
            "solve_ms": solve_ms,
            "status": plan.status.as_str(),
            "objective": plan.objective,
            "bound": plan.bound,
            "gap": plan.gap,
        })
        .to_string(),
        Err(err) => error(err.to_string()),
    }
}

/// Times `recommend` with `k` sessions on the scenario of `text` (a scenario file's JSON,
/// e.g. the demo) within `time_limit` seconds (0 for none). Returns a JSON object: name,
/// candidates, ms (the whole call to `recommend`), status, base, objective, bound and each
/// phase's milliseconds (base_ms, choose_ms, order_ms, prefix_ms) and region_solves; or
/// `{"error": "..."}`.
#[wasm_bindgen]
pub fn recommend_text(name: &str, text: &str, k: usize, time_limit: f64) -> String {
    from_text(name, text).map_or_else(error, |scenario| timed_recommend(name, &scenario, k, time_limit))
}

/// Times `recommend` as [`recommend_text`] does, on the seeded scenario `scale`/`variant`.
#[wasm_bindgen]
pub fn recommend_synthetic(scale: &str, variant: &str, seed: u64, k: usize, time_limit: f64) -> String {
    synthetic(scale, variant, seed)
        .map_or_else(error, |(name, scenario)| timed_recommend(&name, &scenario, k, time_limit))
}

fn timed_recommend(name: &str, scenario: &Scenario, k: usize, time_limit: f64) -> String {
    let count = candidates(scenario).map_or(0, |all| all.len());
    let limit = (time_limit > 0.0).then_some(time_limit);
    let started = Instant::now();
    let result = recommend(scenario, k, &Options { time_limit: limit, ..Options::default() });
    let ms = started.elapsed().as_secs_f64() * 1e3;
    match result {
        Ok(rec) => json!({
            "name": name,
            "candidates": count,
            "ms": ms,
            "status": rec.status.as_str(),
            "base": rec.base_objective,
            "objective": rec.objective,
            "bound": rec.bound,
            "proposals": rec.proposals.len(),
            "base_ms": rec.timings.base_ms,
            "choose_ms": rec.timings.choose_ms,
            "order_ms": rec.timings.order_ms,
            "prefix_ms": rec.timings.prefix_ms,
            "region_solves": rec.timings.region_solves,
        })
        .to_string(),
        Err(err) => error(format!("{name}: {err}")),
    }
}

/// Times `fixes` on the scenario of `text` (a scenario file's JSON, e.g. the demo) within
/// `time_limit` seconds per solve (0 for none), with the blocks a change leaves taken again
/// (`reuse`) or every block solved again. Returns a JSON object: name, reuse, unmet,
/// with_fix, changes, ms, blocks_solved, blocks_reused and `fixes` (each need's changes in
/// words, to compare two runs); or `{"error": "..."}`.
#[wasm_bindgen]
pub fn fixes_text(name: &str, text: &str, reuse: bool, time_limit: f64) -> String {
    from_text(name, text).map_or_else(error, |scenario| timed_fixes(name, &scenario, reuse, time_limit))
}

/// Times `fixes` as [`fixes_text`] does, on the seeded scenario `scale`/`variant`.
#[wasm_bindgen]
pub fn fixes_synthetic(scale: &str, variant: &str, seed: u64, reuse: bool, time_limit: f64) -> String {
    synthetic(scale, variant, seed)
        .map_or_else(error, |(name, scenario)| timed_fixes(&name, &scenario, reuse, time_limit))
}

fn timed_fixes(name: &str, scenario: &Scenario, reuse: bool, time_limit: f64) -> String {
    let limit = (time_limit > 0.0).then_some(time_limit);
    let started = Instant::now();
    let result = fixes_counted(scenario, &Options { time_limit: limit, ..Options::default() }, reuse);
    let ms = started.elapsed().as_secs_f64() * 1e3;
    match result {
        Ok((fixes, blocks)) => json!({
            "name": name,
            "reuse": reuse,
            "unmet": fixes.len(),
            "with_fix": fixes.iter().filter(|f| !f.changes.is_empty()).count(),
            "changes": fixes.iter().map(|f| f.changes.len()).sum::<usize>(),
            "ms": ms,
            "blocks_solved": blocks.solved,
            "blocks_reused": blocks.reused,
            "fixes": fixes
                .iter()
                .map(|f| format!("{}: {}", f.need, f.changes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; ")))
                .collect::<Vec<_>>(),
        })
        .to_string(),
        Err(err) => error(format!("{name}: {err}")),
    }
}

/// The scenario of `text`, a scenario file's JSON.
fn from_text(name: &str, text: &str) -> Result<Scenario, String> {
    Scenario::from_json(text).map_err(|err| format!("{name}: {err}"))
}

/// The seeded scenario `scale`/`variant`, named by them.
fn synthetic(scale: &str, variant: &str, seed: u64) -> Result<(String, Scenario), String> {
    let Some(scale) = Scale::ALL.iter().copied().find(|s| s.name() == scale) else {
        return Err(format!("unknown scale \"{scale}\""));
    };
    let Some(variant) = Variant::ALL.iter().copied().find(|v| v.name() == variant) else {
        return Err(format!("unknown variant \"{variant}\""));
    };
    Ok((format!("{} {}", scale.name(), variant.name()), scenario(scale, variant, seed)))
}

fn error(message: String) -> String {
    json!({ "error": message }).to_string()
}
