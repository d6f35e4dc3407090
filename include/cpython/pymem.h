/* CPython 3.11's cpython/pymem.h, non-limited part of pymem.h. The allocator structs and
 * enums (PyMemAllocatorEx, PyMemAllocatorDomain, PyMemAllocatorName) are declared in Rust
 * (src/object/alloc.rs) and come from ferropy_generated.h; nothing here needs a macro. */
#ifndef Py_CPYTHON_PYMEM_H
#  error "this header file must not be included directly"
#endif
