//! The `gc` module: control of the cycle collector (src/gc) from Python.
use core::ffi::c_int;

use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::gc::collect::{list_len, list_splice, next};
use crate::gc::head::{self, from_gc, state, PyGC_Head, NUM_GENERATIONS};
use crate::modules::{fast_kw, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::object_is_gc;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int, list, str as pystr, tuple};

fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// An `int` argument as Argument Clinic converts it (`__index__`, C int range).
unsafe fn c_int_arg(op: *mut PyObject) -> PyResult<c_int> {
    let message = "Python int too large to convert to C int";
    let v = crate::objects::long_convert::as_i64_with(op, message)?;
    c_int::try_from(v).map_err(|_| raise_type(&raw mut exc::_PyExc_OverflowError, message))
}

fn bool_obj(b: bool) -> PyRef {
    crate::abstract_::compare::bool_ref(b)
}

unsafe extern "C" fn enable(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::gc::collector::PyGC_Enable();
    ret(Ok(none_ref()))
}

unsafe extern "C" fn disable(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::gc::collector::PyGC_Disable();
    ret(Ok(none_ref()))
}

unsafe extern "C" fn isenabled(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(Ok(bool_obj((*state()).enabled)))
}

/// `collect(generation=2)`: runs even while automatic collection is disabled.
unsafe extern "C" fn collect(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "collect", names: &["generation"], max_positional: 1, required: 0, positional_only: 0 };
    ret((|| {
        let bound = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let gen = match bound[0] {
            Some(g) => c_int_arg(g)?,
            None => NUM_GENERATIONS as c_int - 1,
        };
        if gen < 0 || gen >= NUM_GENERATIONS as c_int {
            return Err(value_error("invalid generation"));
        }
        int::from_i64(crate::gc::collector::collect_with_callbacks(gen as usize) as i64)
    })())
}

unsafe fn int_tuple(values: &[i64]) -> PyResult<PyRef> {
    let items = values.iter().map(|&v| int::from_i64(v)).collect::<PyResult<Vec<_>>>()?;
    tuple::from_vec(items)
}

unsafe extern "C" fn get_count(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state();
    ret(int_tuple(&[0, 1, 2].map(|i| (*st).generations[i].count as i64)))
}

unsafe extern "C" fn get_threshold(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state();
    ret(int_tuple(&[0, 1, 2].map(|i| (*st).generations[i].threshold as i64)))
}

/// `set_threshold(threshold0, [threshold1, threshold2])`.
unsafe extern "C" fn set_threshold(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let a = tuple::items(args);
        if a.is_empty() {
            return Err(type_error(format!("set_threshold() takes at least 1 argument ({} given)", a.len())));
        }
        if a.len() > 3 {
            return Err(type_error(format!("set_threshold() takes at most 3 arguments ({} given)", a.len())));
        }
        let values = a.iter().map(|&o| c_int_arg(o)).collect::<PyResult<Vec<_>>>()?;
        let st = state();
        for (i, v) in values.into_iter().enumerate() {
            (*st).generations[i].threshold = v;
        }
        Ok(none_ref())
    })())
}

/// The objects of a generation list, except `skip` (the result list itself).
unsafe fn append_list(out: *mut PyObject, head: *mut PyGC_Head, skip: *mut PyObject) -> PyResult<()> {
    let mut g = next(head);
    while g != head {
        let op = from_gc(g);
        if op != skip {
            list::append(out, op)?;
        }
        g = next(g);
    }
    Ok(())
}

/// `get_objects(generation=None)`.
unsafe extern "C" fn get_objects(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "get_objects", names: &["generation"], max_positional: 1, required: 0, positional_only: 0 };
    ret((|| {
        let bound = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let gen: i64 = match bound[0] {
            None => -1,
            Some(g) if g == crate::abstract_::none() => -1,
            Some(g) if crate::objects::int::is_int(g) || crate::abstract_::number::PyIndex_Check(g) != 0 => {
                crate::objects::long_convert::as_i64_with(g, "Python int too large to convert to C ssize_t")?
            }
            Some(g) => {
                return Err(type_error(format!("argument should be integer or None, not '{}'", crate::abstract_::tp_name(g))))
            }
        };
        if gen >= NUM_GENERATIONS as i64 {
            return Err(value_error("generation parameter must be less than the number of available generations (3)"));
        }
        if gen < -1 {
            return Err(value_error("generation parameter cannot be negative"));
        }
        let out = list::new(0)?;
        let st = state();
        let gens = if gen == -1 { 0..NUM_GENERATIONS } else { gen as usize..gen as usize + 1 };
        for i in gens {
            append_list(out.as_ptr(), &mut (*st).generations[i].head, out.as_ptr())?;
        }
        // The builtin types' descriptors, never collected, count as the oldest generation.
        if gen == -1 || gen == NUM_GENERATIONS as i64 - 1 {
            append_list(out.as_ptr(), &mut (*st).runtime_static.head, out.as_ptr())?;
        }
        Ok(out)
    })())
}

/// Collects what `op`'s `tp_traverse` reports into a Vec (borrowed pointers).
pub(crate) unsafe fn referents_of(op: *mut PyObject) -> Vec<*mut PyObject> {
    unsafe extern "C" fn push(o: *mut PyObject, arg: *mut core::ffi::c_void) -> c_int {
        (*(arg as *mut Vec<*mut PyObject>)).push(o);
        0
    }
    let mut out = Vec::new();
    if object_is_gc(op) {
        if let Some(traverse) = (*(*op).ob_type).tp_traverse {
            traverse(op, Some(push), &mut out as *mut Vec<*mut PyObject> as *mut core::ffi::c_void);
        }
    }
    out
}

/// `get_referents(*objs)`: what the objects' `tp_traverse` visits.
unsafe extern "C" fn get_referents(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let out = list::new(0)?;
        for &o in tuple::items(args) {
            for r in referents_of(o) {
                list::append(out.as_ptr(), r)?;
            }
        }
        Ok(out)
    })())
}

/// `get_referrers(*objs)`: every tracked object whose `tp_traverse` visits one of them.
unsafe extern "C" fn get_referrers(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let targets = tuple::items(args);
        let out = list::new(0)?;
        let st = state();
        let mut found = Vec::new();
        let lists = (*st).generations.iter_mut().map(|g| &mut g.head as *mut PyGC_Head);
        for h in lists.chain([&mut (*st).runtime_static.head as *mut PyGC_Head]) {
            let mut g = next(h);
            while g != h {
                let op = from_gc(g);
                if op != args && referents_of(op).iter().any(|r| targets.contains(r)) {
                    found.push(new_ref(op));
                }
                g = next(g);
            }
        }
        for o in found {
            list::append(out.as_ptr(), o.as_ptr())?;
        }
        Ok(out)
    })())
}

unsafe extern "C" fn is_tracked(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(Ok(bool_obj(object_is_gc(o) && head::is_tracked(o))))
}

unsafe extern "C" fn is_finalized(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(Ok(bool_obj(object_is_gc(o) && head::is_finalized(o))))
}

unsafe extern "C" fn freeze(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state();
    for i in 0..NUM_GENERATIONS {
        list_splice(&mut (*st).generations[i].head, &mut (*st).permanent.head);
        (*st).generations[i].count = 0;
    }
    ret(Ok(none_ref()))
}

unsafe extern "C" fn unfreeze(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let st = state();
    list_splice(&mut (*st).permanent.head, &mut (*st).generations[NUM_GENERATIONS - 1].head);
    ret(Ok(none_ref()))
}

unsafe extern "C" fn get_freeze_count(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(list_len(&mut (*state()).permanent.head) as i64))
}

unsafe extern "C" fn get_stats(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let out = list::new(0)?;
        let st = state();
        for s in (*st).stats {
            let d = dict::new()?;
            for (k, v) in [("collections", s.collections), ("collected", s.collected), ("uncollectable", s.uncollectable)] {
                dict::set_item(d.as_ptr(), pystr::intern(k)?.as_ptr(), int::from_i64(v as i64)?.as_ptr())?;
            }
            list::append(out.as_ptr(), d.as_ptr())?;
        }
        Ok(out)
    })())
}

unsafe extern "C" fn set_debug(_m: *mut PyObject, flags: *mut PyObject) -> *mut PyObject {
    ret((|| {
        (*state()).debug = c_int_arg(flags)?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn get_debug(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64((*state()).debug as i64))
}

static mut GC_FUNCTIONS: [PyMethodDef; 19] = [
    meth(c"enable", enable, METH_NOARGS, c"enable($module, /)\n--\n\nEnable automatic garbage collection."),
    meth(c"disable", disable, METH_NOARGS, c"disable($module, /)\n--\n\nDisable automatic garbage collection."),
    meth(c"isenabled", isenabled, METH_NOARGS, c"isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."),
    fast_kw(c"collect", collect, c"collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an integer specifying which generation to collect.  A ValueError\nis raised if the generation number is invalid.\n\nThe number of unreachable objects is returned."),
    meth(c"get_count", get_count, METH_NOARGS, c"get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."),
    meth(c"get_threshold", get_threshold, METH_NOARGS, c"get_threshold($module, /)\n--\n\nReturn the current collection thresholds."),
    meth(c"set_threshold", set_threshold, METH_VARARGS, c"set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection thresholds.  Setting threshold0 to zero disables\ncollection.\n"),
    fast_kw(c"get_objects", get_objects, c"get_objects($module, /, generation=None)\n--\n\nReturn a list of objects tracked by the collector (excluding the list returned).\n\n  generation\n    Generation to extract the objects from.\n\nIf generation is not None, return only the objects tracked by the collector\nthat are in that generation."),
    meth(c"get_referrers", get_referrers, METH_VARARGS, c"get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of objs."),
    meth(c"get_referents", get_referents, METH_VARARGS, c"get_referents(*objs) -> list\nReturn the list of objects that are directly referred to by objs."),
    meth(c"is_tracked", is_tracked, METH_O, c"is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector.\n\nSimple atomic objects will return false."),
    meth(c"is_finalized", is_finalized, METH_O, c"is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by the GC."),
    meth(c"freeze", freeze, METH_NOARGS, c"freeze($module, /)\n--\n\nFreeze all current tracked objects and ignore them for future collections.\n\nThis can be used before a POSIX fork() call to make the gc copy-on-write friendly.\nNote: collection before a POSIX fork() call may free pages for future allocation\nwhich can cause copy-on-write."),
    meth(c"unfreeze", unfreeze, METH_NOARGS, c"unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent generation.\n\nPut all objects in the permanent generation back into oldest generation."),
    meth(c"get_freeze_count", get_freeze_count, METH_NOARGS, c"get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."),
    meth(c"get_stats", get_stats, METH_NOARGS, c"get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics."),
    meth(c"set_debug", set_debug, METH_O, c"set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags.\n\n  flags\n    An integer that can have the following bits turned on:\n      DEBUG_STATS - Print statistics during collection.\n      DEBUG_COLLECTABLE - Print collectable objects found.\n      DEBUG_UNCOLLECTABLE - Print unreachable but uncollectable objects\n        found.\n      DEBUG_SAVEALL - Save objects to gc.garbage rather than freeing them.\n      DEBUG_LEAK - Debug leaking programs (everything but STATS).\n\nDebugging information is written to sys.stderr."),
    meth(c"get_debug", get_debug, METH_NOARGS, c"get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."),
    END,
];

static mut GC_DEF: PyModuleDef = module_def(
    c"gc",
    c"This module provides access to the garbage collector for reference cycles.\n\nenable() -- Enable automatic garbage collection.\ndisable() -- Disable automatic garbage collection.\nisenabled() -- Returns true if automatic collection is enabled.\ncollect() -- Do a full collection right now.\nget_count() -- Return the current collection counts.\nget_stats() -- Return list of dictionaries containing per-generation stats.\nset_debug() -- Set debugging flags.\nget_debug() -- Get debugging flags.\nset_threshold() -- Set the collection thresholds.\nget_threshold() -- Return the current the collection thresholds.\nget_objects() -- Return a list of all objects tracked by the collector.\nis_tracked() -- Returns true if a given object is tracked.\nis_finalized() -- Returns true if a given object has been already finalized.\nget_referrers() -- Return the list of objects that refer to an object.\nget_referents() -- Return the list of objects that an object refers to.\nfreeze() -- Freeze all tracked objects and ignore them for future collections.\nunfreeze() -- Unfreeze all objects in the permanent generation.\nget_freeze_count() -- Return the number of objects in the permanent generation.\n",
    (&raw mut GC_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit_gc`: the `gc` module's constructor (the inittab's entry; exported, as CPython
/// exports it, though no header declares it).
#[no_mangle]
pub unsafe extern "C" fn PyInit_gc() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut GC_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let garbage = crate::gc::garbage::garbage_list();
        let callbacks = crate::gc::collector::callbacks_list();
        if garbage.is_null() || callbacks.is_null() {
            return Err(Raised::assume_set());
        }
        dict::set_item(d, pystr::intern("garbage")?.as_ptr(), garbage)?;
        dict::set_item(d, pystr::intern("callbacks")?.as_ptr(), callbacks)?;
        for (name, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
            dict::set_item(d, pystr::intern(name)?.as_ptr(), int::from_i64(v)?.as_ptr())?;
        }
        Ok(m)
    })())
}
