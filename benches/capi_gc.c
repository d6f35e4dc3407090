/* Cycle collector benchmarks: 1,000,000 objects created in 2-cycles (lists referring to
 * each other) with automatic collections on, then a full collection (time per object);
 * a full collection over 1,000,000 live tracked objects (time per object, and the
 * longest of the pauses); weak reference creation and dereference. */
#include <Python.h>
#include "bench.h"

#define OBJECTS 1000000L

int main(void)
{
    Py_Initialize();
    PyGC_Collect();
    {
        double t0 = now_ns();
        for (long i = 0; i < OBJECTS / 2; i++) {
            PyObject *a = PyList_New(0), *b = PyList_New(0);
            PyList_Append(a, b);
            PyList_Append(b, a);
            Py_DECREF(a);
            Py_DECREF(b);
        }
        PyGC_Collect();
        printf("gc_2cycles_create_and_collect_per_object %.3f\n", (now_ns() - t0) / OBJECTS);
    }
    {
        PyObject *keep = PyList_New(OBJECTS);
        for (long i = 0; i < OBJECTS; i++) {
            PyObject *t = PyList_New(1);
            PyList_SET_ITEM(t, 0, Py_NewRef(Py_None));
            PyList_SET_ITEM(keep, i, t);
        }
        PyGC_Collect();
        double worst = 0, total = 0;
        for (int round = 0; round < 5; round++) {
            double t0 = now_ns();
            PyGC_Collect();
            double t = now_ns() - t0;
            total += t;
            if (t > worst) worst = t;
        }
        printf("gc_full_collection_1M_live_per_object %.3f\n", total / 5 / OBJECTS);
        printf("gc_full_collection_1M_live_longest_pause_per_object %.3f\n", worst / OBJECTS);
        Py_DECREF(keep);
    }
    {
        PyObject *s = PySet_New(NULL);
        BENCH_N("PyWeakref_NewRef(shared)+DECREF", ITERATIONS / 10, {
            PyObject *r = PyWeakref_NewRef(s, NULL);
            Py_DECREF(r);
        });
        PyObject *r = PyWeakref_NewRef(s, NULL);
        BENCH("PyWeakref_GetObject", { psink = PyWeakref_GetObject(r); });
        Py_DECREF(r);
        Py_DECREF(s);
    }
    Py_FinalizeEx();
    return 0;
}
