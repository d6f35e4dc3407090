//! The table of special methods and the C slots behind them (`__add__` <-> `nb_add`, ...),
//! in CPython's order, and the wrapper functions that call a slot with Python arguments.
//! At readying, `add_operators` puts a `wrapper_descriptor` in the type dict for each slot
//! the type defines itself (a name already there is kept; a slot set to
//! `PyObject_HashNotImplemented` becomes `__hash__ = None`).
//! The same rows drive the reverse direction (slot_dunders.rs): a class that defines
//! `__add__` in Python gets `nb_add` pointing at a function that calls it.
// Slots are compared by address on purpose, as C does.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::errors::exception_types::{_PyExc_StopIteration, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::{wrapperbase, wrapperfunc, PyWrapperFlag_KEYWORDS};
use crate::object::descr_objects::PyDescr_NewWrapper;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::*;
use crate::object::typeobject::*;
use crate::objects::{dict, str as pystr, tuple};
use crate::object::slot_dunders_int as I;

// ---- Argument checks ------------------------------------------------------------------------

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// TypeError "expected N argument(s), got M" unless `args` has `n` items.
unsafe fn check_num_args(args: *mut PyObject, n: usize) -> PyResult<()> {
    if !tuple::is_tuple(args) {
        return Err(raise_type(
            &raw mut crate::errors::exception_types::_PyExc_SystemError,
            "PyArg_UnpackTuple() argument list is not a tuple",
        ));
    }
    let got = tuple::len(args);
    if got == n {
        return Ok(());
    }
    Err(raise_type(&raw mut _PyExc_TypeError, format!("expected {n} argument{}, got {got}", plural(n))))
}

/// The items of `args` when there are `min..=max` of them, else the TypeError of
/// `PyArg_UnpackTuple(args, "", min, max)`.
unsafe fn unpack<'a>(args: *mut PyObject, min: usize, max: usize) -> PyResult<&'a [*mut PyObject]> {
    let items = tuple::items(args);
    let got = items.len();
    if got < min || got > max {
        let (bound, n) = if got < min { (if min == max { "" } else { "at least " }, min) } else { (if min == max { "" } else { "at most " }, max) };
        return Err(raise_type(
            &raw mut _PyExc_TypeError,
            format!(" expected {bound}{n} argument{}, got {got}", plural(n)),
        ));
    }
    Ok(items)
}

fn out(r: PyResult<*mut PyObject>) -> *mut PyObject {
    r.unwrap_or(core::ptr::null_mut())
}

fn none() -> *mut PyObject {
    let n = &raw mut crate::objects::singletons::_Py_NoneStruct;
    // SAFETY: None lives for the whole runtime.
    unsafe { (*n).ob_refcnt += 1 };
    n
}

unsafe fn status_to_none(r: c_int) -> *mut PyObject {
    if r < 0 { core::ptr::null_mut() } else { none() }
}

unsafe fn bool_result(r: c_int) -> *mut PyObject {
    if r < 0 { core::ptr::null_mut() } else { crate::objects::bool::PyBool_FromLong(r as core::ffi::c_long) }
}

fn is_none(op: *mut PyObject) -> bool {
    op == &raw mut crate::objects::singletons::_Py_NoneStruct
}

// ---- The wrappers: (self, args tuple, slot function) -> result -------------------------------

macro_rules! wrapper {
    ($name:ident, |$self_:ident, $args:ident, $f:ident: $fty:ty| $body:block) => {
        unsafe extern "C" fn $name($self_: *mut PyObject, $args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
            // SAFETY: the table pairs each wrapper with slots of this signature.
            let $f: $fty = core::mem::transmute(wrapped);
            let Some($f) = $f else { return core::ptr::null_mut() };
            out((|| -> PyResult<*mut PyObject> { $body })())
        }
    };
}

wrapper!(wrap_unaryfunc, |s, args, f: unaryfunc| {
    check_num_args(args, 0)?;
    Ok(f(s))
});
wrapper!(wrap_binaryfunc, |s, args, f: binaryfunc| {
    check_num_args(args, 1)?;
    Ok(f(s, tuple::items(args)[0]))
});
wrapper!(wrap_binaryfunc_l, |s, args, f: binaryfunc| {
    check_num_args(args, 1)?;
    Ok(f(s, tuple::items(args)[0]))
});
wrapper!(wrap_binaryfunc_r, |s, args, f: binaryfunc| {
    check_num_args(args, 1)?;
    Ok(f(tuple::items(args)[0], s))
});
wrapper!(wrap_ternaryfunc, |s, args, f: ternaryfunc| {
    let items = unpack(args, 1, 2)?;
    let third = items.get(1).copied().unwrap_or(&raw mut crate::objects::singletons::_Py_NoneStruct);
    Ok(f(s, items[0], third))
});
wrapper!(wrap_ternaryfunc_r, |s, args, f: ternaryfunc| {
    let items = unpack(args, 1, 2)?;
    let third = items.get(1).copied().unwrap_or(&raw mut crate::objects::singletons::_Py_NoneStruct);
    Ok(f(items[0], s, third))
});
wrapper!(wrap_inquirypred, |s, args, f: inquiry| {
    check_num_args(args, 0)?;
    Ok(bool_result(f(s)))
});
wrapper!(wrap_objobjproc, |s, args, f: objobjproc| {
    check_num_args(args, 1)?;
    Ok(bool_result(f(s, tuple::items(args)[0])))
});
wrapper!(wrap_objobjargproc, |s, args, f: objobjargproc| {
    let items = unpack(args, 2, 2)?;
    Ok(status_to_none(f(s, items[0], items[1])))
});
wrapper!(wrap_delitem, |s, args, f: objobjargproc| {
    check_num_args(args, 1)?;
    Ok(status_to_none(f(s, tuple::items(args)[0], core::ptr::null_mut())))
});
wrapper!(wrap_next, |s, args, f: iternextfunc| {
    check_num_args(args, 0)?;
    let r = f(s);
    if r.is_null() && crate::errors::pyerr::PyErr_Occurred().is_null() {
        crate::errors::pyerr::PyErr_SetNone(&raw mut _PyExc_StopIteration as *mut PyObject);
    }
    Ok(r)
});
wrapper!(wrap_descr_get, |s, args, f: descrgetfunc| {
    let items = unpack(args, 1, 2)?;
    let obj = if is_none(items[0]) { core::ptr::null_mut() } else { items[0] };
    let tp = match items.get(1) {
        Some(&t) if !is_none(t) => t,
        _ => core::ptr::null_mut(),
    };
    if obj.is_null() && tp.is_null() {
        return Err(raise_type(&raw mut _PyExc_TypeError, "__get__(None, None) is invalid"));
    }
    Ok(f(s, obj, tp))
});
wrapper!(wrap_descr_set, |s, args, f: descrsetfunc| {
    let items = unpack(args, 2, 2)?;
    Ok(status_to_none(f(s, items[0], items[1])))
});
wrapper!(wrap_descr_delete, |s, args, f: descrsetfunc| {
    check_num_args(args, 1)?;
    Ok(status_to_none(f(s, tuple::items(args)[0], core::ptr::null_mut())))
});
wrapper!(wrap_setattr, |s, args, f: setattrofunc| {
    let items = unpack(args, 2, 2)?;
    check_setattr_target(s, "__setattr__", f)?;
    Ok(status_to_none(f(s, items[0], items[1])))
});
wrapper!(wrap_delattr, |s, args, f: setattrofunc| {
    check_num_args(args, 1)?;
    check_setattr_target(s, "__delattr__", f)?;
    Ok(status_to_none(f(s, tuple::items(args)[0], core::ptr::null_mut())))
});
wrapper!(wrap_del, |s, args, f: destructor| {
    check_num_args(args, 0)?;
    f(s);
    Ok(none())
});

/// `object.__setattr__(int_instance, ...)` must not bypass the `tp_setattro` of a C type
/// between the wrapper's type and the instance's (CPython's "Carlo Verre hack" check).
unsafe fn check_setattr_target(s: *mut PyObject, what: &str, f: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int) -> PyResult<()> {
    let mut tp = (*s).ob_type;
    // The first static (non-heap) type in the MRO defines the real setattro.
    while !tp.is_null() && (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        tp = (*tp).tp_base;
    }
    if !tp.is_null() && (*tp).tp_setattro.is_some() && (*tp).tp_setattro != Some(f) {
        return Err(raise_type(
            &raw mut _PyExc_TypeError,
            format!("can't apply this {what} to {} object", crate::object::typetype::type_name(tp)),
        ));
    }
    Ok(())
}

/// `__init__` and `__call__` take keywords: (self, args, slot, kwds).
unsafe extern "C" fn wrap_init(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void, kwds: *mut PyObject) -> *mut PyObject {
    let f: initproc = core::mem::transmute(wrapped);
    match f {
        Some(f) => status_to_none(f(s, args, kwds)),
        None => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn wrap_call(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void, kwds: *mut PyObject) -> *mut PyObject {
    let f: ternaryfunc = core::mem::transmute(wrapped);
    match f {
        Some(f) => f(s, args, kwds),
        None => core::ptr::null_mut(),
    }
}

macro_rules! richcmp_wrapper {
    ($name:ident, $op:expr) => {
        wrapper!($name, |s, args, f: richcmpfunc| {
            check_num_args(args, 1)?;
            Ok(f(s, tuple::items(args)[0], $op))
        });
    };
}
richcmp_wrapper!(richcmp_lt, 0);
richcmp_wrapper!(richcmp_le, 1);
richcmp_wrapper!(richcmp_eq, 2);
richcmp_wrapper!(richcmp_ne, 3);
richcmp_wrapper!(richcmp_gt, 4);
richcmp_wrapper!(richcmp_ge, 5);

// ---- The table ----------------------------------------------------------------------------------

/// Where a slot lives: the offset of its field in `PyHeapTypeObject` (suite fields are
/// inside the heap type's inline suites), as `wrapperbase.offset` counts it.
macro_rules! tp_off {
    ($f:ident) => {
        offset_of!(PyTypeObject, $f) as c_int
    };
}
macro_rules! suite_off {
    ($suite:ident, $sty:ty, $f:ident) => {
        (offset_of!(PyHeapTypeObject, $suite) + offset_of!($sty, $f)) as c_int
    };
}
macro_rules! am { ($f:ident) => { suite_off!(as_async, PyAsyncMethods, $f) }; }
macro_rules! nb { ($f:ident) => { suite_off!(as_number, PyNumberMethods, $f) }; }
macro_rules! mp { ($f:ident) => { suite_off!(as_mapping, PyMappingMethods, $f) }; }
macro_rules! sq { ($f:ident) => { suite_off!(as_sequence, PySequenceMethods, $f) }; }

const fn row(name: &'static core::ffi::CStr, offset: c_int, wrapper: wrapperfunc, doc: &'static core::ffi::CStr, flags: c_int) -> wrapperbase {
    wrapperbase {
        name: name.as_ptr(),
        offset,
        function: core::ptr::null_mut(),
        wrapper,
        doc: doc.as_ptr(),
        flags,
        name_strobj: core::ptr::null_mut(),
    }
}

type Wf = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> *mut PyObject;
type Wk = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void, *mut PyObject) -> *mut PyObject;

const fn w(f: Wf) -> wrapperfunc {
    Some(f)
}

const fn wk(f: Wk) -> wrapperfunc {
    // SAFETY: a KEYWORDS row's wrapper is called with the four-argument signature
    // (wrapperbase.flags says so), as C stores it in the same field.
    Some(unsafe { core::mem::transmute::<Wk, Wf>(f) })
}

/// The number of rows.
pub(crate) const ROWS: usize = 92;

/// CPython 3.11's special-method table, in its order. A row without a wrapper has no
/// descriptor (its slot is reached through another name, or it needs no Python face).
pub(crate) static mut SLOTDEFS: [wrapperbase; ROWS] = SLOTDEF_ROWS;

const SLOTDEF_ROWS: [wrapperbase; ROWS] = [
    row(c"__getattribute__", tp_off!(tp_getattr), None, c"", 0),
    row(c"__getattr__", tp_off!(tp_getattr), None, c"", 0),
    row(c"__setattr__", tp_off!(tp_setattr), None, c"", 0),
    row(c"__delattr__", tp_off!(tp_setattr), None, c"", 0),
    row(c"__repr__", tp_off!(tp_repr), w(wrap_unaryfunc), c"__repr__($self, /)\n--\n\nReturn repr(self).", 0),
    row(c"__hash__", tp_off!(tp_hash), w(I::wrap_hashfunc), c"__hash__($self, /)\n--\n\nReturn hash(self).", 0),
    row(c"__call__", tp_off!(tp_call), wk(wrap_call), c"__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function.", PyWrapperFlag_KEYWORDS),
    row(c"__str__", tp_off!(tp_str), w(wrap_unaryfunc), c"__str__($self, /)\n--\n\nReturn str(self).", 0),
    row(c"__getattribute__", tp_off!(tp_getattro), w(wrap_binaryfunc), c"__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name).", 0),
    row(c"__getattr__", tp_off!(tp_getattro), None, c"", 0),
    row(c"__setattr__", tp_off!(tp_setattro), w(wrap_setattr), c"__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value).", 0),
    row(c"__delattr__", tp_off!(tp_setattro), w(wrap_delattr), c"__delattr__($self, name, /)\n--\n\nImplement delattr(self, name).", 0),
    row(c"__lt__", tp_off!(tp_richcompare), w(richcmp_lt), c"__lt__($self, value, /)\n--\n\nReturn self<value.", 0),
    row(c"__le__", tp_off!(tp_richcompare), w(richcmp_le), c"__le__($self, value, /)\n--\n\nReturn self<=value.", 0),
    row(c"__eq__", tp_off!(tp_richcompare), w(richcmp_eq), c"__eq__($self, value, /)\n--\n\nReturn self==value.", 0),
    row(c"__ne__", tp_off!(tp_richcompare), w(richcmp_ne), c"__ne__($self, value, /)\n--\n\nReturn self!=value.", 0),
    row(c"__gt__", tp_off!(tp_richcompare), w(richcmp_gt), c"__gt__($self, value, /)\n--\n\nReturn self>value.", 0),
    row(c"__ge__", tp_off!(tp_richcompare), w(richcmp_ge), c"__ge__($self, value, /)\n--\n\nReturn self>=value.", 0),
    row(c"__iter__", tp_off!(tp_iter), w(wrap_unaryfunc), c"__iter__($self, /)\n--\n\nImplement iter(self).", 0),
    row(c"__next__", tp_off!(tp_iternext), w(wrap_next), c"__next__($self, /)\n--\n\nImplement next(self).", 0),
    row(c"__get__", tp_off!(tp_descr_get), w(wrap_descr_get), c"__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner.", 0),
    row(c"__set__", tp_off!(tp_descr_set), w(wrap_descr_set), c"__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value.", 0),
    row(c"__delete__", tp_off!(tp_descr_set), w(wrap_descr_delete), c"__delete__($self, instance, /)\n--\n\nDelete an attribute of instance.", 0),
    row(c"__init__", tp_off!(tp_init), wk(wrap_init), c"__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature.", PyWrapperFlag_KEYWORDS),
    row(c"__new__", tp_off!(tp_new), None, c"__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature.", 0),
    row(c"__del__", tp_off!(tp_finalize), w(wrap_del), c"", 0),
    row(c"__await__", am!(am_await), w(wrap_unaryfunc), c"__await__($self, /)\n--\n\nReturn an iterator to be used in await expression.", 0),
    row(c"__aiter__", am!(am_aiter), w(wrap_unaryfunc), c"__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator.", 0),
    row(c"__anext__", am!(am_anext), w(wrap_unaryfunc), c"__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration.", 0),
    row(c"__add__", nb!(nb_add), w(wrap_binaryfunc_l), c"__add__($self, value, /)\n--\n\nReturn self+value.", 0),
    row(c"__radd__", nb!(nb_add), w(wrap_binaryfunc_r), c"__radd__($self, value, /)\n--\n\nReturn value+self.", 0),
    row(c"__sub__", nb!(nb_subtract), w(wrap_binaryfunc_l), c"__sub__($self, value, /)\n--\n\nReturn self-value.", 0),
    row(c"__rsub__", nb!(nb_subtract), w(wrap_binaryfunc_r), c"__rsub__($self, value, /)\n--\n\nReturn value-self.", 0),
    row(c"__mul__", nb!(nb_multiply), w(wrap_binaryfunc_l), c"__mul__($self, value, /)\n--\n\nReturn self*value.", 0),
    row(c"__rmul__", nb!(nb_multiply), w(wrap_binaryfunc_r), c"__rmul__($self, value, /)\n--\n\nReturn value*self.", 0),
    row(c"__mod__", nb!(nb_remainder), w(wrap_binaryfunc_l), c"__mod__($self, value, /)\n--\n\nReturn self%value.", 0),
    row(c"__rmod__", nb!(nb_remainder), w(wrap_binaryfunc_r), c"__rmod__($self, value, /)\n--\n\nReturn value%self.", 0),
    row(c"__divmod__", nb!(nb_divmod), w(wrap_binaryfunc_l), c"__divmod__($self, value, /)\n--\n\nReturn divmod(self, value).", 0),
    row(c"__rdivmod__", nb!(nb_divmod), w(wrap_binaryfunc_r), c"__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self).", 0),
    row(c"__pow__", nb!(nb_power), w(wrap_ternaryfunc), c"__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod).", 0),
    row(c"__rpow__", nb!(nb_power), w(wrap_ternaryfunc_r), c"__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod).", 0),
    row(c"__neg__", nb!(nb_negative), w(wrap_unaryfunc), c"__neg__($self, /)\n--\n\n-self", 0),
    row(c"__pos__", nb!(nb_positive), w(wrap_unaryfunc), c"__pos__($self, /)\n--\n\n+self", 0),
    row(c"__abs__", nb!(nb_absolute), w(wrap_unaryfunc), c"__abs__($self, /)\n--\n\nabs(self)", 0),
    row(c"__bool__", nb!(nb_bool), w(wrap_inquirypred), c"__bool__($self, /)\n--\n\nTrue if self else False", 0),
    row(c"__invert__", nb!(nb_invert), w(wrap_unaryfunc), c"__invert__($self, /)\n--\n\n~self", 0),
    row(c"__lshift__", nb!(nb_lshift), w(wrap_binaryfunc_l), c"__lshift__($self, value, /)\n--\n\nReturn self<<value.", 0),
    row(c"__rlshift__", nb!(nb_lshift), w(wrap_binaryfunc_r), c"__rlshift__($self, value, /)\n--\n\nReturn value<<self.", 0),
    row(c"__rshift__", nb!(nb_rshift), w(wrap_binaryfunc_l), c"__rshift__($self, value, /)\n--\n\nReturn self>>value.", 0),
    row(c"__rrshift__", nb!(nb_rshift), w(wrap_binaryfunc_r), c"__rrshift__($self, value, /)\n--\n\nReturn value>>self.", 0),
    row(c"__and__", nb!(nb_and), w(wrap_binaryfunc_l), c"__and__($self, value, /)\n--\n\nReturn self&value.", 0),
    row(c"__rand__", nb!(nb_and), w(wrap_binaryfunc_r), c"__rand__($self, value, /)\n--\n\nReturn value&self.", 0),
    row(c"__xor__", nb!(nb_xor), w(wrap_binaryfunc_l), c"__xor__($self, value, /)\n--\n\nReturn self^value.", 0),
    row(c"__rxor__", nb!(nb_xor), w(wrap_binaryfunc_r), c"__rxor__($self, value, /)\n--\n\nReturn value^self.", 0),
    row(c"__or__", nb!(nb_or), w(wrap_binaryfunc_l), c"__or__($self, value, /)\n--\n\nReturn self|value.", 0),
    row(c"__ror__", nb!(nb_or), w(wrap_binaryfunc_r), c"__ror__($self, value, /)\n--\n\nReturn value|self.", 0),
    row(c"__int__", nb!(nb_int), w(wrap_unaryfunc), c"__int__($self, /)\n--\n\nint(self)", 0),
    row(c"__float__", nb!(nb_float), w(wrap_unaryfunc), c"__float__($self, /)\n--\n\nfloat(self)", 0),
    row(c"__iadd__", nb!(nb_inplace_add), w(wrap_binaryfunc), c"__iadd__($self, value, /)\n--\n\nReturn self+=value.", 0),
    row(c"__isub__", nb!(nb_inplace_subtract), w(wrap_binaryfunc), c"__isub__($self, value, /)\n--\n\nReturn self-=value.", 0),
    row(c"__imul__", nb!(nb_inplace_multiply), w(wrap_binaryfunc), c"__imul__($self, value, /)\n--\n\nReturn self*=value.", 0),
    row(c"__imod__", nb!(nb_inplace_remainder), w(wrap_binaryfunc), c"__imod__($self, value, /)\n--\n\nReturn self%=value.", 0),
    row(c"__ipow__", nb!(nb_inplace_power), w(wrap_ternaryfunc), c"__ipow__($self, value, /)\n--\n\nReturn self**=value.", 0),
    row(c"__ilshift__", nb!(nb_inplace_lshift), w(wrap_binaryfunc), c"__ilshift__($self, value, /)\n--\n\nReturn self<<=value.", 0),
    row(c"__irshift__", nb!(nb_inplace_rshift), w(wrap_binaryfunc), c"__irshift__($self, value, /)\n--\n\nReturn self>>=value.", 0),
    row(c"__iand__", nb!(nb_inplace_and), w(wrap_binaryfunc), c"__iand__($self, value, /)\n--\n\nReturn self&=value.", 0),
    row(c"__ixor__", nb!(nb_inplace_xor), w(wrap_binaryfunc), c"__ixor__($self, value, /)\n--\n\nReturn self^=value.", 0),
    row(c"__ior__", nb!(nb_inplace_or), w(wrap_binaryfunc), c"__ior__($self, value, /)\n--\n\nReturn self|=value.", 0),
    row(c"__floordiv__", nb!(nb_floor_divide), w(wrap_binaryfunc_l), c"__floordiv__($self, value, /)\n--\n\nReturn self//value.", 0),
    row(c"__rfloordiv__", nb!(nb_floor_divide), w(wrap_binaryfunc_r), c"__rfloordiv__($self, value, /)\n--\n\nReturn value//self.", 0),
    row(c"__truediv__", nb!(nb_true_divide), w(wrap_binaryfunc_l), c"__truediv__($self, value, /)\n--\n\nReturn self/value.", 0),
    row(c"__rtruediv__", nb!(nb_true_divide), w(wrap_binaryfunc_r), c"__rtruediv__($self, value, /)\n--\n\nReturn value/self.", 0),
    row(c"__ifloordiv__", nb!(nb_inplace_floor_divide), w(wrap_binaryfunc), c"__ifloordiv__($self, value, /)\n--\n\nReturn self//=value.", 0),
    row(c"__itruediv__", nb!(nb_inplace_true_divide), w(wrap_binaryfunc), c"__itruediv__($self, value, /)\n--\n\nReturn self/=value.", 0),
    row(c"__index__", nb!(nb_index), w(wrap_unaryfunc), c"__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list.", 0),
    row(c"__matmul__", nb!(nb_matrix_multiply), w(wrap_binaryfunc_l), c"__matmul__($self, value, /)\n--\n\nReturn self@value.", 0),
    row(c"__rmatmul__", nb!(nb_matrix_multiply), w(wrap_binaryfunc_r), c"__rmatmul__($self, value, /)\n--\n\nReturn value@self.", 0),
    row(c"__imatmul__", nb!(nb_inplace_matrix_multiply), w(wrap_binaryfunc), c"__imatmul__($self, value, /)\n--\n\nReturn self@=value.", 0),
    row(c"__len__", mp!(mp_length), w(I::wrap_lenfunc), c"__len__($self, /)\n--\n\nReturn len(self).", 0),
    row(c"__getitem__", mp!(mp_subscript), w(wrap_binaryfunc), c"__getitem__($self, key, /)\n--\n\nReturn self[key].", 0),
    row(c"__setitem__", mp!(mp_ass_subscript), w(wrap_objobjargproc), c"__setitem__($self, key, value, /)\n--\n\nSet self[key] to value.", 0),
    row(c"__delitem__", mp!(mp_ass_subscript), w(wrap_delitem), c"__delitem__($self, key, /)\n--\n\nDelete self[key].", 0),
    row(c"__len__", sq!(sq_length), w(I::wrap_lenfunc), c"__len__($self, /)\n--\n\nReturn len(self).", 0),
    row(c"__add__", sq!(sq_concat), w(wrap_binaryfunc), c"__add__($self, value, /)\n--\n\nReturn self+value.", 0),
    row(c"__mul__", sq!(sq_repeat), w(I::wrap_indexargfunc), c"__mul__($self, value, /)\n--\n\nReturn self*value.", 0),
    row(c"__rmul__", sq!(sq_repeat), w(I::wrap_indexargfunc), c"__rmul__($self, value, /)\n--\n\nReturn value*self.", 0),
    row(c"__getitem__", sq!(sq_item), w(I::wrap_sq_item), c"__getitem__($self, key, /)\n--\n\nReturn self[key].", 0),
    row(c"__setitem__", sq!(sq_ass_item), w(I::wrap_sq_setitem), c"__setitem__($self, key, value, /)\n--\n\nSet self[key] to value.", 0),
    row(c"__delitem__", sq!(sq_ass_item), w(I::wrap_sq_delitem), c"__delitem__($self, key, /)\n--\n\nDelete self[key].", 0),
    row(c"__contains__", sq!(sq_contains), w(wrap_objobjproc), c"__contains__($self, key, /)\n--\n\nReturn key in self.", 0),
    row(c"__iadd__", sq!(sq_inplace_concat), w(wrap_binaryfunc), c"__iadd__($self, value, /)\n--\n\nImplement self+=value.", 0),
    row(c"__imul__", sq!(sq_inplace_repeat), w(I::wrap_indexargfunc), c"__imul__($self, value, /)\n--\n\nImplement self*=value.", 0),
];

const ASYNC: usize = offset_of!(PyHeapTypeObject, as_async);
const NUMBER: usize = offset_of!(PyHeapTypeObject, as_number);
const MAPPING: usize = offset_of!(PyHeapTypeObject, as_mapping);
const SEQUENCE: usize = offset_of!(PyHeapTypeObject, as_sequence);
const SUITES_END: usize = SEQUENCE + core::mem::size_of::<PySequenceMethods>();
const _: () = assert!(
    core::mem::size_of::<PyTypeObject>() <= ASYNC && ASYNC < NUMBER && NUMBER < MAPPING && MAPPING < SEQUENCE
);

/// Where a slot is: which block (0 the type object, 1..=4 the async, number, mapping and
/// sequence suites) and the byte offset inside it.
#[derive(Clone, Copy)]
struct Place {
    block: u8,
    offset: u16,
}

/// The block of rows without a wrapper: `add_operators` skips them.
const NO_WRAPPER: u8 = u8::MAX;

const fn place_of(offset: usize) -> Place {
    let (block, start) = if offset < ASYNC || offset >= SUITES_END {
        (0, 0)
    } else if offset >= SEQUENCE {
        (4, SEQUENCE)
    } else if offset >= MAPPING {
        (3, MAPPING)
    } else if offset >= NUMBER {
        (2, NUMBER)
    } else {
        (1, ASYNC)
    };
    Place { block, offset: (offset - start) as u16 }
}

/// Each row's place, worked out at compile time: readying walks all rows for every type.
static PLACES: [Place; ROWS] = {
    let mut places = [Place { block: NO_WRAPPER, offset: 0 }; ROWS];
    let mut i = 0;
    while i < ROWS {
        if SLOTDEF_ROWS[i].wrapper.is_some() {
            places[i] = place_of(SLOTDEF_ROWS[i].offset as usize);
        }
        i += 1;
    }
    places
};

/// The start of each block of `tp` (NULL for a suite it lacks), indexed by `Place::block`.
#[inline]
unsafe fn blocks(tp: *mut PyTypeObject) -> [*mut u8; 5] {
    let t = &*tp;
    [
        tp as *mut u8,
        t.tp_as_async as *mut u8,
        t.tp_as_number as *mut u8,
        t.tp_as_mapping as *mut u8,
        t.tp_as_sequence as *mut u8,
    ]
}

/// Where the slot at heap-type offset `offset` is in `tp` (static types keep their suites
/// elsewhere), or NULL when `tp` has no such suite.
pub(crate) unsafe fn slot_ptr(tp: *mut PyTypeObject, offset: c_int) -> *mut *mut c_void {
    let place = place_of(offset as usize);
    let block = blocks(tp)[place.block as usize];
    if block.is_null() {
        return core::ptr::null_mut();
    }
    block.add(place.offset as usize) as *mut *mut c_void
}

/// The rows, for iteration.
pub(crate) unsafe fn rows() -> &'static mut [wrapperbase] {
    &mut *(&raw mut SLOTDEFS)
}

/// Puts a slot wrapper into the dict of `tp` for each slot it defines itself, and
/// `__new__` when it defines `tp_new` (`own_new`).
///
/// # Safety
/// `tp` is a type being readied (before inheritance), its dict created.
pub(crate) unsafe fn add_operators(tp: *mut PyTypeObject, own_new: bool) -> PyResult<()> {
    let d = (*tp).tp_dict;
    if own_new {
        crate::object::tp_new_wrapper::add_new(tp)?;
    }
    let blocks = blocks(tp);
    for (r, place) in rows().iter_mut().zip(PLACES.iter()) {
        let Some(&block) = blocks.get(place.block as usize) else { continue };
        if block.is_null() {
            continue;
        }
        let p = block.add(place.offset as usize) as *mut *mut c_void;
        if (*p).is_null() {
            continue;
        }
        let name = row_name(r)?;
        if dict::get_item(d, name)?.is_some() {
            continue;
        }
        if *p == crate::object::type_ready::hash_not_implemented as *mut c_void
            || *p == crate::abstract_::object::PyObject_HashNotImplemented as *mut c_void
        {
            dict::set_item(d, name, &raw mut crate::objects::singletons::_Py_NoneStruct)?;
            continue;
        }
        let descr = PyRef::from_owned(PyDescr_NewWrapper(tp, r as *mut wrapperbase, *p)).ok_or_else(Raised::assume_set)?;
        dict::set_item(d, name, descr.as_ptr())?;
    }
    Ok(())
}

/// The interned name of a row, made once and kept in the row (`name_strobj`, as CPython
/// does): every readying of a type that defines the slot needs it. The row owns a
/// reference until finalization (`clear_row_names`).
pub(crate) unsafe fn row_name(r: &mut wrapperbase) -> PyResult<*mut PyObject> {
    if r.name_strobj.is_null() {
        r.name_strobj = pystr::PyUnicode_InternFromString(r.name);
        if r.name_strobj.is_null() {
            return Err(Raised::assume_set());
        }
    }
    Ok(r.name_strobj)
}

/// Gives back the rows' names (at finalization, before the interned strings go).
pub(crate) fn clear_row_names() {
    // SAFETY: finalization holds the runtime; no type is being readied.
    unsafe {
        for r in rows().iter_mut() {
            drop(PyRef::from_owned(core::mem::replace(&mut r.name_strobj, core::ptr::null_mut())));
        }
    }
}

