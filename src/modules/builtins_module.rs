//! Making the `builtins` module of an interpreter: the builtin types (those the runtime
//! readies), the exception classes, the constants `None`, `Ellipsis`, `NotImplemented`,
//! `True`, `False`, `__debug__`, and the functions of builtins_functions.rs.
use crate::errors::raised::PyResult;
use crate::modules::{module_def, owned};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{bool as pybool, dict, str as pystr};
use crate::runtime::interpreter::Interpreter;

static mut BUILTINS_DEF: PyModuleDef = module_def(
    c"builtins",
    c"Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices.",
    (&raw mut crate::modules::builtins_functions::BUILTIN_FUNCTIONS) as *mut crate::object::methods::PyMethodDef,
);

/// The builtin types under their Python names (the names CPython's builtins use).
fn builtin_types() -> Vec<(&'static str, *mut PyTypeObject)> {
    use crate::objects as o;
    vec![
        ("bool", &raw mut o::bool::PyBool_Type),
        ("bytes", &raw mut o::bytes::PyBytes_Type),
        ("bytearray", &raw mut o::bytearray::PyByteArray_Type),
        ("enumerate", &raw mut o::enumerate::PyEnum_Type),
        ("filter", &raw mut o::filter::PyFilter_Type),
        ("map", &raw mut o::map::PyMap_Type),
        ("memoryview", &raw mut o::memoryview::PyMemoryView_Type),
        ("range", &raw mut o::range::PyRange_Type),
        ("reversed", &raw mut o::reversed::PyReversed_Type),
        ("zip", &raw mut o::zip::PyZip_Type),
        ("classmethod", &raw mut o::classmethod::PyClassMethod_Type),
        ("complex", &raw mut o::complex::PyComplex_Type),
        ("dict", &raw mut o::dict::PyDict_Type),
        ("float", &raw mut o::float::PyFloat_Type),
        ("frozenset", &raw mut o::set::PyFrozenSet_Type),
        ("property", &raw mut o::property::PyProperty_Type),
        ("int", &raw mut o::int::PyLong_Type),
        ("list", &raw mut o::list::PyList_Type),
        ("object", &raw mut crate::object::baseobject::PyBaseObject_Type),
        ("set", &raw mut o::set::PySet_Type),
        ("slice", &raw mut o::slice::PySlice_Type),
        ("staticmethod", &raw mut o::classmethod::PyStaticMethod_Type),
        ("str", &raw mut o::str::PyUnicode_Type),
        ("tuple", &raw mut o::tuple::PyTuple_Type),
        ("type", &raw mut crate::object::typetype::PyType_Type),
        ("super", &raw mut o::super_type::PySuper_Type),
    ]
}

unsafe fn set(d: *mut PyObject, name: &str, value: *mut PyObject) -> PyResult<()> {
    dict::set_item(d, pystr::intern(name)?.as_ptr(), value)
}

/// Makes the interpreter's `builtins` module, records its dict in the interpreter and adds
/// it to the module table (which must exist).
pub(crate) unsafe fn create(owner: &mut Interpreter) -> PyResult<PyRef> {
    let m = owned(crate::objects::module::PyModule_Create2(&raw mut BUILTINS_DEF, crate::modules::sys_module::API_VERSION as i32))?;
    crate::modules::builtins_exec::add_to(m.as_ptr())?;
    let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
    set(d, "None", crate::abstract_::none())?;
    set(d, "Ellipsis", &raw mut crate::objects::singletons::_Py_EllipsisObject)?;
    set(d, "NotImplemented", crate::abstract_::not_implemented())?;
    set(d, "False", pybool::false_())?;
    set(d, "True", pybool::true_())?;
    for (name, tp) in builtin_types() {
        set(d, name, tp as *mut PyObject)?;
    }
    for tp in crate::errors::exception_types::exception_types() {
        let name = core::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy();
        set(d, &name, tp as *mut PyObject)?;
    }
    let os_error = &raw mut crate::errors::exception_types::_PyExc_OSError as *mut PyObject;
    set(d, "EnvironmentError", os_error)?;
    set(d, "IOError", os_error)?;
    set(d, "ExceptionGroup", crate::errors::exceptiongroup::exception_group_type()? as *mut PyObject)?;
    let debug = owner.config.optimization_level == 0;
    set(d, "__debug__", pybool::PyBool_FromLong(debug as _))?;
    crate::modules::builtins_import::install(m.as_ptr(), d)?;
    owner.builtins = crate::abstract_::new_ref(d).into_ptr();
    dict::set_item(owner.modules, pystr::intern("builtins")?.as_ptr(), m.as_ptr())?;
    Ok(m)
}

/// `PyObject *PyEval_GetBuiltins(void)`: the builtins of the current frame (borrowed); with
/// no Python frame running, the interpreter's builtins dict, as CPython.
#[no_mangle]
pub extern "C" fn PyEval_GetBuiltins() -> *mut PyObject {
    // SAFETY: reads the current thread state's frame stack.
    unsafe { crate::eval::frame_api::current_builtins() }
}
