/* object's and type's methods: __sizeof__, __format__, __reduce_ex__/__reduce__ (the parts
 * that need no copyreg: errors, overridden __reduce__), __getstate__ (dict, slots, both),
 * __subclasshook__, __init_subclass__, __dir__; type.mro, __subclasses__, __prepare__,
 * __instancecheck__, __subclasscheck__, __sizeof__, __text_signature__, __annotations__;
 * sys.getsizeof and format() through them. */
#include <Python.h>
#include "proto_util.h"

static PyObject *my_reduce(PyObject *self, PyObject *arg) { (void)self; (void)arg; return PyUnicode_FromString("custom reduce"); }
static PyObject *newargs_list(PyObject *self, PyObject *arg) { (void)self; (void)arg; return PyList_New(0); }
static PyObject *newargs_ex_bad_len(PyObject *self, PyObject *arg) { (void)self; (void)arg; return Py_BuildValue("(i)", 1); }
static PyObject *newargs_ex_bad_first(PyObject *self, PyObject *arg) { (void)self; (void)arg; return Py_BuildValue("(i{})", 1); }
static PyObject *newargs_ex_bad_second(PyObject *self, PyObject *arg) { (void)self; (void)arg; return Py_BuildValue("(()i)", 1); }
static PyObject *newargs_ex_not_tuple(PyObject *self, PyObject *arg) { (void)self; (void)arg; return PyLong_FromLong(3); }
static PyMethodDef defs[] = {
    {"__reduce__", my_reduce, METH_O, NULL},
    {"__getnewargs__", newargs_list, METH_O, NULL},
    {"__getnewargs_ex__", newargs_ex_bad_len, METH_O, NULL},
    {"__getnewargs_ex__", newargs_ex_bad_first, METH_O, NULL},
    {"__getnewargs_ex__", newargs_ex_bad_second, METH_O, NULL},
    {"__getnewargs_ex__", newargs_ex_not_tuple, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *method(int i)
{
    PyObject *f = PyCFunction_New(&defs[i], NULL);
    PyObject *m = PyInstanceMethod_New(f);
    Py_DECREF(f);
    return m;
}

static PyObject *make_class(const char *name, PyObject *bases, PyObject *ns)
{
    return PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, ns);
}

static PyObject *call(PyObject *o, const char *name) { return PyObject_CallMethod(o, name, NULL); }

int main(void)
{
    Py_Initialize();
    PyObject *obj = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    PyObject *objt = (PyObject *)&PyBaseObject_Type, *typet = (PyObject *)&PyType_Type;

    /* __sizeof__ and sys.getsizeof. */
    show("object().__sizeof__()", call(obj, "__sizeof__"));
    show("(1,2,3).__sizeof__() via object", PyObject_CallMethod(objt, "__sizeof__", "O", Py_BuildValue("(iii)", 1, 2, 3)));
    PyObject *getsizeof = PySys_GetObject("getsizeof");
    show("sys.getsizeof(object())", PyObject_CallOneArg(getsizeof, obj));
    show("int.__sizeof__ is object's", PyBool_FromLong(PyDict_GetItemString(PyBaseObject_Type.tp_dict, "__sizeof__") != NULL));

    /* __format__. */
    show("format(object(), '') == str(object())", PyObject_RichCompare(PyObject_Format(obj, S("")), PyObject_Str(obj), Py_EQ));
    show("object().__format__('x')", PyObject_CallMethod(obj, "__format__", "s", "x"));
    show("object().__format__(5)", PyObject_CallMethod(obj, "__format__", "i", 5));
    show("format(object(), 's')", PyObject_Format(obj, S("s")));

    /* __reduce_ex__: argument errors, an overriding __reduce__ wins. */
    show("__reduce_ex__('a')", PyObject_CallMethod(obj, "__reduce_ex__", "s", "a"));
    PyObject *R = make_class("R", PyTuple_New(0), Py_BuildValue("{s:N}", "__reduce__", method(0)));
    PyObject *r = PyObject_CallNoArgs(R);
    show("R().__reduce_ex__(2)", PyObject_CallMethod(r, "__reduce_ex__", "i", 2));
    show("R().__reduce_ex__(0)", PyObject_CallMethod(r, "__reduce_ex__", "i", 0));
    /* Errors that come before any copyreg lookup. */
    const char *names[] = {"__getnewargs__", "__getnewargs_ex__", "__getnewargs_ex__", "__getnewargs_ex__", "__getnewargs_ex__"};
    for (int i = 1; i <= 5; i++) {
        PyObject *K = make_class("K", PyTuple_New(0), Py_BuildValue("{s:N}", names[i - 1], method(i)));
        PyObject *k = PyObject_CallNoArgs(K);
        char label[64];
        snprintf(label, sizeof label, "bad %s #%d", names[i - 1], i);
        show(label, PyObject_CallMethod(k, "__reduce_ex__", "i", 2));
        Py_DECREF(k);
    }
    PyObject *lock = PyObject_CallMethod(PyImport_AddModule("_thread"), "allocate_lock", NULL);
    show("lock.__reduce_ex__(2)", PyObject_CallMethod(lock, "__reduce_ex__", "i", 2));

    /* __getstate__: None, the dict, the slots, both. */
    show("object().__getstate__()", call(obj, "__getstate__"));
    PyObject *P = make_class("P", PyTuple_New(0), PyDict_New());
    PyObject *p = PyObject_CallNoArgs(P);
    show("P().__getstate__() empty", call(p, "__getstate__"));
    PyObject_SetAttrString(p, "x", PyLong_FromLong(1));
    show("P().__getstate__() with x", call(p, "__getstate__"));
    PyObject *Sl = make_class("Sl", PyTuple_New(0), Py_BuildValue("{s:(ss)}", "__slots__", "a", "__b"));
    PyObject *s = PyObject_CallNoArgs(Sl);
    show("slots state (unset)", call(s, "__getstate__"));
    PyObject_SetAttrString(s, "a", PyLong_FromLong(5));
    PyObject_SetAttrString(s, "_Sl__b", PyLong_FromLong(6));
    show("slots state", call(s, "__getstate__"));
    show("Sl.__slotnames__", PyObject_GetAttrString(Sl, "__slotnames__"));
    PyObject *Sd = make_class("Sd", PyTuple_New(0), Py_BuildValue("{s:(ss)}", "__slots__", "v", "__dict__"));
    PyObject *sd = PyObject_CallNoArgs(Sd);
    PyObject_SetAttrString(sd, "v", PyLong_FromLong(1));
    PyObject_SetAttrString(sd, "w", PyLong_FromLong(2));
    show("slots+dict state", call(sd, "__getstate__"));
    PyObject *Bad = make_class("Bad", PyTuple_New(0), Py_BuildValue("{s:i}", "__slotnames__", 3));
    show("bad __slotnames__", call(PyObject_CallNoArgs(Bad), "__getstate__"));

    /* The class methods of object. */
    show("object.__subclasshook__()", PyObject_CallMethod(objt, "__subclasshook__", NULL));
    show("object.__subclasshook__(1, 2)", PyObject_CallMethod(objt, "__subclasshook__", "ii", 1, 2));
    show("object.__init_subclass__()", PyObject_CallMethod(objt, "__init_subclass__", NULL));
    show("object.__init_subclass__(1)", PyObject_CallMethod(objt, "__init_subclass__", "i", 1));
    PyObject *kw = Py_BuildValue("{s:i}", "x", 1);
    PyObject *targs = Py_BuildValue("(s()O)", "Kw", PyDict_New());
    show("class Kw(x=1)", PyObject_Call(typet, targs, kw));
    show("type(object.__dict__['__init_subclass__'])", PyObject_Type(PyDict_GetItemString(PyBaseObject_Type.tp_dict, "__init_subclass__")));

    /* type's methods. */
    PyObject *A = make_class("A", PyTuple_New(0), PyDict_New());
    PyObject *B = make_class("B", Py_BuildValue("(O)", A), PyDict_New());
    PyObject *C = make_class("C", Py_BuildValue("(O)", A), PyDict_New());
    PyObject *D = make_class("D", Py_BuildValue("(OO)", B, C), PyDict_New());
    show("D.mro()", call(D, "mro"));
    show("A.__subclasses__()", call(A, "__subclasses__"));
    show("D.__subclasses__()", call(D, "__subclasses__"));
    show("type.__prepare__('X', (), a=1)", PyObject_Call(PyObject_GetAttrString(typet, "__prepare__"), Py_BuildValue("(s())", "X"), kw));
    show("A.__instancecheck__(D())", PyObject_CallMethod(A, "__instancecheck__", "N", PyObject_CallNoArgs(D)));
    show("B.__instancecheck__(C())", PyObject_CallMethod(B, "__instancecheck__", "N", PyObject_CallNoArgs(C)));
    show("A.__subclasscheck__(D)", PyObject_CallMethod(A, "__subclasscheck__", "O", D));
    show("A.__subclasscheck__(1)", PyObject_CallMethod(A, "__subclasscheck__", "i", 1));
    show("int.__sizeof__() (type)", PyObject_CallMethod(typet, "__sizeof__", "O", (PyObject *)&PyLong_Type));
    show("object.__text_signature__", PyObject_GetAttrString(objt, "__text_signature__"));
    show("int.__text_signature__", PyObject_GetAttrString((PyObject *)&PyLong_Type, "__text_signature__"));
    show("A.__text_signature__", PyObject_GetAttrString(A, "__text_signature__"));

    /* __annotations__: made on first access for classes, absent for static types. */
    show("int.__annotations__", PyObject_GetAttrString((PyObject *)&PyLong_Type, "__annotations__"));
    show("A.__annotations__", PyObject_GetAttrString(A, "__annotations__"));
    show("'__annotations__' in A.__dict__", PyBool_FromLong(PySequence_Contains(PyObject_GetAttrString(A, "__dict__"), S("__annotations__"))));
    show_int("del A.__annotations__", PyObject_DelAttrString(A, "__annotations__"));
    show_int("del A.__annotations__ again", PyObject_DelAttrString(A, "__annotations__"));
    show_int("A.__annotations__ = {}", PyObject_SetAttrString(A, "__annotations__", PyDict_New()));
    show_int("int.__annotations__ = {}", PyObject_SetAttrString((PyObject *)&PyLong_Type, "__annotations__", PyDict_New()));
    Py_Finalize();
    return 0;
}
