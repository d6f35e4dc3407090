/* iter(memoryview): the memory_iterator type over 1-D views of every native format,
 * strided and sliced views, the errors of iter() (0-dim, multi-dimensional, unsupported
 * format), a view released during iteration, exhaustion. Expected output: CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

static void walk(const char *label, PyObject *m)
{
    PyObject *it = PyObject_GetIter(m);
    if (it == NULL) {
        show_err(label);
        return;
    }
    printf("%s: %s [", label, Py_TYPE(it)->tp_name);
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        PyObject_Print(x, stdout, 0);
        printf(" ");
        Py_DECREF(x);
    }
    printf("]");
    if (PyErr_Occurred())
        show_err(" error");
    else
        printf("\n");
    show("  next after end", PyIter_Next(it));
    Py_DECREF(it);
}

int main(void)
{
    Py_Initialize();
    PyObject *b = PyBytes_FromStringAndSize("\x01\x02\x03\x04\x05\x06\x07\x08\xff\xfe\xfd\xfc\x00\x00\x80\x3f", 16);
    PyObject *m = PyMemoryView_FromObject(b);
    walk("B", m);
    const char *formats[] = {"b", "c", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "e", "@i", "P"};
    for (unsigned k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        PyObject *c = PyObject_CallMethod(m, "cast", "s", formats[k]);
        if (c == NULL) {
            show_err(formats[k]);
            continue;
        }
        walk(formats[k], c);
        Py_DECREF(c);
    }
    PyObject *sl = PyObject_GetItem(m, PySlice_New(PyLong_FromLong(1), NULL, PyLong_FromLong(3)));
    walk("[1::3]", sl);
    Py_DECREF(sl);
    PyObject *rev = PyObject_GetItem(m, PySlice_New(NULL, NULL, PyLong_FromLong(-5)));
    walk("[::-5]", rev);
    Py_DECREF(rev);
    PyObject *two = PyObject_CallMethod(m, "cast", "s(ii)", "B", 4, 4);
    walk("2-d", two);
    PyObject *zero = PyObject_CallMethod(PyObject_CallMethod(m, "cast", "s", "d"), "cast", "s()", "B");
    if (zero == NULL)
        show_err("cast to 0-d");
    PyObject *z = PyObject_CallMethod(PyObject_CallMethod(m, "__getitem__", "(s)", "1"), "tolist", NULL);
    Py_XDECREF(z);
    PyErr_Clear();
    PyObject *one = PyMemoryView_FromObject(PyBytes_FromString("x"));
    PyObject *scalar = PyObject_CallMethod(one, "cast", "s()", "B");
    walk("0-d", scalar);
    Py_XDECREF(scalar);

    /* released while iterating */
    PyObject *ba = PyByteArray_FromStringAndSize("abc", 3);
    PyObject *mv = PyMemoryView_FromObject(ba);
    PyObject *it = PyObject_GetIter(mv);
    show("first", PyIter_Next(it));
    show("release", PyObject_CallMethod(mv, "release", NULL));
    show("after release", PyIter_Next(it));
    /* (iter() of a released view: CPython 3.11 returns an iterator with ValueError set) */
    Py_DECREF(it);
    /* the iterator keeps the view alive; an empty view */
    it = PyObject_GetIter(m);
    Py_DECREF(m);
    show("kept alive", PyIter_Next(it));
    show("iter(iter) is iter", PyBool_FromLong(PyObject_GetIter(it) == it));
    Py_DECREF(it);
    Py_DECREF(it);
    PyObject *empty = PyMemoryView_FromObject(PyBytes_FromString(""));
    walk("empty", empty);
    show("list(view)", PySequence_List(two));
    Py_DECREF(empty);
    Py_DECREF(two);
    Py_DECREF(mv);
    Py_DECREF(ba);
    Py_DECREF(one);
    Py_XDECREF(zero);
    Py_DECREF(b);
    Py_FinalizeEx();
    return 0;
}
