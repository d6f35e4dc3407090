//! `zip_longest(*iterables, fillvalue=None)`: tuples until the longest input ends, the
//! shorter ones padded with `fillvalue`.
use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::{new_ref, none, ret_obj, type_error};
use crate::errors::raised::PyResult;
use crate::modules::itertools::pickling::{reduce, reduce_def, setstate_def};
use crate::modules::itertools::{alloc_as, next_ret, set_field};
use crate::object::method_table::END;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct ZipLongest {
    ob_base: PyObject,
    /// The iterators; an exhausted one is replaced by None.
    ittuple: *mut PyObject,
    fillvalue: *mut PyObject,
    numactive: Py_ssize_t,
}

iter_type!(ZipLongest_Type, c"itertools.zip_longest", ZipLongest, 2, next: zip_longest_next,
    doc: c"zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.",
    tp_new: Some(zip_longest_new), tp_methods: &raw mut ZIP_LONGEST_METHODS as *mut PyMethodDef);

static mut ZIP_LONGEST_METHODS: [PyMethodDef; 3] = [reduce_def(zip_longest_reduce), setstate_def(zip_longest_setstate), END];

/// `(zip_longest, iterators, fillvalue)`, an exhausted iterator given as `()`.
unsafe extern "C" fn zip_longest_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let z = op as *mut ZipLongest;
    ret_obj((|| -> PyResult<PyRef> {
        let mut its = Vec::new();
        for &it in tuple::items((*z).ittuple) {
            its.push(if it == none() { tuple::new(0)? } else { new_ref(it) });
        }
        reduce(op, tuple::from_vec(its)?, Some(new_ref((*z).fillvalue)))
    })())
}

unsafe extern "C" fn zip_longest_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    set_field(&raw mut (*(op as *mut ZipLongest)).fillvalue, Some(new_ref(state)));
    new_ref(none()).into_ptr()
}

unsafe extern "C" fn zip_longest_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let mut fill = none();
        if !kwds.is_null() && dict::len(kwds) != 0 {
            let items = dict::items(kwds);
            if items.len() != 1 || !pystr::is_str(items[0].0) || !pystr::eq_ascii(items[0].0, "fillvalue") {
                return Err(type_error("zip_longest() got an unexpected keyword argument"));
            }
            fill = items[0].1;
        }
        let a: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
        let mut its = Vec::with_capacity(a.len());
        for &x in a {
            its.push(get_iter(x)?);
        }
        let n = its.len();
        let (op, z) = alloc_as::<ZipLongest>(tp)?;
        (*z).ittuple = tuple::from_vec(its)?.into_ptr();
        (*z).fillvalue = new_ref(fill).into_ptr();
        (*z).numactive = n as Py_ssize_t;
        Ok(op)
    })())
}

unsafe extern "C" fn zip_longest_next(op: *mut PyObject) -> *mut PyObject {
    let z = op as *mut ZipLongest;
    next_ret((|| -> PyResult<Option<PyRef>> {
        let its = tuple::items((*z).ittuple);
        if its.is_empty() || (*z).numactive == 0 {
            return Ok(None);
        }
        // The tuple is private to this object: exhausted slots are overwritten in place.
        let slots = its.as_ptr() as *mut *mut PyObject;
        let mut out = Vec::with_capacity(its.len());
        for i in 0..its.len() {
            let it = *slots.add(i);
            if it == none() {
                out.push(new_ref((*z).fillvalue));
                continue;
            }
            match next(it) {
                Ok(Some(v)) => out.push(v),
                Ok(None) => {
                    (*z).numactive -= 1;
                    if (*z).numactive == 0 {
                        return Ok(None);
                    }
                    *slots.add(i) = new_ref(none()).into_ptr();
                    drop(PyRef::from_owned(it));
                    out.push(new_ref((*z).fillvalue));
                }
                Err(e) => {
                    (*z).numactive = 0;
                    return Err(e);
                }
            }
        }
        Ok(Some(tuple::from_vec(out)?))
    })())
}
