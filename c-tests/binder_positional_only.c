/* Positional-only parameters in the shared keyword binder (unpack_keywords::Params):
 * bytes/bytearray.translate(table, /, delete=b''), sum(iterable, /, start=0), against
 * parameters that may be named (int.from_bytes, str.split, memoryview). Expected output:
 * CPython 3.11's. */
#include "proto_util.h"

/* f(*args, **kwargs) shown under `label`; args and kwargs are stolen. */
static void call(const char *label, PyObject *f, PyObject *args, PyObject *kwargs)
{
    show(label, PyObject_Call(f, args, kwargs));
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

int main(void)
{
    Py_Initialize();
    PyObject *b = PyBytes_FromString("abca");
    PyObject *tr = PyObject_GetAttrString(b, "translate");
    call("translate(None)", tr, Py_BuildValue("(O)", Py_None), NULL);
    call("translate(None, b'a')", tr, Py_BuildValue("(Oy)", Py_None, "a"), NULL);
    call("translate(None, delete=b'a')", tr, Py_BuildValue("(O)", Py_None), Py_BuildValue("{sy}", "delete", "a"));
    call("translate(table=None)", tr, PyTuple_New(0), Py_BuildValue("{sO}", "table", Py_None));
    call("translate(None, table=None)", tr, Py_BuildValue("(O)", Py_None), Py_BuildValue("{sO}", "table", Py_None));
    call("translate()", tr, PyTuple_New(0), NULL);
    call("translate(delete=b'a')", tr, PyTuple_New(0), Py_BuildValue("{sy}", "delete", "a"));
    call("translate(1, 2, 3)", tr, Py_BuildValue("(iii)", 1, 2, 3), NULL);
    call("translate(None, b'', delete=b'')", tr, Py_BuildValue("(Oy)", Py_None, ""), Py_BuildValue("{sy}", "delete", ""));
    Py_DECREF(tr);
    PyObject *ba = PyByteArray_FromStringAndSize("abca", 4);
    tr = PyObject_GetAttrString(ba, "translate");
    call("bytearray.translate(table=None)", tr, PyTuple_New(0), Py_BuildValue("{sO}", "table", Py_None));
    call("bytearray.translate(None, delete=b'c')", tr, Py_BuildValue("(O)", Py_None), Py_BuildValue("{sy}", "delete", "c"));
    Py_DECREF(tr);

    PyObject *sum = PyDict_GetItemString(PyEval_GetBuiltins(), "sum");
    call("sum([1, 2])", sum, Py_BuildValue("([ii])", 1, 2), NULL);
    call("sum([1, 2], start=10)", sum, Py_BuildValue("([ii])", 1, 2), Py_BuildValue("{si}", "start", 10));
    call("sum(iterable=[1])", sum, PyTuple_New(0), Py_BuildValue("{s[i]}", "iterable", 1));
    call("sum([1], iterable=[1])", sum, Py_BuildValue("([i])", 1), Py_BuildValue("{s[i]}", "iterable", 1));
    call("sum()", sum, PyTuple_New(0), NULL);
    call("sum(start=1)", sum, PyTuple_New(0), Py_BuildValue("{si}", "start", 1));
    call("sum(1, 2, 3)", sum, Py_BuildValue("(iii)", 1, 2, 3), NULL);

    PyObject *fb = PyObject_GetAttrString((PyObject *)&PyLong_Type, "from_bytes");
    call("int.from_bytes(bytes=, byteorder=)", fb, PyTuple_New(0), Py_BuildValue("{sysz}", "bytes", "\x01\x02", "byteorder", "little"));
    call("int.from_bytes()", fb, PyTuple_New(0), NULL);
    Py_DECREF(fb);
    PyObject *kw = Py_BuildValue("{sy}", "object", "xy");
    PyObject *args = PyTuple_New(0);
    PyObject *m = PyObject_Call((PyObject *)&PyMemoryView_Type, args, kw);
    show("memoryview(object=b'xy').tobytes()", PyObject_CallMethod(m, "tobytes", NULL));
    Py_DECREF(m);
    Py_DECREF(args);
    Py_DECREF(kw);
    PyObject *s = PyUnicode_FromString("a,b");
    PyObject *split = PyObject_GetAttrString(s, "split");
    call("'a,b'.split(sep=',')", split, PyTuple_New(0), Py_BuildValue("{ss}", "sep", ","));
    Py_DECREF(split);
    Py_DECREF(s);
    Py_DECREF(ba);
    Py_DECREF(b);
    Py_FinalizeEx();
    return 0;
}
