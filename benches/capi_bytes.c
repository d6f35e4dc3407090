/* C-API micro-benchmarks of bytes: creating and releasing a small bytes, reaching its data,
 * hashing a fresh 64-byte bytes (the hash is computed, not the cached one), and
 * `bytes % args` with three conversions. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    static const char data[65] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    BENCH("bytes_from_string_and_size_16", {
        PyObject *b = PyBytes_FromStringAndSize(data, 16);
        Py_DECREF(b);
    });
    PyObject *b = PyBytes_FromStringAndSize(data, 16);
    BENCH("bytes_as_string", psink = PyBytes_AsString(b));
    Py_DECREF(b);
    BENCH_N("bytes_hash_fresh_64", 5000000L, {
        PyObject *h = PyBytes_FromStringAndSize(data, 64);
        psink = (void *)(Py_ssize_t)PyObject_Hash(h);
        Py_DECREF(h);
    });
    PyObject *format = PyBytes_FromString("%s-%d-%x");
    PyObject *args = Py_BuildValue("(yii)", "abc", 42, 255);
    BENCH_N("bytes_percent_3", 2000000L, {
        PyObject *r = PyNumber_Remainder(format, args);
        Py_DECREF(r);
    });
    Py_DECREF(args);
    Py_DECREF(format);
    Py_FinalizeEx();
    return 0;
}
