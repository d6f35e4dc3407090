//! `pairwise(iterable)`: overlapping pairs of consecutive items.
use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::modules::itertools::{alloc_as, positional, set_field, take_field};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::tuple;

#[repr(C)]
struct Pairwise {
    ob_base: PyObject,
    /// The source, NULL once exhausted.
    it: *mut PyObject,
    /// The previous item.
    old: *mut PyObject,
}

iter_type!(Pairwise_Type, c"itertools.pairwise", Pairwise, 2, next: pairwise_next,
    doc: c"pairwise(iterable, /)\n--\n\nReturn an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), (s2, s3), ...",
    tp_new: Some(pairwise_new));

unsafe extern "C" fn pairwise_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = positional(c"pairwise", tp, &raw mut Pairwise_Type, args, kwds, 1, 1)?;
        let it = get_iter(a[0])?;
        let (op, p) = alloc_as::<Pairwise>(tp)?;
        (*p).it = it.into_ptr();
        Ok(op)
    })())
}

/// The source's `__next__` may re-enter this iterator (and exhaust it), so the source and the
/// previous item are held across each call, and the fields are re-read after it.
unsafe extern "C" fn pairwise_next(op: *mut PyObject) -> *mut PyObject {
    let p = op as *mut Pairwise;
    let r = (|| -> PyResult<Option<PyRef>> {
        if (*p).it.is_null() {
            return Ok(None);
        }
        let it = new_ref((*p).it);
        if (*p).old.is_null() {
            let Some(first) = next(it.as_ptr())? else { return Ok(None) };
            set_field(&raw mut (*p).old, Some(first));
            if (*p).it.is_null() {
                return Ok(None);
            }
        }
        let old = new_ref((*p).old);
        let Some(new) = next(it.as_ptr())? else { return Ok(None) };
        set_field(&raw mut (*p).old, Some(new.clone()));
        Ok(Some(tuple::from_vec(vec![old, new])?))
    })();
    match r {
        Ok(Some(pair)) => pair.into_ptr(),
        _ => {
            drop(take_field(&raw mut (*p).it));
            drop(take_field(&raw mut (*p).old));
            core::ptr::null_mut()
        }
    }
}
