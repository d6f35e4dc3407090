/* A multi-phase (PEP 489) extension module with module state and heap types:
 * - Counter: a GC type (tp_traverse/tp_clear) whose METH_METHOD method reaches the module
 *   state through its defining class (PEP 573);
 * - MyList, MyDict, MyError: subclasses of list, dict and Exception;
 * - Py_mod_exec adds them and counts executions in the state. Limited-API clean. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

typedef struct {
    PyObject *counter_type;
    PyObject *error_type;
    long created;
} mp_state;

typedef struct {
    PyObject_HEAD
    PyObject *payload;
    long count;
} CounterObject;

static PyObject *counter_new(PyTypeObject *tp, PyObject *args, PyObject *kwds)
{
    PyObject *payload = Py_None;
    if (!PyArg_ParseTuple(args, "|O:Counter", &payload))
        return NULL;
    allocfunc alloc = (allocfunc)PyType_GetSlot(tp, Py_tp_alloc);
    CounterObject *self = (CounterObject *)alloc(tp, 0);
    if (self == NULL)
        return NULL;
    Py_INCREF(payload);
    self->payload = payload;
    PyObject *module = PyType_GetModule(tp);
    if (module != NULL) {
        mp_state *st = (mp_state *)PyModule_GetState(module);
        if (st) st->created++;
    } else {
        PyErr_Clear();
    }
    return (PyObject *)self;
}

static int counter_traverse(PyObject *op, visitproc visit, void *arg)
{
    CounterObject *self = (CounterObject *)op;
    Py_VISIT(self->payload);
    Py_VISIT(Py_TYPE(op));
    return 0;
}

static int counter_clear(PyObject *op)
{
    Py_CLEAR(((CounterObject *)op)->payload);
    return 0;
}

static void counter_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    counter_clear(op);
    freefunc f = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    f(op);
    Py_DECREF(tp);
}

/* METH_METHOD: the defining class gives the module and its state. */
static PyObject *counter_bump(PyObject *op, PyTypeObject *defining_class, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    CounterObject *self = (CounterObject *)op;
    long by = 1;
    if (nargs > 1 || (kwnames && PyTuple_Size(kwnames) > 0)) {
        PyErr_SetString(PyExc_TypeError, "bump() takes at most one positional argument");
        return NULL;
    }
    if (nargs == 1) {
        by = PyLong_AsLong(args[0]);
        if (by == -1 && PyErr_Occurred())
            return NULL;
    }
    mp_state *st = (mp_state *)PyType_GetModuleState(defining_class);
    if (st == NULL)
        return NULL;
    self->count += by;
    return Py_BuildValue("(ll)", self->count, st->created);
}

static PyObject *counter_payload(PyObject *op, void *closure)
{
    PyObject *p = ((CounterObject *)op)->payload;
    Py_INCREF(p);
    return p;
}

static PyObject *counter_kind(PyObject *cls, PyObject *unused)
{
    return PyUnicode_FromFormat("classmethod of %s", ((PyTypeObject *)cls) == NULL ? "?" : "Counter");
}

static PyObject *counter_static(PyObject *unused, PyObject *arg)
{
    return Py_BuildValue("(sO)", "static", arg);
}

static PyMethodDef counter_methods[] = {
    {"bump", (PyCFunction)(void (*)(void))counter_bump, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, "bump the count"},
    {"kind", counter_kind, METH_CLASS | METH_NOARGS, "a classmethod"},
    {"static", counter_static, METH_STATIC | METH_O, "a staticmethod"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef counter_getset[] = {
    {"payload", counter_payload, NULL, "the payload", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyType_Slot counter_slots[] = {
    {Py_tp_new, counter_new},
    {Py_tp_dealloc, counter_dealloc},
    {Py_tp_traverse, counter_traverse},
    {Py_tp_clear, counter_clear},
    {Py_tp_methods, counter_methods},
    {Py_tp_getset, counter_getset},
    {Py_tp_doc, "A counter with module state."},
    {0, NULL}
};

static PyType_Spec counter_spec = {
    "multiphase.Counter", sizeof(CounterObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, counter_slots
};

static PyObject *mylist_total(PyObject *self, PyObject *unused)
{
    Py_ssize_t n = PyList_Size(self);
    long total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(PyList_GetItem(self, i));
        if (v == -1 && PyErr_Occurred()) return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyMethodDef mylist_methods[] = {{"total", mylist_total, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static PyType_Slot mylist_slots[] = {{Py_tp_methods, mylist_methods}, {0, NULL}};
static PyType_Spec mylist_spec = {"multiphase.MyList", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, mylist_slots};

static PyObject *mydict_missing(PyObject *self, PyObject *key)
{
    return Py_BuildValue("(sO)", "missing", key);
}

static PyMethodDef mydict_methods[] = {{"__missing__", mydict_missing, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static PyType_Slot mydict_slots[] = {{Py_tp_methods, mydict_methods}, {0, NULL}};
static PyType_Spec mydict_spec = {"multiphase.MyDict", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, mydict_slots};

static PyObject *state_created(PyObject *module, PyObject *unused)
{
    mp_state *st = (mp_state *)PyModule_GetState(module);
    return PyLong_FromLong(st ? st->created : -1);
}

static PyObject *raise_error(PyObject *module, PyObject *arg)
{
    mp_state *st = (mp_state *)PyModule_GetState(module);
    PyErr_SetObject(st->error_type, arg);
    return NULL;
}

static PyMethodDef mp_functions[] = {
    {"created", state_created, METH_NOARGS, "Counters made with this module's state."},
    {"raise_error", raise_error, METH_O, "Raises MyError(arg)."},
    {NULL, NULL, 0, NULL}
};

static int mp_exec(PyObject *m)
{
    mp_state *st = (mp_state *)PyModule_GetState(m);
    st->counter_type = PyType_FromModuleAndSpec(m, &counter_spec, NULL);
    if (st->counter_type == NULL || PyModule_AddType(m, (PyTypeObject *)st->counter_type) < 0)
        return -1;
    PyObject *bases = PyTuple_Pack(1, (PyObject *)&PyList_Type);
    PyObject *mylist = bases ? PyType_FromModuleAndSpec(m, &mylist_spec, bases) : NULL;
    Py_XDECREF(bases);
    if (mylist == NULL || PyModule_AddObjectRef(m, "MyList", mylist) < 0) { Py_XDECREF(mylist); return -1; }
    Py_DECREF(mylist);
    bases = PyTuple_Pack(1, (PyObject *)&PyDict_Type);
    PyObject *mydict = bases ? PyType_FromModuleAndSpec(m, &mydict_spec, bases) : NULL;
    Py_XDECREF(bases);
    if (mydict == NULL || PyModule_AddObjectRef(m, "MyDict", mydict) < 0) { Py_XDECREF(mydict); return -1; }
    Py_DECREF(mydict);
    st->error_type = PyErr_NewExceptionWithDoc("multiphase.MyError", "An error of the module.", PyExc_Exception, NULL);
    if (st->error_type == NULL || PyModule_AddObjectRef(m, "MyError", st->error_type) < 0)
        return -1;
    return PyModule_AddIntConstant(m, "executed", 1);
}

static int mp_traverse(PyObject *m, visitproc visit, void *arg)
{
    mp_state *st = (mp_state *)PyModule_GetState(m);
    if (st) { Py_VISIT(st->counter_type); Py_VISIT(st->error_type); }
    return 0;
}

static int mp_clear(PyObject *m)
{
    mp_state *st = (mp_state *)PyModule_GetState(m);
    if (st) { Py_CLEAR(st->counter_type); Py_CLEAR(st->error_type); }
    return 0;
}

static void mp_free(void *m)
{
    mp_clear((PyObject *)m);
}

static PyModuleDef_Slot mp_slots[] = {
    {Py_mod_exec, mp_exec},
    {0, NULL}
};

static struct PyModuleDef mp_def = {
    PyModuleDef_HEAD_INIT, "multiphase", "A multi-phase module.", sizeof(mp_state), mp_functions, mp_slots,
    mp_traverse, mp_clear, mp_free,
};

PyMODINIT_FUNC PyInit_multiphase(void)
{
    return PyModuleDef_Init(&mp_def);
}
