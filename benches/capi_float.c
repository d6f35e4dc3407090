/* Float C-API micro-benchmarks: allocation (free list), conversion, arithmetic through the
 * number protocol, repr-style formatting. */
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    BENCH("float_fromdouble_decref", {
        PyObject *f = PyFloat_FromDouble((double)i);
        Py_DECREF(f);
    });
    PyObject *x = PyFloat_FromDouble(1.5), *y = PyFloat_FromDouble(2.25);
    volatile double dsink = 0;
    BENCH("float_asdouble", { dsink += PyFloat_AsDouble(x); });
    BENCH("float_number_add", {
        PyObject *r = PyNumber_Add(x, y);
        Py_DECREF(r);
    });
    BENCH("float_number_multiply", {
        PyObject *r = PyNumber_Multiply(x, y);
        Py_DECREF(r);
    });
    PyObject *n = PyLong_FromLong(3);
    BENCH("float_number_add_int", {
        PyObject *r = PyNumber_Add(x, n);
        Py_DECREF(r);
    });
    BENCH_N("float_double_to_string_r", 2000000L, {
        char *s = PyOS_double_to_string(0.1 * (double)i, 'r', 0, 0, NULL);
        psink = s;
        PyMem_Free(s);
    });
    BENCH_N("float_repr", 2000000L, {
        PyObject *s = PyObject_Repr(x);
        Py_DECREF(s);
    });
    BENCH_N("float_string_to_double", 2000000L, { dsink += PyOS_string_to_double("1234.5678e-3", NULL, NULL); });
    Py_DECREF(x);
    Py_DECREF(y);
    Py_DECREF(n);
    Py_Finalize();
    return 0;
}
