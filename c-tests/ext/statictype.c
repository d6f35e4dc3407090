/* A single-phase module with a static PyTypeObject (the pre-PEP 384 style most older
 * extensions use), subclassing nothing, with members, methods and a tp_repr; and a static
 * subclass of list. Needs the full API: not built as abi3. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    int x;
    PyObject *label;
} PointObject;

static void point_dealloc(PointObject *self)
{
    Py_XDECREF(self->label);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int point_init(PointObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "label", NULL};
    PyObject *label = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|U:Point", kwlist, &self->x, &label))
        return -1;
    if (label == NULL)
        label = PyUnicode_FromString("p");
    else
        Py_INCREF(label);
    Py_XSETREF(self->label, label);
    return 0;
}

static PyObject *point_repr(PointObject *self)
{
    return PyUnicode_FromFormat("Point(%d, %R)", self->x, self->label);
}

static PyObject *point_double(PointObject *self, PyObject *unused)
{
    return PyLong_FromLong(2L * self->x);
}

static PyMemberDef point_members[] = {
    {"x", T_INT, offsetof(PointObject, x), 0, "the x value"},
    {"label", T_OBJECT_EX, offsetof(PointObject, label), READONLY, "the label"},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef point_methods[] = {
    {"double", (PyCFunction)point_double, METH_NOARGS, "2 * x"},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "statictype.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_dealloc = (destructor)point_dealloc,
    .tp_repr = (reprfunc)point_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "A point.",
    .tp_methods = point_methods,
    .tp_members = point_members,
    .tp_init = (initproc)point_init,
    .tp_new = PyType_GenericNew,
};

typedef struct {
    PyListObject list;
    int appended;
} CountingList;

static PyObject *clist_append(CountingList *self, PyObject *item)
{
    if (PyList_Append((PyObject *)self, item) < 0)
        return NULL;
    self->appended++;
    return PyLong_FromLong(self->appended);
}

static PyMethodDef clist_methods[] = {
    {"append", (PyCFunction)clist_append, METH_O, "append and count"},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject CountingListType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "statictype.CountingList",
    .tp_basicsize = sizeof(CountingList),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = clist_methods,
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "statictype", "Static types.", 0, NULL};

PyMODINIT_FUNC PyInit_statictype(void)
{
    CountingListType.tp_base = &PyList_Type;
    if (PyType_Ready(&PointType) < 0 || PyType_Ready(&CountingListType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &PointType) < 0 || PyModule_AddType(m, &CountingListType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
