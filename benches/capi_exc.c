/* C-API micro-benchmarks of the error state: raising and clearing the common ways. */
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    long n = ITERATIONS / 10;
    BENCH_N("PyErr_SetString+PyErr_Clear", n, (PyErr_SetString(PyExc_ValueError, "bad value"), PyErr_Clear()));
    BENCH_N("PyErr_Format(%s %d)+PyErr_Clear", n,
            (PyErr_Format(PyExc_TypeError, "%s %d", "expected", (int)i), PyErr_Clear()));
    BENCH_N("PyErr_NoMemory+PyErr_Clear", n, (PyErr_NoMemory(), PyErr_Clear()));
    PyErr_SetString(PyExc_KeyError, "k");
    {
        PyObject *t, *v, *tb;
        BENCH("PyErr_Fetch+PyErr_Restore", (PyErr_Fetch(&t, &v, &tb), PyErr_Restore(t, v, tb)));
    }
    PyErr_Clear();
    BENCH_N("PyErr_SetNone+Occurred+Clear", n,
            (PyErr_SetNone(PyExc_StopIteration), psink = PyErr_Occurred(), PyErr_Clear()));
    Py_FinalizeEx();
    return 0;
}
