//! `_struct.Struct`: a compiled format with `pack`, `pack_into`, `unpack`, `unpack_from`,
//! `iter_unpack`, `format` and `size`; and `_struct.unpack_iterator`, what `iter_unpack`
//! returns (it holds the buffer until exhausted).
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::unpack_keywords::{bind, bind_tuple_dict, Params};
use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::bytes_arg::{self, Bytes};
use crate::modules::{args_slice, owned};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{fast, fast_kw, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::objects::{bytes, int, str as pystr};

use super::format::{compile, Compiled};
use super::{pack::pack, struct_error, unpack::unpack};

/// The first fields follow CPython's `PyStructObject` (size, item count, codes, format,
/// weak references): extensions such as `_testbuffer` read `s_size`/`s_len` directly.
#[repr(C)]
pub(crate) struct StructObject {
    ob_base: PyObject,
    /// `calcsize(format)`, mirrored from `compiled` for C readers.
    s_size: isize,
    /// How many values the format packs, mirrored from `compiled`.
    s_len: isize,
    compiled: *mut Compiled,
    /// The format as a str.
    format: *mut PyObject,
    weakreflist: *mut PyObject,
}

pub(crate) unsafe fn compiled<'a>(s: *mut PyObject) -> &'a Compiled {
    &*(*(s as *mut StructObject)).compiled
}

unsafe extern "C" fn struct_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let op = owned(((*tp).tp_alloc.unwrap())(tp, 0))?;
        let s = op.as_ptr() as *mut StructObject;
        (*s).compiled = Box::into_raw(Box::new(compile(b"")?));
        (*s).s_size = 0;
        (*s).s_len = 0;
        (*s).format = pystr::from_utf8("")?.into_ptr();
        Ok(op)
    })())
}

/// Sets the format of Struct `s` from a str or bytes.
pub(crate) unsafe fn set_format(s: *mut PyObject, format: *mut PyObject) -> PyResult<()> {
    let (ascii, text) = if pystr::is_str(format) {
        let b = owned(crate::codecs::ascii::PyUnicode_AsASCIIString(format))?;
        (b, new_ref(format))
    } else if bytes::is_bytes(format) {
        let text = pystr::from_utf8(&String::from_utf8_lossy(bytes::as_slice(format)))?;
        (new_ref(format), text)
    } else {
        return Err(type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", tp_name(format))));
    };
    let c = compile(bytes::as_slice(ascii.as_ptr()))?;
    let s = s as *mut StructObject;
    (*s).s_size = c.size as isize;
    (*s).s_len = c.len as isize;
    drop(Box::from_raw((*s).compiled));
    (*s).compiled = Box::into_raw(Box::new(c));
    let old = core::mem::replace(&mut (*s).format, text.into_ptr());
    drop(PyRef::from_owned(old));
    Ok(())
}

static INIT: Params = Params { function: "Struct", names: &["format"], positional_only: 0, max_positional: 1, required: 1 };

unsafe extern "C" fn struct_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    match (|| {
        let (_holder, b) = bind_tuple_dict(&INIT, args, kw)?;
        set_format(op, b[0].unwrap())
    })() {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

unsafe extern "C" fn struct_dealloc(op: *mut PyObject) {
    let s = op as *mut StructObject;
    if !(*s).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    if !(*s).compiled.is_null() {
        drop(Box::from_raw((*s).compiled));
    }
    drop(PyRef::from_owned((*s).format));
    ((*(*op).ob_type).tp_free.unwrap())(op.cast());
}

/// `pack` of `s` into new bytes (`who` names the caller in count errors).
pub(crate) unsafe fn pack_bytes(s: *mut PyObject, values: &[*mut PyObject]) -> PyResult<PyRef> {
    let c = compiled(s);
    if values.len() != c.len {
        return Err(struct_error(&format!("pack expected {} items for packing (got {})", c.len, values.len())));
    }
    let out = bytes::alloc(c.size)?;
    let buf = core::slice::from_raw_parts_mut(bytes::data_ptr(out.as_ptr()), c.size);
    buf.fill(0);
    pack(c, values, buf)?;
    Ok(out)
}

/// `pack_into(buffer, offset, *values)` of `s`.
pub(crate) unsafe fn pack_into(s: *mut PyObject, args: &[*mut PyObject]) -> PyResult<PyRef> {
    let c = compiled(s);
    match args.len() {
        0 => return Err(struct_error("pack_into expected buffer argument")),
        1 => return Err(struct_error("pack_into expected offset argument")),
        n if n - 2 != c.len => {
            return Err(struct_error(&format!("pack_into expected {} items for packing (got {})", c.len, n - 2)))
        }
        _ => {}
    }
    let mut buffer = bytes_arg::write(args[0])?;
    let mut offset = crate::abstract_::item::as_ssize(args[1], Some(&raw mut exc::_PyExc_IndexError))?;
    let len = buffer.as_slice().len() as isize;
    let size = c.size as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(&format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(&format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(&format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset
        )));
    }
    let out = &mut buffer.as_mut_slice()[offset as usize..(offset + size) as usize];
    out.fill(0);
    pack(c, &args[2..], out)?;
    Ok(crate::modules::none_ref())
}

/// `unpack(buffer)` of `s`.
pub(crate) unsafe fn unpack_buffer(s: *mut PyObject, buffer: *mut PyObject) -> PyResult<PyRef> {
    let c = compiled(s);
    let b = bytes_arg::read(buffer)?;
    if b.as_slice().len() != c.size {
        return Err(struct_error(&format!("unpack requires a buffer of {} bytes", c.size)));
    }
    unpack(c, b.as_slice())
}

/// `unpack_from(buffer, offset=0)` of `s`.
pub(crate) unsafe fn unpack_from(s: *mut PyObject, buffer: *mut PyObject, offset: Option<*mut PyObject>) -> PyResult<PyRef> {
    let c = compiled(s);
    let b = bytes_arg::read(buffer)?;
    let mut offset = match offset {
        Some(o) => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
        None => 0,
    };
    let len = b.as_slice().len() as isize;
    let size = c.size as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(&format!("not enough data to unpack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(&format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(&format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset
        )));
    }
    unpack(c, &b.as_slice()[offset as usize..(offset + size) as usize])
}

/// `iter_unpack(buffer)` of `s`.
pub(crate) unsafe fn iter_unpack(s: *mut PyObject, buffer: *mut PyObject) -> PyResult<PyRef> {
    let c = compiled(s);
    if c.size == 0 {
        return Err(struct_error("cannot iteratively unpack with a struct of length 0"));
    }
    let b = bytes_arg::read(buffer)?;
    if b.as_slice().len() % c.size != 0 {
        return Err(struct_error(&format!("iterative unpacking requires a buffer of a multiple of {} bytes", c.size)));
    }
    let op = owned(crate::object::objimpl::_PyObject_New(&raw mut UNPACK_ITER_TYPE))?;
    let it = op.as_ptr() as *mut UnpackIter;
    (*it).strukt = new_ref(s).into_ptr();
    (*it).buffer = Box::into_raw(Box::new(b));
    (*it).index = 0;
    Ok(op)
}

unsafe extern "C" fn s_pack(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj(pack_bytes(op, args_slice(args, nargs)))
}

unsafe extern "C" fn s_pack_into(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj(pack_into(op, args_slice(args, nargs)))
}

unsafe extern "C" fn s_unpack(op: *mut PyObject, buffer: *mut PyObject) -> *mut PyObject {
    ret_obj(unpack_buffer(op, buffer))
}

static UNPACK_FROM: Params = Params { function: "unpack_from", names: &["buffer", "offset"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn s_unpack_from(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = bind(&UNPACK_FROM, args, nargs as usize, kw)?;
        unpack_from(op, b[0].unwrap(), b[1])
    })())
}

unsafe extern "C" fn s_iter_unpack(op: *mut PyObject, buffer: *mut PyObject) -> *mut PyObject {
    ret_obj(iter_unpack(op, buffer))
}

unsafe extern "C" fn s_sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let c = compiled(op);
    let n = (*(*op).ob_type).tp_basicsize as usize + core::mem::size_of::<Compiled>() + c.codes.len() * core::mem::size_of::<super::format::Code>();
    ret_obj(int::from_i64(n as i64))
}

unsafe extern "C" fn get_format(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref((*(op as *mut StructObject)).format).into_ptr()
}

unsafe extern "C" fn get_size(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret_obj(int::from_i64(compiled(op).size as i64))
}

static mut STRUCT_METHODS: [PyMethodDef; 7] = [
    fast(c"pack", s_pack, METH_FASTCALL).doc(c"S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\nto the format string S.format.  See help(struct) for more on format\nstrings."),
    fast(c"pack_into", s_pack_into, METH_FASTCALL).doc(c"S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on format strings."),
    plain(c"unpack", s_unpack, METH_O).doc(c"unpack($self, buffer, /)\n--\n\nReturn a tuple containing unpacked values."),
    fast_kw(c"unpack_from", s_unpack_from, METH_FASTCALL | METH_KEYWORDS).doc(c"unpack_from($self, /, buffer, offset=0)\n--\n\nReturn a tuple containing unpacked values."),
    plain(c"iter_unpack", s_iter_unpack, METH_O).doc(c"iter_unpack($self, buffer, /)\n--\n\nReturn an iterator yielding tuples."),
    plain(c"__sizeof__", s_sizeof, METH_NOARGS).doc(c"S.__sizeof__() -> size of S in memory, in bytes"),
    END,
];

static mut STRUCT_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"format".as_ptr(), get: Some(get_format), set: None, doc: c"struct format string".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"size".as_ptr(), get: Some(get_size), set: None, doc: c"struct size in bytes".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

pub(crate) static mut STRUCT_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(struct_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_weaklistoffset: offset_of!(StructObject, weakreflist) as isize,
    tp_methods: (&raw mut STRUCT_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut STRUCT_GETSET) as *mut PyGetSetDef,
    tp_init: Some(struct_init),
    tp_new: Some(struct_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_object),
    ..static_type(
        c"_struct.Struct",
        core::mem::size_of::<StructObject>(),
        0,
        Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_BASETYPE,
        Some(c"Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct object which writes and reads binary data according to\nthe format string.\n\nSee help(struct) for more on format strings."),
    )
};

// ---------------------------------------------------------------------------------------
// The iterator of `iter_unpack`.
// ---------------------------------------------------------------------------------------

#[repr(C)]
struct UnpackIter {
    ob_base: PyObject,
    strukt: *mut PyObject,
    /// The buffer (NULL once exhausted: it is released then, as CPython does).
    buffer: *mut Bytes,
    index: usize,
}

unsafe fn release(it: *mut UnpackIter) {
    if !(*it).buffer.is_null() {
        drop(Box::from_raw((*it).buffer));
        (*it).buffer = core::ptr::null_mut();
    }
}

unsafe extern "C" fn iter_dealloc(op: *mut PyObject) {
    let it = op as *mut UnpackIter;
    release(it);
    drop(PyRef::from_owned((*it).strukt));
    crate::object::pymem::PyObject_Free(op.cast());
}

unsafe extern "C" fn iter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut UnpackIter;
    if (*it).buffer.is_null() {
        return core::ptr::null_mut();
    }
    let c = compiled((*it).strukt);
    let data = (*(*it).buffer).as_slice();
    if (*it).index >= data.len() {
        release(it);
        return core::ptr::null_mut();
    }
    let at = (*it).index;
    (*it).index += c.size;
    ret_obj(unpack(c, &data[at..at + c.size]))
}

unsafe extern "C" fn iter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut UnpackIter;
    let left = if (*it).buffer.is_null() {
        0
    } else {
        ((*(*it).buffer).as_slice().len() - (*it).index) / compiled((*it).strukt).size
    };
    ret_obj(int::from_i64(left as i64))
}

static mut ITER_METHODS: [PyMethodDef; 2] = [plain(c"__length_hint__", iter_length_hint, METH_NOARGS), END];

pub(crate) static mut UNPACK_ITER_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iter_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iter_next),
    tp_methods: (&raw mut ITER_METHODS) as *mut PyMethodDef,
    ..static_type(
        c"_struct.unpack_iterator",
        core::mem::size_of::<UnpackIter>(),
        0,
        Py_TPFLAGS_DEFAULT as core::ffi::c_ulong | Py_TPFLAGS_DISALLOW_INSTANTIATION,
        None,
    )
};
