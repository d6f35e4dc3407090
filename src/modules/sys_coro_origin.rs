//! `sys.set_coroutine_origin_tracking_depth(depth)` / `sys.get_coroutine_origin_tracking_depth()`
//! (the thread state's `coroutine_origin_tracking_depth`), and `cr_origin`: when the depth
//! is positive, a new coroutine records `(filename, lineno, function)` for up to `depth`
//! frames, starting at the frame that called the coroutine function (asyncio's debug
//! mode shows it in the "never awaited" warning).
use crate::abstract_::new_ref;
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::eval::interp_frame::{self, Frame};
use crate::modules::{none_ref, ret};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{int, tuple};

pub(crate) unsafe extern "C" fn set_depth(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params {
        function: "set_coroutine_origin_tracking_depth",
        names: &["depth"],
        positional_only: 0,
        max_positional: 1,
        required: 1,
    };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let depth = crate::modules::sys_functions::as_c_int(a[0].unwrap_or(core::ptr::null_mut()))?;
        if depth < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "depth must be >= 0"));
        }
        (*crate::runtime::pystate::current()).coroutine_origin_tracking_depth = depth;
        Ok(none_ref())
    })())
}

pub(crate) unsafe extern "C" fn get_depth(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64((*crate::runtime::pystate::current()).coroutine_origin_tracking_depth as i64))
}

/// The origin tuple for a coroutine made now by frame `own` (whose caller comes first),
/// or None when tracking is off (depth 0).
pub(crate) unsafe fn origin_of(own: *mut Frame) -> PyResult<Option<PyRef>> {
    let ts = crate::runtime::pystate::current();
    let depth = if ts.is_null() { 0 } else { (*ts).coroutine_origin_tracking_depth };
    if depth <= 0 {
        return Ok(None);
    }
    let mut entries = Vec::new();
    let mut f = (*own).previous;
    while !f.is_null() && entries.len() < depth as usize {
        if !(*f).code.is_null() {
            let co = (*f).code;
            let line = int::from_i64(interp_frame::line(f) as i64)?;
            entries.push(tuple::from_vec(vec![new_ref((*co).co_filename), line, new_ref((*co).co_name)])?);
        }
        f = (*f).previous;
    }
    Ok(Some(tuple::from_vec(entries)?))
}
