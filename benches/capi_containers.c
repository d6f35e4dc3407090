/* C-API micro-benchmarks of the containers: tuple creation, list append and iteration,
 * dict set/get with str keys, list.sort of random ints. Each timed body includes its own
 * set-up cost the same way in both builds. */
#include <Python.h>
#include <stdlib.h>
#include "bench.h"

#define NKEYS 100000

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    long n = ITERATIONS / 10;
    PyObject *a = PyLong_FromLong(1), *b = PyLong_FromLong(2), *c = PyLong_FromLong(3);

    BENCH_N("PyTuple_New(3)+SET_ITEM+DECREF", n, {
        PyObject *t = PyTuple_New(3);
        Py_INCREF(a); Py_INCREF(b); Py_INCREF(c);
        PyTuple_SET_ITEM(t, 0, a); PyTuple_SET_ITEM(t, 1, b); PyTuple_SET_ITEM(t, 2, c);
        Py_DECREF(t);
    });
    BENCH_N("PyTuple_Pack(3)+DECREF", n, { PyObject *t = PyTuple_Pack(3, a, b, c); Py_DECREF(t); });

    {
        double t0 = now_ns();
        PyObject *l = PyList_New(0);
        for (long j = 0; j < 1000000; j++)
            PyList_Append(l, a);
        Py_DECREF(l);
        printf("PyList_Append (ns per append) %.3f\n", (now_ns() - t0) / 1e6);
    }

    PyObject *keys[NKEYS];
    char name[32];
    for (int i = 0; i < NKEYS; i++) {
        snprintf(name, sizeof name, "key%d", i);
        keys[i] = PyUnicode_FromString(name);
    }
    {
        double t0 = now_ns();
        for (int r = 0; r < 10; r++) {
            PyObject *d = PyDict_New();
            for (int i = 0; i < NKEYS; i++)
                PyDict_SetItem(d, keys[i], a);
            Py_DECREF(d);
        }
        printf("PyDict_SetItem 1e5 str keys (ns per set) %.3f\n", (now_ns() - t0) / (10.0 * NKEYS));
    }
    PyObject *d = PyDict_New();
    for (int i = 0; i < NKEYS; i++)
        PyDict_SetItem(d, keys[i], a);
    {
        double t0 = now_ns();
        for (int r = 0; r < 50; r++)
            for (int i = 0; i < NKEYS; i++)
                psink = PyDict_GetItem(d, keys[i]);
        printf("PyDict_GetItem 1e5 str keys (ns per get) %.3f\n", (now_ns() - t0) / (50.0 * NKEYS));
    }
    BENCH_N("PyDict_GetItemString", n, psink = PyDict_GetItemString(d, "key4242"));

    PyObject *big = PyList_New(1000000);
    for (long j = 0; j < 1000000; j++) {
        Py_INCREF(a);
        PyList_SET_ITEM(big, j, a);
    }
    {
        double t0 = now_ns();
        for (int r = 0; r < 10; r++) {
            PyObject *it = PyObject_GetIter(big), *x;
            while ((x = PyIter_Next(it)) != NULL)
                Py_DECREF(x);
            Py_DECREF(it);
        }
        printf("PyIter_Next over a list (ns per item) %.3f\n", (now_ns() - t0) / 1e7);
    }
    {
        double t0 = now_ns();
        for (int r = 0; r < 10; r++)
            for (Py_ssize_t j = 0; j < PyList_GET_SIZE(big); j++)
                psink = PyList_GET_ITEM(big, j);
        printf("PyList_GET_ITEM over a list (ns per item) %.3f\n", (now_ns() - t0) / 1e7);
    }
    {
        double total = 0;
        for (int r = 0; r < 3; r++) {
            PyObject *l = PyList_New(1000000);
            unsigned long x = 12345 + r;
            for (long j = 0; j < 1000000; j++) {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
                PyList_SET_ITEM(l, j, PyLong_FromLong((long)(x >> 34)));
            }
            double t0 = now_ns();
            PyList_Sort(l);
            total += now_ns() - t0;
            Py_DECREF(l);
        }
        printf("PyList_Sort 1e6 random ints (ns per item) %.3f\n", total / 3e6);
    }
    {
        double total = 0;
        for (int r = 0; r < 3; r++) {
            PyObject *l = PyList_New(1000000);
            for (long j = 0; j < 1000000; j++)
                PyList_SET_ITEM(l, j, PyLong_FromLong(j));
            double t0 = now_ns();
            PyList_Sort(l);
            PyList_Reverse(l);
            PyList_Sort(l);
            total += now_ns() - t0;
            Py_DECREF(l);
        }
        printf("PyList_Sort 1e6 sorted+reversed ints (ns per item) %.3f\n", total / 3e6);
    }
    Py_DECREF(big);
    Py_DECREF(d);
    for (int i = 0; i < NKEYS; i++)
        Py_DECREF(keys[i]);
    Py_FinalizeEx();
    return 0;
}
