/* C-API micro-benchmarks of generic aliases and unions: list[int] made by subscription
 * (PyObject_GetItem on a class, through __class_getitem__), Py_GenericAlias directly, an
 * alias's hash and ==, int | str (PyNumber_Or on classes), isinstance with a union. */
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    PyObject *list = (PyObject *)&PyList_Type, *intt = (PyObject *)&PyLong_Type;
    PyObject *strt = (PyObject *)&PyUnicode_Type;
    PyObject *a = PyObject_GetItem(list, intt), *b = Py_GenericAlias(list, intt);
    PyObject *u = PyNumber_Or(intt, strt), *one = PyLong_FromLong(1), *f = PyFloat_FromDouble(1.5);
    BENCH_N("class_subscript_list_int", 2000000L, { PyObject *x = PyObject_GetItem(list, intt); Py_DECREF(x); });
    BENCH_N("Py_GenericAlias", 2000000L, { PyObject *x = Py_GenericAlias(list, intt); Py_DECREF(x); });
    BENCH_N("alias_hash", 2000000L, { psink = (void *)(Py_ssize_t)PyObject_Hash(a); });
    BENCH_N("alias_eq", 2000000L, { psink = (void *)(Py_ssize_t)PyObject_RichCompareBool(a, b, Py_EQ); });
    BENCH_N("union_int_or_str", 1000000L, { PyObject *x = PyNumber_Or(intt, strt); Py_DECREF(x); });
    BENCH_N("isinstance_union_hit", 2000000L, { psink = (void *)(Py_ssize_t)PyObject_IsInstance(one, u); });
    BENCH_N("isinstance_union_miss", 2000000L, { psink = (void *)(Py_ssize_t)PyObject_IsInstance(f, u); });
    Py_DECREF(a); Py_DECREF(b); Py_DECREF(u); Py_DECREF(one); Py_DECREF(f);
    Py_FinalizeEx();
    return 0;
}
