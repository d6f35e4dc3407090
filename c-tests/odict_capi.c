/* The C OrderedDict: PyODict_New/SetItem/DelItem, the PyODict_* macros over the dict
 * functions, PyODict_Check/CheckExact, the type and its views and iterator, and order
 * kept through move_to_end and deletions. */
#include <Python.h>
#include "proto_util.h"

static PyObject *call(PyObject *o, const char *name, const char *fmt, PyObject *arg)
{
    if (arg == NULL)
        return PyObject_CallMethod(o, name, NULL);
    return PyObject_CallMethod(o, name, fmt, arg);
}

int main(void)
{
    Py_Initialize();
    PyObject *od = PyODict_New();
    printf("check: %d exact: %d dict check: %d\n", PyODict_Check(od), PyODict_CheckExact(od), PyDict_Check(od));
    printf("type: %s\n", Py_TYPE(od)->tp_name);
    const char *keys[] = {"c", "a", "b", "d"};
    for (int i = 0; i < 4; i++) {
        PyObject *k = S(keys[i]), *v = PyLong_FromLong(i);
        printf("set %s: %d\n", keys[i], PyODict_SetItem(od, k, v));
        Py_DECREF(k);
        Py_DECREF(v);
    }
    show("od", PyObject_Repr(od));
    show_int("size", PyODict_Size(od));
    show_int("SIZE", PyODict_SIZE(od));
    PyObject *k = S("a");
    show("get a", Py_XNewRef(PyODict_GetItem(od, k)));
    show_int("contains a", PyODict_Contains(od, k));
    show("GetItemString b", Py_XNewRef(PyODict_GetItemString(od, "b")));
    printf("del a: %d\n", PyODict_DelItem(od, k));
    printf("del a again: %d\n", PyODict_DelItem(od, k));
    show_err("error");
    show_int("contains a", PyODict_Contains(od, k));
    Py_DECREF(k);
    PyObject *kc = S("c");
    show("move_to_end c", call(od, "move_to_end", "O", kc));
    show("keys", PySequence_List(od));
    show("move c first", PyObject_CallMethod(od, "move_to_end", "OO", kc, Py_False));
    Py_DECREF(kc);
    show("items", call(od, "items", NULL, NULL));
    show("reversed values", PyObject_CallFunction((PyObject *)&PyList_Type, "N",
                                                   PyObject_CallMethod(call(od, "values", NULL, NULL), "__reversed__", NULL)));
    PyObject *it = PyObject_GetIter(od);
    printf("iterator type: %s, is PyODictIter_Type: %d\n", Py_TYPE(it)->tp_name, Py_IS_TYPE(it, &PyODictIter_Type));
    Py_DECREF(it);
    PyObject *view = call(od, "keys", NULL, NULL);
    printf("keys view: %s %d\n", Py_TYPE(view)->tp_name, Py_IS_TYPE(view, &PyODictKeys_Type));
    Py_DECREF(view);
    PyObject *plain = PyDict_Copy(od);
    show("as dict", PyObject_Repr(plain));
    show_int("equal to dict", PyObject_RichCompareBool(od, plain, Py_EQ));
    Py_DECREF(plain);
    PyObject *dict_view = _PyDictView_New(od, &PyDictItems_Type);
    show("_PyDictView_New", PyObject_Repr(dict_view));
    Py_XDECREF(dict_view);
    show("_PyDictView_New on list", _PyDictView_New(Py_None, &PyDictKeys_Type));
    show("popitem first", PyObject_CallMethod(od, "popitem", "O", Py_False));
    show("od", PyObject_Repr(od));
    printf("SetItem on dict: %d\n", PyODict_SetItem(Py_None, Py_None, Py_None));
    show_err("error");
    Py_DECREF(od);
    Py_Finalize();
    return 0;
}
