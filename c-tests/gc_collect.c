/* The cycle collector from C: cycles of an extension GC type and of builtin containers are
 * found with the right count and freed; reachable cycles survive; a finalizer (PEP 442)
 * runs once and may resurrect; legacy tp_del objects go to gc.garbage; weak references in
 * and to garbage; gc.callbacks; thresholds trigger collections on allocation; freeze;
 * get_referents/get_referrers/is_tracked; the gc module's errors; PyGC_*.
 * Output compared with CPython's. */
#include <Python.h>
#include <stddef.h>
#include <stdio.h>
#include "testutil.h"

static PyObject *gc;
static int deallocs, finalized;
static PyObject *resurrected;

typedef struct {
    PyObject_HEAD
    PyObject *other;
    PyObject *extra;
    PyObject *weaklist;
} Node;

static int node_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((Node *)op)->other);
    Py_VISIT(((Node *)op)->extra);
    return 0;
}

static int node_clear(PyObject *op)
{
    Py_CLEAR(((Node *)op)->other);
    Py_CLEAR(((Node *)op)->extra);
    return 0;
}

static void node_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (((Node *)op)->weaklist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    node_clear(op);
    deallocs++;
    PyObject_GC_Del(op);
}

/* A finalizer that resurrects its object while `resurrect` is set. */
static int resurrect;
static void node_finalize(PyObject *op)
{
    finalized++;
    if (resurrect && resurrected == NULL) {
        Py_INCREF(op);
        resurrected = op;
    }
}

static void node_del(PyObject *op)
{
    (void)op;
}

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gctest.Node",
    .tp_basicsize = sizeof(Node),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_dealloc = node_dealloc,
    .tp_weaklistoffset = offsetof(Node, weaklist),
};

static PyTypeObject FinNode_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gctest.FinNode",
    .tp_basicsize = sizeof(Node),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_dealloc = node_dealloc,
    .tp_finalize = node_finalize,
};

static PyTypeObject DelNode_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gctest.DelNode",
    .tp_basicsize = sizeof(Node),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_dealloc = node_dealloc,
    .tp_del = node_del,
};

static PyObject *new_node(PyTypeObject *tp)
{
    Node *n = PyObject_GC_New(Node, tp);
    n->other = n->extra = n->weaklist = NULL;
    PyObject_GC_Track((PyObject *)n);
    return (PyObject *)n;
}

/* a <-> b, returned as a new reference to a (b only reachable through a). */
static PyObject *pair(PyTypeObject *tp)
{
    PyObject *a = new_node(tp), *b = new_node(tp);
    ((Node *)a)->other = b;
    Py_INCREF(a);
    ((Node *)b)->other = a;
    return a;
}

static long collect(int generation)
{
    PyObject *r = PyObject_CallMethod(gc, "collect", "i", generation);
    if (r == NULL) {
        print_error("collect");
        return -1;
    }
    long n = PyLong_AsLong(r);
    Py_DECREF(r);
    return n;
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

/* collect(generation), then the value of a counter read after it (C leaves the order of
 * printf's arguments open, so the two are sequenced here). */
static long collect_then(int generation, int *counter, int *after)
{
    long n = collect(generation);
    *after = *counter;
    return n;
}

static void extension_cycles(void)
{
    deallocs = 0;
    for (int i = 0; i < 100; i++) {
        Py_DECREF(pair(&Node_Type));
    }
    printf("before collect: deallocs=%d\n", deallocs);
    int d;
    long n = collect_then(2, &deallocs, &d);
    printf("collect() = %ld, deallocs=%d\n", n, d);
    printf("second collect() = %ld\n", collect(2));

    /* A reachable cycle survives, the unreachable one beside it goes. */
    PyObject *kept = pair(&Node_Type);
    Py_DECREF(pair(&Node_Type));
    deallocs = 0;
    n = collect_then(2, &deallocs, &d);
    printf("with one reachable cycle: collect() = %ld, deallocs=%d\n", n, d);
    show("is_tracked(kept)", PyObject_CallMethod(gc, "is_tracked", "O", kept));
    Py_DECREF(kept);
    n = collect_then(2, &deallocs, &d);
    printf("after release: collect() = %ld, deallocs=%d\n", n, d);
    /* Younger generations only. */
    Py_DECREF(pair(&Node_Type));
    printf("collect(0) = %ld\n", collect(0));
    Py_DECREF(pair(&Node_Type));
    printf("collect(1) = %ld\n", collect(1));
}

static void container_cycles(void)
{
    PyObject *l = PyList_New(0);
    PyList_Append(l, l);
    Py_DECREF(l);
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "self", d);
    Py_DECREF(d);
    PyObject *l2 = PyList_New(0);
    PyObject *t = PyTuple_Pack(2, l2, Py_None);
    PyList_Append(l2, t);
    Py_DECREF(t);
    Py_DECREF(l2);
    PyObject *s = PySet_New(NULL);
    PyObject *n = new_node(&Node_Type);
    Py_INCREF(s);
    ((Node *)n)->other = s;
    PySet_Add(s, n);
    Py_DECREF(n);
    Py_DECREF(s);
    printf("builtin container cycles: collect() = %ld\n", collect(2));
}

static void finalizers(void)
{
    deallocs = finalized = 0;
    resurrect = 1;
    Py_DECREF(pair(&FinNode_Type));
    long n = collect(2);
    printf("resurrecting: collect() = %ld, finalized=%d, deallocs=%d, resurrected=%d\n",
           n, finalized, deallocs, resurrected != NULL);
    show("is_finalized(resurrected)", PyObject_CallMethod(gc, "is_finalized", "O", resurrected));
    resurrect = 0;
    Py_CLEAR(resurrected);
    n = collect(2);
    printf("released: collect() = %ld, finalized=%d, deallocs=%d\n", n, finalized, deallocs);

    /* A finalized object dying by refcount is not finalized again. */
    deallocs = finalized = 0;
    PyObject *solo = new_node(&FinNode_Type);
    Py_DECREF(solo);
    printf("plain dealloc: finalized=%d deallocs=%d\n", finalized, deallocs);
}

/* get_stats()[2]'s collections, collected and uncollectable counts. */
static long full_base[3];

static int full_stats(PyObject *stats, long out[3])
{
    static const char *const keys[3] = {"collections", "collected", "uncollectable"};
    PyObject *gen2 = PySequence_GetItem(stats, 2);
    if (gen2 == NULL) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        PyObject *v = PyDict_GetItemString(gen2, keys[i]);
        out[i] = v ? PyLong_AsLong(v) : -1;
    }
    Py_DECREF(gen2);
    return 0;
}

static void legacy_del(void)
{
    PyObject *garbage = PyObject_GetAttrString(gc, "garbage");
    PyObject *a = new_node(&DelNode_Type);
    PyObject *l = PyList_New(0);
    PyList_Append(l, a);
    ((Node *)a)->other = l;
    Py_DECREF(a);
    long n = collect(2);
    printf("tp_del cycle: collect() = %ld, len(gc.garbage)=%zd\n", n, PyList_GET_SIZE(garbage));
    if (PyList_GET_SIZE(garbage) == 1) {
        printf("garbage[0] is the tp_del object: %d\n", PyList_GET_ITEM(garbage, 0) == a);
    }
    /* Generations 0 and 1 count what each implementation allocates; the full
     * collections since main's first are this test's own (that first one frees whatever
     * start-up left, which depends on the site-packages' .pth files). */
    PyObject *stats = PyObject_CallMethod(gc, "get_stats", NULL);
    long full[3];
    if (stats && full_stats(stats, full) == 0) {
        printf("get_stats()[2] since the first collection: collections %ld, collected %ld, uncollectable %ld\n",
               full[0] - full_base[0], full[1] - full_base[1], full[2] - full_base[2]);
    } else {
        print_error("get_stats");
    }
    Py_XDECREF(stats);
    /* Break the cycle by hand. */
    Py_CLEAR(((Node *)a)->other);
    PyList_SetSlice(garbage, 0, PyList_GET_SIZE(garbage), NULL);
    Py_DECREF(garbage);
    printf("after clearing gc.garbage: collect() = %ld\n", collect(2));
}

static int callback_calls;
static PyObject *note_callback(PyObject *self, PyObject *wr)
{
    callback_calls++;
    printf("  weakref callback, referent now: %s\n", PyWeakref_GetObject(wr) == Py_None ? "None" : "alive");
    Py_RETURN_NONE;
}
static PyMethodDef note_def = {"note", note_callback, METH_O, NULL};

static void weakrefs_in_garbage(void)
{
    PyObject *cb = PyCFunction_New(&note_def, NULL);
    callback_calls = 0;
    PyObject *a = pair(&Node_Type);
    PyObject *r = PyWeakref_NewRef(a, cb);
    /* A weak reference that is part of the garbage itself: its callback never runs. */
    ((Node *)a)->extra = PyWeakref_NewRef(((Node *)a)->other, cb);
    Py_DECREF(a);
    long n = collect(2);
    printf("cycle with weakrefs: collect() = %ld, callbacks=%d\n", n, callback_calls);
    printf("r() is None: %d\n", PyWeakref_GetObject(r) == Py_None);
    Py_DECREF(r);
    Py_DECREF(cb);
}

static PyObject *gc_callback(PyObject *self, PyObject *args)
{
    PyObject *phase, *info;
    if (!PyArg_ParseTuple(args, "OO", &phase, &info)) {
        return NULL;
    }
    printf("  gc callback %s: ", PyUnicode_AsUTF8(phase));
    put(info);
    printf("\n");
    Py_RETURN_NONE;
}
static PyMethodDef gc_callback_def = {"gccb", gc_callback, METH_VARARGS, NULL};

static void callbacks(void)
{
    PyObject *list = PyObject_GetAttrString(gc, "callbacks");
    PyObject *cb = PyCFunction_New(&gc_callback_def, NULL);
    PyList_Append(list, cb);
    Py_DECREF(pair(&Node_Type));
    printf("collect(1) with a callback = %ld\n", collect(1));
    PyList_SetSlice(list, 0, 1, NULL);
    Py_DECREF(cb);
    Py_DECREF(list);
}

static void automatic(void)
{
    show("get_threshold()", PyObject_CallMethod(gc, "get_threshold", NULL));
    show("set_threshold(5)", PyObject_CallMethod(gc, "set_threshold", "i", 5));
    show("get_threshold()", PyObject_CallMethod(gc, "get_threshold", NULL));
    deallocs = 0;
    for (int i = 0; i < 50; i++) {
        Py_DECREF(pair(&Node_Type));
    }
    printf("automatic collections freed some: %d\n", deallocs > 0);
    PyGC_Disable();
    collect(2);
    deallocs = 0;
    for (int i = 0; i < 50; i++) {
        Py_DECREF(pair(&Node_Type));
    }
    printf("disabled: deallocs=%d\n", deallocs);
    printf("PyGC_IsEnabled=%d\n", PyGC_IsEnabled());
    printf("PyGC_Collect while disabled=%zd\n", PyGC_Collect());
    printf("PyGC_Enable=%d\n", PyGC_Enable());
    printf("PyGC_Enable=%d\n", PyGC_Enable());
    Py_ssize_t c = PyGC_Collect();
    printf("PyGC_Collect=%zd deallocs=%d\n", c, deallocs);
    show("set_threshold(700, 10, 10)", PyObject_CallMethod(gc, "set_threshold", "iii", 700, 10, 10));
    printf("PyGC_Disable=%d\n", PyGC_Disable());
    printf("PyGC_Disable=%d\n", PyGC_Disable());
    show("isenabled()", PyObject_CallMethod(gc, "isenabled", NULL));
    show("enable()", PyObject_CallMethod(gc, "enable", NULL));
    show("isenabled()", PyObject_CallMethod(gc, "isenabled", NULL));
}

static void freezing(void)
{
    collect(2);
    PyObject *frozen_pair = pair(&Node_Type);
    Py_DECREF(frozen_pair);
    show("freeze()", PyObject_CallMethod(gc, "freeze", NULL));
    PyObject *n = PyObject_CallMethod(gc, "get_freeze_count", NULL);
    printf("get_freeze_count() > 0: %d\n", PyLong_AsLong(n) > 0);
    Py_DECREF(n);
    printf("frozen cycle not collected: %ld\n", collect(2));
    show("unfreeze()", PyObject_CallMethod(gc, "unfreeze", NULL));
    show("get_freeze_count()", PyObject_CallMethod(gc, "get_freeze_count", NULL));
    printf("after unfreeze: collect() = %ld\n", collect(2));
}

static void referents(void)
{
    PyObject *x = PyUnicode_FromString("x");
    PyObject *l = Py_BuildValue("[iOO]", 1, x, Py_None);
    PyObject *t = Py_BuildValue("(iO)", 2, l);
    PyObject *d = Py_BuildValue("{sisO}", "a", 1, "b", t);
    PyObject *d2 = Py_BuildValue("{iO}", 3, x);
    PyObject *s = Py_BuildValue("(i)", 7);
    show("get_referents(list)", PyObject_CallMethod(gc, "get_referents", "O", l));
    show("get_referents(tuple)", PyObject_CallMethod(gc, "get_referents", "(O)", t));
    show("get_referents(str-keyed dict)", PyObject_CallMethod(gc, "get_referents", "O", d));
    show("get_referents(int-keyed dict)", PyObject_CallMethod(gc, "get_referents", "O", d2));
    show("get_referents(1, 'x')", PyObject_CallMethod(gc, "get_referents", "Oi", x, 1));
    show("get_referents(list, tuple)", PyObject_CallMethod(gc, "get_referents", "OO", l, s));
    PyObject *refs = PyObject_CallMethod(gc, "get_referrers", "O", l);
    printf("get_referrers(list) contains the tuple: %d\n", refs ? PySequence_Contains(refs, t) : -1);
    Py_XDECREF(refs);
    show("is_tracked(1)", PyObject_CallMethod(gc, "is_tracked", "i", 1));
    show("is_tracked([])", PyObject_CallMethod(gc, "is_tracked", "O", l));
    PyObject *atoms = Py_BuildValue("(is)", 1, "a");
    show("is_tracked((1, 'a'))", PyObject_CallMethod(gc, "is_tracked", "(O)", atoms));
    collect(2);
    show("is_tracked((1, 'a')) after a collection", PyObject_CallMethod(gc, "is_tracked", "(O)", atoms));
    show("is_tracked(tuple holding a list) after a collection", PyObject_CallMethod(gc, "is_tracked", "(O)", t));
    show("is_tracked({}) ", PyObject_CallMethod(gc, "is_tracked", "O", d2));
    show("is_finalized([])", PyObject_CallMethod(gc, "is_finalized", "O", l));
    PyObject *objs = PyObject_CallMethod(gc, "get_objects", NULL);
    printf("get_objects() contains the list: %d, not itself: %d\n", PySequence_Contains(objs, l), !PySequence_Contains(objs, objs));
    Py_DECREF(objs);
    Py_DECREF(atoms);
    Py_DECREF(x); Py_DECREF(l); Py_DECREF(t); Py_DECREF(d); Py_DECREF(d2); Py_DECREF(s);
}

static void saveall(void)
{
    PyObject *garbage = PyObject_GetAttrString(gc, "garbage");
    show("set_debug(DEBUG_SAVEALL)", PyObject_CallMethod(gc, "set_debug", "i", 32));
    show("get_debug()", PyObject_CallMethod(gc, "get_debug", NULL));
    Py_DECREF(pair(&Node_Type));
    long n = collect(2);
    printf("SAVEALL: collect() = %ld, len(gc.garbage)=%zd\n", n, PyList_GET_SIZE(garbage));
    show("set_debug(0)", PyObject_CallMethod(gc, "set_debug", "i", 0));
    PyList_SetSlice(garbage, 0, PyList_GET_SIZE(garbage), NULL);
    printf("freed after SAVEALL: collect() = %ld\n", collect(2));
    Py_DECREF(garbage);
}

static void errors(void)
{
    show("collect(3)", PyObject_CallMethod(gc, "collect", "i", 3));
    show("collect(-1)", PyObject_CallMethod(gc, "collect", "i", -1));
    show("collect('a')", PyObject_CallMethod(gc, "collect", "s", "a"));
    show("collect(1, 2)", PyObject_CallMethod(gc, "collect", "ii", 1, 2));
    show("get_objects(3)", PyObject_CallMethod(gc, "get_objects", "i", 3));
    show("get_objects(-2)", PyObject_CallMethod(gc, "get_objects", "i", -2));
    show("get_objects('a')", PyObject_CallMethod(gc, "get_objects", "s", "a"));
    PyObject *objs = PyObject_CallMethod(gc, "get_objects", "i", 2);
    show("get_objects(2) type", PyObject_Type(objs));
    Py_XDECREF(objs);
    show("set_threshold()", PyObject_CallMethod(gc, "set_threshold", NULL));
    show("set_threshold(1, 2, 3, 4)", PyObject_CallMethod(gc, "set_threshold", "iiii", 1, 2, 3, 4));
    show("set_debug('x')", PyObject_CallMethod(gc, "set_debug", "s", "x"));
    show("is_tracked()", PyObject_CallMethod(gc, "is_tracked", NULL));
    PyObject *flags = PyObject_GetAttrString(gc, "DEBUG_LEAK");
    show("DEBUG_LEAK", flags);
}

int main(void)
{
    Py_Initialize();
    gc = PyImport_ImportModule("gc");
    if (gc == NULL) {
        printf("no gc module\n");
        return 1;
    }
    if (PyType_Ready(&Node_Type) < 0 || PyType_Ready(&FinNode_Type) < 0 || PyType_Ready(&DelNode_Type) < 0) {
        print_error("PyType_Ready");
        return 1;
    }
    collect(2);
    PyObject *stats = PyObject_CallMethod(gc, "get_stats", NULL);
    if (stats == NULL || full_stats(stats, full_base) < 0) {
        print_error("get_stats");
        return 1;
    }
    Py_DECREF(stats);
    extension_cycles();
    container_cycles();
    finalizers();
    legacy_del();
    weakrefs_in_garbage();
    callbacks();
    automatic();
    freezing();
    referents();
    saveall();
    errors();
    Py_DECREF(gc);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
