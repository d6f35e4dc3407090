//! The collection driver: which generation to collect (thresholds, CPython's counting),
//! the bookkeeping around one collection (younger generations merged in, survivors
//! promoted, statistics), `gc.callbacks`, `DEBUG_STATS` output, and the C API
//! (`PyGC_Collect`, `PyGC_Enable`, `PyGC_Disable`, `PyGC_IsEnabled`).
use core::ffi::c_int;

use crate::gc::collect::*;
use crate::gc::garbage::{self, DEBUG_STATS};
use crate::gc::head::*;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::pyport::Py_ssize_t;

/// A collection started by an allocation: only with a thread state and no exception set
/// (the allocating code may be in the middle of reporting one).
#[cold]
pub(crate) unsafe fn collect_automatic() {
    if cfg!(test) || crate::runtime::pystate::current().is_null() || !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return;
    }
    let st = state();
    for gen in (0..NUM_GENERATIONS).rev() {
        let g = &(*st).generations[gen];
        if g.count > g.threshold {
            // A full collection waits until enough objects have been promoted since the
            // last one (a quarter of the long-lived ones).
            if gen == NUM_GENERATIONS - 1 && (*st).long_lived_pending < (*st).long_lived_total / 4 {
                continue;
            }
            collect_with_callbacks(gen);
            break;
        }
    }
}

/// One collection of `gen` (and the younger ones) with `gc.callbacks` called around it;
/// the number of unreachable objects found (collected plus uncollectable). 0 when a
/// collection is already running.
pub(crate) unsafe fn collect_with_callbacks(gen: usize) -> Py_ssize_t {
    let st = state();
    if (*st).collecting {
        return 0;
    }
    (*st).collecting = true;
    invoke_callbacks("start", gen, 0, 0);
    let out = collect_main(gen);
    invoke_callbacks("stop", gen, out.collected, out.uncollectable);
    (*st).collecting = false;
    out.collected + out.uncollectable
}

unsafe fn collect_main(gen: usize) -> garbage::Outcome {
    let st = state();
    let debug = (*st).debug;
    let started = std::time::Instant::now();
    if debug & DEBUG_STATS != 0 {
        let sizes: Vec<String> = (0..NUM_GENERATIONS).map(|i| list_len(&mut (*st).generations[i].head).to_string()).collect();
        eprintln!("gc: collecting generation {gen}...");
        eprintln!("gc: objects in each generation: {}", sizes.join(" "));
        eprintln!("gc: objects in permanent generation: {}", list_len(&mut (*st).permanent.head));
    }
    if gen + 1 < NUM_GENERATIONS {
        (*st).generations[gen + 1].count += 1;
    }
    for i in 0..=gen {
        (*st).generations[i].count = 0;
    }
    let young: *mut PyGC_Head = &mut (*st).generations[gen].head;
    for i in 0..gen {
        list_splice(&mut (*st).generations[i].head, young);
    }
    let old: *mut PyGC_Head = if gen + 1 < NUM_GENERATIONS { &mut (*st).generations[gen + 1].head } else { young };
    let mut unreachable = ListHead::new();
    move_unreachable(young, unreachable.ptr(), true);
    if gen == NUM_GENERATIONS - 2 {
        (*st).long_lived_pending += list_len(young) as isize;
    }
    list_splice(young, old);
    if gen == NUM_GENERATIONS - 1 {
        (*st).long_lived_pending = 0;
        (*st).long_lived_total = list_len(young) as isize;
    }
    let out = garbage::handle_unreachable(unreachable.ptr(), old, debug);
    let stats = &mut (*st).stats[gen];
    stats.collections += 1;
    stats.collected += out.collected;
    stats.uncollectable += out.uncollectable;
    if debug & DEBUG_STATS != 0 {
        eprintln!(
            "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed",
            out.collected + out.uncollectable,
            out.uncollectable,
            started.elapsed().as_secs_f64()
        );
    }
    out
}

/// Calls each of `gc.callbacks` with `(phase, {"generation", "collected",
/// "uncollectable"})`; a failing callback is reported as unraisable.
unsafe fn invoke_callbacks(phase: &str, gen: usize, collected: isize, uncollectable: isize) {
    let st = state();
    let list = (*st).callbacks;
    if list.is_null() || crate::objects::list::len(list) == 0 {
        return;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let args = (|| -> crate::errors::raised::PyResult<PyRef> {
        let info = crate::objects::dict::new()?;
        for (k, n) in [("generation", gen as i64), ("collected", collected as i64), ("uncollectable", uncollectable as i64)] {
            let key = crate::objects::str::intern(k)?;
            crate::objects::dict::set_item(info.as_ptr(), key.as_ptr(), crate::objects::int::from_i64(n)?.as_ptr())?;
        }
        let phase = crate::objects::str::from_utf8(phase)?;
        crate::objects::tuple::from_ptrs(&[phase.as_ptr(), info.as_ptr()])
    })();
    match args {
        Ok(args) => {
            // A callback may change the list: each index is read again.
            let mut i = 0;
            while i < crate::objects::list::len(list) {
                let cb = crate::abstract_::new_ref(crate::objects::list::items(list)[i]);
                let r = crate::abstract_::call::call_tuple(cb.as_ptr(), args.as_ptr(), core::ptr::null_mut());
                match PyRef::from_owned(r) {
                    Some(r) => drop(r),
                    None => crate::errors::print::PyErr_WriteUnraisable(cb.as_ptr()),
                }
                i += 1;
            }
        }
        Err(_) => crate::errors::print::PyErr_WriteUnraisable(core::ptr::null_mut()),
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// `gc.callbacks`, made on first use.
pub(crate) unsafe fn callbacks_list() -> *mut PyObject {
    let st = state();
    if (*st).callbacks.is_null() {
        if let Ok(l) = crate::objects::list::new(0) {
            (*st).callbacks = l.into_ptr();
        }
    }
    (*st).callbacks
}

/// `Py_ssize_t PyGC_Collect(void)`: a full collection when the collector is enabled (0
/// otherwise, or during a collection); a pending exception is kept aside meanwhile.
#[no_mangle]
pub unsafe extern "C" fn PyGC_Collect() -> Py_ssize_t {
    let st = state();
    if !(*st).enabled {
        return 0;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let n = collect_with_callbacks(NUM_GENERATIONS - 1);
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
    n
}

/// `int PyGC_Enable(void)`: enables automatic collection; the previous state.
#[no_mangle]
pub unsafe extern "C" fn PyGC_Enable() -> c_int {
    let st = state();
    core::mem::replace(&mut (*st).enabled, true) as c_int
}

/// `int PyGC_Disable(void)`: disables automatic collection; the previous state.
#[no_mangle]
pub unsafe extern "C" fn PyGC_Disable() -> c_int {
    let st = state();
    core::mem::replace(&mut (*st).enabled, false) as c_int
}

/// `int PyGC_IsEnabled(void)`.
#[no_mangle]
pub unsafe extern "C" fn PyGC_IsEnabled() -> c_int {
    (*state()).enabled as c_int
}

/// Interpreter finalization: a collection while modules still work (finalizers can use
/// them), run whether or not the collector is enabled, as CPython's shutdown does.
pub(crate) unsafe fn collect_at_shutdown() {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    collect_with_callbacks(NUM_GENERATIONS - 1);
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// The end of the runtime: `gc.garbage` and `gc.callbacks` are released, counters reset
/// (the generation lists keep whatever C code leaked, as CPython's do).
pub(crate) unsafe fn fini() {
    let st = state();
    for field in [&mut (*st).garbage, &mut (*st).callbacks] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    (*st).enabled = true;
    (*st).debug = 0;
    (*st).stats = [GenStats::default(); NUM_GENERATIONS];
    for (g, t) in (*st).generations.iter_mut().zip(THRESHOLDS) {
        g.count = 0;
        g.threshold = t;
    }
}
