//! The `_socket` module (what `socket.py` wraps), one concept per file: the socket type
//! (object.rs) and its connection, data, message and option methods, addresses, name
//! resolution, address text and byte order, interfaces, timeouts, errors, constants.
//! Here: the module-level `socketpair`, `dup`, `close`, and the module's assembly.
use core::ffi::c_int;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error};
use crate::modules::{args_slice, meth, module_def, none_ref, ret, fast};
use crate::object::method_table::{concat, count};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{int, tuple};

pub mod address;
pub mod connection;
pub mod constants;
pub mod errors;
pub mod inet;
pub mod interfaces;
pub mod messages;
pub mod object;
pub mod options;
pub mod resolve;
pub mod timeout;
pub mod transfer;

/// The argument count check of the module's `PyArg_ParseTuple`-style functions, with
/// its messages ("NAME() takes at least 1 argument (0 given)").
pub(crate) fn arity(name: &str, given: usize, min: usize, max: usize) -> PyResult<()> {
    let (how, n) = match () {
        _ if min == max && given != min => ("exactly", min),
        _ if given < min => ("at least", min),
        _ if given > max => ("at most", max),
        _ => return Ok(()),
    };
    let plural = if n == 1 { "" } else { "s" };
    Err(crate::abstract_::type_error(format!("{name}() takes {how} {n} argument{plural} ({given} given)")))
}

/// A new `_socket.socket` around `fd`.
unsafe fn wrap(fd: c_int, family: c_int, kind: c_int, proto: c_int) -> PyResult<PyRef> {
    let op = crate::objects::iter_common::alloc(&raw mut object::Socket_Type)?;
    object::setup(op.as_ptr(), fd, family, kind, proto)?;
    Ok(op)
}

/// `socketpair([family[, type[, proto]]])`: two connected sockets (AF_UNIX by default).
unsafe extern "C" fn socketpair(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        arity("socketpair", a.len(), 0, 3)?;
        let family = a.first().map_or(Ok(libc::AF_UNIX), |&o| c_int_arg(o))?;
        let kind = a.get(1).map_or(Ok(libc::SOCK_STREAM), |&o| c_int_arg(o))?;
        let proto = a.get(2).map_or(Ok(0), |&o| c_int_arg(o))?;
        let mut fds = [0 as c_int; 2];
        if libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) < 0 {
            return Err(errno_error());
        }
        let first = wrap(fds[0], family, kind, proto);
        let second = wrap(fds[1], family, kind, proto);
        match (first, second) {
            (Ok(x), Ok(y)) => tuple::from_vec(vec![x, y]),
            (x, y) => {
                // The objects own their descriptors: dropping them closes (and warns).
                drop((x, y));
                Err(crate::errors::raised::Raised::assume_set())
            }
        }
    })())
}

/// `dup(fd, /)`: a non-inheritable duplicate of a socket descriptor.
unsafe extern "C" fn dup(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let fd = c_int_arg(fd)?;
        let r = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0);
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `close(fd, /)`: closes a socket descriptor (ECONNRESET ignored).
unsafe extern "C" fn close(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        object::close_fd(c_int_arg(fd)?)?;
        Ok(none_ref())
    })())
}

const OWN: [PyMethodDef; 3] = [
    fast(c"socketpair", socketpair, c"socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair of socket objects from the sockets returned by the platform\nsocketpair() function.\nThe arguments are the same as for socket() except the default family is\nAF_UNIX if defined on the platform; otherwise, the default is AF_INET."),
    meth(c"dup", dup, METH_O, c"dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like os.dup(), but for\nsockets; on some platforms os.dup() won't work for socket file descriptors."),
    meth(c"close", close, METH_O, c"close(integer) -> None\n\nClose an integer socket file descriptor.  This is like os.close(), but for\nsockets; on some platforms os.close() won't work for socket file descriptors."),
];

const TABLES: &[&[PyMethodDef]] = &[&OWN, &resolve::FUNCTIONS, &inet::FUNCTIONS, &interfaces::FUNCTIONS, &timeout::FUNCTIONS, &messages::FUNCTIONS];

static mut SOCKET_FUNCTIONS: [PyMethodDef; count(TABLES) + 1] = concat(TABLES);

static mut SOCKET_DEF: PyModuleDef = module_def(
    c"_socket",
    c"Implementation module for socket operations.\n\nSee the socket module for documentation.",
    (&raw mut SOCKET_FUNCTIONS) as *mut PyMethodDef,
);

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut object::Socket_Type]
}

/// What the `_socket.CAPI` capsule points to (CPython's `PySocketModule_APIObject`): the
/// socket type and the two exception types, for `_ssl`.
#[repr(C)]
struct SocketCApi {
    sock_type: *mut PyTypeObject,
    error: *mut PyObject,
    timeout_error: *mut PyObject,
}

struct SocketCApiCell(SocketCApi);
// SAFETY: immutable pointers to static objects.
unsafe impl Sync for SocketCApiCell {}

static SOCKET_CAPI: SocketCApiCell = SocketCApiCell(SocketCApi {
    sock_type: &raw const object::Socket_Type as *mut PyTypeObject,
    error: &raw const exc::_PyExc_OSError as *mut PyObject,
    timeout_error: &raw const exc::_PyExc_TimeoutError as *mut PyObject,
});

unsafe fn capi_capsule() -> PyResult<PyRef> {
    let p = &SOCKET_CAPI.0 as *const SocketCApi as *mut core::ffi::c_void;
    PyRef::from_owned(crate::objects::capsule::PyCapsule_New(p, c"_socket.CAPI".as_ptr(), None))
        .ok_or_else(crate::errors::raised::Raised::assume_set)
}

/// `PyInit__socket` for the inittab.
pub(crate) unsafe extern "C" fn init_socket() -> *mut PyObject {
    use crate::modules::module_init::{add, add_ints, create, dict_of};
    ret((|| {
        let m = create(&raw mut SOCKET_DEF)?;
        let d = dict_of(&m);
        let tp = &raw mut object::Socket_Type as *mut PyObject;
        add(d, "socket", tp)?;
        add(d, "SocketType", tp)?;
        add(d, "error", &raw mut exc::_PyExc_OSError as *mut PyObject)?;
        add(d, "timeout", &raw mut exc::_PyExc_TimeoutError as *mut PyObject)?;
        let (herror, gaierror) = errors::types()?;
        add(d, "herror", herror)?;
        add(d, "gaierror", gaierror)?;
        add(d, "has_ipv6", crate::objects::bool::true_())?;
        add_ints(d, constants::CONSTANTS)?;
        add(d, "CAPI", capi_capsule()?.as_ptr())?;
        Ok(m)
    })())
}
