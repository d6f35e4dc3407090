//! The `_weakref` module: the weak reference types (src/objects/weakref*.rs) and the
//! functions `weakref.py` builds on.
use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::weakref::{self, PyWeakref_NewProxy};
use crate::objects::{dict, int, list, str as pystr};

unsafe extern "C" fn getweakrefcount(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(weakref::refs_of(o).len() as i64))
}

unsafe extern "C" fn getweakrefs(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(list::from_ptrs(&weakref::refs_of(o)))
}

/// `proxy(object, callback=None, /)`.
unsafe extern "C" fn proxy(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(c"proxy".as_ptr(), a.len() as isize, 1, 2) {
        return core::ptr::null_mut();
    }
    PyWeakref_NewProxy(a[0], a.get(1).copied().unwrap_or(core::ptr::null_mut()))
}

/// `_remove_dead_weakref(dct, key, /)`: deletes `dct[key]` if it is a dead weak reference
/// (a missing key is fine; a value that is no weak reference is TypeError).
unsafe extern "C" fn remove_dead_weakref(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"_remove_dead_weakref".as_ptr(), a.len() as isize, 2, 2) {
            return Err(Raised::assume_set());
        }
        if !dict::is_dict(a[0]) {
            return Err(type_error(format!(
                "_remove_dead_weakref() argument 1 must be dict, not {}",
                crate::abstract_::tp_name(a[0])
            )));
        }
        if let Some(v) = dict::get_item(a[0], a[1])? {
            if !weakref::is_weakref(v) {
                return Err(type_error("not a weakref"));
            }
            if weakref::referent(v).is_none() {
                dict::del_item(a[0], a[1])?;
            }
        }
        Ok(none_ref())
    })())
}

static mut WEAKREF_FUNCTIONS: [PyMethodDef; 5] = [
    meth(c"getweakrefcount", getweakrefcount, METH_O, c"getweakrefcount($module, object, /)\n--\n\nReturn the number of weak references to 'object'."),
    meth(c"getweakrefs", getweakrefs, METH_O, c"getweakrefs($module, object, /)\n--\n\nReturn a list of all weak reference objects pointing to 'object'."),
    fast(c"proxy", proxy, c"proxy($module, object, callback=None, /)\n--\n\nCreate a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized."),
    fast(c"_remove_dead_weakref", remove_dead_weakref, c"_remove_dead_weakref($module, dct, key, /)\n--\n\nAtomically remove key from dict if it points to a dead weakref."),
    END,
];

static mut WEAKREF_DEF: PyModuleDef =
    module_def(c"_weakref", c"Weak-reference support module.", (&raw mut WEAKREF_FUNCTIONS) as *mut PyMethodDef);

/// `PyInit__weakref`: the `_weakref` module's constructor (the inittab's entry; exported,
/// as CPython exports it, though no header declares it).
#[no_mangle]
pub unsafe extern "C" fn PyInit__weakref() -> *mut PyObject {
    use crate::objects::weakref_proxy::{_PyWeakref_CallableProxyType, _PyWeakref_ProxyType};
    use crate::objects::weakref_ref::_PyWeakref_RefType;
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut WEAKREF_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let entries: [(&str, *mut PyObject); 4] = [
            ("ref", &raw mut _PyWeakref_RefType as *mut PyObject),
            ("ReferenceType", &raw mut _PyWeakref_RefType as *mut PyObject),
            ("ProxyType", &raw mut _PyWeakref_ProxyType as *mut PyObject),
            ("CallableProxyType", &raw mut _PyWeakref_CallableProxyType as *mut PyObject),
        ];
        for (name, value) in entries {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), value)?;
        }
        Ok(m)
    })())
}

/// Makes the module and puts it in the module table: `_weakref` is in `sys.modules` from
/// the start, as in CPython.
pub(crate) unsafe fn install(owner: &mut crate::runtime::interpreter::Interpreter) -> PyResult<()> {
    let m = owned(PyInit__weakref())?;
    dict::set_item(owner.modules, pystr::intern("_weakref")?.as_ptr(), m.as_ptr())
}
