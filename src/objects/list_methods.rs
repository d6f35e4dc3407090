//! The Python-level methods of `list` (`tp_methods`): append, extend, insert, pop, remove,
//! index, count, clear, copy, reverse, sort, `__reversed__`, with CPython's argument
//! handling and messages.
use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::{PyObject, Py_EQ};
use crate::object::pending_error::raise_type;
use crate::object::method_table::{fast, fast_kw, plain, END};
use crate::objects::container_methods::{args, check_positional, none_result, ret};
use crate::objects::list;
use crate::pyport::Py_ssize_t;

/// `list`'s method table.
pub(crate) static mut LIST_METHODS: [PyMethodDef; 14] = [
    plain(c"__reversed__", list_reversed, METH_NOARGS).doc(c"Return a reverse iterator over the list."),
    plain(c"clear", list_clear, METH_NOARGS).doc(c"Remove all items from list."),
    plain(c"copy", list_copy, METH_NOARGS).doc(c"Return a shallow copy of the list."),
    plain(c"append", list_append, METH_O).doc(c"Append object to the end of the list."),
    fast(c"insert", list_insert, METH_FASTCALL).doc(c"Insert object before index."),
    plain(c"extend", list_extend, METH_O).doc(c"Extend list by appending elements from the iterable."),
    fast(c"pop", list_pop, METH_FASTCALL).doc(c"Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."),
    plain(c"remove", list_remove, METH_O).doc(c"Remove first occurrence of value.\n\nRaises ValueError if the value is not present."),
    fast(c"index", list_index, METH_FASTCALL).doc(c"Return first index of value.\n\nRaises ValueError if the value is not present."),
    plain(c"count", list_count, METH_O).doc(c"Return number of occurrences of value."),
    plain(c"reverse", list_reverse, METH_NOARGS).doc(c"Reverse *IN PLACE*."),
    fast_kw(c"sort", list_sort, METH_FASTCALL | METH_KEYWORDS).doc(c"Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order."),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

unsafe extern "C" fn list_reversed(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(crate::objects::list_iter::reversed(op))
}

unsafe extern "C" fn list_clear(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    list::clear(op);
    none_result(Ok(()))
}

unsafe extern "C" fn list_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(list::from_ptrs(list::items(op)))
}

unsafe extern "C" fn list_append(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    none_result(list::append(op, x))
}

unsafe extern "C" fn list_extend(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    none_result(list::extend(op, x))
}

unsafe fn index_arg(o: *mut PyObject) -> PyResult<Py_ssize_t> {
    crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))
}

unsafe extern "C" fn list_insert(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("insert", n, 2, 2)?;
        let a = args(a, n);
        let i = index_arg(a[0])?;
        list::insert(op, i, a[1])
    })();
    none_result(r)
}

unsafe extern "C" fn list_pop(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("pop", n, 0, 1)?;
        let a = args(a, n);
        let mut i = if a.is_empty() { -1 } else { index_arg(a[0])? };
        let len = list::len(op) as Py_ssize_t;
        if len == 0 {
            return Err(raise_type(&raw mut exc::_PyExc_IndexError, "pop from empty list"));
        }
        if i < 0 {
            i += len;
        }
        if i < 0 || i >= len {
            return Err(raise_type(&raw mut exc::_PyExc_IndexError, "pop index out of range"));
        }
        let v = new_ref(list::items(op)[i as usize]);
        list::replace_range(op, i as usize, i as usize + 1, &[])?;
        Ok(v)
    })();
    ret(r)
}

/// The index of the first item equal to `x` in `start..stop`, reading the list afresh at
/// each step (comparisons may change it).
unsafe fn find(op: *mut PyObject, x: *mut PyObject, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(list::len(op)) {
        let item = new_ref(list::items(op)[i]);
        if rich_compare_bool(item.as_ptr(), x, Py_EQ)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

unsafe extern "C" fn list_remove(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    let r = (|| match find(op, x, 0, usize::MAX)? {
        Some(i) => list::replace_range(op, i, i + 1, &[]),
        None => Err(raise_type(&raw mut exc::_PyExc_ValueError, "list.remove(x): x not in list")),
    })();
    none_result(r)
}

/// A start/stop argument of `index`: clamped, negative from the end.
pub(crate) unsafe fn bound(o: *mut PyObject, len: Py_ssize_t) -> PyResult<usize> {
    if !crate::abstract_::item::is_index(o) && !crate::objects::int::is_int(o) {
        return Err(type_error("slice indices must be integers or have an __index__ method"));
    }
    let mut v = crate::abstract_::item::as_ssize(o, None)?;
    if v < 0 {
        v += len;
        if v < 0 {
            v = 0;
        }
    }
    Ok(v as usize)
}

unsafe extern "C" fn list_index(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        check_positional("index", n, 1, 3)?;
        let a = args(a, n);
        let len = list::len(op) as Py_ssize_t;
        let start = if a.len() > 1 { bound(a[1], len)? } else { 0 };
        let stop = if a.len() > 2 { bound(a[2], len)? } else { usize::MAX };
        match find(op, a[0], start, stop)? {
            Some(i) => crate::objects::int::from_i64(i as i64),
            None => {
                let r = crate::abstract_::object::repr(a[0])?;
                Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("{} is not in list", crate::objects::str::to_string(r.as_ptr()))))
            }
        }
    })();
    ret(r)
}

unsafe extern "C" fn list_count(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let mut count = 0i64;
        let mut i = 0;
        while i < list::len(op) {
            let item = new_ref(list::items(op)[i]);
            if rich_compare_bool(item.as_ptr(), x, Py_EQ)? {
                count += 1;
            }
            i += 1;
        }
        crate::objects::int::from_i64(count)
    })();
    ret(r)
}

unsafe extern "C" fn list_reverse(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    list::reverse(op);
    none_result(Ok(()))
}

/// `list.sort(*, key=None, reverse=False)`.
unsafe extern "C" fn list_sort(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        if n > 0 {
            return Err(type_error("sort() takes no positional arguments"));
        }
        let mut key: *mut PyObject = core::ptr::null_mut();
        let mut reverse = false;
        if !kwnames.is_null() {
            let names = crate::objects::tuple::items(kwnames);
            let values = args(a, names.len() as Py_ssize_t);
            for (&name, &value) in names.iter().zip(values) {
                let s = crate::objects::str::to_string(name);
                match s.as_str() {
                    "key" => key = value,
                    "reverse" => reverse = reverse_flag(value)?,
                    _ => return Err(type_error(format!("'{s}' is an invalid keyword argument for sort()"))),
                }
            }
        }
        if !key.is_null() && key == crate::abstract_::none() {
            key = core::ptr::null_mut();
        }
        crate::objects::list_sort::sort(op, if key.is_null() { None } else { Some(key) }, reverse)
    })();
    none_result(r)
}

/// `reverse=` takes an int (a bool is one), as CPython's `bool(accept={int})`.
unsafe fn reverse_flag(v: *mut PyObject) -> PyResult<bool> {
    if !crate::objects::int::is_int(v) {
        if crate::abstract_::item::is_index(v) {
            return Ok(crate::abstract_::item::as_ssize(v, None)? != 0);
        }
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", tp_name(v))));
    }
    Ok(crate::objects::int::size_of(v) != 0)
}
