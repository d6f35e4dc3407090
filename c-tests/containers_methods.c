/* The Python-level methods of list and dict (tp_methods through attribute lookup and
 * calls): list append/extend/insert/pop/remove/index/count/clear/copy/reverse/sort(key=,
 * reverse=)/__reversed__, dict get/setdefault/pop/popitem/keys/values/items/update/clear/
 * copy/fromkeys/__contains__/__getitem__, the dict views (len, iteration, contains, repr,
 * comparisons), PyMapping_Keys/Values/Items, with CPython's argument errors.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

static PyObject *I(long v) { return PyLong_FromLong(v); }

/* o.name(*args, **kw): args is a tuple (stolen), kw a dict or NULL (stolen). */
static PyObject *call(PyObject *o, const char *name, PyObject *args, PyObject *kw)
{
    PyObject *m = PyObject_GetAttrString(o, name);
    if (m == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kw);
        return NULL;
    }
    PyObject *r = PyObject_Call(m, args ? args : PyTuple_New(0), kw);
    Py_DECREF(m);
    Py_XDECREF(kw);
    return r;
}
#define T(...) PyTuple_Pack(__VA_ARGS__)

int main(void)
{
    Py_Initialize();
    PyObject *l = PyList_New(0);
    show("append", call(l, "append", T(1, I(3)), NULL));
    show("append none", call(l, "append", NULL, NULL));
    PyObject *src = T(4, I(1), I(4), I(1), I(5));
    show("extend", call(l, "extend", T(1, src), NULL));
    show("extend None", call(l, "extend", T(1, Py_None), NULL));
    show("insert", call(l, "insert", T(2, I(-1), I(9)), NULL));
    show("insert 1 arg", call(l, "insert", T(1, I(0)), NULL));
    show("insert str", call(l, "insert", T(2, S("x"), I(0)), NULL));
    show("l", PyObject_Repr(l));
    show("count 1", call(l, "count", T(1, I(1)), NULL));
    show("index 1", call(l, "index", T(1, I(1)), NULL));
    show("index 1 from 2", call(l, "index", T(2, I(1), I(2)), NULL));
    show("index 1 in 3:4", call(l, "index", T(3, I(1), I(3), I(4)), NULL));
    show("index 7", call(l, "index", T(1, I(7)), NULL));
    show("remove 4", call(l, "remove", T(1, I(4)), NULL));
    show("remove 7", call(l, "remove", T(1, I(7)), NULL));
    show("pop", call(l, "pop", NULL, NULL));
    show("pop 0", call(l, "pop", T(1, I(0)), NULL));
    show("pop 10", call(l, "pop", T(1, I(10)), NULL));
    show("pop 1 2", call(l, "pop", T(2, I(1), I(2)), NULL));
    show("copy", call(l, "copy", NULL, NULL));
    show("reverse", call(l, "reverse", NULL, NULL));
    show("l", PyObject_Repr(l));
    PyObject *rit = call(l, "__reversed__", NULL, NULL);
    printf("reversed type %s\n", Py_TYPE(rit)->tp_name);
    show("list(reversed)", PySequence_List(rit));
    Py_DECREF(rit);

    /* sort with key= and reverse= */
    PyObject *words = PyList_New(0);
    const char *w[] = { "pear", "Fig", "apple", "kiwi", "Banana", "date", "fig", "plum" };
    for (int i = 0; i < 8; i++)
        PyList_Append(words, S(w[i]));
    show("sort()", call(words, "sort", NULL, NULL));
    show("sorted", PyObject_Repr(words));
    PyObject *kw = PyDict_New();
    /* The key: a bound dict.__getitem__ mapping each word to its lowercase form. */
    PyObject *lowers = PyDict_New();
    const char *lw[] = { "pear", "fig", "apple", "kiwi", "banana", "date", "fig", "plum" };
    for (int i = 0; i < 8; i++)
        PyDict_SetItemString(lowers, w[i], S(lw[i]));
    PyObject *lower = PyObject_GetAttrString(lowers, "__getitem__");
    PyDict_SetItemString(kw, "key", lower);
    show("sort(key=str.lower)", call(words, "sort", NULL, kw));
    show("sorted by lower", PyObject_Repr(words));
    kw = PyDict_New();
    PyDict_SetItemString(kw, "key", lower);
    PyDict_SetItemString(kw, "reverse", Py_True);
    show("sort(key=str.lower, reverse=True)", call(words, "sort", NULL, kw));
    show("sorted reverse", PyObject_Repr(words));
    kw = PyDict_New();
    PyDict_SetItemString(kw, "reverse", I(1));
    show("sort(reverse=1)", call(words, "sort", NULL, kw));
    show("sorted", PyObject_Repr(words));
    show("sort(1)", call(words, "sort", T(1, I(1)), NULL));
    kw = PyDict_New();
    PyDict_SetItemString(kw, "cmp", Py_None);
    show("sort(cmp=None)", call(words, "sort", NULL, kw));
    kw = PyDict_New();
    PyDict_SetItemString(kw, "reverse", S("yes"));
    show("sort(reverse='yes')", call(words, "sort", NULL, kw));
    kw = PyDict_New();
    PyDict_SetItemString(kw, "key", PyObject_GetAttrString(PyDict_New(), "__getitem__"));
    show("sort(key={}.__getitem__)", call(words, "sort", NULL, kw));
    show("after failed key", PyObject_Repr(words));
    show("clear", call(words, "clear", NULL, NULL));
    show("cleared", PyObject_Repr(words));

    /* dict methods */
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "a", I(1));
    PyDict_SetItemString(d, "b", I(2));
    show("get a", call(d, "get", T(1, S("a")), NULL));
    show("get z", call(d, "get", T(1, S("z")), NULL));
    show("get z 0", call(d, "get", T(2, S("z"), I(0)), NULL));
    show("get", call(d, "get", NULL, NULL));
    show("get 3 args", call(d, "get", T(3, I(1), I(2), I(3)), NULL));
    show("setdefault c", call(d, "setdefault", T(2, S("c"), I(3)), NULL));
    show("setdefault a", call(d, "setdefault", T(2, S("a"), I(9)), NULL));
    show("setdefault n", call(d, "setdefault", T(1, S("n")), NULL));
    show("pop n", call(d, "pop", T(1, S("n")), NULL));
    show("pop n", call(d, "pop", T(1, S("n")), NULL));
    show("pop n default", call(d, "pop", T(2, S("n"), I(0)), NULL));
    show("__contains__ a", call(d, "__contains__", T(1, S("a")), NULL));
    show("__getitem__ b", call(d, "__getitem__", T(1, S("b")), NULL));
    show("__getitem__ z", call(d, "__getitem__", T(1, S("z")), NULL));
    PyObject *keys = call(d, "keys", NULL, NULL), *values = call(d, "values", NULL, NULL), *items = call(d, "items", NULL, NULL);
    show("keys view", PyObject_Repr(keys));
    show("values view", PyObject_Repr(values));
    show("items view", PyObject_Repr(items));
    show_int("len keys", PyObject_Size(keys));
    show_int("'a' in keys", PySequence_Contains(keys, S("a")));
    show_int("('a', 1) in items", PySequence_Contains(items, T(2, S("a"), I(1))));
    show_int("('a', 2) in items", PySequence_Contains(items, T(2, S("a"), I(2))));
    show_int("1 in values", PySequence_Contains(values, I(1)));
    show("list(items)", PySequence_List(items));
    show("keys == keys", PyObject_RichCompare(keys, call(d, "keys", NULL, NULL), Py_EQ));
    show("keys <= items", PyObject_RichCompare(keys, items, Py_LE));
    show_int("hash keys", PyObject_Hash(keys));
    PyObject *e = PyDict_New();
    PyDict_SetItemString(e, "b", I(20));
    PyDict_SetItemString(e, "z", I(26));
    show("update(dict)", call(d, "update", T(1, e), NULL));
    PyObject *pairs = PyList_New(0);
    PyList_Append(pairs, T(2, S("p"), I(16)));
    kw = PyDict_New();
    PyDict_SetItemString(kw, "q", I(17));
    show("update(pairs, q=17)", call(d, "update", T(1, pairs), kw));
    PyObject *ones = PyList_New(0);
    PyList_Append(ones, T(1, S("k")));
    show("update([('k',)])", call(d, "update", T(1, ones), NULL));
    show("update(1, 2)", call(d, "update", T(2, I(1), I(2)), NULL));
    show("update(1)", call(d, "update", T(1, I(1)), NULL));
    show("d", PyObject_Repr(d));
    show("items after update", PyObject_Repr(items));
    show("PyMapping_Keys(d)", PyMapping_Keys(d));
    show("PyMapping_Items(d)", PyMapping_Items(d));
    show("PyMapping_Keys(None)", PyMapping_Keys(Py_None));
    show("popitem", call(d, "popitem", NULL, NULL));
    show("copy", call(d, "copy", NULL, NULL));
    show("fromkeys", call((PyObject *)&PyDict_Type, "fromkeys", T(1, T(3, S("x"), S("y"), S("z"))), NULL));
    show("fromkeys 0", call((PyObject *)&PyDict_Type, "fromkeys", T(2, T(2, S("a"), S("b")), I(0)), NULL));
    show("clear", call(d, "clear", NULL, NULL));
    show("popitem empty", call(d, "popitem", NULL, NULL));
    show("keys after clear", PyObject_Repr(keys));
    Py_DECREF(keys); Py_DECREF(values); Py_DECREF(items);
    /* Length hints, tuple methods. */
    PyObject *tup = T(3, I(1), I(2), I(1));
    show_int("LengthHint tuple", PyObject_LengthHint(tup, 7));
    show_int("LengthHint None", PyObject_LengthHint(Py_None, 7));
    PyObject *tit = PyObject_GetIter(tup);
    Py_XDECREF(PyIter_Next(tit));
    show_int("LengthHint tuple_iterator", PyObject_LengthHint(tit, 7));
    PyObject *lst = PySequence_List(tup);
    PyObject *lit = PyObject_GetIter(lst);
    show_int("LengthHint list_iterator", PyObject_LengthHint(lit, 7));
    PyObject *lrit = call(lst, "__reversed__", NULL, NULL);
    Py_XDECREF(PyIter_Next(lrit));
    show_int("LengthHint list_reverseiterator", PyObject_LengthHint(lrit, 7));
    show("tuple.count(1)", call(tup, "count", T(1, I(1)), NULL));
    show("tuple.index(2)", call(tup, "index", T(1, I(2)), NULL));
    show("tuple.index(1, 1)", call(tup, "index", T(2, I(1), I(1)), NULL));
    show("tuple.index(5)", call(tup, "index", T(1, I(5)), NULL));
    show("tuple.index()", call(tup, "index", NULL, NULL));
    Py_DECREF(tit); Py_DECREF(lit); Py_DECREF(lrit); Py_DECREF(lst); Py_DECREF(tup);
    printf("error left: %d\n", PyErr_Occurred() != NULL);
    Py_FinalizeEx();
    return 0;
}
