/* mappingproxy: PyDictProxy_New over dicts and other mappings, reads (len, [], in, get,
 * keys/values/items, copy, iteration, reversed, repr/str, ==), refused writes, |, |=,
 * hash, the constructor's errors, and type.__dict__ (a proxy of the type's dict).
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

int main(void)
{
    Py_Initialize();
    PyObject *d = Py_BuildValue("{s:i,s:i}", "a", 1, "b", 2);
    PyObject *p = PyDictProxy_New(d);
    show("proxy", PyObject_Repr(p));
    show("str", PyObject_Str(p));
    show("type", PyObject_Repr((PyObject *)Py_TYPE(p)));
    show_int("len", PyObject_Length(p));
    show("p['a']", PyObject_GetItem(p, S("a")));
    show("p['z']", PyObject_GetItem(p, S("z")));
    show_int("'b' in p", PySequence_Contains(p, S("b")));
    show_int("'z' in p", PySequence_Contains(p, S("z")));
    show_int("[] in p", PySequence_Contains(p, PyList_New(0)));
    show("get a", PyObject_CallMethod(p, "get", "s", "a"));
    show("get z", PyObject_CallMethod(p, "get", "s", "z"));
    show("get z 5", PyObject_CallMethod(p, "get", "si", "z", 5));
    show("get()", PyObject_CallMethod(p, "get", NULL));
    show("keys", PyObject_CallMethod(p, "keys", NULL));
    show("values", PyObject_CallMethod(p, "values", NULL));
    show("items", PyObject_CallMethod(p, "items", NULL));
    PyObject *c = PyObject_CallMethod(p, "copy", NULL);
    show("copy", Py_NewRef(c));
    printf("copy is dict %d is d %d\n", PyDict_CheckExact(c), c == d);
    show("list", PySequence_List(p));
    show_int("== d", PyObject_RichCompareBool(p, d, Py_EQ));
    show_int("!= {}", PyObject_RichCompareBool(p, PyDict_New(), Py_NE));
    show("< d", PyObject_RichCompare(p, d, Py_LT));
    show_int("setitem", PyObject_SetItem(p, S("c"), Py_None));
    show_int("delitem", PyObject_DelItem(p, S("a")));
    show_int("hash", PyObject_Hash(p));
    PyObject *other = Py_BuildValue("{s:i}", "c", 3);
    show("p | {}", PyNumber_Or(p, other));
    show("{} | p", PyNumber_Or(other, p));
    show("p |= {}", PyNumber_InPlaceOr(p, other));
    show("p | 1", PyNumber_Or(p, PyLong_FromLong(1)));
    /* dict | and |= themselves */
    show("dict | list", PyNumber_Or(other, PyList_New(0)));
    PyObject *o2 = PyDict_Copy(other);
    PyObject *r = PyNumber_InPlaceOr(o2, Py_BuildValue("[(si)(si)]", "c", 30, "d", 4));
    printf("ior returns self %d ", r == o2); show("", r);
    show("dict |= int", PyNumber_InPlaceOr(o2, PyLong_FromLong(1)));
    show("dict |= bad pairs", PyNumber_InPlaceOr(o2, Py_BuildValue("[(i)]", 1)));
    PyDict_SetItemString(d, "late", Py_True);
    show("sees changes", PyObject_Repr(p));
    show("proxy of proxy", PyObject_Repr(PyDictProxy_New(p)));
    show("New(list)", PyDictProxy_New(PyList_New(0)));
    show("New(tuple)", PyDictProxy_New(PyTuple_New(0)));
    show("New(int)", PyDictProxy_New(PyLong_FromLong(3)));
    PyObject *T = (PyObject *)&PyDictProxy_Type;
    show("call()", PyObject_CallNoArgs(T));
    show("call(d)", PyObject_CallOneArg(T, d));
    show("call(d, d)", PyObject_CallFunction(T, "OO", d, d));
    PyObject *kw = Py_BuildValue("{s:O}", "mapping", d), *e = PyTuple_New(0);
    show("call(mapping=d)", PyObject_Call(T, e, kw));
    /* type.__dict__ */
    PyObject *td = PyObject_GetAttrString((PyObject *)&PyRange_Type, "__dict__");
    show("range.__dict__ type", PyObject_Repr((PyObject *)Py_TYPE(td)));
    show("range.__dict__ keys", PySequence_List(td));
    show("range.__dict__['count']", PyObject_GetItem(td, S("count")));
    show_int("write type dict", PyObject_SetItem(td, S("x"), Py_None));
    Py_Finalize();
    return 0;
}
