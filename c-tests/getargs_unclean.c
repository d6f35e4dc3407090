/* Argument parsing without PY_SSIZE_T_CLEAN (CPython 3.11): '#' units raise SystemError
 * when they are reached (units before them are converted), other units work, and the
 * keyword and Argument Clinic forms behave the same.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include "testutil.h"

static void report(const char *what, int r)
{
    printf("%-34s -> %d ", what, r);
    if (PyErr_Occurred())
        print_error_line();
    else
        printf("\n");
}

int main(void)
{
    Py_Initialize();
    PyObject *args = Py_BuildValue("(is)", 4, "text");
    int i = 0;
    const char *s = NULL;
    int n = 0;
    report("is", PyArg_ParseTuple(args, "is", &i, &s));
    printf("  i=%d s=%s\n", i, s);
    i = 0;
    report("is#", PyArg_ParseTuple(args, "is#", &i, &s, &n));
    printf("  i=%d (converted before the error)\n", i);
    report("iy#", PyArg_ParseTuple(args, "iy#", &i, &s, &n));
    report("iz#", PyArg_ParseTuple(args, "iz#", &i, &s, &n));
    char *buffer = NULL;
    report("ies#", PyArg_ParseTuple(args, "ies#", &i, "utf-8", &buffer, &n));
    report("i|s# with one argument", PyArg_ParseTuple(args, "i|s#", &i, &s, &n));
    PyObject *one = Py_BuildValue("(i)", 1);
    report("i|s# with one argument", PyArg_ParseTuple(one, "i|s#", &i, &s, &n));
    char *kwlist[] = {"a", "b", NULL};
    report("keywords is#", PyArg_ParseTupleAndKeywords(args, NULL, "is#", kwlist, &i, &s, &n));
    report("Parse s#", PyArg_Parse(PyTuple_GET_ITEM(args, 1), "s#", &s, &n));
    PyObject *stack[2] = {PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)};
    report("_PyArg_ParseStack is#", _PyArg_ParseStack(stack, 2, "is#", &i, &s, &n));
    report("_PyArg_ParseStack is", _PyArg_ParseStack(stack, 2, "is", &i, &s));
    Py_DECREF(one);
    Py_DECREF(args);
    Py_Finalize();
    printf("done\n");
    return 0;
}
