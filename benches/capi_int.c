/* int micro-benchmarks: creation (cached and not), conversion back, small-int arithmetic
 * through the number protocol, big multiplication and int -> decimal str. */
#include <Python.h>
#include <string.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    BENCH("int_from_long_small", { PyObject *o = PyLong_FromLong(i & 127); Py_DECREF(o); });
    BENCH("int_from_long_large", { PyObject *o = PyLong_FromLong(i + 1000000); Py_DECREF(o); });
    PyObject *v = PyLong_FromLong(123456789);
    BENCH("int_as_long", { psink = (void *)PyLong_AsLong(v); });
    PyObject *a = PyLong_FromLong(1000), *b = PyLong_FromLong(2345);
    BENCH("number_add_small", { PyObject *o = PyNumber_Add(a, b); Py_DECREF(o); });
    BENCH("number_multiply_small", { PyObject *o = PyNumber_Multiply(a, b); Py_DECREF(o); });

    /* Two values of about 10,000 decimal digits (8,300 hex digits: no str-digit limit). */
    static char digits[8301];
    for (int k = 0; k < 8300; k++) digits[k] = '1' + (k * 7) % 9;
    digits[8300] = 0;
    PyObject *x = PyLong_FromString(digits, NULL, 16);
    for (int k = 0; k < 8300; k++) digits[k] = '1' + (k * 5) % 9;
    PyObject *y = PyLong_FromString(digits, NULL, 16);
    BENCH_N("multiply_10000_digits", 2000, { PyObject *o = PyNumber_Multiply(x, y); Py_DECREF(o); });

    /* str() of a 4,000-digit value. */
    static char dec[4001];
    for (int k = 0; k < 4000; k++) dec[k] = '1' + (k * 3) % 9;
    dec[4000] = 0;
    PyObject *z = PyLong_FromString(dec, NULL, 10);
    BENCH_N("str_4000_digits", 2000, { PyObject *o = PyObject_Str(z); Py_DECREF(o); });
    BENCH_N("int_from_str_4000_digits", 2000, { PyObject *o = PyLong_FromString(dec, NULL, 10); Py_DECREF(o); });
    Py_DECREF(v); Py_DECREF(a); Py_DECREF(b); Py_DECREF(x); Py_DECREF(y); Py_DECREF(z);
    Py_FinalizeEx();
    return 0;
}
