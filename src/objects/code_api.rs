//! The code-object C-API beyond the type: `PyCode_NewEmpty`, `PyCode_Addr2Line`,
//! `PyCode_GetCode`, `PyCode_GetVarnames`, `PyCode_GetCellvars`, `PyCode_GetFreevars`.
use core::ffi::{c_char, c_int, CStr};

use ferropy_compiler::code::{CodeUnit, Constant, LineEntry, Position};
use ferropy_compiler::opcode::Op;

use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::objects::code::PyCodeObject;
use crate::objects::code_rt;
use crate::objects::code_type::is_code;

/// `PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int
/// firstlineno)`: a code object that returns None, for C code that needs a frame or a
/// traceback entry naming a C function (Cython).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_NewEmpty(filename: *const c_char, funcname: *const c_char, firstlineno: c_int) -> *mut PyCodeObject {
    if filename.is_null() || funcname.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let name = CStr::from_ptr(funcname).to_string_lossy().into_owned();
    let line = firstlineno.max(0) as u32;
    let word = |op: Op, arg: u32| op as u32 | (arg << 8);
    let unit = CodeUnit {
        code: vec![word(Op::RESUME, 0), word(Op::LOAD_CONST, 0), word(Op::RETURN_VALUE, 0)],
        consts: vec![Constant::None],
        flags: ferropy_compiler::code::flags::OPTIMIZED | ferropy_compiler::code::flags::NEWLOCALS,
        firstlineno: line,
        qualname: name.clone(),
        name,
        filename: CStr::from_ptr(filename).to_string_lossy().into_owned(),
        stacksize: 1,
        lines: vec![LineEntry { start: 0, pos: Position { line, end_line: line, col: 0, end_col: 0 } }].into(),
        ..CodeUnit::default()
    };
    crate::objects::code_type::from_unit(unit).map_or(core::ptr::null_mut(), |c| c.into_ptr() as *mut PyCodeObject)
}

/// `int PyCode_Addr2Line(PyCodeObject *co, int addrq)`: the line of the instruction at byte
/// offset `addrq` of `co_code`; `co_firstlineno` for a negative offset.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_Addr2Line(co: *mut PyCodeObject, addrq: c_int) -> c_int {
    if addrq < 0 {
        return (*co).co_firstlineno;
    }
    let line = code_rt::rt(co).position(crate::objects::code_public::word_at(co, addrq)).line;
    if line == 0 { -1 } else { line as c_int }
}

unsafe fn getter(co: *mut PyCodeObject, f: unsafe extern "C" fn(*mut PyObject, *mut core::ffi::c_void) -> *mut PyObject) -> *mut PyObject {
    if co.is_null() || !is_code(co as *mut PyObject) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    f(co as *mut PyObject, core::ptr::null_mut())
}

/// `PyObject *PyCode_GetCode(PyCodeObject *co)`: `co_code` (our instruction words).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_GetCode(co: *mut PyCodeObject) -> *mut PyObject {
    getter(co, crate::objects::code_type::get_code)
}

/// `PyObject *PyCode_GetVarnames(PyCodeObject *co)`: `co_varnames`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_GetVarnames(co: *mut PyCodeObject) -> *mut PyObject {
    getter(co, crate::objects::code_type::get_varnames)
}

/// `PyObject *PyCode_GetCellvars(PyCodeObject *co)`: `co_cellvars`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_GetCellvars(co: *mut PyCodeObject) -> *mut PyObject {
    getter(co, crate::objects::code_type::get_cellvars)
}

/// `PyObject *PyCode_GetFreevars(PyCodeObject *co)`: `co_freevars`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_GetFreevars(co: *mut PyCodeObject) -> *mut PyObject {
    getter(co, crate::objects::code_type::get_freevars)
}
