//! Sorts that are small in wasm. The standard library's sorts are built for large inputs
//! and cost a few KB of wasm for every element type and order they are used with (a
//! tenth of the engine's code, once). The engine sorts short lists (the edits of one
//! text, a profile's reasons) and a few of a few thousand at most, once per answer.

use std::cmp::Ordering;

/// Stable insertion sort, for lists of a few dozen at most.
pub fn insertion_sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Unstable heapsort: O(n log n) comparisons, no allocation. Use it only with a total
/// order (equal elements indistinguishable), so the result does not depend on the input
/// order.
pub fn heapsort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut less = |a: &T, b: &T| compare(a, b) == Ordering::Less;
    let mut sift_down = |v: &mut [T], mut node: usize| loop {
        let mut child = 2 * node + 1;
        if child >= v.len() {
            break;
        }
        if child + 1 < v.len() && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            break;
        }
        v.swap(node, child);
        node = child;
    };
    for node in (0..v.len() / 2).rev() {
        sift_down(v, node);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0);
    }
}

/// [`heapsort_by`] in ascending order.
pub fn heapsort<T: Ord>(v: &mut [T]) {
    heapsort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heapsort_sorts_like_std(mut v in proptest::collection::vec(any::<(u8, u16)>(), 0..300)) {
            let mut expected = v.clone();
            expected.sort();
            heapsort(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn insertion_sort_is_stable(mut v in proptest::collection::vec((0u8..4, any::<u16>()), 0..60)) {
            let mut expected = v.clone();
            expected.sort_by_key(|pair| pair.0);
            insertion_sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(v, expected);
        }
    }
}
