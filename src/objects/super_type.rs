//! `PySuper_Type`: `super()`, `super(type)`, `super(type, obj)`. The zero-argument form reads
//! the calling frame: its first argument and its `__class__` cell. Attribute lookup walks
//! the MRO of the object's type starting after `type`, binding what it finds.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::{from_slot, new_ref, none, tp_name, type_error};
use crate::errors::baseexception::END_MEMBER;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::{dict, str as pystr, tuple};

#[repr(C)]
pub(crate) struct SuperObject {
    pub ob_base: PyObject,
    /// `__thisclass__`.
    pub type_: *mut PyObject,
    /// `__self__`, or NULL.
    pub obj: *mut PyObject,
    /// `__self_class__`, or NULL.
    pub obj_type: *mut PyObject,
}

/// `PySuper_Type`: `super`.
#[no_mangle]
pub static mut PySuper_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(super_dealloc),
    tp_repr: Some(super_repr),
    tp_getattro: Some(super_getattro),
    tp_traverse: Some(super_traverse),
    tp_members: &raw mut SUPER_MEMBERS as *mut PyMemberDef,
    tp_descr_get: Some(super_descr_get),
    tp_init: Some(super_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    tp_free: Some(crate::object::objimpl::PyObject_GC_Del),
    ..static_type(
        c"super",
        core::mem::size_of::<SuperObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
        Some(c"super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n"),
    )
};

unsafe fn so<'a>(op: *mut PyObject) -> &'a mut SuperObject {
    &mut *(op as *mut SuperObject)
}

unsafe fn is_type(o: *mut PyObject) -> bool {
    crate::object::type_layout::is_type(o)
}

/// The type whose MRO `super(type_, obj)` walks (CPython's `supercheck`).
unsafe fn supercheck(type_: *mut PyObject, obj: *mut PyObject) -> PyResult<PyRef> {
    let t = type_ as *mut PyTypeObject;
    if is_type(obj) && crate::object::typetype::is_subtype(obj as *mut PyTypeObject, t) {
        return Ok(new_ref(obj));
    }
    if crate::object::typetype::is_subtype((*obj).ob_type, t) {
        return Ok(new_ref((*obj).ob_type as *mut PyObject));
    }
    if let Some(cls) = crate::object::object_attr::lookup_attr(obj, pystr::intern("__class__")?.as_ptr())? {
        if is_type(cls.as_ptr()) && cls.as_ptr() != (*obj).ob_type as *mut PyObject && crate::object::typetype::is_subtype(cls.as_ptr() as *mut PyTypeObject, t) {
            return Ok(cls);
        }
    }
    Err(type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// The zero-argument form: `(__class__, first argument)` of the calling frame.
unsafe fn from_frame() -> PyResult<(PyRef, PyRef)> {
    let f = crate::eval::interp_frame::current(crate::runtime::pystate::current());
    if f.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "super(): no current frame"));
    }
    let co = (*f).code;
    if (*co).co_argcount == 0 {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "super(): no arguments"));
    }
    let rt = (*f).rt();
    let slots = (*f).slots();
    let mut first = *slots;
    if first.is_null() {
        // The first argument may live in a cell (it is captured by a closure).
        if let Some(i) = rt.cell_arg.iter().position(|&a| a == 0) {
            let cell = *slots.add(rt.nvars as usize + i);
            if !cell.is_null() {
                first = (*(cell as *mut crate::objects::cell::PyCellObject)).ob_ref;
            }
        }
    }
    if first.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "super(): arg[0] deleted"));
    }
    let Some(i) = tuple::items(rt.freevars.as_ptr()).iter().position(|&n| crate::objects::str::eq_ascii(n, "__class__")) else {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "super(): __class__ cell not found"));
    };
    let cell = *slots.add((rt.nvars + rt.ncells) as usize + i);
    if cell.is_null() || (*cell).ob_type != &raw mut crate::objects::cell::PyCell_Type {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "super(): bad __class__ cell"));
    }
    let cls = (*(cell as *mut crate::objects::cell::PyCellObject)).ob_ref;
    if cls.is_null() {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "super(): empty __class__ cell"));
    }
    if !is_type(cls) {
        return Err(raise_type(
            &raw mut exc::_PyExc_RuntimeError,
            format!("super(): __class__ is not a type ({})", tp_name(cls)),
        ));
    }
    Ok((new_ref(cls), new_ref(first)))
}

unsafe fn init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<()> {
    if !kwds.is_null() && dict::len(kwds) > 0 {
        return Err(type_error("super() takes no keyword arguments"));
    }
    let a = tuple::items(args);
    if a.len() > 2 {
        return Err(type_error(format!("super() expected at most 2 arguments, got {}", a.len())));
    }
    let (type_, obj) = match a.len() {
        0 => {
            let (t, o) = from_frame()?;
            (t, Some(o))
        }
        1 => (new_ref(a[0]), None),
        _ => (new_ref(a[0]), if a[1] == none() { None } else { Some(new_ref(a[1])) }),
    };
    if !is_type(type_.as_ptr()) {
        return Err(type_error(format!("super() argument 1 must be a type, not {}", tp_name(type_.as_ptr()))));
    }
    let obj_type = match &obj {
        Some(o) => Some(supercheck(type_.as_ptr(), o.as_ptr())?),
        None => None,
    };
    let s = so(op);
    let old = [
        core::mem::replace(&mut s.type_, type_.into_ptr()),
        core::mem::replace(&mut s.obj, obj.map_or(core::ptr::null_mut(), PyRef::into_ptr)),
        core::mem::replace(&mut s.obj_type, obj_type.map_or(core::ptr::null_mut(), PyRef::into_ptr)),
    ];
    for o in old {
        drop(PyRef::from_owned(o));
    }
    Ok(())
}

unsafe extern "C" fn super_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    if init(op, args, kwds).is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn super_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let s = so(op);
    let skip = s.obj_type.is_null() || (pystr::is_str(name) && pystr::eq_ascii(name, "__class__"));
    if !skip {
        let start = s.obj_type as *mut PyTypeObject;
        let mro = (*start).tp_mro;
        if !mro.is_null() {
            let items = tuple::items(mro);
            let from = items.iter().position(|&t| t == s.type_).map_or(items.len(), |i| i + 1);
            for &t in &items[from..] {
                let d = (*(t as *mut PyTypeObject)).tp_dict;
                if d.is_null() {
                    continue;
                }
                match dict::get_item(d, name) {
                    Err(_) => return core::ptr::null_mut(),
                    Ok(None) => continue,
                    Ok(Some(res)) => {
                        if let Some(get) = (*(*res).ob_type).tp_descr_get {
                            let obj = if s.obj == s.obj_type { core::ptr::null_mut() } else { s.obj };
                            return get(res, obj, start as *mut PyObject);
                        }
                        return new_ref(res).into_ptr();
                    }
                }
            }
        }
    }
    crate::object::generic_getattr::PyObject_GenericGetAttr(op, name)
}

unsafe extern "C" fn super_descr_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let s = so(op);
    if obj.is_null() || obj == none() || !s.obj.is_null() {
        return new_ref(op).into_ptr();
    }
    let args = [s.type_, obj];
    crate::abstract_::ret_obj((|| {
        let t = tuple::from_ptrs(&args)?;
        from_slot(crate::abstract_::call::PyObject_Call((*op).ob_type as *mut PyObject, t.as_ptr(), core::ptr::null_mut()))
    })())
}

unsafe extern "C" fn super_repr(op: *mut PyObject) -> *mut PyObject {
    let s = so(op);
    let tname = if s.type_.is_null() { "NULL".to_string() } else { crate::abstract_::type_name_of(s.type_ as *mut PyTypeObject) };
    let text = if s.obj_type.is_null() {
        format!("<super: <class '{tname}'>, NULL>")
    } else {
        format!("<super: <class '{tname}'>, <{} object>>", crate::abstract_::type_name_of(s.obj_type as *mut PyTypeObject))
    };
    crate::abstract_::ret_obj(pystr::from_utf8(&text))
}

unsafe extern "C" fn super_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = so(op);
    crate::errors::baseexception::visit_all(&[s.type_, s.obj, s.obj_type], visit, arg)
}

unsafe extern "C" fn super_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut c_void);
    let s = so(op);
    for f in [&mut s.type_, &mut s.obj, &mut s.obj_type] {
        drop(PyRef::from_owned(core::mem::replace(f, core::ptr::null_mut())));
    }
    // A subclass's instance reaches here from subtype_dealloc, which releases the
    // instance's reference to its heap type itself.
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::objimpl::PyObject_GC_Del(op as *mut c_void),
    }
}

macro_rules! member {
    ($name:literal, $field:ident) => {
        PyMemberDef { name: $name.as_ptr(), r#type: T_OBJECT, offset: offset_of!(SuperObject, $field) as isize, flags: READONLY, doc: core::ptr::null() }
    };
}

static mut SUPER_MEMBERS: [PyMemberDef; 4] = [
    member!(c"__thisclass__", type_),
    member!(c"__self__", obj),
    member!(c"__self_class__", obj_type),
    END_MEMBER,
];
