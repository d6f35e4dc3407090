//! `zip(*iterables, strict=False)`: tuples of one item from each iterator, ending with the
//! shortest; with `strict`, unequal lengths are ValueError (CPython's messages).
use core::ffi::{c_int, c_void};

use crate::abstract_::{ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};
use crate::objects::{dict, str as pystr, tuple};

#[repr(C)]
struct Zip {
    ob_base: PyObject,
    /// A tuple of the iterators.
    ittuple: *mut PyObject,
    strict: c_int,
}

/// `PyZip_Type`.
#[no_mangle]
pub static mut PyZip_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(zip_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(zip_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(zip_next),
    tp_methods: &raw mut ZIP_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(zip_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"zip",
        core::mem::size_of::<Zip>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError."),
    )
};

unsafe extern "C" fn zip_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let mut strict = false;
        if !kwds.is_null() && dict::len(kwds) != 0 {
            let n = dict::len(kwds);
            if n > 1 {
                return Err(type_error(format!("zip() takes at most 1 keyword argument ({n} given)")));
            }
            let (k, v) = dict::items(kwds)[0];
            if !pystr::is_str(k) || !pystr::eq_ascii(k, "strict") {
                let text = if pystr::is_str(k) { pystr::to_string(k) } else { String::new() };
                return Err(type_error(format!("'{text}' is an invalid keyword argument for zip()")));
            }
            strict = crate::abstract_::object::is_true(v)?;
        }
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        let mut its = Vec::with_capacity(a.len());
        for &x in a {
            its.push(crate::abstract_::iter::get_iter(x)?);
        }
        let op = alloc(tp)?;
        let z = op.as_ptr() as *mut Zip;
        (*z).ittuple = tuple::from_vec(its)?.into_ptr();
        (*z).strict = strict as c_int;
        Ok(op)
    })();
    ret_obj(r)
}

/// "argument{s} 1" / "arguments 1-N" for the first `i` arguments.
fn first_args(i: usize) -> String {
    if i == 1 { String::from("argument 1") } else { format!("arguments 1-{i}") }
}

unsafe extern "C" fn zip_next(op: *mut PyObject) -> *mut PyObject {
    let z = op as *mut Zip;
    let its = tuple::items((*z).ittuple);
    if its.is_empty() {
        return core::ptr::null_mut();
    }
    let r = (|| -> PyResult<Option<PyRef>> {
        let mut out = Vec::with_capacity(its.len());
        for (i, &it) in its.iter().enumerate() {
            match crate::abstract_::iter::next(it)? {
                Some(v) => out.push(v),
                None => {
                    if (*z).strict == 0 {
                        return Ok(None);
                    }
                    if i > 0 {
                        return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!(
                            "zip() argument {} is shorter than {}", i + 1, first_args(i))));
                    }
                    for (j, &other) in its.iter().enumerate().skip(1) {
                        if crate::abstract_::iter::next(other)?.is_some() {
                            return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!(
                                "zip() argument {} is longer than {}", j + 1, first_args(j))));
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(tuple::from_vec(out)?))
    })();
    match r {
        Ok(Some(t)) => t.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn zip_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 1);
}

unsafe extern "C" fn zip_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 1, visit, arg)
}

static mut ZIP_METHODS: [crate::object::methods::PyMethodDef; 3] = [
    crate::object::method_table::plain(c"__reduce__", zip_reduce, crate::object::methods::METH_NOARGS).doc(c"Return state information for pickling."),
    crate::object::method_table::plain(c"__setstate__", zip_setstate, crate::object::methods::METH_O).doc(c"Set state information for unpickling."),
    crate::object::method_table::END,
];

/// `(type(z), iterators)`, with `True` after them when strict.
unsafe extern "C" fn zip_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let z = op as *mut Zip;
    ret_obj((|| {
        let tp = crate::abstract_::new_ref((*op).ob_type as *mut PyObject);
        let iters = crate::abstract_::new_ref((*z).ittuple);
        if (*z).strict != 0 {
            return tuple::from_vec(vec![tp, iters, crate::abstract_::compare::bool_ref(true)]);
        }
        tuple::from_vec(vec![tp, iters])
    })())
}

/// `__setstate__(strict)`.
unsafe extern "C" fn zip_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        (*(op as *mut Zip)).strict = crate::abstract_::object::is_true(state)? as c_int;
        Ok(crate::abstract_::new_ref(crate::abstract_::none()))
    })())
}
