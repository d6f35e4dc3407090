/* reversed() of a dict and of its keys/values/items views: the reverse iterator types
 * (dict_reversekeyiterator, dict_reversevalueiterator, dict_reverseitemiterator, exported as
 * PyDictRevIter*_Type), order with deleted entries, __length_hint__, size changes during
 * iteration, exhausted iterators, empty dicts, subclasses, mappingproxy, and the forward
 * iterators' __length_hint__. Expected output: CPython 3.11's. */
#include "proto_util.h"

static PyObject *rev(PyObject *o)
{
    return PyObject_CallOneArg((PyObject *)&PyReversed_Type, o);
}

/* Prints the type name, then every item, of reversed(o). */
static void walk(const char *label, PyObject *o)
{
    PyObject *it = rev(o);
    if (it == NULL) {
        show_err(label);
        return;
    }
    printf("%s: %s [", label, Py_TYPE(it)->tp_name);
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        PyObject_Print(x, stdout, 0);
        printf(" ");
        Py_DECREF(x);
    }
    printf("]");
    if (PyErr_Occurred())
        show_err(" error");
    else
        printf("\n");
    Py_DECREF(it);
}

static void hint(const char *label, PyObject *it)
{
    show(label, PyObject_CallMethod(it, "__length_hint__", NULL));
}

int main(void)
{
    Py_Initialize();
    PyObject *d = Py_BuildValue("{sisisisisi}", "a", 1, "b", 2, "c", 3, "d", 4, "e", 5);
    walk("dict", d);
    PyObject *keys = PyObject_CallMethod(d, "keys", NULL);
    PyObject *values = PyObject_CallMethod(d, "values", NULL);
    PyObject *items = PyObject_CallMethod(d, "items", NULL);
    walk("keys", keys);
    walk("values", values);
    walk("items", items);

    /* deleted entries: first, middle, last; then a re-added key goes last */
    PyDict_DelItemString(d, "a");
    PyDict_DelItemString(d, "c");
    PyDict_DelItemString(d, "e");
    walk("after deletions", d);
    PyDict_SetItemString(d, "a", Py_None);
    walk("re-added", items);

    /* type objects are the exported ones */
    PyObject *r;
    PyObject *it = rev(d);
    printf("key type exported: %d\n", Py_TYPE(it) == &PyDictRevIterKey_Type);
    PyObject *vit = rev(values);
    printf("value type exported: %d\n", Py_TYPE(vit) == &PyDictRevIterValue_Type);
    PyObject *iit = rev(items);
    printf("item type exported: %d\n", Py_TYPE(iit) == &PyDictRevIterItem_Type);
    show("iter(it) is it", PyBool_FromLong(PyObject_GetIter(it) == it));
    Py_DECREF(it); /* the reference GetIter returned */
    hint("hint at start", it);
    show("next", PyIter_Next(it));
    hint("hint after one", it);

    /* a size change: RuntimeError, then exhausted */
    PyDict_SetItemString(d, "z", Py_None);
    show("next after insert", PyIter_Next(it));
    hint("hint after error", it);
    show("next again", PyIter_Next(it));
    show("value next after insert", PyIter_Next(vit));
    PyDict_DelItemString(d, "z");
    show("item next, size back", PyIter_Next(iit));
    Py_DECREF(it);
    Py_DECREF(vit);
    Py_DECREF(iit);

    /* same size, keys replaced: the walk goes on over positions */
    PyObject *d2 = Py_BuildValue("{iiii}", 1, 10, 2, 20);
    it = rev(d2);
    show("d2 next", PyIter_Next(it));
    PyDict_DelItem(d2, PyLong_FromLong(2));
    PyDict_SetItem(d2, PyLong_FromLong(3), PyLong_FromLong(30));
    show("d2 next after replace", PyIter_Next(it));
    show("d2 next end", PyIter_Next(it));
    hint("d2 hint end", it);
    Py_DECREF(it);

    /* empty, cleared */
    PyObject *e = PyDict_New();
    walk("empty", e);
    it = rev(e);
    hint("empty hint", it);
    Py_DECREF(it);
    PyObject *d3 = Py_BuildValue("{ii}", 1, 2);
    it = rev(d3);
    PyDict_Clear(d3);
    show("next after clear", PyIter_Next(it));
    Py_DECREF(it);

    /* the methods themselves, a subclass, a mappingproxy */
    r = PyObject_CallMethod(d, "__reversed__", NULL);
    printf("d.__reversed__(): %s\n", Py_TYPE(r)->tp_name);
    Py_DECREF(r);
    r = PyObject_CallMethod(items, "__reversed__", NULL);
    printf("items.__reversed__: %s\n", Py_TYPE(r)->tp_name);
    Py_DECREF(r);
    PyObject *sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "D", &PyDict_Type);
    if (sub == NULL)
        show_err("class D(dict)");
    PyObject *s = PyObject_CallFunction(sub, "([(ii)(ii)])", 1, 2, 3, 4);
    if (s == NULL)
        show_err("D(...)");
    walk("subclass", s);
    PyObject *proxy = PyDictProxy_New(d);
    walk("mappingproxy", proxy);
    PyObject *doc = PyObject_GetAttrString((PyObject *)&PyDict_Type, "__reversed__");
    show("dict.__reversed__.__doc__", PyObject_GetAttrString(doc, "__doc__"));
    Py_DECREF(doc);
    doc = PyObject_GetAttrString(values, "__reversed__");
    show("values.__reversed__.__doc__", PyObject_GetAttrString(doc, "__doc__"));
    Py_DECREF(doc);
    show("reversed(d, 1)", PyObject_CallFunction((PyObject *)&PyReversed_Type, "Oi", d, 1));
    show("d.__reversed__(1)", PyObject_CallMethod(d, "__reversed__", "i", 1));

    /* forward iterators' __length_hint__ */
    it = PyObject_GetIter(items);
    hint("forward hint", it);
    Py_XDECREF(PyIter_Next(it));
    hint("forward hint after one", it);
    Py_DECREF(it);

    /* item tuples handed out stay intact when the next one is made (kept or dropped) */
    PyObject *dd = Py_BuildValue("{sisisi}", "x", 1, "y", 2, "z", 3);
    PyObject *ddi = PyObject_CallMethod(dd, "items", NULL);
    for (int fwd = 0; fwd < 2; fwd++) {
        it = fwd ? PyObject_GetIter(ddi) : rev(ddi);
        PyObject *first = PyIter_Next(it);
        PyObject *second = PyIter_Next(it);
        show("kept first", Py_NewRef(first));
        show("kept second", Py_NewRef(second));
        Py_DECREF(first);
        Py_DECREF(second);
        PyObject *third = PyIter_Next(it);
        show("third", third);
        show("end", PyIter_Next(it));
        Py_DECREF(it);
    }
    PyObject *listed = PySequence_List(ddi);
    show("list(items)", listed);
    it = rev(ddi);
    show("list(reversed(items))", PySequence_List(it));
    Py_DECREF(it);
    Py_DECREF(ddi);
    Py_DECREF(dd);
    Py_DECREF(proxy);
    Py_DECREF(s);
    Py_DECREF(sub);
    Py_DECREF(d3);
    Py_DECREF(e);
    Py_DECREF(d2);
    Py_DECREF(keys);
    Py_DECREF(values);
    Py_DECREF(items);
    Py_DECREF(d);
    Py_FinalizeEx();
    return 0;
}
