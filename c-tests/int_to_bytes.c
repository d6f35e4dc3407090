/* int.to_bytes / int.from_bytes called through PyObject_Call with positional and keyword
 * arguments: byte orders, signedness, defaults, subclasses (bool.from_bytes), iterables of
 * ints, and every argument error with CPython's message. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "testutil.h"

/* Calls getattr(target, method)(*args, **kwargs) and prints repr(result) or the error. */
static void call(PyObject *target, const char *method, PyObject *args, PyObject *kwargs, const char *label)
{
    printf("%s -> ", label);
    PyObject *m = PyObject_GetAttrString(target, method);
    PyObject *r = m ? PyObject_Call(m, args, kwargs) : NULL;
    if (r) put(r); else show_error();
    printf("\n");
    Py_XDECREF(r);
    Py_XDECREF(m);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

int main(void)
{
    Py_Initialize();
    PyObject *intt = (PyObject *)&PyLong_Type, *boolt = (PyObject *)&PyBool_Type;
    PyObject *one = PyLong_FromLong(1), *m1 = PyLong_FromLong(-1), *n256 = PyLong_FromLong(256);
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    PyObject *neg = PyLong_FromString("-98765432109876543210", NULL, 10);

    call(one, "to_bytes", PyTuple_New(0), NULL, "(1).to_bytes()");
    call(n256, "to_bytes", PyTuple_New(0), NULL, "(256).to_bytes()");
    call(n256, "to_bytes", Py_BuildValue("(i)", 2), NULL, "(256).to_bytes(2)");
    call(n256, "to_bytes", Py_BuildValue("(is)", 2, "little"), NULL, "(256).to_bytes(2, 'little')");
    call(m1, "to_bytes", Py_BuildValue("(is)", 2, "little"), Py_BuildValue("{sO}", "signed", Py_True), "(-1).to_bytes(2, 'little', signed=True)");
    call(m1, "to_bytes", Py_BuildValue("(i)", 2), NULL, "(-1).to_bytes(2)");
    call(big, "to_bytes", Py_BuildValue("(is)", 13, "big"), NULL, "big.to_bytes(13, 'big')");
    call(big, "to_bytes", Py_BuildValue("(is)", 12, "big"), NULL, "big.to_bytes(12, 'big')");
    call(neg, "to_bytes", PyTuple_New(0), Py_BuildValue("{sisssi}", "length", 10, "byteorder", "little", "signed", 1), "neg.to_bytes(length=10, byteorder='little', signed=1)");
    call(neg, "to_bytes", Py_BuildValue("(i)", 9), Py_BuildValue("{sO}", "signed", Py_True), "neg.to_bytes(9, signed=True)");
    call(one, "to_bytes", Py_BuildValue("(i)", 0), NULL, "(1).to_bytes(0)");
    call(PyLong_FromLong(0), "to_bytes", Py_BuildValue("(i)", 0), NULL, "(0).to_bytes(0)");
    call(one, "to_bytes", Py_BuildValue("(isO)", 1, "big", Py_True), NULL, "(1).to_bytes(1, 'big', True)");
    call(one, "to_bytes", PyTuple_New(0), Py_BuildValue("{si}", "x", 1), "(1).to_bytes(x=1)");
    call(one, "to_bytes", Py_BuildValue("(s)", "a"), NULL, "(1).to_bytes('a')");
    call(one, "to_bytes", Py_BuildValue("(ii)", 1, 5), NULL, "(1).to_bytes(1, 5)");
    call(one, "to_bytes", Py_BuildValue("(is)", 1, "middle"), NULL, "(1).to_bytes(1, 'middle')");
    call(one, "to_bytes", Py_BuildValue("(i)", -1), NULL, "(1).to_bytes(-1)");
    call(one, "to_bytes", Py_BuildValue("(i)", 2), Py_BuildValue("{sssi}", "byteorder", "big", "length", 3), "(1).to_bytes(2, byteorder='big', length=3)");
    call(one, "to_bytes", Py_BuildValue("(is)", 1, "big"), Py_BuildValue("{sOsi}", "signed", Py_False, "x", 1), "(1).to_bytes(1, 'big', signed=False, x=1)");
    call(one, "to_bytes", PyTuple_New(0), Py_BuildValue("{sisisisi}", "a", 1, "b", 2, "c", 3, "d", 4), "(1).to_bytes(a=1, b=2, c=3, d=4)");

    call(intt, "from_bytes", Py_BuildValue("(y#s)", "\xff\x00", (Py_ssize_t)2, "little"), Py_BuildValue("{sO}", "signed", Py_True), "int.from_bytes(b'\\xff\\x00', 'little', signed=True)");
    call(intt, "from_bytes", Py_BuildValue("(y#)", "\xff\x00", (Py_ssize_t)2), NULL, "int.from_bytes(b'\\xff\\x00')");
    call(intt, "from_bytes", Py_BuildValue("(y#)", "\x80", (Py_ssize_t)1), Py_BuildValue("{sssO}", "byteorder", "big", "signed", Py_True), "int.from_bytes(b'\\x80', byteorder='big', signed=True)");
    call(intt, "from_bytes", Py_BuildValue("([ii])", 1, 2), NULL, "int.from_bytes([1, 2])");
    call(intt, "from_bytes", Py_BuildValue("(y#)", "", (Py_ssize_t)0), Py_BuildValue("{si}", "signed", 1), "int.from_bytes(b'', signed=1)");
    call(intt, "from_bytes", Py_BuildValue("(y#)", "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c", (Py_ssize_t)12), NULL, "int.from_bytes(12 bytes)");
    call(boolt, "from_bytes", Py_BuildValue("(y#)", "\x02", (Py_ssize_t)1), NULL, "bool.from_bytes(b'\\x02')");
    call(intt, "from_bytes", Py_BuildValue("(s)", "ab"), NULL, "int.from_bytes('ab')");
    call(intt, "from_bytes", Py_BuildValue("(i)", 5), NULL, "int.from_bytes(5)");
    call(intt, "from_bytes", Py_BuildValue("(y#s)", "\x01", (Py_ssize_t)1, "x"), NULL, "int.from_bytes(b'\\x01', 'x')");
    call(intt, "from_bytes", PyTuple_New(0), NULL, "int.from_bytes()");
    call(one, "from_bytes", Py_BuildValue("(y#)", "\x07", (Py_ssize_t)1), NULL, "(1).from_bytes(b'\\x07')");

    Py_DECREF(one); Py_DECREF(m1); Py_DECREF(n256); Py_DECREF(big); Py_DECREF(neg);
    return Py_FinalizeEx() == 0 ? 0 : 1;
}
