/* The Python-level methods of set and frozenset, called through PyObject_CallMethod:
 * add/discard/remove/pop/clear/copy/update, union/intersection/difference/
 * symmetric_difference and their _update forms with several iterables of any kind,
 * issubset/issuperset/isdisjoint, __contains__ with a set argument, __reduce__,
 * __sizeof__, KeyError and TypeError paths. Orders: ints and PYTHONHASHSEED=0 strs.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"
#include <stdlib.h>

#define M0(label, o, name) show(label, PyObject_CallMethod((o), (name), NULL))
#define M1(label, o, name, a) show(label, PyObject_CallMethod((o), (name), "O", (a)))
#define M2(label, o, name, a, b) show(label, PyObject_CallMethod((o), (name), "OO", (a), (b)))

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();
    PyObject *lst = Py_BuildValue("[iiiiii]", 5, 1, 9, 33, 1, 17);
    PyObject *tup = Py_BuildValue("(iiii)", 9, 2, 17, 100);
    PyObject *dct = Py_BuildValue("{i:i,i:i}", 1, 0, 2, 0);
    PyObject *unh = Py_BuildValue("[[i]]", 1);
    PyObject *s = PySet_New(lst);
    PyObject *f = PyFrozenSet_New(tup);
    PyObject *seven = PyLong_FromLong(7), *nine = PyLong_FromLong(9);
    show("s", PyObject_Repr(s));
    M1("add 7", s, "add", seven);
    M1("add list", s, "add", lst);
    show("s", PyObject_Repr(s));
    M1("discard 7", s, "discard", seven);
    M1("discard 7 again", s, "discard", seven);
    M1("remove 7", s, "remove", seven);
    M1("remove list", s, "remove", lst);
    PyObject *tuple_key = Py_BuildValue("(ii)", 1, 2);
    M1("remove tuple", s, "remove", tuple_key);
    M1("discard set", s, "discard", s);
    M1("remove set", s, "remove", s);
    M1("contains 9", s, "__contains__", nine);
    M1("contains list", s, "__contains__", lst);
    PyObject *holder = PySet_New(NULL);
    PyObject *fz = PyFrozenSet_New(tup);
    PySet_Add(holder, fz);
    PyObject *probe = PySet_New(tup);
    M1("contains set as frozenset", holder, "__contains__", probe);
    show_int("in operator", PySequence_Contains(holder, probe));
    M1("remove set as frozenset", holder, "remove", probe);
    show("holder", PyObject_Repr(holder));

    M0("copy", s, "copy");
    M0("frozen copy", f, "copy");
    show_int("frozen copy is self", PyObject_CallMethod(f, "copy", NULL) == f);
    M2("union list tuple", s, "union", lst, tup);
    M0("union none", s, "union");
    M1("union dict", f, "union", dct);
    M1("union str", s, "union", S("ab"));
    M1("union int", s, "union", seven);
    M2("intersection", s, "intersection", tup, lst);
    M1("intersection list", s, "intersection", tup);
    M1("frozen intersection", f, "intersection", lst);
    M0("intersection none", s, "intersection");
    M1("difference", s, "difference", tup);
    M2("difference 2", s, "difference", tup, dct);
    M1("frozen difference", f, "difference", lst);
    M1("difference unhashable", s, "difference", unh);
    M1("symmetric_difference", s, "symmetric_difference", tup);
    M1("frozen symmetric_difference", f, "symmetric_difference", lst);
    M1("symmetric_difference set", s, "symmetric_difference", f);
    M1("issubset", s, "issubset", lst);
    M1("issubset tuple", f, "issubset", tup);
    M1("issuperset", s, "issuperset", Py_BuildValue("[ii]", 1, 5));
    M1("issuperset no", s, "issuperset", tup);
    M1("issuperset int", s, "issuperset", seven);
    M1("isdisjoint", s, "isdisjoint", Py_BuildValue("[ii]", 2, 4));
    M1("isdisjoint no", s, "isdisjoint", f);
    M1("isdisjoint self", s, "isdisjoint", s);

    PyObject *t = PySet_New(lst);
    M2("update", t, "update", tup, dct);
    show("t", PyObject_Repr(t));
    M2("intersection_update", t, "intersection_update", lst, f);
    show("t", PyObject_Repr(t));
    M1("difference_update", t, "difference_update", Py_BuildValue("[i]", 9));
    show("t", PyObject_Repr(t));
    M1("symmetric_difference_update", t, "symmetric_difference_update", lst);
    show("t", PyObject_Repr(t));
    M1("symmetric_difference_update self", t, "symmetric_difference_update", t);
    show("t", PyObject_Repr(t));
    M1("update bad", t, "update", seven);
    M0("pop empty", t, "pop");
    PySet_Add(t, seven);
    M0("pop", t, "pop");
    PySet_Add(t, seven);
    M0("clear", t, "clear");
    show("t", PyObject_Repr(t));
    M0("reduce", s, "__reduce__");
    M0("frozen reduce", f, "__reduce__");
    M0("sizeof small", PySet_New(NULL), "__sizeof__");
    PyObject *big = PyObject_CallFunction((PyObject *)&PySet_Type, "N",
                                          PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 100));
    M0("sizeof big", big, "__sizeof__");
    M0("frozen no add", f, "add");
    show("has frozen add", PyBool_FromLong(PyObject_HasAttrString(f, "add")));
    show("has frozen union", PyBool_FromLong(PyObject_HasAttrString(f, "union")));
    Py_Finalize();
    return 0;
}
