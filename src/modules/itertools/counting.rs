//! `count(start=0, step=1)`, `cycle(iterable)`, `repeat(object[, times])`: the infinite
//! (or counted) iterators. `count` keeps a machine integer while it can (step 1 from an
//! int start) and switches to Python ints at `sys.maxsize`.
use crate::abstract_::number::{PyNumber_Add, PyNumber_Check};
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{from_slot, new_ref, ret_obj, type_error};
use crate::errors::raised::PyResult;
use crate::modules::itertools::pickling::{args, call_method1, reduce, reduce_def, setstate_def, state_int, state_items};
use crate::modules::itertools::{alloc_as, next_ret, positional, repr_string, set_field, short_type_name, take_field};
use crate::object::methods::METH_NOARGS;
use crate::object::methods::PyMethodDef;
use crate::object::method_table::{plain, END};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{int, list, str as pystr};
use crate::pyport::Py_ssize_t;

// ----- count --------------------------------------------------------------------------

#[repr(C)]
struct Count {
    ob_base: PyObject,
    /// The next value once counting left machine integers (NULL in fast mode).
    long_cnt: *mut PyObject,
    step: *mut PyObject,
    cnt: Py_ssize_t,
}

iter_type!(Count_Type, c"itertools.count", Count, 2, next: count_next,
    doc: c"count(start=0, step=1)\n--\n\nReturn a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step",
    tp_new: Some(count_new), tp_repr: Some(count_repr), tp_methods: &raw mut COUNT_METHODS as *mut PyMethodDef);

static mut COUNT_METHODS: [PyMethodDef; 2] = [reduce_def(count_reduce), END];

/// `(count, (n,))` while counting machine integers by 1, else `(count, (n, step))`.
unsafe extern "C" fn count_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Count;
    ret_obj((|| -> PyResult<PyRef> {
        if (*c).long_cnt.is_null() {
            let n = int::from_i64((*c).cnt as i64)?;
            return reduce(op, args(&[n.as_ptr()])?, None);
        }
        reduce(op, args(&[(*c).long_cnt, (*c).step])?, None)
    })())
}

static COUNT_PARAMS: Params = Params { function: "count", names: &["start", "step"], positional_only: 0, max_positional: 2, required: 0 };

unsafe extern "C" fn count_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [start, step] = bind_tuple_dict_array::<2>(&COUNT_PARAMS, args, kwds)?;
        for v in [start, step] {
            if !v.is_null() && PyNumber_Check(v) == 0 {
                return Err(type_error("a number is required"));
            }
        }
        let step_ref = if step.is_null() { int::small_ref(1) } else { new_ref(step) };
        let step_is_one = int::is_exact_int(step_ref.as_ptr()) && int::medium_value(step_ref.as_ptr()) == Some(1);
        // Fast mode: an int start that fits, counting by the int 1.
        let fast = if start.is_null() {
            Some(0)
        } else if int::is_int(start) && step_is_one {
            crate::objects::long_convert::int_to_i128(start).and_then(|v| Py_ssize_t::try_from(v).ok()).filter(|&v| v != Py_ssize_t::MAX)
        } else {
            None
        };
        let fast = if step_is_one { fast } else { None };
        let (op, c) = alloc_as::<Count>(tp)?;
        match fast {
            Some(v) => (*c).cnt = v,
            None => {
                (*c).cnt = Py_ssize_t::MAX;
                (*c).long_cnt = if start.is_null() { int::small_ref(0).into_ptr() } else { new_ref(start).into_ptr() };
            }
        }
        (*c).step = step_ref.into_ptr();
        Ok(op)
    })())
}

unsafe extern "C" fn count_next(op: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Count;
    next_ret((|| -> PyResult<Option<PyRef>> {
        if (*c).long_cnt.is_null() {
            if (*c).cnt != Py_ssize_t::MAX {
                let v = int::from_i64((*c).cnt as i64)?;
                (*c).cnt += 1;
                return Ok(Some(v));
            }
            (*c).long_cnt = int::from_i64(Py_ssize_t::MAX as i64)?.into_ptr();
        }
        let current = new_ref((*c).long_cnt);
        let next = from_slot(PyNumber_Add(current.as_ptr(), (*c).step))?;
        set_field(&raw mut (*c).long_cnt, Some(next));
        Ok(Some(current))
    })())
}

unsafe extern "C" fn count_repr(op: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Count;
    ret_obj((|| -> PyResult<PyRef> {
        let name = short_type_name(op);
        if (*c).long_cnt.is_null() {
            return pystr::from_utf8(&format!("{name}({})", (*c).cnt));
        }
        let start = repr_string((*c).long_cnt)?;
        let step = (*c).step;
        if int::is_int(step) && crate::objects::long_convert::int_to_i128(step) == Some(1) {
            return pystr::from_utf8(&format!("{name}({start})"));
        }
        pystr::from_utf8(&format!("{name}({start}, {})", repr_string(step)?))
    })())
}

// ----- cycle --------------------------------------------------------------------------

#[repr(C)]
struct Cycle {
    ob_base: PyObject,
    /// The source, NULL once exhausted.
    it: *mut PyObject,
    /// The items of the first pass (a list).
    saved: *mut PyObject,
    index: Py_ssize_t,
    /// The items of `it` are already in `saved` (restored from a pickle): not saved again.
    firstpass: bool,
}

iter_type!(Cycle_Type, c"itertools.cycle", Cycle, 2, next: cycle_next,
    doc: c"cycle(iterable, /)\n--\n\nReturn elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
    tp_new: Some(cycle_new), tp_methods: &raw mut CYCLE_METHODS as *mut PyMethodDef);

static mut CYCLE_METHODS: [PyMethodDef; 3] = [reduce_def(cycle_reduce), setstate_def(cycle_setstate), END];

/// `(cycle, (it,), (saved, firstpass))`; once the source is done, `it` is an iterator over
/// `saved` at the current index and firstpass is True.
unsafe extern "C" fn cycle_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Cycle;
    ret_obj((|| -> PyResult<PyRef> {
        if (*c).it.is_null() {
            let it = crate::abstract_::iter::get_iter((*c).saved)?;
            if (*c).index != 0 {
                let index = int::from_i64((*c).index as i64)?;
                call_method1(it.as_ptr(), "__setstate__", index.as_ptr())?;
            }
            let state = args(&[(*c).saved, crate::abstract_::compare::bool_ref(true).as_ptr()])?;
            return reduce(op, args(&[it.as_ptr()])?, Some(state));
        }
        let state = args(&[(*c).saved, crate::abstract_::compare::bool_ref((*c).firstpass).as_ptr()])?;
        reduce(op, args(&[(*c).it])?, Some(state))
    })())
}

/// `__setstate__((saved_list, firstpass))`.
unsafe extern "C" fn cycle_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Cycle;
    ret_obj((|| -> PyResult<PyRef> {
        let items = state_items(state, 2, 2)?;
        if !list::is_list(items[0]) {
            return Err(type_error(format!("argument 1 must be list, not {}", crate::abstract_::tp_name(items[0]))));
        }
        let firstpass = state_int(items[1])? != 0;
        set_field(&raw mut (*c).saved, Some(new_ref(items[0])));
        (*c).firstpass = firstpass;
        (*c).index = 0;
        Ok(new_ref(crate::abstract_::none()))
    })())
}

unsafe extern "C" fn cycle_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(c"cycle", tp, &raw mut Cycle_Type, args, kwds, 1, 1)?;
        let it = crate::abstract_::iter::get_iter(a[0])?;
        let saved = list::new(0)?;
        let (op, c) = alloc_as::<Cycle>(tp)?;
        (*c).it = it.into_ptr();
        (*c).saved = saved.into_ptr();
        Ok(op)
    })())
}

unsafe extern "C" fn cycle_next(op: *mut PyObject) -> *mut PyObject {
    let c = op as *mut Cycle;
    next_ret((|| -> PyResult<Option<PyRef>> {
        if !(*c).it.is_null() {
            if let Some(item) = crate::abstract_::iter::next((*c).it)? {
                if !(*c).firstpass {
                    list::append((*c).saved, item.as_ptr())?;
                }
                return Ok(Some(item));
            }
            drop(take_field(&raw mut (*c).it));
        }
        let saved = list::items((*c).saved);
        if saved.is_empty() {
            return Ok(None);
        }
        let i = (*c).index as usize % saved.len();
        (*c).index = ((i + 1) % saved.len()) as Py_ssize_t;
        Ok(Some(new_ref(saved[i])))
    })())
}

// ----- repeat -------------------------------------------------------------------------

#[repr(C)]
struct Repeat {
    ob_base: PyObject,
    element: *mut PyObject,
    /// Repetitions left; -1 for forever.
    cnt: Py_ssize_t,
}

static mut REPEAT_METHODS: [PyMethodDef; 3] = [
    plain(c"__length_hint__", repeat_len, METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    reduce_def(repeat_reduce),
    END,
];

iter_type!(Repeat_Type, c"itertools.repeat", Repeat, 1, next: repeat_next,
    doc: c"repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.",
    tp_new: Some(repeat_new), tp_repr: Some(repeat_repr), tp_methods: &raw mut REPEAT_METHODS as *mut PyMethodDef);

/// `(repeat, (element, times_left))`, `(repeat, (element,))` when endless.
unsafe extern "C" fn repeat_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Repeat;
    ret_obj((|| -> PyResult<PyRef> {
        if (*r).cnt < 0 {
            return reduce(op, args(&[(*r).element])?, None);
        }
        let n = int::from_i64((*r).cnt as i64)?;
        reduce(op, args(&[(*r).element, n.as_ptr()])?, None)
    })())
}

static REPEAT_PARAMS: Params = Params { function: "repeat", names: &["object", "times"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn repeat_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [element, times] = bind_tuple_dict_array::<2>(&REPEAT_PARAMS, args, kwds)?;
        let cnt = if times.is_null() { -1 } else { crate::abstract_::item::as_ssize(times, None)?.max(0) };
        let (op, r) = alloc_as::<Repeat>(tp)?;
        (*r).element = new_ref(element).into_ptr();
        (*r).cnt = cnt;
        Ok(op)
    })())
}

unsafe extern "C" fn repeat_next(op: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Repeat;
    match (*r).cnt {
        0 => core::ptr::null_mut(),
        n => {
            if n > 0 {
                (*r).cnt -= 1;
            }
            new_ref((*r).element).into_ptr()
        }
    }
}

unsafe extern "C" fn repeat_repr(op: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Repeat;
    ret_obj((|| -> PyResult<PyRef> {
        let name = short_type_name(op);
        let element = repr_string((*r).element)?;
        if (*r).cnt == -1 {
            pystr::from_utf8(&format!("{name}({element})"))
        } else {
            pystr::from_utf8(&format!("{name}({element}, {})", (*r).cnt))
        }
    })())
}

unsafe extern "C" fn repeat_len(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = op as *mut Repeat;
    if (*r).cnt == -1 {
        return ret_obj(Err(type_error("len() of unsized object")));
    }
    ret_obj(int::from_i64((*r).cnt as i64))
}
