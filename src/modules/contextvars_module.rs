//! The `_contextvars` module (what `contextvars.py` re-exports): the types of
//! src/objects/context*.rs and `copy_context()`.
use crate::errors::raised::Raised;
use crate::modules::{meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::objects::module::PyModuleDef;

unsafe extern "C" fn copy_context(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(crate::objects::context::copy_current())
}

static mut CONTEXTVARS_FUNCTIONS: [PyMethodDef; 2] = [
    meth(c"copy_context", copy_context, METH_NOARGS, c"copy_context($module, /)\n--\n\n"),
    END,
];

static mut CONTEXTVARS_DEF: PyModuleDef =
    module_def(c"_contextvars", c"Context Variables", (&raw mut CONTEXTVARS_FUNCTIONS) as *mut PyMethodDef);

/// `PyInit__contextvars` for the inittab.
pub(crate) unsafe extern "C" fn init_contextvars() -> *mut PyObject {
    use crate::objects::context::PyContext_Type;
    use crate::objects::context_token::PyContextToken_Type;
    use crate::objects::context_var::PyContextVar_Type;
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut CONTEXTVARS_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        crate::objects::context_token::add_missing_attribute()?;
        for tp in [&raw mut PyContext_Type, &raw mut PyContextVar_Type, &raw mut PyContextToken_Type] {
            if crate::objects::module::PyModule_AddType(m.as_ptr(), tp) < 0 {
                return Err(Raised::assume_set());
            }
        }
        Ok(m)
    })())
}
