/* C-API micro-benchmarks of str: creating a short ASCII str, concatenation, UTF-8 of a
 * cached and of a fresh non-ASCII str, comparison, substring search, and joining 100 items. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    BENCH("str_from_string_short_ascii", {
        PyObject *s = PyUnicode_FromString("hello world");
        Py_DECREF(s);
    });
    PyObject *a = PyUnicode_FromString("hello "), *b = PyUnicode_FromString("w\xc3\xb6rld");
    BENCH("str_concat", {
        PyObject *s = PyUnicode_Concat(a, b);
        Py_DECREF(s);
    });
    PyObject *cached = PyUnicode_FromString("caf\xc3\xa9 \xe2\x82\xac 12345678901234567890");
    PyUnicode_AsUTF8(cached);
    BENCH("str_as_utf8_cached", psink = (void *)PyUnicode_AsUTF8AndSize(cached, NULL));
    BENCH("str_as_utf8_fresh", {
        PyObject *s = PyUnicode_Substring(cached, 1, 30);
        psink = (void *)PyUnicode_AsUTF8AndSize(s, NULL);
        Py_DECREF(s);
    });
    PyObject *x = PyUnicode_FromString("abcdefghijklmnopqrstuvwxyz0"), *y = PyUnicode_FromString("abcdefghijklmnopqrstuvwxyz1");
    BENCH("str_compare", psink = (void *)(Py_ssize_t)PyUnicode_Compare(x, y));
    PyObject *hay = PyUnicode_FromString("the quick brown fox jumps over the lazy dog; the quick brown fox"),
             *needle = PyUnicode_FromString("lazy");
    BENCH("str_find", psink = (void *)PyUnicode_Find(hay, needle, 0, 100, 1));
    PyObject *items = PyList_New(100), *sep = PyUnicode_FromString(", ");
    for (int i = 0; i < 100; i++)
        PyList_SET_ITEM(items, i, PyUnicode_FromFormat("item%d", i));
    BENCH_N("str_join_100", 1000000L, {
        PyObject *s = PyUnicode_Join(sep, items);
        Py_DECREF(s);
    });
    Py_DECREF(a); Py_DECREF(b); Py_DECREF(cached); Py_DECREF(x); Py_DECREF(y);
    Py_DECREF(hay); Py_DECREF(needle); Py_DECREF(items); Py_DECREF(sep);
    Py_FinalizeEx();
    return 0;
}
