/* Hand-written macros of CPython 3.11's pymem.h: the typed and upper-case spellings of
 * the PyMem_ allocation functions. Like CPython's, the upper-case macros are plain aliases
 * of the functions (extensions may mix them freely). */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H

#include "pyport.h"

/* Allocate n objects of a type; NULL (and no allocation) when n * sizeof(type) would
 * overflow Py_ssize_t. */
#define PyMem_New(type, n) \
  ( ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL :      \
        ( (type *) PyMem_Malloc((n) * sizeof(type)) ) )

/* Resize p to n objects of a type, storing the result (NULL on overflow or failure) back
 * into p. */
#define PyMem_Resize(p, type, n) \
  ( (p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL :        \
        (type *) PyMem_Realloc((p), (n) * sizeof(type)) )

#define PyMem_MALLOC(n)           PyMem_Malloc(n)
#define PyMem_NEW(type, n)        PyMem_New(type, n)
#define PyMem_REALLOC(p, n)       PyMem_Realloc(p, n)
#define PyMem_RESIZE(p, type, n)  PyMem_Resize(p, type, n)
#define PyMem_FREE(p)             PyMem_Free(p)
#define PyMem_Del                 PyMem_Free
#define PyMem_DEL                 PyMem_Free

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_PYMEM_H
#  include "cpython/pymem.h"
#  undef Py_CPYTHON_PYMEM_H
#endif

#endif /* Py_PYMEM_H */
