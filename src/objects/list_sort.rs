//! `list.sort()`: a stable, adaptive merge sort.
//!
//! The list is cut into natural runs (ascending, or strictly descending and then reversed,
//! so stability holds); runs shorter than a minimum length are extended by binary insertion.
//! Runs are merged in the order the Powersort policy gives: each boundary between two runs
//! gets a "power" (the depth, in a perfectly balanced merge tree over the array, of the
//! node that separates their midpoints), and a stack of runs is merged while its top
//! boundary is deeper than the new one — near-optimal merge costs on any run structure.
//! A merge first skips what is already in place at both ends (binary search) and copies
//! only the shorter side out.
//!
//! Sorted and reversed inputs are one run: n - 1 comparisons. Comparisons may run Python
//! code and fail: every step keeps the array a permutation of its items, so an error leaves
//! the list holding all its items. During the sort the list looks empty; a change made to
//! it meanwhile is undone and reported as ValueError, as in CPython.
//!
//! Homogeneous lists compare without the generic protocol: exact str by code points, exact
//! single-digit ints by value, other same-type items through the type's `tp_richcompare`.

use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::not_implemented;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{PyObject, Py_LT};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::int::{PyLongObject, PyLong_Type};
use crate::objects::list::PyListObject;
use crate::objects::str::PyUnicode_Type;
use crate::objects::str_repr;
use crate::objects::bool::{false_, true_};
use crate::pyport::Py_ssize_t;

/// Sorts list `op` in place (`list.sort(reverse=...)`, `PyList_Sort`).
///
/// # Safety
/// `op` is a live list.
pub(crate) unsafe fn sort(op: *mut PyObject, key: Option<*mut PyObject>, reverse: bool) -> PyResult<()> {
    let l = op as *mut PyListObject;
    // Detach the items: the list is empty (and marked with allocated == -1) while
    // comparisons run.
    let saved_items = (*l).ob_item;
    let saved_size = (*l).ob_base.ob_size as usize;
    let saved_allocated = (*l).allocated;
    (*l).ob_item = core::ptr::null_mut();
    (*l).ob_base.ob_size = 0;
    (*l).allocated = -1;

    let v: &mut [*mut PyObject] = if saved_items.is_null() {
        &mut []
    } else {
        core::slice::from_raw_parts_mut(saved_items, saved_size)
    };
    if reverse {
        v.reverse();
    }
    let result = match key {
        Some(k) => sort_with_key(v, k),
        None => sort_objects(v),
    };
    if reverse {
        v.reverse();
    }

    // Whatever was put in the list meanwhile is dropped; the sorted items go back.
    let modified = (*l).allocated != -1;
    let intruder_items = (*l).ob_item;
    let intruder_size = (*l).ob_base.ob_size.max(0) as usize;
    let intruder_slots = (*l).allocated.max(0) as usize;
    (*l).ob_item = saved_items;
    (*l).ob_base.ob_size = saved_size as Py_ssize_t;
    (*l).allocated = saved_allocated;
    if !intruder_items.is_null() {
        for i in (0..intruder_size).rev() {
            drop(PyRef::from_owned(*intruder_items.add(i)));
        }
        crate::objects::list_storage::free(intruder_items, intruder_slots);
    }
    result?;
    if modified {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "list modified during sort"));
    }
    Ok(())
}

/// Sorts object pointers by `<`, choosing the fastest comparison valid for all of them.
///
/// # Safety
/// Every item is a live object.
pub(crate) unsafe fn sort_objects(v: &mut [*mut PyObject]) -> PyResult<()> {
    sort_by(v, |x| x)
}

/// Sorts `v` by the objects `key_of` gives for its items.
unsafe fn sort_by<T: Copy>(v: &mut [T], key_of: impl Fn(T) -> *mut PyObject) -> PyResult<()> {
    if v.len() < 2 {
        return Ok(());
    }
    let tp = (*key_of(v[0])).ob_type;
    // One pass over the items for every question: on a large list each pass is a walk
    // through memory that does not fit the caches (sorting sorted ints was 1.5x CPython
    // with three). Small ints also say whether they are in order already or strictly
    // descending: then nothing else reads the objects (the sort is one run either way,
    // with the same result).
    let mut same_type = true;
    let first = if tp == &raw mut PyLong_Type { small_int(key_of(v[0])) } else { None };
    let mut small_ints = first.is_some();
    let (mut ascending, mut descending) = (true, true);
    let mut prev = first.unwrap_or(0);
    // The first item is of type `tp` and gave `prev`.
    for &o in &v[1..] {
        let k = key_of(o);
        if (*k).ob_type != tp {
            same_type = false;
            break;
        }
        if small_ints {
            match small_int(k) {
                Some(x) => {
                    ascending &= prev <= x;
                    descending &= prev > x;
                    prev = x;
                }
                None => small_ints = false,
            }
        }
    }
    if same_type && small_ints {
        if ascending {
            return Ok(());
        }
        if descending {
            v.reverse();
            return Ok(());
        }
    }
    if same_type && tp == &raw mut PyUnicode_Type {
        return merge_sort(v, &mut |a, b| Ok(str_repr::compare(key_of(a), key_of(b)) == core::cmp::Ordering::Less));
    }
    if same_type && small_ints {
        return merge_sort(v, &mut |a, b| {
            Ok(small_int(key_of(a)).unwrap_unchecked() < small_int(key_of(b)).unwrap_unchecked())
        });
    }
    if same_type {
        if let Some(slot) = (*tp).tp_richcompare {
            return merge_sort(v, &mut |a, b| {
                let (a, b) = (key_of(a), key_of(b));
                // A comparison may have changed an item's class (`__class__` assignment).
                if (*(*a).ob_type).tp_richcompare.map(|f| f as usize) != Some(slot as usize) {
                    return rich_compare_bool(a, b, Py_LT);
                }
                let r = slot(a, b, Py_LT);
                if r.is_null() {
                    return Err(Raised::assume_set());
                }
                if r == true_() || r == false_() {
                    (*r).ob_refcnt -= 1; // the static True/False are never freed
                    return Ok(r == true_());
                }
                let r = PyRef::from_owned(r).unwrap_unchecked();
                if r.as_ptr() == not_implemented() {
                    return rich_compare_bool(a, b, Py_LT);
                }
                crate::abstract_::object::is_true(r.as_ptr())
            });
        }
    }
    merge_sort(v, &mut |a, b| rich_compare_bool(key_of(a), key_of(b), Py_LT))
}

/// Sorts `v` by `key(item)`: the keys are computed once, first (an error there leaves the
/// items in their order), and sorted along with the items.
unsafe fn sort_with_key(v: &mut [*mut PyObject], key: *mut PyObject) -> PyResult<()> {
    let mut keys = Vec::with_capacity(v.len());
    for &item in v.iter() {
        let k = crate::abstract_::call::PyObject_CallOneArg(key, item);
        keys.push(PyRef::from_owned(k).ok_or_else(Raised::assume_set)?);
    }
    let mut pairs: Vec<(*mut PyObject, *mut PyObject)> = keys.iter().map(|k| k.as_ptr()).zip(v.iter().copied()).collect();
    let r = sort_by(&mut pairs, |p| p.0);
    for (slot, p) in v.iter_mut().zip(&pairs) {
        *slot = p.1;
    }
    r
}

/// The value of an exact int of at most one digit.
#[inline]
unsafe fn small_int(o: *mut PyObject) -> Option<i64> {
    let l = o as *mut PyLongObject;
    match (*l).ob_base.ob_size {
        0 => Some(0),
        1 => Some((*l).ob_digit[0] as i64),
        -1 => Some(-((*l).ob_digit[0] as i64)),
        _ => None,
    }
}

/// Runs shorter than this (between 32 and 64, so that n / minrun is close to a power of
/// two) are extended by binary insertion.
fn min_run(mut n: usize) -> usize {
    let mut extra = 0;
    while n >= 64 {
        extra |= n & 1;
        n >>= 1;
    }
    n + extra
}

/// Stable merge sort of `v` by `lt` (strict "less than", which may fail).
pub(crate) fn merge_sort<T: Copy>(v: &mut [T], lt: &mut impl FnMut(T, T) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = min_run(n);
    // (start, len) of each pending run, and the power of the boundary below each run.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut powers: Vec<u32> = Vec::new();
    let mut tmp: Vec<T> = Vec::new();
    let mut start = 0;
    while start < n {
        let mut len = run_length(&mut v[start..], lt)?;
        if len < minrun {
            let forced = minrun.min(n - start);
            insertion_sort(&mut v[start..start + forced], len, lt)?;
            len = forced;
        }
        if let Some(&(top_start, top_len)) = runs.last() {
            let p = node_power(n, top_start, top_len, len);
            while powers.last().is_some_and(|&q| q > p) {
                powers.pop();
                merge_top(v, &mut runs, &mut tmp, lt)?;
            }
            powers.push(p);
        }
        runs.push((start, len));
        start += len;
    }
    while runs.len() > 1 {
        merge_top(v, &mut runs, &mut tmp, lt)?;
    }
    Ok(())
}

/// The length of the natural run at the start of `v`; a strictly descending run is
/// reversed in place (strictly, so equal items keep their order).
fn run_length<T: Copy>(v: &mut [T], lt: &mut impl FnMut(T, T) -> PyResult<bool>) -> PyResult<usize> {
    let n = v.len();
    if n < 2 {
        return Ok(n);
    }
    let mut i = 2;
    if lt(v[1], v[0])? {
        while i < n && lt(v[i], v[i - 1])? {
            i += 1;
        }
        v[..i].reverse();
    } else {
        while i < n && !lt(v[i], v[i - 1])? {
            i += 1;
        }
    }
    Ok(i)
}

/// Sorts `v` by binary insertion, its first `sorted` items being in order already.
fn insertion_sort<T: Copy>(v: &mut [T], sorted: usize, lt: &mut impl FnMut(T, T) -> PyResult<bool>) -> PyResult<()> {
    for i in sorted.max(1)..v.len() {
        let pivot = v[i];
        // The first position whose item is greater than the pivot (after equal ones).
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if lt(pivot, v[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v.copy_within(lo..i, lo + 1);
        v[lo] = pivot;
    }
    Ok(())
}

/// The Powersort power of the boundary between run A (`s1`, `n1` items) and the run B of
/// `n2` items that follows it, in an array of `n` items: how deep a perfectly balanced
/// binary split of [0, 1) separates the midpoints of A and B.
fn node_power(n: usize, s1: usize, n1: usize, n2: usize) -> u32 {
    let two_n = 2 * n as u128;
    let a = ((2 * s1 + n1) as u128) << 64;
    let b = ((2 * s1 + 2 * n1 + n2) as u128) << 64;
    let x = (a / two_n) as u64;
    let y = (b / two_n) as u64;
    (x ^ y).leading_zeros()
}

/// Merges the two runs on top of the stack.
fn merge_top<T: Copy>(
    v: &mut [T],
    runs: &mut Vec<(usize, usize)>,
    tmp: &mut Vec<T>,
    lt: &mut impl FnMut(T, T) -> PyResult<bool>,
) -> PyResult<()> {
    let (b_start, b_len) = runs.pop().unwrap_or((0, 0));
    let (a_start, a_len) = runs.pop().unwrap_or((0, 0));
    runs.push((a_start, a_len + b_len));
    merge(&mut v[a_start..b_start + b_len], a_len, tmp, lt)
}

/// Merges the sorted halves `v[..mid]` and `v[mid..]`.
fn merge<T: Copy>(v: &mut [T], mid: usize, tmp: &mut Vec<T>, lt: &mut impl FnMut(T, T) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if mid == 0 || mid == n || !lt(v[mid], v[mid - 1])? {
        return Ok(());
    }
    // Items of A not greater than B's first are in place, and so are items of B not less
    // than A's last.
    let b0 = v[mid];
    let (mut lo, mut hi) = (0, mid);
    while lo < hi {
        let m = lo + (hi - lo) / 2;
        if lt(b0, v[m])? { hi = m } else { lo = m + 1 }
    }
    let a_from = lo;
    let a_last = v[mid - 1];
    let (mut lo, mut hi) = (mid, n);
    while lo < hi {
        let m = lo + (hi - lo) / 2;
        if lt(v[m], a_last)? { lo = m + 1 } else { hi = m }
    }
    let b_to = lo;
    let v = &mut v[a_from..b_to];
    let mid = mid - a_from;
    if mid <= v.len() - mid {
        merge_low(v, mid, tmp, lt)
    } else {
        merge_high(v, mid, tmp, lt)
    }
}

/// Merge with A (the shorter run) copied out, filling from the front.
fn merge_low<T: Copy>(v: &mut [T], mid: usize, tmp: &mut Vec<T>, lt: &mut impl FnMut(T, T) -> PyResult<bool>) -> PyResult<()> {
    tmp.clear();
    tmp.extend_from_slice(&v[..mid]);
    let n = v.len();
    let (mut i, mut j, mut dest) = (0, mid, 0);
    let mut result = Ok(());
    while i < tmp.len() && j < n {
        match lt(v[j], tmp[i]) {
            Ok(true) => {
                v[dest] = v[j];
                j += 1;
            }
            Ok(false) => {
                v[dest] = tmp[i];
                i += 1;
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
        dest += 1;
    }
    // What is left of A fills the gap before the rest of B (also after an error).
    let rest = tmp.len() - i;
    v[dest..dest + rest].copy_from_slice(&tmp[i..]);
    result
}

/// Merge with B (the shorter run) copied out, filling from the back.
fn merge_high<T: Copy>(v: &mut [T], mid: usize, tmp: &mut Vec<T>, lt: &mut impl FnMut(T, T) -> PyResult<bool>) -> PyResult<()> {
    tmp.clear();
    tmp.extend_from_slice(&v[mid..]);
    let (mut i, mut j, mut dest) = (mid, tmp.len(), v.len());
    let mut result = Ok(());
    while i > 0 && j > 0 {
        dest -= 1;
        match lt(tmp[j - 1], v[i - 1]) {
            Ok(true) => {
                v[dest] = v[i - 1];
                i -= 1;
            }
            Ok(false) => {
                v[dest] = tmp[j - 1];
                j -= 1;
            }
            Err(e) => {
                dest += 1;
                result = Err(e);
                break;
            }
        }
    }
    // What is left of B fills the gap after the rest of A.
    v[dest - j..dest].copy_from_slice(&tmp[..j]);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(data: Vec<(u32, usize)>) {
        let mut v = data.clone();
        let mut count = 0usize;
        merge_sort(&mut v, &mut |a: (u32, usize), b: (u32, usize)| {
            count += 1;
            Ok(a.0 < b.0)
        })
        .unwrap();
        let mut expected = data;
        expected.sort_by_key(|p| p.0); // std's sort is stable
        assert_eq!(v, expected);
    }

    #[test]
    fn sorts_stably_on_many_shapes() {
        let mut seed = 12345u64;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in [0, 1, 2, 3, 5, 31, 32, 33, 63, 64, 65, 100, 1000, 4097, 20000] {
            check((0..n).map(|i| ((rnd() % 50) as u32, i)).collect());
            check((0..n).map(|i| (i as u32, i)).collect());
            check((0..n).map(|i| ((n - i) as u32, i)).collect());
            check((0..n).map(|i| ((i % 7) as u32, i)).collect());
            check((0..n).map(|i| (if i % 100 == 0 { rnd() as u32 } else { i as u32 }, i)).collect());
            check((0..n).map(|i| ((i / 10) as u32 ^ 1, i)).collect());
        }
    }

    #[test]
    fn sorted_and_reversed_take_n_minus_one_comparisons() {
        for rev in [false, true] {
            let mut v: Vec<u32> = (0..10000).collect();
            if rev {
                v.reverse();
            }
            let mut count = 0;
            merge_sort(&mut v, &mut |a: u32, b: u32| {
                count += 1;
                Ok(a < b)
            })
            .unwrap();
            assert_eq!(count, 9999);
            assert!(v.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn an_error_keeps_every_item() {
        let mut seed = 99u64;
        for fail_at in [1usize, 10, 100, 1000, 5000] {
            let mut v: Vec<u32> = (0..3000).map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) as u32
            }).collect();
            let mut sorted_copy = v.clone();
            let mut calls = 0;
            let r = merge_sort(&mut v, &mut |a: u32, b: u32| {
                calls += 1;
                if calls == fail_at {
                    return Err(Raised::assume_set());
                }
                Ok(a < b)
            });
            assert!(r.is_err());
            v.sort();
            sorted_copy.sort();
            assert_eq!(v, sorted_copy);
        }
    }
}
