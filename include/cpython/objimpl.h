/* The non-limited part of objimpl.h (CPython's cpython/objimpl.h): object size
 * arithmetic from the type object. */
#ifndef Py_CPYTHON_OBJIMPL_H
#  error "this header file must not be included directly"
#endif
#ifndef FERROPY_CPYTHON_OBJIMPL_H
#define FERROPY_CPYTHON_OBJIMPL_H

/* Owned by pymacro.h; defined here only while it does not provide it. */
#ifndef _Py_SIZE_ROUND_UP
#  define _Py_SIZE_ROUND_UP(n, a) (((size_t)(n) + \
        (size_t)((a) - 1)) & ~(size_t)((a) - 1))
#endif

/* Size of a fixed-size instance (GC header excluded). */
#define _PyObject_SIZE(typeobj) ( (typeobj)->tp_basicsize )

/* Size of a variable-size instance with `nitems` items, rounded up to pointer alignment
 * so that fields a subclass appends after the items stay aligned. */
#if ((SIZEOF_VOID_P - 1) & SIZEOF_VOID_P) != 0
#   error "_PyObject_VAR_SIZE requires SIZEOF_VOID_P be a power of 2"
#endif
#define _PyObject_VAR_SIZE(typeobj, nitems)     \
    _Py_SIZE_ROUND_UP((typeobj)->tp_basicsize + \
        (nitems)*(typeobj)->tp_itemsize,        \
        SIZEOF_VOID_P)

/* The object core's spelling of "is this object finalized" outside the core. */
#define _PyGC_FINALIZED(o) PyObject_GC_IsFinalized(o)

#endif /* FERROPY_CPYTHON_OBJIMPL_H */
