//! A refusal's problems as the app shows them: each problem of the server's answer
//! (`{"problems": [{path, message, field, code}]}`) read with its typed `code` — the core's
//! [`ProblemKind`] or a [`Rule`] only the server keeps — and placed next to the field of the
//! row it names (`field`), worded by the catalogues as a problem the app found itself; one
//! without a field of the row shows at the row.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::sync::KINDS;
use crate::model::{ProblemKind, Scenario};
use crate::ui::vm::edit::issue::{FieldIssue, Issue};

/// A rule the server keeps and the app's own validation cannot (it sees one state's rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// A focal point's need has an id starting with its state's code and a dash (`QA-`).
    NeedIdPrefix { state: String },
    /// A focal point enters needs of its own state only.
    OtherState { state: String },
    /// The row's key (`id`; a pin's or exclusion's `need`) is not the one its address names
    /// (`PUT /api/needs/QA-1` with `"id": "QA-2"`): `sent` is the row's (none when missing).
    KeyDiffers {
        address: String,
        #[serde(default)]
        sent: Option<String>,
    },
    /// The body is JSON but not an object (a list, text, a number).
    NotAnObject,
    /// The body is not JSON: where reading it stopped.
    NotJson { line: usize, column: usize },
}

/// A problem's typed `code`: the core's kind, or a server rule. Written untagged (the kind
/// names of the two never meet); read by [`Code::read`], which tries each in turn without
/// serde's buffering of untagged enums (smaller in the browser's wasm).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Code {
    Core(ProblemKind),
    Server(Rule),
}

impl Code {
    /// The code of a problem's JSON, if this app knows its kind.
    pub fn read(code: &Value) -> Option<Code> {
        match serde_json::from_value::<ProblemKind>(code.clone()) {
            Ok(kind) => Some(Code::Core(kind)),
            Err(_) => serde_json::from_value::<Rule>(code.clone()).ok().map(Code::Server),
        }
    }

    pub fn issue(&self) -> Issue {
        match self {
            Code::Core(kind) => Issue::Problem(kind.clone()),
            Code::Server(rule) => Issue::Server(rule.clone()),
        }
    }
}

/// One problem of a refusal, as the server sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerProblem {
    /// The JSON path in the server's whole scenario (`needs[37].trainees`).
    pub path: String,
    /// The server's English sentence, shown only when the code is one this app cannot read.
    pub message: String,
    /// The path inside the row that was sent (`trainees`, `window.start`), when the problem is
    /// in that row.
    pub field: Option<String>,
    pub code: Option<Code>,
}

/// The problems of a refusal's body (none when it has no `problems`).
pub fn problems_of(body: &Value) -> Vec<ServerProblem> {
    let text = |problem: &Value, field: &str| problem.get(field).and_then(Value::as_str).map(str::to_string);
    body.get("problems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|problem| ServerProblem {
            path: text(problem, "path").unwrap_or_default(),
            message: text(problem, "message").unwrap_or_default(),
            field: text(problem, "field").filter(|field| !field.is_empty()),
            code: problem.get("code").and_then(Code::read),
        })
        .collect()
}

/// The fields a row of `kind` shows, by their path inside the row.
fn fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "needs" => &[
            "id",
            "skill",
            "level",
            "trainees",
            "priority",
            "window.start",
            "window.end",
            "languages",
            "modes",
            "note",
        ],
        "sessions" => &[
            "id",
            "course",
            "start",
            "end",
            "seats",
            "min_participants",
            "max_per_state",
            "cost_per_seat",
            "open_to",
            "language",
            "mode",
        ],
        "courses" => &["id", "skill", "level", "title.ar", "title.en", "language", "mode"],
        "skills" => &["id", "name.ar", "name.en"],
        _ => &[],
    }
}

/// The field of a row a problem's in-row path belongs to: itself, or the list or object it is
/// inside (`languages[1]` → `languages`, `open_to[0]` → `open_to`); none when the row shows
/// no such field.
pub fn field_of(kind: &str, inner: &str) -> Option<&'static str> {
    let shown = fields(kind);
    let mut candidate = inner;
    loop {
        if let Some(found) = shown.iter().find(|field| **field == candidate) {
            return Some(found);
        }
        let cut = candidate.rfind(['.', '['])?;
        candidate = &candidate[..cut];
    }
}

/// A refused row's problems, placed: next to a field of the row (by its path inside the row),
/// at the row (a code the catalogues word), or, for a code this app cannot read, the server's
/// own sentence at the row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placed {
    pub at_fields: Vec<(String, Issue)>,
    pub at_row: Vec<Issue>,
    pub unread: Vec<String>,
}

pub fn split(kind: &str, problems: &[ServerProblem]) -> Placed {
    let mut placed = Placed::default();
    for problem in problems {
        let Some(issue) = problem.code.as_ref().map(Code::issue) else {
            placed.unread.push(problem.message.clone());
            continue;
        };
        match problem.field.as_deref().and_then(|inner| field_of(kind, inner)) {
            Some(field) => placed.at_fields.push((field.to_string(), issue)),
            None => placed.at_row.push(issue),
        }
    }
    placed
}

/// The refused rows' field problems by the app's own field path (`needs[3].trainees`, the
/// row's place in `scenario`), as the fields look them up; a row no longer in the scenario
/// has none.
pub fn by_field_path(
    scenario: &Scenario,
    refused: &BTreeMap<String, Vec<ServerProblem>>,
) -> BTreeMap<String, Vec<FieldIssue>> {
    let mut out: BTreeMap<String, Vec<FieldIssue>> = BTreeMap::new();
    if refused.is_empty() {
        return out;
    }
    for (key, problems) in refused {
        let Some((kind, id)) = key.split_once('/') else { continue };
        let Some(at) = place(scenario, kind, id) else { continue };
        for (field, issue) in split(kind, problems).at_fields {
            let path = format!("{kind}[{at}].{field}");
            out.entry(path.clone()).or_default().push(FieldIssue::new(path, issue));
        }
    }
    out
}

/// The index of the row `kind/id` in the scenario's list of its kind.
fn place(scenario: &Scenario, kind: &str, id: &str) -> Option<usize> {
    if !KINDS.contains(&kind) {
        return None;
    }
    match kind {
        "needs" => scenario.needs.iter().position(|row| row.id.as_str() == id),
        "sessions" => scenario.sessions.iter().position(|row| row.id.as_str() == id),
        "courses" => scenario.courses.iter().position(|row| row.id.as_str() == id),
        "skills" => scenario.skills.iter().position(|row| row.id.as_str() == id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::UiLang;
    use crate::ui::vm::connect::request::Answer;
    use crate::ui::vm::connect::sync::from_server;
    use crate::ui::vm::connect::sync::tests::server_answer;
    use crate::ui::vm::connect::AccountRole;
    use serde_json::json;

    /// A 422 for the second need, as the server words it: trainees 0 in the row sent, a
    /// server rule at its id, and a problem elsewhere in the scenario.
    fn refusal() -> Value {
        json!({"problems": [
            {"path": "needs[41].trainees", "field": "trainees", "message": "trainees 0 must be at least 1",
             "code": {"kind": "trainees_min", "trainees": 0}},
            {"path": "id", "field": "id", "message": "a need of QA has an id that starts with \"QA-\"",
             "code": {"kind": "need_id_prefix", "state": "QA"}},
            {"path": "pins[2].need", "message": "unknown need \"QA-x\"",
             "code": {"kind": "unknown", "thing": "need", "id": "QA-x"}},
            {"path": "needs[41].modes[0]", "field": "modes[0]", "message": "some newer rule", "code": {"kind": "from_a_newer_server"}}
        ]})
    }

    #[test]
    fn a_refusals_codes_are_read_and_placed_on_their_fields() {
        let problems = problems_of(&refusal());
        assert_eq!(problems[0].code, Some(Code::Core(ProblemKind::TraineesMin { trainees: 0 })));
        assert_eq!(problems[1].code, Some(Code::Server(Rule::NeedIdPrefix { state: "QA".into() })));
        assert_eq!(problems[3].code, None, "a code this app does not know");
        let placed = split("needs", &problems);
        assert_eq!(
            placed.at_fields,
            vec![
                ("trainees".to_string(), Issue::Problem(ProblemKind::TraineesMin { trainees: 0 })),
                ("id".to_string(), Issue::Server(Rule::NeedIdPrefix { state: "QA".into() })),
            ]
        );
        assert_eq!(
            placed.at_row,
            vec![Issue::Problem(ProblemKind::Unknown { thing: crate::model::Thing::Need, id: "QA-x".into() })]
        );
        assert_eq!(placed.unread, vec!["some newer rule".to_string()]);
        assert_eq!(field_of("needs", "languages[1]"), Some("languages"));
        assert_eq!(field_of("needs", "window.start"), Some("window.start"));
        assert_eq!(field_of("sessions", "open_to[0]"), Some("open_to"));
        assert_eq!(field_of("needs", "state"), None, "no field of the row shows the state");
    }

    /// The refused row's problems land at the app's own path of that row (its index in the
    /// app's scenario, not the server's), worded as the app words its own validation, in
    /// each language; the row-level words name the rest.
    #[test]
    fn a_code_is_worded_in_three_languages_at_its_field() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        scenario.needs[1].trainees = 0;
        let edit = sync.pending(&scenario).remove(0);
        sync.settle(&edit, &Answer { status: 422, body: refusal(), retry_after: None });
        let refused = sync.problems();
        assert_eq!(refused.keys().collect::<Vec<_>>(), vec![&edit.key()]);
        let by_path = by_field_path(&scenario, &refused);
        let trainees = &by_path["needs[1].trainees"][0].issue;
        assert_eq!(trainees, &Issue::Problem(ProblemKind::TraineesMin { trainees: 0 }));
        assert!(by_path.contains_key("needs[1].id"));
        assert_eq!(by_path.len(), 2, "{by_path:?}");
        let local = crate::model::validate(&scenario);
        let local = local.iter().find(|p| p.path == "needs[1].trainees").expect("the core finds it too");
        for lang in [UiLang::En, UiLang::Ar, UiLang::Fr] {
            let words = lang.catalogue().issue(trainees);
            assert_eq!(words, lang.catalogue().issue(&Issue::Problem(local.kind.clone())), "as the app words its own");
        }
        let id = &by_path["needs[1].id"][0].issue;
        assert_eq!(
            UiLang::En.catalogue().issue(id),
            "The id of a need of \u{2068}QA\u{2069} starts with \u{2068}QA-\u{2069}."
        );
        let ar = UiLang::Ar.catalogue().issue(id);
        assert!(ar.starts_with("معرِّف احتياج الدولة") && !ar.contains("need"), "{ar}");
        assert!(UiLang::Fr.catalogue().issue(id).starts_with("L'identifiant d'un besoin de"));

        // The row moves (a need above it deleted): its problems follow it.
        scenario.needs.remove(0);
        assert!(by_field_path(&scenario, &refused).contains_key("needs[0].trainees"));
        // Saved later: no problems any more.
        scenario.needs[0].trainees = 4;
        let again = sync.pending(&scenario).remove(0);
        sync.settle(&again, &Answer { status: 200, body: json!({"rev": 4}), retry_after: None });
        assert!(sync.problems().is_empty());
    }

    /// A row whose id is not its address's, and a body that is not a row or not JSON: typed
    /// codes worded in each language, never the server's English.
    #[test]
    fn a_key_mismatch_and_an_unreadable_body_are_worded_in_three_languages() {
        use crate::ui::i18n::connect::refusal_placed;
        use crate::ui::vm::connect::sync::Refusal;
        let key = json!({"problems": [{"path": "id", "field": "id", "message": "differs from the entity named in the address",
            "code": {"kind": "key_differs", "address": "QA-1", "sent": "QA-2"}}]});
        let placed = split("needs", &problems_of(&key));
        let differs = Issue::Server(Rule::KeyDiffers { address: "QA-1".into(), sent: Some("QA-2".into()) });
        assert_eq!(placed.at_fields, vec![("id".to_string(), differs.clone())]);
        assert_eq!(
            UiLang::En.catalogue().issue(&differs),
            "The id \u{2068}QA-2\u{2069} is not \u{2068}QA-1\u{2069}, the row being saved."
        );
        let ar = UiLang::Ar.catalogue().issue(&differs);
        assert!(ar.starts_with("المعرِّف") && ar.contains("QA-1") && ar.contains("QA-2"), "{ar}");
        assert!(UiLang::Fr.catalogue().issue(&differs).starts_with("L'identifiant"));

        let message = "the body is not JSON: line 1, column 10";
        let not_json = json!({"error": message, "problems": [{"path": ".", "message": message,
            "code": {"kind": "not_json", "line": 1, "column": 10}}]});
        let why = Refusal { status: 400, detail: message.into(), current: None };
        let placed = split("needs", &problems_of(&not_json));
        assert_eq!(placed.at_row, vec![Issue::Server(Rule::NotJson { line: 1, column: 10 })]);
        let ar = refusal_placed(UiLang::Ar, &why, &placed);
        assert!(ar.contains("تعذّر على الخادم قراءة ما أُرسل (السطر 1، العمود 10)") && !ar.contains("JSON"), "{ar}");
        let fr = refusal_placed(UiLang::Fr, &why, &placed);
        assert!(fr.contains("ligne 1, colonne 10") && !fr.contains("body"), "{fr}");

        let list = json!({"problems": [{"path": ".", "message": "expected a JSON object", "code": {"kind": "not_an_object"}}]});
        let why = Refusal { status: 422, detail: "expected a JSON object".into(), current: None };
        let placed = split("needs", &problems_of(&list));
        assert_eq!(placed.at_row, vec![Issue::Server(Rule::NotAnObject)]);
        for (lang, words) in [
            (UiLang::En, "The server received something other than a row"),
            (UiLang::Ar, "تلقّى الخادم شيئًا غير صف"),
            (UiLang::Fr, "Le serveur a reçu autre chose qu'une ligne"),
        ] {
            let said = refusal_placed(lang, &why, &placed);
            assert!(said.contains(words) && !said.contains("expected"), "{said}");
        }
    }

    #[test]
    fn the_row_says_what_is_not_at_a_field_in_the_interface_language() {
        use crate::ui::i18n::connect::refusal_placed;
        use crate::ui::vm::connect::sync::Refusal;
        let why =
            Refusal { status: 422, detail: "needs[41].trainees: trainees 0 must be at least 1".into(), current: None };
        let placed = split("needs", &problems_of(&refusal()));
        let ar = refusal_placed(UiLang::Ar, &why, &placed);
        assert!(ar.starts_with("رفض الخادم هذه القيمة:"), "{ar}");
        assert!(ar.contains("QA-x") && !ar.contains("unknown need") && !ar.contains("trainees"), "{ar}");
        let only_fields = Placed { at_fields: placed.at_fields.clone(), ..Placed::default() };
        assert_eq!(
            refusal_placed(UiLang::En, &why, &only_fields),
            "The server refused this value: see the marked field."
        );
        assert_eq!(
            refusal_placed(UiLang::Fr, &why, &only_fields),
            "Le serveur a refusé cette valeur : voir le champ signalé."
        );
    }
}
