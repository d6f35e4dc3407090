/* A module built like CPython's own lib-dynload modules (Py_BUILD_CORE_MODULE, internal
 * headers): it reads `_PyRuntime` directly through the internal inline helpers
 * (`_PyThreadState_GET`, `_PyLong_GetZero`, `_Py_ID`, `_Py_STR`, `_Py_SINGLETON`).
 * Only built against CPython's headers (ferropy ships no internal headers). */
#define Py_BUILD_CORE_MODULE 1
#include <Python.h>
#include "internal/pycore_runtime.h"
#include "internal/pycore_pystate.h"
#include "internal/pycore_long.h"

/* _PyThreadState_GET() is the thread state the public API reports. */
static PyObject *tstate_is_current(PyObject *m, PyObject *unused)
{
    return PyBool_FromLong(_PyThreadState_GET() == PyThreadState_Get());
}

/* Frames below the recursion limit, as the inline recursion check sees it. */
static PyObject *recursion_used(PyObject *m, PyObject *unused)
{
    PyThreadState *ts = _PyThreadState_GET();
    return PyLong_FromLong(Py_GetRecursionLimit() - ts->recursion_remaining);
}

/* The cached small int `i` (-5..256) straight from _PyRuntime. */
static PyObject *small(PyObject *m, PyObject *arg)
{
    long i = PyLong_AsLong(arg);
    if (i == -1 && PyErr_Occurred()) return NULL;
    if (i < -_PY_NSMALLNEGINTS || i >= _PY_NSMALLPOSINTS) {
        PyErr_SetString(PyExc_ValueError, "not a small int");
        return NULL;
    }
    PyObject *o = (PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + i];
    Py_INCREF(o);
    return o;
}

static PyObject *zero_one(PyObject *m, PyObject *unused)
{
    return PyTuple_Pack(2, _PyLong_GetZero(), _PyLong_GetOne());
}

/* Some `_Py_ID`/`_Py_STR` strings. */
static PyObject *ids(PyObject *m, PyObject *unused)
{
    return PyTuple_Pack(7, &_Py_ID(read), &_Py_ID(__name__), &_Py_ID(write), &_Py_ID(items),
                        &_Py_STR(anon_lambda), &_Py_STR(empty), &_Py_STR(dot));
}

/* getattr through an identifier, as _pickle does with _Py_ID(read). */
static PyObject *get_read(PyObject *m, PyObject *obj)
{
    return PyObject_GetAttr(obj, &_Py_ID(read));
}

/* The single-character strs and bytes, empty bytes and tuple of _PyRuntime. */
static PyObject *chars(PyObject *m, PyObject *arg)
{
    long c = PyLong_AsLong(arg);
    if (c == -1 && PyErr_Occurred()) return NULL;
    if (c < 0 || c > 255) {
        PyErr_SetString(PyExc_ValueError, "not a byte");
        return NULL;
    }
    PyObject *s = c < 128 ? (PyObject *)&_Py_SINGLETON(strings).ascii[c]
                          : (PyObject *)&_Py_SINGLETON(strings).latin1[c - 128];
    PyObject *b = (PyObject *)&_Py_SINGLETON(bytes_characters[c]);
    return PyTuple_Pack(2, s, b);
}

static PyObject *empties(PyObject *m, PyObject *unused)
{
    return PyTuple_Pack(2, (PyObject *)&_Py_SINGLETON(bytes_empty), (PyObject *)&_Py_SINGLETON(tuple_empty));
}

static PyMethodDef methods[] = {
    {"tstate_is_current", tstate_is_current, METH_NOARGS, NULL},
    {"recursion_used", recursion_used, METH_NOARGS, NULL},
    {"small", small, METH_O, NULL},
    {"zero_one", zero_one, METH_NOARGS, NULL},
    {"ids", ids, METH_NOARGS, NULL},
    {"get_read", get_read, METH_O, NULL},
    {"chars", chars, METH_O, NULL},
    {"empties", empties, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "core_runtime", NULL, 0, methods};

PyMODINIT_FUNC PyInit_core_runtime(void)
{
    return PyModuleDef_Init(&def);
}
