//! The `_bisect` module: binary search in sorted sequences (`bisect_left/right`) and
//! insertion keeping them sorted (`insort_left/right`), with `lo`, `hi` and `key`.
use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{from_slot, new_ref, none, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::{fast_kw, module_def, owned, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::{PyObject, Py_LT};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::list;
use crate::pyport::Py_ssize_t;

static BISECT_RIGHT: Params = Params { function: "bisect_right", names: &["a", "x", "lo", "hi", "key"], positional_only: 0, max_positional: 4, required: 2 };
static BISECT_LEFT: Params = Params { function: "bisect_left", names: &["a", "x", "lo", "hi", "key"], positional_only: 0, max_positional: 4, required: 2 };
static INSORT_RIGHT: Params = Params { function: "insort_right", names: &["a", "x", "lo", "hi", "key"], positional_only: 0, max_positional: 4, required: 2 };
static INSORT_LEFT: Params = Params { function: "insort_left", names: &["a", "x", "lo", "hi", "key"], positional_only: 0, max_positional: 4, required: 2 };

/// The insertion point of `x` in `a[lo:hi]` (right of equal items unless `left`).
unsafe fn search(a: *mut PyObject, x: *mut PyObject, lo: Option<*mut PyObject>, hi: Option<*mut PyObject>, key: Option<*mut PyObject>, left: bool) -> PyResult<Py_ssize_t> {
    let mut lo = match lo {
        Some(v) => crate::abstract_::item::as_ssize(v, Some(&raw mut exc::_PyExc_OverflowError))?,
        None => 0,
    };
    if lo < 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "lo must be non-negative"));
    }
    let mut hi = match hi {
        Some(v) if v != none() => crate::abstract_::item::as_ssize(v, Some(&raw mut exc::_PyExc_OverflowError))?,
        _ => crate::abstract_::object::size(a)?,
    };
    let key = key.filter(|&k| k != none());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = if list::is_exact(a) && (mid as usize) < list::len(a) {
            new_ref(list::items(a)[mid as usize])
        } else {
            crate::abstract_::item::seq_get_item(a, mid)?
        };
        let item = match key {
            Some(k) => from_slot(crate::abstract_::call::PyObject_CallOneArg(k, item.as_ptr()))?,
            None => item,
        };
        // right: go left when x < item; left: go right when item < x.
        let go_left = if left { !rich_compare_bool(item.as_ptr(), x, Py_LT)? } else { rich_compare_bool(x, item.as_ptr(), Py_LT)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

unsafe fn bisect(params: &Params, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject, left: bool) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let b = bind(params, args, nargs as usize, kwnames)?;
        let i = search(b[0].unwrap(), b[1].unwrap(), b[2], b[3], b[4], left)?;
        crate::objects::int::from_i64(i as i64)
    })())
}

unsafe fn insort(params: &Params, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject, left: bool) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let b = bind(params, args, nargs as usize, kwnames)?;
        let (a, x) = (b[0].unwrap(), b[1].unwrap());
        // With a key, the search is for key(x).
        let key = b[4].filter(|&k| k != none());
        let probe = match key {
            Some(k) => from_slot(crate::abstract_::call::PyObject_CallOneArg(k, x))?,
            None => new_ref(x),
        };
        let i = search(a, probe.as_ptr(), b[2], b[3], key, left)?;
        if list::is_exact(a) {
            list::insert(a, i, x)?;
        } else {
            let index = crate::objects::int::from_i64(i as i64)?;
            let name = crate::objects::str::intern("insert")?;
            let call = [a, index.as_ptr(), x];
            from_slot(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), call.as_ptr(), 3, core::ptr::null_mut()))?;
        }
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn bisect_right(_m: *mut PyObject, a: *const *mut PyObject, n: isize, kw: *mut PyObject) -> *mut PyObject {
    bisect(&BISECT_RIGHT, a, n, kw, false)
}
unsafe extern "C" fn bisect_left(_m: *mut PyObject, a: *const *mut PyObject, n: isize, kw: *mut PyObject) -> *mut PyObject {
    bisect(&BISECT_LEFT, a, n, kw, true)
}
unsafe extern "C" fn insort_right(_m: *mut PyObject, a: *const *mut PyObject, n: isize, kw: *mut PyObject) -> *mut PyObject {
    insort(&INSORT_RIGHT, a, n, kw, false)
}
unsafe extern "C" fn insort_left(_m: *mut PyObject, a: *const *mut PyObject, n: isize, kw: *mut PyObject) -> *mut PyObject {
    insort(&INSORT_LEFT, a, n, kw, true)
}

static mut BISECT_FUNCTIONS: [PyMethodDef; 5] = [
    fast_kw(c"bisect_right", bisect_right, c"bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nReturn the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\ninsert just after the rightmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched."),
    fast_kw(c"insort_right", insort_right, c"insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nInsert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the right of the rightmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched."),
    fast_kw(c"bisect_left", bisect_left, c"bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nReturn the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\ninsert just before the leftmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched."),
    fast_kw(c"insort_left", insort_left, c"insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nInsert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the left of the leftmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched."),
    END,
];

static mut BISECT_DEF: PyModuleDef = module_def(
    c"_bisect",
    c"Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n",
    (&raw mut BISECT_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit__bisect` for the inittab.
pub(crate) unsafe extern "C" fn init_bisect() -> *mut PyObject {
    ret(owned(crate::objects::module::PyModule_Create2(&raw mut BISECT_DEF, crate::modules::sys_module::API_VERSION as i32)))
}

