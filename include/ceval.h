/* Hand-written macros of CPython 3.11's ceval.h: releasing the GIL around blocking
 * code, and the old PyEval_CallObject spelling. The FVC_/FVS_ constants come from
 * ferropy_generated.h (src/eval/ceval.rs). */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif
/* Variadic (deprecated since 3.9): C shims exported from Rust, declared by hand. */
PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...);
#ifdef __cplusplus
}
#endif

#define PyEval_CallObject(callable, arg) \
    PyEval_CallObjectWithKeywords(callable, arg, (PyObject *)NULL)

/* Release the GIL for a blocking section: the four macros share the local _save, so
 * Py_BLOCK_THREADS / Py_UNBLOCK_THREADS can leave and re-enter the section early. They
 * must not be nested. */
#define Py_BEGIN_ALLOW_THREADS { \
                        PyThreadState *_save; \
                        _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS        PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS      _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS    PyEval_RestoreThread(_save); \
                 }

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_CEVAL_H
#  include "cpython/ceval.h"
#  undef Py_CPYTHON_CEVAL_H
#endif

#endif /* !Py_CEVAL_H */
