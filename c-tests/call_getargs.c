/* Argument checks: PyArg_UnpackTuple (counts, messages with and without a name, not a
 * tuple), PyArg_ValidateKeywordArguments, and the Argument Clinic helpers
 * _PyArg_CheckPositional, _PyArg_NoKeywords, _PyArg_NoKwnames, _PyArg_NoPositional,
 * _PyArg_BadArgument (macros and functions).
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>

static void check(const char *what, int r)
{
    printf("%-44s -> %d", what, r);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t) {
        PyObject *s = v ? PyObject_Str(v) : NULL;
        /* ASCII messages: the data is the text. */
        const char *msg = s ? (const char *)PyUnicode_DATA(s) : "";
        const char *bad = strstr(msg, "bad argument to internal function");
        printf(" %s: %s", ((PyTypeObject *)t)->tp_name, bad ? bad : msg);
        Py_XDECREF(s);
    }
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

int main(void)
{
    Py_Initialize();
    PyObject *t0 = PyTuple_New(0);
    PyObject *t1 = Py_BuildValue("(s)", "a");
    PyObject *t3 = Py_BuildValue("(sss)", "a", "b", "c");
    PyObject *x = NULL, *y = NULL, *z = NULL;
    check("UnpackTuple((a,), f, 1, 2)", PyArg_UnpackTuple(t1, "f", 1, 2, &x, &y));
    printf("  x is a %d, y untouched %d\n", x == PyTuple_GET_ITEM(t1, 0), y == NULL);
    check("UnpackTuple((a,b,c), f, 0, 3)", PyArg_UnpackTuple(t3, "f", 0, 3, &x, &y, &z));
    printf("  z is c %d\n", z == PyTuple_GET_ITEM(t3, 2));
    check("UnpackTuple((), f, 0, 2)", PyArg_UnpackTuple(t0, "f", 0, 2, &x, &y));
    check("UnpackTuple((), f, 1, 1)", PyArg_UnpackTuple(t0, "f", 1, 1, &x));
    check("UnpackTuple((), f, 2, 3)", PyArg_UnpackTuple(t0, "f", 2, 3, &x, &y, &z));
    check("UnpackTuple((a,b,c), f, 1, 1)", PyArg_UnpackTuple(t3, "f", 1, 1, &x));
    check("UnpackTuple((a,b,c), f, 0, 2)", PyArg_UnpackTuple(t3, "f", 0, 2, &x, &y));
    check("UnpackTuple((a,b,c), NULL, 1, 1)", PyArg_UnpackTuple(t3, NULL, 1, 1, &x));
    check("UnpackTuple((), NULL, 2, 4)", PyArg_UnpackTuple(t0, NULL, 2, 4, &x, &y, &z, &z));
    check("UnpackTuple(str, f, 0, 1)", PyArg_UnpackTuple(PyTuple_GET_ITEM(t1, 0), "f", 0, 1, &x));

    PyObject *kw = Py_BuildValue("{s:i}", "k", 1);
    PyObject *badkw = Py_BuildValue("{i:i}", 1, 1);
    check("ValidateKeywordArguments({k: 1})", PyArg_ValidateKeywordArguments(kw));
    check("ValidateKeywordArguments({1: 1})", PyArg_ValidateKeywordArguments(badkw));
    check("ValidateKeywordArguments(tuple)", PyArg_ValidateKeywordArguments(t1));

    check("_PyArg_CheckPositional(f, 1, 1, 2)", _PyArg_CheckPositional("f", 1, 1, 2));
    check("_PyArg_CheckPositional(f, 0, 1, 2)", _PyArg_CheckPositional("f", 0, 1, 2));
    check("_PyArg_CheckPositional(f, 3, 1, 2)", _PyArg_CheckPositional("f", 3, 1, 2));
    check("_PyArg_CheckPositional(f, 3, 2, 2)", _PyArg_CheckPositional("f", 3, 2, 2));
    check("_PyArg_CheckPositional(NULL, 0, 1, 1)", _PyArg_CheckPositional(NULL, 0, 1, 1));
    check("(_PyArg_CheckPositional)(f, 5, 0, MAX)", (_PyArg_CheckPositional)("f", 5, 0, PY_SSIZE_T_MAX));
    check("_PyArg_NoKeywords(f, NULL)", _PyArg_NoKeywords("f", NULL));
    check("_PyArg_NoKeywords(f, {})", _PyArg_NoKeywords("f", Py_BuildValue("{}")));
    check("_PyArg_NoKeywords(f, {k: 1})", _PyArg_NoKeywords("f", kw));
    check("_PyArg_NoKeywords(f, tuple)", _PyArg_NoKeywords("f", t1));
    check("_PyArg_NoKwnames(f, ())", _PyArg_NoKwnames("f", t0));
    check("_PyArg_NoKwnames(f, (a,))", _PyArg_NoKwnames("f", t1));
    check("_PyArg_NoPositional(f, ())", _PyArg_NoPositional("f", t0));
    check("_PyArg_NoPositional(f, (a,))", _PyArg_NoPositional("f", t1));
    check("_PyArg_NoPositional(f, {})", _PyArg_NoPositional("f", kw));
    _PyArg_BadArgument("f", "argument 1", "str", Py_None);
    check("_PyArg_BadArgument(None)", 0);
    _PyArg_BadArgument("f", "argument 'x'", "int", t1);
    check("_PyArg_BadArgument(tuple)", 0);
    Py_DECREF(t0); Py_DECREF(t1); Py_DECREF(t3); Py_DECREF(kw); Py_DECREF(badkw);
    Py_Finalize();
    printf("done\n");
    return 0;
}
