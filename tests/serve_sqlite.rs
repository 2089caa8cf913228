//! The shared workspace (SPEC §8) on SQLite: the real `qudra serve` over a temporary file.

mod common;

use common::cli::scratch;
use common::server::{Client, Server};
use common::workspace;

fn sqlite(dir: &std::path::Path) -> String {
    format!("sqlite://{}", dir.join("qudra.db").to_string_lossy())
}

#[test]
fn workspace_on_sqlite() {
    let dir = scratch("workspace");
    let db = sqlite(&dir);
    let server = workspace::start(&db);
    workspace::run(&server);
    workspace::crash_during_writes(&db, server);
}

#[test]
fn sign_in_is_throttled_on_sqlite() {
    let dir = scratch("throttle");
    let server = workspace::start(&sqlite(&dir));
    workspace::throttling(&server);
}

/// `qudra serve --demo` on a fresh machine: the demo scenario and one account per role and
/// a few focal points, printed once, that sign in.
#[test]
fn demo_prints_accounts_that_sign_in() {
    let dir = scratch("demo");
    let db = sqlite(&dir);
    let server = Server::start(&db, &["--demo"]);
    let base = server.client();
    let printed = server.stop();
    let accounts: Vec<(String, String)> = printed
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((words.next()?.to_string(), words.next()?.to_string()))
        })
        .filter(|(login, _)| {
            ["admin", "centre", "planner", "focal-qa", "focal-tn", "focal-eg"].contains(&login.as_str())
        })
        .collect();
    assert_eq!(accounts.len(), 6, "{printed}");
    let again = Server::start(&db, &["--demo"]);
    assert_eq!(again.client().base.len(), base.base.len());
    for (login, password) in &accounts {
        let client = Client::signed_in(&again, login, password);
        let scenario = client.get("/api/scenario").json();
        let states: std::collections::BTreeSet<&str> =
            scenario["needs"].as_array().into_iter().flatten().filter_map(|n| n["state"].as_str()).collect();
        match login.strip_prefix("focal-") {
            Some(code) => assert_eq!(states, [code.to_uppercase().as_str()].into_iter().collect()),
            None => assert_eq!(states.len(), 22, "{login} reads every state's needs"),
        }
    }
    // A second start keeps the data and the accounts and prints none.
    assert!(!again.stop().contains("focal-qa"));
}
