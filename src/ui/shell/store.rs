//! The app's state, shared by context: the scenario in one signal (plain data, never signals
//! inside), its validation, the drafts of fields whose text was refused, undo/redo, and saving
//! to local storage. Every change goes through here; components only render and dispatch.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use leptos::prelude::*;
use serde_json::Value;

use super::browser;
use crate::model::{NeedId, Problem, Scenario, StateCode};
use crate::ui::i18n::{Note, UiLang};
use crate::ui::vm::connect::problems::{self, ServerProblem};
use crate::ui::vm::edit::deleted::{self, DeletedNeed};
use crate::ui::vm::edit::field::{self, Kind};
use crate::ui::vm::edit::issue::FieldIssue;
use crate::ui::vm::edit::{rows, views};
use crate::ui::vm::plan::adjust;
use crate::ui::vm::shell::files;
use crate::ui::vm::shell::first::{self, Choice};
use crate::ui::vm::shell::history::History;
use crate::ui::vm::shell::storage::{self, Loaded, KEY_DEMO, KEY_FOCAL_STATE, KEY_LANG, KEY_ROLE, KEY_SCENARIO};
use crate::ui::vm::shell::Role;

/// The demo scenario a first visit shows, built into the app so it works offline.
pub const DEMO_JSON: &str = include_str!("../../../data/demo-2027.json");

/// The longest an edit waits before the scenario is written to storage. Edits within that
/// time share one write (typing does not write on every key), and steady typing still writes
/// this often, so nothing typed is ever more than this far from being saved.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// The server's problems at the fields' paths of the rows as they now stand: the scenario is
/// read (and tracked) only while some row has problems.
fn server_field_issues(
    scenario: RwSignal<Scenario>,
    refused: RwSignal<BTreeMap<String, Vec<ServerProblem>>>,
) -> Memo<BTreeMap<String, Vec<FieldIssue>>> {
    Memo::new(move |_| {
        refused.with(|refused| {
            if refused.is_empty() {
                BTreeMap::new()
            } else {
                scenario.with(|s| problems::by_field_path(s, refused))
            }
        })
    })
}

/// Text the user typed that was not taken into the scenario, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub text: String,
    pub issues: Vec<FieldIssue>,
}

/// Whether what is on screen is also in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed,
    /// Storage holds data this build must not overwrite (newer or unreadable).
    Off,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub scenario: RwSignal<Scenario>,
    pub problems: Memo<Vec<Problem>>,
    /// The problems of the scenario a field edit is about to set, found while checking the
    /// edit: `problems` takes them instead of validating the same scenario a second time.
    checked: StoredValue<Option<Vec<Problem>>>,
    pub issues: Memo<BTreeMap<String, Vec<FieldIssue>>>,
    /// The connected app's refused rows' typed problems, by row key (`needs/QA-x`), set by
    /// the connection; `server_issues` places them at the fields' paths of the rows now.
    // Set only by the connected build (`ui::connect`); the standalone one leaves it empty.
    #[cfg_attr(not(feature = "connect"), allow(dead_code))]
    pub server_problems: RwSignal<BTreeMap<String, Vec<ServerProblem>>>,
    server_issues: Memo<BTreeMap<String, Vec<FieldIssue>>>,
    pub drafts: RwSignal<BTreeMap<String, Draft>>,
    history: StoredValue<History<Scenario>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub lang: RwSignal<UiLang>,
    pub role: RwSignal<Role>,
    pub focal_state: RwSignal<StateCode>,
    /// Nothing was stored when the page opened: the user is asked who they are first.
    pub first_visit: RwSignal<bool>,
    /// The scenario is (still) the demo's, edited or not: the demo banner shows.
    pub demo: RwSignal<bool>,
    pub notes: RwSignal<Vec<(u64, Note)>>,
    next_note: StoredValue<u64>,
    pub save: RwSignal<SaveState>,
    /// Bumped to cancel a write that is due (after "Clear local data").
    save_generation: StoredValue<u64>,
    /// A write is already due within [`SAVE_DELAY`].
    save_due: StoredValue<bool>,
    /// False in the connected app: the server's data is never written to local storage.
    local: StoredValue<bool>,
    /// Needs added or duplicated on this page: their ids follow their skill and level
    /// ([`rows::follow_id`]).
    new_needs: StoredValue<BTreeSet<NeedId>>,
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

fn demo() -> Scenario {
    Scenario::from_json(DEMO_JSON).unwrap_or_else(|_| Scenario::empty("Qudra"))
}

impl Store {
    /// Loads what the browser holds (or the demo on a first visit) and remembers the language,
    /// workspace and focal point's state.
    pub fn load() -> Store {
        let mut notes = Vec::new();
        let mut save = SaveState::Saved;
        let stored = storage::decode(browser::read(KEY_SCENARIO).as_deref());
        let is_demo = match &stored {
            Loaded::Scenario { .. } => browser::read(KEY_DEMO).is_some(),
            Loaded::Nothing | Loaded::Newer(_) | Loaded::Unreadable(_) => true,
        };
        let first_visit = first::is_first_visit(stored != Loaded::Nothing, browser::read(KEY_ROLE).is_some());
        let scenario = match stored {
            Loaded::Nothing => demo(),
            Loaded::Scenario { scenario, from } => {
                if from < storage::SCHEMA_VERSION {
                    notes.push(Note::StorageMigrated(from));
                    save = SaveState::Pending;
                }
                *scenario
            }
            Loaded::Newer(version) => {
                notes.push(Note::StorageNewer(version));
                save = SaveState::Off;
                demo()
            }
            Loaded::Unreadable(_) => {
                notes.push(Note::StorageUnreadable);
                save = SaveState::Off;
                demo()
            }
        };
        let lang = browser::read(KEY_LANG).and_then(|c| UiLang::from_code(&c)).unwrap_or_default();
        let role = browser::read(KEY_ROLE).and_then(|c| Role::from_code(&c)).unwrap_or_default();
        let focal_state = browser::read(KEY_FOCAL_STATE)
            .map(StateCode::new)
            .filter(|code| scenario.state(code).is_some())
            .or_else(|| scenario.states.first().map(|s| s.code.clone()))
            .unwrap_or_default();
        let scenario = RwSignal::new(scenario);
        let checked = StoredValue::new(None::<Vec<Problem>>);
        let problems = Memo::new(move |_| {
            scenario
                .with(|s| checked.try_update_value(Option::take).flatten().unwrap_or_else(|| crate::model::validate(s)))
        });
        let issues = Memo::new(move |_| problems.with(|p| views::issues_by_path(p)));
        let server_problems = RwSignal::new(BTreeMap::new());
        let server_issues = server_field_issues(scenario, server_problems);
        let store = Store {
            scenario,
            problems,
            checked,
            issues,
            server_problems,
            server_issues,
            drafts: RwSignal::new(BTreeMap::new()),
            history: StoredValue::new(History::new(200)),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            lang: RwSignal::new(lang),
            role: RwSignal::new(role),
            focal_state: RwSignal::new(focal_state),
            first_visit: RwSignal::new(first_visit),
            demo: RwSignal::new(is_demo),
            notes: RwSignal::new(Vec::new()),
            next_note: StoredValue::new(0),
            save: RwSignal::new(save),
            save_generation: StoredValue::new(0),
            save_due: StoredValue::new(false),
            local: StoredValue::new(true),
            new_needs: StoredValue::new(BTreeSet::new()),
        };
        for note in notes {
            store.notify(note);
        }
        if save == SaveState::Pending {
            store.schedule_save();
        }
        store
    }

    // ---- reading -------------------------------------------------------------------------

    /// What is wrong at `path`: problems of a refused draft there, then the scenario's own.
    pub fn field_issues(&self, path: &str) -> Vec<FieldIssue> {
        let mut out: Vec<FieldIssue> =
            self.drafts.with(|d| d.get(path).map(|draft| draft.issues.clone()).unwrap_or_default());
        for map in [self.issues, self.server_issues] {
            map.with(|map| {
                for issue in map.get(path).into_iter().flatten() {
                    if !out.contains(issue) {
                        out.push(issue.clone());
                    }
                }
            });
        }
        out
    }

    pub fn has_draft(&self, path: &str) -> bool {
        self.drafts.with(|d| d.contains_key(path))
    }

    // ---- editing -------------------------------------------------------------------------

    /// The user typed `text` into the field at `path`: keep it if it adds no problem.
    pub fn edit_text(&self, path: &str, kind: Kind, text: String) {
        let result = match field::parse(kind, &text) {
            Ok(value) => self.checked_edit(path, value),
            Err(issue) => Err(vec![FieldIssue::new(path, issue)]),
        };
        self.settle(path, text, result);
    }

    /// The user chose `value` for the field at `path` (a select or a checkbox list). A new
    /// need whose skill or level changes takes the id that goes with them, in the same step.
    pub fn edit_value(&self, path: &str, value: Value) {
        let text = value.to_string();
        let result = self.checked_edit(path, value).map(|(mut next, problems)| {
            let followed = self.scenario.with_untracked(|s| {
                self.new_needs.with_value(|new| rows::follow_id(s, &mut next, path, |id| new.contains(id)))
            });
            match followed {
                // The id changed after the check: check the scenario as it now is.
                Some(id) => {
                    self.new_needs.update_value(|new| {
                        new.insert(id);
                    });
                    let problems = crate::model::validate(&next);
                    (next, problems)
                }
                None => (next, problems),
            }
        });
        self.settle(path, text, result);
    }

    /// Need `i` was just added or duplicated on this page: its id follows its skill and level.
    pub fn mark_new_need(&self, i: Option<usize>) {
        if let Some(id) = i.and_then(|i| self.scenario.with_untracked(|s| s.needs.get(i).map(|n| n.id.clone()))) {
            self.new_needs.update_value(|new| {
                new.insert(id);
            });
        }
    }

    fn checked_edit(&self, path: &str, value: Value) -> Result<(Scenario, Vec<Problem>), Vec<FieldIssue>> {
        self.problems
            .with_untracked(|before| self.scenario.with_untracked(|s| field::set_checked(s, before, path, value)))
    }

    fn settle(&self, path: &str, text: String, result: Result<(Scenario, Vec<Problem>), Vec<FieldIssue>>) {
        match result {
            Ok((scenario, problems)) => {
                // Only a draft there is dropped: the other fields' drafts stay, untouched.
                if self.drafts.with_untracked(|d| d.contains_key(path)) {
                    self.drafts.update(|d| {
                        d.remove(path);
                    });
                }
                self.commit(scenario, Some(path), Some(problems));
            }
            Err(issues) => self.drafts.update(|d| {
                d.insert(path.to_string(), Draft { text, issues });
            }),
        }
    }

    /// A change of rows (add, duplicate, delete): one undo step; drafts are dropped since row
    /// numbers may have moved.
    pub fn change<R>(&self, f: impl FnOnce(&mut Scenario) -> R) -> R {
        let mut next = self.scenario.get_untracked();
        let out = f(&mut next);
        self.replace(next);
        out
    }

    /// An adjustment that may be refused (pin, exclude): one undo step if `f` makes it; if not,
    /// the scenario stays as it was and `error` says why in the chosen language.
    pub fn try_change(
        &self,
        error: RwSignal<Option<String>>,
        f: impl FnOnce(&mut Scenario) -> Result<(), adjust::Refused>,
    ) {
        let mut next = self.scenario.get_untracked();
        match f(&mut next) {
            Ok(()) => {
                error.set(None);
                self.replace(next);
            }
            Err(refused) => error.set(Some(self.lang.get_untracked().catalogue().refused(&refused))),
        }
    }

    /// Replaces the whole scenario (import, reset, row changes) as one undo step.
    pub fn replace(&self, scenario: Scenario) {
        if self.drafts.with_untracked(|d| !d.is_empty()) {
            self.drafts.set(BTreeMap::new());
        }
        self.commit(scenario, None, None);
        self.history.update_value(History::seal);
    }

    /// Sets `scenario` as one undo step (merged with the previous one of the same `key`);
    /// `problems`, when given, are its validation's, already found.
    fn commit(&self, scenario: Scenario, key: Option<&str>, problems: Option<Vec<Problem>>) {
        if self.scenario.with_untracked(|s| *s == scenario) {
            return;
        }
        self.checked.set_value(problems);
        // The version replaced moves into the history: no copy of the whole scenario.
        let mut before = None;
        self.scenario.update(|s| before = Some(std::mem::replace(s, scenario)));
        if let Some(before) = before {
            self.history.update_value(|h| h.record(before, key));
        }
        self.after_change();
    }

    pub fn undo(&self) {
        let current = self.scenario.get_untracked();
        if let Some(previous) = self.history.try_update_value(|h| h.undo(current)).flatten() {
            self.drafts.set(BTreeMap::new());
            self.checked.set_value(None);
            self.scenario.set(previous);
            self.after_change();
        }
    }

    pub fn redo(&self) {
        let current = self.scenario.get_untracked();
        if let Some(next) = self.history.try_update_value(|h| h.redo(current)).flatten() {
            self.drafts.set(BTreeMap::new());
            self.checked.set_value(None);
            self.scenario.set(next);
            self.after_change();
        }
    }

    fn after_change(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.schedule_save();
    }

    // ---- files ---------------------------------------------------------------------------

    /// Imports a scenario or submission file; a bad file changes nothing.
    pub fn import(&self, text: &str) {
        let result = self.scenario.with_untracked(|s| files::import(s, text));
        match result {
            Ok((scenario, imported)) => {
                match &imported {
                    files::Imported::Submission { state, .. } => self.focal_state.set(state.clone()),
                    // A whole scenario of the user's own: no longer the demo.
                    files::Imported::Scenario { .. } => self.demo.set(false),
                }
                self.replace(scenario);
                self.notify(Note::Imported(imported));
            }
            Err(error) => self.notify(Note::ImportFailed(error)),
        }
    }

    pub fn reset_to_demo(&self) {
        self.demo.set(true);
        self.replace(demo());
        self.notify(Note::ResetDone);
    }

    /// Leaves the demo for the region's states and skills without made-up data (one undo
    /// step); the demo banner goes.
    pub fn start_empty(&self) {
        self.demo.set(false);
        self.replace(first::empty_like(&demo()));
        self.notify(Note::StartedEmpty);
    }

    /// The first visit's answer: opens that workspace (and state) and remembers it.
    pub fn choose(&self, choice: Choice) {
        if let Some(state) = choice.state() {
            self.remember(KEY_FOCAL_STATE, state.as_str());
            self.focal_state.set(state.clone());
        }
        let role = choice.role();
        self.remember(KEY_ROLE, role.code());
        self.role.set(role);
        self.first_visit.set(false);
    }

    /// Deletes need `i` (one undo step) and offers to take it back in a toast.
    pub fn delete_need(&self, i: usize) {
        if let Some(gone) = self.change(|s| deleted::delete_need(s, i)) {
            self.notify(Note::NeedDeleted(Box::new(gone)));
        }
    }

    /// The toast's "Undo": puts the need back where it was, with its pins and exclusions.
    pub fn restore_need(&self, gone: &DeletedNeed, note: u64) {
        self.dismiss(note);
        let restored = self.change(|s| deleted::restore_need(s, gone));
        if !restored {
            self.notify(Note::RestoreFailed(gone.id().clone()));
        }
    }

    /// Forgets everything this app stored in the browser and shows the demo, without saving it
    /// until the next edit.
    pub fn clear_local_data(&self) {
        for key in storage::ALL_KEYS {
            browser::remove(key);
        }
        self.save_generation.update_value(|g| *g += 1);
        self.save_due.set_value(false);
        self.drafts.set(BTreeMap::new());
        self.history.update_value(History::clear);
        self.demo.set(true);
        self.checked.set_value(None);
        self.scenario.set(demo());
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.save.set(SaveState::Saved);
        self.notes.set(Vec::new());
        self.notify(Note::Cleared);
    }

    // ---- the connected app ----------------------------------------------------------------

    /// Served by `qudra serve`: from now on nothing is written to local storage (a write that
    /// is due is cancelled), so the device's own data stays as it was.
    #[cfg(feature = "connect")]
    pub fn stop_local_saving(&self) {
        self.local.set_value(false);
        self.save_generation.update_value(|g| *g += 1);
        self.save_due.set_value(false);
    }

    /// The signed-in role's data from the server, in memory only; a focal point's state.
    #[cfg(feature = "connect")]
    pub fn use_server_data(&self, scenario: Scenario, state: Option<StateCode>) {
        self.drafts.set(BTreeMap::new());
        self.history.update_value(History::clear);
        self.can_undo.set(false);
        self.can_redo.set(false);
        if let Some(state) = state {
            self.focal_state.set(state);
        }
        self.scenario.set(scenario);
    }

    // ---- saving --------------------------------------------------------------------------

    /// Saves at most [`SAVE_DELAY`] after this change, together with any other change made
    /// meanwhile (the wait is not restarted, so steady typing is saved as it goes).
    fn schedule_save(&self) {
        if self.save.get_untracked() == SaveState::Off || !self.local.get_value() {
            return;
        }
        self.save.set(SaveState::Pending);
        if self.save_due.try_get_value().unwrap_or(false) {
            return;
        }
        self.save_due.set_value(true);
        let generation = self.save_generation.try_get_value();
        let store = *self;
        set_timeout(
            move || {
                if store.save_generation.try_get_value() == generation {
                    store.save_due.set_value(false);
                    store.flush();
                }
            },
            SAVE_DELAY,
        );
    }

    /// Writes a pending change now (also called when the page is hidden).
    pub fn flush(&self) {
        if self.save.get_untracked() != SaveState::Pending || !self.local.get_value() {
            return;
        }
        let text = self.scenario.with_untracked(storage::encode);
        if browser::write(KEY_SCENARIO, &text) {
            // Whether what was written is the demo's, for the banner after a reload.
            if self.demo.get_untracked() {
                browser::write(KEY_DEMO, "1");
            } else {
                browser::remove(KEY_DEMO);
            }
            self.save.set(SaveState::Saved);
            self.notes.update(|n| n.retain(|(_, note)| *note != Note::SaveFailed));
        } else {
            self.save.set(SaveState::Failed);
            if !self.notes.with_untracked(|n| n.iter().any(|(_, note)| *note == Note::SaveFailed)) {
                self.notify(Note::SaveFailed);
            }
        }
    }

    /// Remembers a small preference (language, workspace, state) unless storage is off.
    pub fn remember(&self, key: &str, value: &str) {
        if self.save.get_untracked() != SaveState::Off && (self.local.get_value() || key == KEY_LANG) {
            browser::write(key, value);
        }
    }

    // ---- notes ---------------------------------------------------------------------------

    pub fn notify(&self, note: Note) {
        let id = self.next_note.try_update_value(|n| {
            *n += 1;
            *n
        });
        let id = id.unwrap_or_default();
        self.notes.update(|notes| {
            if !note.is_warning() {
                notes.retain(|(_, n)| n.is_warning());
            }
            notes.push((id, note));
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.notes.update(|notes| notes.retain(|(i, _)| *i != id));
    }
}
