//! "Did you mean: 'x'?" after an AttributeError's or NameError's message in a report: the
//! closest name (by an edit distance where a case change costs 1 and any other edit 2, at
//! most a third of the characters involved) among `dir(obj)` for an AttributeError, and
//! among the failing frame's local variable names, then its globals, then its builtins for
//! a NameError.
use crate::errors::baseexception::head;
use crate::errors::exception_types as exc;
use crate::errors::pyerr::PyErr_Clear;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::generic_alias_params::optional_attr;
use crate::objects::{dict, list, str as pystr, tuple};

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
/// Longer names (after trimming common ends) are not compared.
const MAX_STRING_SIZE: usize = 40;
/// Larger candidate lists are not searched.
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b` (UTF-8 bytes), or something above `max_cost`
/// once it is certain to exceed it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (long.len() - short.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the distance matrix, over the shorter string.
    let mut row: Vec<usize> = (1..=short.len()).map(|i| i * MOVE_COST).collect();
    let mut last = 0;
    for (j, &c) in long.iter().enumerate() {
        let mut diagonal = j * MOVE_COST;
        let mut left = (j + 1) * MOVE_COST;
        let mut row_min = usize::MAX;
        for (i, &s) in short.iter().enumerate() {
            let up = row[i];
            let cell = (diagonal + substitution_cost(c, s)).min(up.min(left) + MOVE_COST);
            diagonal = up;
            row[i] = cell;
            left = cell;
            row_min = row_min.min(cell);
        }
        if row_min > max_cost {
            return max_cost + 1;
        }
        last = left;
    }
    last
}

/// The candidate closest to `name`, if any is close enough.
unsafe fn closest(candidates: &[*mut PyObject], name: *mut PyObject) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let wanted = crate::abstract_::object::str_utf8(name).ok()?;
    let mut best: Option<(usize, *mut PyObject)> = None;
    for &c in candidates {
        if !pystr::is_str(c) || pystr::eq(c, name) {
            continue;
        }
        let Ok(text) = crate::abstract_::object::str_utf8(c) else {
            PyErr_Clear();
            continue;
        };
        let mut max_cost = (wanted.len() + text.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = best {
            max_cost = max_cost.min(d.saturating_sub(1));
        }
        let d = distance(&wanted, &text, max_cost);
        if d <= max_cost && best.map_or(true, |(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| pystr::to_string(c))
}

unsafe fn attribute_suggestion(value: *mut PyObject) -> Option<String> {
    let name = optional_attr(value, c"name").ok()??;
    let obj = optional_attr(value, c"obj").ok()??;
    if !pystr::is_str(name.as_ptr()) || obj.as_ptr() == crate::abstract_::none() {
        return None;
    }
    let names = crate::abstract_::dir::dir(obj.as_ptr()).ok()?;
    closest(list::items(names.as_ptr()), name.as_ptr())
}

unsafe fn name_suggestion(value: *mut PyObject) -> Option<String> {
    let name = optional_attr(value, c"name").ok()??;
    if !pystr::is_str(name.as_ptr()) {
        return None;
    }
    let mut tb = head(value).traceback;
    if tb.is_null() || !crate::eval::traceback::is_traceback(tb) {
        return None;
    }
    loop {
        let next = (*(tb as *mut crate::eval::traceback::PyTracebackObject)).tb_next as *mut PyObject;
        if next.is_null() || !crate::eval::traceback::is_traceback(next) {
            break;
        }
        tb = next;
    }
    let frame = (*(tb as *mut crate::eval::traceback::PyTracebackObject)).tb_frame as *mut PyObject;
    let code = optional_attr(frame, c"f_code").ok()??;
    let varnames = optional_attr(code.as_ptr(), c"co_varnames").ok()??;
    if tuple::is_tuple(varnames.as_ptr()) {
        if let Some(s) = closest(tuple::items(varnames.as_ptr()), name.as_ptr()) {
            return Some(s);
        }
    }
    for attr in [c"f_globals", c"f_builtins"] {
        let d: PyRef = optional_attr(frame, attr).ok()??;
        if dict::is_dict(d.as_ptr()) {
            let keys: Vec<*mut PyObject> = dict::items(d.as_ptr()).into_iter().map(|(k, _)| k).collect();
            if let Some(s) = closest(&keys, name.as_ptr()) {
                return Some(s);
            }
        }
    }
    None
}

/// The suggestion for `value`'s report, if it is an AttributeError or NameError (exactly:
/// subclasses get none, as in CPython) with one.
pub(crate) unsafe fn suggestion(value: *mut PyObject) -> Option<String> {
    let tp = (*value).ob_type;
    let found = if tp == &raw mut exc::_PyExc_AttributeError {
        attribute_suggestion(value)
    } else if tp == &raw mut exc::_PyExc_NameError {
        name_suggestion(value)
    } else {
        return None;
    };
    PyErr_Clear();
    found
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn case_changes_cost_less_than_other_edits() {
        assert_eq!(distance(b"abc", b"abc", 10), 0);
        assert_eq!(distance(b"abc", b"aBc", 10), 1);
        assert_eq!(distance(b"abc", b"abd", 10), 2);
        assert_eq!(distance(b"abc", b"ab", 10), 2);
        assert_eq!(distance(b"pritn", b"print", 10), 4);
        assert!(distance(b"abcdef", b"uvwxyz", 3) > 3);
    }
}
