//! The `errno` module: the Linux error numbers under their symbolic names, and
//! `errorcode` mapping each number back to a name (the last name added for a number wins,
//! so `errorcode[11]` is `EAGAIN`, as in CPython).
use crate::errors::raised::PyResult;
use crate::modules::module_init::{add, add_int, create, dict_of};
use crate::modules::{module_def, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, int, str as pystr};

/// The names in CPython's order (the module dict and `errorcode` iterate in it).
const ERRNO_NAMES: &[(&str, i32)] = &[
    ("ENODEV", libc::ENODEV),
    ("ENOCSI", libc::ENOCSI),
    ("EHOSTUNREACH", libc::EHOSTUNREACH),
    ("ENOMSG", libc::ENOMSG),
    ("EUCLEAN", libc::EUCLEAN),
    ("EL2NSYNC", libc::EL2NSYNC),
    ("EL2HLT", libc::EL2HLT),
    ("ENODATA", libc::ENODATA),
    ("ENOTBLK", libc::ENOTBLK),
    ("ENOSYS", libc::ENOSYS),
    ("EPIPE", libc::EPIPE),
    ("EINVAL", libc::EINVAL),
    ("EOVERFLOW", libc::EOVERFLOW),
    ("EADV", libc::EADV),
    ("EINTR", libc::EINTR),
    ("EUSERS", libc::EUSERS),
    ("ENOTEMPTY", libc::ENOTEMPTY),
    ("ENOBUFS", libc::ENOBUFS),
    ("EPROTO", libc::EPROTO),
    ("EREMOTE", libc::EREMOTE),
    ("ENAVAIL", libc::ENAVAIL),
    ("ECHILD", libc::ECHILD),
    ("ELOOP", libc::ELOOP),
    ("EXDEV", libc::EXDEV),
    ("E2BIG", libc::E2BIG),
    ("ESRCH", libc::ESRCH),
    ("EMSGSIZE", libc::EMSGSIZE),
    ("EAFNOSUPPORT", libc::EAFNOSUPPORT),
    ("EBADR", libc::EBADR),
    ("EHOSTDOWN", libc::EHOSTDOWN),
    ("EPFNOSUPPORT", libc::EPFNOSUPPORT),
    ("ENOPROTOOPT", libc::ENOPROTOOPT),
    ("EBUSY", libc::EBUSY),
    ("EWOULDBLOCK", libc::EWOULDBLOCK),
    ("EBADFD", libc::EBADFD),
    ("EDOTDOT", libc::EDOTDOT),
    ("EISCONN", libc::EISCONN),
    ("ENOANO", libc::ENOANO),
    ("ESHUTDOWN", libc::ESHUTDOWN),
    ("ECHRNG", libc::ECHRNG),
    ("ELIBBAD", libc::ELIBBAD),
    ("ENONET", libc::ENONET),
    ("EBADE", libc::EBADE),
    ("EBADF", libc::EBADF),
    ("EMULTIHOP", libc::EMULTIHOP),
    ("EIO", libc::EIO),
    ("EUNATCH", libc::EUNATCH),
    ("EPROTOTYPE", libc::EPROTOTYPE),
    ("ENOSPC", libc::ENOSPC),
    ("ENOEXEC", libc::ENOEXEC),
    ("EALREADY", libc::EALREADY),
    ("ENETDOWN", libc::ENETDOWN),
    ("ENOTNAM", libc::ENOTNAM),
    ("EACCES", libc::EACCES),
    ("ELNRNG", libc::ELNRNG),
    ("EILSEQ", libc::EILSEQ),
    ("ENOTDIR", libc::ENOTDIR),
    ("ENOTUNIQ", libc::ENOTUNIQ),
    ("EPERM", libc::EPERM),
    ("EDOM", libc::EDOM),
    ("EXFULL", libc::EXFULL),
    ("ECONNREFUSED", libc::ECONNREFUSED),
    ("EISDIR", libc::EISDIR),
    ("EPROTONOSUPPORT", libc::EPROTONOSUPPORT),
    ("EROFS", libc::EROFS),
    ("EADDRNOTAVAIL", libc::EADDRNOTAVAIL),
    ("EIDRM", libc::EIDRM),
    ("ECOMM", libc::ECOMM),
    ("ESRMNT", libc::ESRMNT),
    ("EREMOTEIO", libc::EREMOTEIO),
    ("EL3RST", libc::EL3RST),
    ("EBADMSG", libc::EBADMSG),
    ("ENFILE", libc::ENFILE),
    ("ELIBMAX", libc::ELIBMAX),
    ("ESPIPE", libc::ESPIPE),
    ("ENOLINK", libc::ENOLINK),
    ("ENETRESET", libc::ENETRESET),
    ("ETIMEDOUT", libc::ETIMEDOUT),
    ("ENOENT", libc::ENOENT),
    ("EEXIST", libc::EEXIST),
    ("EDQUOT", libc::EDQUOT),
    ("ENOSTR", libc::ENOSTR),
    ("EBADSLT", libc::EBADSLT),
    ("EBADRQC", libc::EBADRQC),
    ("ELIBACC", libc::ELIBACC),
    ("EFAULT", libc::EFAULT),
    ("EFBIG", libc::EFBIG),
    ("EDEADLK", libc::EDEADLK),
    ("ENOTCONN", libc::ENOTCONN),
    ("EDESTADDRREQ", libc::EDESTADDRREQ),
    ("ELIBSCN", libc::ELIBSCN),
    ("ENOLCK", libc::ENOLCK),
    ("EISNAM", libc::EISNAM),
    ("ECONNABORTED", libc::ECONNABORTED),
    ("ENETUNREACH", libc::ENETUNREACH),
    ("ESTALE", libc::ESTALE),
    ("ENOSR", libc::ENOSR),
    ("ENOMEM", libc::ENOMEM),
    ("ENOTSOCK", libc::ENOTSOCK),
    ("ESTRPIPE", libc::ESTRPIPE),
    ("EMLINK", libc::EMLINK),
    ("ERANGE", libc::ERANGE),
    ("ELIBEXEC", libc::ELIBEXEC),
    ("EL3HLT", libc::EL3HLT),
    ("ECONNRESET", libc::ECONNRESET),
    ("EADDRINUSE", libc::EADDRINUSE),
    ("EOPNOTSUPP", libc::EOPNOTSUPP),
    ("EREMCHG", libc::EREMCHG),
    ("EAGAIN", libc::EAGAIN),
    ("ENAMETOOLONG", libc::ENAMETOOLONG),
    ("ENOTTY", libc::ENOTTY),
    ("ERESTART", libc::ERESTART),
    ("ESOCKTNOSUPPORT", libc::ESOCKTNOSUPPORT),
    ("ETIME", libc::ETIME),
    ("EBFONT", libc::EBFONT),
    ("EDEADLOCK", libc::EDEADLOCK),
    ("ETOOMANYREFS", libc::ETOOMANYREFS),
    ("EMFILE", libc::EMFILE),
    ("ETXTBSY", libc::ETXTBSY),
    ("EINPROGRESS", libc::EINPROGRESS),
    ("ENXIO", libc::ENXIO),
    ("ENOPKG", libc::ENOPKG),
    ("ENOMEDIUM", libc::ENOMEDIUM),
    ("EMEDIUMTYPE", libc::EMEDIUMTYPE),
    ("ECANCELED", libc::ECANCELED),
    ("ENOKEY", libc::ENOKEY),
    ("EKEYEXPIRED", libc::EKEYEXPIRED),
    ("EKEYREVOKED", libc::EKEYREVOKED),
    ("EKEYREJECTED", libc::EKEYREJECTED),
    ("EOWNERDEAD", libc::EOWNERDEAD),
    ("ENOTRECOVERABLE", libc::ENOTRECOVERABLE),
    ("ERFKILL", libc::ERFKILL),
    ("ENOTSUP", libc::ENOTSUP),];

static mut ERRNO_FUNCTIONS: [PyMethodDef; 1] = [END];

static mut ERRNO_DEF: PyModuleDef = module_def(
    c"errno",
    c"This module makes available standard errno system symbols.\n\nThe value of each symbol is the corresponding integer value,\ne.g., on most systems, errno.ENOENT equals the integer 2.\n\nThe dictionary errno.errorcode maps numeric codes to symbol names,\ne.g., errno.errorcode[2] could be the string 'ENOENT'.\n\nSymbols that are not relevant to the underlying system are not defined.\n\nTo map error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No such file or directory'.",
    (&raw mut ERRNO_FUNCTIONS) as *mut PyMethodDef,
);

/// The `errno` module's constructor (`PyInit_errno` for the inittab).
pub(crate) unsafe extern "C" fn init_errno() -> *mut PyObject {
    ret((|| {
        let m = create(&raw mut ERRNO_DEF)?;
        let d = dict_of(&m);
        let codes = dict::new()?;
        add(d, "errorcode", codes.as_ptr())?;
        for &(name, value) in ERRNO_NAMES {
            add_int(d, name, value as i64)?;
            let key = int::from_i64(value as i64)?;
            dict::set_item(codes.as_ptr(), key.as_ptr(), pystr::intern(name)?.as_ptr())?;
        }
        PyResult::Ok(m)
    })())
}
