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
    workspace::backup_and_restore(
        &server,
        &db,
        &dir,
        &[&format!("sqlite://{}", dir.join("restored.db").to_string_lossy())],
    );
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
    // Started again with the built app: the same accounts, and the app's files under the CSP.
    let app = dir.join("app");
    std::fs::create_dir_all(&app).expect("app folder");
    std::fs::write(app.join("index.html"), "<!doctype html><title>Qudra</title>").expect("index.html");
    std::fs::write(dir.join("secret.txt"), "not served").expect("a file beside it");
    let again = Server::start(&db, &["--demo", "--app", &app.to_string_lossy()]);
    assert_ne!(again.base, base.base, "a new free port");
    let page = again.client().get("/");
    assert_eq!(page.status, 200);
    assert!(page.text.contains("<title>Qudra</title>"));
    assert!(page
        .header("content-security-policy")
        .is_some_and(|csp| csp.contains("script-src 'self' 'wasm-unsafe-eval'")));
    let outside = again.client().get("/..%2Fsecret.txt");
    assert!(outside.status >= 400 && !outside.text.contains("not served"), "{outside:?}");
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

/// Accounts: invitations from `qudra user add`, the admin's account API, disable and reset,
/// the 8-hour idle end of a session, and a need's history for its focal point.
#[test]
fn accounts_invitations_and_idle_sessions() {
    use common::cli::QUDRA;
    use common::workspace::{create_need, sign_in, PASSWORD};
    use serde_json::json;

    let dir = scratch("accounts");
    let db = sqlite(&dir);
    let server = workspace::start(&db);

    let out = std::process::Command::new(QUDRA)
        .args(["user", "add", "--db", &db, "--login", "focal-ma", "--role", "focal", "--state", "MA"])
        .output()
        .expect("user add");
    assert!(out.status.success());
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    let token = printed.lines().nth(1).map(str::trim).expect("an invitation line").to_string();
    let anonymous = server.client();
    let password = "a new long passphrase";
    let accept = json!({"token": token, "password": password});
    assert_eq!(anonymous.send("POST", "/api/invitations", Some(accept.clone()), &[]).status, 204);
    assert_eq!(anonymous.send("POST", "/api/invitations", Some(accept), &[]).status, 404, "used once");
    let ma = Client::signed_in(&server, "focal-ma", password);

    let again = std::process::Command::new(QUDRA)
        .args(["user", "add", "--db", &db, "--login", "focal-ma", "--role", "centre"])
        .output()
        .expect("user add");
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("taken"));
    let no_state = std::process::Command::new(QUDRA)
        .args(["user", "add", "--db", &db, "--login", "x", "--role", "focal"])
        .output()
        .expect("run");
    assert_eq!(no_state.status.code(), Some(2));

    // The admin's account API; nobody else may use it.
    let admin = sign_in(&server, "admin");
    let created = admin.send("POST", "/api/users", Some(json!({"login": "planner-2", "role": "planner"})), &[]);
    assert_eq!(created.status, 201, "{}", created.text);
    assert!(created.json()["invitation"].as_str().is_some_and(|token| token.len() > 20));
    assert_eq!(
        sign_in(&server, "centre").send("POST", "/api/users", Some(json!({"login": "x", "role": "admin"})), &[]).status,
        403
    );
    assert_eq!(sign_in(&server, "centre").get("/api/users").status, 403);
    let users = admin.get("/api/users");
    assert_eq!(users.status, 200);
    assert!(users.text.contains("\"focal-ma\"") && !users.text.contains("argon2") && !users.text.contains(PASSWORD));

    // Disable ends the sessions at once; reset replaces the password by an invitation.
    assert_eq!(admin.send("POST", "/api/users/focal-ma/disable", None, &[]).status, 204);
    assert_eq!(ma.get("/api/scenario").status, 401);
    assert_eq!(server.client().login("focal-ma", password).status, 401);
    let reset = admin.send("POST", "/api/users/focal-tn/reset", None, &[]).json();
    assert_eq!(server.client().login("focal-tn", PASSWORD).status, 401, "the old password is gone");
    let accept = json!({"token": reset["invitation"], "password": password});
    assert_eq!(anonymous.send("POST", "/api/invitations", Some(accept), &[]).status, 204);
    Client::signed_in(&server, "focal-tn", password);

    // A focal point reads its own need's history; another state's focal point does not.
    let qa = sign_in(&server, "focal-qa");
    let need = create_need(&qa, "QA");
    let path = format!("/api/needs/{}", need["id"].as_str().unwrap_or_default());
    assert_eq!(qa.send("DELETE", &path, None, &[("If-Match", "\"1\"")]).status, 204);
    let history = qa.get(&format!("{path}/history"));
    assert_eq!(history.status, 200, "{}", history.text);
    let history = history.json();
    let actions: Vec<&str> = history.as_array().into_iter().flatten().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions, ["create", "delete"]);
    assert_eq!(Client::signed_in(&server, "focal-tn", password).get(&format!("{path}/history")).status, 404);

    // Eight idle hours end a session: its last use is moved back nine hours.
    let centre = sign_in(&server, "centre");
    assert_eq!(centre.get("/api/scenario").status, 200);
    tokio::runtime::Runtime::new().expect("runtime").block_on(async {
        let pool = sqlx::SqlitePool::connect(&db).await.expect("open the database");
        sqlx::query("UPDATE sessions SET last_seen = last_seen - 9 * 3600")
            .execute(&pool)
            .await
            .expect("age the sessions");
    });
    assert_eq!(centre.get("/api/scenario").status, 401, "idle for more than 8 hours");
}

/// Behind a reverse proxy (`--behind-proxy`) failed sign-ins count per address the proxy
/// saw: one address locked out does not lock out the others sharing the proxy.
#[test]
fn behind_a_proxy_the_forwarded_address_is_throttled() {
    use common::workspace::{ACCOUNTS, PASSWORD};
    use serde_json::json;

    let dir = scratch("proxy");
    let db = sqlite(&dir);
    for (login, role, state) in ACCOUNTS {
        common::server::add_user(&db, login, role, state, PASSWORD);
    }
    let server = Server::start(&db, &["--behind-proxy"]);
    let login = |name: &str, password: &str, from: &str| {
        let body = json!({"login": name, "password": password}).to_string().into_bytes();
        server.client().raw("POST", "/api/login", Some(body), &[("X-Forwarded-For", from)], false).status
    };
    for attempt in 0..5 {
        assert_eq!(login(&format!("nobody-{attempt}"), "wrong-password", "198.51.100.7, 203.0.113.5"), 401);
    }
    assert_eq!(login("planner", PASSWORD, "203.0.113.5"), 429, "the address the proxy saw is locked");
    assert_eq!(login("planner", PASSWORD, "203.0.113.9"), 200, "another address is not");
    assert_eq!(login("centre", PASSWORD, "203.0.113.9, 203.0.113.5"), 429, "the last forwarded address counts");
}

/// The centre's overview names the states that have entered nothing yet, until their focal
/// point enters a need: then it shows when and by whom.
#[test]
fn overview_reminds_of_states_without_needs() {
    use common::cli::repo;
    use common::workspace::{create_need, sign_in, ACCOUNTS, PASSWORD};
    use serde_json::Value;

    let dir = scratch("overview");
    let db = sqlite(&dir);
    let text = std::fs::read_to_string(repo("data/demo-2027.json")).expect("the demo");
    let mut scenario: Value = serde_json::from_str(&text).expect("JSON");
    let km = |item: &Value| item["state"] == "KM" || item["need"].as_str().is_some_and(|id| id.starts_with("KM-"));
    for list in ["needs", "pins", "exclusions"] {
        if let Some(items) = scenario[list].as_array_mut() {
            items.retain(|item| !km(item));
        }
    }
    let seed = dir.join("without-km.json");
    std::fs::write(&seed, scenario.to_string()).expect("write the scenario");
    for (login, role, state) in ACCOUNTS.iter().copied().chain([("focal-km", "focal", Some("KM"))]) {
        common::server::add_user(&db, login, role, state, PASSWORD);
    }
    let server = Server::start(&db, &["--seed", &seed.to_string_lossy()]);
    let centre = sign_in(&server, "centre");
    let overview = centre.get("/api/overview").json();
    assert_eq!(overview["entered_nothing"], serde_json::json!(["KM"]), "{overview}");
    let row = |overview: &Value| overview["states"].as_array().and_then(|s| s.get(2)).cloned().unwrap_or_default();
    let before = row(&overview);
    assert_eq!((before["code"].as_str(), before["needs"].as_i64()), (Some("KM"), Some(0)));
    assert_eq!((before["entered_nothing"].as_bool(), before["trainees"].as_i64()), (Some(true), Some(0)));
    create_need(&sign_in(&server, "focal-km"), "KM");
    let overview = centre.get("/api/overview").json();
    assert_eq!(overview["entered_nothing"], serde_json::json!([]));
    let after = row(&overview);
    assert_eq!((after["needs"].as_i64(), after["trainees"].as_i64()), (Some(1), Some(3)));
    assert_eq!(
        (after["entered_nothing"].as_bool(), after["last_changed_by"].as_str()),
        (Some(false), Some("focal-km"))
    );
}

/// A scratch folder and, in it, an app folder holding an `index.html`.
fn app_folder(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = scratch(name);
    let app = dir.join("app");
    std::fs::create_dir_all(&app).expect("app folder");
    std::fs::write(app.join("index.html"), "<!doctype html><title>Qudra</title>").expect("index.html");
    (dir, app)
}

/// `GET` an app file with `headers`: the status, the `named` response headers ("" for one
/// not sent) and the body.
fn get_file<const N: usize>(
    base: &str,
    path: &str,
    headers: &[(&str, &str)],
    named: [&str; N],
) -> (u16, [String; N], Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut request = agent.get(format!("{base}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut answer = request.call().unwrap_or_else(|err| panic!("GET {path}: {err}"));
    let values =
        named.map(|name| answer.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string());
    let body = answer.body_mut().with_config().limit(64 * 1024 * 1024).read_to_vec().expect("body");
    (answer.status().as_u16(), values, body)
}

/// The app's files go out compressed: brotli to a browser that accepts it (its wasm is the
/// first visit's largest download), gzip to one that accepts only gzip, as they are to one
/// that accepts neither; every body decodes to the file on disk.
#[test]
fn the_app_is_sent_with_brotli_to_browsers_that_accept_it() {
    let (dir, app) = app_folder("brotli");
    // A stand-in for the app's wasm: the wasm header, then text that compresses as code does.
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend(std::fs::read("data/demo-2027.json").expect("the demo scenario"));
    std::fs::write(app.join("qudra-web-0123abcd_bg.wasm"), &wasm).expect("wasm");
    let server = Server::start(&sqlite(&dir), &["--app", &app.to_string_lossy()]);
    let get = |accept: Option<&str>| {
        let headers: Vec<(&str, &str)> = accept.map(|accept| ("Accept-Encoding", accept)).into_iter().collect();
        let (status, [encoding, kind], body) =
            get_file(&server.base, "/qudra-web-0123abcd_bg.wasm", &headers, ["content-encoding", "content-type"]);
        (status, encoding, kind, body)
    };

    let (status, encoding, kind, body) = get(Some("gzip, deflate, br"));
    assert_eq!((status, encoding.as_str(), kind.as_str()), (200, "br", "application/wasm"));
    assert!(body.len() * 4 < wasm.len(), "brotli sent {} B for {} B", body.len(), wasm.len());
    let mut decoded = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut body.as_slice(), &mut decoded).expect("a brotli stream");
    assert!(decoded == wasm, "the brotli body decodes to the file");

    let (status, encoding, _, body) = get(Some("gzip"));
    assert_eq!((status, encoding.as_str()), (200, "gzip"));
    assert!(body.len() < wasm.len() && body.starts_with(&[0x1f, 0x8b]), "a gzip stream");

    let (status, encoding, _, body) = get(None);
    assert_eq!((status, encoding.as_str()), (200, ""));
    assert!(body == wasm, "sent as it is without Accept-Encoding");
}

/// The app's files and a browser's cache: a file trunk names with its content hash is kept a
/// year unasked; one named without (the worker builds, `boot.js`, `index.html`) is asked about
/// at each use, with an ETag a repeated request names to get a 304 without the body, and a
/// new ETag once the file changes (an upgrade), so an old solver never runs with a new app.
#[test]
fn unhashed_files_are_revalidated_and_hashed_ones_kept() {
    let (dir, app) = app_folder("caching");
    std::fs::write(app.join("qudra-solver_bg.wasm"), b"\0asm\x01\0\0\0old").expect("solver");
    std::fs::write(app.join("qudra-web-77c149ac33d9065c_bg.wasm"), b"\0asm\x01\0\0\0").expect("app wasm");
    std::fs::write(app.join("first-4ec755cb4e873ae.css"), "body{}").expect("css");
    let server = Server::start(&sqlite(&dir), &["--app", &app.to_string_lossy()]);
    let get = |path: &str, headers: &[(&str, &str)]| {
        let (status, [cache, etag], body) = get_file(&server.base, path, headers, ["cache-control", "etag"]);
        (status, cache, etag, body)
    };

    for path in ["/qudra-web-77c149ac33d9065c_bg.wasm", "/first-4ec755cb4e873ae.css"] {
        let (status, cache, etag, _) = get(path, &[]);
        assert_eq!((status, cache.as_str(), etag.as_str()), (200, "public, max-age=31536000, immutable", ""), "{path}");
    }
    for path in ["/", "/index.html", "/qudra-solver_bg.wasm"] {
        let (status, cache, etag, body) = get(path, &[]);
        assert_eq!((status, cache.as_str()), (200, "no-cache"), "{path}");
        assert!(etag.starts_with("W/\"") && !body.is_empty(), "{path}: {etag:?}");
        let (status, cache, again, body) = get(path, &[("If-None-Match", &etag)]);
        assert_eq!((status, cache.as_str(), again.as_str()), (304, "no-cache", etag.as_str()), "{path}");
        assert!(body.is_empty(), "{path}: a 304 has no body");
        let (status, _, _, body) = get(path, &[("If-None-Match", "W/\"some-other\"")]);
        assert!(status == 200 && !body.is_empty(), "{path}: another ETag gets the file");
    }

    // An upgrade writes a new solver: the old ETag no longer matches, the new file comes.
    let (_, _, old, _) = get("/qudra-solver_bg.wasm", &[]);
    std::fs::write(app.join("qudra-solver_bg.wasm"), b"\0asm\x01\0\0\0the new solver").expect("new solver");
    let (status, _, new, body) = get("/qudra-solver_bg.wasm", &[("If-None-Match", &old)]);
    assert_eq!(status, 200);
    assert!(new != old && body.ends_with(b"the new solver"), "{old} then {new}");
    let (status, _, _, _) = get("/missing.js", &[]);
    assert_eq!(status, 404);
}
