/* dict keys/items views as sets: & | - ^ against lists, sets, tuples, other views (both
 * sides), isdisjoint, comparisons with sets and frozensets, the mapping attribute, errors
 * (unhashable, non-iterable). Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

static void ops(const char *label, PyObject *a, PyObject *b)
{
    char buf[100];
    snprintf(buf, sizeof buf, "%s |", label); show(buf, PyNumber_Or(a, b));
    snprintf(buf, sizeof buf, "%s &", label); show(buf, PyNumber_And(a, b));
    snprintf(buf, sizeof buf, "%s -", label); show(buf, PyNumber_Subtract(a, b));
    snprintf(buf, sizeof buf, "%s ^", label); show(buf, PyNumber_Xor(a, b));
    for (int op = 0; op < 6; op++) {
        snprintf(buf, sizeof buf, "%s cmp %d", label, op);
        show(buf, PyObject_RichCompare(a, b, op));
    }
    snprintf(buf, sizeof buf, "%s isdisjoint", label);
    if (PyObject_HasAttrString(a, "isdisjoint"))
        show(buf, PyObject_CallMethod(a, "isdisjoint", "(O)", b));
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    PyObject *d = Py_BuildValue("{i:s,i:s,i:s,i:s}", 1, "a", 5, "b", 9, "c", 33, "d");
    PyObject *e = Py_BuildValue("{i:s,i:s}", 9, "c", 2, "z");
    PyObject *k = PyObject_CallMethod(d, "keys", NULL);
    PyObject *it = PyObject_CallMethod(d, "items", NULL);
    PyObject *v = PyObject_CallMethod(d, "values", NULL);
    PyObject *ek = PyObject_CallMethod(e, "keys", NULL);
    PyObject *ei = PyObject_CallMethod(e, "items", NULL);
    PyObject *lst = Py_BuildValue("[iii]", 5, 2, 100);
    PyObject *st = Py_BuildValue("[iiiii]", 1, 5, 9, 33, 40);
    PyObject *set = PySet_New(st);
    PyObject *fs = PyFrozenSet_New(Py_BuildValue("[iiii]", 33, 9, 5, 1));
    PyObject *pairs = Py_BuildValue("[(is)(is)]", 9, "c", 7, "q");
    ops("keys/list", k, lst);
    ops("list/keys", lst, k);
    ops("keys/set", k, set);
    ops("set/keys", set, k);
    ops("keys/frozenset", k, fs);
    ops("keys/keys", k, ek);
    ops("items/pairs", it, pairs);
    ops("items/items", it, ei);
    ops("keys/items", k, it);
    ops("keys/int", k, PyLong_FromLong(3));
    ops("keys/unhashable", k, Py_BuildValue("[[i]]", 1));
    ops("values/list", v, lst);
    show("keys isdisjoint self", PyObject_CallMethod(k, "isdisjoint", "(O)", k));
    show("keys.mapping", PyObject_GetAttrString(k, "mapping"));
    show("items.mapping", PyObject_GetAttrString(it, "mapping"));
    show("values.mapping", PyObject_GetAttrString(v, "mapping"));
    PyObject *m = PyObject_GetAttrString(k, "mapping");
    show("mapping[5]", PyObject_GetItem(m, PyLong_FromLong(5)));
    show("mapping type", PyObject_Repr((PyObject *)Py_TYPE(m)));
    Py_Finalize();
    return 0;
}
