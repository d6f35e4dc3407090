//! `_io.BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)`: a
//! `BufferedReader` over `reader` and a `BufferedWriter` over `writer` behind one object;
//! reading methods go to the first, writing ones to the second.
use core::ffi::{c_int, c_void};

use crate::abstract_::new_ref;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::io::common::{call_method, value_error};
use crate::modules::io::iobase::{self, IOBaseObject};
use crate::modules::ret;
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{str as pystr, tuple};

#[repr(C)]
struct RWPair {
    head: IOBaseObject,
    reader: *mut PyObject,
    writer: *mut PyObject,
}

unsafe fn this<'a>(op: *mut PyObject) -> &'a mut RWPair {
    &mut *(op as *mut RWPair)
}

unsafe fn side(op: *mut PyObject, writer: bool) -> PyResult<*mut PyObject> {
    let p = this(op);
    let s = if writer { p.writer } else { p.reader };
    if s.is_null() {
        return Err(value_error("I/O operation on uninitialized object"));
    }
    Ok(s)
}

unsafe extern "C" fn rwpair_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        crate::objects::iter_common::no_keywords("BufferedRWPair", kw)?;
        let a = tuple::items(args);
        if !crate::abstract_::getargs::check_positional(c"BufferedRWPair".as_ptr(), a.len() as isize, 2, 3) {
            return Err(Raised::assume_set());
        }
        iobase::check_readable(a[0])?;
        iobase::check_writable(a[1])?;
        let size = match a.get(2) {
            Some(&s) => new_ref(s),
            None => crate::objects::int::from_i64(crate::modules::io::DEFAULT_BUFFER_SIZE)?,
        };
        let make = |tp: *mut PyTypeObject, raw: *mut PyObject| -> PyResult<PyRef> {
            let t = tuple::from_slice(&[new_ref(raw), new_ref(size.as_ptr())])?;
            crate::modules::owned(crate::abstract_::call::PyObject_Call(tp as *mut PyObject, t.as_ptr(), core::ptr::null_mut()))
        };
        let reader = make(&raw mut crate::modules::io::buffered::BufferedReader_Type, a[0])?;
        let writer = make(&raw mut crate::modules::io::buffered::BufferedWriter_Type, a[1])?;
        let p = this(op);
        drop(PyRef::from_owned(core::mem::replace(&mut p.reader, reader.into_ptr())));
        drop(PyRef::from_owned(core::mem::replace(&mut p.writer, writer.into_ptr())));
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn rwpair_dealloc(op: *mut PyObject) {
    iobase::header_dealloc(op);
    rwpair_clear_fields(op);
    crate::modules::io::common::free_instance(op);
}

unsafe fn rwpair_clear_fields(op: *mut PyObject) {
    let p = this(op);
    drop(PyRef::from_owned(core::mem::replace(&mut p.reader, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut p.writer, core::ptr::null_mut())));
}

unsafe extern "C" fn rwpair_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let r = iobase::header_traverse(op, visit, arg);
    if r != 0 {
        return r;
    }
    let Some(v) = visit else { return 0 };
    for f in [this(op).reader, this(op).writer] {
        if !f.is_null() {
            let r = v(f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn rwpair_clear(op: *mut PyObject) -> c_int {
    rwpair_clear_fields(op);
    iobase::header_clear(op)
}

/// Calls `<side>.<name>(*args)`.
unsafe fn forward(op: *mut PyObject, writer: bool, name: &str, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let target = side(op, writer)?;
        let f = crate::object::object_attr::get_attr(target, pystr::intern(name)?.as_ptr())?;
        let args = if args.is_null() { tuple::new(0)? } else { new_ref(args) };
        crate::modules::owned(crate::abstract_::call::PyObject_Call(f.as_ptr(), args.as_ptr(), core::ptr::null_mut()))
    })())
}

macro_rules! forwarder {
    ($fn:ident, $writer:expr, $name:literal) => {
        unsafe extern "C" fn $fn(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
            forward(op, $writer, $name, args)
        }
    };
}

forwarder!(read, false, "read");
forwarder!(peek, false, "peek");
forwarder!(read1, false, "read1");
forwarder!(readinto, false, "readinto");
forwarder!(readinto1, false, "readinto1");
forwarder!(readable, false, "readable");
forwarder!(write, true, "write");
forwarder!(flush, true, "flush");
forwarder!(writable, true, "writable");

/// `close()`: the writer, then the reader (the writer's error is raised, chained).
unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let w = side(op, true)?;
        let first = call_method(w, "close", &[]);
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        if first.is_err() {
            crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        }
        let second = call_method(side(op, false)?, "close", &[]);
        if !t.is_null() {
            crate::errors::chain::_PyErr_ChainExceptions(t, v, tb);
            return Err(Raised::assume_set());
        }
        second
    })())
}

unsafe extern "C" fn isatty(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let w = call_method(side(op, true)?, "isatty", &[])?;
        if w.as_ptr() != crate::objects::bool::false_() {
            return Ok(w);
        }
        call_method(side(op, false)?, "isatty", &[])
    })())
}

unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret((|| {
        let w = this(op).writer;
        if w.is_null() {
            return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_RuntimeError, "the BufferedRWPair object is being garbage-collected"));
        }
        crate::object::object_attr::get_attr(w, pystr::intern("closed")?.as_ptr())
    })())
}

static mut RWPAIR_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"closed".as_ptr(), get: Some(get_closed), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    iobase::GETSET_END,
];

static mut RWPAIR_METHODS: [PyMethodDef; 13] = [
    plain(c"read", read, METH_VARARGS),
    plain(c"peek", peek, METH_VARARGS),
    plain(c"read1", read1, METH_VARARGS),
    plain(c"readinto", readinto, METH_VARARGS),
    plain(c"readinto1", readinto1, METH_VARARGS),
    plain(c"write", write, METH_VARARGS),
    plain(c"flush", flush, METH_NOARGS),
    plain(c"readable", readable, METH_NOARGS),
    plain(c"writable", writable, METH_NOARGS),
    plain(c"close", close, METH_NOARGS),
    plain(c"isatty", isatty, METH_NOARGS),
    END,
    END,
];

/// `_io.BufferedRWPair`.
pub static mut BufferedRWPair_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(rwpair_dealloc),
    tp_traverse: Some(rwpair_traverse),
    tp_clear: Some(rwpair_clear),
    tp_methods: (&raw mut RWPAIR_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut RWPAIR_GETSET) as *mut PyGetSetDef,
    tp_init: Some(rwpair_init),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    ..iobase::io_type(
        c"_io.BufferedRWPair",
        core::mem::size_of::<RWPair>(),
        &raw mut iobase::BufferedIOBase_Type,
        c"BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)\n--\n\nA buffered reader and writer object together.\n\nA buffered reader object and buffered writer object put together to\nform a sequential IO object that can read and write. This is typically\nused with a socket or two-way pipe.\n\nreader and writer are RawIOBase objects that are readable and\nwriteable respectively. If the buffer_size is omitted it defaults to\nDEFAULT_BUFFER_SIZE.",
    )
};

