//! The `array` module: `array.array` (typed arrays of C numbers or wchar_t, with the
//! buffer protocol), its iterator, and `_array_reconstructor` for pickles.
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::modules::module_init::{add, create, dict_of};
use crate::modules::{fast, module_def, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;

mod item;
mod iter;
mod methods;
mod new;
mod object;
mod seq;
mod type_;

/// The module's `_array_reconstructor` (set when the module is made; pickles name it).
static mut RECONSTRUCTOR: *mut PyObject = core::ptr::null_mut();

pub(crate) unsafe fn reconstructor() -> PyResult<PyRef> {
    if RECONSTRUCTOR.is_null() {
        return Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            "array module not initialized",
        ));
    }
    Ok(new_ref(RECONSTRUCTOR))
}

static mut ARRAY_FUNCTIONS: [PyMethodDef; 2] = [
    fast(c"_array_reconstructor", new::array_reconstructor, c"_array_reconstructor($module, arraytype, typecode, mformat_code, items,\n                     /)\n--\n\nInternal. Used for pickling support."),
    END,
];

static mut ARRAY_DEF: PyModuleDef = module_def(
    c"array",
    c"This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n",
    (&raw mut ARRAY_FUNCTIONS) as *mut PyMethodDef,
);

/// `collections.abc.MutableSequence.register(array)`, as CPython's module does.
unsafe fn register_mutable_sequence(array: *mut PyObject) -> PyResult<()> {
    let abc = crate::modules::owned(crate::import::api::PyImport_ImportModule(c"collections.abc".as_ptr()))?;
    let name = crate::objects::str::intern("MutableSequence")?;
    let seq = crate::object::object_attr::get_attr(abc.as_ptr(), name.as_ptr())?;
    crate::modules::io::common::call_method(seq.as_ptr(), "register", &[array]).map(drop)
}

/// `PyInit_array` for the inittab.
pub(crate) unsafe extern "C" fn init_array() -> *mut PyObject {
    ret_obj((|| {
        crate::modules::hashes::ready(&[&raw mut type_::ARRAY_TYPE, &raw mut iter::ARRAY_ITER_TYPE])?;
        let m = create(&raw mut ARRAY_DEF)?;
        let d = dict_of(&m);
        let array = (&raw mut type_::ARRAY_TYPE) as *mut PyObject;
        add(d, "array", array)?;
        add(d, "ArrayType", array)?;
        add(d, "typecodes", crate::objects::str::from_utf8(item::TYPECODES)?.as_ptr())?;
        if let Some(f) = crate::objects::dict::get_item_str(d, "_array_reconstructor")? {
            if RECONSTRUCTOR.is_null() {
                RECONSTRUCTOR = new_ref(f).into_ptr();
            }
        }
        register_mutable_sequence(array)?;
        Ok(m)
    })())
}
