//! The shared workspace (SPEC §8) on a real PostgreSQL: a throwaway cluster started as the
//! `postgres` user in a temporary folder on a free port (`make setup-postgres` installs
//! Debian's PostgreSQL), the same checks as on SQLite, and two servers on one database.

mod common;

use common::cli::scratch;
use common::server::{Postgres, Server};
use common::workspace::{self, create_need, sign_in};
use serde_json::json;

#[test]
fn workspace_on_postgres() {
    let cluster = Postgres::start("workspace");
    let db = cluster.url("qudra");
    let server = workspace::start(&db);
    workspace::run(&server);

    // A second process on the same database sees the first one's writes, and the reverse.
    let second = Server::start(&db, &[]);
    let first_focal = sign_in(&server, "focal-qa");
    let second_focal = sign_in(&second, "focal-qa");
    let need = create_need(&first_focal, "QA");
    let path = format!("/api/needs/{}", need["id"].as_str().unwrap_or_default());
    assert_eq!(second_focal.get(&path).json(), need);
    let mut changed = need.clone();
    changed["trainees"] = json!(11);
    assert_eq!(second_focal.send("PUT", &path, Some(changed), &[("If-Match", "\"1\"")]).status, 200);
    assert_eq!(first_focal.get(&path).json()["trainees"], 11);
    assert_eq!(
        first_focal.send("PUT", &path, Some(need.clone()), &[("If-Match", "\"1\"")]).status,
        409,
        "the other process's change is seen"
    );
    drop(second);

    // A backup of PostgreSQL restores into PostgreSQL and into SQLite.
    cluster.create_database("restored");
    let dir = scratch("postgres");
    let sqlite = format!("sqlite://{}", dir.join("restored.db").to_string_lossy());
    workspace::backup_and_restore(&server, &db, &dir, &[&cluster.url("restored"), &sqlite]);

    workspace::crash_during_writes(&db, server);

    cluster.create_database("throttle");
    let throttled = workspace::start(&cluster.url("throttle"));
    workspace::throttling(&throttled);
}
