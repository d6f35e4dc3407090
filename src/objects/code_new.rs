//! `PyCode_New` and `PyCode_NewWithPosOnlyArgs`: code objects from CPython's fields. The
//! bytecode they carry is CPython's, which our loop cannot run: the object reads back every
//! field as given (`co_code`, `co_consts`, `co_names`, `co_linetable`,
//! `co_exceptiontable`, counts, names), and running it raises SystemError.
use core::ffi::c_int;

use ferropy_compiler::code::{CodeUnit, LineEntry, Position};
use ferropy_compiler::opcode::Op;

use crate::abstract_::new_ref;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::objects::code::PyCodeObject;
use crate::objects::{bytes, str as pystr, tuple};

/// The byte after `RESUME` that stops the loop (no opcode has it).
const FOREIGN_MARK: u32 = 0xff;

/// Whether `co` was made by `PyCode_New*` (its `_co_code` keeps CPython's bytecode).
pub(crate) unsafe fn is_foreign(co: *mut PyCodeObject) -> bool {
    !(*co)._co_code.is_null()
}

/// The SystemError of running a `PyCode_New*` code object.
pub(crate) unsafe fn cannot_run(co: *mut PyCodeObject) -> Raised {
    raise_type(
        &raw mut exc::_PyExc_SystemError,
        format!(
            "code object '{}' was made by PyCode_New from CPython bytecode, which ferropy cannot run",
            pystr::to_string((*co).co_name)
        ),
    )
}

/// The error for an undecodable opcode at `f`'s current instruction.
#[cold]
pub(crate) unsafe fn bad_opcode(co: *mut PyCodeObject, byte: u8) -> Raised {
    if is_foreign(co) {
        return cannot_run(co);
    }
    raise_type(&raw mut exc::_PyExc_SystemError, format!("unknown opcode {byte}"))
}

unsafe fn names_of(t: *mut PyObject) -> PyResult<Vec<String>> {
    tuple::items(t)
        .iter()
        .map(|&n| {
            if pystr::is_str(n) {
                Ok(pystr::to_string(n))
            } else {
                Err(raise_type(&raw mut exc::_PyExc_TypeError, "code: names must be strings"))
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
unsafe fn new_code(
    argcount: c_int,
    posonlyargcount: c_int,
    kwonlyargcount: c_int,
    stacksize: c_int,
    flags: c_int,
    code: *mut PyObject,
    consts: *mut PyObject,
    names: *mut PyObject,
    varnames: *mut PyObject,
    freevars: *mut PyObject,
    cellvars: *mut PyObject,
    filename: *mut PyObject,
    name: *mut PyObject,
    qualname: *mut PyObject,
    firstlineno: c_int,
    linetable: *mut PyObject,
    exceptiontable: *mut PyObject,
) -> PyResult<*mut PyCodeObject> {
    let is_tuple = |o: *mut PyObject| !o.is_null() && tuple::is_tuple(o);
    let is_bytes = |o: *mut PyObject| !o.is_null() && bytes::is_bytes(o);
    let is_str = |o: *mut PyObject| !o.is_null() && pystr::is_str(o);
    if argcount < posonlyargcount
        || posonlyargcount < 0
        || kwonlyargcount < 0
        || stacksize < 0
        || flags < 0
        || !is_bytes(code)
        || ![consts, names, varnames, freevars, cellvars].into_iter().all(is_tuple)
        || !is_str(name)
        || !is_str(filename)
        || !(qualname.is_null() || is_str(qualname))
        || !is_bytes(linetable)
        || !is_bytes(exceptiontable)
    {
        return Err(bad_internal_call());
    }
    if bytes::as_slice(code).len() % 2 != 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "code: co_code is malformed"));
    }
    let varnames_v = names_of(varnames)?;
    let nparams = argcount as usize
        + kwonlyargcount as usize
        + (flags as u32 & ferropy_compiler::code::flags::VARARGS != 0) as usize
        + (flags as u32 & ferropy_compiler::code::flags::VARKEYWORDS != 0) as usize;
    if varnames_v.len() < nparams {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "code: co_varnames is too small"));
    }
    let line = firstlineno.max(0) as u32;
    let qualname = if qualname.is_null() { name } else { qualname };
    let unit = CodeUnit {
        code: vec![Op::RESUME as u32, FOREIGN_MARK],
        varnames: varnames_v,
        cellvars: names_of(cellvars)?,
        freevars: names_of(freevars)?,
        argcount: argcount as u32,
        posonlyargcount: posonlyargcount as u32,
        kwonlyargcount: kwonlyargcount as u32,
        flags: flags as u32,
        firstlineno: line,
        name: pystr::to_string(name),
        qualname: pystr::to_string(qualname),
        stacksize: 1,
        lines: vec![LineEntry { start: 0, pos: Position { line, end_line: line, col: 0, end_col: 0 } }].into(),
        ..CodeUnit::default()
    };
    let made = crate::objects::code_type::from_unit_with_filename(unit, filename)?;
    let co = made.into_ptr() as *mut PyCodeObject;
    // The fields read back as given.
    let swap = |field: &mut *mut PyObject, v: *mut PyObject| {
        let old = core::mem::replace(field, new_ref(v).into_ptr());
        crate::object::refcount::Py_DecRef(old);
    };
    swap(&mut (*co).co_consts, consts);
    swap(&mut (*co).co_names, names);
    swap(&mut (*co).co_linetable, linetable);
    swap(&mut (*co).co_exceptiontable, exceptiontable);
    swap(&mut (*co).co_name, name);
    swap(&mut (*co).co_qualname, qualname);
    (*co)._co_code = new_ref(code).into_ptr();
    (*co).co_stacksize = stacksize;
    Ok(co)
}

/// `PyCodeObject *PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount, int
/// kwonlyargcount, int nlocals, int stacksize, int flags, PyObject *code, PyObject *consts,
/// PyObject *names, PyObject *varnames, PyObject *freevars, PyObject *cellvars, PyObject
/// *filename, PyObject *name, PyObject *qualname, int firstlineno, PyObject *linetable,
/// PyObject *exceptiontable)`: `nlocals` is ignored (it is the length of `varnames`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_NewWithPosOnlyArgs(
    argcount: c_int,
    posonlyargcount: c_int,
    kwonlyargcount: c_int,
    _nlocals: c_int,
    stacksize: c_int,
    flags: c_int,
    code: *mut PyObject,
    consts: *mut PyObject,
    names: *mut PyObject,
    varnames: *mut PyObject,
    freevars: *mut PyObject,
    cellvars: *mut PyObject,
    filename: *mut PyObject,
    name: *mut PyObject,
    qualname: *mut PyObject,
    firstlineno: c_int,
    linetable: *mut PyObject,
    exceptiontable: *mut PyObject,
) -> *mut PyCodeObject {
    new_code(
        argcount, posonlyargcount, kwonlyargcount, stacksize, flags, code, consts, names, varnames, freevars, cellvars,
        filename, name, qualname, firstlineno, linetable, exceptiontable,
    )
    .unwrap_or(core::ptr::null_mut())
}

/// `PyCodeObject *PyCode_New(...)`: `PyCode_NewWithPosOnlyArgs` without positional-only
/// parameters.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyCode_New(
    argcount: c_int,
    kwonlyargcount: c_int,
    nlocals: c_int,
    stacksize: c_int,
    flags: c_int,
    code: *mut PyObject,
    consts: *mut PyObject,
    names: *mut PyObject,
    varnames: *mut PyObject,
    freevars: *mut PyObject,
    cellvars: *mut PyObject,
    filename: *mut PyObject,
    name: *mut PyObject,
    qualname: *mut PyObject,
    firstlineno: c_int,
    linetable: *mut PyObject,
    exceptiontable: *mut PyObject,
) -> *mut PyCodeObject {
    PyCode_NewWithPosOnlyArgs(
        argcount, 0, kwonlyargcount, nlocals, stacksize, flags, code, consts, names, varnames, freevars, cellvars,
        filename, name, qualname, firstlineno, linetable, exceptiontable,
    )
}
