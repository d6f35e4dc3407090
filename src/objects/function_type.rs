//! `PyFunction_Type` and the `PyFunction_*` C-API: Python functions. Calls go through the
//! `vectorcall` field into the eval loop (eval/call_function.rs), which also inlines calls
//! of one Python function from another.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::baseexception::{END_GETSET, END_MEMBER};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_Track, PyObject_GC_UnTrack, _PyObject_GC_New};
use crate::object::pending_error::{bad_internal_call, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL, Py_TPFLAGS_METHOD_DESCRIPTOR};
use crate::objects::code::PyCodeObject;
use crate::objects::code_type::is_code;
use crate::objects::function::PyFunctionObject;
use crate::objects::{dict, str as pystr, tuple};

/// `PyFunction_Type`: `function`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyFunction_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(func_dealloc),
    tp_vectorcall_offset: offset_of!(PyFunctionObject, vectorcall) as isize,
    tp_repr: Some(func_repr),
    tp_call: Some(crate::abstract_::call::PyVectorcall_Call),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_traverse: Some(func_traverse),
    tp_clear: Some(func_clear),
    tp_members: &raw mut FUNC_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut FUNC_GETSET as *mut PyGetSetDef,
    tp_descr_get: Some(func_descr_get),
    tp_new: Some(func_new),
    tp_dictoffset: offset_of!(PyFunctionObject, func_dict) as isize,
    tp_weaklistoffset: offset_of!(PyFunctionObject, func_weakreflist) as isize,
    ..static_type(
        c"function",
        core::mem::size_of::<PyFunctionObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
        Some(c"function(code, globals, name=None, argdefs=None, closure=None)\n--\n\nCreate a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n  name\n    a string that overrides the name from the code object\n  argdefs\n    a tuple that specifies the default argument values\n  closure\n    a tuple that supplies the bindings for free variables"),
    )
};

/// `PyFunction_Check`.
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_function(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyFunction_Type
}

#[inline]
pub(crate) unsafe fn func<'a>(op: *mut PyObject) -> &'a mut PyFunctionObject {
    &mut *(op as *mut PyFunctionObject)
}

/// The builtins a frame running with `globals` sees (CPython's
/// `_PyEval_BuiltinsFromGlobals`): `globals['__builtins__']` (a module's dict), else the
/// current frame's builtins, else the interpreter's. Borrowed.
pub(crate) unsafe fn builtins_from_globals(globals: *mut PyObject) -> PyResult<*mut PyObject> {
    if let Some(b) = dict::get_item_str(globals, "__builtins__")? {
        if crate::objects::module::is_module(b) {
            return Ok(crate::objects::module::PyModule_GetDict(b));
        }
        return Ok(b);
    }
    Ok(crate::eval::frame_api::current_builtins())
}

/// A new function for `code` (CPython's `PyFunction_NewWithQualName`).
pub(crate) unsafe fn new(code: *mut PyObject, globals: *mut PyObject, qualname: *mut PyObject) -> PyResult<PyRef> {
    if code.is_null() || globals.is_null() || !is_code(code) || !dict::is_dict(globals) {
        return Err(bad_internal_call());
    }
    let co = code as *mut PyCodeObject;
    let builtins = builtins_from_globals(globals)?;
    let module = dict::get_item_str(globals, "__name__")?;
    let consts = tuple::items((*co).co_consts);
    let doc = match consts.first() {
        Some(&d) if pystr::is_str(d) => d,
        _ => none(),
    };
    let op = PyRef::from_owned(_PyObject_GC_New(&raw mut PyFunction_Type)).ok_or_else(Raised::assume_set)?;
    let f = func(op.as_ptr());
    f.func_globals = new_ref(globals).into_ptr();
    f.func_builtins = new_ref(builtins).into_ptr();
    f.func_name = new_ref((*co).co_name).into_ptr();
    f.func_qualname = new_ref(if qualname.is_null() { (*co).co_qualname } else { qualname }).into_ptr();
    f.func_code = new_ref(code).into_ptr();
    f.func_defaults = core::ptr::null_mut();
    f.func_kwdefaults = core::ptr::null_mut();
    f.func_closure = core::ptr::null_mut();
    f.func_doc = new_ref(doc).into_ptr();
    f.func_dict = core::ptr::null_mut();
    f.func_weakreflist = core::ptr::null_mut();
    f.func_module = module.map_or(core::ptr::null_mut(), |m| new_ref(m).into_ptr());
    f.func_annotations = core::ptr::null_mut();
    f.vectorcall = Some(crate::eval::call_function::_PyFunction_Vectorcall);
    f.func_version = 0;
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

/// `function(code, globals, name=None, argdefs=None, closure=None)` (`types.FunctionType`),
/// with CPython 3.11's checks and messages.
unsafe extern "C" fn func_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    static PARAMS: crate::abstract_::unpack_keywords::Params = crate::abstract_::unpack_keywords::Params {
        function: "function",
        names: &["code", "globals", "name", "argdefs", "closure"],
        positional_only: 0,
        max_positional: 5,
        required: 2,
    };
    crate::abstract_::ret_obj((|| {
        let [code, globals, name, defaults, closure] =
            crate::abstract_::unpack_keywords::bind_tuple_dict_array::<5>(&PARAMS, args, kwargs)?;
        if !is_code(code) {
            return Err(type_error(format!("function() argument 'code' must be code, not {}", tp_name(code))));
        }
        if !dict::is_dict(globals) {
            return Err(type_error(format!("function() argument 'globals' must be dict, not {}", tp_name(globals))));
        }
        let given = |p: *mut PyObject| !p.is_null() && p != none();
        if given(name) && !pystr::is_str(name) {
            return Err(type_error("arg 3 (name) must be None or string"));
        }
        if given(defaults) && !tuple::is_tuple(defaults) {
            return Err(type_error("arg 4 (defaults) must be None or tuple"));
        }
        let co = code as *mut PyCodeObject;
        let nfree = (*co).co_nfreevars as usize;
        if given(closure) && !tuple::is_tuple(closure) {
            return Err(type_error("arg 5 (closure) must be None or tuple"));
        }
        if nfree > 0 && !given(closure) {
            return Err(type_error("arg 5 (closure) must be tuple"));
        }
        let cells: &[*mut PyObject] = if given(closure) { tuple::items(closure) } else { &[] };
        if nfree != cells.len() {
            let fname = pystr::to_string((*co).co_name);
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                format!("{fname} requires closure of length {nfree}, not {}", cells.len()),
            ));
        }
        if let Some(&bad) = cells.iter().find(|&&c| !crate::objects::cell::is_cell(c)) {
            return Err(type_error(format!("arg 5 (closure) expected cell, found {}", tp_name(bad))));
        }
        let op = new(code, globals, core::ptr::null_mut())?;
        let f = func(op.as_ptr());
        if given(name) {
            drop(PyRef::from_owned(core::mem::replace(&mut f.func_name, new_ref(name).into_ptr())));
        }
        if given(defaults) {
            f.func_defaults = new_ref(defaults).into_ptr();
        }
        if nfree > 0 {
            f.func_closure = new_ref(closure).into_ptr();
        }
        Ok(op)
    })())
}

unsafe extern "C" fn func_clear(op: *mut PyObject) -> c_int {
    let f = func(op);
    for field in [
        &mut f.func_globals,
        &mut f.func_builtins,
        &mut f.func_module,
        &mut f.func_defaults,
        &mut f.func_kwdefaults,
        &mut f.func_doc,
        &mut f.func_dict,
        &mut f.func_closure,
        &mut f.func_annotations,
    ] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    0
}

unsafe extern "C" fn func_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    func_clear(op);
    let f = func(op);
    for field in [&mut f.func_code, &mut f.func_name, &mut f.func_qualname] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    PyObject_GC_Del(op as *mut c_void);
}

unsafe extern "C" fn func_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    each_referent(op, &mut |o| visit(o, arg))
}

/// What `tp_traverse` visits of the function `op` (its non-NULL fields), in its order,
/// given to `f` (stops at the first non-zero result): the collector calls this directly,
/// with its visit inlined.
///
/// # Safety
/// `op` is a live function.
#[inline(always)]
pub(crate) unsafe fn each_referent(op: *mut PyObject, f: &mut impl FnMut(*mut PyObject) -> c_int) -> c_int {
    let fo = func(op);
    for o in [
        fo.func_code,
        fo.func_globals,
        fo.func_builtins,
        fo.func_module,
        fo.func_defaults,
        fo.func_kwdefaults,
        fo.func_doc,
        fo.func_name,
        fo.func_dict,
        fo.func_closure,
        fo.func_annotations,
        fo.func_qualname,
    ] {
        if !o.is_null() {
            let r = f(o);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn func_repr(op: *mut PyObject) -> *mut PyObject {
    let q = pystr::to_string(func(op).func_qualname);
    crate::abstract_::ret_obj(pystr::from_utf8(&format!("<function {q} at {op:p}>")))
}

/// Functions bind to instances: `f.__get__(obj)` is a bound method (itself without one).
unsafe extern "C" fn func_descr_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() || obj == none() {
        return new_ref(op).into_ptr();
    }
    crate::abstract_::ret_obj(crate::objects::method::new(op, obj))
}

unsafe fn check(op: *mut PyObject) -> PyResult<&'static mut PyFunctionObject> {
    if op.is_null() || !is_function(op) {
        return Err(bad_internal_call());
    }
    Ok(func(op))
}

/// Replaces a field with a new reference to `value` (NULL for None when `none_is_null`).
unsafe fn replace(field: &mut *mut PyObject, value: *mut PyObject) {
    let v = if value.is_null() || value == none() { core::ptr::null_mut() } else { new_ref(value).into_ptr() };
    drop(PyRef::from_owned(core::mem::replace(field, v)));
}

fn borrowed(r: PyResult<*mut PyObject>) -> *mut PyObject {
    r.unwrap_or(core::ptr::null_mut())
}

fn status(r: PyResult<()>) -> c_int {
    if r.is_ok() { 0 } else { -1 }
}

/// `PyObject *PyFunction_New(PyObject *code, PyObject *globals)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_New(code: *mut PyObject, globals: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj(new(code, globals, core::ptr::null_mut()))
}

/// `PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_NewWithQualName(code: *mut PyObject, globals: *mut PyObject, qualname: *mut PyObject) -> *mut PyObject {
    let q = if !qualname.is_null() && qualname == none() { core::ptr::null_mut() } else { qualname };
    crate::abstract_::ret_obj(new(code, globals, q))
}

/// `PyObject *PyFunction_GetCode(PyObject *op)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetCode(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).map(|f| f.func_code))
}

/// `PyObject *PyFunction_GetGlobals(PyObject *op)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetGlobals(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).map(|f| f.func_globals))
}

/// `PyObject *PyFunction_GetModule(PyObject *op)`: borrowed, NULL without error if unset.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetModule(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).map(|f| f.func_module))
}

/// `PyObject *PyFunction_GetDefaults(PyObject *op)`: borrowed, NULL without error if none.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetDefaults(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).map(|f| f.func_defaults))
}

/// `int PyFunction_SetDefaults(PyObject *op, PyObject *defaults)`: a tuple or None.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_SetDefaults(op: *mut PyObject, defaults: *mut PyObject) -> c_int {
    status((|| {
        let f = check(op)?;
        if !defaults.is_null() && defaults != none() && !tuple::is_tuple(defaults) {
            return Err(raise(ExcType::SystemError, "non-tuple default args"));
        }
        replace(&mut f.func_defaults, defaults);
        f.func_version = 0;
        Ok(())
    })())
}

/// `PyObject *PyFunction_GetKwDefaults(PyObject *op)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetKwDefaults(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).map(|f| f.func_kwdefaults))
}

/// `int PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults)`: a dict or None.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_SetKwDefaults(op: *mut PyObject, defaults: *mut PyObject) -> c_int {
    status((|| {
        let f = check(op)?;
        if !defaults.is_null() && defaults != none() && !dict::is_dict(defaults) {
            return Err(raise(ExcType::SystemError, "non-dict keyword only default args"));
        }
        replace(&mut f.func_kwdefaults, defaults);
        f.func_version = 0;
        Ok(())
    })())
}

/// `PyObject *PyFunction_GetClosure(PyObject *op)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetClosure(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).map(|f| f.func_closure))
}

/// `int PyFunction_SetClosure(PyObject *op, PyObject *closure)`: a tuple or None.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_SetClosure(op: *mut PyObject, closure: *mut PyObject) -> c_int {
    status((|| {
        let f = check(op)?;
        if !closure.is_null() && closure != none() && !tuple::is_tuple(closure) {
            return Err(raise(ExcType::SystemError, format!("expected tuple for closure, got '{}'", tp_name(closure))));
        }
        replace(&mut f.func_closure, closure);
        Ok(())
    })())
}

/// The `__annotations__` dict, made from the flat `(name, value, ...)` tuple
/// `MAKE_FUNCTION` stores, or an empty dict when there is none.
unsafe fn annotations(f: &mut PyFunctionObject) -> PyResult<*mut PyObject> {
    if f.func_annotations.is_null() {
        f.func_annotations = dict::new()?.into_ptr();
    } else if tuple::is_tuple(f.func_annotations) {
        let d = dict::new()?;
        for pair in tuple::items(f.func_annotations).chunks(2) {
            if pair.len() == 2 {
                dict::set_item(d.as_ptr(), pair[0], pair[1])?;
            }
        }
        drop(PyRef::from_owned(core::mem::replace(&mut f.func_annotations, d.into_ptr())));
    }
    Ok(f.func_annotations)
}

/// `PyObject *PyFunction_GetAnnotations(PyObject *op)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_GetAnnotations(op: *mut PyObject) -> *mut PyObject {
    borrowed(check(op).and_then(|f| if f.func_annotations.is_null() { Ok(core::ptr::null_mut()) } else { annotations(f) }))
}

/// `int PyFunction_SetAnnotations(PyObject *op, PyObject *annotations)`: a dict or None.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFunction_SetAnnotations(op: *mut PyObject, annotations: *mut PyObject) -> c_int {
    status((|| {
        let f = check(op)?;
        if !annotations.is_null() && annotations != none() && !dict::is_dict(annotations) {
            return Err(raise(ExcType::SystemError, "non-dict annotations"));
        }
        replace(&mut f.func_annotations, annotations);
        Ok(())
    })())
}

// ---- Python-level attributes --------------------------------------------------------------

unsafe extern "C" fn get_code(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref(func(op).func_code).into_ptr()
}

unsafe extern "C" fn set_code(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    if value.is_null() || !is_code(value) {
        let _ = raise(ExcType::TypeError, "__code__ must be set to a code object");
        return -1;
    }
    let f = func(op);
    let nfree = (*(value as *mut PyCodeObject)).co_nfreevars as usize;
    let nclosure = if f.func_closure.is_null() { 0 } else { tuple::len(f.func_closure) };
    if nfree != nclosure {
        let name = pystr::to_string(f.func_name);
        let _ = raise_type(
            &raw mut exc::_PyExc_ValueError,
            format!("{name}() requires a code object with {nclosure} free vars, not {nfree}"),
        );
        return -1;
    }
    let old = core::mem::replace(&mut f.func_code, new_ref(value).into_ptr());
    drop(PyRef::from_owned(old));
    f.func_version = 0;
    0
}

unsafe extern "C" fn get_str_field(op: *mut PyObject, closure: *mut c_void) -> *mut PyObject {
    let f = func(op);
    new_ref(if closure.is_null() { f.func_name } else { f.func_qualname }).into_ptr()
}

unsafe extern "C" fn set_str_field(op: *mut PyObject, value: *mut PyObject, closure: *mut c_void) -> c_int {
    let which = if closure.is_null() { "__name__" } else { "__qualname__" };
    if value.is_null() || !pystr::is_str(value) {
        let _ = raise(ExcType::TypeError, format!("{which} must be set to a string object"));
        return -1;
    }
    let f = func(op);
    let field = if closure.is_null() { &mut f.func_name } else { &mut f.func_qualname };
    drop(PyRef::from_owned(core::mem::replace(field, new_ref(value).into_ptr())));
    0
}

unsafe extern "C" fn get_defaults(op: *mut PyObject, closure: *mut c_void) -> *mut PyObject {
    let f = func(op);
    let v = if closure.is_null() { f.func_defaults } else { f.func_kwdefaults };
    new_ref(if v.is_null() { none() } else { v }).into_ptr()
}

unsafe extern "C" fn set_defaults(op: *mut PyObject, value: *mut PyObject, closure: *mut c_void) -> c_int {
    let f = func(op);
    let value = if value == none() { core::ptr::null_mut() } else { value };
    if closure.is_null() {
        if !value.is_null() && !tuple::is_tuple(value) {
            let _ = raise(ExcType::TypeError, "__defaults__ must be set to a tuple object");
            return -1;
        }
        replace(&mut f.func_defaults, value);
    } else {
        if !value.is_null() && !dict::is_dict(value) {
            let _ = raise(ExcType::TypeError, "__kwdefaults__ must be set to a dict object");
            return -1;
        }
        replace(&mut f.func_kwdefaults, value);
    }
    f.func_version = 0;
    0
}

unsafe extern "C" fn get_annotations(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    match annotations(func(op)) {
        Ok(d) => new_ref(d).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn set_annotations(op: *mut PyObject, value: *mut PyObject, _: *mut c_void) -> c_int {
    let value = if value == none() { core::ptr::null_mut() } else { value };
    if !value.is_null() && !dict::is_dict(value) {
        let _ = raise(ExcType::TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    replace(&mut func(op).func_annotations, value);
    0
}

const fn getset(
    name: &'static core::ffi::CStr,
    get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject,
    set: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> c_int,
    closure: usize,
) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: Some(set), doc: core::ptr::null(), closure: closure as *mut c_void }
}

static mut FUNC_GETSET: [PyGetSetDef; 8] = [
    getset(c"__code__", get_code, set_code, 0),
    getset(c"__defaults__", get_defaults, set_defaults, 0),
    getset(c"__kwdefaults__", get_defaults, set_defaults, 1),
    getset(c"__annotations__", get_annotations, set_annotations, 0),
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::object::generic_getattr::PyObject_GenericGetDict),
        set: Some(crate::object::generic_getattr::PyObject_GenericSetDict),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    getset(c"__name__", get_str_field, set_str_field, 0),
    getset(c"__qualname__", get_str_field, set_str_field, 1),
    END_GETSET,
];

macro_rules! member {
    ($name:literal, $field:ident, $flags:expr) => {
        PyMemberDef {
            name: $name.as_ptr(),
            r#type: T_OBJECT,
            offset: offset_of!(PyFunctionObject, $field) as isize,
            flags: $flags,
            doc: core::ptr::null(),
        }
    };
}

static mut FUNC_MEMBERS: [PyMemberDef; 6] = [
    member!(c"__closure__", func_closure, READONLY),
    member!(c"__doc__", func_doc, 0),
    member!(c"__globals__", func_globals, READONLY),
    member!(c"__module__", func_module, 0),
    member!(c"__builtins__", func_builtins, READONLY),
    END_MEMBER,
];
