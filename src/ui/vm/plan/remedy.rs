//! What would fix each unmet need, in the unmet list (issue 14 item 2): the worker's work
//! ([`answer`]: the core's [`Fixer`], one need at a time, most harmful first, with its
//! progress), each fix as the list says it ([`FixRow`]: the session it names with its title,
//! place and dates, the state, the seats it gains), whether the change is in the scenario
//! already ([`changed_since`]), who may make it in the connected app ([`may_apply`]), and the
//! change itself ([`apply`]: exactly the change the core checked by re-solving, so solving
//! again gives the need at least one more seat).

use chrono::NaiveDate;

use super::adjust::Refused;
use super::capacity::{CapacityReply, Why};
use crate::model::{name_in, order, NeedId, Scenario, SessionId, StateCode};
use crate::solve::{apply_remedy, Fix, Fixer, Options, Remedy};
use crate::ui::vm::connect::{Account, AccountRole};

/// The worker says how far it got at most this often (milliseconds), with the fixes found
/// since it last said, so that the page redraws a few times a second, not once per need.
pub const PROGRESS_EVERY_MS: f64 = 250.0;

/// Finds what would fix each unmet need of `scenario`, most harmful first (the unmet list's
/// order), posting [`CapacityReply::Fixing`] as it goes and [`CapacityReply::Fixed`] at the
/// end, or [`CapacityReply::Refused`]. `now` is the worker's clock in milliseconds.
pub fn answer(scenario: &Scenario, options: &Options, now: &impl Fn() -> f64, post: &mut impl FnMut(&CapacityReply)) {
    let started = now();
    let fixer = match Fixer::new(scenario, options) {
        Ok(fixer) => fixer,
        Err(e) => return post(&CapacityReply::Refused { why: Why::from(e), ms: now() - started }),
    };
    let unmet = fixer.unmet();
    let total = unmet.len();
    let mut order: Vec<usize> = (0..total).collect();
    let priority = |need: &NeedId| scenario.need(need).map_or(0, |n| n.priority);
    // As the list: higher priority, then more trainees short, then the plan's order.
    order::sort_by_key(&mut order, |&i| (std::cmp::Reverse(priority(unmet[i].0)), std::cmp::Reverse(unmet[i].1)));
    post(&CapacityReply::Fixing { done: 0, total, found: Vec::new() });
    let mut found = Vec::new();
    let mut said = now();
    for (done, i) in order.into_iter().enumerate() {
        match fixer.fix(i, options) {
            Ok(Some(fix)) => found.push(fix),
            Ok(None) => {}
            Err(e) => return post(&CapacityReply::Refused { why: Why::from(e), ms: now() - started }),
        }
        if now() - said >= PROGRESS_EVERY_MS || done + 1 == total {
            post(&CapacityReply::Fixing { done: done + 1, total, found: std::mem::take(&mut found) });
            said = now();
        }
    }
    post(&CapacityReply::Fixed { total, ms: now() - started });
}

/// A session as a fix names it: its course's title and place in the interface's language,
/// and its dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub session: SessionId,
    pub title: String,
    /// Empty when the course says nowhere.
    pub location: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// One fix of an unmet need as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FixRow {
    pub need: NeedId,
    pub remedy: Remedy,
    /// Seats the need gains with it (at least one: the re-solve checked it).
    pub gains: i64,
    /// The session it names (none for a budget).
    pub place: Option<Place>,
    /// The need's state's name in the interface's language.
    pub state: String,
    pub currency: String,
    /// The change is in the scenario already, or what it changes is gone: solve again.
    pub changed: bool,
}

fn place(scenario: &Scenario, session: &SessionId, lang: &str) -> Option<Place> {
    let s = scenario.session(session)?;
    let course = scenario.course(&s.course);
    Some(Place {
        session: session.clone(),
        title: course.map(|c| name_in(&c.title, lang).to_string()).unwrap_or_else(|| s.course.to_string()),
        location: course.map(|c| c.location.in_lang(lang).to_string()).unwrap_or_default(),
        start: s.start,
        end: s.end,
    })
}

/// The session a change names.
pub fn session_of(remedy: &Remedy) -> Option<&SessionId> {
    match remedy {
        Remedy::Seat { session }
        | Remedy::StateCap { session, .. }
        | Remedy::Window { session, .. }
        | Remedy::Language { session, .. }
        | Remedy::Mode { session, .. } => Some(session),
        Remedy::Budget { .. } => None,
    }
}

/// The fixes of one need, read against `solved` (the plan's scenario, where the core found
/// them) and `current` (the scenario as it is now), in the language `lang`. The smallest
/// change first: one more seat, then a state's cap raised by one, both in a session the need
/// can already take; then the need's own terms (a wider window, another language, another
/// mode), each opening one session; then money.
pub fn rows(fix: &Fix, solved: &Scenario, current: &Scenario, lang: &str) -> Vec<FixRow> {
    let Some(need) = solved.need(&fix.need) else { return Vec::new() };
    let state = solved.state(&need.state).map(|s| name_in(&s.name, lang).to_string()).unwrap_or_default();
    let mut rows: Vec<FixRow> = fix
        .changes
        .iter()
        .zip(&fix.gains)
        .map(|(remedy, gains)| FixRow {
            need: fix.need.clone(),
            remedy: remedy.clone(),
            gains: *gains,
            place: session_of(remedy).and_then(|s| place(solved, s, lang)),
            state: state.clone(),
            currency: solved.settings.currency.clone(),
            changed: changed_since(solved, current, &fix.need, remedy),
        })
        .collect();
    order::sort_by_key(&mut rows, |row| size(&row.remedy));
    rows
}

/// The order of size of a change's kind (see [`rows`]).
fn size(remedy: &Remedy) -> u8 {
    match remedy {
        Remedy::Seat { .. } => 0,
        Remedy::StateCap { .. } => 1,
        Remedy::Window { .. } => 2,
        Remedy::Language { .. } => 3,
        Remedy::Mode { .. } => 4,
        Remedy::Budget { .. } => 5,
    }
}

/// True when what `remedy` changes (the session's seats or cap, the need's window, languages
/// or modes, its state's budget) differs between the plan's scenario and the current one, or
/// is gone: applying it again would not be the change the core checked.
pub fn changed_since(solved: &Scenario, current: &Scenario, need: &NeedId, remedy: &Remedy) -> bool {
    let pair = |scenario: &Scenario| -> Option<String> {
        let n = scenario.need(need)?;
        let session = |id: &SessionId| scenario.session(id);
        Some(match remedy {
            Remedy::Seat { session: id } => session(id)?.seats.to_string(),
            Remedy::StateCap { session: id, .. } => format!("{:?}", session(id)?.max_per_state),
            Remedy::Window { .. } => format!("{:?}", scenario.effective_window(n)),
            Remedy::Language { .. } => scenario.effective_languages(n).join(";"),
            Remedy::Mode { .. } => format!("{:?}", scenario.effective_modes(n)),
            Remedy::Budget { .. } => format!("{:?}", scenario.state(&n.state)?.budget),
        })
    };
    match (pair(solved), pair(current)) {
        (Some(before), Some(now)) => before != now,
        _ => true,
    }
}

/// Whether the signed-in `account` may make this change to a need of `state` (the server's
/// roles table, [`AccountRole::writes`]): a session's seats and cap are the centre's, a need's
/// window, languages and modes its focal point's (of its own state only), and no role edits a
/// state's budget in the connected app. Without an account (the app on its own) every change
/// may be made.
pub fn may_apply(account: Option<&Account>, state: &StateCode, remedy: &Remedy) -> bool {
    let Some(account) = account else { return true };
    match remedy {
        Remedy::Seat { .. } | Remedy::StateCap { .. } => account.role.writes("sessions"),
        Remedy::Window { .. } | Remedy::Language { .. } | Remedy::Mode { .. } => {
            account.role.writes("needs")
                && (account.role != AccountRole::Focal || account.state.as_deref() == Some(state.as_str()))
        }
        Remedy::Budget { .. } => account.role.writes("states"),
    }
}

/// Makes the change of a fix to the scenario (one edit, undone as any other): one more seat or
/// a higher cap in the session, the need's wider window or another language or mode, or more
/// budget for its state. Refused when the need or session is no longer there.
pub fn apply(scenario: &mut Scenario, need: &NeedId, remedy: &Remedy) -> Result<(), Refused> {
    if scenario.need(need).is_none() {
        return Err(Refused::UnknownNeed(need.clone()));
    }
    if let Some(session) = session_of(remedy).filter(|s| scenario.session(s).is_none()) {
        return Err(Refused::UnknownSession(session.clone()));
    }
    if apply_remedy(scenario, need, remedy) {
        Ok(())
    } else {
        Err(Refused::UnknownNeed(need.clone()))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::solve::{fixes, solve};

    /// Six needs, each short for another reason, so that each kind of change is the fix of one.
    fn six_ways() -> Scenario {
        Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,"title":"Six ways",
            "horizon":{"start":"2027-01-01","end":"2027-12-31"},
            "states":[{"code":"QA","name":{"en":"Qatar","ar":"قطر"},"languages":["ar","en"]},
                      {"code":"EG","name":{"en":"Egypt","ar":"مصر"},"languages":["ar"]},
                      {"code":"TN","name":{"en":"Tunisia","ar":"تونس"},"languages":["fr"]},
                      {"code":"JO","name":{"en":"Jordan","ar":"الأردن"},"languages":["ar"]},
                      {"code":"MA","name":{"en":"Morocco","ar":"المغرب"},"languages":["ar"]},
                      {"code":"SA","name":{"en":"Saudi Arabia","ar":"السعودية"},"languages":["ar"],"budget":1500}],
            "skills":[{"id":"forensics","name":{"en":"Digital forensics"}},{"id":"osint","name":{"en":"OSINT"}}],
            "courses":[{"id":"DF","title":{"en":"Digital forensics foundations","ar":"أساسيات التحليل الجنائي الرقمي"},
                        "skill":"forensics","level":1,"language":"ar","mode":"in_person","location":{"en":"Doha","ar":"الدوحة"}},
                       {"id":"OS","title":{"en":"Open sources"},"skill":"osint","level":1,"language":"ar","mode":"online","location":"Online"}],
            "sessions":[{"id":"DF-A","course":"DF","start":"2027-03-07","end":"2027-03-11","seats":10,"max_per_state":2,"cost_per_seat":1000},
                        {"id":"OS-A","course":"OS","start":"2027-04-04","end":"2027-04-08","seats":2}],
            "needs":[{"id":"QA-osint-1","state":"QA","skill":"osint","level":1,"trainees":4,"priority":5},
                     {"id":"EG-forensics-1","state":"EG","skill":"forensics","level":1,"trainees":4,"priority":5},
                     {"id":"TN-forensics-1","state":"TN","skill":"forensics","level":1,"trainees":2,"priority":4},
                     {"id":"JO-forensics-1","state":"JO","skill":"forensics","level":1,"trainees":2,"priority":3,"modes":["online"]},
                     {"id":"MA-forensics-1","state":"MA","skill":"forensics","level":1,"trainees":2,"priority":3,
                      "window":{"start":"2027-01-01","end":"2027-02-28"}},
                     {"id":"SA-forensics-1","state":"SA","skill":"forensics","level":1,"trainees":3,"priority":2}]}"#,
        )
        .expect("the six ways scenario reads")
    }

    fn served(scenario: &Scenario, need: &NeedId) -> i64 {
        solve(scenario, &Options::default()).expect("a plan").served(need)
    }

    /// The worker's replies to a request for fixes.
    fn replies(scenario: &Scenario) -> Vec<CapacityReply> {
        let mut out = Vec::new();
        let clock = std::cell::Cell::new(0.0);
        // Each reading of the clock is a second later: every need is said as it is found.
        let now = || {
            clock.set(clock.get() + 1000.0);
            clock.get()
        };
        answer(scenario, &Options::default(), &now, &mut |r: &CapacityReply| {
            out.push(CapacityReply::decode(&r.encode()).expect("a reply reads back"))
        });
        out
    }

    #[test]
    fn the_worker_says_its_progress_most_harmful_first_and_finds_what_the_core_finds() {
        let scenario = six_ways();
        let out = replies(&scenario);
        let Some(CapacityReply::Fixed { total, .. }) = out.last() else { panic!("{out:?}") };
        assert_eq!(*total, 6, "six needs are short");
        let mut said = Vec::new();
        let mut done_before = None;
        for reply in &out[..out.len() - 1] {
            let CapacityReply::Fixing { done, total, found } = reply else { panic!("{reply:?}") };
            assert_eq!(*total, 6);
            assert!(done_before.is_none_or(|before| *done > before), "progress only rises: {out:?}");
            done_before = Some(*done);
            said.extend(found.iter().cloned());
        }
        assert_eq!(done_before, Some(6));
        assert!(matches!(out[0], CapacityReply::Fixing { done: 0, .. }), "the count is shown at once");
        let priorities: Vec<i64> = said.iter().map(|f| scenario.need(&f.need).expect("its need").priority).collect();
        assert!(priorities.windows(2).all(|w| w[0] >= w[1]), "most harmful first: {priorities:?}");
        let core: BTreeSet<String> =
            fixes(&scenario, &Options::default()).expect("fixes").iter().map(|f| format!("{f:?}")).collect();
        assert_eq!(said.iter().map(|f| format!("{f:?}")).collect::<BTreeSet<_>>(), core);

        let mut invalid = scenario.clone();
        invalid.needs[0].skill = "nothing-like-it".into();
        let out = replies(&invalid);
        assert!(matches!(out.as_slice(), [CapacityReply::Refused { why: Why::Problems, .. }]), "{out:?}");
    }

    #[test]
    fn on_the_demo_the_needs_searched_are_the_plans_unmet_needs() {
        let demo = crate::ui::vm::plan::tests::demo();
        let fixer = Fixer::new(&demo.scenario, &Options::default()).expect("the demo's regions solve");
        let searched: BTreeSet<(NeedId, i64)> =
            fixer.unmet().into_iter().map(|(n, short)| (n.clone(), short)).collect();
        let unmet: BTreeSet<(NeedId, i64)> = demo.plan.unmet.iter().map(|u| (u.need.clone(), u.seats)).collect();
        assert_eq!(searched, unmet);
    }

    #[test]
    fn applying_each_kind_of_fix_gives_its_need_more_seats_when_solved_again() {
        let scenario = six_ways();
        let found = fixes(&scenario, &Options::default()).expect("fixes");
        let mut kinds = BTreeSet::new();
        for fix in &found {
            let before = served(&scenario, &fix.need);
            for row in rows(fix, &scenario, &scenario, "en") {
                assert!(!row.changed, "nothing changed yet: {row:?}");
                let mut after = scenario.clone();
                apply(&mut after, &fix.need, &row.remedy).expect("applies");
                assert_ne!(after, scenario);
                assert!(changed_since(&scenario, &after, &fix.need, &row.remedy), "{row:?}");
                assert!(served(&after, &fix.need) > before, "{}: {:?} does not seat more", fix.need, row.remedy);
                assert!(served(&after, &fix.need) - before >= row.gains, "{row:?} promised {} seats", row.gains);
                kinds.insert(size(&row.remedy));
            }
        }
        assert_eq!(kinds, (0..=5).collect(), "each kind of change is found and applied: {found:?}");
        // Each need's expected kind.
        let first = |need: &str| -> Remedy {
            let fix = found.iter().find(|f| f.need.as_str() == need).expect("a fix");
            rows(fix, &scenario, &scenario, "en").remove(0).remedy
        };
        assert_eq!(first("QA-osint-1"), Remedy::Seat { session: "OS-A".into() });
        assert_eq!(first("EG-forensics-1"), Remedy::StateCap { session: "DF-A".into(), cap: 3 });
        assert_eq!(first("TN-forensics-1"), Remedy::Language { session: "DF-A".into(), language: "ar".into() });
        assert!(matches!(first("MA-forensics-1"), Remedy::Window { days: 11, .. }), "{:?}", first("MA-forensics-1"));
        assert_eq!(
            first("JO-forensics-1"),
            Remedy::Mode { session: "DF-A".into(), mode: crate::model::Mode::InPerson }
        );
        assert_eq!(first("SA-forensics-1"), Remedy::Budget { amount: 500 });
    }

    #[test]
    fn a_fix_names_its_session_in_the_interface_language_and_says_when_it_is_made_or_gone() {
        let scenario = six_ways();
        let fix = Fix {
            need: "EG-forensics-1".into(),
            changes: vec![Remedy::Budget { amount: 10 }, Remedy::StateCap { session: "DF-A".into(), cap: 3 }],
            gains: vec![1, 2],
        };
        let ar = rows(&fix, &scenario, &scenario, "ar");
        assert!(matches!(ar[0].remedy, Remedy::StateCap { .. }), "the smaller change first: {ar:?}");
        let place = ar[0].place.as_ref().expect("a session");
        assert_eq!((place.title.as_str(), place.location.as_str()), ("أساسيات التحليل الجنائي الرقمي", "الدوحة"));
        assert_eq!((ar[0].state.as_str(), ar[0].gains, ar[1].place.as_ref()), ("مصر", 2, None));
        let words = crate::ui::i18n::UiLang::En.catalogue();
        let en = rows(&fix, &scenario, &scenario, "en");
        assert_eq!(
            crate::ui::i18n::RemedyWords::fix(words, &en[0]),
            "Allowing Egypt 3 seats in Digital forensics foundations, Doha, 7–11 March 2027 (one more) would place 2 trainees."
        );
        // Undone, the change can be made again; with its session deleted, it cannot.
        let mut current = scenario.clone();
        apply(&mut current, &fix.need, &fix.changes[1]).expect("applies");
        assert!(rows(&fix, &scenario, &current, "en")[0].changed);
        assert!(!rows(&fix, &scenario, &scenario, "en")[0].changed);
        current.sessions.retain(|s| s.id.as_str() != "DF-A");
        assert!(rows(&fix, &scenario, &current, "en")[0].changed);
        assert_eq!(apply(&mut current, &fix.need, &fix.changes[1]), Err(Refused::UnknownSession("DF-A".into())));
        current.needs.retain(|n| n.id != fix.need);
        assert_eq!(apply(&mut current, &fix.need, &fix.changes[0]), Err(Refused::UnknownNeed(fix.need.clone())));
    }

    #[test]
    fn in_the_connected_app_each_role_may_make_only_the_changes_of_the_rows_it_edits() {
        let account = |role, state: Option<&str>| Account {
            login: "x".into(),
            role,
            state: state.map(str::to_string),
            csrf: "t".into(),
        };
        let eg: StateCode = "EG".into();
        let seat = Remedy::Seat { session: "DF-A".into() };
        let cap = Remedy::StateCap { session: "DF-A".into(), cap: 3 };
        let language = Remedy::Language { session: "DF-A".into(), language: "ar".into() };
        let budget = Remedy::Budget { amount: 500 };
        let all = [&seat, &cap, &language, &budget];
        assert!(all.iter().all(|r| may_apply(None, &eg, r)), "the app on its own makes any change");
        let centre = account(AccountRole::Centre, None);
        assert_eq!(all.map(|r| may_apply(Some(&centre), &eg, r)), [true, true, false, false]);
        let focal = account(AccountRole::Focal, Some("EG"));
        assert_eq!(all.map(|r| may_apply(Some(&focal), &eg, r)), [false, false, true, false]);
        let other = account(AccountRole::Focal, Some("TN"));
        assert!(!may_apply(Some(&other), &eg, &language), "not another state's need");
        let planner = account(AccountRole::Planner, None);
        assert!(all.iter().all(|r| !may_apply(Some(&planner), &eg, r)));
    }
}
