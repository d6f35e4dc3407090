//! `groupby(iterable, key=None)` and its `_grouper` sub-iterators. Only the newest grouper
//! of a groupby yields items: advancing the groupby ends the previous group.
use crate::abstract_::call::PyObject_CallOneArg;
use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{from_slot, new_ref, none, ret_obj};
use crate::errors::raised::PyResult;
use crate::modules::itertools::pickling::{args, or_none, reduce, reduce_def, setstate_def, state_items};
use crate::modules::itertools::{alloc_as, next_ret, positional, set_field, take_field};
use crate::object::method_table::END;
use crate::object::methods::PyMethodDef;
use crate::object::object::{PyObject, Py_EQ};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::tuple;

#[repr(C)]
struct GroupBy {
    ob_base: PyObject,
    it: *mut PyObject,
    /// The key function, NULL for identity.
    keyfunc: *mut PyObject,
    /// The key of the current group.
    tgtkey: *mut PyObject,
    /// The key and value read ahead from the source.
    currkey: *mut PyObject,
    currvalue: *mut PyObject,
    /// The grouper allowed to yield (borrowed: it keeps its parent alive, not the reverse).
    currgrouper: *mut PyObject,
}

iter_type!(GroupBy_Type, c"itertools.groupby", GroupBy, 5, next: groupby_next,
    doc: c"groupby(iterable, key=None)\n--\n\nmake an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping.",
    tp_new: Some(groupby_new), tp_methods: &raw mut GROUPBY_METHODS as *mut PyMethodDef);

static mut GROUPBY_METHODS: [PyMethodDef; 3] = [reduce_def(groupby_reduce), setstate_def(groupby_setstate), END];

/// `(groupby, (it, key), (currkey, currvalue, tgtkey))`, without the state unless a value
/// is read ahead.
unsafe extern "C" fn groupby_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let g = op as *mut GroupBy;
    ret_obj((|| -> PyResult<PyRef> {
        let a = args(&[(*g).it, or_none((*g).keyfunc)])?;
        if (*g).tgtkey.is_null() || (*g).currkey.is_null() || (*g).currvalue.is_null() {
            return reduce(op, a, None);
        }
        reduce(op, a, Some(args(&[(*g).currkey, (*g).currvalue, (*g).tgtkey])?))
    })())
}

unsafe extern "C" fn groupby_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let g = op as *mut GroupBy;
    ret_obj((|| -> PyResult<PyRef> {
        let s = state_items(state, 3, 3)?;
        set_field(&raw mut (*g).currkey, Some(new_ref(s[0])));
        set_field(&raw mut (*g).currvalue, Some(new_ref(s[1])));
        set_field(&raw mut (*g).tgtkey, Some(new_ref(s[2])));
        Ok(new_ref(none()))
    })())
}

static GROUPBY_PARAMS: Params = Params { function: "groupby", names: &["iterable", "key"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn groupby_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let [iterable, key] = bind_tuple_dict_array::<2>(&GROUPBY_PARAMS, args, kwds)?;
        let it = get_iter(iterable)?;
        let (op, g) = alloc_as::<GroupBy>(tp)?;
        (*g).it = it.into_ptr();
        if !key.is_null() && key != none() {
            (*g).keyfunc = new_ref(key).into_ptr();
        }
        Ok(op)
    })())
}

/// Reads the next value and its key; false at the end of the source.
unsafe fn step(g: *mut GroupBy) -> PyResult<bool> {
    let Some(value) = next((*g).it)? else { return Ok(false) };
    let key = if (*g).keyfunc.is_null() { value.clone() } else { from_slot(PyObject_CallOneArg((*g).keyfunc, value.as_ptr()))? };
    set_field(&raw mut (*g).currvalue, Some(value));
    set_field(&raw mut (*g).currkey, Some(key));
    Ok(true)
}

unsafe extern "C" fn groupby_next(op: *mut PyObject) -> *mut PyObject {
    let g = op as *mut GroupBy;
    next_ret((|| -> PyResult<Option<PyRef>> {
        (*g).currgrouper = core::ptr::null_mut();
        // Skip what is left of the current group.
        loop {
            if !(*g).currkey.is_null() {
                if (*g).tgtkey.is_null() || !rich_compare_bool((*g).tgtkey, (*g).currkey, Py_EQ)? {
                    break;
                }
            }
            if !step(g)? {
                return Ok(None);
            }
        }
        let key = new_ref((*g).currkey);
        set_field(&raw mut (*g).tgtkey, Some(key.clone()));
        let grouper = grouper_create(op, key.clone())?;
        Ok(Some(tuple::from_vec(vec![key, grouper])?))
    })())
}

#[repr(C)]
struct Grouper {
    ob_base: PyObject,
    parent: *mut PyObject,
    tgtkey: *mut PyObject,
}

iter_type!(Grouper_Type, c"itertools._grouper", Grouper, 2, next: grouper_next, doc: c"",
    tp_new: Some(grouper_new), tp_methods: &raw mut GROUPER_METHODS as *mut PyMethodDef);

static mut GROUPER_METHODS: [PyMethodDef; 2] = [reduce_def(grouper_reduce), END];

/// A new grouper of `parent` for `tgtkey`, made the one allowed to yield.
unsafe fn grouper_create(parent: *mut PyObject, tgtkey: PyRef) -> PyResult<PyRef> {
    let (grouper, gr) = alloc_as::<Grouper>(&raw mut Grouper_Type)?;
    (*gr).parent = new_ref(parent).into_ptr();
    (*gr).tgtkey = tgtkey.into_ptr();
    (*(parent as *mut GroupBy)).currgrouper = grouper.as_ptr();
    Ok(grouper)
}

/// `_grouper(parent, tgtkey, /)` (how a pickled grouper is rebuilt).
unsafe extern "C" fn grouper_new(tp: *mut PyTypeObject, a: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(c"_grouper", tp, &raw mut Grouper_Type, a, kwds, 2, 2)?;
        if crate::object::typetype::PyType_IsSubtype((*a[0]).ob_type, &raw mut GroupBy_Type) == 0 {
            return Err(crate::abstract_::type_error(format!(
                "_grouper() argument 1 must be itertools.groupby, not {}",
                crate::abstract_::tp_name(a[0])
            )));
        }
        grouper_create(a[0], new_ref(a[1]))
    })())
}

/// `(_grouper, (parent, tgtkey))`; a grouper that can no longer yield pickles as `iter(())`.
unsafe extern "C" fn grouper_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let gr = op as *mut Grouper;
    ret_obj((|| -> PyResult<PyRef> {
        if (*((*gr).parent as *mut GroupBy)).currgrouper != op {
            let empty = tuple::new(0)?;
            return crate::objects::reduce_forms::reduce_to_list(empty);
        }
        reduce(op, args(&[(*gr).parent, (*gr).tgtkey])?, None)
    })())
}

unsafe extern "C" fn grouper_next(op: *mut PyObject) -> *mut PyObject {
    let gr = op as *mut Grouper;
    let g = (*gr).parent as *mut GroupBy;
    next_ret((|| -> PyResult<Option<PyRef>> {
        if (*g).currgrouper != op {
            return Ok(None);
        }
        if (*g).currvalue.is_null() && !step(g)? {
            return Ok(None);
        }
        if !rich_compare_bool((*gr).tgtkey, (*g).currkey, Py_EQ)? {
            return Ok(None);
        }
        Ok(take_field(&raw mut (*g).currvalue))
    })())
}
