/* C-API micro-benchmark of reversed() over a dict: a reverse key iterator walked to the end
 * over 1,000 str keys (per key), and over items (per item, a tuple each). */
#include <Python.h>
#include "bench.h"

static void walk(PyObject *o)
{
    PyObject *it = PyObject_CallOneArg((PyObject *)&PyReversed_Type, o);
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL)
        Py_DECREF(x);
    Py_DECREF(it);
}

int main(void)
{
    Py_Initialize();
    PyObject *d = PyDict_New();
    for (int k = 0; k < 1000; k++) {
        PyObject *key = PyUnicode_FromFormat("key%d", k);
        PyDict_SetItem(d, key, Py_None);
        Py_DECREF(key);
    }
    PyObject *items = PyObject_CallMethod(d, "items", NULL);
    double t0 = now_ns();
    for (int r = 0; r < 5000; r++)
        walk(d);
    printf("reversed_dict_per_key %.3f\n", (now_ns() - t0) / (5000.0 * 1000));
    t0 = now_ns();
    for (int r = 0; r < 2000; r++)
        walk(items);
    printf("reversed_items_per_item %.3f\n", (now_ns() - t0) / (2000.0 * 1000));
    Py_DECREF(items);
    Py_DECREF(d);
    Py_FinalizeEx();
    return 0;
}
