//! The combinatoric iterators: `product`, `combinations`, `combinations_with_replacement`,
//! `permutations`. Each keeps its pool(s) as tuples and the current position as indices;
//! the first result is produced from the initial indices, each next one by advancing them.
use crate::abstract_::item::as_ssize;
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{from_slot, new_ref, none, ret_obj, type_error};
use crate::abstract_::sequence::PySequence_Tuple;
use crate::errors::raised::PyResult;
use crate::modules::itertools::pickling::{args, reduce, reduce_def, setstate_def, state_index, state_items};
use crate::modules::itertools::{alloc_as, next_ret, value_error, Indices};
use crate::object::method_table::END;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, str as pystr, tuple};

/// The state every combinatoric iterator has after its pools.
#[repr(C)]
struct Combo {
    ob_base: PyObject,
    /// product: a tuple of pool tuples; the others: the pool tuple.
    pools: *mut PyObject,
    indices: Indices,
    /// permutations only: the cycle counters.
    cycles: Indices,
    /// The length of the results.
    r: usize,
    /// 0 before the first result, 1 while going, 2 when exhausted.
    state: u8,
}

const FIRST: u8 = 0;
const GOING: u8 = 1;
const DONE: u8 = 2;

unsafe fn combo_free(op: *mut PyObject) {
    let c = op as *mut Combo;
    (*c).indices.free();
    (*c).cycles.free();
}

unsafe fn combo_new(tp: *mut PyTypeObject, pools: PyRef, indices: Vec<usize>, cycles: Vec<usize>, r: usize, done: bool) -> PyResult<PyRef> {
    let (op, c) = alloc_as::<Combo>(tp)?;
    (*c).pools = pools.into_ptr();
    (*c).indices = Indices::new(indices);
    (*c).cycles = Indices::new(cycles);
    (*c).r = r;
    (*c).state = if done { DONE } else { FIRST };
    Ok(op)
}

/// The tuple of `pool[i]` for the first `r` indices.
unsafe fn pick(pool: *mut PyObject, indices: &[usize], r: usize) -> PyResult<PyRef> {
    let items = tuple::items(pool);
    let t = tuple::new(r)?;
    for (k, &i) in indices[..r].iter().enumerate() {
        tuple::init_item(t.as_ptr(), k, new_ref(items[i]));
    }
    Ok(t)
}

/// Runs one step: the first result, or `advance` then the result; nothing once done.
unsafe fn combo_next(op: *mut PyObject, advance: unsafe fn(*mut Combo) -> bool, emit: unsafe fn(*mut Combo) -> PyResult<PyRef>) -> *mut PyObject {
    let c = op as *mut Combo;
    next_ret((|| -> PyResult<Option<PyRef>> {
        match (*c).state {
            DONE => return Ok(None),
            FIRST => (*c).state = GOING,
            _ => {
                if !advance(c) {
                    (*c).state = DONE;
                    return Ok(None);
                }
            }
        }
        Ok(Some(emit(c)?))
    })())
}

/// A tuple of ints from indices.
unsafe fn index_tuple(v: &[usize]) -> PyResult<PyRef> {
    let mut items = Vec::with_capacity(v.len());
    for &i in v {
        items.push(crate::objects::int::from_i64(i as i64)?);
    }
    tuple::from_vec(items)
}

/// `(type, ((), r))` once done, `(type, (pool, r))` before the first result, else
/// `(type, (pool, r), state)` with `state` made by `state_of` (combinations,
/// combinations_with_replacement, permutations).
unsafe fn pool_reduce(op: *mut PyObject, state_of: unsafe fn(*mut Combo) -> PyResult<PyRef>) -> *mut PyObject {
    let c = op as *mut Combo;
    ret_obj((|| -> PyResult<PyRef> {
        let r = crate::objects::int::from_i64((*c).r as i64)?;
        match (*c).state {
            DONE => reduce(op, args(&[tuple::new(0)?.as_ptr(), r.as_ptr()])?, None),
            FIRST => reduce(op, args(&[(*c).pools, r.as_ptr()])?, None),
            _ => reduce(op, args(&[(*c).pools, r.as_ptr()])?, Some(state_of(c)?)),
        }
    })())
}

unsafe fn indices_state(c: *mut Combo) -> PyResult<PyRef> {
    index_tuple(&(*c).indices.slice()[..(*c).r])
}

/// Reads `n` indices from a state tuple, each clamped to `lo..=hi(i)`: "invalid arguments"
/// when the count differs.
unsafe fn clamped_indices(state: *mut PyObject, n: usize, lo: usize, hi: impl Fn(usize) -> usize) -> PyResult<Vec<usize>> {
    if !tuple::is_tuple(state) || tuple::len(state) != n {
        return Err(value_error("invalid arguments"));
    }
    let mut out = Vec::with_capacity(n);
    for (i, &v) in tuple::items(state).iter().enumerate() {
        let x = state_index(v)?;
        out.push((x.max(lo as isize) as usize).min(hi(i)).max(lo));
    }
    Ok(out)
}

/// Puts restored indices in place: the result they describe counts as produced, so the
/// next call advances from it (nothing changes once exhausted).
unsafe fn restore(c: *mut Combo, indices: Vec<usize>, cycles: Option<Vec<usize>>) {
    if (*c).state == DONE {
        return;
    }
    (*c).indices.slice().copy_from_slice(&indices);
    if let Some(cy) = cycles {
        (*c).cycles.slice().copy_from_slice(&cy);
    }
    (*c).state = GOING;
}

/// The `r` argument (a non-negative int); `Expected int as r` for permutations.
unsafe fn r_argument(v: *mut PyObject, strict_int: bool) -> PyResult<usize> {
    if strict_int && !crate::objects::int::is_int(v) {
        return Err(type_error("Expected int as r"));
    }
    let r = as_ssize(v, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

unsafe fn pool_of(iterable: *mut PyObject) -> PyResult<PyRef> {
    from_slot(PySequence_Tuple(iterable))
}

// ----- product ------------------------------------------------------------------------

iter_type!(Product_Type, c"itertools.product", Combo, 1, next: product_next,
    doc: c"product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute the product of an iterable with itself, specify the number\nof repetitions with the optional repeat keyword argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\nproduct('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...",
    @drop combo_free, tp_new: Some(product_new), tp_methods: &raw mut PRODUCT_METHODS as *mut PyMethodDef);

static mut PRODUCT_METHODS: [PyMethodDef; 3] = [reduce_def(product_reduce), setstate_def(product_setstate), END];

/// `(product, pools[, indices])`; `(product, ((),))` once done.
unsafe extern "C" fn product_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Combo;
    ret_obj((|| -> PyResult<PyRef> {
        match (*c).state {
            DONE => reduce(op, args(&[tuple::new(0)?.as_ptr()])?, None),
            FIRST => reduce(op, new_ref((*c).pools), None),
            _ => reduce(op, new_ref((*c).pools), Some(index_tuple((*c).indices.slice())?)),
        }
    })())
}

/// `__setstate__(indices)`, each clamped to its pool.
unsafe extern "C" fn product_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Combo;
    ret_obj((|| -> PyResult<PyRef> {
        let pools = tuple::items((*c).pools);
        let indices = clamped_indices(state, pools.len(), 0, |i| tuple::len(pools[i]).saturating_sub(1))?;
        restore(c, indices, None);
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn product_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let mut repeat = 1isize;
        if !kwds.is_null() && dict::len(kwds) != 0 {
            let items = dict::items(kwds);
            if items.len() > 1 {
                return Err(type_error(format!("product() takes at most 1 keyword argument ({} given)", items.len())));
            }
            let (k, v) = items[0];
            if !pystr::is_str(k) || !pystr::eq_ascii(k, "repeat") {
                let text = if pystr::is_str(k) { pystr::to_string(k) } else { String::new() };
                return Err(type_error(format!("'{text}' is an invalid keyword argument for product()")));
            }
            repeat = as_ssize(v, Some(&raw mut crate::errors::exception_types::_PyExc_OverflowError))?;
            if repeat < 0 {
                return Err(value_error("repeat argument cannot be negative"));
            }
        }
        let a: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
        let mut distinct = Vec::with_capacity(a.len());
        for &x in a {
            distinct.push(pool_of(x)?);
        }
        let mut pools = Vec::with_capacity(distinct.len() * repeat as usize);
        for _ in 0..repeat {
            pools.extend(distinct.iter().cloned());
        }
        let empty = pools.iter().any(|p| tuple::len(p.as_ptr()) == 0);
        let n = pools.len();
        combo_new(tp, tuple::from_vec(pools)?, vec![0; n], Vec::new(), n, empty)
    })())
}

unsafe fn product_advance(c: *mut Combo) -> bool {
    let pools = tuple::items((*c).pools);
    let indices = (*c).indices.slice();
    for i in (0..indices.len()).rev() {
        indices[i] += 1;
        if indices[i] < tuple::len(pools[i]) {
            return true;
        }
        indices[i] = 0;
    }
    false
}

unsafe fn product_emit(c: *mut Combo) -> PyResult<PyRef> {
    let pools = tuple::items((*c).pools);
    let indices = (*c).indices.slice();
    let t = tuple::new(pools.len())?;
    for (k, (&pool, &i)) in pools.iter().zip(indices.iter()).enumerate() {
        tuple::init_item(t.as_ptr(), k, new_ref(tuple::items(pool)[i]));
    }
    Ok(t)
}

unsafe extern "C" fn product_next(op: *mut PyObject) -> *mut PyObject {
    combo_next(op, product_advance, product_emit)
}

// ----- combinations -------------------------------------------------------------------

iter_type!(Combinations_Type, c"itertools.combinations", Combo, 1, next: combinations_next,
    doc: c"combinations(iterable, r)\n--\n\nReturn successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)",
    @drop combo_free, tp_new: Some(combinations_new), tp_methods: &raw mut COMBINATIONS_METHODS as *mut PyMethodDef);

static mut COMBINATIONS_METHODS: [PyMethodDef; 3] = [reduce_def(combinations_reduce), setstate_def(combinations_setstate), END];

unsafe extern "C" fn combinations_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    pool_reduce(op, indices_state)
}

/// `__setstate__(indices)`: index i clamped to `i + n - r`.
unsafe extern "C" fn combinations_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Combo;
    ret_obj((|| -> PyResult<PyRef> {
        let (n, r) = (tuple::len((*c).pools), (*c).r);
        let indices = clamped_indices(state, r, 0, |i| (i + n).saturating_sub(r))?;
        restore(c, indices, None);
        Ok(new_ref(none()))
    })())
}

static COMBINATIONS_PARAMS: Params = Params { function: "combinations", names: &["iterable", "r"], positional_only: 0, max_positional: 2, required: 2 };

unsafe extern "C" fn combinations_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [iterable, r] = bind_tuple_dict_array::<2>(&COMBINATIONS_PARAMS, args, kwds)?;
        let pool = pool_of(iterable)?;
        let r = r_argument(r, false)?;
        let n = tuple::len(pool.as_ptr());
        combo_new(tp, pool, (0..r).collect(), Vec::new(), r, r > n)
    })())
}

unsafe fn combinations_advance(c: *mut Combo) -> bool {
    let n = tuple::len((*c).pools);
    let r = (*c).r;
    let indices = (*c).indices.slice();
    // The rightmost index that is not at its maximum.
    let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else { return false };
    indices[i] += 1;
    for j in i + 1..r {
        indices[j] = indices[j - 1] + 1;
    }
    true
}

unsafe fn pool_emit(c: *mut Combo) -> PyResult<PyRef> {
    pick((*c).pools, (*c).indices.slice(), (*c).r)
}

unsafe extern "C" fn combinations_next(op: *mut PyObject) -> *mut PyObject {
    combo_next(op, combinations_advance, pool_emit)
}

// ----- combinations_with_replacement ----------------------------------------------------

iter_type!(CombinationsWithReplacement_Type, c"itertools.combinations_with_replacement", Combo, 1, next: cwr_next,
    doc: c"combinations_with_replacement(iterable, r)\n--\n\nReturn successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')",
    @drop combo_free, tp_new: Some(cwr_new), tp_methods: &raw mut CWR_METHODS as *mut PyMethodDef);

static mut CWR_METHODS: [PyMethodDef; 3] = [reduce_def(cwr_reduce), setstate_def(cwr_setstate), END];

unsafe extern "C" fn cwr_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    pool_reduce(op, indices_state)
}

/// `__setstate__(indices)`, each clamped to the pool.
unsafe extern "C" fn cwr_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Combo;
    ret_obj((|| -> PyResult<PyRef> {
        let n = tuple::len((*c).pools);
        let indices = clamped_indices(state, (*c).r, 0, |_| n.saturating_sub(1))?;
        restore(c, indices, None);
        Ok(new_ref(none()))
    })())
}

static CWR_PARAMS: Params =
    Params { function: "combinations_with_replacement", names: &["iterable", "r"], positional_only: 0, max_positional: 2, required: 2 };

unsafe extern "C" fn cwr_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [iterable, r] = bind_tuple_dict_array::<2>(&CWR_PARAMS, args, kwds)?;
        let pool = pool_of(iterable)?;
        let r = r_argument(r, false)?;
        let n = tuple::len(pool.as_ptr());
        combo_new(tp, pool, vec![0; r], Vec::new(), r, n == 0 && r > 0)
    })())
}

unsafe fn cwr_advance(c: *mut Combo) -> bool {
    let n = tuple::len((*c).pools);
    let indices = (*c).indices.slice();
    let Some(i) = (0..(*c).r).rev().find(|&i| indices[i] != n - 1) else { return false };
    let v = indices[i] + 1;
    for x in indices[i..].iter_mut() {
        *x = v;
    }
    true
}

unsafe extern "C" fn cwr_next(op: *mut PyObject) -> *mut PyObject {
    combo_next(op, cwr_advance, pool_emit)
}

// ----- permutations -------------------------------------------------------------------

iter_type!(Permutations_Type, c"itertools.permutations", Combo, 1, next: permutations_next,
    doc: c"permutations(iterable, r=None)\n--\n\nReturn successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)",
    @drop combo_free, tp_new: Some(permutations_new), tp_methods: &raw mut PERMUTATIONS_METHODS as *mut PyMethodDef);

static mut PERMUTATIONS_METHODS: [PyMethodDef; 3] = [reduce_def(permutations_reduce), setstate_def(permutations_setstate), END];

unsafe fn permutations_state(c: *mut Combo) -> PyResult<PyRef> {
    tuple::from_vec(vec![index_tuple((*c).indices.slice())?, index_tuple((*c).cycles.slice())?])
}

unsafe extern "C" fn permutations_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    pool_reduce(op, permutations_state)
}

/// `__setstate__((indices, cycles))`: indices clamped to the pool, cycle i to `1..=n-i`.
unsafe extern "C" fn permutations_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Combo;
    ret_obj((|| -> PyResult<PyRef> {
        let s = state_items(state, 2, 2)?;
        let (n, r) = (tuple::len((*c).pools), (*c).r);
        let indices = clamped_indices(s[0], n, 0, |_| n.saturating_sub(1))?;
        let cycles = clamped_indices(s[1], r, 1, |i| n.saturating_sub(i))?;
        if (*c).state != DONE && (*c).cycles.slice().len() != r {
            return Err(value_error("invalid arguments"));
        }
        restore(c, indices, Some(cycles));
        Ok(new_ref(none()))
    })())
}

static PERMUTATIONS_PARAMS: Params = Params { function: "permutations", names: &["iterable", "r"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn permutations_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [iterable, r] = bind_tuple_dict_array::<2>(&PERMUTATIONS_PARAMS, args, kwds)?;
        let pool = pool_of(iterable)?;
        let n = tuple::len(pool.as_ptr());
        let r = if r.is_null() || r == none() { n } else { r_argument(r, true)? };
        let cycles = if r > n { Vec::new() } else { (0..r).map(|i| n - i).collect() };
        combo_new(tp, pool, (0..n).collect(), cycles, r, r > n)
    })())
}

unsafe fn permutations_advance(c: *mut Combo) -> bool {
    let n = tuple::len((*c).pools);
    let indices = (*c).indices.slice();
    let cycles = (*c).cycles.slice();
    if n == 0 {
        return false;
    }
    for i in (0..(*c).r).rev() {
        cycles[i] -= 1;
        if cycles[i] == 0 {
            // Move index i to the end, shifting the rest left.
            indices[i..].rotate_left(1);
            cycles[i] = n - i;
        } else {
            let j = cycles[i];
            indices.swap(i, n - j);
            return true;
        }
    }
    false
}

unsafe extern "C" fn permutations_next(op: *mut PyObject) -> *mut PyObject {
    combo_next(op, permutations_advance, pool_emit)
}
