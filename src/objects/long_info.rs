//! `PyLong_GetInfo`: `sys.int_info`, a struct sequence describing the int representation.
use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::int;
use crate::objects::structseq::{info_instance, PyStructSequence_Desc, PyStructSequence_Field};

/// The `sys.int_info` type (made at first use in each runtime).
static mut INT_INFO_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };

static mut INT_INFO_FIELDS: [PyStructSequence_Field; 5] = [
    PyStructSequence_Field { name: c"bits_per_digit".as_ptr(), doc: c"size of a digit in bits".as_ptr() },
    PyStructSequence_Field {
        name: c"sizeof_digit".as_ptr(),
        doc: c"size in bytes of the C type used to represent a digit".as_ptr(),
    },
    PyStructSequence_Field {
        name: c"default_max_str_digits".as_ptr(),
        doc: c"maximum string conversion digits limitation".as_ptr(),
    },
    PyStructSequence_Field {
        name: c"str_digits_check_threshold".as_ptr(),
        doc: c"minimum positive value for int_max_str_digits".as_ptr(),
    },
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];

static mut INT_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"sys.int_info".as_ptr(),
    doc: c"sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.".as_ptr(),
    fields: &raw mut INT_INFO_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 4,
};

fn int_info() -> PyResult<PyRef> {
    let values = [30, 4, 4300, 640].iter().map(|&v| int::from_i64(v)).collect::<PyResult<Vec<_>>>()?;
    // SAFETY: under the GIL; the type and its description are statics.
    unsafe { info_instance(&raw mut INT_INFO_TYPE, &raw mut INT_INFO_DESC, values) }
}

/// `PyObject *PyLong_GetInfo(void)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_GetInfo() -> *mut PyObject {
    ret_obj(int_info())
}

/// At finalization: the type goes with the runtime's objects.
pub(crate) fn fini() {
    // SAFETY: finalization, under the GIL.
    unsafe { crate::objects::structseq::fini_info_type(&raw mut INT_INFO_TYPE) }
}
