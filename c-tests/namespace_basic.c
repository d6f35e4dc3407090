/* types.SimpleNamespace: _PyNamespace_New (internal to CPython but exported, declared here),
 * calling the type with keywords, attribute get/set/delete, __dict__, repr (also
 * recursive, and of a subclass), equality, __reduce__, CPython's errors.
 * Expected output: CPython 3.11's, in the same run. */
#include "proto_util.h"

extern PyTypeObject _PyNamespace_Type;
PyObject *_PyNamespace_New(PyObject *kwds);

int main(void)
{
    Py_Initialize();
    PyObject *kw = Py_BuildValue("{s:i,s:s}", "b", 2, "a", "x");
    PyObject *ns = _PyNamespace_New(kw);
    show("ns", PyObject_Repr(ns));
    show("type", PyObject_Repr((PyObject *)Py_TYPE(ns)));
    show("ns.a", PyObject_GetAttrString(ns, "a"));
    show("ns.zz", PyObject_GetAttrString(ns, "zz"));
    show_int("set c", PyObject_SetAttrString(ns, "c", Py_None));
    show_int("del b", PyObject_DelAttrString(ns, "b"));
    show_int("del b again", PyObject_DelAttrString(ns, "b"));
    show("after", PyObject_Repr(ns));
    show("__dict__", PyObject_GetAttrString(ns, "__dict__"));
    show("reduce", PyObject_CallMethod(ns, "__reduce__", NULL));
    show_int("set self", PyObject_SetAttrString(ns, "me", ns));
    show("recursive", PyObject_Repr(ns));
    PyObject_DelAttrString(ns, "me");
    show("empty", _PyNamespace_New(NULL));
    PyObject *T = (PyObject *)&_PyNamespace_Type, *e = PyTuple_New(0);
    PyObject *n2 = PyObject_Call(T, e, Py_BuildValue("{s:s,s:O}", "a", "x", "c", Py_None));
    show("called", PyObject_Repr(n2));
    show_int("ns == n2", PyObject_RichCompareBool(ns, n2, Py_EQ));
    show_int("ns != n2", PyObject_RichCompareBool(ns, n2, Py_NE));
    PyObject_SetAttrString(n2, "c", Py_True);
    show_int("ns == n2 changed", PyObject_RichCompareBool(ns, n2, Py_EQ));
    show("ns < n2", PyObject_RichCompare(ns, n2, Py_LT));
    show("ns == dict", PyObject_RichCompare(ns, kw, Py_EQ));
    show("positional", PyObject_CallFunction(T, "i", 1));
    show("call()", PyObject_CallNoArgs(T));
    PyObject *bases = PyTuple_Pack(1, T), *d = PyDict_New();
    PyObject *sub = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "Sub", bases, d);
    PyObject *s = PyObject_Call(sub, e, Py_BuildValue("{s:i}", "q", 1));
    show("subclass", PyObject_Repr(s));
    show_int("sub == ns-like", PyObject_RichCompareBool(s, _PyNamespace_New(Py_BuildValue("{s:i}", "q", 1)), Py_EQ));
    show("type doc", PyObject_GetAttrString(T, "__doc__"));
    show("type module", PyObject_GetAttrString(T, "__module__"));
    Py_Finalize();
    return 0;
}
