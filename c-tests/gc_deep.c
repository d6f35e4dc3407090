/* Deep structures: deallocating a list, tuple, dict or set-holding chain nested 1,000,000
 * deep, a chain of 1,000,000 heap-type instances (__slots__-style members), and a chain of
 * an extension type whose dealloc uses Py_TRASHCAN_BEGIN/END does not overflow the C
 * stack; the collector marks and frees a 1,000,000-long cycle. Compared with CPython. */
// ferropy-test: timeout=120
#include <Python.h>
#include <stdio.h>
#include <structmember.h>
#include "testutil.h"
#include "gc_util.h"

#define DEPTH 1000000

typedef struct {
    PyObject_HEAD
    PyObject *next;
} Link;

static long link_deallocs;

static int link_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((Link *)op)->next);
    return 0;
}

static int link_clear(PyObject *op)
{
    Py_CLEAR(((Link *)op)->next);
    return 0;
}

static void link_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, link_dealloc)
    Py_CLEAR(((Link *)op)->next);
    link_deallocs++;
    PyObject_GC_Del(op);
    Py_TRASHCAN_END
}

static PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "deep.Link",
    .tp_basicsize = sizeof(Link),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = link_traverse,
    .tp_clear = link_clear,
    .tp_dealloc = link_dealloc,
};

static void nested(const char *what, PyObject *(*wrap)(PyObject *))
{
    PyObject *o = Py_NewRef(Py_None);
    for (int i = 0; i < DEPTH; i++) {
        PyObject *w = wrap(o);
        Py_DECREF(o);
        o = w;
    }
    Py_DECREF(o);
    printf("%s nested %d deep: freed\n", what, DEPTH);
}

static PyObject *in_list(PyObject *o) { return Py_BuildValue("[O]", o); }
static PyObject *in_tuple(PyObject *o) { return PyTuple_Pack(1, o); }
static PyObject *in_dict(PyObject *o) { return Py_BuildValue("{sO}", "k", o); }
static PyObject *in_set(PyObject *o)
{
    PyObject *l = in_list(o), *t = PyTuple_Pack(1, Py_None), *s = PySet_New(t);
    Py_DECREF(t);
    /* A set can only hold hashables: chain through a list beside it. */
    PyObject *pair = PyTuple_Pack(2, s, l);
    Py_DECREF(s);
    Py_DECREF(l);
    return pair;
}

static PyObject *new_link(PyObject *next)
{
    Link *l = PyObject_GC_New(Link, &Link_Type);
    l->next = Py_NewRef(next);
    PyObject_GC_Track(l);
    return (PyObject *)l;
}

static PyMemberDef node_members[] = {
    {"next", T_OBJECT_EX, sizeof(PyObject), 0, NULL},
    {NULL},
};

static int node_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(*(PyObject **)((char *)op + sizeof(PyObject)));
    Py_VISIT(Py_TYPE(op));
    return 0;
}

static PyType_Slot node_slots[] = {
    {Py_tp_members, node_members},
    {Py_tp_traverse, node_traverse},
    {0, NULL},
};

static PyType_Spec node_spec = {
    "deep.Node", sizeof(PyObject) + sizeof(PyObject *), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, node_slots,
};

static PyObject *node_type;
static PyObject *heap_node(PyObject *next)
{
    PyObject *n = PyObject_CallNoArgs(node_type);
    PyObject_SetAttrString(n, "next", next);
    return n;
}

int main(void)
{
    Py_Initialize();
    PyObject *gc = builtin_module("gc");
    if (gc == NULL || PyType_Ready(&Link_Type) < 0) {
        printf("setup failed\n");
        return 1;
    }
    node_type = PyType_FromSpec(&node_spec);
    if (node_type == NULL) {
        print_error("PyType_FromSpec");
        return 1;
    }
    nested("list", in_list);
    nested("tuple", in_tuple);
    nested("dict", in_dict);
    nested("set and list", in_set);
    nested("heap-type instance", heap_node);
    nested("Py_TRASHCAN extension object", new_link);
    printf("Link deallocs: %ld\n", link_deallocs);

    /* A live deep structure is marked without recursion, then a long cycle is freed. */
    PyObject *deep = Py_NewRef(Py_None);
    for (int i = 0; i < DEPTH; i++) {
        PyObject *w = in_list(deep);
        Py_DECREF(deep);
        deep = w;
    }
    PyObject *r = PyObject_CallMethod(gc, "collect", NULL);
    printf("collect() with a live deep list: ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    /* Close the chain into a cycle: innermost list gets the outermost. */
    PyObject *inner = deep;
    for (int i = 0; i < DEPTH - 1; i++) {
        inner = PyList_GET_ITEM(inner, 0);
    }
    PyList_SetItem(inner, 0, Py_NewRef(deep));
    Py_DECREF(deep);
    r = PyObject_CallMethod(gc, "collect", NULL);
    printf("collect() of a %d-long cycle: ", DEPTH);
    put(r);
    printf("\n");
    Py_XDECREF(r);
    Py_DECREF(node_type);
    Py_DECREF(gc);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
