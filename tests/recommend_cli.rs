//! `qudra recommend` and `qudra explain` as a centre manager runs them: the recommendation file
//! (SPEC §7) and its summary, the flags' checks, and the unmet needs with what would fix them.

mod common;

use common::cli::{code, conformance, repo, run, scratch, stderr, stdout};
use qudra::model::Scenario;
use qudra::solve::{solve, Options};

fn capacity() -> String {
    repo("tests/fixtures/readme/capacity.json").to_string_lossy().into_owned()
}

#[test]
fn recommend_writes_the_recommendation_and_names_each_proposal() {
    let dir = scratch("writes");
    let out_path = dir.join("rec.json");
    let out = run(&["recommend", &capacity(), "--sessions", "2", "-o", out_path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(&out_path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "qudra-recommendation");
    assert_eq!(json["status"], "optimal");
    let proposals = json["proposals"].as_array().unwrap();
    assert_eq!(proposals.len(), 2);
    assert_eq!(proposals[0]["session"]["id"], "DF-101-R20270103");
    assert_eq!(proposals[0]["session"]["open_to"], serde_json::Value::Null);
    // Adding the proposed sessions and solving gives the objective written.
    let mut scenario = Scenario::from_json(&std::fs::read_to_string(capacity()).unwrap()).unwrap();
    for proposal in proposals {
        scenario.sessions.push(serde_json::from_value(proposal["session"].clone()).unwrap());
    }
    let plan = solve(&scenario, &Options::default()).unwrap();
    assert!((plan.objective - json["objective"].as_f64().unwrap()).abs() < 1e-6);
    let said = stderr(&out);
    assert!(
        said.contains("DF-101-R20270103 Digital forensics fundamentals (2027-01-03 to 2027-01-07): +3 trainees"),
        "{said}"
    );
}

#[test]
fn recommend_writes_to_standard_output_by_default() {
    let out = run(&["recommend", &conformance("adjust.json"), "--sessions", "1"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["proposals"].as_array().unwrap().len(), 1);
    assert!(json["bound"].as_f64().unwrap() >= json["objective"].as_f64().unwrap());
}

#[test]
fn recommend_refuses_bad_flags_with_usage_and_exit_2() {
    for (value, _) in [("0", ()), ("51", ()), ("two", ())] {
        let out = run(&["recommend", &capacity(), "--sessions", value]);
        assert_eq!(code(&out), 2);
        assert!(
            stderr(&out).contains(&format!("--sessions needs a whole number from 1 to 50, got \"{value}\"")),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("qudra recommend SCENARIO.json"), "usage follows");
    }
    let out = run(&["recommend", &capacity(), "--time-limit", "-1"]);
    assert_eq!(code(&out), 2);
    let out = run(&["recommend", &capacity(), "-o", &capacity()]);
    assert_eq!(code(&out), 2, "never over the scenario");
    assert!(stderr(&out).contains("which it would replace"));
}

#[test]
fn recommend_without_a_horizon_says_why_with_exit_1_and_writes_nothing() {
    let dir = scratch("no-horizon");
    let mut scenario: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(capacity()).unwrap()).unwrap();
    scenario.as_object_mut().unwrap().remove("horizon");
    let input = common::cli::write(&dir, "no-horizon.json", &scenario.to_string());
    let output = dir.join("rec.json");
    let out = run(&["recommend", &input, "-o", output.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("no horizon"), "{}", stderr(&out));
    assert!(!output.exists());
}

#[test]
fn recommend_help_lists_its_options() {
    let out = run(&["recommend", "--help"]);
    assert_eq!(code(&out), 0);
    for flag in ["--sessions K", "--time-limit SECONDS", "-o, --output FILE"] {
        assert!(stdout(&out).contains(flag), "{flag} in {}", stdout(&out));
    }
}

#[test]
fn explain_says_what_would_give_each_unmet_need_a_seat_and_what_a_seat_is_worth() {
    let out = run(&["explain", &capacity()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("  TN-forensics-1: 6 trainees without a seat (state_cap)\n    one more seat if: the cap per state in DF-101-A raised to 3"), "{text}");
    assert!(text.contains("  EG-forensics-1: 5 trainees without a seat (no_compatible_session)\n    one more seat if: accepting language en (opens DF-101-A)"), "{text}");
    assert!(text.contains("  DF-101-A: +0, no need would take it"), "{text}");
}
