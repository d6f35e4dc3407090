/* dict through the C-API: set/get/delete with str, tuple and bool keys, the error-swallowing
 * PyDict_GetItem, KeyError values, PyDict_Next positions after deletions and copies,
 * keys/values/items lists, update/merge/merge-from-pairs and their errors, setdefault, pop,
 * repr (also recursive), comparison, iteration and "changed size during iteration",
 * GC tracking, ma_version_tag, bad arguments. PYTHONHASHSEED=0 in both builds.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

static void dump_next(const char *label, PyObject *d)
{
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    printf("%s:", label);
    while (PyDict_Next(d, &pos, &k, &v)) {
        printf(" [%zd] ", pos);
        PyObject_Print(k, stdout, 0);
        printf("=");
        PyObject_Print(v, stdout, 0);
    }
    printf("\n");
}

static PyObject *version_probe;
static unsigned long long last_version;
static void version_changed(const char *what)
{
    unsigned long long v = ((PyDictObject *)version_probe)->ma_version_tag;
    printf("version changed after %s: %d\n", what, v != last_version);
    last_version = v;
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    PyObject *d = PyDict_New();
    version_probe = d;
    last_version = ((PyDictObject *)d)->ma_version_tag;
    printf("new dict tracked: %d size %zd\n", PyObject_GC_IsTracked(d), PyDict_Size(d));
    char name[32];
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof name, "k%d", i);
        PyObject *k = S(name);
        PyObject *v = PyTuple_Pack(1, k);
        PyDict_SetItem(d, k, v);
        Py_DECREF(k);
        Py_DECREF(v);
    }
    version_changed("inserts");
    printf("size %zd, tracked with str keys and tuple-of-str values: %d\n", PyDict_Size(d), PyObject_GC_IsTracked(d));
    show("GetItemString k3", Py_XNewRef(PyDict_GetItemString(d, "k3")));
    show("GetItemString missing", Py_XNewRef(PyDict_GetItemString(d, "missing")));
    PyObject *unhashable = PyList_New(0);
    show("GetItem unhashable", Py_XNewRef(PyDict_GetItem(d, unhashable)));
    show("GetItemWithError unhashable", Py_XNewRef(PyDict_GetItemWithError(d, unhashable)));
    show_int("SetItem unhashable", PyDict_SetItem(d, unhashable, Py_None));
    show_int("Contains unhashable", PyDict_Contains(d, unhashable));
    PyErr_SetString(PyExc_ValueError, "kept");
    PyObject *k5 = S("k5");
    printf("GetItem with an error set finds: %d\n", PyDict_GetItem(d, k5) != NULL);
    show_err("error after GetItem");
    show("GetItemWithError missing", Py_XNewRef(PyDict_GetItemWithError(d, unhashable == NULL ? NULL : Py_None)));
    show_int("DelItem k5", PyDict_DelItem(d, k5));
    version_changed("delete");
    show_int("DelItem k5 again", PyDict_DelItem(d, k5));
    show_int("DelItemString k7", PyDict_DelItemString(d, "k7"));
    show_int("DelItemString nope", PyDict_DelItemString(d, "nope"));
    show_int("Contains k5", PyDict_Contains(d, k5));
    PyObject *k6 = S("k6");
    show_int("Contains k6", PyDict_Contains(d, k6));
    dump_next("after deletes", d);
    PyObject *c = PyDict_Copy(d);
    dump_next("copy of sparse", c);
    show_int("copy equal", PyObject_RichCompareBool(c, d, Py_EQ));
    show("copy != d", PyObject_RichCompare(c, d, Py_NE));
    show("d < copy", PyObject_RichCompare(d, c, Py_LT));
    show("d == None", PyObject_RichCompare(d, Py_None, Py_EQ));
    PyDict_SetItemString(c, "k6", Py_None);
    show_int("copy changed equal", PyObject_RichCompareBool(c, d, Py_EQ));
    Py_DECREF(c);
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "k%d", i);
        PyDict_DelItemString(d, name);
    }
    dump_next("after more deletes", d);
    c = PyDict_Copy(d);
    dump_next("copy", c);
    show("repr copy", PyObject_Repr(c));
    Py_DECREF(c);

    /* Keys of other types: tuples, bools, None. */
    PyObject *e = PyDict_New();
    PyObject *t1 = PyTuple_Pack(2, k5, k6), *t2 = PyTuple_Pack(2, k5, k6);
    PyDict_SetItem(e, t1, Py_True);
    PyDict_SetItem(e, Py_None, Py_False);
    PyDict_SetItem(e, Py_True, k5);
    PyDict_SetItem(e, Py_False, k6);
    show("e[(k5,k6) other tuple]", Py_XNewRef(PyDict_GetItemWithError(e, t2)));
    PyDict_SetItem(e, t2, Py_None);
    show("repr e", PyObject_Repr(e));
    show("keys", PyDict_Keys(e));
    show("values", PyDict_Values(e));
    show("items", PyDict_Items(e));
    show("e[missing]", PyObject_GetItem(e, k5));
    show("e[True]", PyObject_GetItem(e, Py_True));
    show_int("del e[missing]", PyObject_DelItem(e, k5));
    show_int("e[k5] = None", PyObject_SetItem(e, k5, Py_None));
    show_int("len e", PyObject_Size(e));
    show_int("hash e", PyObject_Hash(e));
    show("setdefault existing", Py_XNewRef(PyDict_SetDefault(e, k5, Py_True)));
    show("setdefault new", Py_XNewRef(PyDict_SetDefault(e, k6, Py_True)));
    show("_PyDict_Pop", _PyDict_Pop(e, k6, NULL));
    show("_PyDict_Pop missing", _PyDict_Pop(e, k6, NULL));
    show("_PyDict_Pop default", _PyDict_Pop(e, k6, Py_Ellipsis));

    /* update / merge */
    PyObject *f = PyDict_New();
    PyDict_SetItemString(f, "k5", Py_Ellipsis);
    PyDict_SetItemString(f, "new", Py_Ellipsis);
    show_int("Merge no override", PyDict_Merge(e, f, 0));
    show("after merge", PyObject_Repr(e));
    show_int("Update", PyDict_Update(e, f));
    show("after update", PyObject_Repr(e));
    show_int("MergeEx 2", _PyDict_MergeEx(e, f, 2));
    PyObject *pairs = PyList_New(0);
    PyObject *p1 = PyTuple_Pack(2, k5, Py_None), *p2 = PyTuple_Pack(2, S("z"), Py_True);
    PyList_Append(pairs, p1);
    PyList_Append(pairs, p2);
    show_int("MergeFromSeq2 no override", PyDict_MergeFromSeq2(e, pairs, 0));
    show("after seq2", PyObject_Repr(e));
    show_int("MergeFromSeq2 override", PyDict_MergeFromSeq2(e, pairs, 1));
    show("after seq2 override", PyObject_Repr(e));
    PyList_Append(pairs, Py_None);
    show_int("MergeFromSeq2 bad element", PyDict_MergeFromSeq2(e, pairs, 1));
    PyList_SetSlice(pairs, 2, 3, NULL);
    PyObject *triple = PyTuple_Pack(3, k5, k5, k5);
    PyList_Append(pairs, triple);
    show_int("MergeFromSeq2 triple", PyDict_MergeFromSeq2(e, pairs, 1));
    show_int("MergeFromSeq2 not iterable", PyDict_MergeFromSeq2(e, Py_None, 1));

    /* Iteration and mutation during it. */
    PyObject *it = PyObject_GetIter(e);
    printf("iterator type %s\n", Py_TYPE(it)->tp_name);
    PyObject *x = PyIter_Next(it);
    show("first key", x);
    PyDict_SetItemString(e, "added", Py_None);
    x = PyIter_Next(it);
    show("after insert", x);
    x = PyIter_Next(it);
    show("once more", x);
    Py_DECREF(it);
    it = PyObject_GetIter(e);
    while ((x = PyIter_Next(it)) != NULL)
        show("key", x);
    Py_DECREF(it);

    /* Recursive repr, tracking. */
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "self", g);
    PyDict_SetItemString(g, "list", unhashable);
    printf("tracked holding a list: %d\n", PyObject_GC_IsTracked(g));
    show("recursive repr", PyObject_Repr(g));
    PyDict_Clear(g);
    show("after clear", PyObject_Repr(g));
    show_int("size after clear", PyDict_Size(g));

    PyObject *pre = _PyDict_NewPresized(100);
    show_int("presized size", PyDict_Size(pre));
    for (int i = 0; i < 30; i++) {
        snprintf(name, sizeof name, "p%d", i);
        PyDict_SetItemString(pre, name, Py_None);
    }
    for (int i = 0; i < 30; i += 3) {
        snprintf(name, sizeof name, "p%d", i);
        PyDict_DelItemString(pre, name);
    }
    dump_next("presized", pre);

    /* Bad arguments. */
    show_int("Size(None)", PyDict_Size(Py_None));
    show_int("SetItem(None)", PyDict_SetItem(Py_None, k5, k5));
    show("Keys(None)", PyDict_Keys(Py_None));
    show("Copy(None)", PyDict_Copy(Py_None));
    show("GetItem(None)", Py_XNewRef(PyDict_GetItem(Py_None, k5)));
    Py_ssize_t pos = 0;
    printf("Next(None): %d\n", PyDict_Next(Py_None, &pos, NULL, NULL));
    show_int("Merge(None)", PyDict_Merge(Py_None, e, 1));
    PyDict_Clear(Py_None);
    show_err("Clear(None)");

    Py_DECREF(pre); Py_DECREF(g); Py_DECREF(triple); Py_DECREF(p1); Py_DECREF(p2); Py_DECREF(pairs);
    Py_DECREF(f); Py_DECREF(t1); Py_DECREF(t2); Py_DECREF(e); Py_DECREF(k5); Py_DECREF(k6);
    Py_DECREF(unhashable); Py_DECREF(d);
    printf("error left: %d\n", PyErr_Occurred() != NULL);
    Py_FinalizeEx();
    return 0;
}
