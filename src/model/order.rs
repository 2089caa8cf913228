//! One sort for the whole crate. `slice::sort_by` and `collect` into a `BTreeMap` or
//! `BTreeSet` (which sorts what it collects) compile the standard library's stable sort once per
//! element type and comparator, about 4 KB of WebAssembly each, dozens of times in the browser
//! app. These functions give the same results (stable order; a repeated key keeps its last
//! value) with one compiled sort, of indices, behind a `&dyn` comparator.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, keeping equal items in their order: what `slice::sort_by` gives.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // Each index is in `order` once, so every slot is taken exactly once.
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `items` by the key of each, keeping equal keys in their order (`slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order (`slice::sort`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one compiled sort: indices, compared through `compare`.
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// The map of `pairs`, a repeated key holding its last value (what `collect` gives, without its
/// sort).
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// The set of `items` (what `collect` gives, without its sort).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_keeps_equal_items_in_their_order_as_the_standard_sort_does() {
        let words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime", "yam", "banana", "nut"];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut theirs = ours.clone();
        sort_by(&mut ours, |a, b| a.1.len().cmp(&b.1.len()));
        theirs.sort_by_key(|w| w.1.len());
        assert_eq!(ours, theirs);
        assert_eq!(ours.iter().map(|w| w.1).collect::<Vec<_>>()[..3], ["fig", "yam", "nut"]);
    }

    #[test]
    fn sort_by_key_and_sort_order_as_the_standard_ones() {
        let mut ours = vec![5, -3, 9, 0, -3, 12, 7, -8, 1];
        let mut theirs = ours.clone();
        sort_by_key(&mut ours, |n: &i32| n.abs());
        theirs.sort_by_key(|n: &i32| n.abs());
        assert_eq!(ours, theirs);
        sort(&mut ours);
        assert_eq!(ours, [-8, -3, -3, 0, 1, 5, 7, 9, 12]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn map_and_set_hold_what_collect_holds() {
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        assert_eq!(map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map(pairs)["b"], 3, "a repeated key keeps its last value");
        assert_eq!(set([3, 1, 3, 2]).into_iter().collect::<Vec<_>>(), [1, 2, 3]);
    }
}
