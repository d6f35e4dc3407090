//! The `_heapq` module: binary min-heaps (and the max-heap helpers `heapq.py` uses) kept in
//! a list. Items are moved by swapping the list's slots; a comparison that changes the
//! list's size is RuntimeError, as in CPython.
use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::{PyObject, Py_LT};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::list;
use crate::objects::module::PyModuleDef;

unsafe fn slots(heap: *mut PyObject) -> *mut *mut PyObject {
    list::items(heap).as_ptr() as *mut *mut PyObject
}

/// `a < b` (or `b < a` for a max-heap), failing if the comparison resized the heap.
unsafe fn less(heap: *mut PyObject, i: usize, j: usize, max: bool) -> PyResult<bool> {
    let n = list::len(heap);
    let (a, b) = (new_ref(*slots(heap).add(i)), new_ref(*slots(heap).add(j)));
    let r = if max { rich_compare_bool(b.as_ptr(), a.as_ptr(), Py_LT)? } else { rich_compare_bool(a.as_ptr(), b.as_ptr(), Py_LT)? };
    if list::len(heap) != n {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "list changed size during iteration"));
    }
    Ok(r)
}

unsafe fn swap(heap: *mut PyObject, i: usize, j: usize) {
    let s = slots(heap);
    core::ptr::swap(s.add(i), s.add(j));
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
unsafe fn sift_down(heap: *mut PyObject, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !less(heap, pos, parent, max)? {
            break;
        }
        swap(heap, pos, parent);
        pos = parent;
    }
    Ok(())
}

/// Moves the item at `pos` down to a leaf along the smaller children, then back up.
unsafe fn sift_up(heap: *mut PyObject, mut pos: usize, max: bool) -> PyResult<()> {
    let end = list::len(heap);
    let start = pos;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(heap, child, right, max)? {
            child = right;
        }
        if list::len(heap) != end {
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "list changed size during iteration"));
        }
        swap(heap, pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(heap, start, pos, max)
}

/// `heap` must be a list (`which`: "argument 1" of two, "argument" of one).
unsafe fn heap_arg(name: &str, which: &str, heap: *mut PyObject) -> PyResult<()> {
    if !list::is_list(heap) {
        return Err(type_error(format!("{name}() {which} must be list, not {}", tp_name(heap))));
    }
    Ok(())
}

unsafe fn two(name: &core::ffi::CStr, args: *const *mut PyObject, nargs: isize) -> PyResult<(*mut PyObject, *mut PyObject)> {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, 2, 2) {
        return Err(Raised::assume_set());
    }
    heap_arg(name.to_str().unwrap_or(""), "argument 1", a[0])?;
    Ok((a[0], a[1]))
}

fn index_error() -> Raised {
    raise_type(&raw mut exc::_PyExc_IndexError, "index out of range")
}

/// Replaces `heap[0]` by `item`, returning the old first item.
unsafe fn replace_first(heap: *mut PyObject, item: *mut PyObject) -> PyRef {
    let old = core::mem::replace(&mut *slots(heap), new_ref(item).into_ptr());
    PyRef::from_owned(old).expect("list items are not NULL")
}

unsafe fn pop(heap: *mut PyObject, max: bool) -> PyResult<PyRef> {
    let n = list::len(heap);
    if n == 0 {
        return Err(index_error());
    }
    let last = new_ref(list::items(heap)[n - 1]);
    list::replace_range(heap, n - 1, n, &[])?;
    if n == 1 {
        return Ok(last);
    }
    let first = replace_first(heap, last.as_ptr());
    sift_up(heap, 0, max)?;
    Ok(first)
}

unsafe fn replace(heap: *mut PyObject, item: *mut PyObject, max: bool) -> PyResult<PyRef> {
    if list::len(heap) == 0 {
        return Err(index_error());
    }
    let first = replace_first(heap, item);
    sift_up(heap, 0, max)?;
    Ok(first)
}

unsafe fn heapify(heap: *mut PyObject, max: bool) -> PyResult<PyRef> {
    let n = list::len(heap);
    for i in (0..n / 2).rev() {
        sift_up(heap, i, max)?;
    }
    Ok(crate::modules::none_ref())
}

unsafe extern "C" fn heappush(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (heap, item) = two(c"heappush", args, nargs)?;
        list::append(heap, item)?;
        sift_down(heap, 0, list::len(heap) - 1, false)?;
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn heappop(_m: *mut PyObject, heap: *mut PyObject) -> *mut PyObject {
    ret_obj(heap_arg("heappop", "argument", heap).and_then(|_| pop(heap, false)))
}

unsafe extern "C" fn heappop_max(_m: *mut PyObject, heap: *mut PyObject) -> *mut PyObject {
    ret_obj(heap_arg("_heappop_max", "argument", heap).and_then(|_| pop(heap, true)))
}

unsafe extern "C" fn heapreplace(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj(two(c"heapreplace", args, nargs).and_then(|(h, x)| replace(h, x, false)))
}

unsafe extern "C" fn heapreplace_max(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj(two(c"_heapreplace_max", args, nargs).and_then(|(h, x)| replace(h, x, true)))
}

unsafe extern "C" fn heappushpop(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (heap, item) = two(c"heappushpop", args, nargs)?;
        if list::len(heap) == 0 {
            return Ok(new_ref(item));
        }
        let top = new_ref(list::items(heap)[0]);
        if !rich_compare_bool(top.as_ptr(), item, Py_LT)? {
            return Ok(new_ref(item));
        }
        if list::len(heap) == 0 {
            return Err(index_error());
        }
        let first = replace_first(heap, item);
        sift_up(heap, 0, false)?;
        Ok(first)
    })())
}

unsafe extern "C" fn heapify_min(_m: *mut PyObject, heap: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if !list::is_list(heap) {
            return Err(type_error(format!("heapify() argument must be list, not {}", tp_name(heap))));
        }
        heapify(heap, false)
    })())
}

unsafe extern "C" fn heapify_max(_m: *mut PyObject, heap: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if !list::is_list(heap) {
            return Err(type_error(format!("_heapify_max() argument must be list, not {}", tp_name(heap))));
        }
        heapify(heap, true)
    })())
}

static mut HEAPQ_FUNCTIONS: [PyMethodDef; 9] = [
    fast(c"heappush", heappush, c"heappush($module, heap, item, /)\n--\n\nPush item onto heap, maintaining the heap invariant."),
    fast(c"heappushpop", heappushpop, c"heappushpop($module, heap, item, /)\n--\n\nPush item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action runs more efficiently than heappush() followed by\na separate call to heappop()."),
    meth(c"heappop", heappop, METH_O, c"heappop($module, heap, /)\n--\n\nPop the smallest item off the heap, maintaining the heap invariant."),
    fast(c"heapreplace", heapreplace, c"heapreplace($module, heap, item, /)\n--\n\nPop and return the current smallest value, and add the new item.\n\nThis is more efficient than heappop() followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note that the value\nreturned may be larger than item!  That constrains reasonable uses of\nthis routine unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n        item = heapreplace(heap, item)"),
    meth(c"heapify", heapify_min, METH_O, c"heapify($module, heap, /)\n--\n\nTransform list into a heap, in-place, in O(len(heap)) time."),
    meth(c"_heappop_max", heappop_max, METH_O, c"_heappop_max($module, heap, /)\n--\n\nMaxheap variant of heappop."),
    meth(c"_heapify_max", heapify_max, METH_O, c"_heapify_max($module, heap, /)\n--\n\nMaxheap variant of heapify."),
    fast(c"_heapreplace_max", heapreplace_max, c"_heapreplace_max($module, heap, item, /)\n--\n\nMaxheap variant of heapreplace."),
    END,
];

static mut HEAPQ_DEF: PyModuleDef = module_def(
    c"_heapq",
    c"Heap queue algorithm (a.k.a. priority queue).\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n",
    (&raw mut HEAPQ_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit__heapq` for the inittab.
pub(crate) unsafe extern "C" fn init_heapq() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut HEAPQ_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let about = crate::objects::str::from_utf8("Heap queues")?;
        crate::objects::dict::set_item(crate::objects::module::PyModule_GetDict(m.as_ptr()), crate::objects::str::intern("__about__")?.as_ptr(), about.as_ptr())?;
        Ok(m)
    })())
}
