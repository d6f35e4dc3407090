//! `ast.AST`, the base of every node class: an object with an instance dict, whose
//! `__init__` fills the fields named by the class's `_fields` from positional and keyword
//! arguments, and whose `__reduce__` pickles the class and that dict.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::{ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::object_attr::{interned_name, lookup_attr, set_attr};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::{dict, tuple};

#[repr(C)]
pub(super) struct AstObject {
    ob_base: PyObject,
    /// The instance `__dict__`: the node's fields and attributes.
    pub dict: *mut PyObject,
}

static mut AST_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::object::generic_getattr::PyObject_GenericGetDict),
        set: Some(crate::object::generic_getattr::PyObject_GenericSetDict),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut AST_METHODS: [PyMethodDef; 2] = [plain(c"__reduce__", ast_reduce, METH_NOARGS), END];

/// `ast.AST`.
pub static mut AST_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(ast_dealloc),
    tp_traverse: Some(ast_traverse),
    tp_clear: Some(ast_clear),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_dictoffset: offset_of!(AstObject, dict) as isize,
    tp_methods: &raw mut AST_METHODS as *mut PyMethodDef,
    tp_getset: &raw mut AST_GETSET as *mut PyGetSetDef,
    tp_init: Some(ast_init),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"ast.AST", core::mem::size_of::<AstObject>(), 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, None)
};

unsafe extern "C" fn ast_dealloc(op: *mut PyObject) {
    crate::objects::iter_common::dealloc_fields(op, 1)
}

unsafe extern "C" fn ast_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    crate::objects::iter_common::traverse_fields(op, 1, visit, arg)
}

unsafe extern "C" fn ast_clear(op: *mut PyObject) -> c_int {
    let d = core::mem::replace(&mut (*(op as *mut AstObject)).dict, core::ptr::null_mut());
    drop(PyRef::from_owned(d));
    0
}

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields` in order, keywords
/// set any attribute (a keyword naming a field already given positionally is an error).
unsafe extern "C" fn ast_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let tp = (*op).ob_type;
        let fields = lookup_attr(tp as *mut PyObject, interned_name(c"_fields".as_ptr())?.as_ptr())?;
        let nfields = match &fields {
            Some(f) => crate::abstract_::object::size(f.as_ptr())? as usize,
            None => 0,
        };
        let positional = if args.is_null() { &[][..] } else { tuple::items(args) };
        if positional.len() > nfields {
            return Err(type_error(format!(
                "{} constructor takes at most {} positional argument{}",
                crate::object::typetype::short_name(tp),
                nfields,
                if nfields == 1 { "" } else { "s" }
            )));
        }
        let mut given = Vec::with_capacity(positional.len());
        if let Some(f) = &fields {
            for (i, &value) in positional.iter().enumerate() {
                let name = crate::abstract_::item::seq_get_item(f.as_ptr(), i as isize)?;
                set_attr(op, name.as_ptr(), value)?;
                given.push(name);
            }
        }
        if kwds.is_null() {
            return Ok(());
        }
        for (key, value) in dict::items(kwds) {
            for name in &given {
                if crate::abstract_::compare::rich_compare_bool(name.as_ptr(), key, crate::object::object::Py_EQ)? {
                    return Err(type_error(format!(
                        "{} got multiple values for argument '{}'",
                        crate::object::typetype::short_name(tp),
                        crate::objects::str::to_string(crate::abstract_::object::str(key)?.as_ptr())
                    )));
                }
            }
            set_attr(op, key, value)?;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// `AST.__reduce__()`: `(type(self), (), self.__dict__)`.
unsafe extern "C" fn ast_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let tp = crate::abstract_::new_ref((*op).ob_type as *mut PyObject);
        match lookup_attr(op, interned_name(c"__dict__".as_ptr())?.as_ptr())? {
            Some(d) => tuple::from_vec(vec![tp, tuple::new(0)?, d]),
            None => tuple::from_vec(vec![tp, tuple::new(0)?]),
        }
    })())
}

/// A node of class `cls` (a subclass of AST) with an empty dict, without calling
/// `__init__`: the parser's tree is converted through here.
pub(super) unsafe fn new_node(cls: *mut PyTypeObject) -> PyResult<(PyRef, *mut PyObject)> {
    let alloc = (*cls).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = PyRef::from_owned(alloc(cls, 0)).ok_or_else(Raised::assume_set)?;
    let d = dict::new()?;
    let dp = d.as_ptr();
    (*(op.as_ptr() as *mut AstObject)).dict = d.into_ptr();
    Ok((op, dp))
}
