/* CPython 3.11's cpython/pymem.h, non-limited part of pymem.h. The allocator structs and
 * enums (PyMemAllocatorEx, PyMemAllocatorDomain, PyMemAllocatorName) and the functions
 * are declared in Rust (src/object/alloc.rs, src/object/pymem.rs) and come from
 * ferropy_generated.h, except the two below. */
#ifndef Py_CPYTHON_PYMEM_H
#  error "this header file must not be included directly"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Declared by hand: the Rust side takes the domain as an int, since C may pass a value
 * outside the enum (CPython ignores it / returns an all-NULL allocator), which a Rust enum
 * may never hold. Implemented in src/object/pymem.rs. */
PyAPI_FUNC(void) PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator);
PyAPI_FUNC(void) PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator);

#ifdef __cplusplus
}
#endif
