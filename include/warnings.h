/* CPython 3.11's warnings.h: declarations come from ferropy_generated.h. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Variadic: implemented in C (src/c/errors_format.c), exported through src/c_entry.rs. */
#ifdef __cplusplus
extern "C" {
#endif
int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03060000
int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...);
#endif
#ifndef Py_LIMITED_API
int PyErr_WarnExplicitFormat(PyObject *category, const char *filename, int lineno, const char *module,
                             PyObject *registry, const char *format, ...);
#endif
#ifdef __cplusplus
}
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_WARNINGS_H
#  include "cpython/warnings.h"
#  undef Py_CPYTHON_WARNINGS_H
#endif

#endif /* !Py_WARNINGS_H */
