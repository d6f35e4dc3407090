/* String checks and constants (CPython 3.11 unicodeobject.h).
 * Py_UCS1/2/4 and the other declarations come from ferropy_generated.h. */
#ifndef FERROPY_UNICODEOBJECT_H
#define FERROPY_UNICODEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define Py_USING_UNICODE

/* Implemented in C (src/c/errors_format.c), exported through src/c_entry.rs. */
#ifdef __cplusplus
extern "C" {
#endif
PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs);
PyObject *PyUnicode_FromFormat(const char *format, ...);
#ifdef __cplusplus
}
#endif

/* wchar_t is 32-bit on x86_64 Linux, so Py_UNICODE holds any code point. */
#define Py_UNICODE_SIZE SIZEOF_WCHAR_T
#if Py_UNICODE_SIZE >= 4
#  define Py_UNICODE_WIDE
#endif

#define PyUnicode_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE(op, &PyUnicode_Type)

/* Typed as Py_UCS4 in C, which cbindgen cannot print. */
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4) 0xFFFD)

#ifndef Py_LIMITED_API
#  include "cpython/unicodeobject.h"
#endif

#endif /* FERROPY_UNICODEOBJECT_H */
