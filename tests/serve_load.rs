//! The load test of the shared workspace (ignored by `cargo test`; run it on a release build,
//! it prints figures): 22 focal points and the centre write at once, 200 writes each, on
//! SQLite and on PostgreSQL. Every acknowledged write must be there exactly once, with the
//! value its writer last gave.
//!
//! `cargo build --release --bin qudra && QUDRA_BIN=target/release/qudra cargo test --test serve_load -- --ignored --nocapture`
//! (`QUDRA_LOAD_WRITES` changes the 200).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use common::cli::{repo, scratch};
use common::server::{add_user, Client, Postgres, Server};
use serde_json::{json, Value};

const STATES: [&str; 22] = [
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY",
    "TN", "AE", "YE",
];
const PASSWORD: &str = "load-test-password";

/// What one client wrote: each entity's key and last value, and every request's time.
struct Written {
    last: BTreeMap<String, i64>,
    millis: Vec<f64>,
}

fn writes() -> usize {
    std::env::var("QUDRA_LOAD_WRITES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

/// Creates an entity, then changes it, in turn: `writes` requests in all.
fn write_loop(client: &Client, kind: &str, body: impl Fn(usize) -> Value, field: &str, writes: usize) -> Written {
    let mut written = Written { last: BTreeMap::new(), millis: Vec::with_capacity(writes) };
    let mut current: Option<Value> = None;
    for step in 0..writes {
        let started = Instant::now();
        let answer = match current.take() {
            None => client.send("POST", &format!("/api/{kind}"), Some(body(step)), &[]),
            Some(entity) => {
                let mut changed = entity.clone();
                changed[field] = json!(entity[field].as_i64().unwrap_or(1) + 1);
                let path = format!("/api/{kind}/{}", entity["id"].as_str().unwrap_or_default());
                let rev = format!("\"{}\"", entity["rev"]);
                client.send("PUT", &path, Some(changed), &[("If-Match", &rev)])
            }
        };
        written.millis.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(answer.status == 201 || answer.status == 200, "{kind} write {step}: {} {}", answer.status, answer.text);
        let entity = answer.json();
        written.last.insert(entity["id"].as_str().unwrap_or_default().to_string(), entity[field].as_i64().unwrap_or(0));
        if answer.status == 201 {
            current = Some(entity);
        }
    }
    written
}

fn run_load(db: &str, name: &str) {
    add_user(db, "centre", "centre", None, PASSWORD);
    for state in STATES {
        add_user(db, &format!("focal-{state}"), "focal", Some(state), PASSWORD);
    }
    let server = Server::start(db, &["--seed", &repo("data/demo-2027.json").to_string_lossy()]);
    let writes = writes();
    let started = Instant::now();
    let mut threads = Vec::new();
    for state in STATES {
        let client = Client::signed_in(&server, &format!("focal-{state}"), PASSWORD);
        threads.push(std::thread::spawn(move || {
            let body = move |_| json!({"state": state, "skill": "forensics", "level": 1, "trainees": 1, "priority": 3});
            ("needs", write_loop(&client, "needs", body, "trainees", writes))
        }));
    }
    let centre = Client::signed_in(&server, "centre", PASSWORD);
    threads.push(std::thread::spawn(move || {
        let body = |step: usize| {
            json!({"id": format!("LOAD-{step}"), "course": "DF-100", "start": "2027-03-07", "end": "2027-03-11", "seats": 10})
        };
        ("sessions", write_loop(&centre, "sessions", body, "seats", writes))
    }));
    let results: Vec<(&str, Written)> = threads.into_iter().map(|thread| thread.join().expect("a client")).collect();
    let elapsed = started.elapsed().as_secs_f64();

    let reader = Client::signed_in(&server, "centre", PASSWORD);
    let scenario = reader.get("/api/scenario").json();
    let mut lost = 0;
    let mut duplicated = 0;
    for kind in ["needs", "sessions"] {
        let stored: Vec<&Value> = scenario[kind].as_array().into_iter().flatten().collect();
        let ids: Vec<&str> = stored.iter().filter_map(|e| e["id"].as_str()).collect();
        duplicated += ids.len() - ids.iter().collect::<BTreeSet<_>>().len();
        let field = if kind == "needs" { "trainees" } else { "seats" };
        for (_, written) in results.iter().filter(|(k, _)| *k == kind) {
            for (id, value) in &written.last {
                match stored.iter().find(|e| e["id"] == id.as_str()) {
                    Some(entity) if entity[field].as_i64() == Some(*value) => {}
                    _ => lost += 1,
                }
            }
        }
    }
    let mut millis: Vec<f64> = results.iter().flat_map(|(_, written)| written.millis.iter().copied()).collect();
    millis.sort_by(f64::total_cmp);
    let at = |q: f64| millis[((millis.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{name}: 23 clients x {writes} writes = {} in {elapsed:.1} s ({:.0} writes/s); latency p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms; lost {lost}, duplicated {duplicated}",
        millis.len(),
        millis.len() as f64 / elapsed,
        at(0.5),
        at(0.95),
        at(1.0),
    );
    assert_eq!((lost, duplicated), (0, 0), "no acknowledged write lost or written twice");
}

#[test]
#[ignore = "a load test: run it on a release build (see the file's head); it prints figures"]
fn load_on_sqlite() {
    let dir = scratch("load");
    run_load(&format!("sqlite://{}", dir.join("qudra.db").to_string_lossy()), "SQLite");
}

#[test]
#[ignore = "a load test: run it on a release build (see the file's head); it prints figures"]
fn load_on_postgres() {
    let cluster = Postgres::start("load");
    run_load(&cluster.url("qudra"), "PostgreSQL");
}
