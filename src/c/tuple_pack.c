/* PyTuple_Pack(n, ...): the Rust side (src/objects/tuple.rs) makes the tuple of n items,
 * and the variadic arguments are stored straight into it with a reference each. C because
 * stable Rust cannot define variadic functions; exported through the trampolines in
 * src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>

typedef ptrdiff_t Py_ssize_t;
/* The reference count is the first field of every object (the ABI's PyObject header). */
typedef struct _object {
    Py_ssize_t ob_refcnt;
} PyObject;

PyObject *ferropy_tuple_pack_start(Py_ssize_t n, PyObject ***items);
PyObject *ferropy_tuple_pack_abandon(PyObject *tuple, Py_ssize_t filled);

PyObject *ferropy_c_PyTuple_Pack(Py_ssize_t n, ...)
{
    PyObject **items;
    PyObject *t = ferropy_tuple_pack_start(n, &items);
    if (t == NULL || n == 0)
        return t;
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = va_arg(va, PyObject *);
        if (item == NULL) {
            va_end(va);
            return ferropy_tuple_pack_abandon(t, i);
        }
        item->ob_refcnt++;
        items[i] = item;
    }
    va_end(va);
    return t;
}
