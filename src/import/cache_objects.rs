//! Code objects straight from a cache payload (`ferropy_compiler::code_cache`, format 3):
//! each string of the file's table becomes a str object once, on first use (interned for
//! names and name-like constants, as CPython interns them), and every unit's names and
//! constants are made from those, with no Rust copies in between.
use ferropy_compiler::code_cache::{Build, NameRef, Parts, Scalar};

use crate::errors::raised::Raised;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::code_type::{self, CodeParts};
use crate::objects::{bytes, code_rt, complex, float, set, str as pystr, tuple};

/// Why a payload did not become code: damaged bytes, or a Python error (set).
pub(crate) enum Failure {
    Damaged,
    Raised(Raised),
}

impl From<String> for Failure {
    fn from(_: String) -> Self {
        Failure::Damaged
    }
}

impl From<Raised> for Failure {
    fn from(e: Raised) -> Self {
        Failure::Raised(e)
    }
}

/// One table string as made so far.
struct Made {
    obj: PyRef,
    interned: bool,
}

struct ObjectBuilder {
    filename: *mut PyObject,
    table: Vec<Option<Made>>,
}

/// The code object of `payload`, its file name `filename` (a str, shared by every unit).
pub(crate) fn code_from_payload(payload: &[u8], filename: *mut PyObject) -> Result<PyRef, Failure> {
    let mut b = ObjectBuilder { filename, table: Vec::new() };
    ferropy_compiler::code_cache::read_with(payload, &mut b)
}

impl ObjectBuilder {
    fn slot(&mut self, index: usize) -> &mut Option<Made> {
        if index >= self.table.len() {
            self.table.resize_with(index + 1, || None);
        }
        &mut self.table[index]
    }
}


impl Build for ObjectBuilder {
    type Str = PyRef;
    /// A tuple of strs.
    type Names = PyRef;
    type Const = PyRef;
    type Code = PyRef;
    type Error = Failure;

    fn table_len(&mut self, n: usize) {
        self.table.resize_with(n, || None);
    }

    fn names(&mut self, items: &[NameRef<'_>]) -> Result<PyRef, Failure> {
        let t = tuple::new(items.len())?;
        for (k, &(index, text)) in items.iter().enumerate() {
            let name = self.name(index, text)?;
            // SAFETY: `t` is a fresh tuple of this length, its items still NULL.
            unsafe { tuple::init_item(t.as_ptr(), k, name) };
        }
        Ok(t)
    }

    fn name(&mut self, index: usize, text: &[u8]) -> Result<PyRef, Failure> {
        let slot = self.slot(index);
        if let Some(m) = slot.as_ref().filter(|m| m.interned) {
            return Ok(m.obj.clone());
        }
        // Names are nearly always ASCII, which needs no UTF-8 decoding check.
        let text = if text.is_ascii() {
            // SAFETY: ASCII is UTF-8.
            unsafe { core::str::from_utf8_unchecked(text) }
        } else {
            core::str::from_utf8(text).map_err(|_| Failure::Damaged)?
        };
        let obj = pystr::intern_text(text)?;
        *slot = Some(Made { obj: obj.clone(), interned: true });
        Ok(obj)
    }

    fn str_const(&mut self, index: usize, text: &[u8]) -> Result<PyRef, Failure> {
        let slot = self.slot(index);
        if let Some(m) = slot.as_ref() {
            return Ok(m.obj.clone());
        }
        let interned = code_rt::looks_like_name(text);
        // SAFETY: name-like bytes are ASCII.
        let obj = if interned { pystr::intern_text(unsafe { core::str::from_utf8_unchecked(text) })? } else { code_rt::str_from_wtf8(text)? };
        *slot = Some(Made { obj: obj.clone(), interned });
        Ok(obj)
    }

    fn scalar(&mut self, value: Scalar<'_>) -> Result<PyRef, Failure> {
        use crate::abstract_::new_ref;
        // SAFETY: the singletons are static objects.
        Ok(unsafe {
            match value {
                Scalar::None => new_ref(crate::abstract_::none()),
                Scalar::Ellipsis => new_ref(&raw mut crate::objects::singletons::_Py_EllipsisObject),
                Scalar::Bool(v) => new_ref(crate::objects::bool::PyBool_FromLong(v as _)),
                Scalar::Int(s) => code_rt::int_from_digits(s)?,
                Scalar::Float(f) => float::new(f)?,
                Scalar::Complex { real, imag } => complex::new(complex::Py_complex { real, imag })?,
                Scalar::Bytes(b) => bytes::from_slice(b)?,
            }
        })
    }

    fn sequence(&mut self, items: Vec<PyRef>, frozen: bool) -> Result<PyRef, Failure> {
        let t = tuple::from_vec(items)?;
        // SAFETY: `t` is a live tuple, its items set.
        unsafe {
            if frozen {
                return Ok(set::new(true, t.as_ptr())?);
            }
            crate::gc::collect::untrack_tuple_of_atoms(t.as_ptr());
        }
        Ok(t)
    }

    fn code_const(&mut self, code: PyRef) -> Result<PyRef, Failure> {
        Ok(code)
    }

    fn code(&mut self, p: Parts<PyRef, PyRef, PyRef>) -> Result<PyRef, Failure> {
        Ok(code_type::assemble(CodeParts {
            unit: p.unit,
            consts: tuple::from_vec(p.consts)?,
            names: p.names,
            varnames: p.varnames,
            cellvars: p.cellvars,
            freevars: p.freevars,
            name: p.name,
            qualname: p.qualname,
            filename: self.filename,
        })?)
    }
}
