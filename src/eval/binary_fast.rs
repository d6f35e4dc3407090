//! Fast paths the eval loop tries before the number, comparison and item protocols: exact
//! ints small enough for machine arithmetic, exact floats, exact list/tuple/dict
//! subscripts. Each returns `None` when its operands are not the simple case, and the loop
//! falls back to the generic path, which gives every other case (overflow, division by
//! zero, subclasses, errors) its full CPython behaviour.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::float::{self, PyFloatObject};
use crate::objects::int;
use crate::objects::list::PyListObject;
use crate::objects::tuple::PyTupleObject;
use crate::objects::{bool as pybool, dict};

/// The value of an exact int with at most two digits (|v| < 2**60).
#[inline(always)]
unsafe fn small_int_value(o: *mut PyObject) -> Option<i64> {
    if !int::is_exact_int(o) {
        return None;
    }
    int_value(o)
}

/// The value of an int with at most two digits. Sizes -1, 0 and 1 (|v| < 2**30: loop
/// counters, `n - 1`, indexes) are decoded without branches: `medium_value`'s `match` on
/// the size was a jump table in every int operation and comparison.
#[inline(always)]
unsafe fn int_value(o: *mut PyObject) -> Option<i64> {
    let size = int::size_of(o);
    if (size + 1) as usize <= 2 {
        // Every int has room for one digit; the mask keeps a zero's unset digit out.
        let d = *(core::ptr::addr_of!((*(o as *mut int::PyLongObject)).ob_digit) as *const int::digit);
        return Some((d as i64 & -((size & 1) as i64)) * size as i64);
    }
    int::medium_value(o)
}

#[inline(always)]
unsafe fn exact_float_value(o: *mut PyObject) -> Option<f64> {
    if (*o).ob_type == float::float_type() {
        Some((*(o as *mut PyFloatObject)).ob_fval)
    } else {
        None
    }
}

/// An exact float or a small exact int as a double (ints below 2**53 convert exactly).
#[inline(always)]
unsafe fn float_operand(o: *mut PyObject) -> Option<f64> {
    if let Some(v) = exact_float_value(o) {
        return Some(v);
    }
    match small_int_value(o) {
        Some(i) if i.unsigned_abs() < (1u64 << 53) => Some(i as f64),
        _ => None,
    }
}

#[inline(always)]
fn new_int(v: i64) -> *mut PyObject {
    int::from_i64(v).map_or(core::ptr::null_mut(), |r| r.into_ptr())
}

#[inline(always)]
fn new_float(v: f64) -> *mut PyObject {
    // SAFETY: a new reference or NULL with MemoryError set.
    unsafe { float::PyFloat_FromDouble(v) }
}

/// `a op b` for the `BINARY_OP` argument `op` (in-place forms are `op + 13`): a new
/// reference (NULL with an exception set only when allocation failed), or `None` when the
/// operands need the generic protocol.
///
/// # Safety
/// `a` and `b` are live objects whose references the caller (the eval loop's value stack)
/// owns and drops afterwards: a float operand with no other reference may be reused.
#[inline(always)]
pub(crate) unsafe fn binary_op(a: *mut PyObject, b: *mut PyObject, op: u32) -> Option<*mut PyObject> {
    use ferropy_compiler::opcode::binop::*;
    // Exact ints and floats behave the same in place.
    let op = if op >= 13 { op - 13 } else { op };
    let ta = (*a).ob_type;
    let tb = (*b).ob_type;
    let it = &raw mut int::PyLong_Type;
    // Each type is compared once: two ints, then two floats (nbody's every operation),
    // then an int mixed with a float.
    if ta == it && tb == it {
        let (x, y) = (int_value(a)?, int_value(b)?);
        return int_op(a, b, x, y, op);
    }
    let ft = float::float_type();
    let (x, y) = if ta == ft && tb == ft {
        ((*(a as *mut PyFloatObject)).ob_fval, (*(b as *mut PyFloatObject)).ob_fval)
    } else if (ta == ft && tb == it) || (ta == it && tb == ft) {
        (float_operand(a)?, float_operand(b)?)
    } else {
        return None;
    };
    let r = match op {
        ADD => x + y,
        SUBTRACT => x - y,
        MULTIPLY => x * y,
        TRUE_DIVIDE if y != 0.0 => x / y,
        POWER => return float_pow(a, b),
        _ => return None,
    };
    // A float operand held only by the value stack (a temporary such as `dx * dx` in
    // `dx * dx + dy * dy`) is about to be freed by the caller: it takes the result
    // instead of a new float being allocated (one reference for the caller to drop, one
    // for the result).
    if ta == ft && (*a).ob_refcnt == 1 {
        (*(a as *mut PyFloatObject)).ob_fval = r;
        (*a).ob_refcnt = 2;
        return Some(a);
    }
    if tb == ft && (*b).ob_refcnt == 1 {
        (*(b as *mut PyFloatObject)).ob_fval = r;
        (*b).ob_refcnt = 2;
        return Some(b);
    }
    Some(new_float(r))
}

/// `a ** b` with a float among the operands: `d2 ** 0.5` with a positive finite base and a
/// finite exponent is C `pow`, as in CPython's float_pow; an infinite result (OverflowError)
/// and every other case go generic. Out of line: the `pow` call in `binary_op`'s float path
/// kept its operands live across a call, which cost every float operation of the eval loop
/// spills.
#[inline(never)]
unsafe fn float_pow(a: *mut PyObject, b: *mut PyObject) -> Option<*mut PyObject> {
    let (x, y) = (float_operand(a)?, float_operand(b)?);
    if !(x > 0.0 && x.is_finite() && y.is_finite()) {
        return None;
    }
    let r = x.powf(y);
    if !r.is_finite() {
        return None;
    }
    Some(new_float(r))
}

/// Machine arithmetic on two ints below 2**60 in magnitude (`x` of `a`, `y` of `b`), with
/// Python's floor semantics.
#[inline(always)]
unsafe fn int_op(a: *mut PyObject, b: *mut PyObject, x: i64, y: i64, op: u32) -> Option<*mut PyObject> {
    use ferropy_compiler::opcode::binop::*;
    let r = match op {
        // |x|, |y| < 2**60: sums and differences fit.
        ADD => x + y,
        SUBTRACT => x - y,
        MULTIPLY => x.checked_mul(y)?,
        REMAINDER if y != 0 => {
            let r = x % y;
            if r != 0 && (r ^ y) < 0 { r + y } else { r }
        }
        FLOOR_DIVIDE if y != 0 => {
            let q = x / y;
            if x % y != 0 && (x ^ y) < 0 { q - 1 } else { q }
        }
        AND => x & y,
        OR => x | y,
        XOR => x ^ y,
        RSHIFT if y >= 0 => x >> y.min(63),
        LSHIFT if (0..32).contains(&y) && x.unsigned_abs() < (1u64 << 30) => x << y,
        // Both below 2**53: the quotient of the exact doubles is correctly rounded.
        TRUE_DIVIDE if y != 0 && x.unsigned_abs() < (1u64 << 53) && y.unsigned_abs() < (1u64 << 53) => {
            return Some(new_float(x as f64 / y as f64));
        }
        _ => return None,
    };
    Some(int_result(a, b, r))
}

/// The int `r` as a new reference. As for floats, an operand whose only reference is the
/// value stack (`i * 7` in `i * 7 + 3`) and whose digits have room for `r` takes the value
/// instead of a new int being allocated and the operand freed; cached small ints are
/// never written (nor is any other shared int: its count is above 1).
#[inline(always)]
unsafe fn int_result(a: *mut PyObject, b: *mut PyObject, r: i64) -> *mut PyObject {
    if (-(int::NSMALLNEG)..int::NSMALLPOS).contains(&r) {
        return new_int(r);
    }
    int_result_reusing(a, b, r)
}

/// `int_result` beyond the small-int cache: out of the eval loop (it allocates or writes
/// an operand), so that `fib`'s `n - 1` pays only for the range check.
#[inline(never)]
unsafe fn int_result_reusing(a: *mut PyObject, b: *mut PyObject, r: i64) -> *mut PyObject {
    let m = r.unsigned_abs();
    if m >= 1 << 60 {
        return new_int(r);
    }
    let n: isize = if m < 1 << 30 { 1 } else { 2 };
    for o in [a, b] {
        if (*o).ob_refcnt == 1 && int::size_of(o).unsigned_abs() >= n as usize {
            let d = core::ptr::addr_of_mut!((*(o as *mut int::PyLongObject)).ob_digit) as *mut int::digit;
            *d = (m as int::digit) & int::PyLong_MASK;
            if n == 2 {
                *d.add(1) = (m >> int::PyLong_SHIFT) as int::digit;
            }
            (*(o as *mut crate::object::object::PyVarObject)).ob_size = if r < 0 { -n } else { n };
            (*o).ob_refcnt = 2;
            return o;
        }
    }
    new_int(r)
}

/// Writes `r` into the int `o` when `o` is an exact int held by one reference only (the
/// caller's) whose digits have room for `r`, and `r` is not one of the cached small ints
/// (which must stay the shared objects): `for i in range(n)` then rewrites the int the
/// loop variable holds instead of freeing it and allocating the next one.
///
/// # Safety
/// `o` is a live object.
#[inline(always)]
pub(crate) unsafe fn overwrite_lone_int(o: *mut PyObject, r: i64) -> bool {
    if (*o).ob_refcnt != 1 || !int::is_exact_int(o) || (-(int::NSMALLNEG)..int::NSMALLPOS).contains(&r) {
        return false;
    }
    let m = r.unsigned_abs();
    let n: isize = if m < 1 << 30 { 1 } else if m < 1 << 60 { 2 } else { return false };
    if int::size_of(o).unsigned_abs() < n as usize {
        return false;
    }
    let d = core::ptr::addr_of_mut!((*(o as *mut int::PyLongObject)).ob_digit) as *mut int::digit;
    *d = (m as int::digit) & int::PyLong_MASK;
    if n == 2 {
        *d.add(1) = (m >> int::PyLong_SHIFT) as int::digit;
    }
    (*(o as *mut crate::object::object::PyVarObject)).ob_size = if r < 0 { -n } else { n };
    true
}

/// `a <op> b` for rich comparison `op` (Py_LT..Py_GE) on two small exact ints or two
/// exact floats: `Some(true/false)`, else `None`.
///
/// # Safety
/// `a` and `b` are live objects.
#[inline(always)]
pub(crate) unsafe fn compare(a: *mut PyObject, b: *mut PyObject, op: u32) -> Option<bool> {
    if let (Some(x), Some(y)) = (small_int_value(a), small_int_value(b)) {
        return Some(match op {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        });
    }
    let (x, y) = (exact_float_value(a)?, exact_float_value(b)?);
    Some(match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    })
}

/// A new reference to the bool `b`.
#[inline(always)]
pub(crate) unsafe fn bool_ref(b: bool) -> *mut PyObject {
    let o = if b { pybool::true_() } else { pybool::false_() };
    (*o).ob_refcnt += 1;
    o
}

/// An index into a sequence of `len` items from a small exact int, negatives counted from
/// the end; `None` when out of range or not a small int.
#[inline(always)]
unsafe fn seq_index(key: *mut PyObject, len: isize) -> Option<usize> {
    if !int::is_exact_int(key) {
        return None;
    }
    // 0 and one-digit positive indexes (`a[0]`, `a[i]`) without the general decoding:
    // size 0 masks the digit to 0, size 1 keeps it.
    let size = int::size_of(key);
    let i = if (size as usize) <= 1 {
        let d = *(core::ptr::addr_of!((*(key as *mut int::PyLongObject)).ob_digit) as *const int::digit);
        (d as i64) & -(size as i64)
    } else {
        let i = int::medium_value(key)?;
        if i < 0 { i + len as i64 } else { i }
    };
    if (0..len as i64).contains(&i) { Some(i as usize) } else { None }
}

/// `seq[key]` for an exact list or tuple and a small int in range: a new reference; `None`
/// otherwise. Runs no Python code (the eval loop fuses it with the instructions around a
/// subscript, which must not observe a half-done step).
///
/// # Safety
/// `container` and `key` are live objects.
#[inline(always)]
pub(crate) unsafe fn seq_item(container: *mut PyObject, key: *mut PyObject) -> Option<*mut PyObject> {
    let tp = (*container).ob_type;
    let v = if tp == &raw mut crate::objects::list::PyList_Type {
        let l = container as *mut PyListObject;
        let i = seq_index(key, (*l).ob_base.ob_size)?;
        *(*l).ob_item.add(i)
    } else if tp == &raw mut crate::objects::tuple::PyTuple_Type {
        let t = container as *mut PyTupleObject;
        let i = seq_index(key, (*t).ob_base.ob_size)?;
        *(*t).ob_item.as_ptr().add(i)
    } else {
        return None;
    };
    (*v).ob_refcnt += 1;
    Some(v)
}

/// `container[key]` for an exact list or tuple and a small int in range, or an exact dict
/// holding `key`: `Some(Ok(new reference))`; `Some(Err)` when hashing the key raised;
/// `None` for everything else (including missing keys, left to raise KeyError generically).
///
/// # Safety
/// `container` and `key` are live objects.
#[inline(always)]
pub(crate) unsafe fn subscr(container: *mut PyObject, key: *mut PyObject) -> Option<PyResult<*mut PyObject>> {
    if let Some(v) = seq_item(container, key) {
        return Some(Ok(v));
    }
    if (*container).ob_type != &raw mut dict::PyDict_Type {
        return None;
    }
    match dict::get_item(container, key) {
        Ok(Some(v)) => {
            (*v).ob_refcnt += 1;
            Some(Ok(v))
        }
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// `container[key] = v` for an exact list and a small int in range or an exact dict:
/// `Some(result)`, or `None` for the generic path. Takes no reference from the caller.
///
/// # Safety
/// All three are live objects.
#[inline(always)]
pub(crate) unsafe fn store_subscr(container: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> Option<PyResult<()>> {
    let tp = (*container).ob_type;
    if tp == &raw mut crate::objects::list::PyList_Type {
        let l = container as *mut PyListObject;
        let i = seq_index(key, (*l).ob_base.ob_size)?;
        (*v).ob_refcnt += 1;
        let slot = (*l).ob_item.add(i);
        let old = core::mem::replace(&mut *slot, v);
        (*old).ob_refcnt -= 1;
        if (*old).ob_refcnt == 0 {
            crate::object::refcount::_Py_Dealloc(old);
        }
        return Some(Ok(()));
    }
    if tp == &raw mut dict::PyDict_Type {
        return Some(dict::set_item(container, key, v));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(o: *mut PyObject) -> i64 {
        // SAFETY: a live int made by the test.
        unsafe { int::medium_value(o).unwrap() }
    }

    /// `int_op` on two shared ints (held elsewhere too, so neither is reused).
    fn int_op(x: i64, y: i64, op: u32) -> Option<*mut PyObject> {
        let a = int::from_i64(x).unwrap().into_ptr();
        let b = int::from_i64(y).unwrap().into_ptr();
        // SAFETY: live ints; the extra references are leaked on purpose.
        unsafe {
            (*a).ob_refcnt += 1;
            (*b).ob_refcnt += 1;
            super::int_op(a, b, x, y, op)
        }
    }

    #[test]
    fn a_lone_int_operand_takes_the_result() {
        use ferropy_compiler::opcode::binop::*;
        let a = int::from_i64(1000).unwrap().into_ptr();
        let b = int::from_i64(7).unwrap().into_ptr();
        // SAFETY: live ints made here.
        unsafe {
            (*b).ob_refcnt += 1;
            let r = super::int_op(a, b, 1000, 7, MULTIPLY).unwrap();
            assert_eq!(r, a);
            assert_eq!((*a).ob_refcnt, 2);
            assert_eq!(val(r), 7000);
            // a result needing more digits than the operand has gets a new int
            let r2 = super::int_op(a, b, 7000, 1 << 40, MULTIPLY).unwrap();
            assert_ne!(r2, a);
            assert_eq!(val(r2), 7000 << 40);
            // small results come from the cache
            let r3 = super::int_op(a, b, 7000, 6990, SUBTRACT).unwrap();
            assert_eq!(r3, int::from_i64(10).unwrap().into_ptr());
            (*a).ob_refcnt = 1;
            let r4 = super::int_op(a, b, 7000, 7000, SUBTRACT).unwrap();
            assert_ne!(r4, a);
            assert_eq!(val(a), 7000);
        }
    }

    #[test]
    fn floor_semantics_match_python() {
        use ferropy_compiler::opcode::binop::*;
        for &(x, y) in &[(7i64, 2i64), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5)] {
            let q = int_op(x, y, FLOOR_DIVIDE).unwrap();
            let r = int_op(x, y, REMAINDER).unwrap();
            assert_eq!(val(q), (x as f64 / y as f64).floor() as i64);
            assert_eq!(val(q) * y + val(r), x);
            assert!(val(r) == 0 || (val(r) < 0) == (y < 0));
        }
        assert!(int_op(1, 0, FLOOR_DIVIDE).is_none());
        assert!(int_op(1, 0, REMAINDER).is_none());
        assert!(int_op(1 << 30, 1 << 30, MULTIPLY).is_some());
        assert!(int_op(1 << 59, 1 << 59, MULTIPLY).is_none());
    }
}
