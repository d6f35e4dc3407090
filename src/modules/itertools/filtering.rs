//! The iterators that transform or filter one source: `accumulate`, `chain`, `compress`,
//! `dropwhile`, `takewhile`, `filterfalse`, `starmap`, `islice`.
use crate::abstract_::call::{call_tuple, PyObject_CallOneArg};
use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::number::{PyNumber_Add, PyNumber_AsSsize_t};
use crate::abstract_::object::is_true;
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{from_slot, new_ref, none, ret_obj, type_error};
use crate::errors::pyerr::{PyErr_Clear, PyErr_Occurred};
use crate::errors::raised::PyResult;
use crate::modules::itertools::pickling::{args, or_none, reduce, reduce_def, setstate_def, state_index, state_items};
use crate::modules::itertools::{alloc_as, next_ret, positional, set_field, take_field, value_error};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, tuple};
use crate::pyport::Py_ssize_t;

// ----- accumulate ---------------------------------------------------------------------

#[repr(C)]
struct Accumulate {
    ob_base: PyObject,
    it: *mut PyObject,
    /// The function, NULL for addition.
    binop: *mut PyObject,
    total: *mut PyObject,
    /// The `initial` value not yet produced.
    initial: *mut PyObject,
}

iter_type!(Accumulate_Type, c"itertools.accumulate", Accumulate, 4, next: accumulate_next,
    doc: c"accumulate(iterable, func=None, *, initial=None)\n--\n\nReturn series of accumulated sums (or other binary function results).",
    tp_new: Some(accumulate_new), tp_methods: &raw mut ACCUMULATE_METHODS as *mut PyMethodDef);

static mut ACCUMULATE_METHODS: [PyMethodDef; 3] = [reduce_def(accumulate_reduce), setstate_def(accumulate_setstate), END];

/// `(accumulate, (it, func), total)`; an `initial` not produced yet goes in front of the
/// source (`chain((initial,), it)`); a total that is None (which would read as "no total")
/// becomes `islice(accumulate(chain((None,), it), func), 1, None)`.
unsafe extern "C" fn accumulate_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let a = op as *mut Accumulate;
    ret_obj((|| -> PyResult<PyRef> {
        let func = or_none((*a).binop);
        let front = if !(*a).initial.is_null() {
            Some((*a).initial)
        } else if (*a).total == none() {
            Some(none())
        } else {
            None
        };
        let Some(first) = front else {
            return reduce(op, args(&[(*a).it, func])?, Some(new_ref(or_none((*a).total))));
        };
        let head = args(&[first])?;
        let source = chain_from_source(&raw mut Chain_Type, get_iter(args(&[head.as_ptr(), (*a).it])?.as_ptr())?)?;
        if !(*a).initial.is_null() {
            return reduce(op, args(&[source.as_ptr(), func])?, Some(new_ref(none())));
        }
        let inner = from_slot(call_tuple((*op).ob_type as *mut PyObject, args(&[source.as_ptr(), func])?.as_ptr(), core::ptr::null_mut()))?;
        let one = crate::objects::int::small_ref(1);
        tuple::from_vec(vec![new_ref(&raw mut ISlice_Type as *mut PyObject), args(&[inner.as_ptr(), one.as_ptr(), none()])?])
    })())
}

unsafe extern "C" fn accumulate_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    set_field(&raw mut (*(op as *mut Accumulate)).total, Some(new_ref(state)));
    new_ref(none()).into_ptr()
}

static ACCUMULATE_PARAMS: Params =
    Params { function: "accumulate", names: &["iterable", "func", "initial"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn accumulate_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [iterable, func, initial] = bind_tuple_dict_array::<3>(&ACCUMULATE_PARAMS, args, kwds)?;
        let it = get_iter(iterable)?;
        let (op, a) = alloc_as::<Accumulate>(tp)?;
        (*a).it = it.into_ptr();
        if !func.is_null() && func != none() {
            (*a).binop = new_ref(func).into_ptr();
        }
        if !initial.is_null() && initial != none() {
            (*a).initial = new_ref(initial).into_ptr();
        }
        Ok(op)
    })())
}

unsafe extern "C" fn accumulate_next(op: *mut PyObject) -> *mut PyObject {
    let a = op as *mut Accumulate;
    next_ret((|| -> PyResult<Option<PyRef>> {
        if let Some(initial) = take_field(&raw mut (*a).initial) {
            set_field(&raw mut (*a).total, Some(initial.clone()));
            return Ok(Some(initial));
        }
        let Some(value) = next((*a).it)? else { return Ok(None) };
        let total = if (*a).total.is_null() {
            value
        } else if (*a).binop.is_null() {
            from_slot(PyNumber_Add((*a).total, value.as_ptr()))?
        } else {
            let args = [(*a).total, value.as_ptr()];
            from_slot(crate::abstract_::call::vectorcall((*a).binop, args.as_ptr(), 2, core::ptr::null_mut()))?
        };
        set_field(&raw mut (*a).total, Some(total.clone()));
        Ok(Some(total))
    })())
}

// ----- chain --------------------------------------------------------------------------

#[repr(C)]
struct Chain {
    ob_base: PyObject,
    /// The iterator over the iterables, NULL once exhausted.
    source: *mut PyObject,
    /// The iterator being drained.
    active: *mut PyObject,
}

static mut CHAIN_METHODS: [PyMethodDef; 5] = [
    plain(c"from_iterable", chain_from_iterable, METH_O | METH_CLASS)
        .doc(c"from_iterable($type, iterable, /)\n--\n\nAlternative chain() constructor taking a single iterable argument that evaluates lazily."),
    reduce_def(chain_reduce),
    setstate_def(chain_setstate),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

iter_type!(Chain_Type, c"itertools.chain", Chain, 2, next: chain_next,
    doc: c"chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.",
    tp_new: Some(chain_new), tp_methods: &raw mut CHAIN_METHODS as *mut PyMethodDef);

/// `(chain, (), (source[, active]))`, `(chain, ())` once done.
unsafe extern "C" fn chain_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Chain;
    ret_obj((|| -> PyResult<PyRef> {
        let empty = tuple::new(0)?;
        if (*c).source.is_null() {
            return reduce(op, empty, None);
        }
        let state = if (*c).active.is_null() { args(&[(*c).source])? } else { args(&[(*c).source, (*c).active])? };
        reduce(op, empty, Some(state))
    })())
}

/// `__setstate__((source[, active]))`: both must be iterators.
unsafe extern "C" fn chain_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Chain;
    ret_obj((|| -> PyResult<PyRef> {
        let items = state_items(state, 1, 2)?;
        if items.iter().any(|&x| crate::abstract_::iter::PyIter_Check(x) == 0) {
            return Err(type_error("Arguments must be iterators."));
        }
        set_field(&raw mut (*c).source, Some(new_ref(items[0])));
        set_field(&raw mut (*c).active, items.get(1).map(|&x| new_ref(x)));
        Ok(new_ref(none()))
    })())
}

unsafe fn chain_from_source(tp: *mut PyTypeObject, source: PyRef) -> PyResult<PyRef> {
    let (op, c) = alloc_as::<Chain>(tp)?;
    (*c).source = source.into_ptr();
    Ok(op)
}

unsafe extern "C" fn chain_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        if crate::objects::iter_common::refuses_keywords(tp, &raw mut Chain_Type) && !kwds.is_null() && dict::len(kwds) != 0 {
            return Err(type_error("chain() takes no keyword arguments"));
        }
        let args = if args.is_null() { tuple::new(0)? } else { new_ref(args) };
        chain_from_source(tp, get_iter(args.as_ptr())?)
    })())
}

unsafe extern "C" fn chain_from_iterable(tp: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    ret_obj((|| chain_from_source(tp as *mut PyTypeObject, get_iter(iterable)?))())
}

unsafe extern "C" fn chain_next(op: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Chain;
    next_ret((|| -> PyResult<Option<PyRef>> {
        loop {
            if (*c).active.is_null() {
                if (*c).source.is_null() {
                    return Ok(None);
                }
                let iterable = match next((*c).source) {
                    Ok(Some(x)) => x,
                    other => {
                        drop(take_field(&raw mut (*c).source));
                        return other.map(|_| None);
                    }
                };
                match get_iter(iterable.as_ptr()) {
                    Ok(it) => (*c).active = it.into_ptr(),
                    Err(e) => {
                        drop(take_field(&raw mut (*c).source));
                        return Err(e);
                    }
                }
            }
            if let Some(item) = next((*c).active)? {
                return Ok(Some(item));
            }
            drop(take_field(&raw mut (*c).active));
        }
    })())
}

// ----- compress -----------------------------------------------------------------------

#[repr(C)]
struct Compress {
    ob_base: PyObject,
    data: *mut PyObject,
    selectors: *mut PyObject,
}

iter_type!(Compress_Type, c"itertools.compress", Compress, 2, next: compress_next,
    doc: c"compress(data, selectors)\n--\n\nReturn data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements.",
    tp_new: Some(compress_new), tp_methods: &raw mut COMPRESS_METHODS as *mut PyMethodDef);

static mut COMPRESS_METHODS: [PyMethodDef; 2] = [reduce_def(compress_reduce), END];

unsafe extern "C" fn compress_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Compress;
    ret_obj((|| reduce(op, args(&[(*c).data, (*c).selectors])?, None))())
}

static COMPRESS_PARAMS: Params = Params { function: "compress", names: &["data", "selectors"], positional_only: 0, max_positional: 2, required: 2 };

unsafe extern "C" fn compress_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [data, selectors] = bind_tuple_dict_array::<2>(&COMPRESS_PARAMS, args, kwds)?;
        let data = get_iter(data)?;
        let selectors = get_iter(selectors)?;
        let (op, c) = alloc_as::<Compress>(tp)?;
        (*c).data = data.into_ptr();
        (*c).selectors = selectors.into_ptr();
        Ok(op)
    })())
}

unsafe extern "C" fn compress_next(op: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Compress;
    next_ret((|| -> PyResult<Option<PyRef>> {
        loop {
            let Some(datum) = next((*c).data)? else { return Ok(None) };
            let Some(selector) = next((*c).selectors)? else { return Ok(None) };
            if is_true(selector.as_ptr())? {
                return Ok(Some(datum));
            }
        }
    })())
}

// ----- dropwhile / takewhile / filterfalse / starmap ----------------------------------

/// The layout shared by the iterators of a function and a source.
#[repr(C)]
struct FuncIter {
    ob_base: PyObject,
    func: *mut PyObject,
    it: *mut PyObject,
    /// dropwhile: the predicate failed once; takewhile: the predicate failed once.
    done: core::ffi::c_int,
}

unsafe fn func_iter_new(name: &core::ffi::CStr, tp: *mut PyTypeObject, exact: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(name, tp, exact, args, kwds, 2, 2)?;
        let it = get_iter(a[1])?;
        let (op, f) = alloc_as::<FuncIter>(tp)?;
        (*f).func = new_ref(a[0]).into_ptr();
        (*f).it = it.into_ptr();
        Ok(op)
    })())
}

/// `(type, (func, it))`, with the `done` flag as the state for dropwhile/takewhile.
unsafe fn func_iter_reduce(op: *mut PyObject, with_state: bool) -> *mut PyObject {
    let f = op as *mut FuncIter;
    ret_obj((|| {
        let state = if with_state { Some(crate::objects::int::from_i64((*f).done as i64)?) } else { None };
        reduce(op, args(&[(*f).func, (*f).it])?, state)
    })())
}

unsafe extern "C" fn func_iter_reduce_stateless(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    func_iter_reduce(op, false)
}

unsafe extern "C" fn func_iter_reduce_flag(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    func_iter_reduce(op, true)
}

/// `__setstate__(flag)` of dropwhile/takewhile: its truth value.
unsafe extern "C" fn func_iter_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        (*(op as *mut FuncIter)).done = is_true(state)? as core::ffi::c_int;
        Ok(new_ref(none()))
    })())
}

static mut FLAG_METHODS: [PyMethodDef; 3] = [reduce_def(func_iter_reduce_flag), setstate_def(func_iter_setstate), END];
static mut STATELESS_METHODS: [PyMethodDef; 2] = [reduce_def(func_iter_reduce_stateless), END];

/// `func(item)` as a truth value.
unsafe fn predicate(func: *mut PyObject, item: *mut PyObject) -> PyResult<bool> {
    let r = from_slot(PyObject_CallOneArg(func, item))?;
    is_true(r.as_ptr())
}

iter_type!(DropWhile_Type, c"itertools.dropwhile", FuncIter, 2, next: dropwhile_next,
    doc: c"dropwhile(predicate, iterable, /)\n--\n\nDrop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.",
    tp_new: Some(dropwhile_new), tp_methods: &raw mut FLAG_METHODS as *mut PyMethodDef);

unsafe extern "C" fn dropwhile_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    func_iter_new(c"dropwhile", tp, &raw mut DropWhile_Type, args, kwds)
}

unsafe extern "C" fn dropwhile_next(op: *mut PyObject) -> *mut PyObject {
    let f = op as *mut FuncIter;
    next_ret((|| -> PyResult<Option<PyRef>> {
        loop {
            let Some(item) = next((*f).it)? else { return Ok(None) };
            if (*f).done != 0 {
                return Ok(Some(item));
            }
            if !predicate((*f).func, item.as_ptr())? {
                (*f).done = 1;
                return Ok(Some(item));
            }
        }
    })())
}

iter_type!(TakeWhile_Type, c"itertools.takewhile", FuncIter, 2, next: takewhile_next,
    doc: c"takewhile(predicate, iterable, /)\n--\n\nReturn successive entries from an iterable as long as the predicate evaluates to true for each entry.",
    tp_new: Some(takewhile_new), tp_methods: &raw mut FLAG_METHODS as *mut PyMethodDef);

unsafe extern "C" fn takewhile_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    func_iter_new(c"takewhile", tp, &raw mut TakeWhile_Type, args, kwds)
}

unsafe extern "C" fn takewhile_next(op: *mut PyObject) -> *mut PyObject {
    let f = op as *mut FuncIter;
    next_ret((|| -> PyResult<Option<PyRef>> {
        if (*f).done != 0 {
            return Ok(None);
        }
        let Some(item) = next((*f).it)? else { return Ok(None) };
        if predicate((*f).func, item.as_ptr())? {
            return Ok(Some(item));
        }
        (*f).done = 1;
        Ok(None)
    })())
}

iter_type!(FilterFalse_Type, c"itertools.filterfalse", FuncIter, 2, next: filterfalse_next,
    doc: c"filterfalse(function, iterable, /)\n--\n\nReturn those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.",
    tp_new: Some(filterfalse_new), tp_methods: &raw mut STATELESS_METHODS as *mut PyMethodDef);

unsafe extern "C" fn filterfalse_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    func_iter_new(c"filterfalse", tp, &raw mut FilterFalse_Type, args, kwds)
}

unsafe extern "C" fn filterfalse_next(op: *mut PyObject) -> *mut PyObject {
    let f = op as *mut FuncIter;
    next_ret((|| -> PyResult<Option<PyRef>> {
        loop {
            let Some(item) = next((*f).it)? else { return Ok(None) };
            let keep = if (*f).func == none() || (*f).func == &raw mut crate::objects::bool::PyBool_Type as *mut PyObject {
                !is_true(item.as_ptr())?
            } else {
                !predicate((*f).func, item.as_ptr())?
            };
            if keep {
                return Ok(Some(item));
            }
        }
    })())
}

iter_type!(StarMap_Type, c"itertools.starmap", FuncIter, 2, next: starmap_next,
    doc: c"starmap(function, iterable, /)\n--\n\nReturn an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.",
    tp_new: Some(starmap_new), tp_methods: &raw mut STATELESS_METHODS as *mut PyMethodDef);

unsafe extern "C" fn starmap_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    func_iter_new(c"starmap", tp, &raw mut StarMap_Type, args, kwds)
}

unsafe extern "C" fn starmap_next(op: *mut PyObject) -> *mut PyObject {
    let f = op as *mut FuncIter;
    next_ret((|| -> PyResult<Option<PyRef>> {
        let Some(args) = next((*f).it)? else { return Ok(None) };
        let args = if tuple::is_exact(args.as_ptr()) {
            args
        } else {
            from_slot(crate::abstract_::sequence::PySequence_Tuple(args.as_ptr()))?
        };
        Ok(Some(from_slot(call_tuple((*f).func, args.as_ptr(), core::ptr::null_mut()))?))
    })())
}

// ----- islice -------------------------------------------------------------------------

#[repr(C)]
struct ISlice {
    ob_base: PyObject,
    /// The source, NULL once done.
    it: *mut PyObject,
    /// The source index of the next item produced.
    next: Py_ssize_t,
    /// -1 for no stop.
    stop: Py_ssize_t,
    step: Py_ssize_t,
    /// Items consumed from the source.
    cnt: Py_ssize_t,
}

iter_type!(ISlice_Type, c"itertools.islice", ISlice, 1, next: islice_next,
    doc: c"islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator.",
    tp_new: Some(islice_new), tp_methods: &raw mut ISLICE_METHODS as *mut PyMethodDef);

static mut ISLICE_METHODS: [PyMethodDef; 3] = [reduce_def(islice_reduce), setstate_def(islice_setstate), END];

/// `(islice, (it, next, stop, step), consumed)`; `(islice, (iter([]), 0), 0)` once done.
unsafe extern "C" fn islice_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let s = op as *mut ISlice;
    ret_obj((|| -> PyResult<PyRef> {
        let zero = crate::objects::int::small_ref(0);
        if (*s).it.is_null() {
            let empty = get_iter(crate::objects::list::new(0)?.as_ptr())?;
            return reduce(op, args(&[empty.as_ptr(), zero.as_ptr()])?, Some(zero));
        }
        let next = crate::objects::int::from_i64((*s).next as i64)?;
        let stop = if (*s).stop == -1 { new_ref(none()) } else { crate::objects::int::from_i64((*s).stop as i64)? };
        let step = crate::objects::int::from_i64((*s).step as i64)?;
        let cnt = crate::objects::int::from_i64((*s).cnt as i64)?;
        reduce(op, args(&[(*s).it, next.as_ptr(), stop.as_ptr(), step.as_ptr()])?, Some(cnt))
    })())
}

unsafe extern "C" fn islice_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        (*(op as *mut ISlice)).cnt = state_index(state)?;
        Ok(new_ref(none()))
    })())
}

const STOP_MESSAGE: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An index argument: its value clipped to the Py_ssize_t range, or None when it is not an
/// integer (the caller reports its own message).
unsafe fn clipped_index(v: *mut PyObject) -> Option<Py_ssize_t> {
    let n = PyNumber_AsSsize_t(v, core::ptr::null_mut());
    if n == -1 && !PyErr_Occurred().is_null() {
        PyErr_Clear();
        return None;
    }
    Some(n)
}

unsafe extern "C" fn islice_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(c"islice", tp, &raw mut ISlice_Type, args, kwds, 2, 4)?;
        let (mut start, mut stop, mut step): (Py_ssize_t, Py_ssize_t, Py_ssize_t) = (0, -1, 1);
        let stop_arg = if a.len() == 2 { a[1] } else { a[2] };
        if a.len() > 2 && a[1] != none() {
            start = clipped_index(a[1]).unwrap_or(-1);
        }
        if stop_arg != none() {
            stop = match clipped_index(stop_arg) {
                Some(-1) | None => return Err(value_error(STOP_MESSAGE)),
                Some(n) => n,
            };
        }
        if start < 0 || stop < -1 {
            return Err(value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
        }
        if a.len() == 4 && a[3] != none() {
            step = clipped_index(a[3]).unwrap_or(-1);
        }
        if step < 1 {
            return Err(value_error("Step for islice() must be a positive integer or None."));
        }
        let it = get_iter(a[0])?;
        let (op, s) = alloc_as::<ISlice>(tp)?;
        (*s).it = it.into_ptr();
        (*s).next = start;
        (*s).stop = stop;
        (*s).step = step;
        Ok(op)
    })())
}

unsafe extern "C" fn islice_next(op: *mut PyObject) -> *mut PyObject {
    let s = op as *mut ISlice;
    let r = (|| -> PyResult<Option<PyRef>> {
        if (*s).it.is_null() {
            return Ok(None);
        }
        while (*s).cnt < (*s).next {
            if next((*s).it)?.is_none() {
                return Ok(None);
            }
            (*s).cnt += 1;
        }
        if (*s).stop != -1 && (*s).cnt >= (*s).stop {
            return Ok(None);
        }
        let Some(item) = next((*s).it)? else { return Ok(None) };
        (*s).cnt += 1;
        let old = (*s).next;
        (*s).next = old.wrapping_add((*s).step);
        if (*s).next < old || ((*s).stop != -1 && (*s).next > (*s).stop) {
            (*s).next = (*s).stop;
        }
        Ok(Some(item))
    })();
    match r {
        Ok(Some(item)) => item.into_ptr(),
        _ => {
            // Done (or failed): the source is released at once.
            drop(take_field(&raw mut (*s).it));
            core::ptr::null_mut()
        }
    }
}
