/* C-API micro-benchmarks of attribute access: PyObject_GetAttrString on a type and on an
 * instance of a static C type (members, methods, getsets, the instance dict), and
 * PyObject_GetAttr / PyObject_SetAttr with an interned str name. */
#include <Python.h>
#include <structmember.h>
#include "bench.h"

typedef struct {
    PyObject_HEAD
    PyObject *obj;
    PyObject *dict;
} Obj;

static PyObject *get_value(PyObject *self, void *closure)
{
    (void)closure;
    return Py_NewRef(((Obj *)self)->obj);
}

static PyObject *m_noargs(PyObject *self, PyObject *unused)
{
    (void)unused;
    return Py_NewRef(self);
}

static PyMemberDef obj_members[] = {{"obj", T_OBJECT, offsetof(Obj, obj), 0, NULL}, {NULL}};
static PyGetSetDef obj_getset[] = {{"value", get_value, NULL, NULL, NULL}, {NULL}};
static PyMethodDef obj_methods[] = {{"meth", m_noargs, METH_NOARGS, NULL}, {NULL}};

static PyTypeObject Obj_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench.Obj",
    .tp_basicsize = sizeof(Obj),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_members = obj_members,
    .tp_getset = obj_getset,
    .tp_methods = obj_methods,
    .tp_dictoffset = offsetof(Obj, dict),
};

#define GET(name, o, attr) BENCH(name, (psink = PyObject_GetAttrString(o, attr), Py_DECREF((PyObject *)psink)))

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Obj_Type) < 0)
        return 1;
    Obj *o = PyObject_New(Obj, &Obj_Type);
    o->obj = Py_NewRef(Py_None);
    o->dict = NULL;
    PyObject *self = (PyObject *)o;
    PyObject *tp = (PyObject *)&Obj_Type;
    PyObject *one = PyUnicode_FromString("x");
    PyObject_SetAttrString(self, "in_dict", one);

    GET("GetAttrString(type, 'meth')", tp, "meth");
    GET("GetAttrString(type, '__doc__')", tp, "__doc__");
    GET("GetAttrString(instance, 'obj' member)", self, "obj");
    GET("GetAttrString(instance, 'value' getset)", self, "value");
    GET("GetAttrString(instance, 'in_dict')", self, "in_dict");
    GET("GetAttrString(instance, 'meth') bound", self, "meth");

    PyObject *n_obj = PyUnicode_InternFromString("obj");
    PyObject *n_dict = PyUnicode_InternFromString("in_dict");
    PyObject *n_meth = PyUnicode_InternFromString("meth");
    BENCH("GetAttr(instance, interned 'obj')", (psink = PyObject_GetAttr(self, n_obj), Py_DECREF((PyObject *)psink)));
    BENCH("GetAttr(instance, interned 'in_dict')", (psink = PyObject_GetAttr(self, n_dict), Py_DECREF((PyObject *)psink)));
    BENCH("GetAttr(type, interned 'meth')", (psink = PyObject_GetAttr(tp, n_meth), Py_DECREF((PyObject *)psink)));
    BENCH("SetAttr(instance, interned 'in_dict')", PyObject_SetAttr(self, n_dict, one));
    BENCH("SetAttr(instance, interned 'obj' member)", PyObject_SetAttr(self, n_obj, one));
    PyObject *n_missing = PyUnicode_InternFromString("missing");
    BENCH_N("HasAttr(instance, missing)", ITERATIONS / 10, psink = (void *)(long)PyObject_HasAttr(self, n_missing));
    return 0;
}
