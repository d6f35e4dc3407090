/* Weak references from C: PyWeakref_NewRef/NewProxy/GetObject, the shared basic
 * reference and proxy, list order (getweakrefs), callbacks at deallocation (newest first,
 * with the dead reference), hash and equality, proxies forwarding operations and raising
 * ReferenceError once dead, ref subclasses, _remove_dead_weakref, and the errors.
 * Output compared with CPython's. */
#include <Python.h>
#include <stddef.h>
#include <stdio.h>
#include <structmember.h>
#include "testutil.h"

static PyObject *wr_mod;

typedef struct {
    PyObject_HEAD
    PyObject *weaklist;
    long value;
} Box;

static void box_dealloc(PyObject *op)
{
    if (((Box *)op)->weaklist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyObject_Free(op);
}

static PyObject *box_add(PyObject *a, PyObject *b)
{
    long x = PyLong_Check(a) ? PyLong_AsLong(a) : ((Box *)a)->value;
    long y = PyLong_Check(b) ? PyLong_AsLong(b) : ((Box *)b)->value;
    return PyLong_FromLong(x + y);
}

static Py_ssize_t box_len(PyObject *op) { return ((Box *)op)->value; }

static PyObject *box_item(PyObject *op, PyObject *key) { return PyNumber_Multiply(key, key); }

static PyObject *box_call(PyObject *op, PyObject *args, PyObject *kw) { return PyLong_FromSsize_t(PyTuple_GET_SIZE(args)); }

static PyNumberMethods box_number = {.nb_add = box_add};
static PyMappingMethods box_mapping = {.mp_length = box_len, .mp_subscript = box_item};

static PyMemberDef box_members[] = {
    {"value", T_LONG, offsetof(Box, value), 0, NULL},
    {NULL},
};

static PyTypeObject Box_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wrtest.Box",
    .tp_basicsize = sizeof(Box),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = box_dealloc,
    .tp_as_number = &box_number,
    .tp_as_mapping = &box_mapping,
    .tp_members = box_members,
    .tp_weaklistoffset = offsetof(Box, weaklist),
};

static PyTypeObject CallBox_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wrtest.CallBox",
    .tp_basicsize = sizeof(Box),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = box_dealloc,
    .tp_call = box_call,
    .tp_weaklistoffset = offsetof(Box, weaklist),
};

static PyObject *new_box(PyTypeObject *tp, long v)
{
    Box *b = PyObject_New(Box, tp);
    b->weaklist = NULL;
    b->value = v;
    return (PyObject *)b;
}

static void show(const char *what, PyObject *r)
{
    printf("%s: ", what);
    if (r == NULL) {
        show_error();
    } else {
        put(r);
        Py_DECREF(r);
    }
    printf("\n");
}

/* A C-level result that is -1 on error (hash, len, truth), with the error shown. */
static void show_ssize(const char *what, Py_ssize_t v)
{
    printf("%s: ", what);
    if (v == -1 && PyErr_Occurred()) {
        show_error();
    } else {
        printf("%zd", v);
    }
    printf("\n");
}

static PyObject *order;
static PyObject *note(PyObject *tag, PyObject *wr)
{
    printf("  callback %s, referent: %s\n", PyUnicode_AsUTF8(tag), PyWeakref_GetObject(wr) == Py_None ? "None" : "alive");
    PyList_Append(order, tag);
    Py_RETURN_NONE;
}
static PyMethodDef note_def = {"note", note, METH_O, NULL};


static PyObject *cb(const char *tag)
{
    PyObject *t = PyUnicode_FromString(tag);
    PyObject *f = PyCFunction_New(&note_def, t);
    Py_DECREF(t);
    return f;
}

static int same(PyObject *a, PyObject *b) { return a == b; }

static void references(void)
{
    PyObject *b = new_box(&Box_Type, 5);
    PyObject *r0 = PyWeakref_NewRef(b, NULL);
    PyObject *r0b = PyWeakref_NewRef(b, Py_None);
    printf("basic ref shared: %d\n", same(r0, r0b));
    PyObject *c1 = cb("first"), *c2 = cb("second");
    PyObject *r1 = PyWeakref_NewRef(b, c1);
    PyObject *r2 = PyWeakref_NewRef(b, c2);
    PyObject *p = PyWeakref_NewProxy(b, NULL);
    PyObject *p2 = PyWeakref_NewProxy(b, NULL);
    printf("basic proxy shared: %d, with callback distinct: %d\n", same(p, p2), !same(r1, r2));
    printf("GetObject: %d, CheckRef %d, CheckProxy %d, Check %d %d\n", same(PyWeakref_GetObject(r0), b),
           PyWeakref_CheckRef(r0), PyWeakref_CheckProxy(p), PyWeakref_Check(r1), PyWeakref_Check(b));
    PyObject *refs = PyObject_CallMethod(wr_mod, "getweakrefs", "O", b);
    printf("getweakrefs order r0 p r2 r1: %d %d %d %d\n", same(PyList_GET_ITEM(refs, 0), r0), same(PyList_GET_ITEM(refs, 1), p),
           same(PyList_GET_ITEM(refs, 2), r2), same(PyList_GET_ITEM(refs, 3), r1));
    Py_DECREF(refs);
    show("getweakrefcount", PyObject_CallMethod(wr_mod, "getweakrefcount", "O", b));
    show("getweakrefcount(1)", PyObject_CallMethod(wr_mod, "getweakrefcount", "i", 1));
    show("r1.__callback__ is c1", PyBool_FromLong(same(PyObject_GetAttrString(r1, "__callback__"), c1)));
    show("r0.__callback__", PyObject_GetAttrString(r0, "__callback__"));
    PyObject *got = PyObject_CallNoArgs(r0);
    printf("r0() is b: %d\n", got == b);
    Py_XDECREF(got);
    show("r0(1)", PyObject_CallFunction(r0, "i", 1));
    printf("r0 repr starts: %.10s\n", PyUnicode_AsUTF8(PyObject_Repr(r0)));
    Py_hash_t h0 = PyObject_Hash(r0);
    printf("hash(r0) == hash(b): %d\n", h0 == PyObject_Hash(b));
    show("r0 == r1", PyObject_RichCompare(r0, r1, Py_EQ));
    show("r0 != r1", PyObject_RichCompare(r0, r1, Py_NE));
    show("r0 == 1", PyObject_RichCompare(r0, PyLong_FromLong(1), Py_EQ));
    show("r0 < r1", PyObject_RichCompare(r0, r1, Py_LT));
    /* Proxies forward. */
    show("p + 1", PyNumber_Add(p, PyLong_FromLong(1)));
    show("1 + p", PyNumber_Add(PyLong_FromLong(1), p));
    show_ssize("len(p)", PyObject_Size(p));
    show("p[3]", PyObject_GetItem(p, PyLong_FromLong(3)));
    show("p.value", PyObject_GetAttrString(p, "value"));
    PyObject_SetAttrString(p, "value", PyLong_FromLong(7));
    show("b.value after p.value = 7", PyObject_GetAttrString(b, "value"));
    show_ssize("hash(p)", PyObject_Hash(p));
    show_ssize("bool(p)", PyObject_IsTrue(p));
    /* Death: callbacks newest first, each with its (dead) reference. */
    order = PyList_New(0);
    Py_DECREF(b);
    show("callback order", order);
    show("r0() after death", PyObject_CallNoArgs(r0));
    printf("hash(r0) still cached: %d\n", PyObject_Hash(r0) == h0);
    show("r1 == r2 (dead: identity)", PyObject_RichCompare(r1, r2, Py_EQ));
    show("r1 == r1", PyObject_RichCompare(r1, r1, Py_EQ));
    show_ssize("hash(r1) of a dead reference", PyObject_Hash(r1));
    show("p + 1 after death", PyNumber_Add(p, PyLong_FromLong(1)));
    show("p.value after death", PyObject_GetAttrString(p, "value"));
    show_ssize("bool(p) after death", PyObject_IsTrue(p));
    show_ssize("len(p) after death", PyObject_Size(p));
    show("r1.__callback__ after death", PyObject_GetAttrString(r1, "__callback__"));
    Py_DECREF(r0); Py_DECREF(r0b); Py_DECREF(r1); Py_DECREF(r2); Py_DECREF(p); Py_DECREF(p2);
    Py_DECREF(c1); Py_DECREF(c2); Py_DECREF(order);
}

static void callable_proxy_and_failures(void)
{
    PyObject *f = new_box(&CallBox_Type, 0);
    PyObject *p = PyWeakref_NewProxy(f, NULL);
    printf("callable proxy type is CallableProxyType: %d\n", Py_TYPE(p) == &_PyWeakref_CallableProxyType);
    show("p(1, 2, 3)", PyObject_CallFunction(p, "iii", 1, 2, 3));
    Py_DECREF(p);
    PyObject *good = cb("callable box died");
    order = PyList_New(0);
    PyObject *r1 = PyWeakref_NewRef(f, good);
    Py_DECREF(f);
    printf("error pending after dealloc: %d\n", PyErr_Occurred() != NULL);
    show("order", order);
    Py_DECREF(r1); Py_DECREF(good); Py_DECREF(order);
    /* A reference dying before its referent never calls back. */
    PyObject *b = new_box(&Box_Type, 1);
    order = PyList_New(0);
    PyObject *c = cb("never");
    PyObject *r = PyWeakref_NewRef(b, c);
    Py_DECREF(r);
    Py_DECREF(b);
    show("callbacks of a dead reference", order);
    Py_DECREF(c); Py_DECREF(order);
}

static void builtin_types_and_errors(void)
{
    const char *exprs[] = {"int", "str", "tuple", "list", "dict", "set", "frozenset", "type", "module", "builtin"};
    PyObject *objs[10] = {PyLong_FromLong(1), PyUnicode_FromString("a"), PyTuple_New(0), PyList_New(0), PyDict_New(),
                          PySet_New(NULL), PyFrozenSet_New(NULL), Py_NewRef((PyObject *)&PyLong_Type), PyModule_New("m"),
                          PyObject_GetAttrString(wr_mod, "getweakrefs")};
    for (int i = 0; i < 10; i++) {
        PyObject *r = PyWeakref_NewRef(objs[i], NULL);
        printf("ref(%s): ", exprs[i]);
        if (r == NULL) show_error(); else printf("ok");
        printf("\n");
        Py_XDECREF(r);
    }
    /* Sets clear their references when they die. */
    PyObject *s = objs[5];
    PyObject *r = PyWeakref_NewRef(s, NULL);
    objs[5] = NULL;
    Py_DECREF(s);
    printf("ref to a freed set is dead: %d\n", PyWeakref_GetObject(r) == Py_None);
    Py_DECREF(r);
    for (int i = 0; i < 10; i++) Py_XDECREF(objs[i]);
    PyObject *ref_type = PyObject_GetAttrString(wr_mod, "ref");
    show("ref()", PyObject_CallNoArgs(ref_type));
    show("ref(1)", PyObject_CallFunction(ref_type, "i", 1));
    PyObject *b = new_box(&Box_Type, 2);
    show("ref(b, None, 1)", PyObject_CallFunction(ref_type, "OOi", b, Py_None, 1));
    PyObject *kw = Py_BuildValue("{sO}", "callback", Py_None);
    PyObject *args = PyTuple_Pack(1, b);
    show("ref(b, callback=None)", PyObject_Call(ref_type, args, kw));
    show("proxy()", PyObject_CallMethod(wr_mod, "proxy", NULL));
    show("proxy(1)", PyObject_CallMethod(wr_mod, "proxy", "i", 1));
    show("ref.__name__", PyObject_GetAttrString(ref_type, "__name__"));
    show("ref.__module__", PyObject_GetAttrString(ref_type, "__module__"));
    show("ProxyType.__name__", PyObject_GetAttrString((PyObject *)&_PyWeakref_ProxyType, "__name__"));
    /* _remove_dead_weakref */
    PyObject *d = PyDict_New();
    PyObject *b2 = new_box(&Box_Type, 3);
    PyObject *live = PyWeakref_NewRef(b, NULL), *dead = PyWeakref_NewRef(b2, NULL);
    Py_DECREF(b2);
    PyDict_SetItemString(d, "live", live);
    PyDict_SetItemString(d, "dead", dead);
    PyDict_SetItemString(d, "int", PyLong_FromLong(1));
    show("_remove_dead_weakref(d, 'dead')", PyObject_CallMethod(wr_mod, "_remove_dead_weakref", "Os", d, "dead"));
    show("_remove_dead_weakref(d, 'live')", PyObject_CallMethod(wr_mod, "_remove_dead_weakref", "Os", d, "live"));
    show("_remove_dead_weakref(d, 'missing')", PyObject_CallMethod(wr_mod, "_remove_dead_weakref", "Os", d, "missing"));
    show("_remove_dead_weakref(d, 'int')", PyObject_CallMethod(wr_mod, "_remove_dead_weakref", "Os", d, "int"));
    show("_remove_dead_weakref([], 1)", PyObject_CallMethod(wr_mod, "_remove_dead_weakref", "[]i", 1));
    show("keys left", PyDict_Keys(d));
    Py_DECREF(live); Py_DECREF(dead); Py_DECREF(d);
    Py_DECREF(kw); Py_DECREF(args); Py_DECREF(b); Py_DECREF(ref_type);
}

int main(void)
{
    Py_Initialize();
    PyObject *name = PyUnicode_FromString("_weakref");
    wr_mod = PyImport_GetModule(name);
    Py_DECREF(name);
    if (wr_mod == NULL) {
        printf("no _weakref module\n");
        return 1;
    }
    if (PyType_Ready(&Box_Type) < 0 || PyType_Ready(&CallBox_Type) < 0) {
        print_error("PyType_Ready");
        return 1;
    }
    references();
    callable_proxy_and_failures();
    builtin_types_and_errors();
    Py_DECREF(wr_mod);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
