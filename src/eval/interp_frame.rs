//! The frame of a running Python function (our `_PyInterpreterFrame`): a header followed by
//! the fast locals, cells, free variables and the value stack, all in one block of the
//! per-thread frame stack (frame_stack.rs). The thread state's `cframe->current_frame`
//! points at the innermost one; `previous` links the rest. A Python-visible frame object
//! (frame_object.rs) is made only when someone asks for one.
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::code::PyCodeObject;
use crate::objects::code_rt::{self, CodeRt};
use crate::objects::function::PyFunctionObject;
use crate::runtime::threadstate::PyThreadState;

#[repr(C)]
pub(crate) struct Frame {
    /// Strong.
    pub code: *mut PyCodeObject,
    /// The function being run (strong).
    pub func: *mut PyObject,
    /// Borrowed from `func`.
    pub globals: *mut PyObject,
    /// Borrowed from `func`.
    pub builtins: *mut PyObject,
    /// The namespace of module and class bodies (strong), NULL for functions.
    pub locals: *mut PyObject,
    pub previous: *mut Frame,
    /// The materialized frame object (strong), or NULL.
    pub frame_obj: *mut PyObject,
    /// Word index of the instruction being run (or last run).
    pub lasti: u32,
    /// Items on the value stack while the frame is not running.
    pub stackdepth: u32,
    /// Returning from this frame returns from the Rust call of the eval loop.
    pub is_entry: bool,
    /// The frame belongs to a generator object, not to the frame stack.
    pub owned_by_gen: bool,
    /// For generator frames: `CREATED`, `SUSPENDED`, `RUNNING` or `COMPLETED`.
    pub state: u8,
    /// Where this frame goes on when the Python function it called in line (eval loop's
    /// `CALL`) returns; set by that call only (in the header's padding).
    pub resume_at: u32,
    pub localsplus: [*mut PyObject; 0],
}

pub(crate) const CREATED: u8 = 0;
pub(crate) const SUSPENDED: u8 = 1;
pub(crate) const RUNNING: u8 = 2;
pub(crate) const COMPLETED: u8 = 3;

pub(crate) const HEADER_WORDS: usize = core::mem::size_of::<Frame>() / 8;
// `resume_at` lives in what was padding: the header stays nine words.
const _: () = assert!(HEADER_WORDS == 9);
const _: () = assert!(core::mem::size_of::<Frame>() % 8 == 0);

impl Frame {
    #[inline]
    pub(crate) unsafe fn rt<'a>(&self) -> &'a CodeRt {
        code_rt::rt(self.code)
    }

    #[inline]
    pub(crate) fn slots(&mut self) -> *mut *mut PyObject {
        self.localsplus.as_mut_ptr()
    }
}

/// The innermost frame of `ts`, or NULL.
#[inline]
pub(crate) unsafe fn current(ts: *mut PyThreadState) -> *mut Frame {
    if ts.is_null() || (*ts).cframe.is_null() {
        return core::ptr::null_mut();
    }
    (*(*ts).cframe).current_frame as *mut Frame
}

#[inline]
pub(crate) unsafe fn set_current(ts: *mut PyThreadState, f: *mut Frame) {
    (*(*ts).cframe).current_frame = f as *mut crate::eval::frame::_PyInterpreterFrame;
}

/// Pushes a frame for `func` (a Python function) with zeroed slots; `locals` (borrowed)
/// for module and class bodies. The caller binds arguments into `slots()`.
///
/// # Safety
/// `ts` is the current thread state, `func` a live function.
#[inline]
pub(crate) unsafe fn push(ts: *mut PyThreadState, func: *mut PyObject, locals: *mut PyObject) -> *mut Frame {
    let fo = func as *mut PyFunctionObject;
    let code = (*fo).func_code as *mut PyCodeObject;
    let rt = code_rt::rt(code);
    let f = crate::eval::frame_stack::alloc_zeroing(ts, HEADER_WORDS + rt.frame_slots(), HEADER_WORDS + rt.nlocalsplus())
        as *mut Frame;
    (*code).ob_base.ob_base.ob_refcnt += 1;
    (*func).ob_refcnt += 1;
    (*f).code = code;
    (*f).func = func;
    (*f).globals = (*fo).func_globals;
    (*f).builtins = (*fo).func_builtins;
    if !locals.is_null() {
        (*locals).ob_refcnt += 1;
    }
    (*f).locals = locals;
    (*f).previous = current(ts);
    set_current(ts, f);
    f
}

/// Pushes a frame for `func` whose first `nargs` slots take the references at `args`
/// (moved: the caller forgets them) and whose other local slots are empty: the common
/// call (eval/call_fast.rs). The header is written field by field and the slots by plain
/// stores, not through `memset`/`memcpy` calls (a handful of words per call).
///
/// # Safety
/// As `push`; `args` holds `nargs` owned references, `nargs <= nlocalsplus`.
#[inline(always)]
pub(crate) unsafe fn push_moving_args(ts: *mut PyThreadState, func: *mut PyObject, args: *const *mut PyObject, nargs: usize) -> *mut Frame {
    let fo = func as *mut PyFunctionObject;
    let code = (*fo).func_code as *mut PyCodeObject;
    let rt = code_rt::rt(code);
    let f = crate::eval::frame_stack::alloc_zeroing(ts, HEADER_WORDS + rt.frame_slots(), 0) as *mut Frame;
    (*code).ob_base.ob_base.ob_refcnt += 1;
    (*func).ob_refcnt += 1;
    // The eval loop runs with a frame current: no NULL checks of `current`.
    let cframe = (*ts).cframe;
    f.write(Frame {
        code,
        func,
        globals: (*fo).func_globals,
        builtins: (*fo).func_builtins,
        locals: core::ptr::null_mut(),
        previous: (*cframe).current_frame as *mut Frame,
        frame_obj: core::ptr::null_mut(),
        lasti: 0,
        stackdepth: 0,
        is_entry: false,
        owned_by_gen: false,
        state: CREATED,
        resume_at: 0,
        localsplus: [],
    });
    (*cframe).current_frame = f as *mut crate::eval::frame::_PyInterpreterFrame;
    let slots = (*f).slots();
    // Volatile stores keep LLVM from turning these short loops back into libc calls.
    for i in 0..nargs {
        slots.add(i).write_volatile(*args.add(i));
    }
    for i in nargs..rt.nlocalsplus() {
        slots.add(i).write_volatile(core::ptr::null_mut());
    }
    f
}

/// Releases everything a frame holds and pops it off the frame stack; `ts`'s current
/// frame becomes the previous one.
///
/// # Safety
/// `f` is `ts`'s innermost frame, not running.
pub(crate) unsafe fn pop(ts: *mut PyThreadState, f: *mut Frame) {
    set_current(ts, (*f).previous);
    if (*f).owned_by_gen {
        // The generator keeps the memory; only the references go.
        clear(f);
        (*f).state = COMPLETED;
        (*f).previous = core::ptr::null_mut();
        return;
    }
    clear(f);
    crate::eval::frame_stack::release(ts, f as *mut *mut PyObject);
}

/// Drops the references a frame holds (slots, stack, code, function, locals) and detaches
/// its frame object, which keeps what it needs to answer questions on its own.
pub(crate) unsafe fn clear(f: *mut Frame) {
    if (*f).code.is_null() {
        return; // already cleared (a finished generator's frame)
    }
    crate::eval::frame_object::detach(f);
    drop(PyRef::from_owned(core::mem::replace(&mut (*f).frame_obj, core::ptr::null_mut())));
    let rt = (*f).rt();
    let n = rt.nlocalsplus() + (*f).stackdepth as usize;
    let slots = (*f).slots();
    for i in 0..n {
        let v = core::mem::replace(&mut *slots.add(i), core::ptr::null_mut());
        drop(PyRef::from_owned(v));
    }
    (*f).stackdepth = 0;
    drop(PyRef::from_owned(core::mem::replace(&mut (*f).locals, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut (*f).func, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut (*f).code, core::ptr::null_mut()) as *mut PyObject));
}

/// The line being run by `f`.
pub(crate) unsafe fn line(f: *mut Frame) -> i32 {
    (*f).rt().position((*f).lasti).line as i32
}
