/* PyArg_UnpackTuple: the variadic part (storing each item through the next PyObject ** of the
 * va_list); the checks are Rust (src/abstract_/getargs.rs). Exported through the
 * trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <sys/types.h>

typedef struct _object PyObject;
typedef ssize_t Py_ssize_t;

Py_ssize_t _ferropy_unpack_tuple_check(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max);
PyObject *_ferropy_tuple_item(PyObject *args, Py_ssize_t i);

int ferropy_c_PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    Py_ssize_t n = _ferropy_unpack_tuple_check(args, name, min, max);
    if (n < 0)
        return 0;
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject **out = va_arg(va, PyObject **);
        *out = _ferropy_tuple_item(args, i);
    }
    va_end(va);
    return 1;
}
