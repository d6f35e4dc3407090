//! The `_warnings` module: `warn`, `warn_explicit`, `_filters_mutated` and the shared
//! state `filters`, `_onceregistry`, `_defaultaction` (src/errors/warnings*.rs), so that
//! `warnings.py` takes the C path as in CPython and its filters govern C-level warnings.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::errors::warnings::{do_warn, warn_explicit_object};
use crate::errors::warnings_state as wstate;
use crate::modules::{fast_kw, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, list, str as pystr};

/// The category of `warn()` (CPython's `get_category`): a Warning instance's class, else
/// the given one or UserWarning, which must subclass Warning.
unsafe fn get_category(message: *mut PyObject, category: Option<*mut PyObject>) -> PyResult<*mut PyObject> {
    let warning = &raw mut exc::_PyExc_Warning as *mut PyObject;
    let category = if crate::abstract_::isinstance::isinstance(message, warning)? {
        (*message).ob_type as *mut PyObject
    } else {
        match category {
            Some(c) if c != none() => c,
            _ => &raw mut exc::_PyExc_UserWarning as *mut PyObject,
        }
    };
    let ok = crate::abstract_::isinstance::issubclass(category, warning);
    if !matches!(ok, Ok(true)) {
        crate::errors::pyerr::PyErr_Clear();
        return Err(type_error(format!("category must be a Warning subclass, not '{}'", tp_name(category))));
    }
    Ok(category)
}

/// An index argument as a Py_ssize_t.
unsafe fn ssize_arg(o: *mut PyObject) -> PyResult<isize> {
    let v = crate::objects::long_convert::as_i64_with(o, "Python int too large to convert to C ssize_t")?;
    Ok(v as isize)
}

/// `warn(message, category=None, stacklevel=1, source=None)`.
unsafe extern "C" fn warn(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params {
        function: "warn",
        names: &["message", "category", "stacklevel", "source"],
        max_positional: 4,
        required: 1,
        positional_only: 0,
    };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let message = a[0].expect("required");
        let stacklevel = match a[2] {
            Some(s) => ssize_arg(s)?,
            None => 1,
        };
        let category = get_category(message, a[1])?;
        do_warn(message, category, stacklevel, a[3].unwrap_or(core::ptr::null_mut()))?;
        Ok(none_ref())
    })())
}

/// The source line `lineno` of the module whose globals are given, through its loader's
/// `get_source` (CPython's `get_source_line`); None when there is no loader or source.
unsafe fn source_line(module_globals: *mut PyObject, lineno: i64) -> PyResult<Option<PyRef>> {
    let Some(loader) = dict::get_item_str(module_globals, "__loader__")? else { return Ok(None) };
    let loader = new_ref(loader);
    let Some(name) = dict::get_item_str(module_globals, "__name__")? else { return Ok(None) };
    let name = new_ref(name);
    let Some(get_source) = lookup_attr(loader.as_ptr(), pystr::intern("get_source")?.as_ptr())? else { return Ok(None) };
    let source = owned(crate::abstract_::call::PyObject_CallOneArg(get_source.as_ptr(), name.as_ptr()))?;
    if source.as_ptr() == none() {
        return Ok(None);
    }
    let split = crate::object::object_attr::get_attr(source.as_ptr(), pystr::intern("splitlines")?.as_ptr())?;
    let lines = owned(crate::abstract_::call::vectorcall(split.as_ptr(), core::ptr::null(), 0, core::ptr::null_mut()))?;
    if !list::is_list(lines.as_ptr()) {
        return Ok(None);
    }
    let items = list::items(lines.as_ptr());
    match usize::try_from(lineno - 1).ok().and_then(|i| items.get(i)) {
        Some(&line) => Ok(Some(new_ref(line))),
        None => Err(crate::object::pending_error::raise(crate::object::pending_error::ExcType::IndexError, "list index out of range")),
    }
}

/// `warn_explicit(message, category, filename, lineno, module=<unrepresentable>,
/// registry=None, module_globals=None, source=None)`.
unsafe extern "C" fn warn_explicit(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params {
        function: "warn_explicit",
        names: &["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
        max_positional: 8,
        required: 4,
        positional_only: 0,
    };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let (message, category, filename) = (a[0].expect("required"), a[1].expect("required"), a[2].expect("required"));
        if !pystr::is_str(filename) {
            return Err(type_error(format!("warn_explicit() argument 3 must be str, not {}", tp_name(filename))));
        }
        let lineno = crate::objects::long_convert::as_i64_with(a[3].expect("required"), "Python int too large to convert to C int")?;
        let module = a[4].unwrap_or(core::ptr::null_mut());
        let registry = a[5].unwrap_or(core::ptr::null_mut());
        if !registry.is_null() && registry != none() && !dict::is_dict(registry) {
            return Err(type_error("'registry' must be a dict or None"));
        }
        let mut sourceline = None;
        if let Some(globals) = a[6].filter(|&g| g != none()) {
            if !dict::is_dict(globals) {
                return Err(type_error(format!("module_globals must be a dict, not '{}'", tp_name(globals))));
            }
            sourceline = source_line(globals, lineno)?;
        }
        let source = a[7].unwrap_or(core::ptr::null_mut());
        warn_explicit_object(category, message, filename, lineno, module, registry, sourceline, source)?;
        Ok(none_ref())
    })())
}

/// `_filters_mutated()`: the filters changed; every registry starts afresh.
unsafe extern "C" fn filters_mutated(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        wstate::state()?.filters_version += 1;
        Ok(none_ref())
    })())
}

static mut WARNINGS_FUNCTIONS: [PyMethodDef; 4] = [
    fast_kw(c"warn", warn, c"warn($module, /, message, category=None, stacklevel=1, source=None)\n--\n\nIssue a warning, or maybe ignore it or raise an exception."),
    fast_kw(c"warn_explicit", warn_explicit, c"Low-level interface to warnings functionality."),
    meth(c"_filters_mutated", filters_mutated, METH_NOARGS, c""),
    END,
];

static mut WARNINGS_DEF: PyModuleDef = module_def(
    c"_warnings",
    c"_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.",
    (&raw mut WARNINGS_FUNCTIONS) as *mut PyMethodDef,
);

/// The `_warnings` module's constructor (the inittab's entry): the module, its attributes the interpreter's filter state.
pub(crate) unsafe extern "C" fn init_warnings() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut WARNINGS_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        for (name, value) in wstate::module_attrs()? {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), value.as_ptr())?;
        }
        Ok(m)
    })())
}
