//! `builtins.__build_class__(func, name, *bases, metaclass=..., **kwds)`: what a `class`
//! statement calls. Resolves `__mro_entries__` (PEP 560), picks the most derived metaclass,
//! asks it for the namespace (`__prepare__`), runs the class body in it, calls the
//! metaclass, and checks that `__classcell__` reached `type.__new__`.
use crate::abstract_::{from_slot, new_ref, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::eval::interp_frame;
use crate::object::object::PyObject;
use crate::object::object_attr::lookup_attr;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, function_type, str as pystr, tuple};

/// PEP 560: a base that is not a class may substitute others via `__mro_entries__`.
unsafe fn update_bases(bases: &[*mut PyObject], orig: *mut PyObject) -> PyResult<Option<PyRef>> {
    let mut out: Option<Vec<*mut PyObject>> = None;
    let mut keep: Vec<PyRef> = Vec::new();
    let entries = pystr::intern("__mro_entries__")?;
    for (i, &b) in bases.iter().enumerate() {
        if crate::object::type_layout::is_type(b) {
            if let Some(v) = out.as_mut() {
                v.push(b);
            }
            continue;
        }
        let Some(meth) = lookup_attr(b, entries.as_ptr())? else {
            if let Some(v) = out.as_mut() {
                v.push(b);
            }
            continue;
        };
        let r = from_slot(crate::abstract_::call::PyObject_CallOneArg(meth.as_ptr(), orig))?;
        if !tuple::is_tuple(r.as_ptr()) {
            return Err(type_error("__mro_entries__ must return a tuple"));
        }
        let v = out.get_or_insert_with(|| bases[..i].to_vec());
        v.extend_from_slice(tuple::items(r.as_ptr()));
        keep.push(r);
    }
    match out {
        None => Ok(None),
        Some(v) => Ok(Some(tuple::from_ptrs(&v)?)),
    }
}

/// The `__build_class__` builtin (METH_FASTCALL | METH_KEYWORDS).
pub(crate) unsafe extern "C" fn builtin_build_class(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: isize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    crate::abstract_::ret_obj(build_class(args, nargs as usize, kwnames))
}

unsafe fn build_class(args: *const *mut PyObject, nargs: usize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    if nargs < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = *args;
    let name = *args.add(1);
    if !function_type::is_function(func) {
        return Err(type_error("__build_class__: func must be a function"));
    }
    if !pystr::is_str(name) {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let orig_bases = tuple::from_ptrs(core::slice::from_raw_parts(args.add(2), nargs - 2))?;
    let updated = update_bases(tuple::items(orig_bases.as_ptr()), orig_bases.as_ptr())?;
    let bases = updated.clone().unwrap_or_else(|| orig_bases.clone());

    // Keyword arguments, minus `metaclass`.
    let kwds = if kwnames.is_null() { None } else { Some(crate::abstract_::call::stack_as_dict(args.add(nargs), kwnames)?) };
    let mut meta: Option<PyRef> = None;
    if let Some(k) = &kwds {
        if let Some(m) = dict::get_item_str(k.as_ptr(), "metaclass")? {
            meta = Some(new_ref(m));
            dict::del_item(k.as_ptr(), pystr::intern("metaclass")?.as_ptr())?;
        }
    }
    let mut is_class = true;
    let meta = match meta {
        None => {
            let b = tuple::items(bases.as_ptr());
            if b.is_empty() {
                new_ref(&raw mut crate::object::typetype::PyType_Type as *mut PyObject)
            } else {
                new_ref((*b[0]).ob_type as *mut PyObject)
            }
        }
        Some(m) => {
            is_class = crate::object::type_layout::is_type(m.as_ptr());
            m
        }
    };
    let meta = if is_class {
        let winner = crate::object::type_new::calculate_metaclass(meta.as_ptr() as *mut PyTypeObject, bases.as_ptr())?;
        new_ref(winner as *mut PyObject)
    } else {
        meta
    };
    let kw_ptr = kwds.as_ref().map_or(core::ptr::null_mut(), |k| k.as_ptr());
    let ns = match lookup_attr(meta.as_ptr(), pystr::intern("__prepare__")?.as_ptr())? {
        None => dict::new()?,
        Some(prep) => {
            let a = tuple::from_ptrs(&[name, bases.as_ptr()])?;
            from_slot(crate::abstract_::call::PyObject_Call(prep.as_ptr(), a.as_ptr(), kw_ptr))?
        }
    };
    if crate::abstract_::mapping::PyMapping_Check(ns.as_ptr()) == 0 {
        let who = if is_class {
            crate::abstract_::type_name_of(meta.as_ptr() as *mut PyTypeObject)
        } else {
            "<metaclass>".to_string()
        };
        return Err(type_error(format!("{who}.__prepare__() must return a mapping, not {}", tp_name(ns.as_ptr()))));
    }
    // The class body runs with the namespace as its locals; it returns the __class__ cell.
    let ts = crate::runtime::pystate::current();
    let f = interp_frame::push(ts, func, ns.as_ptr());
    let cell = from_slot(crate::eval::call_function::eval_frame(ts, f))?;
    if updated.is_some() {
        crate::abstract_::item::set_item(ns.as_ptr(), pystr::intern("__orig_bases__")?.as_ptr(), orig_bases.as_ptr())?;
    }
    let margs = tuple::from_ptrs(&[name, bases.as_ptr(), ns.as_ptr()])?;
    let cls = from_slot(crate::abstract_::call::PyObject_Call(meta.as_ptr(), margs.as_ptr(), kw_ptr))?;
    if crate::object::type_layout::is_type(cls.as_ptr()) && (*cell.as_ptr()).ob_type == &raw mut crate::objects::cell::PyCell_Type {
        let inner = (*(cell.as_ptr() as *mut crate::objects::cell::PyCellObject)).ob_ref;
        if inner != cls.as_ptr() {
            let qual = |o: *mut PyObject| crate::abstract_::object::repr(o).map(|r| pystr::to_string(r.as_ptr()));
            if inner.is_null() {
                return Err(raise_type(
                    &raw mut exc::_PyExc_RuntimeError,
                    format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        qual(name)?,
                        qual(cls.as_ptr())?
                    ),
                ));
            }
            return Err(type_error(format!(
                "__class__ set to {} defining {} as {}",
                qual(inner)?,
                qual(name)?,
                qual(cls.as_ptr())?
            )));
        }
    }
    Ok(cls)
}
