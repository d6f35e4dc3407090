//! `operator.itemgetter`, `attrgetter` and `methodcaller`: callables that fetch items,
//! (dotted) attributes, or call a named method of their one argument. Vectorcall, since
//! they are typically called once per item as sort keys.
use core::ffi::c_int;
use core::mem::offset_of;

use crate::abstract_::{from_slot, new_ref, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::itertools::{repr_string, short_type_name};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::{vectorcallfunc, visitproc};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};
use crate::objects::{dict, str as pystr, tuple};

/// The types of this file, for `_operator` and the builtin-type list.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut ItemGetter_Type, &raw mut AttrGetter_Type, &raw mut MethodCaller_Type]
}

/// The one positional argument of a call (no keywords).
unsafe fn single_arg(name: &core::ffi::CStr, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> PyResult<*mut PyObject> {
    if !kwnames.is_null() && tuple::len(kwnames) != 0 {
        return Err(type_error(format!("{}() takes no keyword arguments", name.to_str().unwrap_or(""))));
    }
    let n = (nargsf & !crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET) as isize;
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), n, 1, 1) {
        return Err(Raised::assume_set());
    }
    Ok(*args)
}

/// The static type of one of the callables: `$nobj` object fields lead its struct.
macro_rules! getter_type {
    ($static_name:ident, $tp_name:literal, $ty:ty, $nobj:expr, $doc:literal $(, $field:ident : $val:expr)* $(,)?) => {
        pub static mut $static_name: PyTypeObject = PyTypeObject {
            tp_dealloc: Some({
                unsafe extern "C" fn dealloc(op: *mut PyObject) { dealloc_fields(op, $nobj) }
                dealloc
            }),
            tp_traverse: Some({
                unsafe extern "C" fn traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> c_int {
                    traverse_fields(op, $nobj, visit, arg)
                }
                traverse
            }),
            tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
            tp_call: Some(crate::abstract_::call::PyVectorcall_Call),
            tp_vectorcall_offset: offset_of!($ty, vectorcall) as isize,
            tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
            tp_free: Some(crate::object::temp_alloc::free_gc_object),
            $($field: $val,)*
            ..static_type($tp_name, core::mem::size_of::<$ty>(), 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL, Some($doc))
        };
    };
}

/// `Name(repr, repr, ...)` of a callable.
unsafe fn call_repr(op: *mut PyObject, parts: impl Iterator<Item = PyResult<String>>) -> PyResult<PyRef> {
    let name = short_type_name(op);
    let parts: Vec<String> = parts.collect::<PyResult<_>>()?;
    pystr::from_utf8(&format!("operator.{name}({})", parts.join(", ")))
}

// ----- itemgetter ---------------------------------------------------------------------

#[repr(C)]
struct ItemGetter {
    ob_base: PyObject,
    items: *mut PyObject,
    vectorcall: vectorcallfunc,
}

static mut ITEMGETTER_METHODS: [PyMethodDef; 2] = [plain(c"__reduce__", itemgetter_reduce, METH_NOARGS).doc(c"Return state information for pickling"), END];

getter_type!(ItemGetter_Type, c"operator.itemgetter", ItemGetter, 1,
    c"itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
    tp_new: Some(itemgetter_new), tp_repr: Some(itemgetter_repr), tp_methods: &raw mut ITEMGETTER_METHODS as *mut PyMethodDef);

unsafe extern "C" fn itemgetter_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        crate::objects::iter_common::no_keywords("itemgetter", kwds)?;
        if tuple::len(args) == 0 {
            return Err(type_error("itemgetter expected 1 argument, got 0"));
        }
        let op = alloc(tp)?;
        let g = op.as_ptr() as *mut ItemGetter;
        (*g).items = new_ref(args).into_ptr();
        (*g).vectorcall = Some(itemgetter_call);
        Ok(op)
    })())
}

unsafe extern "C" fn itemgetter_call(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let g = op as *mut ItemGetter;
    ret_obj((|| -> PyResult<PyRef> {
        let obj = single_arg(c"itemgetter", args, nargsf, kwnames)?;
        let items = tuple::items((*g).items);
        if items.len() == 1 {
            let item = items[0];
            // A tuple indexed by a small non-negative int: no protocol dispatch.
            if tuple::is_exact(obj) {
                if let Some(i) = crate::objects::int::medium_value(item).filter(|_| crate::objects::int::is_exact_int(item)) {
                    if i >= 0 && (i as usize) < tuple::len(obj) {
                        return Ok(new_ref(tuple::items(obj)[i as usize]));
                    }
                }
            }
            return from_slot(crate::abstract_::item::PyObject_GetItem(obj, item));
        }
        let mut out = Vec::with_capacity(items.len());
        for &item in items {
            out.push(from_slot(crate::abstract_::item::PyObject_GetItem(obj, item))?);
        }
        tuple::from_vec(out)
    })())
}

unsafe extern "C" fn itemgetter_repr(op: *mut PyObject) -> *mut PyObject {
    let g = op as *mut ItemGetter;
    ret_obj(guarded_repr(op, || call_repr(op, tuple::items((*g).items).iter().map(|&i| repr_string(i)))))
}

unsafe extern "C" fn itemgetter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let g = op as *mut ItemGetter;
    ret_obj(tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), new_ref((*g).items)]))
}

/// A repr that prints `...` when the object is already being printed (a getter of itself).
unsafe fn guarded_repr(op: *mut PyObject, f: impl FnOnce() -> PyResult<PyRef>) -> PyResult<PyRef> {
    match crate::abstract_::object::Py_ReprEnter(op) {
        0 => {
            let r = f();
            crate::abstract_::object::Py_ReprLeave(op);
            r
        }
        n if n > 0 => pystr::from_utf8(&format!("{}(...)", short_type_name(op))),
        _ => Err(Raised::assume_set()),
    }
}

// ----- attrgetter ---------------------------------------------------------------------

#[repr(C)]
struct AttrGetter {
    ob_base: PyObject,
    /// Per attribute, the tuple of its interned dotted parts.
    attrs: *mut PyObject,
    /// The names as given (for repr and pickling).
    names: *mut PyObject,
    vectorcall: vectorcallfunc,
}

static mut ATTRGETTER_METHODS: [PyMethodDef; 2] = [plain(c"__reduce__", attrgetter_reduce, METH_NOARGS).doc(c"Return state information for pickling"), END];

getter_type!(AttrGetter_Type, c"operator.attrgetter", AttrGetter, 2,
    c"attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).",
    tp_new: Some(attrgetter_new), tp_repr: Some(attrgetter_repr), tp_methods: &raw mut ATTRGETTER_METHODS as *mut PyMethodDef);

unsafe extern "C" fn attrgetter_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        crate::objects::iter_common::no_keywords("attrgetter", kwds)?;
        let names = tuple::items(args);
        if names.is_empty() {
            return Err(type_error("attrgetter expected 1 argument, got 0"));
        }
        let mut attrs = Vec::with_capacity(names.len());
        for &name in names {
            if !pystr::is_str(name) {
                return Err(type_error("attribute name must be a string"));
            }
            let text = pystr::to_string(name);
            let parts = text.split('.').map(pystr::intern).collect::<PyResult<Vec<_>>>()?;
            attrs.push(tuple::from_vec(parts)?);
        }
        let op = alloc(tp)?;
        let g = op.as_ptr() as *mut AttrGetter;
        (*g).attrs = tuple::from_vec(attrs)?.into_ptr();
        (*g).names = new_ref(args).into_ptr();
        (*g).vectorcall = Some(attrgetter_call);
        Ok(op)
    })())
}

unsafe fn dotted(obj: *mut PyObject, parts: *mut PyObject) -> PyResult<PyRef> {
    let mut cur = new_ref(obj);
    for &p in tuple::items(parts) {
        cur = crate::object::object_attr::get_attr(cur.as_ptr(), p)?;
    }
    Ok(cur)
}

unsafe extern "C" fn attrgetter_call(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let g = op as *mut AttrGetter;
    ret_obj((|| -> PyResult<PyRef> {
        let obj = single_arg(c"attrgetter", args, nargsf, kwnames)?;
        let attrs = tuple::items((*g).attrs);
        if attrs.len() == 1 {
            return dotted(obj, attrs[0]);
        }
        let out = attrs.iter().map(|&a| dotted(obj, a)).collect::<PyResult<Vec<_>>>()?;
        tuple::from_vec(out)
    })())
}

unsafe extern "C" fn attrgetter_repr(op: *mut PyObject) -> *mut PyObject {
    let g = op as *mut AttrGetter;
    ret_obj(guarded_repr(op, || call_repr(op, tuple::items((*g).names).iter().map(|&i| repr_string(i)))))
}

unsafe extern "C" fn attrgetter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let g = op as *mut AttrGetter;
    ret_obj(tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), new_ref((*g).names)]))
}

// ----- methodcaller -------------------------------------------------------------------

#[repr(C)]
struct MethodCaller {
    ob_base: PyObject,
    name: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
    vectorcall: vectorcallfunc,
}

getter_type!(MethodCaller_Type, c"operator.methodcaller", MethodCaller, 3,
    c"methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).",
    tp_new: Some(methodcaller_new), tp_repr: Some(methodcaller_repr), tp_methods: &raw mut METHODCALLER_METHODS as *mut PyMethodDef);

static mut METHODCALLER_METHODS: [PyMethodDef; 2] = [plain(c"__reduce__", methodcaller_reduce, METH_NOARGS).doc(c"Return state information for pickling"), END];

/// `(type(mc), (name, *args))`; with keywords, `(partial(type(mc), name, **kwds), args)`
/// (a plain reduce tuple cannot carry keyword arguments).
unsafe extern "C" fn methodcaller_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let m = op as *mut MethodCaller;
    ret_obj((|| {
        let tp = new_ref((*op).ob_type as *mut PyObject);
        if dict::len((*m).kwds) == 0 {
            let mut args = vec![(*m).name];
            args.extend_from_slice(tuple::items((*m).args));
            return tuple::from_vec(vec![tp, tuple::from_ptrs(&args)?]);
        }
        let partial = &raw mut crate::modules::functools_partial::Partial_Type as *mut PyObject;
        let pargs = tuple::from_ptrs(&[tp.as_ptr(), (*m).name])?;
        let bound = from_slot(crate::abstract_::call::PyObject_Call(partial, pargs.as_ptr(), (*m).kwds))?;
        tuple::from_vec(vec![bound, new_ref((*m).args)])
    })())
}

unsafe extern "C" fn methodcaller_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = tuple::items(args);
        if a.is_empty() {
            return Err(type_error("methodcaller needs at least one argument, the method name"));
        }
        if !pystr::is_str(a[0]) {
            return Err(type_error("method name must be a string"));
        }
        let name = pystr::intern(&pystr::to_string(a[0]))?;
        let rest = tuple::from_ptrs(&a[1..])?;
        let kw = if kwds.is_null() { dict::new()? } else { dict::copy(kwds)? };
        let op = alloc(tp)?;
        let m = op.as_ptr() as *mut MethodCaller;
        (*m).name = name.into_ptr();
        (*m).args = rest.into_ptr();
        (*m).kwds = kw.into_ptr();
        (*m).vectorcall = Some(methodcaller_call);
        Ok(op)
    })())
}

unsafe extern "C" fn methodcaller_call(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let m = op as *mut MethodCaller;
    ret_obj((|| -> PyResult<PyRef> {
        let obj = single_arg(c"methodcaller", args, nargsf, kwnames)?;
        let method = crate::object::object_attr::get_attr(obj, (*m).name)?;
        let kw = if dict::len((*m).kwds) == 0 { core::ptr::null_mut() } else { (*m).kwds };
        from_slot(crate::abstract_::call::PyObject_Call(method.as_ptr(), (*m).args, kw))
    })())
}

unsafe extern "C" fn methodcaller_repr(op: *mut PyObject) -> *mut PyObject {
    let m = op as *mut MethodCaller;
    ret_obj(guarded_repr(op, || {
        let mut parts = vec![repr_string((*m).name)];
        parts.extend(tuple::items((*m).args).iter().map(|&a| repr_string(a)));
        for (k, v) in dict::items((*m).kwds) {
            parts.push(repr_string(v).map(|v| format!("{}={v}", pystr::to_string(k))));
        }
        call_repr(op, parts.into_iter())
    }))
}

