//! `sys.set_asyncgen_hooks(firstiter, finalizer)` / `sys.get_asyncgen_hooks()`: the
//! thread's async generator hooks (PyThreadState `async_gen_firstiter`/`_finalizer`), which
//! an async generator consults when first iterated (`objects/asyncgen_type.rs`).
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{fini_info_type, info_instance, PyStructSequence_Desc, PyStructSequence_Field};

static mut HOOKS_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };
static mut HOOKS_FIELDS: [PyStructSequence_Field; 3] = [
    PyStructSequence_Field { name: c"firstiter".as_ptr(), doc: c"Hook to intercept first iteration".as_ptr() },
    PyStructSequence_Field { name: c"finalizer".as_ptr(), doc: c"Hook to intercept finalization".as_ptr() },
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];
static mut HOOKS_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"asyncgen_hooks".as_ptr(),
    doc: c"asyncgen_hooks\n\nA named tuple providing information about asynchronous\ngenerators hooks.  The attributes are read only.".as_ptr(),
    fields: &raw mut HOOKS_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 2,
};

/// A hook argument: NULL (not given: keep), None (clear) or a callable.
unsafe fn check_hook(v: Option<*mut PyObject>, what: &str) -> PyResult<()> {
    match v {
        Some(h) if h != none() && crate::abstract_::call::PyCallable_Check(h) == 0 => {
            Err(type_error(format!("callable {what} expected, got {}", tp_name(h))))
        }
        _ => Ok(()),
    }
}

unsafe fn store(slot: &mut *mut PyObject, v: Option<*mut PyObject>) {
    let Some(h) = v else { return };
    let new = if h == none() { core::ptr::null_mut() } else { new_ref(h).into_ptr() };
    drop(PyRef::from_owned(core::mem::replace(slot, new)));
}

pub(crate) unsafe extern "C" fn set_asyncgen_hooks(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: isize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    const PARAMS: Params = Params {
        function: "set_asyncgen_hooks",
        names: &["firstiter", "finalizer"],
        positional_only: 0,
        max_positional: 2,
        required: 0,
    };
    let r = (|| -> PyResult<()> {
        if nargs > 2 {
            return Err(type_error(format!("function takes at most 2 arguments ({nargs} given)")));
        }
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        check_hook(a[1], "finalizer")?;
        check_hook(a[0], "firstiter")?;
        let ts = crate::runtime::pystate::current();
        store(&mut (*ts).async_gen_finalizer, a[1]);
        store(&mut (*ts).async_gen_firstiter, a[0]);
        Ok(())
    })();
    match r {
        Ok(()) => new_ref(none()).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

pub(crate) unsafe extern "C" fn get_asyncgen_hooks(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let ts = crate::runtime::pystate::current();
    let get = |p: *mut PyObject| new_ref(if p.is_null() { none() } else { p });
    let values = vec![get((*ts).async_gen_firstiter), get((*ts).async_gen_finalizer)];
    crate::abstract_::ret_obj(info_instance(&raw mut HOOKS_TYPE, &raw mut HOOKS_DESC, values))
}

/// At finalization: the struct sequence type goes with the runtime's objects.
pub(crate) fn fini() {
    // SAFETY: finalization, under the GIL.
    unsafe { fini_info_type(&raw mut HOOKS_TYPE) };
}
