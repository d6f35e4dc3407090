/* PyTuple_Pack(n, ...): collects the n object arguments and hands them to the Rust side
 * (src/objects/tuple.rs), which makes the tuple. C because stable Rust cannot define
 * variadic functions; exported through the trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

typedef struct _object PyObject;
typedef ptrdiff_t Py_ssize_t;

PyObject *ferropy_tuple_from_array(PyObject *const *items, Py_ssize_t n);

PyObject *ferropy_c_PyTuple_Pack(Py_ssize_t n, ...)
{
    PyObject *small[16];
    PyObject **items = small;
    if (n > 16) {
        items = malloc((size_t)n * sizeof(PyObject *));
        if (items == NULL)
            return ferropy_tuple_from_array(NULL, -2);
    }
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++)
        items[i] = va_arg(va, PyObject *);
    va_end(va);
    PyObject *result = ferropy_tuple_from_array(items, n);
    if (items != small)
        free(items);
    return result;
}
