//! The offline queue: edits that could not reach the server (no answer, or a gateway's 502,
//! 503 or 504), kept in order in the browser's storage under their own key and sent again, in
//! order, once the server answers. Each account has its own queue (its login and the server's
//! origin): another account signing in on the same browser never sends it; the queue is kept
//! for its owner and the page says so.
//!
//! A queued edit is a [`PendingEdit`] as it was first sent: the rev it was based on goes with
//! it, so an edit made offline over a row someone changed meanwhile meets the conflict rules
//! (409) instead of overwriting it. Later changes to a queued row change its body, not its
//! place or its rev. An edit leaves the queue only when its answer arrived.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::request::Answer;
use super::sync::{Op, PendingEdit};
use crate::ui::vm::shell::storage::SCHEMA_VERSION;

/// Whose queue: the signed-in login on one server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub login: String,
    /// The page's origin (`http://127.0.0.1:8080`).
    pub origin: String,
}

/// One account's edits waiting for the server, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Queue {
    pub owner: Owner,
    pub edits: Vec<PendingEdit>,
}

/// Whether an answer means the server could not be reached: no answer at all, or a proxy's
/// 502, 503 or 504. Such an edit is queued, never dropped.
pub fn unreachable(answer: Option<&Answer>) -> bool {
    answer.is_none_or(|answer| matches!(answer.status, 502..=504))
}

impl Queue {
    pub fn new(owner: Owner) -> Queue {
        Queue { owner, edits: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.edits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The oldest edit, the next to send.
    pub fn first(&self) -> Option<&PendingEdit> {
        self.edits.first()
    }

    /// Adds `edit` at the end, or, when its row already waits, changes that edit in place
    /// (see [`Queue::follow`]).
    pub fn push(&mut self, edit: PendingEdit) {
        let key = edit.key();
        match self.edits.iter().position(|queued| queued.key() == key) {
            Some(at) => {
                let body = edit.body().cloned();
                self.set_body(at, body);
            }
            None => self.edits.push(edit),
        }
    }

    /// The answer to the edit of `key` arrived: it leaves the queue.
    pub fn answered(&mut self, key: &str) {
        if let Some(at) = self.edits.iter().position(|edit| edit.key() == key) {
            self.edits.remove(at);
        }
    }

    /// Each queued row as it is now in the app (`row` gives a key's body, `None` when the row
    /// was removed): a changed row's edit carries its new body, a removed row's change becomes
    /// its delete over the same rev, a row created offline and removed again leaves the queue.
    /// True when something changed.
    pub fn follow(&mut self, row: impl Fn(&str) -> Option<Value>) -> bool {
        let mut changed = false;
        let mut at = 0;
        while at < self.edits.len() {
            let now = row(&self.edits[at].key());
            if now.as_ref() != self.edits[at].body() {
                changed = true;
                if !self.set_body(at, now) {
                    continue;
                }
            }
            at += 1;
        }
        changed
    }

    /// The edit at `at` made to send `body` (`None`: the row is gone). False when the edit
    /// was taken out of the queue (a create whose row is gone).
    fn set_body(&mut self, at: usize, body: Option<Value>) -> bool {
        let edit = &mut self.edits[at];
        edit.op = match (&edit.op, body) {
            (Op::Create { .. }, Some(body)) => Op::Create { body },
            (Op::Create { .. }, None) => {
                self.edits.remove(at);
                return false;
            }
            (Op::Replace { rev, .. } | Op::Delete { rev }, Some(body)) => Op::Replace { rev: *rev, body },
            (Op::Replace { rev, .. } | Op::Delete { rev }, None) => Op::Delete { rev: *rev },
        };
        true
    }
}

/// Every account's queue on this browser, as stored under `storage::KEY_QUEUE`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Queues(pub Vec<Queue>);

/// What was found under the queue's key.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    Queues(Queues),
    /// Written by a newer Qudra: neither read nor overwritten.
    Newer(u32),
    /// Present but unreadable: left as it is, so nothing is lost.
    Unreadable(String),
}

impl Queues {
    /// `owner`'s queue (empty when it has none).
    pub fn of(&self, owner: &Owner) -> Queue {
        self.0.iter().find(|queue| queue.owner == *owner).cloned().unwrap_or_else(|| Queue::new(owner.clone()))
    }

    /// Puts `queue` in place of its owner's (an empty one is removed).
    pub fn put(&mut self, queue: &Queue) {
        self.0.retain(|kept| kept.owner != queue.owner);
        if !queue.is_empty() {
            self.0.push(queue.clone());
        }
    }

    /// The other accounts of the same server with edits waiting here: `(login, edits)`.
    pub fn others(&self, owner: &Owner) -> Vec<(String, usize)> {
        self.0
            .iter()
            .filter(|queue| queue.owner.origin == owner.origin && queue.owner.login != owner.login)
            .map(|queue| (queue.owner.login.clone(), queue.len()))
            .collect()
    }

    /// The envelope to store, with the storage's `schema_version`.
    pub fn encode(&self) -> String {
        json!({ "schema_version": SCHEMA_VERSION, "queues": self.0 }).to_string()
    }

    /// Reads what [`Queues::encode`] stored (nothing stored: no queue).
    pub fn decode(stored: Option<&str>) -> Stored {
        let Some(text) = stored.filter(|text| !text.trim().is_empty()) else {
            return Stored::Queues(Queues::default());
        };
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(err) => return Stored::Unreadable(err.to_string()),
        };
        let version = value.get("schema_version").and_then(Value::as_u64).unwrap_or(0);
        if version > u64::from(SCHEMA_VERSION) {
            return Stored::Newer(u32::try_from(version).unwrap_or(u32::MAX));
        }
        if version < 1 {
            return Stored::Unreadable("the offline queue has no schema_version".into());
        }
        match serde_json::from_value::<Vec<Queue>>(value.get("queues").cloned().unwrap_or(Value::Null)) {
            Ok(queues) => Stored::Queues(Queues(queues)),
            Err(err) => Stored::Unreadable(err.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(login: &str) -> Owner {
        Owner { login: login.into(), origin: "http://127.0.0.1:8080".into() }
    }

    fn replace(id: &str, rev: i64, trainees: i64) -> PendingEdit {
        PendingEdit {
            kind: "needs".into(),
            id: id.into(),
            op: Op::Replace { rev, body: json!({"id": id, "trainees": trainees}) },
        }
    }

    fn create(id: &str, trainees: i64) -> PendingEdit {
        PendingEdit {
            kind: "needs".into(),
            id: id.into(),
            op: Op::Create { body: json!({"id": id, "trainees": trainees}) },
        }
    }

    fn answer(status: u16) -> Answer {
        Answer { status, body: Value::Null, retry_after: None }
    }

    #[test]
    fn no_answer_and_gateway_errors_mean_unreachable_a_refusal_does_not() {
        assert!(unreachable(None));
        for status in [502, 503, 504] {
            assert!(unreachable(Some(&answer(status))), "{status}");
        }
        for status in [200, 201, 204, 401, 403, 404, 409, 422, 500] {
            assert!(!unreachable(Some(&answer(status))), "{status}");
        }
    }

    #[test]
    fn edits_wait_in_order_and_leave_only_when_answered() {
        let mut queue = Queue::new(owner("focal-qa"));
        queue.push(replace("QA-a", 3, 5));
        queue.push(create("QA-b", 2));
        queue.push(replace("QA-c", 4, 1));
        let ids = |q: &Queue| q.edits.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&queue), ["QA-a", "QA-b", "QA-c"]);
        assert_eq!(queue.first().map(|e| e.id.as_str()), Some("QA-a"));
        queue.answered("needs/QA-b");
        assert_eq!(ids(&queue), ["QA-a", "QA-c"]);
        queue.answered("needs/QA-zz");
        assert_eq!(queue.len(), 2, "an unknown answer takes nothing out");
    }

    #[test]
    fn a_row_changed_again_keeps_its_place_and_its_rev() {
        let mut queue = Queue::new(owner("focal-qa"));
        queue.push(replace("QA-a", 3, 5));
        queue.push(replace("QA-b", 7, 1));
        queue.push(replace("QA-a", 9, 6));
        assert_eq!(queue.len(), 2);
        assert_eq!(queue.edits[0], replace("QA-a", 3, 6), "the first rev, the last body");
    }

    #[test]
    fn following_the_app_changes_bodies_deletes_and_drops_unsent_creates() {
        let mut queue = Queue::new(owner("focal-qa"));
        queue.push(replace("QA-a", 3, 5));
        queue.push(create("QA-new", 2));
        queue.push(replace("QA-c", 4, 1));
        let unchanged = queue.clone();
        assert!(!queue.follow(|key| unchanged.edits.iter().find(|e| e.key() == key).and_then(|e| e.body().cloned())));
        let changed = queue.follow(|key| match key {
            "needs/QA-a" => Some(json!({"id": "QA-a", "trainees": 8})),
            _ => None,
        });
        assert!(changed);
        assert_eq!(
            queue.edits,
            vec![replace("QA-a", 3, 8), PendingEdit { op: Op::Delete { rev: 4 }, ..replace("QA-c", 4, 1) }]
        );
        queue.follow(|_| Some(json!({"id": "QA-c", "trainees": 2})));
        assert_eq!(queue.edits[1].op, Op::Replace { rev: 4, body: json!({"id": "QA-c", "trainees": 2}) }, "put back");
    }

    #[test]
    fn each_account_has_its_own_queue_and_sees_the_others_waiting() {
        let mut queues = Queues::default();
        let mut mine = Queue::new(owner("focal-qa"));
        mine.push(replace("QA-a", 3, 5));
        mine.push(replace("QA-b", 3, 5));
        queues.put(&mine);
        let elsewhere = Owner { login: "focal-qa".into(), origin: "https://other.example".into() };
        let mut there = Queue::new(elsewhere.clone());
        there.push(replace("QA-z", 1, 1));
        queues.put(&there);
        assert_eq!(queues.of(&owner("focal-qa")), mine);
        assert!(queues.of(&owner("focal-eg")).is_empty(), "another account starts with nothing");
        assert_eq!(queues.others(&owner("focal-eg")), vec![("focal-qa".to_string(), 2)]);
        assert_eq!(queues.others(&owner("focal-qa")), vec![], "another server's queue is not named");
        mine.answered("needs/QA-a");
        mine.answered("needs/QA-b");
        queues.put(&mine);
        assert_eq!(queues.0, vec![there], "an emptied queue is removed");
    }

    #[test]
    fn the_stored_queue_comes_back_in_order_and_newer_or_broken_ones_are_left_alone() {
        let mut queues = Queues::default();
        let mut mine = Queue::new(owner("focal-qa"));
        mine.push(create("QA-new", 2));
        mine.push(replace("QA-a", 3, 5));
        mine.push(PendingEdit { kind: "needs".into(), id: "QA-c".into(), op: Op::Delete { rev: 9 } });
        queues.put(&mine);
        let text = queues.encode();
        assert!(text.contains("\"schema_version\":1"), "{text}");
        assert_eq!(Queues::decode(Some(&text)), Stored::Queues(queues));
        assert_eq!(Queues::decode(None), Stored::Queues(Queues::default()));
        let newer = json!({"schema_version": SCHEMA_VERSION + 1, "queues": "?"}).to_string();
        assert_eq!(Queues::decode(Some(&newer)), Stored::Newer(SCHEMA_VERSION + 1));
        assert!(matches!(Queues::decode(Some("{\"schema_version\":1,")), Stored::Unreadable(_)));
        assert!(matches!(Queues::decode(Some("{\"queues\":[]}")), Stored::Unreadable(_)));
    }
}
