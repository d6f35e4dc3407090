//! `_functools._lru_cache_wrapper`, the C half of `functools.lru_cache`: a callable that
//! memoizes its function by a key made from the arguments.
//!
//! Three strategies, picked once from `maxsize`: 0 caches nothing (counts misses), None
//! is a plain dict from key to result, and a bound keeps a doubly linked list of
//! `_lru_list_elem` links in use order (the dict maps key to link; the root's `next` is
//! the least recently used). The user function may call the wrapper again (recursion) or
//! clear it, so after a miss the cache is looked at again before the result is added.
use core::ffi::{c_int, c_void};

use crate::abstract_::{from_slot, new_ref, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_PYSSIZET};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::method_table::{plain, END};
use crate::object::object::PyObject;
use crate::object::objimpl::PyObject_GC_UnTrack;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL, Py_TPFLAGS_METHOD_DESCRIPTOR};
use crate::objects::{dict, int, tuple};
use crate::pyport::Py_hash_t;

// ---- Links ---------------------------------------------------------------------------------

/// A cache entry of the bounded strategy (`functools._lru_list_elem`). The list pointers
/// are borrowed: the cache dict owns the links.
#[repr(C)]
struct Link {
    ob_base: PyObject,
    key: *mut PyObject,
    result: *mut PyObject,
    prev: *mut Link,
    next: *mut Link,
    hash: Py_hash_t,
}

static mut Link_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(link_dealloc),
    ..static_type(c"functools._lru_list_elem", core::mem::size_of::<Link>(), 0, Py_TPFLAGS_DEFAULT as _, None)
};

unsafe extern "C" fn link_dealloc(op: *mut PyObject) {
    let l = op as *mut Link;
    drop(PyRef::from_owned((*l).key));
    drop(PyRef::from_owned((*l).result));
    crate::modules::select::free_object(op);
}

unsafe fn new_link(key: *mut PyObject, hash: Py_hash_t, result: *mut PyObject) -> PyResult<PyRef> {
    let op = crate::objects::iter_common::alloc(&raw mut Link_Type)?;
    let l = op.as_ptr() as *mut Link;
    (*l).key = if key.is_null() { key } else { new_ref(key).into_ptr() };
    (*l).result = if result.is_null() { result } else { new_ref(result).into_ptr() };
    (*l).hash = hash;
    (*l).prev = l;
    (*l).next = l;
    Ok(op)
}

unsafe fn unlink(l: *mut Link) {
    (*(*l).prev).next = (*l).next;
    (*(*l).next).prev = (*l).prev;
    (*l).prev = l;
    (*l).next = l;
}

/// Puts `l` at the most recently used end (just before the root).
unsafe fn append(root: *mut Link, l: *mut Link) {
    let last = (*root).prev;
    (*last).next = l;
    (*l).prev = last;
    (*l).next = root;
    (*root).prev = l;
}

// ---- The wrapper ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Strategy {
    Uncached,
    Unbounded,
    Bounded,
}

#[repr(C)]
struct LruCache {
    ob_base: PyObject,
    func: *mut PyObject,
    cache: *mut PyObject,
    cache_info_type: *mut PyObject,
    dict: *mut PyObject,
    /// The list's sentinel (a link object that is never in the dict).
    root: *mut PyObject,
    weakreflist: *mut PyObject,
    maxsize: isize,
    hits: isize,
    misses: isize,
    typed: bool,
    strategy: Strategy,
    vectorcall: crate::object::slots::vectorcallfunc,
}

unsafe fn me<'a>(op: *mut PyObject) -> &'a mut LruCache {
    &mut *(op as *mut LruCache)
}

/// The marker between positional and keyword arguments in a key.
static mut KWD_MARK: *mut PyObject = core::ptr::null_mut();

unsafe fn kwd_mark() -> PyResult<*mut PyObject> {
    if KWD_MARK.is_null() {
        let o = crate::abstract_::call::PyObject_CallNoArgs(&raw mut crate::object::baseobject::PyBaseObject_Type as *mut PyObject);
        KWD_MARK = from_slot(o)?.into_ptr();
    }
    Ok(KWD_MARK)
}

/// The cache key: a lone int or str argument itself, the positional arguments as a tuple
/// when there are no keywords, else the arguments, the marker and the keyword pairs (and,
/// when typed, the types of all values) in one tuple. `args` holds the positional
/// arguments then the values of the keywords named by `kwnames` (vectorcall layout).
unsafe fn make_key(args: &[*mut PyObject], kwnames: &[*mut PyObject], typed: bool) -> PyResult<PyRef> {
    let nkw = kwnames.len();
    let (positional, kw_values) = args.split_at(args.len() - nkw);
    if !typed && nkw == 0 {
        if positional.len() == 1 {
            let a = positional[0];
            if (*a).ob_type == &raw mut crate::objects::str::PyUnicode_Type || int::is_exact_int(a) {
                return Ok(new_ref(a));
            }
        }
        return tuple::from_ptrs(positional);
    }
    let mark = if nkw > 0 { kwd_mark()? } else { core::ptr::null_mut() };
    let size = positional.len() + if nkw > 0 { 1 + 2 * nkw } else { 0 } + if typed { args.len() } else { 0 };
    // The parts on the stack when few (the usual call), no growing vector.
    let mut stack = [core::ptr::null_mut(); 16];
    let mut heap = Vec::new();
    let parts: &mut [*mut PyObject] = if size <= stack.len() {
        &mut stack[..size]
    } else {
        heap.resize(size, core::ptr::null_mut());
        &mut heap
    };
    let mut n = 0;
    let mut put = |o: *mut PyObject| {
        parts[n] = o;
        n += 1;
    };
    positional.iter().for_each(|&a| put(a));
    if nkw > 0 {
        put(mark);
        for (&k, &v) in kwnames.iter().zip(kw_values) {
            put(k);
            put(v);
        }
    }
    if typed {
        args.iter().for_each(|&a| put((*a).ob_type as *mut PyObject));
    }
    debug_assert_eq!(n, size);
    tuple::from_ptrs(parts)
}

/// Called with a vector of arguments, as the eval loop calls (CPython's wrapper takes a
/// tuple and a dict: making them cost as much as a cache hit).
unsafe extern "C" fn lru_vectorcall(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj(call(op, args, nargsf, kwnames))
}

unsafe fn call_function(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    let f = new_ref(me(op).func);
    from_slot(crate::abstract_::call::vectorcall(f.as_ptr(), args, nargsf, kwnames))
}

unsafe fn call(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    let s = me(op);
    if s.strategy == Strategy::Uncached {
        s.misses += 1;
        return call_function(op, args, nargsf, kwnames);
    }
    let kwnames_slice: &[*mut PyObject] = if kwnames.is_null() { &[] } else { tuple::items(kwnames) };
    let nargs = nargsf & !crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
    let all = if nargs + kwnames_slice.len() == 0 { &[][..] } else { core::slice::from_raw_parts(args, nargs + kwnames_slice.len()) };
    let key = make_key(all, kwnames_slice, s.typed)?;
    let hash = crate::abstract_::object::hash(key.as_ptr())?;
    let cache = new_ref(s.cache);
    if s.strategy == Strategy::Unbounded {
        if let Some(hit) = dict::get_item_known_hash(cache.as_ptr(), key.as_ptr(), hash)? {
            me(op).hits += 1;
            return Ok(new_ref(hit));
        }
        me(op).misses += 1;
        let result = call_function(op, args, nargsf, kwnames)?;
        dict::set_item_known_hash(me(op).cache, key.as_ptr(), hash, result.as_ptr())?;
        return Ok(result);
    }
    let root = me(op).root as *mut Link;
    if let Some(found) = dict::get_item_known_hash(cache.as_ptr(), key.as_ptr(), hash)? {
        let l = found as *mut Link;
        unlink(l);
        append(root, l);
        me(op).hits += 1;
        return Ok(new_ref((*l).result));
    }
    me(op).misses += 1;
    let result = call_function(op, args, nargsf, kwnames)?;
    // The call may have added this key (recursion) or cleared the cache.
    let cache = new_ref(me(op).cache);
    if dict::get_item_known_hash(cache.as_ptr(), key.as_ptr(), hash)?.is_some() {
        return Ok(result);
    }
    if dict::len(cache.as_ptr()) as isize >= me(op).maxsize && (*root).next != root {
        // Full: the least recently used link goes.
        let oldest = (*root).next;
        let keep = new_ref(oldest as *mut PyObject);
        unlink(oldest);
        dict::pop_known_hash(cache.as_ptr(), (*oldest).key, (*oldest).hash)?;
        drop(keep);
    }
    let link = new_link(key.as_ptr(), hash, result.as_ptr())?;
    dict::set_item_known_hash(cache.as_ptr(), key.as_ptr(), hash, link.as_ptr())?;
    append(root, link.as_ptr() as *mut Link);
    Ok(result)
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
unsafe extern "C" fn lru_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
    static P: Params = Params {
        function: "lru_cache",
        names: &["user_function", "maxsize", "typed", "cache_info_type"],
        positional_only: 0,
        max_positional: 4,
        required: 4,
    };
    ret_obj((|| {
        let [func, maxsize, typed, info] = bind_tuple_dict_array::<4>(&P, args, kwds)?;
        if crate::abstract_::call::PyCallable_Check(func) == 0 {
            return Err(type_error("the first argument must be callable"));
        }
        let (strategy, maxsize) = if maxsize == crate::abstract_::none() {
            (Strategy::Unbounded, -1)
        } else if crate::abstract_::number::PyIndex_Check(maxsize) != 0 {
            let n = crate::abstract_::number::PyNumber_AsSsize_t(maxsize, &raw mut crate::errors::exception_types::_PyExc_OverflowError as *mut PyObject);
            if n == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
                return Err(Raised::assume_set());
            }
            let n = n.max(0);
            (if n == 0 { Strategy::Uncached } else { Strategy::Bounded }, n)
        } else {
            return Err(type_error("maxsize should be integer or None"));
        };
        let typed = crate::abstract_::object::is_true(typed)?;
        let cache = dict::new()?;
        let root = new_link(core::ptr::null_mut(), 0, core::ptr::null_mut())?;
        let op = crate::objects::iter_common::alloc(tp)?;
        let s = me(op.as_ptr());
        s.func = new_ref(func).into_ptr();
        s.cache = cache.into_ptr();
        s.cache_info_type = new_ref(info).into_ptr();
        s.dict = core::ptr::null_mut();
        s.root = root.into_ptr();
        s.weakreflist = core::ptr::null_mut();
        s.maxsize = maxsize;
        s.hits = 0;
        s.misses = 0;
        s.typed = typed;
        s.strategy = strategy;
        s.vectorcall = Some(lru_vectorcall);
        Ok(op)
    })())
}

/// Empties the list and the dict (the links go with the dict).
unsafe fn clear_cache(op: *mut PyObject) {
    let s = me(op);
    if !s.root.is_null() {
        let root = s.root as *mut Link;
        while (*root).next != root {
            unlink((*root).next);
        }
    }
    if !s.cache.is_null() {
        let old = new_ref(s.cache);
        dict::clear(old.as_ptr());
    }
}

unsafe extern "C" fn lru_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    if !me(op).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    lru_clear(op);
    drop(PyRef::from_owned(core::mem::replace(&mut me(op).root, core::ptr::null_mut())));
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut c_void),
    }
}

unsafe extern "C" fn lru_clear(op: *mut PyObject) -> c_int {
    clear_cache(op);
    let s = me(op);
    for p in [&mut s.func, &mut s.cache, &mut s.cache_info_type, &mut s.dict] {
        drop(PyRef::from_owned(core::mem::replace(p, core::ptr::null_mut())));
    }
    0
}

unsafe extern "C" fn lru_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(v) = visit else { return 0 };
    let s = me(op);
    // The links are no GC objects: their keys and results are visited here.
    if !s.root.is_null() {
        let root = s.root as *mut Link;
        let mut l = (*root).next;
        while l != root {
            for p in [(*l).key, (*l).result] {
                if !p.is_null() {
                    let r = v(p, arg);
                    if r != 0 {
                        return r;
                    }
                }
            }
            l = (*l).next;
        }
    }
    for p in [s.func, s.cache, s.cache_info_type, s.dict] {
        if !p.is_null() {
            let r = v(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Bound to an instance like a function.
unsafe extern "C" fn lru_descr_get(op: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() || obj == crate::abstract_::none() {
        return new_ref(op).into_ptr();
    }
    crate::objects::method::PyMethod_New(op, obj)
}

unsafe extern "C" fn cache_info(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let s = me(op);
        let maxsize = if s.strategy == Strategy::Unbounded { new_ref(crate::abstract_::none()) } else { int::from_i64(s.maxsize as i64)? };
        let currsize = if s.cache.is_null() { 0 } else { dict::len(s.cache) as i64 };
        let items = [int::from_i64(s.hits as i64)?, int::from_i64(s.misses as i64)?, maxsize, int::from_i64(currsize)?];
        let ptrs: Vec<*mut PyObject> = items.iter().map(|r| r.as_ptr()).collect();
        from_slot(crate::abstract_::call::vectorcall(s.cache_info_type, ptrs.as_ptr(), 4, core::ptr::null_mut()))
    })())
}

unsafe extern "C" fn cache_clear(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    me(op).hits = 0;
    me(op).misses = 0;
    clear_cache(op);
    crate::modules::none_ref().into_ptr()
}

/// Pickled by qualified name (the wrapper stands for a module-level function).
unsafe extern "C" fn reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let n = crate::object::object_attr::interned_name(c"__qualname__".as_ptr())?;
        crate::object::object_attr::get_attr(op, n.as_ptr())
    })())
}

unsafe extern "C" fn copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    new_ref(op).into_ptr()
}

static mut LRU_METHODS: [PyMethodDef; 6] = [
    plain(c"cache_info", cache_info, METH_NOARGS).doc(c"Report cache statistics"),
    plain(c"cache_clear", cache_clear, METH_NOARGS).doc(c"Clear the cache and cache statistics"),
    plain(c"__reduce__", reduce, METH_NOARGS),
    plain(c"__copy__", copy, METH_NOARGS),
    plain(c"__deepcopy__", copy, METH_O),
    END,
];

static mut LRU_GETSETS: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::object::generic_getattr::PyObject_GenericGetDict),
        set: Some(crate::object::generic_getattr::PyObject_GenericSetDict),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut LRU_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"__dictoffset__".as_ptr(), r#type: T_PYSSIZET, offset: core::mem::offset_of!(LruCache, dict) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"__weaklistoffset__".as_ptr(), r#type: T_PYSSIZET, offset: core::mem::offset_of!(LruCache, weakreflist) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

pub static mut LruCache_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(lru_dealloc),
    tp_traverse: Some(lru_traverse),
    tp_clear: Some(lru_clear),
    tp_call: Some(crate::abstract_::call::PyVectorcall_Call),
    tp_vectorcall_offset: core::mem::offset_of!(LruCache, vectorcall) as isize,
    tp_descr_get: Some(lru_descr_get),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_dictoffset: core::mem::offset_of!(LruCache, dict) as isize,
    tp_weaklistoffset: core::mem::offset_of!(LruCache, weakreflist) as isize,
    tp_methods: &raw mut LRU_METHODS as *mut PyMethodDef,
    tp_getset: &raw mut LRU_GETSETS as *mut PyGetSetDef,
    tp_members: &raw mut LRU_MEMBERS as *mut PyMemberDef,
    tp_new: Some(lru_new),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"functools._lru_cache_wrapper",
        core::mem::size_of::<LruCache>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_HAVE_VECTORCALL,
        Some(c"Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n"),
    )
};

/// The types, readied with the builtin types (`_functools` adds the wrapper).
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut Link_Type, &raw mut LruCache_Type]
}
