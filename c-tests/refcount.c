/* Reference counting and object-header macros of object.h/objimpl.h, with a static type
 * declared C-style. Needs no interpreter: only the inline macros and the library's
 * _Py_Dealloc, Py_IncRef and Py_DecRef run. The expected output (refcount.out) is
 * CPython 3.11's. */
#include <Python.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    PyObject_HEAD
    const char *name;
    PyObject *child;
} Obj;

typedef struct {
    PyObject_VAR_HEAD
    int items[8];
} VarObj;

static int deallocs;

static void
obj_dealloc(PyObject *op)
{
    Obj *self = (Obj *)op;
    deallocs++;
    printf("  dealloc %s (refcnt %zd)\n", self->name, Py_REFCNT(op));
    Py_CLEAR(self->child);
    free(self);
}

static int
obj_traverse(PyObject *op, visitproc visit, void *arg)
{
    Obj *self = (Obj *)op;
    Py_VISIT(self->child);
    return 0;
}

static void
var_dealloc(PyObject *op)
{
    printf("  dealloc var object of size %zd\n", Py_SIZE(op));
}

static PyTypeObject Obj_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "refcount.Obj",                 /* tp_name */
    sizeof(Obj),                    /* tp_basicsize */
    0,                              /* tp_itemsize */
    obj_dealloc,                    /* tp_dealloc */
    0,                              /* tp_vectorcall_offset */
    0,                              /* tp_getattr */
    0,                              /* tp_setattr */
    0,                              /* tp_as_async */
    0,                              /* tp_repr */
    0,                              /* tp_as_number */
    0,                              /* tp_as_sequence */
    0,                              /* tp_as_mapping */
    0,                              /* tp_hash */
    0,                              /* tp_call */
    0,                              /* tp_str */
    0,                              /* tp_getattro */
    0,                              /* tp_setattro */
    0,                              /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, /* tp_flags */
    "a test object",                /* tp_doc */
    obj_traverse,                   /* tp_traverse */
};

static PyTypeObject Var_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "refcount.Var",
    .tp_basicsize = sizeof(VarObj) - sizeof(int[8]),
    .tp_itemsize = sizeof(int),
    .tp_dealloc = var_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject *
new_obj(const char *name)
{
    Obj *self = malloc(sizeof(Obj));
    Py_SET_REFCNT(self, 1);
    Py_SET_TYPE(self, &Obj_Type);
    self->name = name;
    self->child = NULL;
    return (PyObject *)self;
}

static int
count_visit(PyObject *op, void *arg)
{
    printf("  visit %s\n", ((Obj *)op)->name);
    ++*(int *)arg;
    return 0;
}

static int
stop_visit(PyObject *op, void *arg)
{
    (void)op;
    (void)arg;
    return 42;
}

#define SHOW(label, op) printf("%s: refcnt %zd\n", label, Py_REFCNT(op))

int
main(void)
{
    printf("static type: refcnt %zd, type %s, size %zd, name %s\n",
           Py_REFCNT(&Obj_Type), Py_TYPE(&Obj_Type) == NULL ? "NULL" : "set",
           Py_SIZE(&Obj_Type), Obj_Type.tp_name);
    printf("basicsize ok %d, _PyObject_SIZE ok %d, var size(5) %zu\n",
           Obj_Type.tp_basicsize == (Py_ssize_t)sizeof(Obj),
           _PyObject_SIZE(&Obj_Type) == (Py_ssize_t)sizeof(Obj),
           (size_t)_PyObject_VAR_SIZE(&Var_Type, 5));
    printf("flags: basetype %d, heaptype %d, gc %d, type subclass %d\n",
           PyType_HasFeature(&Obj_Type, Py_TPFLAGS_BASETYPE),
           PyType_HasFeature(&Obj_Type, Py_TPFLAGS_HEAPTYPE),
           PyType_IS_GC(&Obj_Type),
           PyType_FastSubclass(&Obj_Type, Py_TPFLAGS_TYPE_SUBCLASS));

    PyObject *a = new_obj("a");
    SHOW("new a", a);
    printf("Py_TYPE(a) is Obj_Type: %d, Py_IS_TYPE: %d %d, PyType_Check(a): %d, tp_name %s\n",
           Py_TYPE(a) == &Obj_Type, Py_IS_TYPE(a, &Obj_Type), Py_IS_TYPE(a, &Var_Type),
           PyType_Check(a), Py_TYPE(a)->tp_name);

    Py_INCREF(a);
    SHOW("Py_INCREF", a);
    Py_DECREF(a);
    SHOW("Py_DECREF", a);
    Py_XINCREF(a);
    SHOW("Py_XINCREF", a);
    Py_XDECREF(a);
    SHOW("Py_XDECREF", a);
    PyObject *null = NULL;
    Py_XINCREF(null);
    Py_XDECREF(null);
    printf("Py_XINCREF/Py_XDECREF(NULL): ok\n");

    PyObject *r = Py_NewRef(a);
    printf("Py_NewRef returns a: %d\n", r == a);
    SHOW("Py_NewRef", a);
    r = Py_XNewRef(a);
    SHOW("Py_XNewRef", a);
    printf("Py_XNewRef(NULL) is NULL: %d\n", Py_XNewRef(null) == NULL);
    Py_DECREF(r);
    Py_DECREF(r);
    SHOW("two Py_DECREF", a);

    Py_IncRef(a);
    SHOW("Py_IncRef", a);
    Py_DecRef(a);
    SHOW("Py_DecRef", a);
    Py_IncRef(NULL);
    Py_DecRef(NULL);
    printf("Py_IncRef/Py_DecRef(NULL): ok\n");

    printf("Py_Is(a, a) %d, Py_Is(a, NULL) %d\n", Py_Is(a, a), Py_Is(a, null));

    /* Py_SETREF / Py_XSETREF / Py_CLEAR on a field. */
    PyObject *b = new_obj("b");
    Obj *holder = (Obj *)new_obj("holder");
    holder->child = Py_NewRef(a);
    SHOW("a held", a);
    printf("Py_SETREF(child, b):\n");
    Py_SETREF(holder->child, b);
    SHOW("a after", a);
    SHOW("b", b);
    printf("Py_XSETREF(child, NULL):\n");
    Py_XSETREF(holder->child, NULL);
    printf("child is NULL: %d\n", holder->child == NULL);
    printf("Py_XSETREF(NULL child, c):\n");
    Py_XSETREF(holder->child, new_obj("c"));
    int visited = 0;
    printf("traverse holder:\n");
    int res = Py_TYPE(holder)->tp_traverse((PyObject *)holder, count_visit, &visited);
    printf("  result %d, visited %d\n", res, visited);
    printf("  stopping visitor result %d\n",
           Py_TYPE(holder)->tp_traverse((PyObject *)holder, stop_visit, NULL));
    printf("Py_CLEAR(child):\n");
    Py_CLEAR(holder->child);
    printf("child is NULL: %d\n", holder->child == NULL);
    Py_CLEAR(holder->child);
    printf("Py_CLEAR(NULL child): ok\n");

    /* A dealloc that releases a child: the holder goes first, then the child. */
    holder->child = Py_NewRef(a);
    printf("Py_DECREF(holder):\n");
    Py_DECREF(holder);
    SHOW("a", a);

    printf("Py_DecRef(a) to zero:\n");
    Py_DecRef(a);

    /* Variable-size header. */
    static VarObj v = { PyVarObject_HEAD_INIT(&Var_Type, 3) {1, 2, 3} };
    printf("var: refcnt %zd, size %zd, type %s\n", Py_REFCNT(&v), Py_SIZE(&v),
           Py_TYPE(&v)->tp_name);
    Py_SET_SIZE(&v, 5);
    printf("Py_SET_SIZE: %zd\n", Py_SIZE(&v));
    Py_SET_REFCNT(&v, 2);
    Py_DECREF(&v);
    printf("var refcnt %zd\n", Py_REFCNT(&v));
    printf("Py_DECREF(var) to zero:\n");
    Py_DECREF(&v);

    printf("vectorcall nargs %zd, offset bit set %d\n",
           PyVectorcall_NARGS(2 | PY_VECTORCALL_ARGUMENTS_OFFSET),
           (PY_VECTORCALL_ARGUMENTS_OFFSET >> (8 * sizeof(size_t) - 1)) == 1);
    printf("deallocs: %d\n", deallocs);
    return 0;
}
