//! `PyCode_Type`: code objects made from the compiler's `CodeUnit`s. The public 3.11 fields
//! are filled as CPython fills them (counts, flags, names, consts); the executed words and
//! tables live in the `CodeRt` (code_rt.rs) the object owns.
use core::ffi::{c_int, c_void};

use std::sync::Arc;

use ferropy_compiler::code::CodeUnit;

use crate::errors::baseexception::{END_GETSET, END_MEMBER};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_INT, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::PyTypeObject;
use crate::objects::code::PyCodeObject;
use crate::objects::code_names::NameMemo;
use crate::objects::code_rt::{self, CodeRt};
use crate::objects::{bytes, str as pystr};

/// `PyCode_Type`: the type of code objects.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyCode_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(code_dealloc),
    tp_weaklistoffset: core::mem::offset_of!(PyCodeObject, co_weakreflist) as isize,
    tp_repr: Some(code_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_members: &raw mut CODE_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut CODE_GETSET as *mut PyGetSetDef,
    tp_methods: &raw mut CODE_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_richcompare: Some(crate::objects::code_replace::code_richcompare),
    tp_hash: Some(crate::objects::code_replace::code_hash),
    ..static_type(
        c"code",
        core::mem::offset_of!(PyCodeObject, co_code_adaptive),
        2,
        0,
        Some(c"Create a code object.  Not for the faint of heart."),
    )
};

/// `PyCode_Check`.
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_code(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyCode_Type
}

/// A code object for `unit` (its nested units become code objects in `co_consts`).
pub(crate) fn from_unit(unit: CodeUnit) -> PyResult<PyRef> {
    let filename = pystr::from_utf8(&unit.filename)?;
    from_unit_with_filename(unit, filename.as_ptr())
}

/// As `from_unit`, sharing one filename object among a module's code objects. A shared
/// unit (a nested one, still held by its parent's constants) is not copied.
pub(crate) fn from_unit_with_filename(unit: impl Into<Arc<CodeUnit>>, filename: *mut PyObject) -> PyResult<PyRef> {
    from_shared_unit(unit.into(), filename, &mut NameMemo::default())
}

/// The code object of `unit`, its names interned through `memo` (shared by the whole tree).
pub(crate) fn from_shared_unit(mut unit: Arc<CodeUnit>, filename: *mut PyObject, memo: &mut NameMemo) -> PyResult<PyRef> {
    // A unit we alone hold gives its constants away, so that nested units reach their
    // code objects unshared and move their words instead of copying them.
    let consts = match Arc::get_mut(&mut unit) {
        Some(u) => core::mem::take(&mut u.consts)
            .into_iter()
            .map(|c| match c {
                ferropy_compiler::code::Constant::Code(nested) => from_shared_unit(nested, filename, memo),
                c => code_rt::constant(&c, filename, memo),
            })
            .collect::<PyResult<Vec<_>>>()?,
        None => unit.consts.iter().map(|c| code_rt::constant(c, filename, memo)).collect::<PyResult<Vec<_>>>()?,
    };
    let consts = crate::objects::tuple::from_vec(consts)?;
    let names = code_rt::name_tuple(&unit.names, memo)?;
    let varnames = code_rt::name_tuple(&unit.varnames, memo)?;
    let cellvars = code_rt::name_tuple(&unit.cellvars, memo)?;
    let freevars = code_rt::name_tuple(&unit.freevars, memo)?;
    let name = memo.intern(&unit.name)?;
    let qualname = memo.intern(&unit.qualname)?;
    // The runtime keeps the words and tables only: a shared unit lends copies of those.
    let unit = Arc::try_unwrap(unit).unwrap_or_else(|u| CodeUnit {
        code: u.code.clone(),
        lines: u.lines.clone(),
        exceptions: u.exceptions.clone(),
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: u.flags,
        firstlineno: u.firstlineno,
        stacksize: u.stacksize,
        ..CodeUnit::default()
    });
    assemble(CodeParts { consts, names, varnames, cellvars, freevars, name, qualname, filename, unit })
}

/// A code object's parts as objects: what `assemble` puts together (made from a compiled
/// unit above, or straight from a cache file's bytes, import/cache_objects.rs).
pub(crate) struct CodeParts {
    /// The instruction words, tables and counts; its names and constants are not read.
    pub unit: CodeUnit,
    /// A tuple of the constants.
    pub consts: PyRef,
    /// Tuples of interned strs.
    pub names: PyRef,
    pub varnames: PyRef,
    pub cellvars: PyRef,
    pub freevars: PyRef,
    pub name: PyRef,
    pub qualname: PyRef,
    /// Borrowed: shared by a module's code objects.
    pub filename: *mut PyObject,
}

/// The code object of `p`.
pub(crate) fn assemble(p: CodeParts) -> PyResult<PyRef> {
    let empty = bytes::from_slice(&[])?;
    let u = &p.unit;
    let counts = [u.flags, u.argcount, u.posonlyargcount, u.kwonlyargcount, u.stacksize, u.firstlineno].map(|c| c as c_int);
    let rt = code_rt::build(p.unit, p.varnames, p.cellvars, p.freevars)?;
    let (consts, names, name, qualname, filename) = (p.consts, p.names, p.name, p.qualname, p.filename);
    // SAFETY: a fresh object of the code type, filled before anyone sees it.
    unsafe {
        let op = crate::object::objimpl::_PyObject_NewVar(&raw mut PyCode_Type, 0) as *mut PyObject;
        let op = PyRef::from_owned(op).ok_or_else(Raised::assume_set)?;
        let co = op.as_ptr() as *mut PyCodeObject;
        // Without cells and free variables the slot names are the variable names: one
        // tuple serves both (co_localsplusnames is not visible from Python).
        let plus = if rt.ncells == 0 && rt.nfree == 0 {
            rt.varnames.clone()
        } else {
            let plus: Vec<PyRef> = crate::objects::tuple::items(rt.varnames.as_ptr())
                .iter()
                .chain(crate::objects::tuple::items(rt.cellvars.as_ptr()))
                .chain(crate::objects::tuple::items(rt.freevars.as_ptr()))
                .map(|&n| crate::abstract_::new_ref(n))
                .collect();
            crate::objects::tuple::from_vec(plus)?
        };
        for t in [&consts, &names, &rt.varnames, &rt.cellvars, &rt.freevars, &plus] {
            crate::gc::collect::untrack_tuple_of_atoms(t.as_ptr());
        }
        let [flags, argcount, posonlyargcount, kwonlyargcount, stacksize, firstlineno] = counts;
        (*co).co_consts = consts.into_ptr();
        (*co).co_names = names.into_ptr();
        (*co).co_exceptiontable = empty.clone().into_ptr();
        (*co).co_flags = flags;
        (*co).co_warmup = 0;
        (*co)._co_linearray_entry_size = 0;
        (*co).co_argcount = argcount;
        (*co).co_posonlyargcount = posonlyargcount;
        (*co).co_kwonlyargcount = kwonlyargcount;
        (*co).co_stacksize = stacksize;
        (*co).co_firstlineno = firstlineno;
        (*co).co_nlocalsplus = rt.nlocalsplus() as c_int;
        (*co).co_nlocals = rt.nvars as c_int;
        (*co).co_nplaincellvars = rt.cell_arg.iter().filter(|&&a| a < 0).count() as c_int;
        (*co).co_ncellvars = rt.ncells as c_int;
        (*co).co_nfreevars = rt.nfree as c_int;
        (*co).co_localsplusnames = plus.into_ptr();
        (*co).co_localspluskinds = empty.clone().into_ptr();
        (*co).co_filename = crate::abstract_::new_ref(filename).into_ptr();
        (*co).co_name = name.into_ptr();
        (*co).co_qualname = qualname.into_ptr();
        (*co).co_linetable = empty.into_ptr();
        (*co).co_weakreflist = core::ptr::null_mut();
        (*co)._co_code = core::ptr::null_mut();
        (*co)._co_firsttraceable = 0;
        (*co).co_extra = core::ptr::null_mut();
        (*co)._co_linearray = Box::into_raw(Box::new(rt)) as *mut core::ffi::c_char;
        Ok(op)
    }
}

unsafe extern "C" fn code_dealloc(op: *mut PyObject) {
    crate::objects::weakref::clear_weakrefs_if_any(op);
    let co = op as *mut PyCodeObject;
    for f in [
        &mut (*co).co_consts,
        &mut (*co).co_names,
        &mut (*co).co_exceptiontable,
        &mut (*co).co_localsplusnames,
        &mut (*co).co_localspluskinds,
        &mut (*co).co_filename,
        &mut (*co).co_name,
        &mut (*co).co_qualname,
        &mut (*co).co_linetable,
        &mut (*co)._co_code,
    ] {
        drop(PyRef::from_owned(core::mem::replace(f, core::ptr::null_mut())));
    }
    let rt = core::mem::replace(&mut (*co)._co_linearray, core::ptr::null_mut());
    if !rt.is_null() {
        drop(Box::from_raw(rt as *mut CodeRt));
    }
    crate::object::pymem::PyObject_Free(op as *mut c_void);
}

unsafe extern "C" fn code_repr(op: *mut PyObject) -> *mut PyObject {
    let co = op as *mut PyCodeObject;
    let name = pystr::to_string((*co).co_name);
    // CPython puts the file name between double quotes as it is (no escaping).
    let file = pystr::to_string((*co).co_filename);
    let text = format!("<code object {name} at {op:p}, file \"{file}\", line {}>", (*co).co_firstlineno);
    crate::abstract_::ret_obj(pystr::from_utf8(&text))
}

pub(crate) unsafe extern "C" fn get_varnames(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::new_ref(code_rt::rt(op as *mut PyCodeObject).varnames.as_ptr()).into_ptr()
}
pub(crate) unsafe extern "C" fn get_cellvars(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::new_ref(code_rt::rt(op as *mut PyCodeObject).cellvars.as_ptr()).into_ptr()
}
pub(crate) unsafe extern "C" fn get_freevars(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::abstract_::new_ref(code_rt::rt(op as *mut PyCodeObject).freevars.as_ptr()).into_ptr()
}
/// `co_code`: CPython-format bytecode translated from our words (code_public.rs).
pub(crate) unsafe extern "C" fn get_code(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    // A code object from PyCode_New keeps the bytecode it was given.
    let given = (*(op as *mut PyCodeObject))._co_code;
    if !given.is_null() {
        return crate::abstract_::new_ref(given).into_ptr();
    }
    crate::abstract_::ret_obj(bytes::from_slice(&crate::objects::code_public::of(op as *mut PyCodeObject).code))
}

/// `co_exceptiontable`: CPython's format over the translated `co_code`.
unsafe extern "C" fn get_exceptiontable(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let co = op as *mut PyCodeObject;
    if crate::objects::code_public::is_given(co) {
        return crate::abstract_::new_ref((*co).co_exceptiontable).into_ptr();
    }
    crate::abstract_::ret_obj(bytes::from_slice(&crate::objects::code_public::of(co).exceptions))
}

/// `code._varname_from_oparg(i)`: the name of local slot `i` (variables, cells, free
/// variables), as `dis` resolves local and cell arguments.
unsafe extern "C" fn varname_from_oparg(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj((|| {
        let i = crate::objects::long_convert::as_i64(arg)?;
        let rt = code_rt::rt(op as *mut PyCodeObject);
        let mut names = [rt.varnames.as_ptr(), rt.cellvars.as_ptr(), rt.freevars.as_ptr()].into_iter();
        let mut i = i;
        loop {
            let Some(t) = names.next() else {
                return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_IndexError, "tuple index out of range"));
            };
            let n = crate::objects::tuple::len(t) as i64;
            if (0..n).contains(&i) {
                return Ok(crate::abstract_::new_ref(crate::objects::tuple::items(t)[i as usize]));
            }
            i -= n.max(0);
            if i < 0 {
                return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_IndexError, "tuple index out of range"));
            }
        }
    })())
}

macro_rules! member {
    ($name:literal, $t:expr, $field:ident) => {
        PyMemberDef {
            name: $name.as_ptr(),
            r#type: $t,
            offset: core::mem::offset_of!(PyCodeObject, $field) as isize,
            flags: READONLY,
            doc: core::ptr::null(),
        }
    };
}

static mut CODE_MEMBERS: [PyMemberDef; 14] = [
    member!(c"co_argcount", T_INT, co_argcount),
    member!(c"co_posonlyargcount", T_INT, co_posonlyargcount),
    member!(c"co_kwonlyargcount", T_INT, co_kwonlyargcount),
    member!(c"co_stacksize", T_INT, co_stacksize),
    member!(c"co_flags", T_INT, co_flags),
    member!(c"co_nlocals", T_INT, co_nlocals),
    member!(c"co_consts", T_OBJECT, co_consts),
    member!(c"co_names", T_OBJECT, co_names),
    member!(c"co_filename", T_OBJECT, co_filename),
    member!(c"co_name", T_OBJECT, co_name),
    member!(c"co_qualname", T_OBJECT, co_qualname),
    member!(c"co_firstlineno", T_INT, co_firstlineno),
    member!(c"co_linetable", T_OBJECT, co_linetable),
    END_MEMBER,
];

static mut CODE_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef { name: c"co_varnames".as_ptr(), get: Some(get_varnames), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"co_cellvars".as_ptr(), get: Some(get_cellvars), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"co_freevars".as_ptr(), get: Some(get_freevars), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"co_code".as_ptr(), get: Some(get_code), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"co_exceptiontable".as_ptr(), get: Some(get_exceptiontable), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    END_GETSET,
];

static mut CODE_METHODS: [crate::object::methods::PyMethodDef; 5] = [
    crate::modules::fast_kw(
        c"replace",
        crate::objects::code_replace::code_replace,
        c"replace($self, /, *, co_argcount=-1, co_posonlyargcount=-1, co_kwonlyargcount=-1, co_nlocals=-1, co_stacksize=-1, co_flags=-1, co_firstlineno=-1, co_code=None, co_consts=None, co_names=None, co_varnames=None, co_freevars=None, co_cellvars=None, co_filename=None, co_name=None, co_qualname=None, co_linetable=None, co_exceptiontable=None)\n--\n\nReturn a copy of the code object with new values for the specified fields.",
    ),
    crate::modules::meth(c"co_positions", crate::objects::code_positions::co_positions, crate::object::methods::METH_NOARGS, c""),
    crate::modules::meth(c"co_lines", crate::objects::code_positions::co_lines, crate::object::methods::METH_NOARGS, c""),
    crate::modules::meth(c"_varname_from_oparg", varname_from_oparg, crate::object::methods::METH_O, c"(internal-only) Return the local variable name for the given oparg.\n\nWARNING: this method is for internal use only and may change or go away."),
    crate::modules::END,
];
