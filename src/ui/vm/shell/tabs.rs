//! Moving between tabs with the keyboard, as the WAI-ARIA tabs pattern has it: Left and Right
//! go to the previous and next tab (mirrored when the page reads right to left, where the next
//! tab is on the left), wrapping at the ends; Home and End go to the first and last.

/// The tab to move to from tab `from` of `count` when `key` (a `KeyboardEvent.key`) is
/// pressed, or `None` when the key is not one of the tab list's.
pub fn step(key: &str, right_to_left: bool, from: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let next = (from + 1) % count;
    let previous = (from + count - 1) % count;
    match (key, right_to_left) {
        ("ArrowRight", false) | ("ArrowLeft", true) => Some(next),
        ("ArrowLeft", false) | ("ArrowRight", true) => Some(previous),
        ("Home", _) => Some(0),
        ("End", _) => Some(count - 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn arrows_move_and_wrap_and_are_mirrored_right_to_left() {
        assert_eq!(step("ArrowRight", false, 0, 3), Some(1));
        assert_eq!(step("ArrowRight", false, 2, 3), Some(0));
        assert_eq!(step("ArrowLeft", false, 0, 3), Some(2));
        // In Arabic the next tab is to the left.
        assert_eq!(step("ArrowLeft", true, 0, 3), Some(1));
        assert_eq!(step("ArrowRight", true, 0, 3), Some(2));
        assert_eq!(step("Home", true, 2, 3), Some(0));
        assert_eq!(step("End", false, 0, 3), Some(2));
        assert_eq!(step("Enter", false, 0, 3), None);
        assert_eq!(step("ArrowDown", false, 0, 3), None);
        assert_eq!(step("End", false, 0, 0), None);
    }
}
