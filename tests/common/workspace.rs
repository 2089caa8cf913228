//! The shared workspace's checks (SPEC §8), run against a real `qudra serve` on SQLite
//! (`tests/serve_sqlite.rs`) and on PostgreSQL (`tests/serve_postgres.rs`): sign-in, CSRF,
//! entities with `rev`, `If-Match`, 409, 422, 413, the roles table as a generated matrix,
//! hostile input, plans, the audit log, concurrent writers, and a crash during writes.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

use super::cli::repo;
use super::server::{add_user, head_of_get, post_huge, Answer, Client, Server};

pub const PASSWORD: &str = "correct-horse-battery";

/// The accounts every suite signs in with: one per role, and focal points of QA and TN.
pub const ACCOUNTS: [(&str, &str, Option<&str>); 5] = [
    ("admin", "admin", None),
    ("centre", "centre", None),
    ("planner", "planner", None),
    ("focal-qa", "focal", Some("QA")),
    ("focal-tn", "focal", Some("TN")),
];

/// Creates the accounts and starts a server seeded with the demo scenario.
pub fn start(db: &str) -> Server {
    for (login, role, state) in ACCOUNTS {
        add_user(db, login, role, state, PASSWORD);
    }
    let seed = repo("data/demo-2027.json");
    Server::start(db, &["--seed", &seed.to_string_lossy()])
}

pub fn sign_in(server: &Server, login: &str) -> Client {
    Client::signed_in(server, login, PASSWORD)
}

/// A number no other call of this test process returns (unique ids).
pub fn unique() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn expect(answer: &Answer, status: u16, what: &str) {
    assert_eq!(answer.status, status, "{what}: {}", answer.text);
}

fn revision(client: &Client) -> i64 {
    client.get("/api/scenario").json()["revision"].as_i64().expect("revision")
}

/// A new need of `state` (skill forensics, level 1, as the demo's DF-100-A teaches).
pub fn need_body(state: &str) -> Value {
    json!({"state": state, "skill": "forensics", "level": 1, "trainees": 3, "priority": 3})
}

/// Creates a need as `focal` and returns it (with `id` and `rev`).
pub fn create_need(focal: &Client, state: &str) -> Value {
    let answer = focal.send("POST", "/api/needs", Some(need_body(state)), &[]);
    expect(&answer, 201, "create a need");
    answer.json()
}

fn rev_header(entity: &Value) -> String {
    format!("\"{}\"", entity["rev"].as_i64().expect("rev"))
}

/// Every check of the suite on one server, one after another (they share its accounts; no
/// case fails a sign-in more than twice, below the throttle).
pub fn run(server: &Server) {
    sign_in_and_out(server);
    session_after_reload(server);
    entities_with_revisions(server);
    problems_carry_codes(server);
    roles_matrix(server);
    hostile_input(server);
    overview_of_the_states(server);
    let before = changes_before_any_publication(server);
    plans_published_per_state(server);
    changes_since_publication(server, &before);
    calendar_feeds(server);
    publish_with_a_note(server);
    accounts_listed_and_audited(server);
    audit_log(server);
    concurrent_writers(server);
    published_calendar_keeps_deleted_needs(server);
}

pub fn sign_in_and_out(server: &Server) {
    let mut stranger = server.client();
    let unknown = stranger.login("nobody-at-all", PASSWORD);
    let wrong = stranger.login("centre", "not-the-password");
    expect(&unknown, 401, "unknown login");
    assert_eq!((unknown.status, unknown.text.clone()), (wrong.status, wrong.text.clone()), "same 401 for both");
    assert!(unknown.header("set-cookie").is_none());
    expect(&server.client().get("/api/scenario"), 401, "no session");

    let mut centre = server.client();
    let answer = centre.login("centre", PASSWORD);
    expect(&answer, 200, "sign-in");
    let body = answer.json();
    assert_eq!((body["role"].as_str(), body["state"].as_str()), (Some("centre"), None));
    let cookie = answer.header("set-cookie").expect("cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"),
        "{cookie}"
    );
    assert!(answer.header("content-security-policy").is_some_and(|csp| csp.contains("default-src 'self'")));
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));

    let mut focal = server.client();
    focal.login("focal-qa", PASSWORD);
    // Behind an https proxy the cookie is Secure.
    let https = server.client().raw(
        "POST",
        "/api/login",
        Some(json!({"login": "planner", "password": PASSWORD}).to_string().into_bytes()),
        &[("X-Forwarded-Proto", "https")],
        false,
    );
    assert!(https.header("set-cookie").is_some_and(|cookie| cookie.contains("; Secure")));

    // Every change needs the CSRF header of the session.
    let body = need_body("QA").to_string().into_bytes();
    expect(&focal.raw("POST", "/api/needs", Some(body.clone()), &[], false), 403, "no CSRF header");
    expect(
        &focal.raw("POST", "/api/needs", Some(body.clone()), &[("X-CSRF-Token", "forged")], false),
        403,
        "wrong CSRF",
    );
    let mut other = focal.clone();
    other.csrf = centre.csrf.clone();
    expect(&other.send("POST", "/api/needs", Some(need_body("QA")), &[]), 403, "another session's CSRF");
    expect(&focal.send("POST", "/api/needs", Some(need_body("QA")), &[]), 201, "with CSRF");

    // Logout ends the session on the server: the old cookie no longer works.
    expect(&centre.send("POST", "/api/logout", None, &[]), 204, "logout");
    expect(&centre.get("/api/scenario"), 401, "after logout");
    expect(&server.client().get("/api/health"), 200, "health");

    // Large answers are compressed for a client that accepts gzip.
    let cookie = focal.cookie.clone().unwrap_or_default();
    let head = head_of_get(&server.addr, "/api/scenario", &[("Cookie", &cookie), ("Accept-Encoding", "gzip")]);
    assert!(head.starts_with("http/1.1 200") && head.contains("content-encoding: gzip"), "{head}");
}

/// `GET /api/session`: a reloaded app learns who is signed in from its cookie, with the
/// session's one CSRF token (the same at each reload, so an older tab keeps working); 401
/// without a live session.
/// `GET /api/scenario` carries each visible entity's rev under `revs`.
pub fn session_after_reload(server: &Server) {
    expect(&server.client().get("/api/session"), 401, "no cookie");
    let mut forged = server.client();
    forged.cookie = Some("qudra_session=forged".into());
    expect(&forged.get("/api/session"), 401, "unknown cookie");

    let focal = sign_in(server, "focal-qa");
    let answer = focal.get("/api/session");
    expect(&answer, 200, "session of a signed-in focal point");
    let body = answer.json();
    assert_eq!(
        (body["login"].as_str(), body["role"].as_str(), body["state"].as_str()),
        (Some("focal-qa"), Some("focal"), Some("QA")),
        "{body}"
    );
    let csrf = body["csrf"].as_str().expect("a csrf token").to_string();
    assert_eq!(Some(csrf.clone()), focal.csrf, "the session's one token, as at sign-in");
    let again = focal.get("/api/session").json();
    assert_eq!(again["csrf"].as_str(), Some(csrf.as_str()), "a second reload: the same token");
    // A tab that never reloaded still holds the sign-in's token: its change goes through.
    expect(&focal.send("POST", "/api/needs", Some(need_body("QA")), &[]), 201, "an older tab after two reloads");
    let mut reloaded = focal.clone();
    reloaded.csrf = Some(csrf);
    let created = reloaded.send("POST", "/api/needs", Some(need_body("QA")), &[]);
    expect(&created, 201, "the reloaded tab's token works");
    let other = sign_in(server, "focal-qa");
    assert_ne!(other.csrf, focal.csrf, "another session of the same account: another token");
    let mut forged_tab = focal.clone();
    forged_tab.csrf = Some("forged".into());
    expect(&forged_tab.send("POST", "/api/needs", Some(need_body("QA")), &[]), 403, "a wrong token");
    let need = created.json();
    let id = need["id"].as_str().expect("id");

    let scenario = reloaded.get("/api/scenario").json();
    assert_eq!(scenario["revs"][format!("needs/{id}")].as_i64(), need["rev"].as_i64(), "the new need's rev");
    let keys: Vec<&String> = scenario["revs"].as_object().expect("revs").keys().collect();
    assert!(keys.iter().any(|key| key.starts_with("sessions/")), "sessions' revs too");
    assert!(!keys.iter().any(|key| key.starts_with("needs/TN-")), "no other state's needs: {keys:?}");

    expect(&reloaded.send("POST", "/api/logout", None, &[]), 204, "logout");
    expect(&reloaded.get("/api/session"), 401, "after logout");
}

/// A 422's problems carry the core's typed `code` (its kind and figures) and, inside the row
/// sent, the `field` they concern; the server's own rules (a focal point's need id starts with
/// its state's code; a need of another state) carry theirs. Nothing is written.
pub fn problems_carry_codes(server: &Server) {
    let focal = sign_in(server, "focal-qa");
    let need = create_need(&focal, "QA");
    let path = format!("/api/needs/{}", need["id"].as_str().expect("id"));
    let mut bad = need.clone();
    bad["trainees"] = json!(0);
    bad["level"] = json!(7);
    let refused = focal.send("PUT", &path, Some(bad), &[("If-Match", &rev_header(&need))]);
    expect(&refused, 422, "trainees 0 and level 7");
    let problems = refused.json()["problems"].as_array().cloned().unwrap_or_default();
    let of = |field: &str| problems.iter().find(|p| p["field"] == json!(field)).cloned().unwrap_or_default();
    assert_eq!(of("trainees")["code"], json!({"kind": "trainees_min", "trainees": 0}), "{problems:?}");
    assert_eq!(of("level")["code"], json!({"kind": "level_range", "level": 7}), "{problems:?}");
    assert!(of("trainees")["path"].as_str().is_some_and(|p| p.starts_with("needs[") && p.ends_with("].trainees")));
    assert!(of("trainees")["message"].as_str().is_some_and(|m| m.contains("at least 1")), "the English stays");

    let mut other_prefix = need_body("QA");
    other_prefix["id"] = json!(format!("TN-mine-{}", unique()));
    let refused = focal.send("POST", "/api/needs", Some(other_prefix), &[]);
    expect(&refused, 422, "a need id of another state's code");
    let problem = refused.json()["problems"][0].clone();
    assert_eq!((problem["path"].as_str(), problem["field"].as_str()), (Some("id"), Some("id")), "{problem}");
    assert_eq!(problem["code"], json!({"kind": "need_id_prefix", "state": "QA"}));

    let refused = focal.send("POST", "/api/needs", Some(need_body("TN")), &[]);
    expect(&refused, 403, "a need of another state");
    let problem = refused.json()["problems"][0].clone();
    assert_eq!(problem["field"].as_str(), Some("state"), "{problem}");
    assert_eq!(problem["code"], json!({"kind": "other_state", "state": "QA"}));

    // A row whose id is not the one its address names.
    let id = need["id"].as_str().expect("id");
    let mut renamed = need.clone();
    renamed["id"] = json!(format!("{id}-other"));
    let refused = focal.send("PUT", &path, Some(renamed), &[("If-Match", &rev_header(&need))]);
    expect(&refused, 422, "an id other than the address's");
    let problem = refused.json()["problems"][0].clone();
    assert_eq!(problem["field"].as_str(), Some("id"), "{problem}");
    assert_eq!(problem["code"], json!({"kind": "key_differs", "address": id, "sent": format!("{id}-other")}));

    // A body that is JSON but not an object, and one that is not JSON.
    let refused = focal.send("PUT", &path, Some(json!([1, 2])), &[("If-Match", &rev_header(&need))]);
    expect(&refused, 422, "a list for a row");
    assert_eq!(refused.json()["problems"][0]["code"], json!({"kind": "not_an_object"}), "{}", refused.text);
    let refused = focal.raw("POST", "/api/needs", Some(b"{\"state\": ".to_vec()), &[], true);
    expect(&refused, 400, "not JSON");
    assert_eq!(refused.json()["problems"][0]["code"], json!({"kind": "not_json", "line": 1, "column": 10}));
    assert_eq!(focal.get(&path).json()["rev"], need["rev"], "nothing was changed by the refusals");
}

pub fn entities_with_revisions(server: &Server) {
    let focal = sign_in(server, "focal-qa");
    let before = revision(&focal);
    let need = create_need(&focal, "QA");
    let id = need["id"].as_str().expect("id").to_string();
    assert!(id.starts_with("QA-forensics-1"), "{id}");
    assert_eq!(need["rev"], 1);
    assert!(revision(&focal) > before, "the revision grows");
    let path = format!("/api/needs/{id}");
    assert_eq!(focal.get(&path).json(), need);

    let mut changed = need.clone();
    changed["trainees"] = json!(7);
    let answer = focal.send("PUT", &path, Some(changed.clone()), &[("If-Match", "\"1\"")]);
    expect(&answer, 200, "change with the current rev");
    assert_eq!((answer.json()["trainees"].as_i64(), answer.json()["rev"].as_i64()), (Some(7), Some(2)));

    changed["trainees"] = json!(9);
    let stale = focal.send("PUT", &path, Some(changed.clone()), &[("If-Match", "\"1\"")]);
    expect(&stale, 409, "stale rev");
    assert_eq!((stale.json()["trainees"].as_i64(), stale.json()["rev"].as_i64()), (Some(7), Some(2)), "current need");
    let stale = stale.json();
    assert_eq!(stale["changed_by"].as_str(), Some("focal-qa"), "who changed it last: {stale}");
    let at = stale["changed_at"].as_str().unwrap_or_default();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "when, in RFC 3339: {stale}");
    // A create sent again with its id and the same body (an offline queue's answer lost):
    // the same row, written once.
    let mut again = need.clone();
    again["trainees"] = json!(7);
    again.as_object_mut().map(|body| body.remove("rev"));
    let replayed = focal.send("POST", "/api/needs", Some(again.clone()), &[]);
    expect(&replayed, 201, "the same create again");
    assert_eq!(replayed.json()["rev"].as_i64(), Some(2), "the stored row, not a new one");
    let history = focal.get(&format!("/api/needs/{id}/history")).json();
    assert_eq!(history.as_array().map(Vec::len), Some(2), "one create, one update: {history}");
    again["trainees"] = json!(8);
    expect(&focal.send("POST", "/api/needs", Some(again), &[]), 422, "another body under a taken id");
    expect(&focal.send("PUT", &path, Some(changed.clone()), &[]), 428, "no If-Match");

    // A change that would make the scenario invalid: 422 with the core's problems.
    let mut bad = changed.clone();
    bad["trainees"] = json!(0);
    bad["skill"] = json!("forensic");
    let refused = focal.send("PUT", &path, Some(bad), &[("If-Match", "\"2\"")]);
    expect(&refused, 422, "invalid change");
    let problems = refused.json()["problems"].as_array().cloned().unwrap_or_default();
    let paths: Vec<&str> = problems.iter().filter_map(|p| p["path"].as_str()).collect();
    assert!(paths.iter().any(|p| p.ends_with(".trainees")) && paths.iter().any(|p| p.ends_with(".skill")), "{paths:?}");
    assert!(problems.iter().all(|p| p["message"].as_str().is_some_and(|m| !m.is_empty())));
    let mut unknown_field = changed.clone();
    unknown_field["trainess"] = json!(4);
    expect(&focal.send("PUT", &path, Some(unknown_field), &[("If-Match", "\"2\"")]), 422, "unknown field");
    assert_eq!(focal.get(&path).json()["rev"], 2, "nothing was changed by the refusals");

    // 413 over 1 MB.
    let cookie = focal.cookie.clone().unwrap_or_default();
    let csrf = focal.csrf.clone().unwrap_or_default();
    assert_eq!(post_huge(&server.addr, "/api/needs", &cookie, &csrf, 2 * 1024 * 1024), 413, "2 MB body");

    expect(&focal.send("DELETE", &path, None, &[("If-Match", "\"1\"")]), 409, "stale delete");
    expect(&focal.send("DELETE", &path, None, &[("If-Match", "\"2\"")]), 204, "delete");
    expect(&focal.get(&path), 404, "deleted");

    // The centre's catalogue and the planner's settings go the same way.
    let centre = sign_in(server, "centre");
    let n = unique();
    let skill = centre.send(
        "POST",
        "/api/skills",
        Some(json!({"id": format!("osint-{n}"), "name": {"en": "OSINT", "ar": "الاستخبارات مفتوحة المصدر"}})),
        &[],
    );
    expect(&skill, 201, "centre adds a skill");
    let in_use = centre.send("DELETE", "/api/skills/forensics", None, &[("If-Match", "\"1\"")]);
    expect(&in_use, 422, "a skill in use cannot go");
    let planner = sign_in(server, "planner");
    let settings = planner.get("/api/settings").json();
    let mut raised = settings.clone();
    raised["equity_bonus"] = json!(0.75);
    let answer = planner.send("PUT", "/api/settings", Some(raised), &[("If-Match", &rev_header(&settings))]);
    expect(&answer, 200, "planner changes the settings");
    assert_eq!(answer.json()["equity_bonus"], json!(0.75));
}

/// A fixture for one matrix case, made by the role allowed to make it.
struct Fixtures<'a> {
    focal_qa: &'a Client,
    centre: &'a Client,
    planner: &'a Client,
    /// A need of TN nobody changes (others' reads).
    tn_need: String,
    /// A session without a per-state cap, large enough for every pin of the matrix.
    pin_session: String,
}

impl Fixtures<'_> {
    fn entity(&self, kind: &str) -> Value {
        let n = unique();
        let (client, body) = match kind {
            "needs" => (self.focal_qa, need_body("QA")),
            "skills" => (self.centre, json!({"id": format!("mx-skill-{n}"), "name": {"en": "Matrix", "ar": "مصفوفة"}})),
            "courses" => (
                self.centre,
                json!({"id": format!("MX-C-{n}"), "title": {"en": "Matrix", "ar": "مصفوفة"}, "skill": "forensics",
                       "level": 1, "language": "ar", "mode": "online", "location": "Doha"}),
            ),
            "sessions" => (
                self.centre,
                json!({"id": format!("MX-S-{n}"), "course": "DF-100", "start": "2027-03-07", "end": "2027-03-11", "seats": 10}),
            ),
            "pins" | "exclusions" => {
                let need = create_need(self.focal_qa, "QA");
                let mut body = json!({"need": need["id"], "session": self.pin_session});
                if kind == "pins" {
                    body["seats"] = json!(1);
                }
                (self.planner, body)
            }
            other => panic!("no fixture for {other}"),
        };
        let answer = client.send("POST", &format!("/api/{kind}"), Some(body), &[]);
        expect(&answer, 201, &format!("fixture {kind}"));
        answer.json()
    }

    /// A new entity's body for a create by the role under test.
    fn new_body(&self, kind: &str, state: &str) -> Value {
        let n = unique();
        match kind {
            "needs" => need_body(state),
            "pins" | "exclusions" => {
                let need = create_need(self.focal_qa, "QA");
                let mut body = json!({"need": need["id"], "session": self.pin_session});
                if kind == "pins" {
                    body["seats"] = json!(1);
                }
                body
            }
            "skills" => json!({"id": format!("mx-new-{n}"), "name": {"en": "New", "ar": "جديد"}}),
            "courses" => json!({"id": format!("MX-N-{n}"), "title": {"en": "New", "ar": "جديد"}, "skill": "forensics",
                                "level": 1, "language": "ar", "mode": "online", "location": "Doha"}),
            _ => {
                json!({"id": format!("MX-NS-{n}"), "course": "DF-100", "start": "2027-03-07", "end": "2027-03-11", "seats": 10})
            }
        }
    }
}

fn key_of(kind: &str, entity: &Value) -> String {
    match kind {
        "pins" | "exclusions" => format!(
            "{}~{}",
            entity["need"].as_str().unwrap_or_default(),
            entity["session"].as_str().unwrap_or_default()
        ),
        _ => entity["id"].as_str().unwrap_or_default().to_string(),
    }
}

/// The SPEC §8 table as data: which role may change which kind.
fn writer(kind: &str) -> &'static str {
    match kind {
        "needs" => "focal",
        "skills" | "courses" | "sessions" => "centre",
        _ => "planner",
    }
}

/// Every role × every endpoint × own/other state against the SPEC table: 200/201/204 when
/// allowed, 403 when not, 404 when the thing is not the caller's to see; a refused change
/// changes nothing.
pub fn roles_matrix(server: &Server) {
    let clients: Vec<(&str, &str, Client)> =
        ACCOUNTS.iter().map(|(login, role, _)| (*login, *role, sign_in(server, login))).collect();
    let client = |login: &str| &clients.iter().find(|(name, _, _)| *name == login).expect("account").2;
    let tn_need = create_need(client("focal-tn"), "TN");
    let pin_session = format!("MX-PIN-{}", unique());
    let session =
        json!({"id": pin_session, "course": "DF-100", "start": "2027-03-07", "end": "2027-03-11", "seats": 900});
    expect(&client("centre").send("POST", "/api/sessions", Some(session), &[]), 201, "the pins' session");
    let fixtures = Fixtures {
        pin_session,
        focal_qa: client("focal-qa"),
        centre: client("centre"),
        planner: client("planner"),
        tn_need: tn_need["id"].as_str().unwrap_or_default().to_string(),
    };
    let mut checked = 0;
    for (login, role, caller) in &clients {
        // Reads of the catalogue: everyone.
        for path in [
            "/api/scenario",
            "/api/states/QA",
            "/api/skills/forensics",
            "/api/courses/DF-100",
            "/api/sessions/DF-100-A",
            "/api/settings",
            "/api/plans/published",
        ] {
            let answer = caller.get(path);
            let published = path.ends_with("published");
            assert!(answer.status == 200 || (published && answer.status == 404), "{login} GET {path}: {}", answer.text);
            checked += 1;
        }
        // Needs: a focal point reads its own state's only.
        let own = if *login == "focal-tn" { 404 } else { 200 };
        expect(
            &caller.get(&format!("/api/needs/{}", fixtures.tn_need)),
            if *login == "focal-qa" { 404 } else { 200 },
            &format!("{login} reads TN's need"),
        );
        let qa_need = fixtures.entity("needs");
        expect(
            &caller.get(&format!("/api/needs/{}", key_of("needs", &qa_need))),
            own,
            &format!("{login} reads QA's need"),
        );
        let scenario = caller.get("/api/scenario").json();
        let states: BTreeSet<&str> =
            scenario["needs"].as_array().into_iter().flatten().filter_map(|n| n["state"].as_str()).collect();
        match *login {
            "focal-qa" => assert_eq!(states, BTreeSet::from(["QA"])),
            "focal-tn" => assert_eq!(states, BTreeSet::from(["TN"])),
            _ => assert!(states.len() > 2, "{login} reads every state's needs"),
        }
        checked += 3;

        for kind in ["needs", "skills", "courses", "sessions", "pins", "exclusions"] {
            let allowed = writer(kind) == *role;
            // Create: for needs, of the caller's own state and of another.
            let states: &[&str] = if kind == "needs" { &["QA", "TN"] } else { &["QA"] };
            for state in states {
                let body = fixtures.new_body(kind, state);
                let answer = caller.send("POST", &format!("/api/{kind}"), Some(body), &[]);
                let expected = match (allowed, kind, *login, *state) {
                    (true, "needs", "focal-qa", "QA") | (true, "needs", "focal-tn", "TN") => 201,
                    (true, "needs", _, _) => 403,
                    (true, _, _, _) => 201,
                    (false, _, _, _) => 403,
                };
                expect(&answer, expected, &format!("{login} POST /api/{kind} ({state})"));
                checked += 1;
            }
            // Change and delete one of QA's (needs) or the catalogue's entities.
            for method in ["PUT", "DELETE"] {
                let entity = fixtures.entity(kind);
                let key = key_of(kind, &entity);
                let path = format!("/api/{kind}/{key}");
                let mut body = entity.clone();
                if let Some(object) = body.as_object_mut() {
                    object.remove("rev");
                    if kind == "needs" {
                        object.insert("trainees".into(), json!(4));
                    }
                    if kind == "pins" {
                        object.insert("seats".into(), json!(2));
                    }
                }
                // Reads: QA's needs, and the pins and exclusions on them, are hidden from TN.
                let hidden = *login == "focal-tn" && matches!(kind, "needs" | "pins" | "exclusions");
                expect(&caller.get(&path), if hidden { 404 } else { 200 }, &format!("{login} GET {path}"));
                let answer = caller.send(
                    method,
                    &path,
                    (method == "PUT").then_some(body),
                    &[("If-Match", &rev_header(&entity))],
                );
                let expected = match (allowed, kind, *login) {
                    (true, "needs", "focal-tn") => 404,
                    (true, _, _) => {
                        if method == "PUT" {
                            200
                        } else {
                            204
                        }
                    }
                    (false, _, _) => 403,
                };
                expect(&answer, expected, &format!("{login} {method} {path}"));
                if expected >= 400 {
                    let owner = match writer(kind) {
                        "focal" => fixtures.focal_qa,
                        "centre" => fixtures.centre,
                        _ => fixtures.planner,
                    };
                    assert_eq!(owner.get(&path).json(), entity, "{login} {method} {path} changed nothing");
                }
                checked += 1;
            }
        }
        // The planner's settings, solve and publish; the admin's audit log.
        let settings = caller.get("/api/settings").json();
        let answer =
            caller.send("PUT", "/api/settings", Some(settings.clone()), &[("If-Match", &rev_header(&settings))]);
        expect(&answer, if *role == "planner" { 200 } else { 403 }, &format!("{login} PUT /api/settings"));
        let answer = caller.send("POST", "/api/plans", None, &[]);
        expect(&answer, if *role == "planner" { 201 } else { 403 }, &format!("{login} POST /api/plans"));
        let plan_id = if *role == "planner" { answer.json()["id"].as_i64().unwrap_or_default() } else { 1 };
        if *role != "planner" {
            expect(
                &caller.send("POST", &format!("/api/plans/{plan_id}/publish"), None, &[]),
                403,
                &format!("{login} publish"),
            );
        }
        expect(&caller.get("/api/audit"), if *role == "admin" { 200 } else { 403 }, &format!("{login} GET /api/audit"));
        expect(&caller.get("/api/users"), if *role == "admin" { 200 } else { 403 }, &format!("{login} GET /api/users"));
        checked += 5;
    }
    assert!(checked > 150, "{checked} cases");
}

/// Hostile ids and bodies: 4xx, never 500, and no answer carries SQL or a path.
pub fn hostile_input(server: &Server) {
    let focal = sign_in(server, "focal-qa");
    let centre = sign_in(server, "centre");
    let mut answers = Vec::new();
    for id in
        ["x'%20OR%20'1'%3D'1", "1%3B%20DROP%20TABLE%20entities%3B--", "%E2%80%AEevil", "..%2F..%2Fetc%2Fpasswd", "%00"]
    {
        answers.push((format!("GET need {id}"), focal.get(&format!("/api/needs/{id}"))));
        answers.push((
            format!("PUT need {id}"),
            focal.send("PUT", &format!("/api/needs/{id}"), Some(need_body("QA")), &[("If-Match", "\"1\"")]),
        ));
        answers.push((
            format!("DELETE course {id}"),
            centre.send("DELETE", &format!("/api/courses/{id}"), None, &[("If-Match", "\"1\"")]),
        ));
    }
    let mut bodies = vec![
        (
            "SQL id",
            json!({"id": "x'; DROP TABLE entities;--", "state": "QA", "skill": "forensics", "level": 1, "trainees": 1, "priority": 1}),
        ),
        (
            "bidi note",
            json!({"state": "QA", "skill": "forensics", "level": 1, "trainees": 1, "priority": 1, "note": "pay \u{202E}evil"}),
        ),
        (
            "huge trainees",
            json!({"state": "QA", "skill": "forensics", "level": 1, "trainees": 9_007_199_254_740_993_i64, "priority": 1}),
        ),
        (
            "float trainees",
            json!({"state": "QA", "skill": "forensics", "level": 1, "trainees": 1.0e300, "priority": 1}),
        ),
        (
            "negative level",
            json!({"state": "QA", "skill": "forensics", "level": -9_223_372_036_854_775_807_i64, "trainees": 1, "priority": 1}),
        ),
        ("a list", json!([1, 2, 3])),
        ("a string", json!("SELECT * FROM users")),
    ];
    bodies.push((
        "deep",
        serde_json::from_str(&format!("{}{}", "[".repeat(100), "]".repeat(100))).unwrap_or(Value::Null),
    ));
    for (what, body) in bodies {
        answers.push((what.to_string(), focal.send("POST", "/api/needs", Some(body), &[])));
    }
    for (what, raw) in [
        ("not JSON", b"{\"state\": ".to_vec()),
        ("huge number text", format!("{{\"trainees\": 1{}}}", "0".repeat(5000)).into_bytes()),
        ("not UTF-8", vec![0xff, 0xfe, b'{', b'}']),
        ("deep nesting", "[".repeat(100_000).into_bytes()),
    ] {
        answers.push((what.to_string(), focal.raw("POST", "/api/needs", Some(raw), &[], true)));
    }
    answers.push((
        "bidi login".into(),
        server.client().send("POST", "/api/login", Some(json!({"login": "\u{202E}admin", "password": 5})), &[]),
    ));
    answers.push(("unknown kind".into(), focal.send("POST", "/api/users';--", Some(need_body("QA")), &[])));
    for (what, answer) in &answers {
        assert!((400..500).contains(&answer.status), "{what}: {} {}", answer.status, answer.text);
        let lower = answer.text.to_lowercase();
        for leak in [
            "select ",
            "insert ",
            "drop table",
            "sqlx",
            "sqlite",
            "postgres",
            "/tmp",
            "/work",
            "src/",
            ".rs:",
            "panicked",
        ] {
            if what.contains("SQL") && leak == "drop table" {
                continue;
            }
            assert!(
                !lower.contains(leak) || (what == "a string" && leak == "select "),
                "{what}: answer names {leak:?}: {}",
                answer.text
            );
        }
    }
    // Another state's need id, taken or free, gets the same refusal: no existence leak.
    let with_id = |id: &str| {
        let mut body = need_body("QA");
        body["id"] = json!(id);
        focal.send("POST", "/api/needs", Some(body), &[])
    };
    let taken = with_id("TN-forensics-1");
    let free = with_id("TN-no-such-need");
    assert_eq!((taken.status, taken.text.clone()), (free.status, free.text.clone()));
    assert_eq!(taken.status, 422);
    expect(&with_id(&format!("QA-own-{}", unique())), 201, "an id of its own state");
    let needs = focal.get("/api/scenario").json()["needs"].as_array().cloned().unwrap_or_default();
    assert!(needs.iter().all(|need| !need["id"].as_str().unwrap_or_default().contains('\'')));
}

/// The planner solves and publishes; each focal point reads its own state's part only.
pub fn plans_published_per_state(server: &Server) {
    let planner = sign_in(server, "planner");
    let solved = planner.send("POST", "/api/plans", None, &[]);
    expect(&solved, 201, "solve");
    let plan = solved.json();
    assert_eq!(plan["format"], "qudra-plan");
    assert_eq!(plan["revision"].as_i64(), Some(revision(&planner)), "solved from the current revision");
    let id = plan["id"].as_i64().expect("plan id");
    expect(&planner.send("POST", &format!("/api/plans/{id}/publish"), None, &[]), 200, "publish");
    expect(&planner.send("POST", &format!("/api/plans/{id}/publish"), None, &[]), 409, "published plans are immutable");
    expect(&planner.send("POST", "/api/plans/999999/publish", None, &[]), 404, "no such plan");
    let all = sign_in(server, "centre").get("/api/plans/published").json();
    assert_eq!(all["id"].as_i64(), Some(id));
    let scenario = planner.get("/api/scenario").json();
    let state_of = |need: &str| {
        scenario["needs"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|n| n["id"] == need)
            .and_then(|n| n["state"].as_str())
            .map(str::to_string)
    };
    for (login, state) in [("focal-qa", "QA"), ("focal-tn", "TN")] {
        let own = sign_in(server, login).get("/api/plans/published").json();
        let allocations = own["allocations"].as_array().cloned().unwrap_or_default();
        let unmet = own["unmet"].as_array().cloned().unwrap_or_default();
        assert!(!allocations.is_empty() || !unmet.is_empty(), "{login} sees its part");
        for row in allocations.iter().chain(&unmet) {
            assert_eq!(state_of(row["need"].as_str().unwrap_or_default()).as_deref(), Some(state), "{login}: {row}");
        }
        let everyone = all["allocations"].as_array().map_or(0, Vec::len);
        assert!(allocations.len() < everyone, "{login} does not see every state's allocations");
    }
}

/// A need deleted after publishing: the published plan a focal point reads still holds its
/// allocations, with the scenario it was solved from (`solved_from`: that state's needs only,
/// the deleted one among them), so its calendar shows what was published; the feed keeps it.
pub fn published_calendar_keeps_deleted_needs(server: &Server) {
    let planner = sign_in(server, "planner");
    let solved = planner.send("POST", "/api/plans", None, &[]);
    expect(&solved, 201, "solve");
    let id = solved.json()["id"].as_i64().expect("plan id");
    expect(&planner.send("POST", &format!("/api/plans/{id}/publish"), None, &[]), 200, "publish");
    let focal = sign_in(server, "focal-qa");
    let scenario = focal.get("/api/scenario").json();
    let named =
        |list: &str, need: &Value| scenario[list].as_array().into_iter().flatten().any(|row| row["need"] == *need);
    let before = focal.get("/api/plans/published").json();
    let allocation = before["allocations"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| !named("pins", &a["need"]) && !named("exclusions", &a["need"]))
        .cloned()
        .expect("QA has seats without a pin or exclusion");
    let need = allocation["need"].as_str().expect("need id").to_string();
    let path = format!("/api/needs/{need}");
    let current = focal.get(&path).json();
    expect(&focal.send("DELETE", &path, None, &[("If-Match", &rev_header(&current))]), 204, "delete the need");
    expect(&focal.get(&path), 404, "deleted");

    let after = focal.get("/api/plans/published").json();
    assert_eq!(after["id"].as_i64(), Some(id));
    assert!(after["allocations"].as_array().is_some_and(|list| list.contains(&allocation)), "{allocation}");
    let needs = after["solved_from"]["needs"].as_array().cloned().unwrap_or_default();
    assert!(needs.iter().any(|n| n["id"] == json!(need) && n["state"] == "QA"), "the deleted need: {needs:?}");
    assert!(needs.iter().all(|n| n["state"] == "QA"), "a focal point sees its state's needs only");
    assert!(after["solved_from"]["sessions"].as_array().is_some_and(|list| !list.is_empty()));
    let everyone = sign_in(server, "centre").get("/api/plans/published").json();
    let all = everyone["solved_from"]["needs"].as_array().map_or(0, Vec::len);
    assert!(all > needs.len(), "the centre sees every state's needs ({all})");

    let url = focal.send("POST", "/api/states/QA/calendar-token", None, &[]).json()["url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let feed = server.client().get(&url);
    expect(&feed, 200, "the feed");
    let session = allocation["session"].as_str().unwrap_or_default();
    let unfolded = feed.text.replace("\r\n ", "");
    assert!(unfolded.contains(&format!("UID:{session}.QA.")), "the feed keeps {session}");
}

/// A state's calendar feed: made by its focal point or an admin, replaced by a new one, and
/// an event that a newer published plan drops stays with STATUS:CANCELLED and a higher
/// SEQUENCE.
pub fn calendar_feeds(server: &Server) {
    for (login, expected) in [("focal-qa", 200), ("focal-tn", 403), ("centre", 403), ("planner", 403), ("admin", 200)] {
        let answer = sign_in(server, login).send("POST", "/api/states/QA/calendar-token", None, &[]);
        expect(&answer, expected, &format!("{login} makes QA's calendar token"));
    }
    expect(&sign_in(server, "admin").send("POST", "/api/states/XX/calendar-token", None, &[]), 404, "no such state");
    let focal = sign_in(server, "focal-qa");
    let old = focal.send("POST", "/api/states/QA/calendar-token", None, &[]).json()["url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let url = focal.send("POST", "/api/states/QA/calendar-token", None, &[]).json()["url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(url.starts_with("/calendar/") && url.ends_with(".ics"), "{url}");
    let anonymous = server.client();
    expect(&anonymous.get(&old), 404, "a replaced token");
    expect(&anonymous.get("/calendar/not-a-token.ics"), 404, "an unknown token");
    let first = anonymous.get(&url);
    expect(&first, 200, "the feed");
    assert!(first.header("content-type").is_some_and(|t| t.starts_with("text/calendar")));
    let uids: Vec<&str> = first.text.lines().filter_map(|line| line.strip_prefix("UID:")).collect();
    assert!(!uids.is_empty() && uids.iter().all(|uid| uid.contains(".QA.")), "QA's events only: {uids:?}");
    assert!(first.text.contains("SEQUENCE:0") && !first.text.contains("STATUS:CANCELLED"));

    // The planner excludes QA from one of its sessions (pairs without pins), solves, publishes.
    let planner = sign_in(server, "planner");
    let published = focal.get("/api/plans/published").json();
    let scenario = planner.get("/api/scenario").json();
    let pinned = |need: &Value, session: &Value| {
        scenario["pins"].as_array().into_iter().flatten().any(|pin| pin["need"] == *need && pin["session"] == *session)
    };
    let allocations = published["allocations"].as_array().cloned().unwrap_or_default();
    let session = allocations
        .iter()
        .map(|a| a["session"].clone())
        .find(|session| allocations.iter().filter(|a| a["session"] == *session).all(|a| !pinned(&a["need"], session)))
        .expect("a session of QA without pins");
    for allocation in allocations.iter().filter(|a| a["session"] == session) {
        let exclusion = json!({"need": allocation["need"], "session": session});
        expect(&planner.send("POST", "/api/exclusions", Some(exclusion), &[]), 201, "exclude");
    }
    let plan = planner.send("POST", "/api/plans", None, &[]).json();
    let id = plan["id"].as_i64().unwrap_or_default();
    expect(&planner.send("POST", &format!("/api/plans/{id}/publish"), None, &[]), 200, "publish again");
    let second = anonymous.get(&url).text;
    let session = session.as_str().unwrap_or_default();
    let event = second
        .split("BEGIN:VEVENT")
        .find(|event| event.contains(&format!("UID:{session}.QA.")))
        .unwrap_or_else(|| panic!("the dropped event of {session} stays in the feed: {second}"));
    assert!(event.contains("STATUS:CANCELLED") && event.contains("SEQUENCE:1"), "{event}");
}

/// Every change is in the audit log with its login, action, entity, before and after.
pub fn audit_log(server: &Server) {
    let focal = sign_in(server, "focal-qa");
    let need = create_need(&focal, "QA");
    let id = need["id"].as_str().unwrap_or_default();
    let mut changed = need.clone();
    changed["priority"] = json!(5);
    expect(&focal.send("PUT", &format!("/api/needs/{id}"), Some(changed), &[("If-Match", "\"1\"")]), 200, "change");
    let log = sign_in(server, "admin").get("/api/audit").json();
    let entries: Vec<&Value> =
        log.as_array().into_iter().flatten().filter(|entry| entry["entity"] == format!("needs/{id}")).collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!((entries[0]["action"].as_str(), entries[0]["login"].as_str()), (Some("create"), Some("focal-qa")));
    assert!(entries[0]["before"].is_null() && entries[0]["after"]["trainees"] == 3);
    assert_eq!(entries[1]["action"], "update");
    assert_eq!(
        (entries[1]["before"]["priority"].as_i64(), entries[1]["after"]["priority"].as_i64()),
        (Some(3), Some(5))
    );
    assert!(entries[1]["time"].as_str().is_some_and(|time| time.len() >= 20));
    let actions: BTreeSet<&str> = log.as_array().into_iter().flatten().filter_map(|e| e["action"].as_str()).collect();
    assert!(
        actions.is_superset(&BTreeSet::from(["seed", "create", "update", "delete", "solve", "publish"])),
        "{actions:?}"
    );
}

/// Two focal points write at once: every acknowledged write is there once, and of two
/// changes from the same `rev` exactly one wins.
pub fn concurrent_writers(server: &Server) {
    let before = sign_in(server, "centre").get("/api/scenario").json()["needs"].as_array().map_or(0, Vec::len);
    let threads: Vec<_> = [("focal-qa", "QA"), ("focal-tn", "TN"), ("focal-qa", "QA"), ("focal-tn", "TN")]
        .into_iter()
        .map(|(login, state)| {
            let client = sign_in(server, login);
            std::thread::spawn(move || {
                (0..8)
                    .map(|_| create_need(&client, state)["id"].as_str().unwrap_or_default().to_string())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: Vec<String> = threads.into_iter().flat_map(|thread| thread.join().expect("writer")).collect();
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 32, "32 distinct needs");
    let after = sign_in(server, "centre").get("/api/scenario").json()["needs"].as_array().map_or(0, Vec::len);
    assert_eq!(after, before + 32);

    let need = create_need(&sign_in(server, "focal-qa"), "QA");
    let id = need["id"].as_str().unwrap_or_default().to_string();
    let racers: Vec<_> = [5, 6]
        .into_iter()
        .map(|trainees| {
            let client = sign_in(server, "focal-qa");
            let mut body = need.clone();
            body["trainees"] = json!(trainees);
            let path = format!("/api/needs/{id}");
            std::thread::spawn(move || client.send("PUT", &path, Some(body), &[("If-Match", "\"1\"")]).status)
        })
        .collect();
    let mut statuses: Vec<u16> = racers.into_iter().map(|racer| racer.join().expect("racer")).collect();
    statuses.sort();
    assert_eq!(statuses, vec![200, 409], "one change wins, the other is told");
}

/// `kill -9` while a focal point writes: after a restart every acknowledged need is there.
pub fn crash_during_writes(db: &str, server: Server) {
    let focal = sign_in(&server, "focal-qa");
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let counted = count.clone();
    let writer = std::thread::spawn(move || {
        let mut acknowledged = Vec::new();
        loop {
            let body = need_body("QA").to_string().into_bytes();
            match focal.try_raw("POST", "/api/needs", Some(body), &[], true) {
                Ok(answer) if answer.status == 201 => {
                    acknowledged.push(answer.json()["id"].as_str().unwrap_or_default().to_string());
                    counted.fetch_add(1, Ordering::SeqCst);
                }
                _ => break,
            }
        }
        acknowledged
    });
    // Killed in the middle of the writes: once some are acknowledged, while more are sent.
    while count.load(Ordering::SeqCst) < 5 && !writer.is_finished() {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    server.kill();
    let acknowledged = writer.join().expect("writer");
    assert!(acknowledged.len() >= 5, "writes were acknowledged before the kill");
    let restarted = Server::start(db, &[]);
    let scenario = sign_in(&restarted, "focal-qa").get("/api/scenario").json();
    let stored: BTreeSet<&str> =
        scenario["needs"].as_array().into_iter().flatten().filter_map(|n| n["id"].as_str()).collect();
    for id in &acknowledged {
        assert!(stored.contains(id.as_str()), "acknowledged need {id} is there after kill -9");
    }
}

/// Five failed sign-ins for one login, or from one address: 429 with Retry-After, even with
/// the right password (a server of its own: the address stays locked).
pub fn throttling(server: &Server) {
    let mut client = server.client();
    for _ in 0..5 {
        expect(&client.login("centre", "wrong-password-here"), 401, "a failure");
    }
    let locked = client.login("centre", PASSWORD);
    expect(&locked, 429, "sixth try, right password");
    assert!(locked.header("retry-after").and_then(|s| s.parse::<u64>().ok()).is_some_and(|s| s > 0 && s <= 900));
    // The address is locked too: another login from it is refused.
    let other = server.client().login("planner", PASSWORD);
    expect(&other, 429, "same address, other login");
}

/// `qudra backup` while the server runs, then `qudra restore` into each empty database of
/// `targets`: a server there holds the same scenario, accounts, audit log and published plan.
/// A second restore into the same database is refused.
pub fn backup_and_restore(server: &Server, db: &str, dir: &std::path::Path, targets: &[&str]) {
    use super::cli::QUDRA;
    let focal = sign_in(server, "focal-qa");
    create_need(&focal, "QA");
    let file = dir.join("backup.json").to_string_lossy().into_owned();
    let out = std::process::Command::new(QUDRA).args(["backup", "--db", db, "-o", &file]).output().expect("backup");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("backup file").permissions().mode();
        assert_eq!(mode & 0o077, 0, "the backup is its owner's only");
    }
    let admin = sign_in(server, "admin");
    let scenario = admin.get("/api/scenario").json();
    let audit = admin.get("/api/audit").json();
    let published = admin.get("/api/plans/published").text;
    for target in targets {
        let out = std::process::Command::new(QUDRA).args(["restore", "--db", target, &file]).output().expect("restore");
        assert!(out.status.success(), "restore into {target}: {}", String::from_utf8_lossy(&out.stderr));
        let again =
            std::process::Command::new(QUDRA).args(["restore", "--db", target, &file]).output().expect("restore");
        assert_eq!(again.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
        let restored = Server::start(target, &[]);
        let admin = sign_in(&restored, "admin");
        assert_eq!(admin.get("/api/scenario").json(), scenario, "the same scenario and revision");
        assert_eq!(admin.get("/api/audit").json(), audit, "the same audit log");
        assert_eq!(admin.get("/api/plans/published").text, published);
        let focal = sign_in(&restored, "focal-qa");
        create_need(&focal, "QA");
    }
}

/// `GET /api/overview` (centre, planner, admin; a focal point gets 403): all 22 states in the
/// scenario's order with their needs, trainees, and who changed their needs last.
pub fn overview_of_the_states(server: &Server) {
    let focal = sign_in(server, "focal-qa");
    let need = create_need(&focal, "QA");
    expect(&focal.get("/api/overview"), 403, "a focal point reads no overview");
    let scenario = sign_in(server, "centre").get("/api/scenario").json();
    let codes: Vec<&str> =
        scenario["states"].as_array().into_iter().flatten().filter_map(|s| s["code"].as_str()).collect();
    assert_eq!(codes.len(), 22);
    let needs = scenario["needs"].as_array().cloned().unwrap_or_default();
    for login in ["centre", "planner", "admin"] {
        let answer = sign_in(server, login).get("/api/overview");
        expect(&answer, 200, &format!("{login} reads the overview"));
        let overview = answer.json();
        let states = overview["states"].as_array().cloned().unwrap_or_default();
        let listed: Vec<&str> = states.iter().filter_map(|s| s["code"].as_str()).collect();
        assert_eq!(listed, codes, "every state in the scenario's order");
        for state in &states {
            let code = state["code"].as_str().unwrap_or_default();
            let own: Vec<&Value> = needs.iter().filter(|n| n["state"] == code).collect();
            assert_eq!(state["needs"].as_u64(), Some(own.len() as u64), "{code}'s needs");
            let trainees: i64 = own.iter().filter_map(|n| n["trainees"].as_i64()).sum();
            assert_eq!(state["trainees"].as_i64(), Some(trainees), "{code}'s trainees");
            assert_eq!(state["entered_nothing"], own.is_empty(), "{code}");
        }
        let qa = states.iter().find(|s| s["code"] == "QA").expect("QA");
        assert_eq!(qa["last_changed_by"], "focal-qa", "{qa}");
        assert!(qa["last_changed"].as_str().is_some_and(|t| t.len() >= 20), "{qa}");
        // The seed entered the demo's needs: a state nobody has touched shows no change.
        let km = states.iter().find(|s| s["code"] == "KM").expect("KM");
        assert!(km["last_changed"].is_null() && km["last_changed_by"].is_null(), "{km}");
        assert_eq!(overview["entered_nothing"], json!([]), "every demo state has needs");
    }
    let id = need["id"].as_str().unwrap_or_default();
    expect(&focal.send("DELETE", &format!("/api/needs/{id}"), None, &[("If-Match", "\"1\"")]), 204, "delete");
}

/// Before any plan is published, `GET /api/changes` counts everything as added and says so.
/// Returns a QA need and a session that `changes_since_publication` changes after the first
/// publication.
pub fn changes_before_any_publication(server: &Server) -> (Value, Value) {
    let focal = sign_in(server, "focal-qa");
    let need = create_need(&focal, "QA");
    let centre = sign_in(server, "centre");
    let session = json!({"id": format!("CH-S-{}", unique()), "course": "DF-100", "start": "2027-03-07",
                         "end": "2027-03-11", "seats": 12});
    let session = centre.send("POST", "/api/sessions", Some(session), &[]);
    expect(&session, 201, "a session to change later");
    for (login, status) in [("focal-qa", 403), ("centre", 403), ("planner", 200), ("admin", 200)] {
        expect(&sign_in(server, login).get("/api/changes"), status, &format!("{login} GET /api/changes"));
    }
    let changes = sign_in(server, "planner").get("/api/changes").json();
    let scenario = centre.get("/api/scenario").json();
    let count = |key: &str| scenario[key].as_array().map_or(0, Vec::len);
    assert!(changes["since"].is_null(), "{}", changes["since"]);
    assert!(changes["message"].as_str().is_some_and(|m| m.contains("no plan has been published")));
    assert_eq!(changes["needs"]["added"].as_u64(), Some(count("needs") as u64));
    assert_eq!((changes["needs"]["removed"].as_u64(), changes["needs"]["changed"].as_u64()), (Some(0), Some(0)));
    assert_eq!(changes["sessions"]["added"].as_array().map_or(0, Vec::len), count("sessions"));
    let states = changes["needs"]["states"].as_array().cloned().unwrap_or_default();
    assert_eq!(states.len(), 22, "each state's needs, added");
    let qa = states.iter().find(|s| s["state"] == "QA").expect("QA");
    assert!(qa["added"].as_array().into_iter().flatten().any(|n| n["id"] == need["id"]));
    (need, session.json())
}

/// After a publication, `GET /api/changes` lists by state the needs added, removed and
/// changed (with the fields, e.g. trainees 3 → 6), and the sessions' seats changed.
pub fn changes_since_publication(server: &Server, (removed, session): &(Value, Value)) {
    let planner = sign_in(server, "planner");
    let published = planner.get("/api/plans/published").json();
    let unchanged = planner.get("/api/changes").json();
    assert_eq!(unchanged["since"]["plan"], published["id"]);
    assert!(unchanged["message"].is_null());
    assert_eq!(unchanged["needs"]["states"], json!([]), "nothing changed since: {}", unchanged["needs"]);

    let focal = sign_in(server, "focal-qa");
    let added = create_need(&focal, "QA");
    let changed = create_need(&sign_in(server, "focal-tn"), "TN");
    let removed_id = removed["id"].as_str().unwrap_or_default();
    expect(&focal.send("DELETE", &format!("/api/needs/{removed_id}"), None, &[("If-Match", "\"1\"")]), 204, "delete");
    let centre = sign_in(server, "centre");
    let mut more = session.clone();
    more["seats"] = json!(20);
    let path = format!("/api/sessions/{}", session["id"].as_str().unwrap_or_default());
    expect(&centre.send("PUT", &path, Some(more), &[("If-Match", &rev_header(session))]), 200, "more seats");
    // TN's new need, published in no plan, is an addition; so is QA's.
    let mut after = changed.clone();
    after["trainees"] = json!(6);
    let tn_path = format!("/api/needs/{}", changed["id"].as_str().unwrap_or_default());
    expect(&sign_in(server, "focal-tn").send("PUT", &tn_path, Some(after), &[("If-Match", "\"1\"")]), 200, "6");

    // A need of the published scenario changed: TN's first need, trainees + 2.
    let scenario = planner.get("/api/scenario").json();
    let tn_first = scenario["needs"].as_array().into_iter().flatten().find(|n| n["state"] == "TN").cloned();
    let tn_id = tn_first.expect("a TN need")["id"].as_str().unwrap_or_default().to_string();
    let tn_first = planner.get(&format!("/api/needs/{tn_id}")).json();
    let was = tn_first["trainees"].as_i64().unwrap_or_default();
    let mut raised = tn_first.clone();
    raised["trainees"] = json!(was + 2);
    let first_path = format!("/api/needs/{}", tn_first["id"].as_str().unwrap_or_default());
    let answer =
        sign_in(server, "focal-tn").send("PUT", &first_path, Some(raised), &[("If-Match", &rev_header(&tn_first))]);
    expect(&answer, 200, "raise a published need");

    let changes = planner.get("/api/changes").json();
    assert_eq!((changes["needs"]["added"].as_u64(), changes["needs"]["removed"].as_u64()), (Some(2), Some(1)));
    assert_eq!(changes["needs"]["changed"].as_u64(), Some(1), "{}", changes["needs"]);
    let states = changes["needs"]["states"].as_array().cloned().unwrap_or_default();
    let listed: Vec<&str> = states.iter().filter_map(|s| s["state"].as_str()).collect();
    let order: Vec<String> = scenario["states"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["code"].as_str())
        .filter(|code| ["QA", "TN"].contains(code))
        .map(str::to_string)
        .collect();
    assert_eq!(listed, order, "the states with changes, in the scenario's order");
    let of = |state: &str| states.iter().find(|s| s["state"] == state).cloned().unwrap_or_default();
    let ids = |list: &Value| -> Vec<String> {
        list.as_array().into_iter().flatten().filter_map(|n| n["id"].as_str()).map(str::to_string).collect()
    };
    assert_eq!(ids(&of("QA")["added"]), [added["id"].as_str().unwrap_or_default()]);
    assert_eq!(ids(&of("QA")["removed"]), [removed_id]);
    assert_eq!(ids(&of("TN")["added"]), [changed["id"].as_str().unwrap_or_default()]);
    assert_eq!(
        of("TN")["changed"],
        json!([{"id": tn_first["id"], "state": "TN", "fields": [{"field": "trainees", "before": was, "after": was + 2}]}])
    );
    assert_eq!(
        changes["sessions"]["changed"],
        json!([{"id": session["id"], "fields": [{"field": "seats", "before": 12, "after": 20}]}])
    );
    assert_eq!(changes["sessions"]["added"], json!([]));
    assert_eq!(changes["sessions"]["removed"], json!([]));
}

/// Publishing with a note: the note is checked (at most 2,000 characters, no control
/// characters or bidirectional overrides; 422 naming `note`, nothing published), and
/// `GET /api/plans/published` gives the note, when and by whom, and per state the sessions
/// gained and lost against the plan published before: a focal point only its own state's.
pub fn publish_with_a_note(server: &Server) {
    let planner = sign_in(server, "planner");
    let focal = sign_in(server, "focal-qa");
    // The plan `calendar_feeds` published excluded QA from a session: QA lost it.
    let last = focal.get("/api/plans/published").json();
    assert!(last["previous"].as_i64().is_some() && last["note"].is_null(), "{}", last["note"]);
    assert_eq!(last["published_by"], "planner");
    assert!(last["published_at"].as_str().is_some_and(|t| t.len() >= 20));
    let scenario = planner.get("/api/scenario").json();
    let excluded: BTreeSet<&str> =
        scenario["exclusions"].as_array().into_iter().flatten().filter_map(|e| e["session"].as_str()).collect();
    let changes = last["changes"].as_array().cloned().unwrap_or_default();
    assert_eq!(changes.len(), 1, "QA's part only: {changes:?}");
    assert_eq!(changes[0]["state"], "QA");
    let lost = changes[0]["lost"].as_array().cloned().unwrap_or_default();
    assert!(
        lost.iter().any(|row| row["after"] == 0
            && row["before"].as_i64().is_some_and(|n| n > 0)
            && excluded.contains(row["session"].as_str().unwrap_or_default())),
        "the excluded session is lost: {lost:?}"
    );

    // A new session that QA's new need is pinned to: QA gains it.
    let need = create_need(&focal, "QA");
    let session = format!("NOTE-S-{}", unique());
    let body = json!({"id": session, "course": "DF-100", "start": "2027-03-07", "end": "2027-03-11", "seats": 10});
    expect(&sign_in(server, "centre").send("POST", "/api/sessions", Some(body), &[]), 201, "a new session");
    let pin = json!({"need": need["id"], "session": session, "seats": 2});
    expect(&planner.send("POST", "/api/pins", Some(pin), &[]), 201, "pin");
    let plan = planner.send("POST", "/api/plans", None, &[]);
    expect(&plan, 201, "solve");
    let id = plan.json()["id"].as_i64().unwrap_or_default();
    let publish = format!("/api/plans/{id}/publish");
    let refused = [
        json!({"note": "x".repeat(2001)}),
        json!({"note": "pay \u{202E}evil"}),
        json!({"note": "bell \u{0007}"}),
        json!({"note": 5}),
    ];
    for body in refused {
        let answer = planner.send("POST", &publish, Some(body.clone()), &[]);
        expect(&answer, 422, "a refused note");
        assert_eq!(answer.json()["problems"][0]["path"], "note", "{}", answer.text);
        assert!(answer.json()["problems"][0]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert_eq!(focal.get("/api/plans/published").json()["id"], last["id"], "nothing was published");
    let note = format!("{}\nالجولة الثانية \u{200F}(2027)", "y".repeat(1970));
    assert!(note.chars().count() <= 2000);
    expect(&planner.send("POST", &publish, Some(json!({"note": note})), &[]), 200, "publish with a note");

    let everyone = sign_in(server, "centre").get("/api/plans/published").json();
    assert_eq!((everyone["id"].as_i64(), everyone["note"].as_str()), (Some(id), Some(note.as_str())));
    assert_eq!(
        (everyone["previous"].clone(), everyone["published_by"].clone()),
        (last["id"].clone(), json!("planner"))
    );
    let own = focal.get("/api/plans/published").json();
    assert_eq!(own["note"], everyone["note"]);
    let changes = own["changes"].as_array().cloned().unwrap_or_default();
    assert_eq!(changes.len(), 1, "{changes:?}");
    let gained = changes[0]["gained"].as_array().cloned().unwrap_or_default();
    assert!(
        gained.iter().any(|row| row["session"] == session.as_str()
            && row["before"] == 0
            && row["after"].as_i64().is_some_and(|n| n >= 2)),
        "QA gains the pinned session: {gained:?}"
    );
    let tn = sign_in(server, "focal-tn").get("/api/plans/published").json();
    assert!(tn["changes"].as_array().into_iter().flatten().all(|c| c["state"] == "TN"), "{}", tn["changes"]);
    assert!(everyone["changes"].as_array().into_iter().flatten().any(|c| c["state"] == "QA"));
    let log = sign_in(server, "admin").get("/api/audit").json();
    let entry = log.as_array().into_iter().flatten().rfind(|e| e["action"] == "publish").cloned().unwrap_or_default();
    assert_eq!((entry["entity"].clone(), entry["after"]["note"].clone()), (json!(format!("plans/{id}")), json!(note)));
}

/// `GET /api/users` gives each account's state, whether it is disabled, its last sign-in and
/// whether an invitation is pending; invite, accept, disable and reset are in the audit log.
pub fn accounts_listed_and_audited(server: &Server) {
    let admin = sign_in(server, "admin");
    let login = format!("focal-ma-{}", unique());
    let created = admin.send("POST", "/api/users", Some(json!({"login": login, "role": "focal", "state": "MA"})), &[]);
    expect(&created, 201, "invite");
    let again = admin.send("POST", "/api/users", Some(json!({"login": login, "role": "centre"})), &[]);
    expect(&again, 409, "a login taken");
    assert!(again.text.contains("taken"), "{}", again.text);
    let account = |field: &str| {
        let users = admin.get("/api/users").json();
        let user = users.as_array().into_iter().flatten().find(|u| u["login"] == login.as_str()).cloned();
        user.unwrap_or_default()[field].clone()
    };
    assert_eq!((account("state"), account("role")), (json!("MA"), json!("focal")));
    assert_eq!(
        (account("invitation_pending"), account("disabled"), account("last_sign_in")),
        (json!(true), json!(false), Value::Null)
    );
    let password = "the invited person's passphrase";
    let accept = json!({"token": created.json()["invitation"], "password": password});
    expect(&server.client().send("POST", "/api/invitations", Some(accept.clone()), &[]), 204, "accept");
    expect(&server.client().send("POST", "/api/invitations", Some(accept), &[]), 404, "the link works once");
    assert_eq!(account("invitation_pending"), json!(false));
    Client::signed_in(server, &login, password);
    assert!(account("last_sign_in").as_str().is_some_and(|t| t.len() >= 20), "{}", account("last_sign_in"));
    expect(&admin.send("POST", &format!("/api/users/{login}/disable"), None, &[]), 204, "disable");
    assert_eq!(account("disabled"), json!(true));
    let reset = admin.send("POST", &format!("/api/users/{login}/reset"), None, &[]);
    expect(&reset, 200, "reset");
    assert!(reset.json()["invitation"].as_str().is_some_and(|t| t.len() > 20));
    assert_eq!(account("invitation_pending"), json!(true));
    expect(&admin.send("POST", "/api/users/nobody-here/disable", None, &[]), 404, "no such account");
    let log = admin.get("/api/audit").json();
    let entries: Vec<(String, String)> = log
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["entity"] == format!("users/{login}"))
        .map(|e| (e["action"].as_str().unwrap_or_default().into(), e["login"].as_str().unwrap_or_default().into()))
        .collect();
    let expected: Vec<(String, String)> =
        [("create", "admin"), ("accept-invitation", login.as_str()), ("disable", "admin"), ("reset", "admin")]
            .iter()
            .map(|(action, by)| (action.to_string(), by.to_string()))
            .collect();
    assert_eq!(entries, expected);
}
