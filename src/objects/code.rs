//! `PyCodeObject` and the code flags (CPython 3.11's cpython/code.h). The layout is
//! CPython 3.11's, so extensions that read `co_flags`, `co_argcount`, `co_filename`... work;
//! our eval loop keeps its own bytecode in `co_code_adaptive`'s trailing storage.
use crate::object::object::{PyObject, PyVarObject};
use core::ffi::{c_char, c_int, c_short, c_void};

/// `_Py_CODEUNIT`: one instruction word (opcode in the low byte, oparg in the high byte).
#[cfg(not(Py_LIMITED_API))]
pub type _Py_CODEUNIT = u16;

/// `struct PyCodeObject` (CPython's `_PyCode_DEF(1)`): `co_code_adaptive` is a trailing
/// array of `Py_SIZE(co)` code units.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCodeObject {
    pub ob_base: PyVarObject,
    pub co_consts: *mut PyObject,
    pub co_names: *mut PyObject,
    pub co_exceptiontable: *mut PyObject,
    pub co_flags: c_int,
    pub co_warmup: c_short,
    pub _co_linearray_entry_size: c_short,
    pub co_argcount: c_int,
    pub co_posonlyargcount: c_int,
    pub co_kwonlyargcount: c_int,
    pub co_stacksize: c_int,
    pub co_firstlineno: c_int,
    pub co_nlocalsplus: c_int,
    pub co_nlocals: c_int,
    pub co_nplaincellvars: c_int,
    pub co_ncellvars: c_int,
    pub co_nfreevars: c_int,
    pub co_localsplusnames: *mut PyObject,
    pub co_localspluskinds: *mut PyObject,
    pub co_filename: *mut PyObject,
    pub co_name: *mut PyObject,
    pub co_qualname: *mut PyObject,
    pub co_linetable: *mut PyObject,
    pub co_weakreflist: *mut PyObject,
    pub _co_code: *mut PyObject,
    pub _co_linearray: *mut c_char,
    pub _co_firsttraceable: c_int,
    pub co_extra: *mut c_void,
    pub co_code_adaptive: [c_char; 1],
}
assert_layout!(PyCodeObject, size = 192, ob_base @ 0, co_consts @ 24, co_names @ 32,
               co_exceptiontable @ 40, co_flags @ 48, co_warmup @ 52,
               _co_linearray_entry_size @ 54, co_argcount @ 56, co_posonlyargcount @ 60,
               co_kwonlyargcount @ 64, co_stacksize @ 68, co_firstlineno @ 72,
               co_nlocalsplus @ 76, co_nlocals @ 80, co_nplaincellvars @ 84, co_ncellvars @ 88,
               co_nfreevars @ 92, co_localsplusnames @ 96, co_localspluskinds @ 104,
               co_filename @ 112, co_name @ 120, co_qualname @ 128, co_linetable @ 136,
               co_weakreflist @ 144, _co_code @ 152, _co_linearray @ 160,
               _co_firsttraceable @ 168, co_extra @ 176, co_code_adaptive @ 184);

/// `co_flags` bits.
#[cfg(not(Py_LIMITED_API))]
pub const CO_OPTIMIZED: c_int = 0x0001;
#[cfg(not(Py_LIMITED_API))]
pub const CO_NEWLOCALS: c_int = 0x0002;
#[cfg(not(Py_LIMITED_API))]
pub const CO_VARARGS: c_int = 0x0004;
#[cfg(not(Py_LIMITED_API))]
pub const CO_VARKEYWORDS: c_int = 0x0008;
#[cfg(not(Py_LIMITED_API))]
pub const CO_NESTED: c_int = 0x0010;
#[cfg(not(Py_LIMITED_API))]
pub const CO_GENERATOR: c_int = 0x0020;
/// A coroutine (`async def`).
#[cfg(not(Py_LIMITED_API))]
pub const CO_COROUTINE: c_int = 0x0080;
/// A generator made awaitable by `types.coroutine`.
#[cfg(not(Py_LIMITED_API))]
pub const CO_ITERABLE_COROUTINE: c_int = 0x0100;
#[cfg(not(Py_LIMITED_API))]
pub const CO_ASYNC_GENERATOR: c_int = 0x0200;
/// `from __future__` features recorded in `co_flags` (also the compiler-flag bits).
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_DIVISION: c_int = 0x20000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_ABSOLUTE_IMPORT: c_int = 0x40000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_WITH_STATEMENT: c_int = 0x80000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_PRINT_FUNCTION: c_int = 0x100000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_UNICODE_LITERALS: c_int = 0x200000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_BARRY_AS_BDFL: c_int = 0x400000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_GENERATOR_STOP: c_int = 0x800000;
#[cfg(not(Py_LIMITED_API))]
pub const CO_FUTURE_ANNOTATIONS: c_int = 0x1000000;
/// Maximum static nesting of blocks, kept for source compatibility.
#[cfg(not(Py_LIMITED_API))]
pub const CO_MAXBLOCKS: c_int = 20;

/// `struct _opaque`: private cursor state of `PyCodeAddressRange`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _opaque {
    pub computed_line: c_int,
    pub lo_next: *const u8,
    pub limit: *const u8,
}
assert_layout!(_opaque, size = 24, computed_line @ 0, lo_next @ 8, limit @ 16);

/// `struct _line_offsets` (`PyCodeAddressRange`): the line-table iterator of
/// `_PyCode_CheckLineNumber`/`_PyLineTable_*`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _line_offsets {
    pub ar_start: c_int,
    pub ar_end: c_int,
    pub ar_line: c_int,
    pub opaque: _opaque,
}
pub type PyCodeAddressRange = _line_offsets;
assert_layout!(PyCodeAddressRange, size = 40, ar_start @ 0, ar_end @ 4, ar_line @ 8,
               opaque @ 16);

/// `_PyCodeLocationInfoKind`: the entry kinds of the 3.11 location table (`co_linetable`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum _PyCodeLocationInfoKind {
    PY_CODE_LOCATION_INFO_SHORT0 = 0,
    PY_CODE_LOCATION_INFO_ONE_LINE0 = 10,
    PY_CODE_LOCATION_INFO_ONE_LINE1 = 11,
    PY_CODE_LOCATION_INFO_ONE_LINE2 = 12,
    PY_CODE_LOCATION_INFO_NO_COLUMNS = 13,
    PY_CODE_LOCATION_INFO_LONG = 14,
    PY_CODE_LOCATION_INFO_NONE = 15,
}
