//! What typing into a field does to the scenario. A field is named by the JSON path the core's
//! validation uses (`needs[3].trainees`), so an edit and the problems it causes meet at the same
//! name. An edit is kept only when it adds no validation problem; otherwise the scenario stays
//! as it was and the new problems are returned, to be shown next to the field.

use serde_json::{Map, Value};

use super::issue::{FieldIssue, Issue};
use crate::model::{read, validate, Problem, Scenario};

/// How the text of a field is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any text, empty allowed.
    Text,
    /// A whole number.
    Int,
    /// A whole number, or empty for "none" (`null`).
    OptInt,
    /// A number.
    Num,
    /// An ISO date (`2027-02-07`).
    Date,
    /// A bound of an optional range (a need's window, the horizon); empty clears the range.
    WindowDate,
    /// State codes separated by commas or spaces; empty for "all" (`null`).
    Codes,
}

/// The JSON value a field's text stands for. Numbers and dates are read by
/// [`crate::model::read`], the reader the spreadsheet importer uses: digits of any script,
/// grouped thousands, and a typed reason when the text is refused.
pub fn parse(kind: Kind, text: &str) -> Result<Value, Issue> {
    let blank = text.trim().is_empty();
    match kind {
        Kind::Text => Ok(Value::String(text.to_string())),
        Kind::Int | Kind::Num | Kind::Date if blank => Err(Issue::Required),
        Kind::OptInt | Kind::WindowDate if blank => Ok(Value::Null),
        Kind::Int | Kind::OptInt => read::whole_number(text).map(Value::from).map_err(Issue::Read),
        Kind::Num => read::decimal(text).map(Value::from).map_err(Issue::Read),
        Kind::Date | Kind::WindowDate => {
            read::iso_date(text).map(|d| Value::String(d.to_string())).map_err(Issue::Read)
        }
        Kind::Codes => {
            let codes: Vec<Value> = text
                .split(|c: char| c == ',' || c == ';' || c == '\u{060C}' || c.is_whitespace())
                .filter(|code| !code.is_empty())
                .map(|code| Value::String(code.to_uppercase()))
                .collect();
            Ok(if codes.is_empty() { Value::Null } else { Value::Array(codes) })
        }
    }
}

/// Reads the text of a field into the scenario (see [`set`]).
pub fn apply_text(
    scenario: &Scenario,
    before: &[Problem],
    path: &str,
    kind: Kind,
    text: &str,
) -> Result<Scenario, Vec<FieldIssue>> {
    let value = parse(kind, text).map_err(|issue| vec![FieldIssue::new(path, issue)])?;
    set(scenario, before, path, value)
}

/// The scenario with the value at `path` replaced, or the validation problems the change would
/// add (`before` are the problems the scenario already has, which do not count against it).
pub fn set(scenario: &Scenario, before: &[Problem], path: &str, value: Value) -> Result<Scenario, Vec<FieldIssue>> {
    set_checked(scenario, before, path, value).map(|(candidate, _)| candidate)
}

/// [`set`], also returning the new scenario's validation problems, so that the caller need not
/// validate it again.
pub fn set_checked(
    scenario: &Scenario,
    before: &[Problem],
    path: &str,
    value: Value,
) -> Result<(Scenario, Vec<Problem>), Vec<FieldIssue>> {
    let fail = |issue: Issue| vec![FieldIssue::new(path, issue)];
    let segments = segments(path).ok_or_else(|| fail(Issue::Internal(format!("bad field path {path}"))))?;
    let candidate = match set_in_row(scenario, &segments, value.clone()) {
        Some(candidate) => candidate,
        None => set_in_document(scenario, path, &segments, value).map_err(fail)?,
    };
    let problems = validate(&candidate);
    let introduced: Vec<FieldIssue> =
        problems.iter().filter(|p| !before.contains(p)).map(FieldIssue::from_problem).collect();
    if introduced.is_empty() {
        Ok((candidate, problems))
    } else {
        Err(introduced)
    }
}

/// The edit through the whole document as JSON, read back as a file is: slow on a large
/// scenario, but it names whatever the value breaks in the document's own words.
fn set_in_document(scenario: &Scenario, path: &str, segments: &[Segment], value: Value) -> Result<Scenario, Issue> {
    let mut doc = serde_json::to_value(scenario).map_err(|e| Issue::Internal(e.to_string()))?;
    match window_bound(segments) {
        Some(window_path) => set_window_bound(&mut doc, scenario.horizon, window_path, segments.last(), value),
        None => put(&mut doc, segments, value),
    }
    .ok_or_else(|| Issue::Internal(format!("no field at {path}")))?;
    Scenario::from_json(&doc.to_string()).map_err(|e| Issue::Problem(*e.kind))
}

/// The edit of a field inside one row of a list (`needs[3].trainees`): only that row goes
/// through JSON, so a keystroke costs the same with 5,000 needs as with 5. `None` when the path
/// is not inside a row or the row does not read back (then [`set_in_document`] says why).
fn set_in_row(scenario: &Scenario, segments: &[Segment], value: Value) -> Option<Scenario> {
    let [Segment::Key(list), Segment::Index(i), rest @ ..] = segments else { return None };
    if rest.is_empty() {
        return None;
    }
    let mut next = scenario.clone();
    let horizon = scenario.horizon;
    let (i, rest) = (*i, rest);
    match list.as_str() {
        "states" => set_row(next.states.get_mut(i)?, horizon, rest, value)?,
        "skills" => set_row(next.skills.get_mut(i)?, horizon, rest, value)?,
        "courses" => set_row(next.courses.get_mut(i)?, horizon, rest, value)?,
        "sessions" => set_row(next.sessions.get_mut(i)?, horizon, rest, value)?,
        "needs" => set_row(next.needs.get_mut(i)?, horizon, rest, value)?,
        "pins" => set_row(next.pins.get_mut(i)?, horizon, rest, value)?,
        "exclusions" => set_row(next.exclusions.get_mut(i)?, horizon, rest, value)?,
        _ => return None,
    }
    Some(next)
}

fn set_row<T: serde::Serialize + serde::de::DeserializeOwned>(
    row: &mut T,
    horizon: Option<crate::model::DateRange>,
    segments: &[Segment],
    value: Value,
) -> Option<()> {
    let mut doc = serde_json::to_value(&*row).ok()?;
    match window_bound(segments) {
        Some(window_path) => set_window_bound(&mut doc, horizon, window_path, segments.last(), value),
        None => put(&mut doc, segments, value),
    }?;
    *row = serde_json::from_value(doc).ok()?;
    Some(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// `needs[3].window.start` -> [needs, 3, window, start].
fn segments(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(pos) => (&part[..pos], &part[pos..]),
            None => (part, ""),
        };
        if key.is_empty() {
            return None;
        }
        out.push(Segment::Key(key.to_string()));
        while let Some(stripped) = rest.strip_prefix('[') {
            let close = stripped.find(']')?;
            out.push(Segment::Index(stripped[..close].parse().ok()?));
            rest = &stripped[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// Sets the value at `segments`, creating a missing last key of an object (a new language in a
/// name). Intermediate values must exist.
fn put(doc: &mut Value, segments: &[Segment], value: Value) -> Option<()> {
    let (last, parents) = segments.split_last()?;
    let mut node = doc;
    for segment in parents {
        node = match segment {
            Segment::Key(key) => node.get_mut(key.as_str())?,
            Segment::Index(i) => node.get_mut(*i)?,
        };
    }
    match last {
        Segment::Key(key) => {
            let object = node.as_object_mut()?;
            object.insert(key.clone(), value);
        }
        Segment::Index(i) => *node.get_mut(*i)? = value,
    }
    Some(())
}

/// For `…window.start|end` and `horizon.start|end` (optional date ranges), the range's path.
fn window_bound(segments: &[Segment]) -> Option<&[Segment]> {
    match segments {
        [parent @ .., Segment::Key(window), Segment::Key(bound)]
            if (window == "window" || window == "horizon") && (bound == "start" || bound == "end") =>
        {
            Some(&segments[..parent.len() + 1])
        }
        _ => None,
    }
}

/// A need's window is optional: clearing a bound drops the window (the need then follows the
/// horizon); setting a bound of a missing window starts from the horizon.
fn set_window_bound(
    doc: &mut Value,
    horizon: Option<crate::model::DateRange>,
    window_path: &[Segment],
    bound: Option<&Segment>,
    value: Value,
) -> Option<()> {
    let Some(Segment::Key(bound)) = bound else { return None };
    if value.is_null() {
        return put(doc, window_path, Value::Null);
    }
    let (key, container_path) = window_path.split_last()?;
    let mut container = &mut *doc;
    for segment in container_path {
        container = match segment {
            Segment::Key(k) => container.get_mut(k.as_str())?,
            Segment::Index(i) => container.get_mut(*i)?,
        };
    }
    let Segment::Key(key) = key else { return None };
    let object = container.as_object_mut()?;
    let current = object.get(key.as_str()).cloned().unwrap_or(Value::Null);
    let mut window = match current {
        Value::Object(map) => map,
        _ => {
            let mut map = Map::new();
            let (start, end) = match horizon {
                Some(h) => (Value::String(h.start.to_string()), Value::String(h.end.to_string())),
                None => (value.clone(), value.clone()),
            };
            map.insert("start".into(), start);
            map.insert("end".into(), end);
            map
        }
    };
    window.insert(bound.clone(), value);
    object.insert(key.clone(), Value::Object(window));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read::ReadError;
    use crate::model::{ProblemKind, Quantity};
    use crate::ui::vm::fixture::Fixture;

    fn scenario() -> Scenario {
        Fixture::forensics_2027()
            .state("QA", "Qatar", Some("قطر"), &["ar", "en"])
            .set("/sessions/0/min_participants", serde_json::json!(8))
            .need("QA-1", "QA", ("forensics", 1), (6, 4))
            .build()
    }

    fn edit(s: &Scenario, path: &str, kind: Kind, text: &str) -> Result<Scenario, Vec<FieldIssue>> {
        apply_text(s, &validate(s), path, kind, text)
    }

    #[test]
    fn a_valid_number_changes_only_that_field() {
        let s = scenario();
        let after = edit(&s, "needs[0].trainees", Kind::Int, "12").unwrap();
        assert_eq!(after.needs[0].trainees, 12);
        let mut expected = s.clone();
        expected.needs[0].trainees = 12;
        assert_eq!(after, expected);
    }

    #[test]
    fn arabic_digits_are_read_as_numbers() {
        let after = edit(&scenario(), "needs[0].trainees", Kind::Int, "١٢").unwrap();
        assert_eq!(after.needs[0].trainees, 12);
    }

    #[test]
    fn a_field_reads_numbers_and_dates_as_the_importer_does() {
        // Arabic thousands separator, grouped thousands, and a point that could be either.
        let after = edit(&scenario(), "sessions[0].seats", Kind::Int, "١٬٠٠٠").unwrap();
        assert_eq!(after.sessions[0].seats, 1000);
        let after = edit(&scenario(), "sessions[0].seats", Kind::Int, "1 000").unwrap();
        assert_eq!(after.sessions[0].seats, 1000);
        let err = edit(&scenario(), "sessions[0].seats", Kind::Int, "1.000").unwrap_err();
        assert_eq!(err[0].issue, Issue::Read(ReadError::AmbiguousPoint { plain: "1000".into() }));
        // A date typed in the Hijri calendar or day/month order is explained, not just refused.
        let err = edit(&scenario(), "sessions[0].start", Kind::Date, "١٤٤٨-٠٩-٠١").unwrap_err();
        assert_eq!(err[0].issue, Issue::Read(ReadError::Hijri { year: Some(1448) }));
        let err = edit(&scenario(), "sessions[0].start", Kind::Date, "07/02/2027").unwrap_err();
        assert_eq!(err[0].issue, Issue::Read(ReadError::AmbiguousDate));
        let after = edit(&scenario(), "settings.equity_bonus", Kind::Num, "٠٫٥").unwrap();
        assert_eq!(after.settings.equity_bonus, 0.5);
    }

    #[test]
    fn an_invalid_value_is_refused_with_the_core_problem_at_the_field() {
        let err = edit(&scenario(), "needs[0].trainees", Kind::Int, "0").unwrap_err();
        assert_eq!(
            err,
            vec![FieldIssue::new("needs[0].trainees", Issue::Problem(ProblemKind::TraineesMin { trainees: 0 }))]
        );
        let err = edit(&scenario(), "needs[0].priority", Kind::Int, "7").unwrap_err();
        assert!(matches!(err[0].issue, Issue::Problem(ProblemKind::PriorityRange { .. })), "{err:?}");
    }

    #[test]
    fn text_that_is_not_a_number_or_date_is_refused() {
        let err = edit(&scenario(), "needs[0].trainees", Kind::Int, "six").unwrap_err();
        assert_eq!(err[0].issue, Issue::Read(ReadError::NotWholeNumber));
        let err = edit(&scenario(), "sessions[0].start", Kind::Date, "2027-02-30").unwrap_err();
        assert_eq!(err[0].issue, Issue::Read(ReadError::NotADay));
        let err = edit(&scenario(), "needs[0].trainees", Kind::Int, "").unwrap_err();
        assert_eq!(err[0].issue, Issue::Required);
    }

    #[test]
    fn a_problem_caused_elsewhere_in_the_row_is_reported_where_it_lies() {
        let err = edit(&scenario(), "sessions[0].seats", Kind::Int, "5").unwrap_err();
        assert_eq!(
            err,
            vec![FieldIssue::new(
                "sessions[0].min_participants",
                Issue::Problem(ProblemKind::MinAboveSeats { minimum: 8, seats: 5 })
            )]
        );
    }

    #[test]
    fn optional_numbers_and_code_lists_accept_empty_as_none() {
        let s = scenario();
        let capped = edit(&s, "sessions[0].max_per_state", Kind::OptInt, "4").unwrap();
        assert_eq!(capped.sessions[0].max_per_state, Some(4));
        let uncapped = edit(&capped, "sessions[0].max_per_state", Kind::OptInt, " ").unwrap();
        assert_eq!(uncapped.sessions[0].max_per_state, None);
        let restricted = edit(&s, "sessions[0].open_to", Kind::Codes, "qa").unwrap();
        assert_eq!(restricted.sessions[0].open_to.as_ref().unwrap()[0].as_str(), "QA");
        let err = edit(&s, "sessions[0].open_to", Kind::Codes, "QA, ZZ").unwrap_err();
        assert_eq!(err[0].path, "sessions[0].open_to[1]");
        let open = edit(&restricted, "sessions[0].open_to", Kind::Codes, "").unwrap();
        assert_eq!(open.sessions[0].open_to, None);
    }

    #[test]
    fn a_window_bound_starts_from_the_horizon_and_clearing_it_drops_the_window() {
        let s = scenario();
        let after = edit(&s, "needs[0].window.end", Kind::WindowDate, "2027-06-30").unwrap();
        let window = after.needs[0].window.unwrap();
        assert_eq!(window.start.to_string(), "2027-01-01");
        assert_eq!(window.end.to_string(), "2027-06-30");
        let err = edit(&after, "needs[0].window.start", Kind::WindowDate, "2027-07-01").unwrap_err();
        assert_eq!(err[0].path, "needs[0].window.start");
        let cleared = edit(&after, "needs[0].window.start", Kind::WindowDate, "").unwrap();
        assert_eq!(cleared.needs[0].window, None);
    }

    #[test]
    fn the_horizon_is_an_optional_range_too() {
        let mut s = scenario();
        s.horizon = None;
        let after = edit(&s, "horizon.end", Kind::WindowDate, "2027-12-31").unwrap();
        assert_eq!(after.horizon.unwrap().start.to_string(), "2027-12-31");
        let after = edit(&after, "horizon.start", Kind::WindowDate, "2027-01-01").unwrap();
        assert_eq!(after.horizon.unwrap().days(), 365);
    }

    #[test]
    fn names_gain_a_language_and_settings_take_numbers() {
        let s = scenario();
        let after = edit(&s, "skills[0].name.ar", Kind::Text, "التحليل الجنائي الرقمي").unwrap();
        assert_eq!(after.skills[0].name["ar"], "التحليل الجنائي الرقمي");
        let after = edit(&s, "settings.equity_bonus", Kind::Num, "0.75").unwrap();
        assert_eq!(after.settings.equity_bonus, 0.75);
        let err = edit(&s, "settings.priority_weights[2]", Kind::Num, "-1").unwrap_err();
        assert_eq!(
            err[0].issue,
            Issue::Problem(ProblemKind::NegativeWeight { what: Quantity::Weight, shown: "-1".into() })
        );
    }

    #[test]
    fn an_existing_problem_does_not_block_an_unrelated_edit() {
        let mut s = scenario();
        s.needs[0].skill = "forensic".into();
        let after = edit(&s, "needs[0].trainees", Kind::Int, "3").unwrap();
        assert_eq!(after.needs[0].trainees, 3);
    }

    #[test]
    fn a_row_edit_is_the_whole_document_edit() {
        let s = scenario();
        let cases = [
            ("needs[0].trainees", Value::from(9)),
            ("needs[0].window.end", Value::String("2027-06-30".into())),
            ("needs[0].languages", Value::Array(vec![Value::String("ar".into())])),
            ("skills[0].name.ar", Value::String("التحليل".into())),
            ("sessions[0].open_to", Value::Array(vec![Value::String("QA".into())])),
            ("sessions[0].max_per_state", Value::Null),
        ];
        for (path, value) in cases {
            let segments = segments(path).unwrap();
            let by_row = set_in_row(&s, &segments, value.clone()).unwrap();
            let by_document = set_in_document(&s, path, &segments, value).unwrap();
            assert_eq!(by_row, by_document, "{path}");
        }
        // Outside a row, or a value the row cannot hold: the whole document says why.
        assert!(set_in_row(&s, &segments("settings.equity_bonus").unwrap(), Value::from(1)).is_none());
        assert!(set_in_row(&s, &segments("needs[0].trainees").unwrap(), Value::String("x".into())).is_none());
        assert!(set_in_row(&s, &segments("needs[5].trainees").unwrap(), Value::from(1)).is_none());
        let err = set(&s, &validate(&s), "needs[0].trainees", Value::String("x".into())).unwrap_err();
        assert_eq!(err[0].path, "needs[0].trainees");
    }

    #[test]
    fn paths_are_read_like_the_core_writes_them() {
        assert_eq!(
            segments("settings.priority_weights[2]").unwrap(),
            vec![Segment::Key("settings".into()), Segment::Key("priority_weights".into()), Segment::Index(2)]
        );
        assert!(segments("needs[x]").is_none());
        assert!(segments("").is_none());
    }
}
