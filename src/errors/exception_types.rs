//! The builtin exception hierarchy of CPython 3.11 as static type objects, and the exported
//! `PyExc_*` pointers to them. Generated once from CPython 3.11.7's introspection (names,
//! bases, sizes, flags, docstrings); each size is that of the instance struct CPython uses
//! (src/errors/exceptions.rs). Instances (`tp_new`, `tp_init`, members, `tp_traverse`) are
//! later work, so no type here can be instantiated yet.
#![allow(non_upper_case_globals)]
use core::ffi::c_ulong;
use core::mem::size_of;

use crate::errors::exceptions::*;
use crate::object::object::PyObject;
use crate::object::static_type::static_type;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_HAVE_GC,
};

const FLAGS: c_ulong = Py_TPFLAGS_DEFAULT as c_ulong | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_HAVE_GC;

macro_rules! exc_type {
    ($tp:ident, $name:literal, $base:expr, $obj:ty, $doc:literal) => {
        pub(crate) static mut $tp: PyTypeObject = PyTypeObject {
            tp_base: $base,
            ..static_type($name, size_of::<$obj>(), 0, FLAGS, Some($doc))
        };
    };
}

exc_type!(_PyExc_BaseException, c"BaseException", core::ptr::null_mut(), PyBaseExceptionObject, c"Common base class for all exceptions");
exc_type!(_PyExc_BaseExceptionGroup, c"BaseExceptionGroup", &raw mut _PyExc_BaseException, PyBaseExceptionGroupObject, c"A combination of multiple unrelated exceptions.");
exc_type!(_PyExc_Exception, c"Exception", &raw mut _PyExc_BaseException, PyBaseExceptionObject, c"Common base class for all non-exit exceptions.");
exc_type!(_PyExc_GeneratorExit, c"GeneratorExit", &raw mut _PyExc_BaseException, PyBaseExceptionObject, c"Request that a generator exit.");
exc_type!(_PyExc_KeyboardInterrupt, c"KeyboardInterrupt", &raw mut _PyExc_BaseException, PyBaseExceptionObject, c"Program interrupted by user.");
exc_type!(_PyExc_SystemExit, c"SystemExit", &raw mut _PyExc_BaseException, PySystemExitObject, c"Request to exit from the interpreter.");
exc_type!(_PyExc_ArithmeticError, c"ArithmeticError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Base class for arithmetic errors.");
exc_type!(_PyExc_AssertionError, c"AssertionError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Assertion failed.");
exc_type!(_PyExc_AttributeError, c"AttributeError", &raw mut _PyExc_Exception, PyAttributeErrorObject, c"Attribute not found.");
exc_type!(_PyExc_BufferError, c"BufferError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Buffer error.");
exc_type!(_PyExc_EOFError, c"EOFError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Read beyond end of file.");
exc_type!(_PyExc_ImportError, c"ImportError", &raw mut _PyExc_Exception, PyImportErrorObject, c"Import can't find module, or can't find name in module.");
exc_type!(_PyExc_LookupError, c"LookupError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Base class for lookup errors.");
exc_type!(_PyExc_MemoryError, c"MemoryError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Out of memory.");
exc_type!(_PyExc_NameError, c"NameError", &raw mut _PyExc_Exception, PyNameErrorObject, c"Name not found globally.");
exc_type!(_PyExc_OSError, c"OSError", &raw mut _PyExc_Exception, PyOSErrorObject, c"Base class for I/O related errors.");
exc_type!(_PyExc_ReferenceError, c"ReferenceError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Weak ref proxy used after referent went away.");
exc_type!(_PyExc_RuntimeError, c"RuntimeError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Unspecified run-time error.");
exc_type!(_PyExc_StopAsyncIteration, c"StopAsyncIteration", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Signal the end from iterator.__anext__().");
exc_type!(_PyExc_StopIteration, c"StopIteration", &raw mut _PyExc_Exception, PyStopIterationObject, c"Signal the end from iterator.__next__().");
exc_type!(_PyExc_SyntaxError, c"SyntaxError", &raw mut _PyExc_Exception, PySyntaxErrorObject, c"Invalid syntax.");
exc_type!(_PyExc_SystemError, c"SystemError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Internal error in the Python interpreter.

Please report this to the Python maintainer, along with the traceback,
the Python version, and the hardware/OS platform and version.");
exc_type!(_PyExc_TypeError, c"TypeError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Inappropriate argument type.");
exc_type!(_PyExc_ValueError, c"ValueError", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Inappropriate argument value (of correct type).");
exc_type!(_PyExc_Warning, c"Warning", &raw mut _PyExc_Exception, PyBaseExceptionObject, c"Base class for warning categories.");
exc_type!(_PyExc_BlockingIOError, c"BlockingIOError", &raw mut _PyExc_OSError, PyOSErrorObject, c"I/O operation would block.");
exc_type!(_PyExc_BytesWarning, c"BytesWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about bytes and buffer related problems, mostly
related to conversion from str or comparing to str.");
exc_type!(_PyExc_ChildProcessError, c"ChildProcessError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Child process error.");
exc_type!(_PyExc_ConnectionError, c"ConnectionError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Connection error.");
exc_type!(_PyExc_DeprecationWarning, c"DeprecationWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about deprecated features.");
exc_type!(_PyExc_EncodingWarning, c"EncodingWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about encodings.");
exc_type!(_PyExc_FileExistsError, c"FileExistsError", &raw mut _PyExc_OSError, PyOSErrorObject, c"File already exists.");
exc_type!(_PyExc_FileNotFoundError, c"FileNotFoundError", &raw mut _PyExc_OSError, PyOSErrorObject, c"File not found.");
exc_type!(_PyExc_FloatingPointError, c"FloatingPointError", &raw mut _PyExc_ArithmeticError, PyBaseExceptionObject, c"Floating point operation failed.");
exc_type!(_PyExc_FutureWarning, c"FutureWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about constructs that will change semantically
in the future.");
exc_type!(_PyExc_ImportWarning, c"ImportWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about probable mistakes in module imports");
exc_type!(_PyExc_IndentationError, c"IndentationError", &raw mut _PyExc_SyntaxError, PySyntaxErrorObject, c"Improper indentation.");
exc_type!(_PyExc_IndexError, c"IndexError", &raw mut _PyExc_LookupError, PyBaseExceptionObject, c"Sequence index out of range.");
exc_type!(_PyExc_InterruptedError, c"InterruptedError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Interrupted by signal.");
exc_type!(_PyExc_IsADirectoryError, c"IsADirectoryError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Operation doesn't work on directories.");
exc_type!(_PyExc_KeyError, c"KeyError", &raw mut _PyExc_LookupError, PyBaseExceptionObject, c"Mapping key not found.");
exc_type!(_PyExc_ModuleNotFoundError, c"ModuleNotFoundError", &raw mut _PyExc_ImportError, PyImportErrorObject, c"Module not found.");
exc_type!(_PyExc_NotADirectoryError, c"NotADirectoryError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Operation only works on directories.");
exc_type!(_PyExc_NotImplementedError, c"NotImplementedError", &raw mut _PyExc_RuntimeError, PyBaseExceptionObject, c"Method or function hasn't been implemented yet.");
exc_type!(_PyExc_OverflowError, c"OverflowError", &raw mut _PyExc_ArithmeticError, PyBaseExceptionObject, c"Result too large to be represented.");
exc_type!(_PyExc_PendingDeprecationWarning, c"PendingDeprecationWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about features which will be deprecated
in the future.");
exc_type!(_PyExc_PermissionError, c"PermissionError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Not enough permissions.");
exc_type!(_PyExc_ProcessLookupError, c"ProcessLookupError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Process not found.");
exc_type!(_PyExc_RecursionError, c"RecursionError", &raw mut _PyExc_RuntimeError, PyBaseExceptionObject, c"Recursion limit exceeded.");
exc_type!(_PyExc_ResourceWarning, c"ResourceWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about resource usage.");
exc_type!(_PyExc_RuntimeWarning, c"RuntimeWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about dubious runtime behavior.");
exc_type!(_PyExc_SyntaxWarning, c"SyntaxWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about dubious syntax.");
exc_type!(_PyExc_TimeoutError, c"TimeoutError", &raw mut _PyExc_OSError, PyOSErrorObject, c"Timeout expired.");
exc_type!(_PyExc_UnboundLocalError, c"UnboundLocalError", &raw mut _PyExc_NameError, PyNameErrorObject, c"Local name referenced but not bound to a value.");
exc_type!(_PyExc_UnicodeError, c"UnicodeError", &raw mut _PyExc_ValueError, PyBaseExceptionObject, c"Unicode related error.");
exc_type!(_PyExc_UnicodeWarning, c"UnicodeWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings about Unicode related problems, mostly
related to conversion problems.");
exc_type!(_PyExc_UserWarning, c"UserWarning", &raw mut _PyExc_Warning, PyBaseExceptionObject, c"Base class for warnings generated by user code.");
exc_type!(_PyExc_ZeroDivisionError, c"ZeroDivisionError", &raw mut _PyExc_ArithmeticError, PyBaseExceptionObject, c"Second argument to a division or modulo operation was zero.");
exc_type!(_PyExc_BrokenPipeError, c"BrokenPipeError", &raw mut _PyExc_ConnectionError, PyOSErrorObject, c"Broken pipe.");
exc_type!(_PyExc_ConnectionAbortedError, c"ConnectionAbortedError", &raw mut _PyExc_ConnectionError, PyOSErrorObject, c"Connection aborted.");
exc_type!(_PyExc_ConnectionRefusedError, c"ConnectionRefusedError", &raw mut _PyExc_ConnectionError, PyOSErrorObject, c"Connection refused.");
exc_type!(_PyExc_ConnectionResetError, c"ConnectionResetError", &raw mut _PyExc_ConnectionError, PyOSErrorObject, c"Connection reset.");
exc_type!(_PyExc_TabError, c"TabError", &raw mut _PyExc_IndentationError, PySyntaxErrorObject, c"Improper mixture of spaces and tabs.");
exc_type!(_PyExc_UnicodeDecodeError, c"UnicodeDecodeError", &raw mut _PyExc_UnicodeError, PyUnicodeErrorObject, c"Unicode decoding error.");
exc_type!(_PyExc_UnicodeEncodeError, c"UnicodeEncodeError", &raw mut _PyExc_UnicodeError, PyUnicodeErrorObject, c"Unicode encoding error.");
exc_type!(_PyExc_UnicodeTranslateError, c"UnicodeTranslateError", &raw mut _PyExc_UnicodeError, PyUnicodeErrorObject, c"Unicode translation error.");

#[no_mangle]
pub static mut PyExc_ArithmeticError: *mut PyObject = &raw mut _PyExc_ArithmeticError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_AssertionError: *mut PyObject = &raw mut _PyExc_AssertionError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_AttributeError: *mut PyObject = &raw mut _PyExc_AttributeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_BaseException: *mut PyObject = &raw mut _PyExc_BaseException as *mut PyObject;
#[no_mangle]
pub static mut PyExc_BaseExceptionGroup: *mut PyObject = &raw mut _PyExc_BaseExceptionGroup as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_BlockingIOError: *mut PyObject = &raw mut _PyExc_BlockingIOError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_BrokenPipeError: *mut PyObject = &raw mut _PyExc_BrokenPipeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_BufferError: *mut PyObject = &raw mut _PyExc_BufferError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_BytesWarning: *mut PyObject = &raw mut _PyExc_BytesWarning as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_ChildProcessError: *mut PyObject = &raw mut _PyExc_ChildProcessError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_ConnectionAbortedError: *mut PyObject = &raw mut _PyExc_ConnectionAbortedError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_ConnectionError: *mut PyObject = &raw mut _PyExc_ConnectionError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_ConnectionRefusedError: *mut PyObject = &raw mut _PyExc_ConnectionRefusedError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_ConnectionResetError: *mut PyObject = &raw mut _PyExc_ConnectionResetError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_DeprecationWarning: *mut PyObject = &raw mut _PyExc_DeprecationWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_EOFError: *mut PyObject = &raw mut _PyExc_EOFError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_10))]
pub static mut PyExc_EncodingWarning: *mut PyObject = &raw mut _PyExc_EncodingWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_EnvironmentError: *mut PyObject = &raw mut _PyExc_OSError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_Exception: *mut PyObject = &raw mut _PyExc_Exception as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_FileExistsError: *mut PyObject = &raw mut _PyExc_FileExistsError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_FileNotFoundError: *mut PyObject = &raw mut _PyExc_FileNotFoundError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_FloatingPointError: *mut PyObject = &raw mut _PyExc_FloatingPointError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_FutureWarning: *mut PyObject = &raw mut _PyExc_FutureWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_GeneratorExit: *mut PyObject = &raw mut _PyExc_GeneratorExit as *mut PyObject;
#[no_mangle]
pub static mut PyExc_IOError: *mut PyObject = &raw mut _PyExc_OSError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_ImportError: *mut PyObject = &raw mut _PyExc_ImportError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_ImportWarning: *mut PyObject = &raw mut _PyExc_ImportWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_IndentationError: *mut PyObject = &raw mut _PyExc_IndentationError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_IndexError: *mut PyObject = &raw mut _PyExc_IndexError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_InterruptedError: *mut PyObject = &raw mut _PyExc_InterruptedError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_IsADirectoryError: *mut PyObject = &raw mut _PyExc_IsADirectoryError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_KeyError: *mut PyObject = &raw mut _PyExc_KeyError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_KeyboardInterrupt: *mut PyObject = &raw mut _PyExc_KeyboardInterrupt as *mut PyObject;
#[no_mangle]
pub static mut PyExc_LookupError: *mut PyObject = &raw mut _PyExc_LookupError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_MemoryError: *mut PyObject = &raw mut _PyExc_MemoryError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_6))]
pub static mut PyExc_ModuleNotFoundError: *mut PyObject = &raw mut _PyExc_ModuleNotFoundError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_NameError: *mut PyObject = &raw mut _PyExc_NameError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_NotADirectoryError: *mut PyObject = &raw mut _PyExc_NotADirectoryError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_NotImplementedError: *mut PyObject = &raw mut _PyExc_NotImplementedError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_OSError: *mut PyObject = &raw mut _PyExc_OSError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_OverflowError: *mut PyObject = &raw mut _PyExc_OverflowError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_PendingDeprecationWarning: *mut PyObject = &raw mut _PyExc_PendingDeprecationWarning as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_PermissionError: *mut PyObject = &raw mut _PyExc_PermissionError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_ProcessLookupError: *mut PyObject = &raw mut _PyExc_ProcessLookupError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_5))]
pub static mut PyExc_RecursionError: *mut PyObject = &raw mut _PyExc_RecursionError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_ReferenceError: *mut PyObject = &raw mut _PyExc_ReferenceError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_ResourceWarning: *mut PyObject = &raw mut _PyExc_ResourceWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_RuntimeError: *mut PyObject = &raw mut _PyExc_RuntimeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_RuntimeWarning: *mut PyObject = &raw mut _PyExc_RuntimeWarning as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_5))]
pub static mut PyExc_StopAsyncIteration: *mut PyObject = &raw mut _PyExc_StopAsyncIteration as *mut PyObject;
#[no_mangle]
pub static mut PyExc_StopIteration: *mut PyObject = &raw mut _PyExc_StopIteration as *mut PyObject;
#[no_mangle]
pub static mut PyExc_SyntaxError: *mut PyObject = &raw mut _PyExc_SyntaxError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_SyntaxWarning: *mut PyObject = &raw mut _PyExc_SyntaxWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_SystemError: *mut PyObject = &raw mut _PyExc_SystemError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_SystemExit: *mut PyObject = &raw mut _PyExc_SystemExit as *mut PyObject;
#[no_mangle]
pub static mut PyExc_TabError: *mut PyObject = &raw mut _PyExc_TabError as *mut PyObject;
#[no_mangle]
#[cfg(not(limited_api_before_3_3))]
pub static mut PyExc_TimeoutError: *mut PyObject = &raw mut _PyExc_TimeoutError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_TypeError: *mut PyObject = &raw mut _PyExc_TypeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UnboundLocalError: *mut PyObject = &raw mut _PyExc_UnboundLocalError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UnicodeDecodeError: *mut PyObject = &raw mut _PyExc_UnicodeDecodeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UnicodeEncodeError: *mut PyObject = &raw mut _PyExc_UnicodeEncodeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UnicodeError: *mut PyObject = &raw mut _PyExc_UnicodeError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UnicodeTranslateError: *mut PyObject = &raw mut _PyExc_UnicodeTranslateError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UnicodeWarning: *mut PyObject = &raw mut _PyExc_UnicodeWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_UserWarning: *mut PyObject = &raw mut _PyExc_UserWarning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_ValueError: *mut PyObject = &raw mut _PyExc_ValueError as *mut PyObject;
#[no_mangle]
pub static mut PyExc_Warning: *mut PyObject = &raw mut _PyExc_Warning as *mut PyObject;
#[no_mangle]
pub static mut PyExc_ZeroDivisionError: *mut PyObject = &raw mut _PyExc_ZeroDivisionError as *mut PyObject;

/// Every exception type, bases before subclasses.
pub(crate) fn exception_types() -> [*mut PyTypeObject; 66] {
    [
        &raw mut _PyExc_BaseException,
        &raw mut _PyExc_BaseExceptionGroup,
        &raw mut _PyExc_Exception,
        &raw mut _PyExc_GeneratorExit,
        &raw mut _PyExc_KeyboardInterrupt,
        &raw mut _PyExc_SystemExit,
        &raw mut _PyExc_ArithmeticError,
        &raw mut _PyExc_AssertionError,
        &raw mut _PyExc_AttributeError,
        &raw mut _PyExc_BufferError,
        &raw mut _PyExc_EOFError,
        &raw mut _PyExc_ImportError,
        &raw mut _PyExc_LookupError,
        &raw mut _PyExc_MemoryError,
        &raw mut _PyExc_NameError,
        &raw mut _PyExc_OSError,
        &raw mut _PyExc_ReferenceError,
        &raw mut _PyExc_RuntimeError,
        &raw mut _PyExc_StopAsyncIteration,
        &raw mut _PyExc_StopIteration,
        &raw mut _PyExc_SyntaxError,
        &raw mut _PyExc_SystemError,
        &raw mut _PyExc_TypeError,
        &raw mut _PyExc_ValueError,
        &raw mut _PyExc_Warning,
        &raw mut _PyExc_BlockingIOError,
        &raw mut _PyExc_BytesWarning,
        &raw mut _PyExc_ChildProcessError,
        &raw mut _PyExc_ConnectionError,
        &raw mut _PyExc_DeprecationWarning,
        &raw mut _PyExc_EncodingWarning,
        &raw mut _PyExc_FileExistsError,
        &raw mut _PyExc_FileNotFoundError,
        &raw mut _PyExc_FloatingPointError,
        &raw mut _PyExc_FutureWarning,
        &raw mut _PyExc_ImportWarning,
        &raw mut _PyExc_IndentationError,
        &raw mut _PyExc_IndexError,
        &raw mut _PyExc_InterruptedError,
        &raw mut _PyExc_IsADirectoryError,
        &raw mut _PyExc_KeyError,
        &raw mut _PyExc_ModuleNotFoundError,
        &raw mut _PyExc_NotADirectoryError,
        &raw mut _PyExc_NotImplementedError,
        &raw mut _PyExc_OverflowError,
        &raw mut _PyExc_PendingDeprecationWarning,
        &raw mut _PyExc_PermissionError,
        &raw mut _PyExc_ProcessLookupError,
        &raw mut _PyExc_RecursionError,
        &raw mut _PyExc_ResourceWarning,
        &raw mut _PyExc_RuntimeWarning,
        &raw mut _PyExc_SyntaxWarning,
        &raw mut _PyExc_TimeoutError,
        &raw mut _PyExc_UnboundLocalError,
        &raw mut _PyExc_UnicodeError,
        &raw mut _PyExc_UnicodeWarning,
        &raw mut _PyExc_UserWarning,
        &raw mut _PyExc_ZeroDivisionError,
        &raw mut _PyExc_BrokenPipeError,
        &raw mut _PyExc_ConnectionAbortedError,
        &raw mut _PyExc_ConnectionRefusedError,
        &raw mut _PyExc_ConnectionResetError,
        &raw mut _PyExc_TabError,
        &raw mut _PyExc_UnicodeDecodeError,
        &raw mut _PyExc_UnicodeEncodeError,
        &raw mut _PyExc_UnicodeTranslateError,
    ]
}
