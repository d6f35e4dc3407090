//! The thread state (`PyThreadState`, CPython's `struct _ts`) and the small structs it embeds,
//! as declared by CPython 3.11's `cpython/pystate.h`. C code (Cython, debuggers, profilers)
//! reads these fields directly, so the layout is CPython's to the byte. The whole body is
//! hidden from the limited API, where `PyThreadState` is opaque.
use core::ffi::{c_int, c_ulong, c_void};

#[cfg(not(Py_LIMITED_API))]
use crate::eval::frame::{PyFrameObject, _PyInterpreterFrame};
#[cfg(not(Py_LIMITED_API))]
use crate::objects::code::{PyCodeObject, _line_offsets};
use crate::object::object::PyObject;

/// `struct _is`: the interpreter state. Never defined publicly (`PyInterpreterState` is
/// opaque to C in every API level), so Rust keeps it opaque here too.
pub struct _is {
    _private: [u8; 0],
}
pub type PyInterpreterState = _is;

/// Size of the per-interpreter table of code-object extra slots (`_PyCode_SetExtra`).
pub const MAX_CO_EXTRA_USERS: c_int = 255;

/// `Py_tracefunc`: the C signature of trace and profile functions (`PyEval_SetTrace`).
#[cfg(not(Py_LIMITED_API))]
pub type Py_tracefunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyFrameObject, c_int, *mut PyObject) -> c_int>;

// The `what` argument of a `Py_tracefunc`.
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_CALL: c_int = 0;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_EXCEPTION: c_int = 1;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_LINE: c_int = 2;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_RETURN: c_int = 3;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_C_CALL: c_int = 4;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_C_EXCEPTION: c_int = 5;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_C_RETURN: c_int = 6;
#[cfg(not(Py_LIMITED_API))]
pub const PyTrace_OPCODE: c_int = 7;

/// `PyTraceInfo`: the line bounds cached by the line tracer for the current code object.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyTraceInfo {
    pub code: *mut PyCodeObject,
    // By-value fields name the tag type, so cbindgen emits the struct first.
    pub bounds: _line_offsets,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyTraceInfo, size = 48, code @ 0, bounds @ 8);

/// `_PyCFrame`: one per C-level entry into the eval loop; `use_tracing` is or'ed into the
/// opcode by CPython's loop, hence 8 bits.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyCFrame {
    pub use_tracing: u8,
    pub current_frame: *mut _PyInterpreterFrame,
    pub previous: *mut _PyCFrame,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyCFrame, size = 24, use_tracing @ 0, current_frame @ 8, previous @ 16);

/// `struct _err_stackitem` (`_PyErr_StackItem`): the exception being handled, one per
/// generator/coroutine frame plus the thread's own, chained to the outer one. The
/// generator structs (objects/gen.rs) embed it too and should import this one.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _err_stackitem {
    pub exc_value: *mut PyObject,
    pub previous_item: *mut _err_stackitem,
}
#[cfg(not(Py_LIMITED_API))]
pub type _PyErr_StackItem = _err_stackitem;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyErr_StackItem, size = 16, exc_value @ 0, previous_item @ 8);

/// `struct _stack_chunk` (`_PyStackChunk`): one chunk of the per-thread frame stack; `data`
/// is a variable-size trailing array.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _stack_chunk {
    pub previous: *mut _stack_chunk,
    pub size: usize,
    pub top: usize,
    pub data: [*mut PyObject; 1],
}
#[cfg(not(Py_LIMITED_API))]
pub type _PyStackChunk = _stack_chunk;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyStackChunk, size = 32, previous @ 0, size @ 8, top @ 16, data @ 24);

/// `struct _ts`: the state of one thread in one interpreter. Every field of CPython 3.11.7,
/// in order (there is no bitfield in 3.11's thread state).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _ts {
    pub prev: *mut PyThreadState,
    pub next: *mut PyThreadState,
    pub interp: *mut PyInterpreterState,
    pub _initialized: c_int,
    pub _static: c_int,
    pub recursion_remaining: c_int,
    pub recursion_limit: c_int,
    pub recursion_headroom: c_int,
    pub tracing: c_int,
    pub tracing_what: c_int,
    pub cframe: *mut _PyCFrame,
    pub c_profilefunc: Py_tracefunc,
    pub c_tracefunc: Py_tracefunc,
    pub c_profileobj: *mut PyObject,
    pub c_traceobj: *mut PyObject,
    pub curexc_type: *mut PyObject,
    pub curexc_value: *mut PyObject,
    pub curexc_traceback: *mut PyObject,
    pub exc_info: *mut _PyErr_StackItem,
    pub dict: *mut PyObject,
    pub gilstate_counter: c_int,
    pub async_exc: *mut PyObject,
    pub thread_id: c_ulong,
    pub native_thread_id: c_ulong,
    pub trash_delete_nesting: c_int,
    pub trash_delete_later: *mut PyObject,
    pub on_delete: Option<unsafe extern "C" fn(*mut c_void)>,
    pub on_delete_data: *mut c_void,
    pub coroutine_origin_tracking_depth: c_int,
    pub async_gen_firstiter: *mut PyObject,
    pub async_gen_finalizer: *mut PyObject,
    pub context: *mut PyObject,
    pub context_ver: u64,
    pub id: u64,
    pub trace_info: PyTraceInfo,
    pub datastack_chunk: *mut _PyStackChunk,
    pub datastack_top: *mut *mut PyObject,
    pub datastack_limit: *mut *mut PyObject,
    pub exc_state: _err_stackitem,
    pub root_cframe: _PyCFrame,
}
/// In the limited API the body is hidden and `PyThreadState` is only ever a pointer.
pub type PyThreadState = _ts;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyThreadState, size = 360,
    prev @ 0, next @ 8, interp @ 16, _initialized @ 24, _static @ 28,
    recursion_remaining @ 32, recursion_limit @ 36, recursion_headroom @ 40, tracing @ 44,
    tracing_what @ 48, cframe @ 56, c_profilefunc @ 64, c_tracefunc @ 72, c_profileobj @ 80,
    c_traceobj @ 88, curexc_type @ 96, curexc_value @ 104, curexc_traceback @ 112,
    exc_info @ 120, dict @ 128, gilstate_counter @ 136, async_exc @ 144, thread_id @ 152,
    native_thread_id @ 160, trash_delete_nesting @ 168, trash_delete_later @ 176,
    on_delete @ 184, on_delete_data @ 192, coroutine_origin_tracking_depth @ 200,
    async_gen_firstiter @ 208, async_gen_finalizer @ 216, context @ 224, context_ver @ 232,
    id @ 240, trace_info @ 248, datastack_chunk @ 296, datastack_top @ 304,
    datastack_limit @ 312, exc_state @ 320, root_cframe @ 336);

/// `_PyFrameEvalFunction`: the PEP 523 frame evaluator hook of an interpreter.
#[cfg(not(Py_LIMITED_API))]
pub type _PyFrameEvalFunction = Option<
    unsafe extern "C" fn(*mut PyThreadState, *mut _PyInterpreterFrame, c_int) -> *mut PyObject,
>;

/// `struct _xid` (`_PyCrossInterpreterData`): an object's data in a form that can cross
/// from one interpreter to another.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _xid {
    pub data: *mut c_void,
    pub obj: *mut PyObject,
    pub interp: i64,
    pub new_object: Option<unsafe extern "C" fn(*mut _PyCrossInterpreterData) -> *mut PyObject>,
    pub free: Option<unsafe extern "C" fn(*mut c_void)>,
}
#[cfg(not(Py_LIMITED_API))]
pub type _PyCrossInterpreterData = _xid;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyCrossInterpreterData, size = 40,
    data @ 0, obj @ 8, interp @ 16, new_object @ 24, free @ 32);

/// `crossinterpdatafunc`: fills a `_PyCrossInterpreterData` for one registered type.
#[cfg(not(Py_LIMITED_API))]
pub type crossinterpdatafunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut _PyCrossInterpreterData) -> c_int>;
