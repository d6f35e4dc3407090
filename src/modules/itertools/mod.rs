//! The `itertools` module: one file per family of iterator types. Every type here is an
//! iterator object whose first fields after the header are its object references (so the
//! shared `dealloc_fields`/`traverse_fields` of iter_common.rs apply), declared with
//! `iter_type!`.
use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{module_def, owned, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, tuple};

/// A static iterator type of this module: `$nobj` object fields lead the struct; `drop`
/// (optional) releases anything else the object owns before the fields are cleared.
macro_rules! iter_type {
    ($static_name:ident, $tp_name:literal, $ty:ty, $nobj:expr, next: $next:expr, doc: $doc:literal
     $(, @drop $drop:path)? $(, $field:ident : $val:expr)* $(,)?) => {
        pub static mut $static_name: crate::object::typeobject::PyTypeObject = crate::object::typeobject::PyTypeObject {
            tp_dealloc: Some({
                unsafe extern "C" fn dealloc(op: *mut crate::object::object::PyObject) {
                    $( $drop(op); )?
                    crate::objects::iter_common::dealloc_fields(op, $nobj)
                }
                dealloc
            }),
            tp_traverse: Some({
                unsafe extern "C" fn traverse(
                    op: *mut crate::object::object::PyObject,
                    visit: crate::object::slots::visitproc,
                    arg: *mut core::ffi::c_void,
                ) -> core::ffi::c_int {
                    crate::objects::iter_common::traverse_fields(op, $nobj, visit, arg)
                }
                traverse
            }),
            tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
            tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
            tp_iternext: Some($next),
            tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
            tp_free: Some(crate::object::temp_alloc::free_gc_object),
            $($field: $val,)*
            ..crate::object::static_type::static_type(
                $tp_name,
                core::mem::size_of::<$ty>(),
                0,
                crate::object::typeobject::Py_TPFLAGS_HAVE_GC | crate::object::typeobject::Py_TPFLAGS_BASETYPE,
                Some($doc),
            )
        };
    };
}

#[allow(unused_imports)]
pub(crate) use iter_type;

pub mod combinatorics;
pub mod pickling;
pub mod counting;
pub mod filtering;
pub mod groupby;
pub mod pairwise;
pub mod tee;
pub mod zip_longest;

/// ValueError(message).
pub(crate) fn value_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// An iterator's `tp_iternext` result: the item, or NULL at the end or on error.
pub(crate) fn next_ret(r: PyResult<Option<PyRef>>) -> *mut PyObject {
    match r {
        Ok(Some(v)) => v.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

/// Replaces an owned object field by `value` (NULL for none), releasing the old one last.
pub(crate) unsafe fn set_field(slot: *mut *mut PyObject, value: Option<PyRef>) {
    let old = core::mem::replace(&mut *slot, value.map_or(core::ptr::null_mut(), PyRef::into_ptr));
    drop(PyRef::from_owned(old));
}

/// Takes an owned object field out (leaving NULL).
pub(crate) unsafe fn take_field(slot: *mut *mut PyObject) -> Option<PyRef> {
    PyRef::from_owned(core::mem::replace(&mut *slot, core::ptr::null_mut()))
}

/// The positional arguments of a `tp_new` that takes no keywords (checked only for the
/// exact type and subclasses without their own `__init__`) and `min..=max` positionals.
pub(crate) unsafe fn positional<'a>(
    name: &core::ffi::CStr,
    tp: *mut PyTypeObject,
    exact: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
    min: usize,
    max: usize,
) -> PyResult<&'a [*mut PyObject]> {
    if crate::objects::iter_common::refuses_keywords(tp, exact) && !kwds.is_null() && dict::len(kwds) != 0 {
        return Err(type_error(format!("{}() takes no keyword arguments", name.to_str().unwrap_or(""))));
    }
    let a: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, min as isize, max as isize) {
        return Err(Raised::assume_set());
    }
    Ok(a)
}

/// A new instance of `tp` (zeroed, tracked) as the struct `T`.
pub(crate) unsafe fn alloc_as<T>(tp: *mut PyTypeObject) -> PyResult<(PyRef, *mut T)> {
    let op = crate::objects::iter_common::alloc(tp)?;
    let p = op.as_ptr() as *mut T;
    Ok((op, p))
}

/// A heap array of indices owned by an iterator object (zeroed memory is a valid empty one).
#[repr(C)]
pub(crate) struct Indices {
    ptr: *mut usize,
    len: usize,
}

impl Indices {
    pub(crate) fn new(v: Vec<usize>) -> Indices {
        let b = v.into_boxed_slice();
        let len = b.len();
        Indices { ptr: Box::into_raw(b) as *mut usize, len }
    }
    pub(crate) unsafe fn slice<'a>(&mut self) -> &'a mut [usize] {
        if self.ptr.is_null() {
            &mut []
        } else {
            core::slice::from_raw_parts_mut(self.ptr, self.len)
        }
    }
    /// Frees the array (safe to call twice).
    pub(crate) unsafe fn free(&mut self) {
        if !self.ptr.is_null() {
            drop(Box::from_raw(core::ptr::slice_from_raw_parts_mut(self.ptr, self.len)));
            self.ptr = core::ptr::null_mut();
            self.len = 0;
        }
    }
}

/// The short type name of an object (`type(o).__name__` of a static type), for reprs.
pub(crate) unsafe fn short_type_name(o: *mut PyObject) -> String {
    let n = crate::object::typetype::_PyType_Name((*o).ob_type);
    if n.is_null() {
        String::new()
    } else {
        core::ffi::CStr::from_ptr(n).to_string_lossy().into_owned()
    }
}

/// `repr(o)` as a Rust string.
pub(crate) unsafe fn repr_string(o: *mut PyObject) -> PyResult<String> {
    let r = crate::abstract_::object::repr(o)?;
    Ok(crate::objects::str::to_string(r.as_ptr()))
}

static mut ITERTOOLS_FUNCTIONS: [PyMethodDef; 2] = [
    crate::modules::fast(c"tee", tee::tee_function, c"tee($module, iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators."),
    END,
];

static mut ITERTOOLS_DEF: PyModuleDef = module_def(
    c"itertools",
    c"Functional tools for creating and using iterators.",
    (&raw mut ITERTOOLS_FUNCTIONS) as *mut PyMethodDef,
);

/// The module's types, readied at initialization with the other builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![
        &raw mut combinatorics::Product_Type,
        &raw mut combinatorics::Combinations_Type,
        &raw mut combinatorics::CombinationsWithReplacement_Type,
        &raw mut combinatorics::Permutations_Type,
        &raw mut counting::Count_Type,
        &raw mut counting::Cycle_Type,
        &raw mut counting::Repeat_Type,
        &raw mut filtering::Accumulate_Type,
        &raw mut filtering::Chain_Type,
        &raw mut filtering::Compress_Type,
        &raw mut filtering::DropWhile_Type,
        &raw mut filtering::TakeWhile_Type,
        &raw mut filtering::FilterFalse_Type,
        &raw mut filtering::StarMap_Type,
        &raw mut filtering::ISlice_Type,
        &raw mut groupby::GroupBy_Type,
        &raw mut groupby::Grouper_Type,
        &raw mut tee::Tee_Type,
        &raw mut tee::TeeData_Type,
        &raw mut zip_longest::ZipLongest_Type,
        &raw mut pairwise::Pairwise_Type,
    ]
}

/// `PyInit_itertools` for the inittab.
pub(crate) unsafe extern "C" fn init_itertools() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(
            &raw mut ITERTOOLS_DEF,
            crate::modules::sys_module::API_VERSION as i32,
        ))?;
        for tp in types() {
            if crate::objects::module::PyModule_AddType(m.as_ptr(), tp) < 0 {
                return Err(Raised::assume_set());
            }
        }
        Ok(m)
    })())
}
