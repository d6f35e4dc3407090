//! What the eval loop needs of a code object beyond CPython's public fields: the instruction
//! words it executes, the line and exception tables, and the frame geometry. A code object
//! owns one `CodeRt`, kept behind its private `_co_linearray` pointer (CPython's lazily
//! built line array, which we never build).
//!
//! This is the runtime's slim form of a compiler `CodeUnit` (memory, issue 6): the names,
//! constants and counts exist as the code object's own objects and fields, so only what
//! the loop and the tracing/`dis` views read is kept, in one allocation with the rest
//! (code_unit_full.rs rebuilds a whole unit for `marshal` and `code.replace`).
use ferropy_compiler::code::{CodeUnit, Constant, Decoded, ExceptionEntry, Position};
use ferropy_compiler::line_table::LineTable;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::code::PyCodeObject;
use crate::objects::code_names::NameMemo;
use crate::objects::{bytes, complex, float, set, str as pystr, tuple};

/// The runtime side of a code object.
pub(crate) struct CodeRt {
    /// The instruction words (owned: a leaked `Box<[u32]>`, freed on drop), kept as a raw
    /// pointer because the caches write cache words' arguments through it; one load finds
    /// them from a frame.
    words_at: *mut u32,
    nwords: u32,
    /// `varnames`, then cells, then free variables: the frame's slots before its stack.
    pub nvars: u32,
    pub ncells: u32,
    pub nfree: u32,
    /// `nvars + ncells + nfree`, kept: the eval loop finds its value stack's bottom with it
    /// on every call and return.
    nlocalsplus_n: u32,
    /// The value stack's depth.
    pub stacksize: u32,
    /// Positions per word (decoded on use, line_table.rs).
    pub lines: LineTable,
    /// The handlers, innermost first.
    pub exceptions: Box<[ExceptionEntry]>,
    /// Per cell: the index of the parameter of the same name (whose value `MAKE_CELL`
    /// moves into the cell), or -1.
    pub cell_arg: Box<[i32]>,
    pub varnames: PyRef,
    pub cellvars: PyRef,
    pub freevars: PyRef,
    /// The eval loop's per-instruction caches (eval/specialize_cache.rs).
    pub caches: crate::eval::specialize_cache::Caches,
    /// The CPython-format view (`co_code`, offsets), made when first asked for.
    pub public: std::sync::OnceLock<Box<crate::objects::code_public::PublicCode>>,
}

impl CodeRt {
    /// The words the loop runs: the compiler's, with the eval loop's cache indices written
    /// into cache words when the code first runs (`code_unit_full::original_code` clears
    /// them).
    #[inline(always)]
    pub fn words(&self) -> &[u32] {
        // SAFETY: `words_at` holds `nwords` words for the life of this `CodeRt` (only its
        // cache words' arguments are written, by `caches`, under the GIL).
        unsafe { core::slice::from_raw_parts(self.words_at, self.nwords as usize) }
    }

    /// Slots before the value stack.
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.nlocalsplus_n as usize
    }

    /// Slots of a frame running this code: locals, cells, free variables, the stack.
    #[inline]
    pub fn frame_slots(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }

    /// Position of the instruction at word index `at`.
    pub fn position(&self, at: u32) -> Position {
        self.lines.position(at)
    }

    /// The handler covering word index `at`, if any (innermost entries come first).
    pub fn handler(&self, at: u32) -> Option<&ExceptionEntry> {
        self.exceptions.iter().find(|e| e.start <= at && at < e.end)
    }

    /// The instructions, `EXTENDED_ARG` folded and caches skipped.
    pub fn instructions(&self) -> Result<Vec<Decoded>, String> {
        ferropy_compiler::code::decode_words(self.words())
    }
}

impl Drop for CodeRt {
    fn drop(&mut self) {
        // SAFETY: `words_at`/`nwords` came from `Box::into_raw` of a boxed slice in `build`.
        unsafe { drop(Box::from_raw(core::ptr::slice_from_raw_parts_mut(self.words_at, self.nwords as usize))) }
    }
}

/// The `CodeRt` of a code object made by `code_type::from_unit`.
///
/// # Safety
/// `co` is a live code object.
#[inline]
pub(crate) unsafe fn rt<'a>(co: *mut PyCodeObject) -> &'a CodeRt {
    &*((*co)._co_linearray as *const CodeRt)
}

/// Decodes the parser's WTF-8 (UTF-8 in which lone surrogates may appear) into a str.
pub(crate) fn str_from_wtf8(b: &[u8]) -> PyResult<PyRef> {
    if let Ok(s) = core::str::from_utf8(b) {
        return pystr::from_utf8(s);
    }
    let mut cps = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as u32;
        let (cp, n) = if c < 0x80 {
            (c, 1)
        } else if c < 0xe0 && i + 1 < b.len() {
            (((c & 0x1f) << 6) | (b[i + 1] as u32 & 0x3f), 2)
        } else if c < 0xf0 && i + 2 < b.len() {
            (((c & 0x0f) << 12) | ((b[i + 1] as u32 & 0x3f) << 6) | (b[i + 2] as u32 & 0x3f), 3)
        } else if i + 3 < b.len() {
            (((c & 0x07) << 18) | ((b[i + 1] as u32 & 0x3f) << 12) | ((b[i + 2] as u32 & 0x3f) << 6) | (b[i + 3] as u32 & 0x3f), 4)
        } else {
            (0xfffd, 1)
        };
        cps.push(cp);
        i += n;
    }
    pystr::from_code_points(&cps)
}

/// Whether CPython would intern a string constant: only name characters.
pub(crate) fn looks_like_name(b: &[u8]) -> bool {
    b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// An int constant from its exact decimal digits (an optional leading '-').
pub(crate) fn int_from_digits(s: &str) -> PyResult<PyRef> {
    match s.parse::<i64>() {
        Ok(v) => crate::objects::int::from_i64(v),
        Err(_) => crate::objects::long_str::from_text(s.as_bytes(), 10, || s.to_string()),
    }
}

/// A compile-time constant as an object (nested code units become code objects).
pub(crate) fn constant(c: &Constant, filename: *mut PyObject, memo: &mut NameMemo) -> PyResult<PyRef> {
    // SAFETY: the singletons are static objects.
    unsafe {
        Ok(match c {
            Constant::None => crate::abstract_::new_ref(crate::abstract_::none()),
            Constant::Ellipsis => crate::abstract_::new_ref(&raw mut crate::objects::singletons::_Py_EllipsisObject),
            Constant::Bool(b) => crate::abstract_::new_ref(crate::objects::bool::PyBool_FromLong(*b as _)),
            Constant::Int(s) => int_from_digits(s)?,
            Constant::Float(f) => float::new(*f)?,
            Constant::Complex { real, imag } => complex::new(crate::objects::complex::Py_complex { real: *real, imag: *imag })?,
            Constant::Str(s) => {
                if looks_like_name(s) {
                    memo.intern(core::str::from_utf8_unchecked(s))?
                } else {
                    str_from_wtf8(s)?
                }
            }
            Constant::Bytes(b) => bytes::from_slice(b)?,
            Constant::Tuple(items) => {
                let v = items.iter().map(|i| constant(i, filename, memo)).collect::<PyResult<Vec<_>>>()?;
                let t = tuple::from_vec(v)?;
                crate::gc::collect::untrack_tuple_of_atoms(t.as_ptr());
                t
            }
            Constant::FrozenSet(items) => {
                let v = items.iter().map(|i| constant(i, filename, memo)).collect::<PyResult<Vec<_>>>()?;
                let t = tuple::from_vec(v)?;
                set::new(true, t.as_ptr())?
            }
            Constant::Code(unit) => crate::objects::code_type::from_shared_unit(std::sync::Arc::clone(unit), filename, memo)?,
        })
    }
}

/// A tuple of interned names.
pub(crate) fn name_tuple(names: &[String], memo: &mut NameMemo) -> PyResult<PyRef> {
    let v = names.iter().map(|n| memo.intern(n)).collect::<PyResult<Vec<_>>>()?;
    tuple::from_vec(v)
}

/// Whether every word's opcode byte is one the loop dispatches (`opcode_fast::is_runnable`:
/// the opcodes up to `CACHE`, and 0xff). Adding one maps 0xff to 0 and the opcodes to
/// `1..=CACHE + 1`, so the largest sum says it for the whole slice.
fn all_runnable(words: &[u32]) -> bool {
    let top = (ferropy_compiler::opcode::Op::CACHE as u8).wrapping_add(1);
    words.iter().fold(0u8, |m, &w| m.max((w as u8).wrapping_add(1))) <= top
}

/// Builds the runtime side of `unit` (whose name lists are the tuples given): its words
/// and tables move here, the rest of it (names, constants, counts: the code object's own)
/// is dropped.
pub(crate) fn build(unit: CodeUnit, varnames: PyRef, cellvars: PyRef, freevars: PyRef) -> PyResult<CodeRt> {
    let nparams = (unit.argcount + unit.kwonlyargcount) as usize
        + (unit.flags & ferropy_compiler::code::flags::VARARGS != 0) as usize
        + (unit.flags & ferropy_compiler::code::flags::VARKEYWORDS != 0) as usize;
    // SAFETY: the name tuples hold strs (interned ones: equal names are mostly the same object).
    let (params, cells) = unsafe { (tuple::items(varnames.as_ptr()), tuple::items(cellvars.as_ptr())) };
    let params = &params[..nparams.min(params.len())];
    let cell_arg = cells
        .iter()
        .map(|&c| params.iter().position(|&v| unsafe { pystr::eq(v, c) }).map_or(-1, |i| i as i32))
        .collect();
    let (nvars, ncells, nfree) = unsafe { (tuple::len(varnames.as_ptr()) as u32, cells.len() as u32, tuple::len(freevars.as_ptr()) as u32) };
    // The loop's dispatch has no arm for other bytes (eval/opcode_fast.rs). A fold with
    // no early exit (the compiler vectorizes it) costs far less per word than a search;
    // only a bad unit is searched for its first bad byte.
    if !all_runnable(&unit.code) {
        let w = unit.code.iter().find(|&&w| !crate::eval::opcode_fast::is_runnable(w as u8)).map_or(0, |&w| w as u8);
        return Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_SystemError,
            format!("unknown opcode {w}"),
        ));
    }
    let CodeUnit { code, lines, exceptions, stacksize, .. } = unit;
    let nwords = u32::try_from(code.len()).map_err(|_| {
        crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_OverflowError, "code too long")
    })?;
    let words_at = Box::into_raw(code.into_boxed_slice()) as *mut u32;
    // SAFETY: the words are ours alone and never resized: the buffer lives as long as
    // this `CodeRt`, and only the caches write to it (the sites are numbered in place
    // when the code first runs: most code an import makes never runs during it).
    let caches = unsafe { crate::eval::specialize_cache::Caches::new(words_at, nwords as usize) };
    Ok(CodeRt {
        words_at,
        nwords,
        caches,
        nvars,
        ncells,
        nfree,
        nlocalsplus_n: nvars + ncells + nfree,
        stacksize,
        lines,
        exceptions: exceptions.into_boxed_slice(),
        cell_arg,
        varnames,
        cellvars,
        freevars,
        public: std::sync::OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::all_runnable;
    use crate::eval::opcode_fast::is_runnable;

    #[test]
    fn all_runnable_agrees_with_is_runnable_for_every_byte() {
        for b in 0..=255u32 {
            let word = b | 0x1234_00;
            assert_eq!(all_runnable(&[0x01, word, 0x02]), is_runnable(b as u8), "byte {b}");
        }
        assert!(all_runnable(&[]));
    }
}
