//! The Python-level methods of `dict` (`tp_methods`): keys, values, items, get, setdefault,
//! pop, popitem, update, clear, copy, fromkeys, `__contains__`, `__getitem__`, with
//! CPython's argument handling and messages.
use crate::abstract_::{new_ref, none};
use crate::errors::raised::{PyResult, Raised};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_COEXIST, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::method_table::{fast, plain, with_kw, END};
use crate::objects::container_methods::{args, check_positional, none_result, ret};
use crate::objects::dict;
use crate::objects::dict_views::{new_view, PyDictItems_Type, PyDictKeys_Type, PyDictValues_Type};
use crate::objects::tuple;
use crate::pyport::Py_ssize_t;

/// `dict`'s method table.
pub(crate) static mut DICT_METHODS: [PyMethodDef; 17] = [
    plain(c"__contains__", dict_contains, METH_O | METH_COEXIST).doc(c"True if the dictionary has the specified key, else False."),
    plain(c"__getitem__", dict_getitem, METH_O | METH_COEXIST).doc(c"x.__getitem__(y) <==> x[y]"),
    plain(c"__sizeof__", crate::objects::dict_sizeof::dict_sizeof, METH_NOARGS).doc(c"D.__sizeof__() -> size of D in memory, in bytes"),
    fast(c"get", dict_get, METH_FASTCALL).doc(c"Return the value for key if key is in the dictionary, else default."),
    fast(c"setdefault", dict_setdefault, METH_FASTCALL).doc(c"Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."),
    fast(c"pop", dict_pop, METH_FASTCALL).doc(c"D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."),
    plain(c"popitem", dict_popitem, METH_NOARGS).doc(c"Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."),
    plain(c"keys", dict_keys, METH_NOARGS).doc(c"D.keys() -> a set-like object providing a view on D's keys"),
    plain(c"items", dict_items, METH_NOARGS).doc(c"D.items() -> a set-like object providing a view on D's items"),
    plain(c"values", dict_values, METH_NOARGS).doc(c"D.values() -> an object providing a view on D's values"),
    with_kw(c"update", dict_update, METH_VARARGS | METH_KEYWORDS).doc(c"D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"),
    fast(c"fromkeys", dict_fromkeys, METH_FASTCALL | METH_CLASS).doc(c"Create a new dictionary with keys from iterable and values set to value."),
    plain(c"clear", dict_clear, METH_NOARGS).doc(c"D.clear() -> None.  Remove all items from D."),
    plain(c"copy", dict_copy, METH_NOARGS).doc(c"D.copy() -> a shallow copy of D"),
    crate::objects::dict_views::DICT_REVERSED,
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

unsafe extern "C" fn dict_contains(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret(dict::get_item(op, key).map(|v| crate::abstract_::compare::bool_ref(v.is_some())))
}

unsafe extern "C" fn dict_getitem(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    crate::objects::dict::dict_subscript(op, key)
}

unsafe extern "C" fn dict_get(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("get", n, 1, 2)?;
        let a = args(a, n);
        let default = if a.len() > 1 { a[1] } else { none() };
        Ok(new_ref(dict::get_item(op, a[0])?.unwrap_or(default)))
    })();
    ret(r)
}

unsafe extern "C" fn dict_setdefault(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("setdefault", n, 1, 2)?;
        let a = args(a, n);
        let default = if a.len() > 1 { a[1] } else { none() };
        Ok(new_ref(dict::set_default(op, a[0], default)?))
    })();
    ret(r)
}

unsafe extern "C" fn dict_pop(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("pop", n, 1, 2)?;
        let a = args(a, n);
        dict::pop(op, a[0], if a.len() > 1 { a[1] } else { core::ptr::null_mut() })
    })();
    ret(r)
}

unsafe extern "C" fn dict_popitem(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(dict::pop_item(op).and_then(|(k, v)| tuple::from_vec(vec![k, v])))
}

unsafe extern "C" fn dict_keys(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(new_view(op, &raw mut PyDictKeys_Type))
}

unsafe extern "C" fn dict_items(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(new_view(op, &raw mut PyDictItems_Type))
}

unsafe extern "C" fn dict_values(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(new_view(op, &raw mut PyDictValues_Type))
}

/// `d.update(other)`: a dict, an object with `keys()` (its keys, then `other[key]`), or an
/// iterable of pairs.
pub(crate) unsafe fn update_from(op: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if dict::is_dict(other) {
        return dict::merge(op, other, 1);
    }
    let keys_name = crate::objects::str::intern("keys")?;
    match crate::object::object_attr::lookup_attr(other, keys_name.as_ptr())? {
        Some(_) => dict::merge(op, other, 1),
        None => dict::merge_from_seq2(op, other, true),
    }
}

/// `d.update(*a, **kw)` and `dict.__init__` (`name` names the function in messages).
pub(crate) unsafe fn update_common(op: *mut PyObject, a: *mut PyObject, kw: *mut PyObject, name: &str) -> PyResult<()> {
    let a = if a.is_null() { &[][..] } else { tuple::items(a) };
    check_positional(name, a.len() as Py_ssize_t, 0, 1)?;
    if let Some(&other) = a.first() {
        update_from(op, other)?;
    }
    if !kw.is_null() && dict::is_dict(kw) {
        // `dict(**{1: 2})` reaches here with non-str keys (CPython's
        // PyArg_ValidateKeywordArguments).
        if crate::abstract_::getargs::PyArg_ValidateKeywordArguments(kw) == 0 {
            return Err(Raised::assume_set());
        }
        dict::merge(op, kw, 1)?;
    }
    Ok(())
}

unsafe extern "C" fn dict_update(op: *mut PyObject, a: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    none_result(update_common(op, a, kw, "update"))
}

unsafe extern "C" fn dict_fromkeys(cls: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("fromkeys", n, 1, 2)?;
        let a = args(a, n);
        let value = if a.len() > 1 { a[1] } else { none() };
        let d = if cls == &raw mut dict::PyDict_Type as *mut PyObject {
            dict::new()?
        } else {
            PyRef::from_owned(crate::abstract_::call::PyObject_CallNoArgs(cls)).ok_or_else(Raised::assume_set)?
        };
        if dict::is_exact(d.as_ptr()) && crate::objects::set::is_any_set(a[0]) {
            // The set's stored hashes serve (its elements are not hashed again).
            let _hold = new_ref(a[0]);
            for (k, h) in crate::objects::set::elements_owned(a[0]) {
                dict::set_item_known_hash(d.as_ptr(), k.as_ptr(), h, value)?;
            }
            return Ok(d);
        }
        let it = crate::abstract_::iter::get_iter(a[0])?;
        while let Some(k) = crate::abstract_::iter::next(it.as_ptr())? {
            if dict::is_exact(d.as_ptr()) {
                dict::set_item(d.as_ptr(), k.as_ptr(), value)?;
            } else {
                crate::abstract_::item::set_item(d.as_ptr(), k.as_ptr(), value)?;
            }
        }
        Ok(d)
    })();
    ret(r)
}

unsafe extern "C" fn dict_clear(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    dict::clear(op);
    none_result(Ok(()))
}

unsafe extern "C" fn dict_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(dict::copy(op))
}

// ---- `|` and `|=` (PEP 584) ----------------------------------------------------------------

/// `d | other`: a new dict, `d`'s items updated by `other`'s (both must be dicts).
unsafe extern "C" fn dict_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !dict::is_dict(a) || !dict::is_dict(b) {
        return crate::abstract_::new_ref(crate::abstract_::not_implemented()).into_ptr();
    }
    ret((|| {
        let n = dict::copy(a)?;
        update_from(n.as_ptr(), b)?;
        Ok(n)
    })())
}

/// `d |= other`: `d.update(other)` for any mapping or iterable of pairs.
unsafe extern "C" fn dict_ior(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret(update_from(a, b).map(|()| crate::abstract_::new_ref(a)))
}

pub(crate) static mut DICT_AS_NUMBER: crate::object::slots::PyNumberMethods = {
    // SAFETY: every field is an Option of a function pointer; None is zero.
    let mut n: crate::object::slots::PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_or = Some(dict_or);
    n.nb_inplace_or = Some(dict_ior);
    n
};
