//! Undo and redo as a pure stack of earlier versions. Consecutive keystrokes in one field
//! share a key and become one step, so undo goes back a whole edit, not a character.

/// Earlier and later versions of a value, bounded to `limit` steps back.
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    last_key: Option<String>,
    limit: usize,
}

impl<T> History<T> {
    pub fn new(limit: usize) -> History<T> {
        History { undo: Vec::new(), redo: Vec::new(), last_key: None, limit: limit.max(1) }
    }

    /// Records `before`, the version an edit is about to replace. An edit with the same `key`
    /// as the previous one (the same field typed into again) merges into that step.
    pub fn record(&mut self, before: T, key: Option<&str>) {
        self.redo.clear();
        if key.is_some() && key == self.last_key.as_deref() && !self.undo.is_empty() {
            return;
        }
        self.last_key = key.map(str::to_string);
        self.undo.push(before);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// The version before `current`, if any; `current` becomes redoable.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        self.last_key = None;
        Some(previous)
    }

    /// The version undone last, if any; `current` becomes undoable again.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        self.last_key = None;
        Some(next)
    }

    /// Ends the current merge, so the next edit starts a new step even in the same field.
    pub fn seal(&mut self) {
        self.last_key = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.last_key = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut history = History::new(10);
        let mut value = 1;
        history.record(value, None);
        value = 2;
        history.record(value, None);
        value = 3;
        value = history.undo(value).unwrap();
        assert_eq!(value, 2);
        value = history.undo(value).unwrap();
        assert_eq!(value, 1);
        assert!(history.undo(value).is_none());
        value = history.redo(value).unwrap();
        assert_eq!(value, 2);
        value = history.redo(value).unwrap();
        assert_eq!(value, 3);
        assert!(!history.can_redo());
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut history = History::new(10);
        history.record("", Some("needs[0].note"));
        history.record("a", Some("needs[0].note"));
        history.record("ab", Some("needs[0].note"));
        assert_eq!(history.undo("abc"), Some(""));
        assert!(!history.can_undo());
    }

    #[test]
    fn another_field_or_a_seal_starts_a_new_step() {
        let mut history = History::new(10);
        history.record(0, Some("a"));
        history.record(1, Some("b"));
        history.seal();
        history.record(2, Some("b"));
        assert_eq!(history.undo(3), Some(2));
        assert_eq!(history.undo(2), Some(1));
        assert_eq!(history.undo(1), Some(0));
    }

    #[test]
    fn a_new_edit_forgets_what_was_undone() {
        let mut history = History::new(10);
        history.record(0, None);
        let back = history.undo(1).unwrap();
        assert!(history.can_redo());
        history.record(back, None);
        assert!(!history.can_redo());
    }

    #[test]
    fn only_the_last_steps_are_kept() {
        let mut history = History::new(2);
        for v in 0..5 {
            history.record(v, None);
        }
        assert_eq!(history.undo(5), Some(4));
        assert_eq!(history.undo(4), Some(3));
        assert_eq!(history.undo(3), None);
    }
}
