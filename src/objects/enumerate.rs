//! `enumerate(iterable, start=0)`: pairs (count, item); the count is a machine integer until
//! it would overflow, then a Python int.
use core::ffi::{c_int, c_void};

use crate::abstract_::unpack_keywords::{bind_tuple_dict, Params};
use crate::abstract_::{from_slot, ret_obj, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields_nested, traverse_fields};
use crate::objects::{int, tuple};
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct Enumerate {
    ob_base: PyObject,
    en_sit: *mut PyObject,
    /// The count once it left `en_index`'s range (NULL before).
    en_longindex: *mut PyObject,
    en_index: Py_ssize_t,
}

static mut ENUM_METHODS: [crate::object::methods::PyMethodDef; 3] = [
    crate::object::method_table::plain(c"__reduce__", enum_reduce, crate::object::methods::METH_NOARGS).doc(c"Return state information for pickling."),
    crate::objects::generic_alias::CLASS_GETITEM,
    crate::object::method_table::END,
];

/// `(type(e), (iterator, count))`.
unsafe extern "C" fn enum_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let en = op as *mut Enumerate;
    ret_obj((|| {
        let count = if (*en).en_longindex.is_null() {
            int::from_i64((*en).en_index as i64)?
        } else {
            crate::abstract_::new_ref((*en).en_longindex)
        };
        let args = tuple::from_vec(vec![crate::abstract_::new_ref((*en).en_sit), count])?;
        tuple::from_vec(vec![crate::abstract_::new_ref((*op).ob_type as *mut PyObject), args])
    })())
}

/// `PyEnum_Type`.
#[no_mangle]
pub static mut PyEnum_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(enum_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(enum_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(enum_next),
    tp_methods: &raw mut ENUM_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(enum_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"enumerate",
        core::mem::size_of::<Enumerate>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"enumerate(iterable, start=0)\n--\n\nReturn an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ..."),
    )
};

static ENUM_PARAMS: Params = Params { function: "enumerate", names: &["iterable", "start"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn enum_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let no_kw = kwds.is_null() || crate::objects::dict::len(kwds) == 0;
        if no_kw && (args.is_null() || tuple::len(args) == 0) {
            return Err(type_error("enumerate() missing required argument 'iterable'"));
        }
        if !no_kw && (args.is_null() || tuple::len(args) == 0) {
            // CPython's parser names the first keyword when `iterable` is not among them.
            let keys: Vec<_> = crate::objects::dict::items(kwds).into_iter().map(|(k, _)| k).collect();
            if !keys.iter().any(|&k| crate::objects::str::is_str(k) && crate::objects::str::eq_ascii(k, "iterable")) {
                let text = crate::objects::str::to_string(keys[0]);
                return Err(type_error(format!("'{text}' is an invalid keyword argument for enumerate()")));
            }
        }
        let (_hold, bound) = bind_tuple_dict(&ENUM_PARAMS, args, kwds)?;
        let it = crate::abstract_::iter::get_iter(bound[0].unwrap_or(core::ptr::null_mut()))?;
        let (index, long) = match bound[1] {
            None => (0, None),
            Some(s) => {
                let v = from_slot(crate::abstract_::number::PyNumber_Index(s))?;
                match crate::objects::long_convert::int_to_i128(v.as_ptr()).and_then(|x| isize::try_from(x).ok()) {
                    Some(x) => (x, None),
                    None => (-1, Some(v)),
                }
            }
        };
        let op = alloc(tp)?;
        let e = op.as_ptr() as *mut Enumerate;
        (*e).en_sit = it.into_ptr();
        (*e).en_index = index;
        (*e).en_longindex = long.map_or(core::ptr::null_mut(), PyRef::into_ptr);
        Ok(op)
    })();
    ret_obj(r)
}

unsafe extern "C" fn enum_next(op: *mut PyObject) -> *mut PyObject {
    let e = op as *mut Enumerate;
    let r = (|| -> PyResult<Option<PyRef>> {
        let Some(item) = crate::abstract_::iter::next((*e).en_sit)? else { return Ok(None) };
        let count = if (*e).en_longindex.is_null() && (*e).en_index != Py_ssize_t::MAX {
            let c = int::from_i64((*e).en_index as i64)?;
            (*e).en_index += 1;
            c
        } else {
            if (*e).en_longindex.is_null() {
                (*e).en_longindex = int::from_i64(Py_ssize_t::MAX as i64)?.into_ptr();
            }
            let c = crate::abstract_::new_ref((*e).en_longindex);
            let next = from_slot(crate::abstract_::number::PyNumber_Add(c.as_ptr(), int::small_ref(1).as_ptr()))?;
            drop(PyRef::from_owned(core::mem::replace(&mut (*e).en_longindex, next.into_ptr())));
            c
        };
        Ok(Some(tuple::from_vec(vec![count, item])?))
    })();
    match r {
        Ok(Some(t)) => t.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn enum_dealloc(op: *mut PyObject) {
    dealloc_fields_nested(op, 2, enum_dealloc);
}

unsafe extern "C" fn enum_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 2, visit, arg)
}
