//! Names outside the documented C-API that CPython 3.11's own extension modules (its
//! `lib-dynload` directory: `_ssl`, `_hashlib`, `pyexpat`, `mmap`, `_queue`, ...) bind to:
//! the `_Py_Identifier` API, the `_PyTime_t` clock API, the pointer hash table, file
//! descriptor helpers and the smaller helpers beside them (docs/dynload.md).
pub mod identifier;
pub mod pytime;
pub mod hashtable;
pub mod strhex;
pub mod fileutils;
pub mod bytes_search;
pub mod converters;
pub mod eval_helpers;
pub mod runtime_helpers;
pub mod exception_helpers;
pub mod bytes_writer;
pub mod accu;
pub mod number_helpers;
