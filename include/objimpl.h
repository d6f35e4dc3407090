/* Hand-written macros of CPython 3.11's objimpl.h: the object allocation spellings
 * (PyObject_New & co.), GC helpers and Py_VISIT. The functions they name
 * (PyObject_Malloc, _PyObject_New, _PyObject_GC_New, ...) come from ferropy_generated.h
 * (src/object/pymem.rs, src/object/objimpl.rs). */
#ifndef FERROPY_OBJIMPL_H
#define FERROPY_OBJIMPL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Old spellings of the object allocator functions. */
#define PyObject_MALLOC         PyObject_Malloc
#define PyObject_REALLOC        PyObject_Realloc
#define PyObject_FREE           PyObject_Free
#define PyObject_Del            PyObject_Free
#define PyObject_DEL            PyObject_Free

/* Initialize the header of memory obtained from another allocator. */
#define PyObject_INIT(op, typeobj) \
    PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) \
    PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

/* Allocate tp_basicsize (+ n * tp_itemsize) bytes and initialize the header; the
 * result is cast to the C struct type `type *`. */
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NEW(type, typeobj) PyObject_New(type, typeobj)
#define PyObject_NewVar(type, typeobj, n) \
                ( (type *) _PyObject_NewVar((typeobj), (n)) )
#define PyObject_NEW_VAR(type, typeobj, n) PyObject_NewVar(type, typeobj, n)

/* Garbage-collected objects. */
#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
#define PyObject_GC_Resize(type, op, n) \
                ( (type *) _PyObject_GC_Resize(_PyVarObject_CAST(op), (n)) )
#define PyObject_GC_New(type, typeobj) \
    _Py_CAST(type*, _PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) \
    _Py_CAST(type*, _PyObject_GC_NewVar((typeobj), (n)))

/* For tp_traverse implementations whose parameters are named `visit` and `arg`: visit a
 * member if it is set, and stop the traversal on a non-zero result. */
#define Py_VISIT(op)                                                    \
    do {                                                                \
        if (op) {                                                       \
            int vret = visit(_PyObject_CAST(op), arg);                  \
            if (vret)                                                   \
                return vret;                                            \
        }                                                               \
    } while (0)

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_OBJIMPL_H
#  include "cpython/objimpl.h"
#  undef Py_CPYTHON_OBJIMPL_H
#endif

#endif /* FERROPY_OBJIMPL_H */
