//! Sorting, through one copy of the standard library's sort for the whole bundle.
//!
//! `slice::sort_by` is generic over the element and the comparison: every call site with its own
//! types carries its own copy of the algorithm (about 4 KB of wasm each), and so does every
//! `collect()` into a `BTreeMap` or `BTreeSet` (it sorts before it builds). These helpers sort a
//! permutation of indices in one non-generic function instead, then move the items into place:
//! an extra pass and a comparison through a pointer, nothing a list of a few thousand notices.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` by a key, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one instantiation of the standard library's sort.
#[inline(never)]
#[allow(clippy::disallowed_methods)]
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// A map from pairs, as `collect()` builds it (a later pair replaces an earlier equal key), by
/// insertion rather than `collect()`'s sort.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in pairs {
        m.insert(k, v);
    }
    m
}

/// A set from items, by insertion rather than `collect()`'s sort.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    for t in items {
        s.insert(t);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods)]
    fn sorts_stably_as_the_standard_library_does() {
        let mut items: Vec<(u8, &str)> = vec![(3, "c"), (1, "a"), (2, "b1"), (1, "a2"), (2, "b2"), (0, "z")];
        let mut expected = items.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut items, |p| p.0);
        assert_eq!(items, expected);
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        assert_eq!(map([(2, "b"), (1, "a"), (2, "c")]), BTreeMap::from([(1, "a"), (2, "c")]));
        assert_eq!(set([3, 1, 3]).into_iter().collect::<Vec<_>>(), [1, 3]);
    }
}
