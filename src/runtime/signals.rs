//! Signal handling types of pylifecycle.h (`PyOS_getsig`/`PyOS_setsig`) and the stack
//! margin of pythonrun.h.
use core::ffi::c_int;

/// `PyOS_sighandler_t`: a C signal handler.
pub type PyOS_sighandler_t = Option<unsafe extern "C" fn(c_int)>;

/// Stack space `PyOS_CheckStack` keeps in reserve, in units of `void *`.
pub const PYOS_STACK_MARGIN: c_int = 2048;
