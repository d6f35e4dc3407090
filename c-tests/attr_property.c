/* property objects: __init__ argument handling, __doc__ from the getter, __get__/__set__/
 * __delete__ through the slots, errors with and without __set_name__, fget/fset/fdel
 * members, __isabstractmethod__; PyMethod_New bound methods.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static PyObject *get_fn(PyObject *self, PyObject *obj)
{
    (void)self;
    PyObject *r = PyObject_Repr(obj);
    printf("  get_fn(%s)\n", (const char *)PyUnicode_DATA(r));
    Py_DECREF(r);
    return PyUnicode_FromString("got");
}

static PyObject *set_fn(PyObject *self, PyObject *const *args, Py_ssize_t n)
{
    (void)self;
    printf("  set_fn with %zd args\n", n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PyObject_Repr(args[i]);
        printf("    %s\n", (const char *)PyUnicode_DATA(r));
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *failing(PyObject *self, PyObject *obj)
{
    (void)self;
    (void)obj;
    PyErr_SetString(PyExc_ValueError, "getter failed");
    return NULL;
}

static PyMethodDef getter_def = {"getter_fn", get_fn, METH_O, "getter_fn(obj, /)\n--\n\nThe getter's doc."};
static PyMethodDef nodoc_def = {"nodoc_fn", get_fn, METH_O, NULL};
static PyMethodDef setter_def = {"setter_fn", (PyCFunction)(void (*)(void))set_fn, METH_FASTCALL, NULL};
static PyMethodDef failing_def = {"failing_fn", failing, METH_O, NULL};

static PyObject *make(PyObject *args, PyObject *kw)
{
    PyObject *p = PyProperty_Type.tp_new(&PyProperty_Type, args, kw);
    if (p && PyProperty_Type.tp_init(p, args, kw) < 0) {
        Py_DECREF(p);
        return NULL;
    }
    return p;
}

int main(void)
{
    Py_Initialize();
    PyObject *g = PyCFunction_New(&getter_def, NULL);
    PyObject *nodoc = PyCFunction_New(&nodoc_def, NULL);
    PyObject *s = PyCFunction_New(&setter_def, NULL);
    PyObject *f = PyCFunction_New(&failing_def, NULL);
    PyObject *doc = PyUnicode_FromString("explicit doc");
    PyObject *obj = PyUnicode_FromString("instance");
    PyObject *value = PyUnicode_FromString("value");

    printf("== construction\n");
    PyObject *args = PyTuple_Pack(1, g);
    PyObject *p = make(args, NULL);
    Py_DECREF(args);
    show_masked("property(g).__doc__", PyObject_GetAttrString(p, "__doc__"));
    show_masked("fget", PyObject_GetAttrString(p, "fget"));
    show_masked("fset", PyObject_GetAttrString(p, "fset"));
    show_masked("fdel", PyObject_GetAttrString(p, "fdel"));
    show_masked("__isabstractmethod__", PyObject_GetAttrString(p, "__isabstractmethod__"));
    args = PyTuple_Pack(4, g, s, s, doc);
    PyObject *p2 = make(args, NULL);
    Py_DECREF(args);
    show_masked("property(g, s, s, doc).__doc__", PyObject_GetAttrString(p2, "__doc__"));
    args = PyTuple_Pack(1, nodoc);
    PyObject *p3 = make(args, NULL);
    Py_DECREF(args);
    show_masked("property(nodoc).__doc__", PyObject_GetAttrString(p3, "__doc__"));
    args = PyTuple_Pack(5, g, g, g, g, g);
    show_masked("property(5 args)", make(args, NULL));
    Py_DECREF(args);
    PyObject *empty = PyTuple_New(0);
    PyObject *p0 = make(empty, NULL);
    show_masked("property().__doc__", PyObject_GetAttrString(p0, "__doc__"));
    printf("set __doc__: %d\n", PyObject_SetAttrString(p0, "__doc__", doc));
    show_masked("property().__doc__ after set", PyObject_GetAttrString(p0, "__doc__"));
    printf("set fget: %d\n", PyObject_SetAttrString(p0, "fget", doc));
    print_error("  error");

    printf("== descriptor protocol\n");
    descrgetfunc get = Py_TYPE(p)->tp_descr_get;
    descrsetfunc set = Py_TYPE(p)->tp_descr_set;
    show_masked("p.__get__(obj)", get(p, obj, (PyObject *)Py_TYPE(obj)));
    PyObject *same = get(p, NULL, (PyObject *)Py_TYPE(obj));
    printf("p.__get__(NULL) is p: %d\n", same == p);
    Py_XDECREF(same);
    same = get(p, Py_None, (PyObject *)Py_TYPE(obj));
    printf("p.__get__(None) is p: %d\n", same == p);
    Py_XDECREF(same);
    printf("p.__set__(obj, value): %d\n", set(p, obj, value));
    print_error("  error");
    printf("p.__delete__(obj): %d\n", set(p, obj, NULL));
    print_error("  error");
    show_masked("p0.__get__(obj)", get(p0, obj, NULL));
    printf("p2.__set__(obj, value): %d\n", set(p2, obj, value));
    printf("p2.__delete__(obj): %d\n", set(p2, obj, NULL));
    args = PyTuple_Pack(1, f);
    PyObject *pf = make(args, NULL);
    Py_DECREF(args);
    show_masked("failing getter", get(pf, obj, NULL));

    printf("== __set_name__\n");
    PyObject *set_name = PyObject_GetAttrString(p, "__set_name__");
    PyObject *name = PyUnicode_FromString("attr");
    show_masked("p.__set_name__(str, 'attr')", PyObject_Vectorcall(set_name, (PyObject *[]){(PyObject *)&PyUnicode_Type, name}, 2, NULL));
    show_masked("p.__set_name__(str)", PyObject_Vectorcall(set_name, (PyObject *[]){(PyObject *)&PyUnicode_Type}, 1, NULL));
    printf("p.__set__(obj, value): %d\n", set(p, obj, value));
    print_error("  error");
    printf("p.__delete__(obj): %d\n", set(p, obj, NULL));
    print_error("  error");
    Py_DECREF(set_name);

    printf("== getter / setter / deleter copies, property() through type.__call__\n");
    {
        PyObject *m = PyObject_GetAttrString(p, "setter");
        PyObject *q = PyObject_CallOneArg(m, s);
        Py_DECREF(m);
        show_masked("p.setter(s).fset", PyObject_GetAttrString(q, "fset"));
        show_masked("p.setter(s).fget", PyObject_GetAttrString(q, "fget"));
        show_masked("p.setter(s).__doc__ (from the getter)", PyObject_GetAttrString(q, "__doc__"));
        printf("q.__set__(obj, value) (name kept): %d\n", set(q, obj, value));
        printf("q.__delete__(obj): %d\n", set(q, obj, NULL));
        print_error("  error");
        m = PyObject_GetAttrString(q, "getter");
        PyObject *r = PyObject_CallOneArg(m, nodoc);
        Py_DECREF(m);
        show_masked("q.getter(nodoc).__doc__", PyObject_GetAttrString(r, "__doc__"));
        m = PyObject_GetAttrString(p2, "deleter");
        PyObject *t2 = PyObject_CallOneArg(m, g);
        Py_DECREF(m);
        show_masked("p2.deleter(g).__doc__ (explicit kept)", PyObject_GetAttrString(t2, "__doc__"));
        show_masked("p2.deleter(g).fdel", PyObject_GetAttrString(t2, "fdel"));
        m = PyObject_GetAttrString(p, "getter");
        show_masked("p.getter()", PyObject_CallNoArgs(m));
        Py_DECREF(m);
        Py_DECREF(q);
        Py_DECREF(r);
        Py_DECREF(t2);
        PyObject *kw = PyDict_New();
        PyDict_SetItemString(kw, "doc", doc);
        PyObject *a1 = PyTuple_Pack(1, g);
        PyObject *viacall = PyObject_Call((PyObject *)&PyProperty_Type, a1, kw);
        show_masked("property(g, doc=...).__doc__", PyObject_GetAttrString(viacall, "__doc__"));
        PyDict_SetItemString(kw, "fget", g);
        show_masked("property(g, fget=g)", PyObject_Call((PyObject *)&PyProperty_Type, a1, kw));
        PyDict_Clear(kw);
        PyDict_SetItemString(kw, "fx", g);
        show_masked("property(fx=g)", PyObject_Call((PyObject *)&PyProperty_Type, a1, kw));
        show_masked("classmethod()", PyObject_CallNoArgs((PyObject *)&PyClassMethod_Type));
        show_masked("staticmethod(g, g)", PyObject_Vectorcall((PyObject *)&PyStaticMethod_Type, (PyObject *[]){g, g}, 2, NULL));
        show_masked("classmethod(g, x=1)", PyObject_Call((PyObject *)&PyClassMethod_Type, a1, kw));
        PyObject *sm = PyObject_CallOneArg((PyObject *)&PyStaticMethod_Type, g);
        show_masked("staticmethod(g).__name__", PyObject_GetAttrString(sm, "__name__"));
        show_masked("staticmethod(g)", sm);
        Py_DECREF(viacall);
        Py_DECREF(a1);
        Py_DECREF(kw);
    }

    printf("== bound methods\n");
    PyObject *bm = PyMethod_New(g, obj);
    printf("PyMethod_Check %d, function is g %d, self is obj %d\n", PyMethod_Check(bm), PyMethod_Function(bm) == g,
           PyMethod_Self(bm) == obj);
    show_masked("bm()", PyObject_CallNoArgs(bm));
    show_masked("bm(value)", PyObject_CallOneArg(bm, value));
    show_masked("bm.__func__", PyObject_GetAttrString(bm, "__func__"));
    show_masked("bm.__self__", PyObject_GetAttrString(bm, "__self__"));
    show_masked("bm.__name__ (from the function)", PyObject_GetAttrString(bm, "__name__"));
    show_masked("bm.__doc__ (from the function)", PyObject_GetAttrString(bm, "__doc__"));
    show_masked("bm.missing", PyObject_GetAttrString(bm, "missing"));
    PyObject *bm2 = PyMethod_New(g, obj);
    show_masked("bm == bm2", PyObject_RichCompare(bm, bm2, Py_EQ));
    show_masked("bm != bm2", PyObject_RichCompare(bm, bm2, Py_NE));
    printf("hash equal: %d\n", PyObject_Hash(bm) == PyObject_Hash(bm2));
    Py_DECREF(bm2);
    Py_DECREF(bm);
    printf("PyMethod_Function(obj): %p\n", (void *)PyMethod_Function(obj));
    /* CPython's message carries its source file and line: compare the type only */
    printf("  error type: %s\n", PyErr_Occurred() ? ((PyTypeObject *)PyErr_Occurred())->tp_name : "none");
    PyErr_Clear();

    Py_DECREF(p);
    Py_DECREF(p0);
    Py_DECREF(p2);
    Py_DECREF(p3);
    Py_DECREF(pf);
    Py_DECREF(empty);
    Py_DECREF(name);
    Py_DECREF(g);
    Py_DECREF(nodoc);
    Py_DECREF(s);
    Py_DECREF(f);
    Py_DECREF(doc);
    Py_DECREF(obj);
    Py_DECREF(value);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
