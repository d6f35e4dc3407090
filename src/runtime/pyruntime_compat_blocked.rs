//! CPython lib-dynload modules that now get past `dlopen` (they only needed `_PyRuntime`)
//! but would break code that works with their pure-Python fallback: their load is refused
//! with the ImportError the fallback expects, while the condition holds.
//!
//! - `_zoneinfo` needs the C datetime API (`PyDateTime_IMPORT`, the capsule
//!   `datetime.datetime_CAPI`, which only the C `_datetime` provides). Without it, its init
//!   raises AttributeError, which `zoneinfo/__init__.py` does not catch (it falls back to
//!   the pure-Python `zoneinfo._zoneinfo` on ImportError only). So `_zoneinfo` loads only
//!   when `datetime` has the capsule.
use crate::errors::raised::PyResult;
use crate::import::errors::import_error;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;

/// Fails with ImportError when the extension `short` at `path` (a CPython lib-dynload
/// module; same-named modules elsewhere are not concerned) must not load now.
///
/// # Safety
/// The GIL is held; `name` and `path_obj` are the module's name and path strs.
pub(crate) unsafe fn check(short: &str, path: &str, name: *mut PyObject, path_obj: *mut PyObject) -> PyResult<()> {
    if short != "_zoneinfo" || !path.contains("/lib-dynload/") {
        return Ok(());
    }
    if datetime_capi_available()? {
        return Ok(());
    }
    Err(import_error("_zoneinfo needs the C datetime API (datetime.datetime_CAPI), which the pure-Python datetime lacks", name, path_obj))
}

/// Whether `datetime` (imported here, as `_zoneinfo`'s init would) has `datetime_CAPI`.
unsafe fn datetime_capi_available() -> PyResult<bool> {
    let module = crate::import::api::PyImport_ImportModule(c"datetime".as_ptr());
    let Some(module) = PyRef::from_owned(module) else {
        return Err(crate::errors::raised::Raised::assume_set());
    };
    let attr = pystr::intern("datetime_CAPI")?;
    Ok(crate::object::object_attr::lookup_attr(module.as_ptr(), attr.as_ptr())?.is_some())
}
