//! `type.__abstractmethods__` and what it does: the names live in the class dict (where
//! `abc.ABCMeta` puts them), a true value sets `Py_TPFLAGS_IS_ABSTRACT`, and
//! `object.__new__` refuses to instantiate a class with the flag, naming the methods.
use core::ffi::{c_int, c_void};

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_IS_ABSTRACT};
use crate::object::typetype::{type_name, PyType_Type};
use crate::objects::{dict, list, str as pystr};

const NAME: &str = "__abstractmethods__";

fn missing() -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_AttributeError, NAME)
}

/// The class's `__abstractmethods__` (never `type`'s own: that name is the descriptor).
unsafe fn abstract_methods(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    if tp != &raw mut PyType_Type {
        if let Some(m) = dict::get_item_str((*tp).tp_dict, NAME)? {
            return Ok(crate::abstract_::new_ref(m));
        }
    }
    Err(missing())
}

pub(crate) unsafe extern "C" fn get(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::ret_obj(abstract_methods(op as *mut PyTypeObject))
}

/// Setting stores the names and sets the flag from their truth; deleting clears both.
pub(crate) unsafe extern "C" fn set(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let tp = op as *mut PyTypeObject;
    let r = (|| -> PyResult<()> {
        let key = pystr::intern(NAME)?;
        let is_abstract = if value.is_null() {
            if !dict::del_item((*tp).tp_dict, key.as_ptr())? {
                return Err(missing());
            }
            false
        } else {
            let truth = crate::abstract_::object::is_true(value)?;
            dict::set_item((*tp).tp_dict, key.as_ptr(), value)?;
            truth
        };
        crate::object::type_cache::PyType_Modified(tp);
        if is_abstract {
            (*tp).tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
        } else {
            (*tp).tp_flags &= !Py_TPFLAGS_IS_ABSTRACT;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// The TypeError of instantiating an abstract class: "Can't instantiate abstract class X
/// with abstract methods a, b" (sorted names).
///
/// # Safety
/// `tp` is a live type with `Py_TPFLAGS_IS_ABSTRACT`.
pub(crate) unsafe fn instantiation_error(tp: *mut PyTypeObject) -> crate::errors::raised::Raised {
    let r = (|| -> PyResult<crate::errors::raised::Raised> {
        let names = list::from_iterable(abstract_methods(tp)?.as_ptr())?;
        crate::objects::list_sort::sort(names.as_ptr(), None, false)?;
        let joined = crate::objects::str_join::join_iterable(pystr::intern(", ")?.as_ptr(), names.as_ptr())?;
        let plural = if list::len(names.as_ptr()) > 1 { "s" } else { "" };
        Ok(raise_type(
            &raw mut exc::_PyExc_TypeError,
            format!(
                "Can't instantiate abstract class {} with abstract method{plural} {}",
                type_name(tp),
                pystr::to_string(joined.as_ptr())
            ),
        ))
    })();
    match r {
        Ok(e) | Err(e) => e,
    }
}
