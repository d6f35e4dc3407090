//! The eval loop: runs the compiler's 32-bit words (`op | arg << 8`, see docs/compiler.md
//! and docs/eval.md). One Rust activation runs a chain of frames: a call of a Python
//! function from Python pushes a frame and continues here, and its return pops back, so
//! Python recursion does not recurse on the C stack. Errors look up the zero-cost exception
//! table of the frame; without a handler the frame is popped and the search continues in
//! its caller, until the frame this activation was entered with.
use core::ffi::c_int;

use ferropy_compiler::opcode::Op;
use ferropy_compiler::opcode::byte as B;

use crate::abstract_::{from_slot, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::eval::interp_frame::{self, Frame};
use crate::eval::ops;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
use crate::objects::cell::PyCellObject;
use crate::objects::function::PyFunctionObject;
use crate::objects::{dict, list, str as pystr, tuple};
use crate::runtime::threadstate::PyThreadState;

#[inline(always)]
unsafe fn incref(o: *mut PyObject) -> *mut PyObject {
    (*o).ob_refcnt += 1;
    o
}

#[inline(always)]
unsafe fn decref(o: *mut PyObject) {
    (*o).ob_refcnt -= 1;
    if (*o).ob_refcnt == 0 {
        crate::object::refcount::_Py_Dealloc(o);
    }
}

#[inline(always)]
unsafe fn xdecref(o: *mut PyObject) {
    if !o.is_null() {
        decref(o);
    }
}

/// A C result (new reference or NULL with an exception) as a PyResult.
#[inline(always)]
unsafe fn c_obj(o: *mut PyObject) -> PyResult<*mut PyObject> {
    if o.is_null() { Err(Raised::assume_set()) } else { Ok(o) }
}

#[inline(always)]
unsafe fn c_status(r: c_int) -> PyResult<()> {
    if r < 0 { Err(Raised::assume_set()) } else { Ok(()) }
}

/// `NameError: name 'x' is not defined`, with the exception's `name` attribute set to the
/// name, as CPython's eval loop sets it.
fn name_error(name: *mut PyObject) -> Raised {
    // SAFETY: `name` is a live str; the GIL is held.
    unsafe {
        let tp = &raw mut exc::_PyExc_NameError as *mut PyObject;
        let made = (|| -> PyResult<PyRef> {
            let msg = pystr::from_utf8(&format!("name '{}' is not defined", pystr::to_string(name)))?;
            let e = from_slot(crate::abstract_::call::PyObject_CallOneArg(tp, msg.as_ptr()))?;
            crate::object::object_attr::set_attr(e.as_ptr(), pystr::intern("name")?.as_ptr(), name)?;
            Ok(e)
        })();
        match made {
            Ok(e) => {
                crate::errors::pyerr::PyErr_SetObject(tp, e.as_ptr());
                Raised::assume_set()
            }
            Err(r) => r,
        }
    }
}

fn unbound_local(name: *mut PyObject) -> Raised {
    // SAFETY: `name` is a live str.
    let n = unsafe { pystr::to_string(name) };
    raise_type(
        &raw mut exc::_PyExc_UnboundLocalError,
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

unsafe fn unbound_deref(f: *mut Frame, i: usize) -> Raised {
    let rt = (*f).rt();
    let name = crate::objects::code_unit_full::deref_name(rt, i as u32).map_or_else(|| "?".to_string(), |n| pystr::to_string(n));
    if i < rt.ncells as usize {
        raise_type(
            &raw mut exc::_PyExc_UnboundLocalError,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    } else {
        raise_type(
            &raw mut exc::_PyExc_NameError,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    }
}

/// `d[name]` for a namespace that may be any mapping; `None` when absent.
#[inline]
unsafe fn mapping_lookup(d: *mut PyObject, name: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    if dict::is_exact(d) {
        return Ok(dict::get_item(d, name)?.map(|v| incref(v)));
    }
    let v = crate::abstract_::item::PyObject_GetItem(d, name);
    if v.is_null() {
        if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_KeyError as *mut PyObject) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Ok(None);
        }
        return Err(Raised::assume_set());
    }
    Ok(Some(v))
}

/// A global (then builtin) by name, as a new reference.
#[inline]
unsafe fn load_global(f: *mut Frame, name: *mut PyObject) -> PyResult<*mut PyObject> {
    if let Some(v) = mapping_lookup((*f).globals, name)? {
        return Ok(v);
    }
    match mapping_lookup((*f).builtins, name)? {
        Some(v) => Ok(v),
        None => Err(name_error(name)),
    }
}

/// An attribute of an exact module through the site's remembered dict entry, else the
/// generic lookup (then remembering the entry). A new reference.
#[inline(always)]
unsafe fn tri_module_attr(site: *mut crate::eval::specialize_cache::AttrEntry, o: *mut PyObject, name: *mut PyObject) -> PyResult<*mut PyObject> {
    use crate::eval::specialize_cache::{fill_module_attr, load_module_attr};
    if let Some(v) = load_module_attr(site, o, name) {
        return Ok(v);
    }
    let v = c_obj(crate::object::object_attr::PyObject_GetAttr(o, name))?;
    fill_module_attr(site, o, name, v);
    Ok(v)
}

/// `LOAD_NAME` in an exact-dict namespace without a usable hint: looks `name` up in it
/// (recording its entry index in `hint`), then in the globals unless they are the same
/// dict (module bodies), then in the builtins. A new reference.
#[inline(never)]
unsafe fn load_name_filling(f: *mut Frame, locals: *mut PyObject, name: *mut PyObject, hint: &mut u32) -> PyResult<*mut PyObject> {
    if let Some(ix) = dict::index_of(locals, name)? {
        if let Some(v) = dict::value_at(locals, name, ix) {
            *hint = ix as u32;
            return Ok(incref(v));
        }
        // The key found is equal but not the same object: no hint for it.
        if let Some(v) = dict::get_item(locals, name)? {
            return Ok(incref(v));
        }
    }
    if locals != (*f).globals {
        if let Some(v) = mapping_lookup((*f).globals, name)? {
            return Ok(v);
        }
    }
    match mapping_lookup((*f).builtins, name)? {
        Some(v) => Ok(v),
        None => Err(name_error(name)),
    }
}

unsafe fn store_mapping(d: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    if dict::is_exact(d) {
        dict::set_item(d, name, v)
    } else {
        c_status(crate::abstract_::item::PyObject_SetItem(d, name, v))
    }
}

/// Services the eval breaker: pending calls and signals, a GIL hand-over, an asynchronous
/// exception.
#[cold]
unsafe fn handle_eval_breaker(ts: *mut PyThreadState) -> PyResult<()> {
    use crate::runtime::eval_breaker::{ASYNC_EXC, GIL_DROP_REQUEST, PENDING_CALLS, SIGNALS_PENDING};
    let b = &crate::runtime::gil::RUNTIME_GIL.eval_breaker;
    if b.is_set(SIGNALS_PENDING | PENDING_CALLS) && crate::runtime::pending_calls::Py_MakePendingCalls() < 0 {
        return Err(Raised::assume_set());
    }
    if b.is_set(GIL_DROP_REQUEST) {
        let t = crate::runtime::gil::PyEval_SaveThread();
        crate::runtime::gil::PyEval_RestoreThread(t);
    }
    if b.is_set(ASYNC_EXC) && !(*ts).async_exc.is_null() {
        b.clear(ASYNC_EXC);
        let e = core::mem::replace(&mut (*ts).async_exc, core::ptr::null_mut());
        crate::errors::pyerr::PyErr_SetNone(e);
        decref(e);
        return Err(Raised::assume_set());
    }
    Ok(())
}

#[inline(always)]
fn breaker_tripped() -> bool {
    crate::runtime::gil::RUNTIME_GIL.eval_breaker.is_tripped()
}

/// Validates the right side of `except X:` (a class or tuple of classes).
unsafe fn check_except_type(t: *mut PyObject) -> PyResult<()> {
    let ok = |c: *mut PyObject| crate::errors::pyerr::is_exception_class(c);
    let valid = if tuple::is_tuple(t) { tuple::items(t).iter().all(|&c| ok(c)) } else { ok(t) };
    if !valid {
        return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    Ok(())
}

/// Runs `entry` (pushed, arguments bound) and every frame it calls, until `entry`
/// returns; the frame is popped. A new reference, or NULL with an exception set.
///
/// # Safety
/// `entry` is `ts`'s innermost frame.
pub(crate) unsafe fn run(ts: *mut PyThreadState, entry: *mut Frame, throwflag: bool) -> *mut PyObject {
    run_at(ts, entry, throwflag, (*entry).lasti as usize)
}

/// Resumes a generator's frame: after its `yield` when it was suspended there, else at its
/// start.
pub(crate) unsafe fn run_resumed(ts: *mut PyThreadState, f: *mut Frame, throwflag: bool, resumed_from: u8) -> *mut PyObject {
    let at = (*f).lasti as usize + (resumed_from == interp_frame::SUSPENDED) as usize;
    run_at(ts, f, throwflag, at)
}

unsafe fn run_at(ts: *mut PyThreadState, entry: *mut Frame, throwflag: bool, start_ip: usize) -> *mut PyObject {
    (*entry).is_entry = true;
    let mut f = entry;
    let mut words: *const u32;
    let mut sp: *mut *mut PyObject;
    let mut ip: usize;
    let mut kwnames: *mut PyObject = core::ptr::null_mut();
    // Whether the pending error leaves a traceback entry for the current frame (not for
    // RERAISE, whose exception carries its entries already).
    let mut add_tb;
    // RERAISE reports the original instruction (`lasti`) but unwinds from its own position.
    let mut unwind_at: Option<u32> = None;
    // Non-zero while a trace or profile function is set (trace.rs); read before each
    // instruction.
    let use_tracing: *const u8 = &raw const (*(*ts).cframe).use_tracing;
    // Whether this thread traces now: the process-wide `TRACING_SEEN` first (usually false,
    // and no register needed for it), then the thread's own flag.
    macro_rules! tracing {
        () => {
            (crate::eval::trace::TRACING_SEEN.load(core::sync::atomic::Ordering::Relaxed) && *use_tracing != 0)
        };
    }
    // The pending error leaves the current frame without looking for a handler (a trace
    // function failed on the frame's call or return event).
    let mut exit_unwind = false;

    // Only `f`, `ip`, `sp` and `words` are carried from one instruction to the next; the
    // frame's other pointers are derived from `f` where an instruction needs them. Every
    // value carried round the loop competes for the few registers that survive calls, and
    // with a dozen of them the hot four were spilled and reloaded on every instruction.
    // The fast locals: right after the frame's header.
    macro_rules! slots {
        () => {
            (*f).slots()
        };
    }
    // The frame's cells then free variables (deref index 0).
    macro_rules! cells {
        () => {
            (*f).slots().add((*f).rt().nvars as usize)
        };
    }
    // The bottom of the value stack.
    macro_rules! base {
        () => {
            (*f).slots().add((*f).rt().nlocalsplus())
        };
    }
    macro_rules! consts {
        () => {
            (*((*(*f).code).co_consts as *mut crate::objects::tuple::PyTupleObject)).ob_item.as_ptr()
        };
    }
    macro_rules! names {
        () => {
            (*((*(*f).code).co_names as *mut crate::objects::tuple::PyTupleObject)).ob_item.as_ptr()
        };
    }
    macro_rules! gcache {
        () => {
            (*f).rt().caches.globals_made()
        };
    }
    macro_rules! acache {
        () => {
            (*f).rt().caches.attrs_made()
        };
    }
    macro_rules! load_frame {
        () => {{
            let rt = (*f).rt();
            words = rt.words().as_ptr();
            sp = base!().add((*f).stackdepth as usize);
            // Makes the cache tables on the code's first run (`gcache!`/`acache!` assume them).
            rt.caches.globals_ptr();
            rt.caches.attrs_ptr();
        }};
    }
    // `load_frame` for a caller a call returns to: it ran, so its tables exist.
    macro_rules! reload_frame {
        () => {{
            words = (*f).rt().words().as_ptr();
            sp = base!().add((*f).stackdepth as usize);
        }};
    }
    macro_rules! push {
        ($v:expr) => {{
            *sp = $v;
            sp = sp.add(1);
        }};
    }
    macro_rules! pop {
        () => {{
            sp = sp.sub(1);
            *sp
        }};
    }
    macro_rules! top {
        () => {
            *sp.sub(1)
        };
    }
    macro_rules! peek {
        ($n:expr) => {
            *sp.sub($n)
        };
    }

    load_frame!();
    ip = start_ip;
    // Entering a frame counts one level of recursion.
    // (The inline form of recursion::enter: `ts` is at hand, and the guard's own lookup of
    // the thread state is a TLS call on every generator resume.)
    if (*ts).recursion_remaining > 0 {
        (*ts).recursion_remaining -= 1;
    } else if crate::eval::recursion::enter("").is_err() {
        interp_frame::pop(ts, f);
        return core::ptr::null_mut();
    }
    add_tb = true;
    let mut start_with_error = throwflag;
    if throwflag && tracing!() && crate::eval::trace::function_entry(ts, f).is_err() {
        exit_unwind = true;
        add_tb = false;
    }

    'main: loop {
        if !start_with_error {
            'run: loop {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(_) => break 'run,
                        }
                    };
                }
                macro_rules! obj {
                    ($e:expr) => {
                        tri!(c_obj($e))
                    };
                }
                if tracing!() {
                    (*f).stackdepth = sp.offset_from(base!()) as u32;
                    let r = crate::eval::trace::instruction(ts, f, ip);
                    sp = base!().add((*f).stackdepth as usize);
                    match r {
                        Ok(at) => ip = at,
                        Err(_) => {
                            if *words.add(ip) as u8 == Op::RESUME as u8 {
                                exit_unwind = true;
                                add_tb = false;
                            }
                            break 'run;
                        }
                    }
                }
                let word = *words.add(ip);
                (*f).lasti = ip as u32;
                ip += 1;
                let mut arg = word >> 8;
                let mut op = word as u8;
                // Loops only for EXTENDED_ARG, which dispatches the next word with the wider
                // argument; every other arm leaves it (the next instruction, or 'run).
                'dispatch: loop {
                    match op {
                        B::NOP | B::CACHE => {}
                        B::EXTENDED_ARG => {
                            let w = *words.add(ip);
                            (*f).lasti = ip as u32;
                            ip += 1;
                            arg = (arg << 24) | (w >> 8);
                            op = w as u8;
                            continue 'dispatch;
                        }
                        B::RESUME => {
                            if breaker_tripped() {
                                tri!(handle_eval_breaker(ts));
                            }
                        }
                        B::POP_TOP => decref(pop!()),
                        B::PUSH_NULL => push!(core::ptr::null_mut()),
                        B::COPY => {
                            // `a[k] op= v` starts with COPY 2, COPY 2, BINARY_SUBSCR: on a list
                            // or tuple the item is pushed at once, the pair staying below it.
                            if arg == 2
                                && *words.add(ip) == word
                                && *words.add(ip + 1) as u8 == B::BINARY_SUBSCR as u8
                                && !tracing!()
                            {
                                if let Some(item) = crate::eval::binary_fast::seq_item(peek!(2), peek!(1)) {
                                    push!(item);
                                    ip += 3;
                                    continue 'run;
                                }
                            }
                            let v = peek!(arg as usize);
                            push!(incref(v));
                        }
                        B::SWAP => {
                            // ... and ends with SWAP 3, SWAP 2, STORE_SUBSCR: the store takes
                            // the three values where they are.
                            if arg == 3
                                && *words.add(ip) as u8 == B::SWAP as u8
                                && *words.add(ip) >> 8 == 2
                                && *words.add(ip + 1) as u8 == B::STORE_SUBSCR as u8
                                && !tracing!()
                            {
                                let v = pop!();
                                let key = pop!();
                                let container = pop!();
                                // The store's own position, for a traceback or a __del__ that
                                // looks at the frame.
                                ip += 1;
                                (*f).lasti = ip as u32;
                                ip += 2;
                                let r = match crate::eval::binary_fast::store_subscr(container, key, v) {
                                    Some(r) => r,
                                    None => c_status(crate::abstract_::item::PyObject_SetItem(container, key, v)),
                                };
                                decref(container);
                                decref(key);
                                decref(v);
                                tri!(r);
                                continue 'run;
                            }
                            let a = sp.sub(1);
                            let b = sp.sub(arg as usize);
                            core::ptr::swap(a, b);
                        }
                        B::LOAD_CONST => {
                            let k = *consts!().add(arg as usize);
                            // `i * 7 + 3`, `if x % 5 == 0:`: as in LOAD_FAST's lookahead.
                            let next = *words.add(ip);
                            if (next as u8 == B::BINARY_OP as u8 || next as u8 == B::COMPARE_OP as u8) && !tracing!() {
                                let a = top!();
                                let step = crate::eval::const_operand::fused(a, k, words, ip);
                                if step.next_ip != crate::eval::const_operand::NOT_FUSED {
                                    // An int or a float: freeing it runs no code.
                                    decref(a);
                                    sp = sp.sub(1);
                                    if !step.pushed.is_null() {
                                        push!(step.pushed);
                                    }
                                    ip = step.next_ip;
                                    continue 'run;
                                }
                            }
                            push!(incref(k));
                        }
                        B::LOAD_FAST => {
                            let v = *slots!().add(arg as usize);
                            if v.is_null() {
                                let name = tuple::items((*(*f).code).co_localsplusnames)[arg as usize];
                                let _ = unbound_local(name);
                                break 'run;
                            }
                            push!(incref(v));
                            // `a * b`, `f(a, b)`: a second LOAD_FAST runs here, without a
                            // dispatch (the superinstruction CPython 3.11 makes by quickening).
                            // The same for `n - 1` (LOAD_FAST LOAD_CONST).
                            let next = *words.add(ip);
                            if next as u8 == B::LOAD_FAST as u8 && !tracing!() {
                                let v = *slots!().add((next >> 8) as usize);
                                if !v.is_null() {
                                    ip += 1;
                                    push!(incref(v));
                                }
                            } else if next as u8 == B::LOAD_CONST as u8 && !tracing!() {
                                let k = *consts!().add((next >> 8) as usize);
                                // `a[0]` on a list or tuple: the item replaces the sequence,
                                // without the subscript's dispatch (LOAD_CONST, BINARY_SUBSCR
                                // and its cache word).
                                let third = *words.add(ip + 1);
                                if third as u8 == B::BINARY_SUBSCR as u8 {
                                    if let Some(item) = crate::eval::binary_fast::seq_item(v, k) {
                                        // The local still holds `v`.
                                        (*v).ob_refcnt -= 1;
                                        *sp.sub(1) = item;
                                        ip += 3;
                                        continue 'run;
                                    }
                                } else if third as u8 == B::BINARY_OP as u8 || third as u8 == B::COMPARE_OP as u8 {
                                    // `n - 1`, `if n < 2:` on ints or floats: the constant is not
                                    // pushed and the operation (and a compare's jump) needs no
                                    // dispatch. Out of line: this arm's registers stay as they are.
                                    let step = crate::eval::const_operand::fused(v, k, words, ip + 1);
                                    if step.next_ip != crate::eval::const_operand::NOT_FUSED {
                                        // The local still holds `v`.
                                        (*v).ob_refcnt -= 1;
                                        sp = sp.sub(1);
                                        if !step.pushed.is_null() {
                                            push!(step.pushed);
                                        }
                                        ip = step.next_ip;
                                        continue 'run;
                                    }
                                }
                                ip += 1;
                                push!(incref(k));
                            }
                        }
                        B::STORE_FAST => {
                            let v = pop!();
                            let old = core::mem::replace(&mut *slots!().add(arg as usize), v);
                            xdecref(old);
                            // `x = ...` then a use of a local (STORE_FAST LOAD_FAST).
                            let next = *words.add(ip);
                            if next as u8 == B::LOAD_FAST as u8 && !tracing!() {
                                let v = *slots!().add((next >> 8) as usize);
                                if !v.is_null() {
                                    ip += 1;
                                    push!(incref(v));
                                }
                            }
                        }
                        B::DELETE_FAST => {
                            let old = core::mem::replace(&mut *slots!().add(arg as usize), core::ptr::null_mut());
                            if old.is_null() {
                                let name = tuple::items((*(*f).code).co_localsplusnames)[arg as usize];
                                let _ = unbound_local(name);
                                break 'run;
                            }
                            decref(old);
                        }
                        B::MAKE_CELL => {
                            let rt = (*f).rt();
                            let i = arg as usize;
                            let from = rt.cell_arg[i];
                            let init = if from >= 0 {
                                core::mem::replace(&mut *slots!().add(from as usize), core::ptr::null_mut())
                            } else {
                                core::ptr::null_mut()
                            };
                            let cell = crate::objects::cell::PyCell_New(init);
                            xdecref(init);
                            let cell = obj!(cell);
                            let at = rt.nvars as usize + i;
                            xdecref(core::mem::replace(&mut *slots!().add(at), cell));
                        }
                        B::COPY_FREE_VARS => {
                            let rt = (*f).rt();
                            let closure = (*((*f).func as *mut PyFunctionObject)).func_closure;
                            let first = (rt.nvars + rt.ncells) as usize;
                            if !closure.is_null() {
                                for (k, &c) in tuple::items(closure).iter().take(arg as usize).enumerate() {
                                    *slots!().add(first + k) = incref(c);
                                }
                            }
                        }
                        B::LOAD_CLOSURE => {
                            push!(incref(*cells!().add(arg as usize)));
                        }
                        B::LOAD_DEREF => {
                            let v = (*(*cells!().add(arg as usize) as *mut PyCellObject)).ob_ref;
                            if v.is_null() {
                                let _ = unbound_deref(f, arg as usize);
                                break 'run;
                            }
                            push!(incref(v));
                        }
                        B::LOAD_CLASSDEREF => {
                            let rt = (*f).rt();
                            let name = match crate::objects::code_unit_full::deref_name(rt, arg) {
                                Some(n) => crate::abstract_::new_ref(n).into_ptr(),
                                None => pystr::intern("?").map(|n| n.into_ptr()).unwrap_or(core::ptr::null_mut()),
                            };
                            let name = obj!(name);
                            let found = mapping_lookup((*f).locals, name);
                            decref(name);
                            match tri!(found) {
                                Some(v) => push!(v),
                                None => {
                                    let at = rt.nvars as usize + arg as usize;
                                    let v = (*(*slots!().add(at) as *mut PyCellObject)).ob_ref;
                                    if v.is_null() {
                                        let _ = unbound_deref(f, arg as usize);
                                        break 'run;
                                    }
                                    push!(incref(v));
                                }
                            }
                        }
                        B::STORE_DEREF => {
                            let cell = *cells!().add(arg as usize) as *mut PyCellObject;
                            let v = pop!();
                            xdecref(core::mem::replace(&mut (*cell).ob_ref, v));
                        }
                        B::DELETE_DEREF => {
                            let cell = *cells!().add(arg as usize) as *mut PyCellObject;
                            let old = core::mem::replace(&mut (*cell).ob_ref, core::ptr::null_mut());
                            if old.is_null() {
                                let _ = unbound_deref(f, arg as usize);
                                break 'run;
                            }
                            decref(old);
                        }
                        B::LOAD_NAME => {
                            let name = *names!().add(arg as usize);
                            let locals = (*f).locals;
                            if locals.is_null() {
                                let _ = raise_type(
                                    &raw mut exc::_PyExc_SystemError,
                                    format!("no locals when loading {}", pystr::to_string(name)),
                                );
                                break 'run;
                            }
                            if dict::is_exact(locals) {
                                let hint = (*f).rt().caches.name_hint(arg as usize, tuple::len((*(*f).code).co_names));
                                if let Some(hint) = hint {
                                    let v = match dict::value_at(locals, name, *hint as usize) {
                                        Some(v) => incref(v),
                                        None => tri!(load_name_filling(f, locals, name, hint)),
                                    };
                                    push!(v);
                                    continue 'run;
                                }
                            }
                            let v = match tri!(mapping_lookup(locals, name)) {
                                Some(v) => v,
                                None => tri!(load_global(f, name)),
                            };
                            push!(v);
                        }
                        B::STORE_NAME => {
                            let name = *names!().add(arg as usize);
                            let v = pop!();
                            let locals = (*f).locals;
                            if locals.is_null() {
                                decref(v);
                                let _ = raise_type(
                                    &raw mut exc::_PyExc_SystemError,
                                    format!("no locals found when storing {}", pystr::to_string(name)),
                                );
                                break 'run;
                            }
                            if dict::is_exact(locals) {
                                let hint = (*f).rt().caches.name_hint(arg as usize, tuple::len((*(*f).code).co_names));
                                if let Some(hint) = hint {
                                    if !dict::replace_at(locals, name, *hint as usize, v) {
                                        let r = dict::set_item(locals, name, v);
                                        if r.is_ok() {
                                            *hint = dict::index_of(locals, name).ok().flatten().map_or(u32::MAX, |ix| ix as u32);
                                        }
                                        decref(v);
                                        tri!(r);
                                    } else {
                                        decref(v);
                                    }
                                    continue 'run;
                                }
                            }
                            let r = store_mapping(locals, name, v);
                            decref(v);
                            tri!(r);
                        }
                        B::DELETE_NAME => {
                            let name = *names!().add(arg as usize);
                            let locals = (*f).locals;
                            if locals.is_null() {
                                let _ = raise_type(
                                    &raw mut exc::_PyExc_SystemError,
                                    format!("no locals when deleting {}", pystr::to_string(name)),
                                );
                                break 'run;
                            }
                            if crate::abstract_::item::PyObject_DelItem(locals, name) < 0 {
                                crate::errors::pyerr::PyErr_Clear();
                                let _ = name_error(name);
                                break 'run;
                            }
                        }
                        B::LOAD_GLOBAL => {
                            use crate::eval::specialize_cache::{cached_global, fill_global};
                            let e = gcache!().add((*words.add(ip) >> 8) as usize);
                            let v = match cached_global(e, (*f).globals, (*f).builtins) {
                                Some(v) => incref(v),
                                None => {
                                    let name = *names!().add((arg >> 1) as usize);
                                    match tri!(fill_global(e, (*f).globals, (*f).builtins, name)) {
                                        Some(v) => incref(v),
                                        None => tri!(load_global(f, name)),
                                    }
                                }
                            };
                            if arg & 1 != 0 {
                                push!(core::ptr::null_mut());
                            }
                            push!(v);
                            ip += 2;
                        }
                        B::STORE_GLOBAL => {
                            let name = *names!().add(arg as usize);
                            let v = pop!();
                            let r = dict::set_item((*f).globals, name, v);
                            decref(v);
                            tri!(r);
                        }
                        B::DELETE_GLOBAL => {
                            let name = *names!().add(arg as usize);
                            if !tri!(dict::del_item((*f).globals, name)) {
                                let _ = name_error(name);
                                break 'run;
                            }
                        }
                        B::LOAD_ATTR => {
                            let o = pop!();
                            let name = *names!().add(arg as usize);
                            let e = acache!().add((*words.add(ip) >> 8) as usize);
                            let r = if (*o).ob_type == &raw mut crate::objects::module::PyModule_Type {
                                tri_module_attr(e, o, name)
                            } else {
                                match crate::eval::specialize_cache::load_attr(e, o, name) {
                                    Some(r) => r,
                                    None => c_obj(crate::object::object_attr::PyObject_GetAttr(o, name)),
                                }
                            };
                            decref(o);
                            push!(tri!(r));
                            ip += 2;
                        }
                        B::LOAD_METHOD => {
                            let o = pop!();
                            let e = acache!().add((*words.add(ip) >> 8) as usize);
                            if (*o).ob_type == &raw mut crate::objects::module::PyModule_Type {
                                // A module's function is called without self: [NULL, function].
                                let r = tri_module_attr(e, o, *names!().add(arg as usize));
                                decref(o);
                                let v = tri!(r);
                                push!(core::ptr::null_mut());
                                push!(v);
                                ip += 2;
                                continue 'run;
                            }
                            if let Some(m) = crate::eval::specialize_cache::load_method(e, o, *names!().add(arg as usize)) {
                                // [method, self]: CALL passes self as the first argument.
                                push!(m);
                                push!(o);
                                ip += 2;
                                continue 'run;
                            }
                            let r = crate::object::object_attr::PyObject_GetAttr(o, *names!().add(arg as usize));
                            decref(o);
                            push!(core::ptr::null_mut());
                            push!(obj!(r));
                            ip += 2;
                        }
                        B::STORE_ATTR => {
                            let owner = pop!();
                            let v = pop!();
                            let name = *names!().add(arg as usize);
                            let e = acache!().add((*words.add(ip) >> 8) as usize);
                            let r = match crate::eval::specialize_cache::store_attr(e, owner, name, v) {
                                Some(r) => r,
                                None => c_status(crate::object::object_attr::PyObject_SetAttr(owner, name, v)),
                            };
                            decref(owner);
                            decref(v);
                            tri!(r);
                            ip += 2;
                        }
                        B::DELETE_ATTR => {
                            let owner = pop!();
                            let r = crate::object::object_attr::PyObject_SetAttr(owner, *names!().add(arg as usize), core::ptr::null_mut());
                            decref(owner);
                            tri!(c_status(r));
                        }
                        B::UNARY_POSITIVE | B::UNARY_NEGATIVE | B::UNARY_INVERT => {
                            let v = pop!();
                            let r = match op {
                                B::UNARY_POSITIVE => crate::abstract_::number::PyNumber_Positive(v),
                                B::UNARY_NEGATIVE => crate::abstract_::number::PyNumber_Negative(v),
                                _ => crate::abstract_::number::PyNumber_Invert(v),
                            };
                            decref(v);
                            push!(obj!(r));
                        }
                        B::UNARY_NOT => {
                            let v = pop!();
                            let r = crate::abstract_::object::is_true(v);
                            decref(v);
                            let b = tri!(r);
                            push!(incref(crate::objects::bool::PyBool_FromLong((!b) as _)));
                            // PyBool_FromLong returned a new reference already.
                            decref(top!());
                        }
                        B::BINARY_OP => {
                            let b = pop!();
                            let a = pop!();
                            if let Some(r) = crate::eval::binary_fast::binary_op(a, b, arg) {
                                decref(a);
                                decref(b);
                                push!(obj!(r));
                                ip += 1;
                                continue 'run;
                            }
                            // `s += t` (or `s = s + t`) into the local `s`: append in place.
                            if (arg == ferropy_compiler::opcode::binop::ADD || arg == ferropy_compiler::opcode::binop::ADD + ferropy_compiler::opcode::binop::INPLACE)
                                && !tracing!()
                            {
                                let next = *words.add(ip + 1);
                                if next as u8 == B::STORE_FAST as u8 {
                                    if let Some(r) = crate::eval::str_append::append_in_place(slots!().add((next >> 8) as usize), a, b) {
                                        decref(b);
                                        push!(r);
                                        ip += 1;
                                        continue 'run;
                                    }
                                }
                            }
                            let r = ops::binary_op(a, b, arg);
                            decref(a);
                            decref(b);
                            push!(obj!(r));
                            ip += 1;
                        }
                        B::COMPARE_OP => {
                            let b = pop!();
                            let a = pop!();
                            let r = match crate::eval::binary_fast::compare(a, b, arg) {
                                Some(t) => {
                                    // `if a < b:` / `while a < b:`: a machine comparison followed by
                                    // its conditional jump takes the jump here, without the bool
                                    // and a dispatch (only when no trace function sees steps).
                                    let next = *words.add(ip + 1);
                                    let jump_if_true = next as u8 == B::POP_JUMP_IF_TRUE as u8;
                                    if (jump_if_true || next as u8 == B::POP_JUMP_IF_FALSE as u8) && !tracing!() {
                                        decref(a);
                                        decref(b);
                                        ip = if t == jump_if_true { (next >> 8) as usize } else { ip + 2 };
                                        continue 'run;
                                    }
                                    crate::eval::binary_fast::bool_ref(t)
                                }
                                None => crate::abstract_::compare::PyObject_RichCompare(a, b, arg as c_int),
                            };
                            decref(a);
                            decref(b);
                            push!(obj!(r));
                            ip += 1;
                        }
                        B::IS_OP => {
                            let b = pop!();
                            let a = pop!();
                            let r = (a == b) ^ (arg != 0);
                            decref(a);
                            decref(b);
                            push!(crate::objects::bool::PyBool_FromLong(r as _));
                        }
                        B::CONTAINS_OP => {
                            let b = pop!();
                            let a = pop!();
                            let r = ops::contains(b, a);
                            decref(a);
                            decref(b);
                            let r = tri!(r) ^ (arg != 0);
                            push!(crate::objects::bool::PyBool_FromLong(r as _));
                        }
                        B::BINARY_SUBSCR => {
                            let key = pop!();
                            let container = pop!();
                            let r = match crate::eval::binary_fast::subscr(container, key) {
                                Some(r) => r,
                                None => c_obj(crate::abstract_::item::PyObject_GetItem(container, key)),
                            };
                            decref(container);
                            decref(key);
                            push!(tri!(r));
                            ip += 1;
                        }
                        B::STORE_SUBSCR => {
                            let key = pop!();
                            let container = pop!();
                            let v = pop!();
                            let r = match crate::eval::binary_fast::store_subscr(container, key, v) {
                                Some(r) => r,
                                None => c_status(crate::abstract_::item::PyObject_SetItem(container, key, v)),
                            };
                            decref(container);
                            decref(key);
                            decref(v);
                            tri!(r);
                            ip += 1;
                        }
                        B::DELETE_SUBSCR => {
                            let key = pop!();
                            let container = pop!();
                            let r = crate::abstract_::item::PyObject_DelItem(container, key);
                            decref(container);
                            decref(key);
                            tri!(c_status(r));
                        }
                        B::BUILD_SLICE => {
                            let step = if arg == 3 { pop!() } else { core::ptr::null_mut() };
                            let stop = pop!();
                            let start = pop!();
                            let r = crate::objects::slice::PySlice_New(start, stop, step);
                            decref(start);
                            decref(stop);
                            xdecref(step);
                            push!(obj!(r));
                        }
                        B::BUILD_TUPLE | B::BUILD_LIST => {
                            let n = arg as usize;
                            sp = sp.sub(n);
                            let items = core::slice::from_raw_parts(sp, n);
                            let r = if op == B::BUILD_TUPLE { tuple::from_ptrs(items) } else { list::from_ptrs(items) };
                            for &i in items {
                                decref(i);
                            }
                            push!(tri!(r).into_ptr());
                        }
                        B::BUILD_SET => {
                            let n = arg as usize;
                            sp = sp.sub(n);
                            let items = core::slice::from_raw_parts(sp, n);
                            let r = (|| -> PyResult<PyRef> {
                                let s = from_slot(crate::objects::set::PySet_New(core::ptr::null_mut()))?;
                                for &i in items {
                                    crate::objects::set::add(s.as_ptr(), i)?;
                                }
                                Ok(s)
                            })();
                            for &i in items {
                                decref(i);
                            }
                            push!(tri!(r).into_ptr());
                        }
                        B::BUILD_MAP => {
                            let n = arg as usize;
                            sp = sp.sub(2 * n);
                            let items = core::slice::from_raw_parts(sp, 2 * n);
                            let r = (|| -> PyResult<PyRef> {
                                let d = dict::new_presized(n)?;
                                for kv in items.chunks(2) {
                                    dict::set_item(d.as_ptr(), kv[0], kv[1])?;
                                }
                                Ok(d)
                            })();
                            for &i in items {
                                decref(i);
                            }
                            push!(tri!(r).into_ptr());
                        }
                        B::BUILD_CONST_KEY_MAP => {
                            let keys = pop!();
                            let n = arg as usize;
                            sp = sp.sub(n);
                            let values = core::slice::from_raw_parts(sp, n);
                            let r = (|| -> PyResult<PyRef> {
                                let d = dict::new_presized(n)?;
                                for (k, v) in tuple::items(keys).iter().zip(values) {
                                    dict::set_item(d.as_ptr(), *k, *v)?;
                                }
                                Ok(d)
                            })();
                            for &i in values {
                                decref(i);
                            }
                            decref(keys);
                            push!(tri!(r).into_ptr());
                        }
                        B::BUILD_STRING => {
                            let n = arg as usize;
                            sp = sp.sub(n);
                            let items = core::slice::from_raw_parts(sp, n);
                            let r = ops::build_string(items);
                            for &i in items {
                                decref(i);
                            }
                            push!(tri!(r).into_ptr());
                        }
                        B::LIST_APPEND => {
                            let v = pop!();
                            let r = list::append(peek!(arg as usize), v);
                            decref(v);
                            tri!(r);
                        }
                        B::SET_ADD => {
                            let v = pop!();
                            let r = crate::objects::set::add(peek!(arg as usize), v);
                            decref(v);
                            tri!(r);
                        }
                        B::MAP_ADD => {
                            let v = pop!();
                            let k = pop!();
                            let r = dict::set_item(peek!(arg as usize), k, v);
                            decref(k);
                            decref(v);
                            tri!(r);
                        }
                        B::LIST_EXTEND => {
                            let v = pop!();
                            let r = list::extend(peek!(arg as usize), v);
                            if r.is_err()
                                && crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0
                                && (*(*v).ob_type).tp_iter.is_none()
                                && crate::abstract_::sequence::PySequence_Check(v) == 0
                            {
                                crate::errors::pyerr::PyErr_Clear();
                                let _ = type_error(format!("Value after * must be an iterable, not {}", tp_name(v)));
                            }
                            decref(v);
                            tri!(r);
                        }
                        B::SET_UPDATE => {
                            let v = pop!();
                            let r = crate::objects::set::update(peek!(arg as usize), v);
                            decref(v);
                            tri!(r);
                        }
                        B::DICT_UPDATE => {
                            let v = pop!();
                            let r = crate::objects::dict::PyDict_Update(peek!(arg as usize), v);
                            if r < 0
                                && crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_AttributeError as *mut PyObject) != 0
                            {
                                crate::errors::pyerr::PyErr_Clear();
                                let _ = type_error(format!("'{}' object is not a mapping", tp_name(v)));
                            }
                            decref(v);
                            tri!(c_status(r));
                        }
                        B::DICT_MERGE => {
                            let v = pop!();
                            // [func, self_or_arg?, args, kwargs_dict] -> the callable is 2 below the dict.
                            let func = peek!(arg as usize + 2);
                            let r = ops::dict_merge(peek!(arg as usize), v, func);
                            decref(v);
                            tri!(r);
                        }
                        B::LIST_TO_TUPLE => {
                            let l = pop!();
                            let r = tuple::from_ptrs(list::items(l));
                            decref(l);
                            push!(tri!(r).into_ptr());
                        }
                        B::FORMAT_VALUE => {
                            let spec = if arg & 4 != 0 { pop!() } else { core::ptr::null_mut() };
                            let v = pop!();
                            let r = ops::format_value(v, arg, spec);
                            decref(v);
                            xdecref(spec);
                            push!(tri!(r).into_ptr());
                        }
                        B::UNPACK_SEQUENCE | B::UNPACK_EX => {
                            let seq = pop!();
                            let is_seq = op == B::UNPACK_SEQUENCE;
                            // `a, b = pair`: an exact tuple or list of the right length
                            // pushes its items directly (no intermediate vector).
                            if is_seq {
                                if let Some(items) = ops::exact_sequence_items(seq) {
                                    if items.len() == arg as usize {
                                        for &v in items.iter().rev() {
                                            push!(incref(v));
                                        }
                                        decref(seq);
                                        ip += 1;
                                        continue 'run;
                                    }
                                }
                            }
                            let r = if is_seq {
                                ops::unpack(seq, arg as usize, None)
                            } else {
                                ops::unpack(seq, (arg & 0xff) as usize, Some((arg >> 8) as usize))
                            };
                            decref(seq);
                            let items = tri!(r);
                            for v in items.into_iter().rev() {
                                push!(v.into_ptr());
                            }
                            if is_seq {
                                ip += 1;
                            }
                        }
                        B::JUMP => {
                            if (arg as usize) < ip && breaker_tripped() {
                                tri!(handle_eval_breaker(ts));
                            }
                            ip = arg as usize;
                        }
                        B::JUMP_NO_INTERRUPT => ip = arg as usize,
                        B::POP_JUMP_IF_FALSE | B::POP_JUMP_IF_TRUE => {
                            // Decided before `is_true`'s call: `op` then need not survive calls.
                            let jump_if = op == B::POP_JUMP_IF_TRUE;
                            let v = pop!();
                            let t = if v == crate::objects::bool::true_() {
                                true
                            } else if v == crate::objects::bool::false_() || v == none() {
                                false
                            } else {
                                let r = crate::abstract_::object::is_true(v);
                                if r.is_err() {
                                    decref(v);
                                    break 'run;
                                }
                                r.unwrap_unchecked()
                            };
                            decref(v);
                            if t == jump_if {
                                ip = arg as usize;
                            }
                        }
                        B::POP_JUMP_IF_NONE | B::POP_JUMP_IF_NOT_NONE => {
                            let v = pop!();
                            let is_none = v == none();
                            decref(v);
                            if is_none == (op == B::POP_JUMP_IF_NONE) {
                                ip = arg as usize;
                            }
                        }
                        B::JUMP_IF_FALSE_OR_POP | B::JUMP_IF_TRUE_OR_POP => {
                            let jump_if = op == B::JUMP_IF_TRUE_OR_POP;
                            let v = top!();
                            let t = tri!(crate::abstract_::object::is_true(v));
                            if t == jump_if {
                                ip = arg as usize;
                            } else {
                                decref(pop!());
                            }
                        }
                        B::GET_ITER => {
                            let v = pop!();
                            let r = crate::abstract_::iter::PyObject_GetIter(v);
                            decref(v);
                            push!(obj!(r));
                        }
                        B::FOR_ITER => {
                            let it = top!();
                            // `for i in range(...)`: the value without a call of the iterator,
                            // and with `STORE_FAST i` next, the int `i` holds rewritten when
                            // nothing else refers to it (no allocation and free per step).
                            if let Some(step) = crate::objects::range::range_iter_next_value(it) {
                                let Some(v) = step else {
                                    decref(pop!());
                                    ip = arg as usize;
                                    continue 'run;
                                };
                                let next = *words.add(ip + 1);
                                if next as u8 == B::STORE_FAST as u8 && !tracing!() {
                                    let old = *slots!().add((next >> 8) as usize);
                                    if !old.is_null() && crate::eval::binary_fast::overwrite_lone_int(old, v) {
                                        ip += 2;
                                        continue 'run;
                                    }
                                }
                                push!(tri!(crate::objects::int::from_i64(v)).into_ptr());
                                ip += 1;
                                continue 'run;
                            }
                            let next = match (*(*it).ob_type).tp_iternext {
                                Some(n) => n(it),
                                None => {
                                    let _ = type_error(format!("'{}' object is not an iterator", tp_name(it)));
                                    break 'run;
                                }
                            };
                            if !next.is_null() {
                                push!(next);
                                ip += 1;
                            } else {
                                if !crate::errors::pyerr::PyErr_Occurred().is_null() {
                                    if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_StopIteration as *mut PyObject) == 0 {
                                        break 'run;
                                    }
                                    if (*ts).c_tracefunc.is_some() {
                                        crate::eval::trace::exception(ts, f);
                                    }
                                    crate::errors::pyerr::PyErr_Clear();
                                }
                                decref(pop!());
                                ip = arg as usize;
                            }
                        }
                        B::KW_NAMES => kwnames = *consts!().add(arg as usize),
                        B::CALL => {
                            let n = arg as usize;
                            let is_meth = !peek!(n + 2).is_null();
                            let total = n + is_meth as usize;
                            let callable = if is_meth { peek!(n + 2) } else { peek!(n + 1) };
                            let args = sp.sub(total);
                            let kw = core::mem::replace(&mut kwnames, core::ptr::null_mut());
                            let nkw = if kw.is_null() { 0 } else { tuple::len(kw) };
                            let positional = total - nkw;
                            ip += 2;
                            if (*callable).ob_type == &raw mut crate::objects::function_type::PyFunction_Type
                                && crate::runtime::interpreter::Interpreter::from_c((*ts).interp).eval_frame.is_none()
                            {
                                // An inlined call: the callee's frame runs in this activation,
                                // and its return continues here.
                                (*f).resume_at = ip as u32;
                                let callee;
                                let bound = if kw.is_null() && crate::eval::call_fast::binds_positionally(callable, positional) {
                                    // The arguments' references move into the callee's slots!();
                                    // the callable (and NULL) below them are dropped.
                                    callee = interp_frame::push_moving_args(ts, callable, args, total);
                                    for k in total..(n + 2) {
                                        xdecref(*sp.sub(k + 1));
                                    }
                                    Ok(())
                                } else {
                                    // The binder may raise or run code: the caller's stack is
                                    // counted while it does.
                                    (*f).stackdepth = sp.offset_from(base!()) as u32;
                                    callee = interp_frame::push(ts, callable, core::ptr::null_mut());
                                    let bound = crate::eval::bind_args::bind(callable, (*callee).slots(), args, positional, kw);
                                    // The caller's arguments and callable are dropped either way.
                                    for k in 0..(n + 2) {
                                        xdecref(*sp.sub(k + 1));
                                    }
                                    bound
                                };
                                sp = sp.sub(n + 2);
                                (*f).stackdepth = sp.offset_from(base!()) as u32;
                                if bound.is_err() {
                                    interp_frame::pop(ts, callee);
                                    break 'run;
                                }
                                // One more level of recursion (the inline form of recursion::enter).
                                if (*ts).recursion_remaining > 0 {
                                    (*ts).recursion_remaining -= 1;
                                } else if crate::eval::recursion::enter("").is_err() {
                                    interp_frame::pop(ts, callee);
                                    break 'run;
                                }
                                f = callee;
                                load_frame!();
                                ip = 0;
                                continue 'run;
                            }
                            let r = if tracing!() {
                                crate::eval::trace::vectorcall(ts, callable, args, positional, kw)
                            } else {
                                crate::abstract_::call::PyObject_Vectorcall(
                                    callable,
                                    args,
                                    positional | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                    kw,
                                )
                            };
                            for k in 0..(n + 2) {
                                xdecref(*sp.sub(k + 1));
                            }
                            sp = sp.sub(n + 2);
                            push!(obj!(r));
                            if breaker_tripped() {
                                tri!(handle_eval_breaker(ts));
                            }
                        }
                        B::CALL_FUNCTION_EX => {
                            let kwargs = if arg & 1 != 0 { pop!() } else { core::ptr::null_mut() };
                            let callargs = pop!();
                            let func = pop!();
                            let null = pop!();
                            let r = (|| -> PyResult<PyRef> {
                                let t = ops::star_args(func, callargs)?;
                                let kw = if !kwargs.is_null() && !dict::is_exact(kwargs) {
                                    let d = dict::new()?;
                                    ops::dict_merge(d.as_ptr(), kwargs, func)?;
                                    Some(d)
                                } else {
                                    None
                                };
                                let kwp = kw.as_ref().map_or(kwargs, |d| d.as_ptr());
                                from_slot(if tracing!() {
                                    crate::eval::trace::call_ex(ts, func, t.as_ptr(), kwp)
                                } else {
                                    crate::abstract_::call::PyObject_Call(func, t.as_ptr(), kwp)
                                })
                            })();
                            decref(func);
                            decref(callargs);
                            xdecref(kwargs);
                            xdecref(null);
                            push!(tri!(r).into_ptr());
                        }
                        B::MAKE_FUNCTION => {
                            let code = pop!();
                            let closure = if arg & 8 != 0 { pop!() } else { core::ptr::null_mut() };
                            let annotations = if arg & 4 != 0 { pop!() } else { core::ptr::null_mut() };
                            let kwdefaults = if arg & 2 != 0 { pop!() } else { core::ptr::null_mut() };
                            let defaults = if arg & 1 != 0 { pop!() } else { core::ptr::null_mut() };
                            let r = crate::objects::function_type::new(code, (*f).globals, core::ptr::null_mut());
                            decref(code);
                            let func = match r {
                                Ok(func) => func,
                                Err(_) => {
                                    xdecref(closure);
                                    xdecref(annotations);
                                    xdecref(kwdefaults);
                                    xdecref(defaults);
                                    break 'run;
                                }
                            };
                            let fo = func.as_ptr() as *mut PyFunctionObject;
                            (*fo).func_closure = closure;
                            (*fo).func_annotations = annotations;
                            (*fo).func_kwdefaults = kwdefaults;
                            (*fo).func_defaults = defaults;
                            push!(func.into_ptr());
                        }
                        B::RETURN_VALUE => {
                            let v = pop!();
                            while sp > base!() {
                                xdecref(pop!());
                            }
                            (*f).stackdepth = 0;
                            if tracing!() && crate::eval::trace::function_exit(ts, f, v).is_err() {
                                decref(v);
                                exit_unwind = true;
                                add_tb = false;
                                break 'run;
                            }
                            (*ts).recursion_remaining += 1; // recursion::leave, inline
                            let was_entry = (*f).is_entry;
                            let prev = (*f).previous;
                            crate::eval::call_fast::pop_returned(ts, f);
                            if was_entry {
                                return v;
                            }
                            f = prev;
                            reload_frame!();
                            ip = (*f).resume_at as usize;
                            push!(v);
                        }
                        B::RETURN_GENERATOR => {
                            let depth = sp.offset_from(base!()) as usize;
                            let gen = tri!(crate::objects::gen_type::from_frame(f, depth, ip as u32));
                            (*ts).recursion_remaining += 1; // recursion::leave, inline
                            let was_entry = (*f).is_entry;
                            let prev = (*f).previous;
                            interp_frame::set_current(ts, prev);
                            crate::eval::frame_stack::release(ts, f as *mut *mut PyObject);
                            if was_entry {
                                return gen.into_ptr();
                            }
                            f = prev;
                            reload_frame!();
                            ip = (*f).resume_at as usize;
                            push!(gen.into_ptr());
                        }
                        B::YIELD_VALUE => {
                            let v = pop!();
                            (*f).stackdepth = sp.offset_from(base!()) as u32;
                            if tracing!() && crate::eval::trace::function_exit(ts, f, v).is_err() {
                                decref(v);
                                exit_unwind = true;
                                add_tb = false;
                                break 'run;
                            }
                            (*f).state = interp_frame::SUSPENDED;
                            (*ts).recursion_remaining += 1; // recursion::leave, inline
                            interp_frame::set_current(ts, (*f).previous);
                            (*f).previous = core::ptr::null_mut();
                            return v;
                        }
                        B::SEND => {
                            let v = pop!();
                            let recv = top!();
                            let r = crate::eval::gen_ops::send(recv, v);
                            decref(v);
                            match tri!(r) {
                                crate::objects::gen_type::Sent::Yielded(x) => push!(x.into_ptr()),
                                crate::objects::gen_type::Sent::Returned(x) => {
                                    decref(pop!());
                                    push!(x.into_ptr());
                                    ip = arg as usize;
                                }
                            }
                        }
                        B::GET_YIELD_FROM_ITER => {
                            let v = top!();
                            let r = crate::eval::gen_ops::yield_from_iter(f, v);
                            let it = tri!(r);
                            decref(pop!());
                            push!(it.into_ptr());
                        }
                        B::GET_AWAITABLE => {
                            let v = top!();
                            let r = crate::eval::gen_ops::awaitable(v, arg);
                            let it = tri!(r);
                            decref(pop!());
                            push!(it.into_ptr());
                        }
                        B::GET_AITER => {
                            let v = pop!();
                            let r = crate::eval::async_ops::get_aiter(v);
                            decref(v);
                            push!(tri!(r).into_ptr());
                        }
                        B::GET_ANEXT => {
                            let r = crate::eval::async_ops::get_anext(top!());
                            push!(tri!(r).into_ptr());
                        }
                        B::END_ASYNC_FOR => {
                            let e = pop!();
                            if !crate::eval::async_ops::is_stop_async(e) {
                                let _ = ops::restore_exception(PyRef::from_owned(e).unwrap_unchecked());
                                add_tb = false;
                                break 'run;
                            }
                            decref(e);
                            decref(pop!());
                        }
                        B::BEFORE_ASYNC_WITH => {
                            let mgr = pop!();
                            let r = crate::eval::async_ops::before_async_with(mgr);
                            decref(mgr);
                            let (exit, res) = tri!(r);
                            push!(exit.into_ptr());
                            push!(res.into_ptr());
                        }
                        B::ASYNC_GEN_WRAP => {
                            let v = pop!();
                            let r = crate::objects::asyncgen_type::wrap_value(v);
                            decref(v);
                            push!(tri!(r).into_ptr());
                        }
                        B::MATCH_MAPPING | B::MATCH_SEQUENCE => {
                            let r = crate::eval::match_ops::type_flag(top!(), op == B::MATCH_MAPPING);
                            push!(crate::objects::bool::PyBool_FromLong(r as _));
                        }
                        B::GET_LEN => {
                            let n = tri!(crate::abstract_::object::size(top!()));
                            push!(tri!(crate::objects::int::from_i64(n as i64)).into_ptr());
                        }
                        B::MATCH_KEYS => {
                            let r = crate::eval::match_ops::match_keys(peek!(2), top!());
                            push!(tri!(r).into_ptr());
                        }
                        B::COPY_DICT_WITHOUT_KEYS => {
                            let r = crate::eval::match_ops::copy_without_keys(peek!(2), top!());
                            let rest = tri!(r);
                            decref(pop!());
                            push!(rest.into_ptr());
                        }
                        B::MATCH_CLASS => {
                            let names = pop!();
                            let cls = pop!();
                            let subject = pop!();
                            let r = crate::eval::match_ops::match_class(subject, cls, arg as usize, names);
                            decref(names);
                            decref(cls);
                            decref(subject);
                            push!(tri!(r).into_ptr());
                        }
                        B::RAISE_VARARGS => {
                            let (e, cause) = match arg {
                                0 => (core::ptr::null_mut(), core::ptr::null_mut()),
                                1 => (pop!(), core::ptr::null_mut()),
                                _ => {
                                    let c = pop!();
                                    (pop!(), c)
                                }
                            };
                            let _ = ops::do_raise(e, cause);
                            if e.is_null() {
                                add_tb = false;
                            }
                            xdecref(e);
                            xdecref(cause);
                            break 'run;
                        }
                        B::RERAISE => {
                            let v = pop!();
                            unwind_at = Some((*f).lasti);
                            if arg != 0 {
                                let lasti = peek!(arg as usize);
                                if let Ok(i) = crate::objects::long_convert::as_i64(lasti) {
                                    (*f).lasti = i as u32;
                                }
                            }
                            let _ = ops::restore_exception(PyRef::from_owned(v).unwrap_unchecked());
                            add_tb = false;
                            break 'run;
                        }
                        B::PUSH_EXC_INFO => {
                            let v = pop!();
                            let item = (*ts).exc_info;
                            let prev = (*item).exc_value;
                            push!(if prev.is_null() { incref(none()) } else { prev });
                            (*item).exc_value = incref(v);
                            push!(v);
                        }
                        B::POP_EXCEPT => {
                            let v = pop!();
                            let item = (*ts).exc_info;
                            xdecref(core::mem::replace(&mut (*item).exc_value, v));
                        }
                        B::CHECK_EXC_MATCH => {
                            let t = pop!();
                            if check_except_type(t).is_err() {
                                decref(t);
                                break 'run;
                            }
                            let r = crate::errors::pyerr::PyErr_GivenExceptionMatches(top!(), t);
                            decref(t);
                            push!(crate::objects::bool::PyBool_FromLong(r as _));
                        }
                        B::CHECK_EG_MATCH => {
                            let t = pop!();
                            let r = crate::eval::except_star::check_eg_match(top!(), t);
                            decref(t);
                            match tri!(r) {
                                None => push!(incref(none())),
                                Some((rest, m)) => {
                                    // The matched part is the exception being handled.
                                    let item = (*ts).exc_info;
                                    xdecref(core::mem::replace(&mut (*item).exc_value, incref(m.as_ptr())));
                                    decref(pop!());
                                    push!(rest.into_ptr());
                                    push!(m.into_ptr());
                                }
                            }
                        }
                        B::PREP_RERAISE_STAR => {
                            let excs = pop!();
                            let orig = pop!();
                            let r = crate::eval::except_star::prep_reraise_star(orig, excs);
                            decref(excs);
                            decref(orig);
                            push!(tri!(r).into_ptr());
                        }
                        B::WITH_EXCEPT_START => {
                            let e = peek!(1);
                            let exit = peek!(4);
                            let tp = (*e).ob_type as *mut PyObject;
                            let tb = crate::errors::baseexception::PyException_GetTraceback(e);
                            let tbv = if tb.is_null() { none() } else { tb };
                            let argv = [tp, e, tbv];
                            let r = crate::abstract_::call::PyObject_Vectorcall(exit, argv.as_ptr(), 3, core::ptr::null_mut());
                            xdecref(tb);
                            push!(obj!(r));
                        }
                        B::BEFORE_WITH => {
                            let mgr = pop!();
                            let r = crate::eval::with_ops::before_with(mgr);
                            decref(mgr);
                            let (exit, res) = tri!(r);
                            push!(exit.into_ptr());
                            push!(res.into_ptr());
                        }
                        B::LOAD_ASSERTION_ERROR => push!(incref(&raw mut exc::_PyExc_AssertionError as *mut PyObject)),
                        B::LOAD_BUILD_CLASS => {
                            let name = obj!(pystr::intern("__build_class__").map_or(core::ptr::null_mut(), PyRef::into_ptr));
                            let r = mapping_lookup((*f).builtins, name);
                            decref(name);
                            match tri!(r) {
                                Some(v) => push!(v),
                                None => {
                                    let _ = raise_type(&raw mut exc::_PyExc_NameError, "__build_class__ not found");
                                    break 'run;
                                }
                            }
                        }
                        B::IMPORT_NAME => {
                            let fromlist = pop!();
                            let level = pop!();
                            let r = crate::eval::import_ops::import_name(f, *names!().add(arg as usize), fromlist, level);
                            decref(fromlist);
                            decref(level);
                            push!(tri!(r).into_ptr());
                        }
                        B::IMPORT_FROM => {
                            let r = crate::eval::import_ops::import_from(top!(), *names!().add(arg as usize));
                            push!(tri!(r).into_ptr());
                        }
                        B::IMPORT_STAR => {
                            let m = pop!();
                            let r = crate::eval::import_ops::import_star(f, m);
                            decref(m);
                            tri!(r);
                        }
                        B::SETUP_ANNOTATIONS => {
                            tri!(crate::eval::import_ops::setup_annotations(f));
                        }
                        B::PRINT_EXPR => {
                            let v = pop!();
                            let r = crate::eval::import_ops::print_expr(v);
                            decref(v);
                            tri!(r);
                        }
                        crate::eval::opcode_fast::TRACE_OR_FOREIGN => {
                            let _ = crate::objects::code_new::bad_opcode((*f).code, op);
                            break 'run;
                        }
                        // SAFETY: code objects hold only runnable bytes (code_rt::build).
                        _ => core::hint::unreachable_unchecked(),
                    }
                    break 'dispatch;
                }
            }
        }
        // ---- An exception is set: find a handler, unwinding frames. ----
        start_with_error = false;
        if add_tb {
            crate::eval::traceback_here::add(f);
            if (*ts).c_tracefunc.is_some() {
                crate::eval::trace::exception(ts, f);
            }
        }
        add_tb = true;
        loop {
            let lasti = (*f).lasti;
            let at = unwind_at.take().unwrap_or(lasti);
            let handler = if exit_unwind { None } else { (*f).rt().handler(at) };
            if let Some(h) = handler {
                let (depth, target, push_lasti) = (h.depth as usize, h.target as usize, h.lasti);
                let floor = base!().add(depth);
                while sp > floor {
                    xdecref(pop!());
                }
                if push_lasti {
                    match crate::objects::int::from_i64(lasti as i64) {
                        Ok(v) => push!(v.into_ptr()),
                        Err(_) => {
                            // MemoryError replaced the exception: keep unwinding with it.
                            continue;
                        }
                    }
                }
                push!(ops::fetch_exception().into_ptr());
                ip = target;
                continue 'main;
            }
            while sp > base!() {
                xdecref(pop!());
            }
            (*f).stackdepth = 0;
            if !core::mem::take(&mut exit_unwind) && tracing!() {
                // The frame is left by the exception: a `return` event with no value (an
                // exception raised there replaces the pending one).
                let _ = crate::eval::trace::function_exit(ts, f, core::ptr::null_mut());
            }
            (*ts).recursion_remaining += 1; // recursion::leave, inline
            let was_entry = (*f).is_entry;
            let prev = (*f).previous;
            interp_frame::pop(ts, f);
            if was_entry {
                return core::ptr::null_mut();
            }
            f = prev;
            load_frame!();
            crate::eval::traceback_here::add(f);
            if (*ts).c_tracefunc.is_some() {
                crate::eval::trace::exception(ts, f);
            }
        }
    }
}
