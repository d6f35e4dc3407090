/* _PyErr_ChainExceptions (no error pending: the given one is restored; one pending: the
 * given one becomes its __context__, traceback kept) and _PyEval_SliceIndex (ints, None,
 * __index__ objects, huge values clamped, wrong types). Expected output: CPython 3.11's. */
#include <Python.h>
#include "testutil.h"

static void show_current(const char *label)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("%s: %s", label, t ? ((PyTypeObject *)t)->tp_name : "(none)");
    if (v) {
        PyObject *s = PyObject_Str(v);
        printf(" '%s'", PyUnicode_AsUTF8(s));
        Py_DECREF(s);
        PyObject *ctx = PyException_GetContext(v);
        if (ctx) {
            PyObject *cs = PyObject_Str(ctx);
            printf(" context %s '%s'", Py_TYPE(ctx)->tp_name, PyUnicode_AsUTF8(cs));
            Py_DECREF(cs);
            Py_DECREF(ctx);
        } else {
            printf(" no context");
        }
    }
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static void slice_index(const char *label, PyObject *v)
{
    Py_ssize_t i = -12345;
    int ok = _PyEval_SliceIndex(v, &i);
    printf("SliceIndex(%s) -> %d, %zd", label, ok, i);
    if (!ok) {
        printf(" ");
        show_error();
    }
    printf("\n");
    Py_XDECREF(v);
}

int main(void)
{
    Py_Initialize();
    /* Nothing pending: the exception is restored as it was given. */
    PyErr_SetString(PyExc_KeyError, "saved");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    _PyErr_ChainExceptions(t, v, tb);
    show_current("restored");
    /* Pending: the saved one becomes the pending one's context. */
    PyErr_SetString(PyExc_ValueError, "first");
    PyErr_Fetch(&t, &v, &tb);
    PyErr_SetString(PyExc_RuntimeError, "second");
    _PyErr_ChainExceptions(t, v, tb);
    show_current("chained");
    /* NULL type: nothing happens. */
    _PyErr_ChainExceptions(NULL, NULL, NULL);
    printf("after NULL: occurred %d\n", PyErr_Occurred() != NULL);
    PyErr_SetString(PyExc_TypeError, "kept");
    _PyErr_ChainExceptions(NULL, NULL, NULL);
    show_current("NULL with pending");

    slice_index("5", PyLong_FromLong(5));
    slice_index("-7", PyLong_FromLong(-7));
    slice_index("None", Py_NewRef(Py_None));
    slice_index("True", Py_NewRef(Py_True));
    slice_index("2**100", PyLong_FromString("1267650600228229401496703205376", NULL, 10));
    slice_index("-2**100", PyLong_FromString("-1267650600228229401496703205376", NULL, 10));
    slice_index("1.5", PyFloat_FromDouble(1.5));
    slice_index("'3'", PyUnicode_FromString("3"));
    Py_FinalizeEx();
    return 0;
}
