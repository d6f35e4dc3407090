//! The whole compiler unit of a code object, for the few users that need one
//! (`marshal.dumps`, `code.replace`).
//!
//! A code object keeps no compiler `CodeUnit` (memory, issue 6): its names, variable names
//! and constants exist as Python objects (`co_names`, `co_consts`, the name tuples of its
//! `CodeRt`), its counts as its public fields, and its `CodeRt` keeps only the instruction
//! words and the line and exception tables. `full_unit` puts a unit back together from those.
use std::sync::Arc;

use ferropy_compiler::code::{CodeUnit, Constant};

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::code::PyCodeObject;
use crate::objects::{code_rt, str as pystr, tuple};

/// The whole compiler unit of `co`: its runtime words and tables, its counts, and the
/// names, constants and file name read back from the code object (nested code objects
/// recursively).
///
/// # Safety
/// `co` is a live code object.
pub(crate) unsafe fn full_unit(co: *mut PyCodeObject) -> PyResult<CodeUnit> {
    let rt = code_rt::rt(co);
    Ok(CodeUnit {
        code: original_code(rt.words()),
        consts: tuple::items((*co).co_consts).iter().map(|&c| constant(c)).collect::<PyResult<_>>()?,
        names: names((*co).co_names),
        varnames: names(rt.varnames.as_ptr()),
        cellvars: names(rt.cellvars.as_ptr()),
        freevars: names(rt.freevars.as_ptr()),
        argcount: (*co).co_argcount as u32,
        posonlyargcount: (*co).co_posonlyargcount as u32,
        kwonlyargcount: (*co).co_kwonlyargcount as u32,
        flags: (*co).co_flags as u32,
        firstlineno: (*co).co_firstlineno as u32,
        name: pystr::to_string((*co).co_name),
        qualname: pystr::to_string((*co).co_qualname),
        filename: pystr::to_string((*co).co_filename),
        stacksize: rt.stacksize,
        lines: rt.lines.clone(),
        exceptions: rt.exceptions.to_vec(),
    })
}

/// The strs of a name tuple as Rust strings.
unsafe fn names(t: *mut PyObject) -> Vec<String> {
    tuple::items(t).iter().map(|&n| if pystr::is_str(n) { pystr::to_string(n) } else { String::new() }).collect()
}

/// The compiler's form of a constant object (what the compiler could have produced).
unsafe fn constant(op: *mut PyObject) -> PyResult<Constant> {
    use crate::objects::{bool, bytes, complex, float, int, set, singletons};
    let tp = (*op).ob_type;
    Ok(if op == crate::abstract_::none() {
        Constant::None
    } else if op == &raw mut singletons::_Py_EllipsisObject {
        Constant::Ellipsis
    } else if tp == &raw mut bool::PyBool_Type {
        Constant::Bool(op == bool::true_())
    } else if tp == &raw mut int::PyLong_Type {
        // Not `str()`: a constant is not subject to the int-to-str digit limit.
        let mut digits = crate::objects::long_str::mag_to_decimal(int::digits(op));
        if int::size_of(op) < 0 {
            digits.insert(0, '-');
        }
        Constant::Int(digits)
    } else if tp == &raw mut float::PyFloat_Type {
        Constant::Float(float::value(op))
    } else if tp == &raw mut complex::PyComplex_Type {
        let c = complex::cval(op);
        Constant::Complex { real: c.real, imag: c.imag }
    } else if tp == &raw mut pystr::PyUnicode_Type {
        Constant::Str(Arc::from(wtf8(op)))
    } else if tp == &raw mut bytes::PyBytes_Type {
        Constant::Bytes(Arc::from(bytes::as_slice(op)))
    } else if tp == &raw mut tuple::PyTuple_Type {
        let items = tuple::items(op).iter().map(|&i| constant(i)).collect::<PyResult<Vec<_>>>()?;
        Constant::Tuple(Arc::from(items))
    } else if tp == &raw mut set::PyFrozenSet_Type {
        let items = set::elements(op).into_iter().map(|(k, _)| constant(k)).collect::<PyResult<Vec<_>>>()?;
        Constant::FrozenSet(Arc::from(items))
    } else if crate::objects::code_type::is_code(op) {
        Constant::Code(Arc::new(full_unit(op as *mut PyCodeObject)?))
    } else {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "unmarshallable object"));
    })
}

/// A str as WTF-8: UTF-8 in which lone surrogates keep their three-byte form (the
/// parser's form of string constants).
unsafe fn wtf8(op: *mut PyObject) -> Vec<u8> {
    let n = pystr::len(op);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let c = pystr::read_char(op, i);
        match char::from_u32(c) {
            Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes()),
            None => out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]),
        }
    }
    out
}

/// The name of cell or free slot `i` (cells first), borrowed from the name tuples (the
/// stripped unit has no names); `None` past the end.
pub(crate) fn deref_name(rt: &code_rt::CodeRt, i: u32) -> Option<*mut PyObject> {
    let i = i as usize;
    // SAFETY: the name tuples live as long as the code object that owns `rt`.
    unsafe {
        let cells = tuple::items(rt.cellvars.as_ptr());
        match cells.get(i) {
            Some(&n) => Some(n),
            None => tuple::items(rt.freevars.as_ptr()).get(i - cells.len()).copied(),
        }
    }
}

/// The compiler's instruction words from the ones the loop runs: every cache word back to
/// a plain `CACHE` (the eval loop keeps its cache indices in their arguments).
pub(crate) fn original_code(words: &[u32]) -> Vec<u32> {
    use ferropy_compiler::opcode::Op;
    let mut out = words.to_vec();
    let mut i = 0;
    while i < out.len() {
        let n = Op::from_u8(out[i] as u8).map_or(0, |op| op.cache_words() as usize);
        let end = (i + 1 + n).min(out.len());
        out[i + 1..end].fill(Op::CACHE as u32);
        i = end;
    }
    out
}
