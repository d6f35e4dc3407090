//! The import instructions (`IMPORT_NAME`, `IMPORT_FROM`, `IMPORT_STAR`) and the namespace
//! instructions of module and class bodies (`SETUP_ANNOTATIONS`, `PRINT_EXPR`).
use crate::abstract_::{from_slot, new_ref, none, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::eval::interp_frame::Frame;
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{dict, str as pystr};

/// `import name`: `__import__(name, globals, locals, fromlist, level)`, with `__import__`
/// looked up in the frame's builtins as CPython does.
pub(crate) unsafe fn import_name(f: *mut Frame, name: *mut PyObject, fromlist: *mut PyObject, level: *mut PyObject) -> PyResult<PyRef> {
    let import = match dict::get_item_str((*f).builtins, "__import__")? {
        Some(i) => new_ref(i),
        None => return Err(raise_type(&raw mut exc::_PyExc_ImportError, "__import__ not found")),
    };
    let locals = if (*f).locals.is_null() { none() } else { (*f).locals };
    let args = [name, (*f).globals, locals, fromlist, level];
    from_slot(crate::abstract_::call::PyObject_Vectorcall(import.as_ptr(), args.as_ptr(), 5, core::ptr::null_mut()))
}

/// `from module import name`: the attribute, else the submodule `module.name` from
/// `sys.modules`, else ImportError with CPython's message.
pub(crate) unsafe fn import_from(module: *mut PyObject, name: *mut PyObject) -> PyResult<PyRef> {
    if let Some(v) = lookup_attr(module, name)? {
        return Ok(v);
    }
    let pkgname = lookup_attr(module, pystr::intern("__name__")?.as_ptr())?;
    if let Some(pkg) = pkgname.as_ref().filter(|p| pystr::is_str(p.as_ptr())) {
        let full = format!("{}.{}", pystr::to_string(pkg.as_ptr()), pystr::to_string(name));
        let modules = crate::modules::sys_stdio::sys_attr("modules");
        if !modules.is_null() && dict::is_dict(modules) {
            if let Some(m) = dict::get_item_str(modules, &full)? {
                return Ok(new_ref(m));
            }
        }
    }
    let shown = pkgname.as_ref().filter(|p| pystr::is_str(p.as_ptr())).map(|p| pystr::to_string(p.as_ptr()));
    let n = pystr::to_string(name);
    let msg = match &shown {
        None => format!("cannot import name '{n}' from '<unknown module name>' (unknown location)"),
        Some(pkg) => {
            let file = lookup_attr(module, pystr::intern("__file__")?.as_ptr())?;
            match file.filter(|f| pystr::is_str(f.as_ptr())) {
                Some(f) => format!("cannot import name '{n}' from '{pkg}' ({})", pystr::to_string(f.as_ptr())),
                None => format!("cannot import name '{n}' from '{pkg}' (unknown location)"),
            }
        }
    };
    Err(raise_type(&raw mut exc::_PyExc_ImportError, msg))
}

/// `from module import *` into the frame's namespace: the names of `__all__`, else the
/// public names of `__dict__`.
pub(crate) unsafe fn import_star(f: *mut Frame, module: *mut PyObject) -> PyResult<()> {
    let locals = (*f).locals;
    if locals.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_SystemError, "no locals found during 'import *'"));
    }
    let (names, skip_private) = match lookup_attr(module, pystr::intern("__all__")?.as_ptr())? {
        Some(all) => (crate::abstract_::iter::collect(all.as_ptr())?, false),
        None => {
            let Some(d) = lookup_attr(module, pystr::intern("__dict__")?.as_ptr())? else {
                return Err(raise_type(&raw mut exc::_PyExc_ImportError, "from-import-* object has no __dict__ and no __all__"));
            };
            let keys = from_slot(crate::abstract_::mapping::PyMapping_Keys(d.as_ptr()))?;
            (crate::abstract_::iter::collect(keys.as_ptr())?, true)
        }
    };
    for name in names {
        if !pystr::is_str(name.as_ptr()) {
            let what = if skip_private { "Key in __dict__" } else { "Item in __all__" };
            let modname = lookup_attr(module, pystr::intern("__name__")?.as_ptr())?
                .map(|m| pystr::to_string(m.as_ptr()))
                .unwrap_or_default();
            return Err(type_error(format!(
                "{what} of {modname}.{} must be str, not {}",
                if skip_private { "__dict__" } else { "__all__" },
                crate::abstract_::tp_name(name.as_ptr())
            )));
        }
        if skip_private && pystr::len(name.as_ptr()) > 0 && pystr::read_char(name.as_ptr(), 0) == '_' as u32 {
            continue;
        }
        let v = crate::object::object_attr::get_attr(module, name.as_ptr())?;
        if dict::is_exact(locals) {
            dict::set_item(locals, name.as_ptr(), v.as_ptr())?;
        } else if crate::abstract_::item::PyObject_SetItem(locals, name.as_ptr(), v.as_ptr()) < 0 {
            return Err(Raised::assume_set());
        }
    }
    Ok(())
}

/// `SETUP_ANNOTATIONS`: a module or class body with annotations gets `__annotations__ = {}`
/// unless it has one.
pub(crate) unsafe fn setup_annotations(f: *mut Frame) -> PyResult<()> {
    let locals = (*f).locals;
    if locals.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_SystemError, "no locals found when setting up annotations"));
    }
    let key = pystr::intern("__annotations__")?;
    if dict::is_exact(locals) {
        if dict::get_item(locals, key.as_ptr())?.is_none() {
            dict::set_item(locals, key.as_ptr(), dict::new()?.as_ptr())?;
        }
        return Ok(());
    }
    let v = crate::abstract_::item::PyObject_GetItem(locals, key.as_ptr());
    if !v.is_null() {
        drop(PyRef::from_owned(v));
        return Ok(());
    }
    if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_KeyError as *mut PyObject) == 0 {
        return Err(Raised::assume_set());
    }
    crate::errors::pyerr::PyErr_Clear();
    let d = dict::new()?;
    if crate::abstract_::item::PyObject_SetItem(locals, key.as_ptr(), d.as_ptr()) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// `PRINT_EXPR`: interactive mode shows an expression statement's value through
/// `sys.displayhook`.
pub(crate) unsafe fn print_expr(v: *mut PyObject) -> PyResult<()> {
    let hook = crate::modules::sys_stdio::sys_attr("displayhook");
    if hook.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "lost sys.displayhook"));
    }
    drop(from_slot(crate::abstract_::call::PyObject_CallOneArg(hook, v))?);
    Ok(())
}
