/* CPython 3.11's cpython/pymem.h, non-limited part of pymem.h. The allocator structs and
 * enums (PyMemAllocatorEx, PyMemAllocatorDomain, PyMemAllocatorName) are declared in Rust
 * (src/object/alloc.rs), the functions in src/object/pymem.rs; all come from
 * ferropy_generated.h, and nothing here needs a macro. */
#ifndef Py_CPYTHON_PYMEM_H
#  error "this header file must not be included directly"
#endif
