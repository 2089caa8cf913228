//! `qudra serve` and `qudra user` (SPEC §8): the shared workspace server. Native only; the
//! core (`src/model`, `src/solve`, `src/io`) never imports it, and it changes the scenario
//! only through the core's own reading and validation.
//!
//! - `db.rs`: the pool (SQLite or PostgreSQL), the migrations, the scenario as entity rows;
//! - `auth.rs`: accounts, sign-in, sessions, CSRF, throttling, the caller of a request;
//! - `api.rs`: the router, the roles table, the entities' changes, plans and the audit log;
//! - `changes.rs`: the centre's overview, what changed since the last published plan, and
//!   the sessions each state gained or lost with a publication;
//! - `calendar.rs`: each state's calendar feed of the published plans;
//! - `backup.rs`: `qudra backup` and `qudra restore`.

mod api;
mod auth;
mod backup;
mod calendar;
mod changes;
mod db;

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::cli::{Args, Flag, Kind, Spec};
use auth::Role;
use qudra::model::{validate, Scenario};
use serde_json::Value;

/// The demo scenario, built in so that `qudra serve --demo` works from any folder.
const DEMO: &str = include_str!("../../../data/demo-2027.json");
/// The states whose focal points `--demo` creates.
const DEMO_FOCAL: [&str; 3] = ["QA", "TN", "EG"];
/// Sessions end after this many idle seconds (SPEC §8: 8 hours).
const IDLE_SECONDS: i64 = 8 * 3600;

const DB_FLAG: Flag = Flag {
    long: "db",
    short: None,
    value: "URL",
    kind: Kind::Optional,
    help: "sqlite://FILE (created if absent; default sqlite://qudra.db) or postgres://USER@HOST/DB",
};

pub const SERVE: Spec = Spec {
    program: "qudra serve",
    positional: None,
    flags: &[
        DB_FLAG,
        Flag {
            long: "listen",
            short: None,
            value: "ADDR",
            kind: Kind::Optional,
            help: "address and port to serve on (default 127.0.0.1:8080; port 0 = any free port)",
        },
        Flag {
            long: "seed",
            short: None,
            value: "SCENARIO.json",
            kind: Kind::Optional,
            help: "load this scenario into an empty database",
        },
        Flag {
            long: "demo",
            short: None,
            value: "",
            kind: Kind::Switch,
            help: "load the demo scenario into an empty database and create demo accounts, printed once",
        },
        Flag {
            long: "app",
            short: None,
            value: "DIR",
            kind: Kind::Optional,
            help: "the built browser app to serve (default dist/ when it exists)",
        },
        Flag {
            long: "secure-cookies",
            short: None,
            value: "",
            kind: Kind::Switch,
            help: "mark the session cookie Secure always (it is behind a proxy saying X-Forwarded-Proto: https)",
        },
        Flag {
            long: "behind-proxy",
            short: None,
            value: "",
            kind: Kind::Switch,
            help:
                "count failed sign-ins by the last X-Forwarded-For address (only behind a reverse proxy that sets it)",
        },
    ],
    about: "Serves the app and the shared workspace's JSON API over one database: focal points enter\n\
            their state's needs, the centre keeps the catalogue, planners solve and publish.\n\
            Accounts are made with `qudra user add`. Stops on Ctrl-C or SIGTERM.",
};

pub const USER: Spec = Spec {
    program: "qudra user",
    positional: Some(("add|disable|reset", true)),
    flags: &[
        DB_FLAG,
        Flag { long: "login", short: None, value: "NAME", kind: Kind::Required, help: "the account's sign-in name" },
        Flag {
            long: "role",
            short: None,
            value: "admin|centre|planner|focal",
            kind: Kind::Optional,
            help: "its role (add)",
        },
        Flag {
            long: "state",
            short: None,
            value: "CODE",
            kind: Kind::Optional,
            help: "a focal point's state (add --role focal)",
        },
        Flag {
            long: "password-stdin",
            short: None,
            value: "",
            kind: Kind::Switch,
            help: "read the password from standard input instead of printing an invitation",
        },
    ],
    about: "add creates an account; without --password-stdin it prints a one-time invitation, which\n\
            sets the password with POST /api/invitations {\"token\", \"password\"}. disable ends the\n\
            account's sessions and refuses its sign-ins; reset replaces its password by a new\n\
            one-time invitation.",
};

pub const BACKUP: Spec = Spec {
    program: "qudra backup",
    positional: None,
    flags: &[
        DB_FLAG,
        Flag {
            long: "output",
            short: Some('o'),
            value: "FILE.json",
            kind: Kind::Required,
            help: "write the backup there (whole or not at all; readable by its owner only)",
        },
    ],
    about: "Copies the whole workspace (scenario, accounts, plans, audit log) into one JSON file, in\n\
            one consistent snapshot, while servers keep running. It holds password hashes: keep it safe.",
};

pub const RESTORE: Spec = Spec {
    program: "qudra restore",
    positional: Some(("FILE.json", true)),
    flags: &[DB_FLAG],
    about: "Loads a backup into an empty database (SQLite or PostgreSQL, whichever it came from),\n\
            all of it or nothing. Everyone signs in again afterwards.",
};

pub fn backup_command(args: &Args) -> Result<(), Failure> {
    let url = db_url(args);
    let output = args.get("output").unwrap_or_default().to_string();
    let dump = runtime()?.block_on(async {
        let (pool, backend) = db::open(&url).await.map_err(Failure::Input)?;
        backup::dump(&pool, backend).await.map_err(Failure::Input)
    })?;
    let path = std::path::Path::new(&output);
    crate::cli::write_atomic(path, format!("{dump}\n").as_bytes())
        .map_err(|err| Failure::Input(format!("{output}: cannot write: {err}; nothing was written")))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if path.is_file() {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .map_err(|err| Failure::Input(format!("{output}: cannot make it private: {err}")))?;
        }
    }
    let rows: usize =
        dump["tables"].as_object().map_or(0, |tables| tables.values().filter_map(Value::as_array).map(Vec::len).sum());
    crate::cli::say(&format!("{output}: backup of {rows} rows written"));
    Ok(())
}

pub fn restore_command(args: &Args) -> Result<(), Failure> {
    let url = db_url(args);
    let path = args.positional.as_deref().unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|err| Failure::Input(format!("{path}: cannot read: {err}")))?;
    let backup: Value =
        serde_json::from_str(&text).map_err(|err| Failure::Input(format!("{path}: not JSON: {err}")))?;
    runtime()?.block_on(async {
        let (pool, _) = db::open(&url).await.map_err(Failure::Input)?;
        backup::load(&pool, &backup).await.map_err(|err| Failure::Input(format!("{path}: {err}; nothing was restored")))
    })?;
    crate::cli::say(&format!("{path}: restored"));
    Ok(())
}

/// Why a command failed: bad input (exit 1) or a bad command line (exit 2).
pub enum Failure {
    Input(String),
    Usage(String),
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| Failure::Input(format!("cannot start: {err}")))
}

fn db_url(args: &Args) -> String {
    args.get("db").unwrap_or("sqlite://qudra.db").to_string()
}

/// Reads and validates a scenario file for `--seed`.
fn read_scenario(path: &str, text: &str) -> Result<Scenario, Failure> {
    let scenario = Scenario::from_json(text).map_err(|err| {
        let problems: Vec<String> = err.all_problems().iter().take(100).map(|p| format!("  {p}")).collect();
        Failure::Input(format!("{path}: not a valid scenario\n{}", problems.join("\n")))
    })?;
    let problems = validate(&scenario);
    if !problems.is_empty() {
        let listed: Vec<String> = problems.iter().take(100).map(|p| format!("  {p}")).collect();
        return Err(Failure::Input(format!(
            "{path}: {} found\n{}",
            crate::cli::counted(problems.len(), "problem", "problems"),
            listed.join("\n")
        )));
    }
    Ok(scenario)
}

pub fn serve_command(args: &Args) -> Result<(), Failure> {
    let url = db_url(args);
    let listen: SocketAddr = args
        .get("listen")
        .unwrap_or("127.0.0.1:8080")
        .parse()
        .map_err(|_| Failure::Usage("--listen needs an address and port, as 127.0.0.1:8080".into()))?;
    if args.has("seed") && args.has("demo") {
        return Err(Failure::Usage("give --seed or --demo, not both".into()));
    }
    let seed = match args.get("seed") {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|err| Failure::Input(format!("{path}: cannot read: {err}")))?;
            Some(read_scenario(path, &text)?)
        }
        None if args.has("demo") => Some(read_scenario("the demo scenario", DEMO)?),
        None => None,
    };
    let app_dir = match args.get("app") {
        Some(dir) if PathBuf::from(dir).join("index.html").is_file() => Some(PathBuf::from(dir)),
        Some(dir) => {
            return Err(Failure::Input(format!("--app {dir}: no index.html there (build it with make build-web)")))
        }
        None => Some(PathBuf::from("dist")).filter(|dir| dir.join("index.html").is_file()),
    };
    runtime()?.block_on(async move {
        let (pool, backend) = db::open(&url).await.map_err(Failure::Input)?;
        if let Some(scenario) = &seed {
            let seeded =
                db::seed(&pool, scenario, "qudra serve").await.map_err(|err| Failure::Input(err.to_string()))?;
            crate::cli::say(if seeded {
                "qudra serve: the database was empty; the scenario is loaded"
            } else {
                "qudra serve: the database holds a scenario already; it is kept as it is"
            });
        }
        if args.has("demo") {
            demo_accounts(&pool).await?;
        }
        let dummy = auth::new_password();
        let dummy_hash = tokio::task::spawn_blocking(move || auth::hash_password(&dummy))
            .await
            .map_err(|err| Failure::Input(err.to_string()))?
            .map_err(Failure::Input)?;
        let state = api::AppState {
            pool,
            backend,
            dummy_hash,
            idle_seconds: IDLE_SECONDS,
            secure: args.has("secure-cookies"),
            behind_proxy: args.has("behind-proxy"),
            solve_lock: Arc::new(tokio::sync::Semaphore::new(1)),
            writer: Arc::new(tokio::sync::Mutex::new(None)),
        };
        let app = api::router(state, app_dir.clone());
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|err| Failure::Input(format!("cannot listen on {listen}: {err}")))?;
        let bound = listener.local_addr().map_err(|err| Failure::Input(err.to_string()))?;
        crate::cli::say(&format!(
            "qudra serve: http://{bound}/ (database: {}{}); Ctrl-C stops",
            db::scheme_of(&url),
            if app_dir.is_some() { ", with the app" } else { ", API only: no built app in dist/" }
        ));
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|err| Failure::Input(format!("the server stopped: {err}")))
    })
}

/// Ctrl-C or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// `--demo`: one account per role and a few focal points, with random passwords printed
/// once; nothing when the database has accounts already.
async fn demo_accounts(pool: &sqlx::AnyPool) -> Result<(), Failure> {
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await
        .map_err(|err| Failure::Input(err.to_string()))?;
    if users > 0 {
        crate::cli::say("qudra serve --demo: the database has accounts already; no demo accounts were added");
        return Ok(());
    }
    let mut accounts: Vec<(String, Role, Option<&str>)> = vec![
        ("admin".into(), Role::Admin, None),
        ("centre".into(), Role::Centre, None),
        ("planner".into(), Role::Planner, None),
    ];
    for state in DEMO_FOCAL {
        accounts.push((format!("focal-{}", state.to_lowercase()), Role::Focal, Some(state)));
    }
    let mut lines = vec!["Demo accounts (shown once; write them down):".to_string()];
    for (login, role, state) in accounts {
        let password = auth::new_password();
        auth::add_user(pool, "qudra serve --demo", &login, role, state, Some(&password))
            .await
            .map_err(|err| Failure::Input(err.message))?;
        let role = match state {
            Some(state) => format!("focal point of {state}"),
            None => role.name().to_string(),
        };
        lines.push(format!("  {login:<10} {password}  {role}"));
    }
    crate::cli::print(&format!("{}\n", lines.join("\n"))).map_err(|err| Failure::Input(err.to_string()))
}

pub fn user_command(args: &Args) -> Result<(), Failure> {
    let action = args.positional.as_deref().unwrap_or_default();
    let login = args.get("login").unwrap_or_default().trim().to_string();
    if !auth::valid_login(&login) {
        return Err(Failure::Usage("--login needs a name of 1 to 64 characters without spaces".into()));
    }
    if action != "add" && args.has("password-stdin") {
        return Err(Failure::Usage("--password-stdin is for user add; reset prints a new invitation".into()));
    }
    let password = if args.has("password-stdin") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|err| Failure::Input(format!("cannot read the password from standard input: {err}")))?;
        let password = text.trim_end_matches(['\n', '\r']).to_string();
        auth::check_password(&password).map_err(Failure::Input)?;
        Some(password)
    } else {
        None
    };
    let url = db_url(args);
    match action {
        "add" => {
            let role = args.get("role").ok_or_else(|| Failure::Usage("user add needs --role".into()))?;
            let role = Role::named(role)
                .ok_or_else(|| Failure::Usage(format!("--role is admin, centre, planner or focal, got \"{role}\"")))?;
            let state = args.get("state").map(|code| code.trim().to_uppercase());
            match (role, &state) {
                (Role::Focal, None) => return Err(Failure::Usage("a focal point needs --state CODE".into())),
                (Role::Focal, Some(code)) if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) => {
                    return Err(Failure::Usage(format!("--state needs a two-letter state code, got \"{code}\"")))
                }
                (Role::Focal, _) => {}
                (_, Some(_)) => return Err(Failure::Usage("--state is for --role focal only".into())),
                _ => {}
            }
            let invite = runtime()?.block_on(async {
                let (pool, _) = db::open(&url).await.map_err(Failure::Input)?;
                if let Some(code) = &state {
                    let states: Vec<String> = sqlx::query_scalar("SELECT id FROM entities WHERE kind = 'states'")
                        .fetch_all(&pool)
                        .await
                        .map_err(|err| Failure::Input(err.to_string()))?;
                    if !states.is_empty() && !states.contains(code) {
                        return Err(Failure::Input(format!("no state \"{code}\" in the scenario of this database")));
                    }
                }
                auth::add_user(&pool, "qudra user", &login, role, state.as_deref(), password.as_deref())
                    .await
                    .map_err(|err| Failure::Input(err.message))
            })?;
            announce(&login, invite, "added")
        }
        "disable" | "reset" => {
            let invite = runtime()?.block_on(async {
                let (pool, _) = db::open(&url).await.map_err(Failure::Input)?;
                auth::change_user(&pool, "qudra user", &login, action == "reset").await.map_err(Failure::Input)
            })?;
            announce(&login, invite, if action == "reset" { "reset" } else { "disabled" })
        }
        other => Err(Failure::Usage(format!("qudra user takes add, disable or reset, got \"{other}\""))),
    }
}

fn announce(login: &str, invite: Option<String>, done: &str) -> Result<(), Failure> {
    let text = match invite {
        Some(token) => format!(
            "{login}: {done}. One-time invitation (give it to the person only):\n  {token}\n\
             In the browser: the workspace's address followed by /#invite={token} opens the page\n\
             that chooses the password. Or POST /api/invitations {{\"token\": \"…\", \"password\": \"…\"}}.\n"
        ),
        None => format!("{login}: {done}\n"),
    };
    crate::cli::print(&text).map_err(|err| Failure::Input(err.to_string()))
}
