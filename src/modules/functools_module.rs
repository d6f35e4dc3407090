//! The `_functools` module: `reduce`, `cmp_to_key` (functools_keywrapper.rs would be one
//! more file for one small type, so KeyWrapper lives here), and `partial` (functools_partial.rs).
use crate::abstract_::compare::rich_compare;
use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{from_slot, new_ref, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, module_def, owned, ret, END};
use crate::object::member::{PyMemberDef, T_OBJECT};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::{vectorcallfunc, visitproc};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL};
use crate::objects::iter_common::{dealloc_fields, traverse_fields};
use crate::objects::module::PyModuleDef;

/// `reduce(function, iterable[, initial], /)`.
unsafe extern "C" fn reduce(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"reduce".as_ptr(), a.len() as isize, 2, 3) {
            return Err(Raised::assume_set());
        }
        let it = match get_iter(a[1]) {
            Ok(it) => it,
            Err(e) => {
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
                    crate::errors::pyerr::PyErr_Clear();
                    return Err(type_error("reduce() arg 2 must support iteration"));
                }
                return Err(e);
            }
        };
        let mut acc = a.get(2).map(|&v| new_ref(v));
        while let Some(item) = next(it.as_ptr())? {
            acc = Some(match acc {
                None => item,
                Some(prev) => {
                    let pair = [prev.as_ptr(), item.as_ptr()];
                    from_slot(crate::abstract_::call::vectorcall(a[0], pair.as_ptr(), 2, core::ptr::null_mut()))?
                }
            });
        }
        acc.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
    })())
}

// ----- cmp_to_key ---------------------------------------------------------------------

/// `functools.KeyWrapper`: made by `cmp_to_key(mycmp)` without `obj`; calling it wraps an
/// object, and wrapped objects compare through `mycmp`.
#[repr(C)]
struct KeyWrapper {
    ob_base: PyObject,
    cmp: *mut PyObject,
    obj: *mut PyObject,
    vectorcall: vectorcallfunc,
}

static mut KEYWRAPPER_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"obj".as_ptr(),
        r#type: T_OBJECT,
        offset: core::mem::offset_of!(KeyWrapper, obj) as isize,
        flags: 0,
        doc: c"Value wrapped by a key function.".as_ptr(),
    },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

pub static mut KeyWrapper_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(keywrapper_dealloc),
    tp_traverse: Some(keywrapper_traverse),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_call: Some(crate::abstract_::call::PyVectorcall_Call),
    tp_vectorcall_offset: core::mem::offset_of!(KeyWrapper, vectorcall) as isize,
    tp_richcompare: Some(keywrapper_richcompare),
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_members: &raw mut KEYWRAPPER_MEMBERS as *mut PyMemberDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"functools.KeyWrapper", core::mem::size_of::<KeyWrapper>(), 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL, None)
};

unsafe extern "C" fn keywrapper_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 2)
}

unsafe extern "C" fn keywrapper_traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> core::ffi::c_int {
    traverse_fields(op, 2, visit, arg)
}

unsafe fn keywrapper_new(cmp: *mut PyObject, obj: *mut PyObject) -> PyResult<PyRef> {
    let op = crate::objects::iter_common::alloc(&raw mut KeyWrapper_Type)?;
    let k = op.as_ptr() as *mut KeyWrapper;
    (*k).cmp = new_ref(cmp).into_ptr();
    (*k).obj = if obj.is_null() { core::ptr::null_mut() } else { new_ref(obj).into_ptr() };
    (*k).vectorcall = Some(keywrapper_call);
    Ok(op)
}

unsafe extern "C" fn keywrapper_call(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    static PARAMS: Params = Params { function: "K", names: &["obj"], positional_only: 0, max_positional: 1, required: 1 };
    ret_obj((|| -> PyResult<PyRef> {
        let nargs = nargsf & !crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
        let bound = bind(&PARAMS, args, nargs, kwnames)?;
        keywrapper_new((*(op as *mut KeyWrapper)).cmp, bound[0].unwrap_or(core::ptr::null_mut()))
    })())
}

unsafe extern "C" fn keywrapper_richcompare(a: *mut PyObject, b: *mut PyObject, op: core::ffi::c_int) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        if (*b).ob_type != &raw mut KeyWrapper_Type {
            return Err(type_error("other argument must be K instance"));
        }
        let (ka, kb) = (a as *mut KeyWrapper, b as *mut KeyWrapper);
        if (*ka).obj.is_null() || (*kb).obj.is_null() {
            return Err(crate::object::pending_error::raise_type(&raw mut exc::_PyExc_AttributeError, "object"));
        }
        let pair = [(*ka).obj, (*kb).obj];
        let r = from_slot(crate::abstract_::call::vectorcall((*ka).cmp, pair.as_ptr(), 2, core::ptr::null_mut()))?;
        rich_compare(r.as_ptr(), crate::objects::int::small_int(0), op)
    })())
}

/// `cmp_to_key(mycmp)`.
unsafe extern "C" fn cmp_to_key(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static PARAMS: Params = Params { function: "cmp_to_key", names: &["mycmp"], positional_only: 0, max_positional: 1, required: 1 };
    ret_obj((|| -> PyResult<PyRef> {
        let bound = bind(&PARAMS, args, nargs as usize, kwnames)?;
        keywrapper_new(bound[0].unwrap_or(core::ptr::null_mut()), core::ptr::null_mut())
    })())
}

static mut FUNCTOOLS_FUNCTIONS: [PyMethodDef; 3] = [
    fast(c"reduce", reduce, c"reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to the items of a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\nvalue.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\nof the iterable in the calculation, and serves as a default when the\niterable is empty."),
    fast_kw(c"cmp_to_key", cmp_to_key, c"cmp_to_key($module, /, mycmp)\n--\n\nConvert a cmp= function into a key= function."),
    END,
];

static mut FUNCTOOLS_DEF: PyModuleDef =
    module_def(c"_functools", c"Tools that operate on functions.", (&raw mut FUNCTOOLS_FUNCTIONS) as *mut PyMethodDef);

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut KeyWrapper_Type, &raw mut crate::modules::functools_partial::Partial_Type]
}

/// `PyInit__functools` for the inittab.
pub(crate) unsafe extern "C" fn init_functools() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut FUNCTOOLS_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let partial = &raw mut crate::modules::functools_partial::Partial_Type;
        if crate::objects::module::PyModule_AddType(m.as_ptr(), partial) < 0 {
            return Err(Raised::assume_set());
        }
        if crate::objects::module::PyModule_AddObjectRef(m.as_ptr(), c"_lru_cache_wrapper".as_ptr(), &raw mut crate::modules::functools_lru::LruCache_Type as *mut PyObject) < 0 {
            return Err(Raised::assume_set());
        }
        Ok(m)
    })())
}
