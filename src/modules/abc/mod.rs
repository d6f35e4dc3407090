//! The `_abc` module: the C half of `abc.ABCMeta` (`abc.py` uses it when it imports, so
//! `isinstance` against an ABC runs no Python code on a cache hit). The per-class state
//! and its weak sets are in abc_data.rs, `_abc_init`'s work in abc_init.rs.
pub mod abc_data;
mod abc_init;

use core::sync::atomic::Ordering;

use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{int, list, tuple};

use abc_data::{add_to_weak_set, clear_weak_set, data, get_impl, in_weak_set, AbcData_Type, INVALIDATION_COUNTER};

use crate::object::type_layout::is_type;

fn bool_ref(b: bool) -> PyRef {
    // SAFETY: True and False always live.
    unsafe { new_ref(crate::objects::bool::PyBool_FromLong(b as _)) }
}

/// `cls.<name>(arg)`.
unsafe fn call_method1(cls: *mut PyObject, name: &core::ffi::CStr, arg: *mut PyObject) -> PyResult<PyRef> {
    let n = crate::object::object_attr::interned_name(name.as_ptr())?;
    let f = crate::object::object_attr::get_attr(cls, n.as_ptr())?;
    owned(crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), arg))
}

unsafe fn is_subclass(derived: *mut PyObject, cls: *mut PyObject) -> PyResult<bool> {
    match crate::abstract_::isinstance::PyObject_IsSubclass(derived, cls) {
        r if r < 0 => Err(Raised::assume_set()),
        r => Ok(r > 0),
    }
}

/// Two positional arguments exactly (`name(self, x, /)`).
unsafe fn two_args<'a>(name: &core::ffi::CStr, args: *const *mut PyObject, nargs: isize) -> PyResult<&'a [*mut PyObject]> {
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), nargs, 2, 2) {
        return Err(Raised::assume_set());
    }
    Ok(args_slice(args, nargs))
}

/// `_abc_init(self, /)`.
unsafe extern "C" fn abc_init(_m: *mut PyObject, cls: *mut PyObject) -> *mut PyObject {
    ret(abc_init::init(cls).map(|()| none_ref()))
}

/// `_abc_register(self, subclass, /)`.
unsafe extern "C" fn abc_register(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = two_args(c"_abc_register", args, nargs)?;
        let (cls, sub) = (a[0], a[1]);
        if !is_type(sub) {
            return Err(type_error("Can only register classes"));
        }
        if is_subclass(sub, cls)? {
            return Ok(new_ref(sub)); // already a subclass
        }
        // Checked after "already a subclass", as abc.py does.
        if is_subclass(cls, sub)? {
            return Err(crate::object::pending_error::raise_type(&raw mut exc::_PyExc_RuntimeError, "Refusing to create an inheritance cycle"));
        }
        let imp = get_impl(cls)?;
        add_to_weak_set(&mut data(&imp).registry, sub)?;
        // Invalidate negative caches.
        INVALIDATION_COUNTER.fetch_add(1, Ordering::Relaxed);
        if is_type(cls) {
            abc_init::inherit_collection_flag(cls as *mut PyTypeObject, sub as *mut PyTypeObject);
        }
        Ok(new_ref(sub))
    })())
}

/// `_abc_instancecheck(self, instance, /)`.
unsafe extern "C" fn abc_instancecheck(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = two_args(c"_abc_instancecheck", args, nargs)?;
        let (cls, inst) = (a[0], a[1]);
        let imp = get_impl(cls)?;
        let class_name = crate::object::object_attr::interned_name(c"__class__".as_ptr())?;
        let subclass = crate::object::object_attr::get_attr(inst, class_name.as_ptr())?;
        // Inline the cache checking.
        if in_weak_set(data(&imp).cache, subclass.as_ptr())? {
            return Ok(bool_ref(true));
        }
        let subtype = (*inst).ob_type as *mut PyObject;
        if subtype == subclass.as_ptr() {
            let d = data(&imp);
            if d.negative_cache_version == INVALIDATION_COUNTER.load(Ordering::Relaxed)
                && in_weak_set(d.negative_cache, subclass.as_ptr())?
            {
                return Ok(bool_ref(false));
            }
            return call_method1(cls, c"__subclasscheck__", subclass.as_ptr());
        }
        let result = call_method1(cls, c"__subclasscheck__", subclass.as_ptr())?;
        if crate::abstract_::object::is_true(result.as_ptr())? {
            return Ok(result);
        }
        drop(result);
        call_method1(cls, c"__subclasscheck__", subtype)
    })())
}

/// `_abc_subclasscheck(self, subclass, /)`.
unsafe extern "C" fn abc_subclasscheck(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = two_args(c"_abc_subclasscheck", args, nargs)?;
        subclasscheck(a[0], a[1]).map(bool_ref)
    })())
}

unsafe fn subclasscheck(cls: *mut PyObject, sub: *mut PyObject) -> PyResult<bool> {
    if !is_type(sub) {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    let imp = get_impl(cls)?;
    // 1. The positive cache.
    if in_weak_set(data(&imp).cache, sub)? {
        return Ok(true);
    }
    // 2. The negative cache, emptied when a registration made it stale.
    let counter = INVALIDATION_COUNTER.load(Ordering::Relaxed);
    {
        let d = data(&imp);
        if d.negative_cache_version < counter {
            clear_weak_set(d.negative_cache);
            d.negative_cache_version = counter;
        } else if in_weak_set(d.negative_cache, sub)? {
            return Ok(false);
        }
    }
    let found = |yes: bool| -> PyResult<bool> {
        let d = data(&imp);
        add_to_weak_set(if yes { &mut d.cache } else { &mut d.negative_cache }, sub)?;
        Ok(yes)
    };
    // 3. The subclass hook.
    let ok = call_method1(cls, c"__subclasshook__", sub)?;
    if ok.as_ptr() == crate::objects::bool::true_() {
        return found(true);
    }
    if ok.as_ptr() == crate::objects::bool::false_() {
        return found(false);
    }
    if ok.as_ptr() != crate::abstract_::not_implemented() {
        return Err(crate::object::pending_error::raise_type(
            &raw mut exc::_PyExc_AssertionError,
            "__subclasshook__ must return either False, True, or NotImplemented",
        ));
    }
    drop(ok);
    // 4. A direct subclass.
    let mro = (*(sub as *mut PyTypeObject)).tp_mro;
    if !mro.is_null() && tuple::is_tuple(mro) && tuple::items(mro).contains(&cls) {
        return found(true);
    }
    // 5. A subclass of a registered class (recursive).
    for r in abc_data::weak_set_members(data(&imp).registry) {
        if is_subclass(sub, r.as_ptr())? {
            return found(true);
        }
    }
    // 6. A subclass of a subclass (recursive).
    let n = crate::object::object_attr::interned_name(c"__subclasses__".as_ptr())?;
    let f = crate::object::object_attr::get_attr(cls, n.as_ptr())?;
    let subclasses = owned(crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr()))?;
    if !list::is_list(subclasses.as_ptr()) {
        return Err(type_error("__subclasses__() must return a list"));
    }
    let snapshot: Vec<PyRef> = list::items(subclasses.as_ptr()).iter().map(|&s| new_ref(s)).collect();
    for s in snapshot {
        if is_subclass(sub, s.as_ptr())? {
            return found(true);
        }
    }
    // 7. No.
    found(false)
}

/// `_get_dump(self, /)`: `(registry, cache, negative_cache, negative_cache_version)`, the
/// sets holding weak references (copies), for debugging and the test suite.
unsafe extern "C" fn get_dump(_m: *mut PyObject, cls: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let imp = get_impl(cls)?;
        let d = data(&imp);
        tuple::from_vec(vec![
            abc_data::weak_set_copy(d.registry)?,
            abc_data::weak_set_copy(d.cache)?,
            abc_data::weak_set_copy(d.negative_cache)?,
            int::from_u64(d.negative_cache_version)?,
        ])
    })())
}

/// `_reset_registry(self, /)`.
unsafe extern "C" fn reset_registry(_m: *mut PyObject, cls: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let imp = get_impl(cls)?;
        clear_weak_set(data(&imp).registry);
        Ok(none_ref())
    })())
}

/// `_reset_caches(self, /)`.
unsafe extern "C" fn reset_caches(_m: *mut PyObject, cls: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let imp = get_impl(cls)?;
        clear_weak_set(data(&imp).cache);
        clear_weak_set(data(&imp).negative_cache);
        Ok(none_ref())
    })())
}

/// `get_cache_token()`: the invalidation counter (changes with every registration).
unsafe extern "C" fn get_cache_token(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_u64(INVALIDATION_COUNTER.load(Ordering::Relaxed)))
}

static mut ABC_FUNCTIONS: [PyMethodDef; 9] = [
    meth(c"get_cache_token", get_cache_token, METH_NOARGS, c"get_cache_token($module, /)\n--\n\nReturns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every call to register() on any ABC."),
    meth(c"_abc_init", abc_init, METH_O, c"_abc_init($module, self, /)\n--\n\nInternal ABC helper for class set-up. Should be never used outside abc module."),
    meth(c"_reset_registry", reset_registry, METH_O, c"_reset_registry($module, self, /)\n--\n\nInternal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"),
    meth(c"_reset_caches", reset_caches, METH_O, c"_reset_caches($module, self, /)\n--\n\nInternal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"),
    meth(c"_get_dump", get_dump, METH_O, c"_get_dump($module, self, /)\n--\n\nInternal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both caches, and\nnegative cache version. Don't call this function directly,\ninstead use ABC._dump_registry() for a nice repr."),
    fast(c"_abc_register", abc_register, c"_abc_register($module, self, subclass, /)\n--\n\nInternal ABC helper for subclasss registration. Should be never used outside abc module."),
    fast(c"_abc_instancecheck", abc_instancecheck, c"_abc_instancecheck($module, self, instance, /)\n--\n\nInternal ABC helper for instance checks. Should be never used outside abc module."),
    fast(c"_abc_subclasscheck", abc_subclasscheck, c"_abc_subclasscheck($module, self, subclass, /)\n--\n\nInternal ABC helper for subclasss checks. Should be never used outside abc module."),
    END,
];

static mut ABC_DEF: PyModuleDef =
    module_def(c"_abc", c"Module contains faster C implementation of abc.ABCMeta", (&raw mut ABC_FUNCTIONS) as *mut PyMethodDef);

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut AbcData_Type]
}

/// `PyInit__abc` for the inittab.
pub(crate) unsafe extern "C" fn init_abc() -> *mut PyObject {
    ret((|| {
        // `_abc_data` is reachable only as `type(cls._abc_impl)`, as in CPython.
        owned(crate::objects::module::PyModule_Create2(&raw mut ABC_DEF, crate::modules::sys_module::API_VERSION as i32))
    })())
}
