/* C-API micro-benchmarks of bytearray, memoryview and the buffer protocol: making a small
 * bytearray, a million appends, slicing a memoryview, and getting/releasing a buffer of a
 * bytes object. */
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    long n = ITERATIONS / 10;

    BENCH_N("PyByteArray_FromStringAndSize(16)+DECREF", n, {
        PyObject *b = PyByteArray_FromStringAndSize("0123456789abcdef", 16);
        Py_DECREF(b);
    });

    {
        PyObject *one = PyLong_FromLong(1);
        PyObject *ba = PyByteArray_FromStringAndSize(NULL, 0);
        PyObject *append = PyObject_GetAttrString(ba, "append");
        double t0 = now_ns();
        for (long j = 0; j < 1000000; j++) {
            PyObject *r = PyObject_CallOneArg(append, one);
            Py_DECREF(r);
        }
        printf("bytearray.append (ns per append) %.3f\n", (now_ns() - t0) / 1e6);
        Py_DECREF(append);
        Py_DECREF(ba);
        Py_DECREF(one);
    }

    {
        PyObject *b = PyBytes_FromStringAndSize(NULL, 4096);
        PyObject *m = PyMemoryView_FromObject(b);
        PyObject *s = PySlice_New(PyLong_FromLong(16), PyLong_FromLong(2048), NULL);
        BENCH_N("memoryview[16:2048]+DECREF", n, {
            PyObject *v = PyObject_GetItem(m, s);
            Py_DECREF(v);
        });
        BENCH_N("PyMemoryView_FromObject(bytes)+DECREF", n, {
            PyObject *v = PyMemoryView_FromObject(b);
            Py_DECREF(v);
        });
        Py_DECREF(s);
        Py_DECREF(m);
        Py_DECREF(b);
    }

    {
        PyObject *b = PyBytes_FromString("buffer protocol");
        Py_buffer view;
        BENCH("PyObject_GetBuffer(bytes)+PyBuffer_Release", {
            PyObject_GetBuffer(b, &view, PyBUF_SIMPLE);
            psink = view.buf;
            PyBuffer_Release(&view);
        });
        Py_DECREF(b);
    }
    Py_FinalizeEx();
    return 0;
}
