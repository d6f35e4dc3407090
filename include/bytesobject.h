/* Bytes checks (CPython 3.11's bytesobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_BYTESOBJECT_H
#define FERROPY_BYTESOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyBytes_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE(op, &PyBytes_Type)

/* Implemented in C (src/c/bytes_format.c), exported through src/c_entry.rs. */
#ifdef __cplusplus
extern "C" {
#endif
PyObject *PyBytes_FromFormatV(const char *format, va_list vargs)
    Py_GCC_ATTRIBUTE((format(printf, 1, 0)));
PyObject *PyBytes_FromFormat(const char *format, ...)
    Py_GCC_ATTRIBUTE((format(printf, 1, 2)));
#ifdef __cplusplus
}
#endif

#ifndef Py_LIMITED_API
#  include "cpython/bytesobject.h"
#endif

#endif /* FERROPY_BYTESOBJECT_H */
