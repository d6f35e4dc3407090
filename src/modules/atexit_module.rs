//! The `atexit` module: callbacks kept per interpreter, run last-registered first by
//! `Py_FinalizeEx` (before the `Py_AtExit` C functions) or `atexit._run_exitfuncs()`; a
//! failing callback is reported as "Exception ignored in atexit callback: <func>" and the
//! others still run. Unregistered entries leave a hole that `_ncallbacks()` still counts
//! until the next run or `_clear()`, as in CPython.
use crate::abstract_::type_error;
use crate::errors::raised::PyResult;
use crate::modules::{args_slice, fast_kw, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{int, tuple};
use crate::runtime::interpreter::{self, Interpreter};

fn interp<'a>() -> &'a mut Interpreter {
    interpreter::current().expect("atexit runs with a thread state")
}

unsafe fn release(entry: [*mut PyObject; 3]) {
    for o in entry {
        drop(PyRef::from_owned(o));
    }
}

unsafe extern "C" fn register(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        let Some(&func) = a.first() else {
            return Err(type_error("register() takes at least 1 argument (0 given)"));
        };
        if crate::abstract_::call::PyCallable_Check(func) == 0 {
            return Err(type_error("the first argument must be callable"));
        }
        let call_args = tuple::from_ptrs(&a[1..])?;
        let kwargs = if kwnames.is_null() || tuple::len(kwnames) == 0 {
            core::ptr::null_mut()
        } else {
            crate::abstract_::call::stack_as_dict(args.add(a.len()), kwnames)?.into_ptr()
        };
        let f = crate::abstract_::new_ref(func);
        interp().atexit_callbacks.push([f.clone().into_ptr(), call_args.into_ptr(), kwargs]);
        Ok(f)
    })())
}

unsafe extern "C" fn unregister(_m: *mut PyObject, func: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let n = interp().atexit_callbacks.len();
        for i in 0..n {
            let entry = interp().atexit_callbacks[i];
            if entry[0].is_null() {
                continue;
            }
            let eq = crate::abstract_::compare::PyObject_RichCompareBool(entry[0], func, crate::object::object::Py_EQ);
            if eq < 0 {
                return Err(crate::errors::raised::Raised::assume_set());
            }
            if eq == 1 {
                let slot = &mut interp().atexit_callbacks[i];
                let taken = core::mem::replace(slot, [core::ptr::null_mut(); 3]);
                release(taken);
            }
        }
        Ok(none_ref())
    })())
}

/// Runs and forgets the callbacks of `owner`, last registered first.
pub(crate) unsafe fn run_callbacks(owner: &mut Interpreter) {
    while let Some(entry) = owner.atexit_callbacks.pop() {
        if entry[0].is_null() {
            continue;
        }
        let r = crate::abstract_::call::call_tuple(entry[0], entry[1], entry[2]);
        if r.is_null() {
            let func = PyRef::from_borrowed(entry[0]);
            crate::errors::print::write_unraisable(Some("Exception ignored in atexit callback"), func.as_ref().map_or(core::ptr::null_mut(), PyRef::as_ptr));
        } else {
            drop(PyRef::from_owned(r));
        }
        release(entry);
    }
}

/// Forgets the callbacks without running them.
pub(crate) unsafe fn clear_callbacks(owner: &mut Interpreter) {
    for entry in core::mem::take(&mut owner.atexit_callbacks) {
        release(entry);
    }
}

unsafe extern "C" fn run_exitfuncs(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    run_callbacks(interp());
    none_ref().into_ptr()
}

unsafe extern "C" fn clear(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    clear_callbacks(interp());
    none_ref().into_ptr()
}

unsafe extern "C" fn ncallbacks(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(interp().atexit_callbacks.len() as i64))
}

static mut ATEXIT_FUNCTIONS: [PyMethodDef; 6] = [
    fast_kw(c"register", register, c"register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program termination"),
    meth(c"_clear", clear, METH_NOARGS, c"_clear() -> None\n\nClear the list of previously registered exit functions."),
    meth(c"unregister", unregister, METH_O, c"unregister(func) -> None\n\nUnregister an exit function which was previously registered using\natexit.register"),
    meth(c"_run_exitfuncs", run_exitfuncs, METH_NOARGS, c"_run_exitfuncs() -> None\n\nRun all registered exit functions."),
    meth(c"_ncallbacks", ncallbacks, METH_NOARGS, c"_ncallbacks() -> int\n\nReturn the number of registered exit functions."),
    END,
];

static mut ATEXIT_DEF: PyModuleDef = module_def(
    c"atexit",
    c"allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n",
    (&raw mut ATEXIT_FUNCTIONS) as *mut PyMethodDef,
);

/// The `atexit` module's constructor (`PyInit_atexit` for the inittab).
pub(crate) unsafe extern "C" fn init_atexit() -> *mut PyObject {
    crate::objects::module::PyModule_Create2(&raw mut ATEXIT_DEF, crate::modules::sys_module::API_VERSION as i32)
}

/// Makes the module and puts it in the module table.
pub(crate) unsafe fn install(owner: &mut Interpreter) -> PyResult<()> {
    let m = owned(init_atexit())?;
    crate::objects::dict::set_item(owner.modules, crate::objects::str::intern("atexit")?.as_ptr(), m.as_ptr())
}
