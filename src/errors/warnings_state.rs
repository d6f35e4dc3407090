//! The warning filters of one interpreter (CPython's `WarningsState`): the filter list, the
//! "once" registry and the default action, exposed by `_warnings` as `filters`,
//! `_onceregistry` and `_defaultaction`, and the version `_filters_mutated()` bumps so that
//! `__warningregistry__` dicts start afresh. Once the `warnings` module is imported its
//! `filters`, `_onceregistry` and `defaultaction` attributes win (`catch_warnings` rebinds
//! them), as in CPython: the C-level `PyErr_Warn*` and `warnings.py` share one state.
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::{dict, int, list, str as pystr, tuple};
use crate::runtime::interpreter::{self, Interpreter};

#[derive(Default)]
pub(crate) struct WarningsState {
    /// `_warnings.filters` (owned; NULL until first needed).
    filters: Option<PyRef>,
    /// `_warnings._onceregistry`.
    once_registry: Option<PyRef>,
    /// `_warnings._defaultaction`.
    default_action: Option<PyRef>,
    /// Bumped by `_filters_mutated()`; a registry whose `version` differs is cleared.
    pub(crate) filters_version: i64,
}

/// `warnings.filters` of a release build of CPython 3.11 (no -W options; `warnings.py`
/// adds those): (action, message, category, module, lineno).
unsafe fn default_filters() -> PyResult<PyRef> {
    let entries: [(&str, *mut PyObject, Option<&str>); 5] = [
        ("default", &raw mut exc::_PyExc_DeprecationWarning as *mut PyObject, Some("__main__")),
        ("ignore", &raw mut exc::_PyExc_DeprecationWarning as *mut PyObject, None),
        ("ignore", &raw mut exc::_PyExc_PendingDeprecationWarning as *mut PyObject, None),
        ("ignore", &raw mut exc::_PyExc_ImportWarning as *mut PyObject, None),
        ("ignore", &raw mut exc::_PyExc_ResourceWarning as *mut PyObject, None),
    ];
    let out = list::new(0)?;
    for (action, category, module) in entries {
        let none = crate::abstract_::none();
        let module = match module {
            Some(m) => pystr::intern(m)?,
            None => crate::abstract_::new_ref(none),
        };
        let item = tuple::from_vec(vec![
            pystr::intern(action)?,
            crate::abstract_::new_ref(none),
            crate::abstract_::new_ref(category),
            module,
            int::from_i64(0)?,
        ])?;
        list::append(out.as_ptr(), item.as_ptr())?;
    }
    Ok(out)
}

/// The current interpreter's state, made on first use.
pub(crate) unsafe fn state<'a>() -> PyResult<&'a mut WarningsState> {
    let owner: &mut Interpreter =
        interpreter::current().ok_or_else(|| raise_type(&raw mut exc::_PyExc_RuntimeError, "no current interpreter"))?;
    let st = &mut owner.warnings;
    if st.filters.is_none() {
        st.filters = Some(default_filters()?);
        st.once_registry = Some(dict::new()?);
        st.default_action = Some(pystr::intern("default")?);
    }
    Ok(st)
}

/// Drops the interpreter's filters and registries (its end).
pub(crate) fn clear(owner: &mut Interpreter) {
    owner.warnings = WarningsState::default();
}

/// `warnings.NAME` when the `warnings` module is in `sys.modules` (never imported here).
pub(crate) unsafe fn warnings_attr(name: &str) -> PyResult<Option<PyRef>> {
    let Some(owner) = interpreter::current() else { return Ok(None) };
    if owner.modules.is_null() {
        return Ok(None);
    }
    let Some(module) = dict::get_item_str(owner.modules, "warnings")? else { return Ok(None) };
    if module == crate::abstract_::none() {
        return Ok(None);
    }
    let module = crate::abstract_::new_ref(module);
    lookup_attr(module.as_ptr(), pystr::intern(name)?.as_ptr())
}

/// The filter list: `warnings.filters` (remembered as ours) or ours.
pub(crate) unsafe fn filters() -> PyResult<PyRef> {
    let st = state()?;
    if let Some(f) = warnings_attr("filters")? {
        st.filters = Some(f);
    }
    let f = st.filters.clone().expect("made by state()");
    if !list::is_list(f.as_ptr()) {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "_warnings.filters must be a list"));
    }
    Ok(f)
}

/// The "once" registry: `warnings._onceregistry` (remembered) or ours.
pub(crate) unsafe fn once_registry() -> PyResult<PyRef> {
    let st = state()?;
    if let Some(r) = warnings_attr("_onceregistry")? {
        if !dict::is_dict(r.as_ptr()) {
            return Err(raise(
                ExcType::TypeError,
                format!("warnings._onceregistry must be a dict, not '{}'", crate::abstract_::tp_name(r.as_ptr())),
            ));
        }
        st.once_registry = Some(r);
    }
    Ok(st.once_registry.clone().expect("made by state()"))
}

/// The action when no filter matches: `warnings.defaultaction` (remembered) or ours.
pub(crate) unsafe fn default_action() -> PyResult<PyRef> {
    let st = state()?;
    if let Some(a) = warnings_attr("defaultaction")? {
        if !pystr::is_str(a.as_ptr()) {
            return Err(raise(
                ExcType::TypeError,
                format!("_warnings.defaultaction must be a string, not '{}'", crate::abstract_::tp_name(a.as_ptr())),
            ));
        }
        st.default_action = Some(a);
    }
    Ok(st.default_action.clone().expect("made by state()"))
}

/// `_warnings.filters`, `_onceregistry`, `_defaultaction` for the module's dict.
pub(crate) unsafe fn module_attrs() -> PyResult<[(&'static str, PyRef); 3]> {
    let st = state()?;
    Ok([
        ("filters", st.filters.clone().expect("made")),
        ("_onceregistry", st.once_registry.clone().expect("made")),
        ("_defaultaction", st.default_action.clone().expect("made")),
    ])
}
