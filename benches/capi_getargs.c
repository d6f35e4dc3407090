/* C-API micro-benchmarks of argument parsing and building: PyArg_ParseTuple,
 * PyArg_ParseTupleAndKeywords, _PyArg_UnpackKeywords (Argument Clinic's binder),
 * Py_BuildValue with ints and a string, and a METH_VARARGS function that parses its tuple. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "bench.h"

#define DROP(expr) do { PyObject *r_ = (expr); Py_DECREF(r_); } while (0)

static PyObject *f_varargs_parse(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *a, *b = NULL;
    if (!PyArg_ParseTuple(args, "O|O:f", &a, &b))
        return NULL;
    return Py_NewRef(a);
}
static PyMethodDef d_varargs_parse = {"f", f_varargs_parse, METH_VARARGS, NULL};

static const char *const clinic_keywords[] = {"", "b", "c", NULL};
static _PyArg_Parser clinic = {NULL, clinic_keywords, "clin", NULL, 0, 0, 0, NULL, NULL};

int main(void)
{
    Py_Initialize();
    PyObject *args_iid = Py_BuildValue("(iid)", 1, 2, 3.5);
    PyObject *args_one = Py_BuildValue("(i)", 1);
    PyObject *kwargs = Py_BuildValue("{s:i,s:i}", "b", 2, "c", 3);
    PyObject *kwnames = Py_BuildValue("(s)", "c");
    PyObject *stack[3] = {PyLong_FromLong(1), PyLong_FromLong(2), PyLong_FromLong(3)};
    PyObject *f = PyCFunction_New(&d_varargs_parse, NULL);
    static char *kwlist[] = {"a", "b", "c", NULL};
    int i1, i2, i3;
    double d;

    BENCH("PyArg_ParseTuple(\"iid\")", {
        PyArg_ParseTuple(args_iid, "iid", &i1, &i2, &d);
        psink = &d;
    });
    BENCH("ParseTupleAndKeywords(3 args)", {
        PyArg_ParseTupleAndKeywords(args_one, kwargs, "i|ii", kwlist, &i1, &i2, &i3);
        psink = &i3;
    });
    BENCH("_PyArg_UnpackKeywords(1+kw)", {
        PyObject *buf[3];
        psink = (void *)_PyArg_UnpackKeywords(stack, 1, NULL, kwnames, &clinic, 1, 2, 0, buf);
    });
    BENCH_N("Py_BuildValue(\"(iis)\")", ITERATIONS / 4, DROP(Py_BuildValue("(iis)", 1, 2, "text")));
    BENCH_N("Vectorcall(VARARGS+ParseTuple)", ITERATIONS / 4, DROP(PyObject_Vectorcall(f, stack, 1, NULL)));

    Py_DECREF(f); Py_DECREF(args_iid); Py_DECREF(args_one); Py_DECREF(kwargs); Py_DECREF(kwnames);
    for (int k = 0; k < 3; k++)
        Py_DECREF(stack[k]);
    Py_Finalize();
    return 0;
}
