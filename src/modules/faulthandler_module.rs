//! The `faulthandler` module, the part that runs without signal handlers:
//! `dump_traceback(file=sys.stderr, all_threads=True)` writes the Python stack of the
//! current thread (or of every thread of the interpreter) straight to a file descriptor, in
//! CPython's format (`test.support.threading_helper` calls it when threads fail to stop).
//! `enable`/`disable`/`dump_traceback_later`/`register` (fatal-signal and timer handlers) are
//! not implemented and so absent.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{from_slot, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::eval::interp_frame::{self, Frame};
use crate::modules::{fast_kw, module_def, none_ref, owned, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::str as pystr;
use crate::runtime::threadstate::PyThreadState;

/// Frames shown per thread before "  ...".
const MAX_FRAME_DEPTH: usize = 100;
/// Characters shown of a file or function name before "...".
const MAX_STRING_LENGTH: usize = 500;

static DUMP_PARAMS: Params =
    Params { function: "dump_traceback", names: &["file", "all_threads"], positional_only: 0, max_positional: 2, required: 0 };

/// The descriptor to write to: an int as it is, else `file.fileno()` after `file.flush()`;
/// None or absent means `sys.stderr`.
unsafe fn file_descriptor(file: Option<*mut PyObject>) -> PyResult<i32> {
    let file = match file {
        Some(f) if f != none() => f,
        _ => {
            let err = crate::modules::sys_api::PySys_GetObject(c"stderr".as_ptr());
            if err.is_null() || err == none() {
                return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "sys.stderr is None"));
            }
            err
        }
    };
    if crate::objects::int::is_int(file) {
        let fd = crate::modules::itertools::pickling::state_int(file)?;
        // (sic: CPython 3.11's message.)
        return if fd >= 0 { Ok(fd as i32) } else { Err(raise_type(&raw mut exc::_PyExc_ValueError, "file is not a valid file descripter")) };
    }
    let fileno = crate::object::object_attr::get_attr(file, pystr::intern("fileno")?.as_ptr())?;
    let fd = from_slot(crate::abstract_::call::PyObject_CallNoArgs(fileno.as_ptr()))?;
    if !crate::objects::int::is_int(fd.as_ptr()) {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "file.fileno() is not a valid file descriptor"));
    }
    let fd = crate::objects::long_convert::as_i64(fd.as_ptr())?;
    if !(0..=i32::MAX as i64).contains(&fd) {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "file.fileno() is not a valid file descriptor"));
    }
    // What the file buffered goes out before the traceback (a failing flush is ignored).
    if let Some(flush) = crate::object::object_attr::lookup_attr(file, pystr::intern("flush")?.as_ptr())? {
        if crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(flush.as_ptr())).is_err() {
            crate::errors::pyerr::PyErr_Clear();
        }
    }
    Ok(fd as i32)
}

/// A name as faulthandler prints it: printable ASCII as is, other characters as `\xHH`,
/// `\uHHHH` or `\UHHHHHHHH`, cut at 500 characters with "...".
fn ascii_text(text: &str, out: &mut String) {
    for (i, ch) in text.chars().enumerate() {
        if i == MAX_STRING_LENGTH {
            out.push_str("...");
            break;
        }
        let c = ch as u32;
        match c {
            0x20..=0x7e => out.push(ch),
            0..=0xff => out.push_str(&format!("\\x{c:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
}

/// The frames of `ts`, innermost first.
unsafe fn dump_frames(ts: *mut PyThreadState, out: &mut String) {
    let mut f: *mut Frame = interp_frame::current(ts);
    if f.is_null() {
        out.push_str("  <no Python frame>\n");
        return;
    }
    let mut depth = 0;
    while !f.is_null() {
        if depth == MAX_FRAME_DEPTH {
            out.push_str("  ...\n");
            break;
        }
        let code = (*f).code;
        out.push_str("  File \"");
        if code.is_null() {
            out.push_str("???\", line ???");
        } else {
            ascii_text(&pystr::to_string((*code).co_filename), out);
            out.push_str(&format!("\", line {}", interp_frame::line(f)));
        }
        out.push_str(" in ");
        if code.is_null() {
            out.push_str("???");
        } else {
            ascii_text(&pystr::to_string((*code).co_name), out);
        }
        out.push('\n');
        f = (*f).previous;
        depth += 1;
    }
}

/// Writes all of `text` to `fd` (retrying on EINTR); errors are ignored, as CPython's.
unsafe fn write_all(fd: i32, text: &[u8]) {
    let mut rest = text;
    while !rest.is_empty() {
        let n = libc::write(fd, rest.as_ptr() as *const libc::c_void, rest.len());
        if n < 0 {
            if *libc::__errno_location() == libc::EINTR {
                continue;
            }
            return;
        }
        rest = &rest[n as usize..];
    }
}

/// `faulthandler.dump_traceback(file=sys.stderr, all_threads=True)`.
unsafe extern "C" fn dump_traceback(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret((|| -> PyResult<PyRef> {
        let a = bind(&DUMP_PARAMS, args, nargs.max(0) as usize, kwnames)?;
        let all_threads = match a[1] {
            Some(v) => crate::abstract_::object::is_true(v)?,
            None => true,
        };
        let fd = file_descriptor(a[0])?;
        let current = crate::runtime::pystate::current();
        let mut out = String::new();
        if all_threads {
            let interp = crate::runtime::pystate::PyInterpreterState_Get();
            let mut ts = crate::runtime::interpreter::PyInterpreterState_ThreadHead(interp);
            let mut first = true;
            while !ts.is_null() {
                if !first {
                    out.push('\n');
                }
                first = false;
                let who = if ts == current { "Current thread" } else { "Thread" };
                out.push_str(&format!("{who} 0x{:016x} (most recent call first):\n", (*ts).thread_id));
                dump_frames(ts, &mut out);
                ts = crate::runtime::pystate::PyThreadState_Next(ts);
            }
        } else {
            out.push_str("Stack (most recent call first):\n");
            dump_frames(current, &mut out);
        }
        write_all(fd, out.as_bytes());
        Ok(none_ref())
    })())
}

static mut FAULTHANDLER_FUNCTIONS: [PyMethodDef; 2] = [
    fast_kw(
        c"dump_traceback",
        dump_traceback,
        c"dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of all threads if all_threads is True, into file",
    ),
    END,
];

static mut FAULTHANDLER_DEF: PyModuleDef =
    module_def(c"faulthandler", c"faulthandler module.", (&raw mut FAULTHANDLER_FUNCTIONS) as *mut PyMethodDef);

/// `PyInit_faulthandler` for the inittab.
pub(crate) unsafe extern "C" fn init_faulthandler() -> *mut PyObject {
    ret((|| owned(crate::objects::module::PyModule_Create2(&raw mut FAULTHANDLER_DEF, crate::modules::sys_module::API_VERSION as i32)))())
}
