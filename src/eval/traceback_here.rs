//! Adding the running frame to the traceback of the exception being raised
//! (`PyTraceBack_Here` from the eval loop).
use crate::eval::interp_frame::Frame;

/// Adds `f` at its current instruction to the current exception's traceback.
///
/// # Safety
/// `f` is a live frame and an exception is set.
pub(crate) unsafe fn add(f: *mut Frame) {
    if let Ok(fo) = crate::eval::frame_object::materialize(f) {
        crate::eval::traceback::PyTraceBack_Here(fo as *mut crate::eval::frame::PyFrameObject);
    }
}
