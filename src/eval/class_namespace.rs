//! What `type.__new__` does to a class namespace made by a `class` statement (called from
//! object/type_new.rs): `__module__` from the defining frame's globals, `__new__` made a
//! staticmethod and `__init_subclass__`/`__class_getitem__` classmethods when they are
//! plain Python functions, and the `__classcell__` cell (zero-argument `super()`) filled
//! with the new class and removed.
use crate::abstract_::{from_slot, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, function_type, str as pystr};

/// Adjusts the new class `tp`'s dict `d`.
///
/// # Safety
/// `tp` is the class being built, `d` its dict.
pub(crate) unsafe fn finish_class_dict(tp: *mut PyTypeObject, d: *mut PyObject) -> PyResult<()> {
    if dict::get_item_str(d, "__module__")?.is_none() {
        let g = crate::eval::frame_api::PyEval_GetGlobals();
        if !g.is_null() {
            if let Some(name) = dict::get_item_str(g, "__name__")? {
                dict::set_item(d, pystr::intern("__module__")?.as_ptr(), name)?;
            }
        }
    }
    for (name, wrap_static) in [("__new__", true), ("__init_subclass__", false), ("__class_getitem__", false)] {
        if let Some(f) = dict::get_item_str(d, name)? {
            if function_type::is_function(f) {
                let w = if wrap_static {
                    crate::objects::classmethod::PyStaticMethod_New(f)
                } else {
                    crate::objects::classmethod::PyClassMethod_New(f)
                };
                let w = from_slot(w)?;
                dict::set_item(d, pystr::intern(name)?.as_ptr(), w.as_ptr())?;
            }
        }
    }
    if let Some(cell) = dict::get_item_str(d, "__classcell__")? {
        if (*cell).ob_type != &raw mut crate::objects::cell::PyCell_Type {
            let r = crate::abstract_::object::repr((*cell).ob_type as *mut PyObject)?;
            return Err(type_error(format!("__classcell__ must be a nonlocal cell, not {}", pystr::to_string(r.as_ptr()))));
        }
        crate::objects::cell::PyCell_Set(cell, tp as *mut PyObject);
        dict::del_item(d, pystr::intern("__classcell__")?.as_ptr())?;
    }
    Ok(())
}
