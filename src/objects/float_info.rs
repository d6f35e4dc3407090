//! `PyFloat_GetInfo`: `sys.float_info`, a struct sequence of the C double's limits.
use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{info_instance, PyStructSequence_Desc, PyStructSequence_Field};
use crate::objects::{float, int};

/// The `sys.float_info` type (made at first use in each runtime).
static mut FLOAT_INFO_TYPE: PyTypeObject = unsafe { core::mem::zeroed() };

const fn field(name: &'static core::ffi::CStr, doc: &'static core::ffi::CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: doc.as_ptr() }
}

static mut FLOAT_INFO_FIELDS: [PyStructSequence_Field; 12] = [
    field(c"max", c"DBL_MAX -- maximum representable finite float"),
    field(c"max_exp", c"DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"),
    field(c"max_10_exp", c"DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"),
    field(c"min", c"DBL_MIN -- Minimum positive normalized float"),
    field(c"min_exp", c"DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"),
    field(c"min_10_exp", c"DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"),
    field(c"dig", c"DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"),
    field(c"mant_dig", c"DBL_MANT_DIG -- mantissa digits"),
    field(c"epsilon", c"DBL_EPSILON -- Difference between 1 and the next representable float"),
    field(c"radix", c"FLT_RADIX -- radix of exponent"),
    field(c"rounds", c"FLT_ROUNDS -- rounding mode used for arithmetic operations"),
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];

static mut FLOAT_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"sys.float_info".as_ptr(),
    doc: c"sys.float_info\n\nA named tuple holding information about the float type. It contains low level\ninformation about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.".as_ptr(),
    fields: &raw mut FLOAT_INFO_FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 11,
};

fn float_info() -> PyResult<PyRef> {
    let values = vec![
        float::new(f64::MAX)?,
        int::from_i64(f64::MAX_EXP as i64)?,
        int::from_i64(f64::MAX_10_EXP as i64)?,
        float::new(f64::MIN_POSITIVE)?,
        int::from_i64(f64::MIN_EXP as i64)?,
        int::from_i64(f64::MIN_10_EXP as i64)?,
        int::from_i64(f64::DIGITS as i64)?,
        int::from_i64(f64::MANTISSA_DIGITS as i64)?,
        float::new(f64::EPSILON)?,
        int::from_i64(f64::RADIX as i64)?,
        // FLT_ROUNDS: 1, round to nearest (the only mode Rust and CPython's build use).
        int::from_i64(1)?,
    ];
    // SAFETY: under the GIL; the type and its description are statics.
    unsafe { info_instance(&raw mut FLOAT_INFO_TYPE, &raw mut FLOAT_INFO_DESC, values) }
}

/// `PyObject *PyFloat_GetInfo(void)`.
#[no_mangle]
pub unsafe extern "C" fn PyFloat_GetInfo() -> *mut PyObject {
    ret_obj(float_info())
}

/// At finalization: the type goes with the runtime's objects.
pub(crate) fn fini() {
    // SAFETY: finalization, under the GIL.
    unsafe { crate::objects::structseq::fini_info_type(&raw mut FLOAT_INFO_TYPE) }
}
