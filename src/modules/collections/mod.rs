//! The `_collections` module: `deque` (deque.rs storage, deque_type.rs type, deque_iter.rs
//! iterators), `defaultdict`, `_tuplegetter`, `_count_elements`, and `OrderedDict` (the C
//! type of src/objects/odict.rs, which collections/__init__.py takes over its own class).
use crate::abstract_::{from_slot, new_ref, ret_obj};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, module_def, owned, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::dict;
use crate::objects::module::PyModuleDef;

pub mod defaultdict;
pub mod deque;
pub mod deque_iter;
pub mod deque_type;
pub mod tuplegetter;

/// `_count_elements(mapping, iterable, /)`: `mapping[x] = mapping.get(x, 0) + 1` per item.
unsafe extern "C" fn count_elements(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"_count_elements".as_ptr(), a.len() as isize, 2, 2) {
            return Err(Raised::assume_set());
        }
        let (mapping, it) = (a[0], crate::abstract_::iter::get_iter(a[1])?);
        let one = crate::objects::int::small_ref(1);
        // An exact dict is updated directly; anything else through its get/__setitem__.
        let get = if dict::is_exact(mapping) {
            None
        } else {
            Some(crate::object::object_attr::get_attr(mapping, crate::objects::str::intern("get")?.as_ptr())?)
        };
        let zero = crate::objects::int::small_ref(0);
        while let Some(key) = crate::abstract_::iter::next(it.as_ptr())? {
            let old = match &get {
                None => match dict::get_item(mapping, key.as_ptr())? {
                    Some(v) => new_ref(v),
                    None => zero.clone(),
                },
                Some(g) => {
                    let pair = [key.as_ptr(), zero.as_ptr()];
                    from_slot(crate::abstract_::call::vectorcall(g.as_ptr(), pair.as_ptr(), 2, core::ptr::null_mut()))?
                }
            };
            let new = from_slot(crate::abstract_::number::PyNumber_Add(old.as_ptr(), one.as_ptr()))?;
            crate::abstract_::item::set_item(mapping, key.as_ptr(), new.as_ptr())?;
        }
        Ok(crate::modules::none_ref())
    })())
}

static mut COLLECTIONS_FUNCTIONS: [PyMethodDef; 2] = [
    fast(c"_count_elements", count_elements, c"_count_elements($module, mapping, iterable, /)\n--\n\nCount elements in the iterable, updating the mapping"),
    END,
];

static mut COLLECTIONS_DEF: PyModuleDef = module_def(
    c"_collections",
    c"High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n",
    (&raw mut COLLECTIONS_FUNCTIONS) as *mut PyMethodDef,
);

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![
        &raw mut deque_type::Deque_Type,
        &raw mut deque_iter::DequeIter_Type,
        &raw mut deque_iter::DequeRevIter_Type,
        &raw mut defaultdict::DefaultDict_Type,
        &raw mut tuplegetter::TupleGetter_Type,
    ]
}

/// Types the module exports that are readied with the builtin types elsewhere:
/// `OrderedDict` is the C-API's `PyODict_Type` (src/objects/odict.rs), which
/// `collections` takes in place of its pure-Python class, as with CPython.
fn shared_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut crate::objects::odict::PyODict_Type]
}

/// `PyInit__collections` for the inittab.
pub(crate) unsafe extern "C" fn init_collections() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut COLLECTIONS_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        for tp in types().into_iter().chain(shared_types()) {
            if crate::objects::module::PyModule_AddType(m.as_ptr(), tp) < 0 {
                return Err(Raised::assume_set());
            }
        }
        Ok(m)
    })())
}
