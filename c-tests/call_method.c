/* Bound methods (PyMethod_New/Function/Self, PyMethod_Type: vectorcall with and without
 * PY_VECTORCALL_ARGUMENTS_OFFSET, keywords, many arguments, tp_call, comparison, hash,
 * method(func, self) construction and its errors) and instance methods (PyInstanceMethod_New/
 * Function: call, binding through tp_descr_get, comparison, construction errors).
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void show(const char *what, PyObject *res)
{
    printf("%-40s -> ", what);
    if (res) {
        print_compact(res);
        printf("\n");
        Py_DECREF(res);
        if (PyErr_Occurred()) { printf("  !! error set with a result\n"); PyErr_Clear(); }
        return;
    }
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: ", t ? ((PyTypeObject *)t)->tp_name : "NO EXCEPTION");
    if (v && !PyUnicode_Check(v)) {
        PyObject *str = PyObject_Str(v);
        if (str) { print_compact(str); Py_DECREF(str); }
    }
    else if (v && PyUnicode_Check(v)) {
        const char *s = (const char *)PyUnicode_DATA(v);
        const char *bad = PyUnicode_KIND(v) == 1 ? strstr(s, "bad argument to internal function") : NULL;
        if (bad) printf("%s", bad); else print_compact(v);
    }
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

/* fastkw(self, *args, **kw) -> (self, args, kwnames) */
static PyObject *f_fastkw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)self;
    PyObject *t = PyTuple_New(nargs);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(t, i, args[i]);
    }
    return Py_BuildValue("(NO)", t, kwnames ? kwnames : Py_None);
}
static PyObject *f_o(PyObject *self, PyObject *arg) { (void)self; return Py_BuildValue("(sO)", "o", arg); }
static PyObject *f_varkw(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    return Py_BuildValue("(OO)", args, kw ? kw : Py_None);
}

static PyObject *obj_noargs(PyObject *self, PyObject *unused) { (void)unused; return Py_BuildValue("(sO)", "noargs", Py_TYPE(self)); }
static PyMethodDef obj_methods[] = {
    {"fastkw", _PyCFunction_CAST(f_fastkw), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"o", f_o, METH_O, NULL},
    {"varkw", _PyCFunction_CAST(f_varkw), METH_VARARGS | METH_KEYWORDS, NULL},
    {"noargs", obj_noargs, METH_NOARGS, "noargs($self, /)\n--\n\nNo arguments."},
    {NULL, NULL, 0, NULL},
};
static PyTypeObject Obj = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "m.Obj", .tp_basicsize = sizeof(PyObject), .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = obj_methods, .tp_new = PyType_GenericNew,
};

static void show_masked_repr(const char *what, PyObject *o)
{
    PyObject *r = PyObject_Repr(o);
    if (!r) { show(what, NULL); return; }
    /* ASCII reprs: the data is the text. */
    const char *s = (const char *)PyUnicode_DATA(r);
    const char *at = strstr(s, " at 0x");
    printf("%-40s -> %.*s%s\n", what, at ? (int)(at - s) : (int)strlen(s), s, at ? " at ADDR>" : "");
    Py_DECREF(r);
}

static PyMethodDef def_fastkw = {"fastkw", _PyCFunction_CAST(f_fastkw), METH_FASTCALL | METH_KEYWORDS, NULL};
static PyMethodDef def_o = {"o", f_o, METH_O, NULL};
static PyMethodDef def_varkw = {"varkw", _PyCFunction_CAST(f_varkw), METH_VARARGS | METH_KEYWORDS, NULL};

int main(void)
{
    Py_Initialize();
    PyObject *self = PyUnicode_FromString("SELF");
    PyObject *a = PyUnicode_FromString("A"), *b = PyUnicode_FromString("B");
    PyObject *fast = PyCFunction_New(&def_fastkw, NULL);
    PyObject *o = PyCFunction_New(&def_o, NULL);
    PyObject *varkw = PyCFunction_New(&def_varkw, NULL);
    PyObject *kwnames = Py_BuildValue("(s)", "k");
    PyObject *kw = Py_BuildValue("{s:s}", "k", "v");

    printf("types: %s %zd %s %zd\n", PyMethod_Type.tp_name, PyMethod_Type.tp_basicsize,
           PyInstanceMethod_Type.tp_name, PyInstanceMethod_Type.tp_basicsize);
    PyObject *m = PyMethod_New(fast, self);
    printf("Check %d Function is fast %d Self is self %d GET_FUNCTION %d GET_SELF %d callable %d\n",
           PyMethod_Check(m), PyMethod_Function(m) == fast, PyMethod_Self(m) == self,
           PyMethod_GET_FUNCTION(m) == fast, PyMethod_GET_SELF(m) == self, PyCallable_Check(m));

    PyObject *stack[12] = {NULL, a, b, a, b, a, b, a, b, a, b, NULL};
    show("m()", PyObject_CallNoArgs(m));
    show("m(A) CallOneArg", PyObject_CallOneArg(m, a));
    show("m(A, B) offset", PyObject_Vectorcall(m, stack + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    printf("stack[0] restored %d\n", stack[0] == NULL);
    show("m(A, B) no offset", PyObject_Vectorcall(m, stack + 1, 2, NULL));
    show("m(A, k=B) kwnames", PyObject_Vectorcall(m, stack + 1, 1, kwnames));
    show("m(A, k=B) kwnames offset", PyObject_Vectorcall(m, stack + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames));
    show("m(10 args)", PyObject_Vectorcall(m, stack + 1, 10, NULL));
    show("m(9 args, k=)", PyObject_Vectorcall(m, stack + 1, 9, kwnames));
    PyObject *args2 = Py_BuildValue("(OO)", a, b);
    show("Call(m, (A, B), {k: v})", PyObject_Call(m, args2, kw));
    show("CallObject(m, (A, B))", PyObject_CallObject(m, args2));
    show("CallFunction(m, \"ss\")", PyObject_CallFunction(m, "ss", "x", "y"));
    show("CallFunctionObjArgs(m, A)", PyObject_CallFunctionObjArgs(m, a, NULL));

    PyObject *mo = PyMethod_New(o, self);
    show("bound METH_O ()", PyObject_CallNoArgs(mo));
    show("bound METH_O (A)", PyObject_CallOneArg(mo, a));
    PyObject *mv = PyMethod_New(varkw, self);
    show("bound VARARGS|KW (A, k=v)", PyObject_Call(mv, Py_BuildValue("(O)", a), kw));
    show("bound VARARGS|KW kwnames", PyObject_Vectorcall(mv, stack + 1, 1, kwnames));

    /* Comparison and hash. */
    PyObject *m2 = PyMethod_New(fast, self);
    PyObject *m3 = PyMethod_New(fast, a);
    PyObject *m4 = PyMethod_New(o, self);
    printf("m == m2 %d, m != m2 %d, m == m3 %d, m == m4 %d, m == str %d\n",
           PyObject_RichCompareBool(m, m2, Py_EQ), PyObject_RichCompareBool(m, m2, Py_NE),
           PyObject_RichCompareBool(m, m3, Py_EQ), PyObject_RichCompareBool(m, m4, Py_EQ),
           PyObject_RichCompareBool(m, a, Py_EQ));
    show("m < m2", PyObject_RichCompare(m, m2, Py_LT));
    printf("hash m == hash m2 %d\n", PyObject_Hash(m) == PyObject_Hash(m2));
    Py_DECREF(m2); Py_DECREF(m3); Py_DECREF(m4);

    /* method(func, self) */
    show("method(fast, self)", PyObject_CallFunction((PyObject *)&PyMethod_Type, "OO", fast, self));
    show("method()", PyObject_CallNoArgs((PyObject *)&PyMethod_Type));
    show("method(fast)", PyObject_CallOneArg((PyObject *)&PyMethod_Type, fast));
    show("method(str, self)", PyObject_CallFunction((PyObject *)&PyMethod_Type, "OO", a, self));
    show("method(fast, None)", PyObject_CallFunction((PyObject *)&PyMethod_Type, "OO", fast, Py_None));
    show("method(fast, self, k=v)", PyObject_Call((PyObject *)&PyMethod_Type, Py_BuildValue("(OO)", fast, self), kw));

    /* Bad arguments. */
    show("PyMethod_New(fast, NULL)", PyMethod_New(fast, NULL));
    printf("PyMethod_Function(str) NULL %d\n", PyMethod_Function(a) == NULL);
    show("after PyMethod_Function(str)", NULL);
    printf("PyMethod_Self(str) NULL %d\n", PyMethod_Self(a) == NULL);
    show("after PyMethod_Self(str)", NULL);

    /* repr and attributes delegated to the function. */
    show_masked_repr("repr(m)", m);
    show_masked_repr("repr(mo)", mo);
    show("m.__name__", PyObject_GetAttrString(m, "__name__"));
    show("m.__qualname__", PyObject_GetAttrString(m, "__qualname__"));
    show("m.__doc__", PyObject_GetAttrString(m, "__doc__"));
    show("m.__self__", PyObject_GetAttrString(m, "__self__"));
    PyObject *func_attr = PyObject_GetAttrString(m, "__func__");
    printf("m.__func__ is fast %d\n", func_attr == fast);
    Py_XDECREF(func_attr);
    show("m.missing", PyObject_GetAttrString(m, "missing"));
    printf("setattr m.x %d\n", PyObject_SetAttrString(m, "x", a));
    show("after setattr", NULL);

    /* Calling methods by name. */
    if (PyType_Ready(&Obj) < 0) return 1;
    PyObject *obj = PyObject_CallNoArgs((PyObject *)&Obj);
    PyObject *name_o = PyUnicode_FromString("o"), *name_fast = PyUnicode_FromString("fastkw");
    PyObject *name_noargs = PyUnicode_FromString("noargs"), *name_missing = PyUnicode_FromString("missing");
    show("CallMethod(obj, o, \"s\")", PyObject_CallMethod(obj, "o", "s", "x"));
    show("CallMethod(obj, o, NULL)", PyObject_CallMethod(obj, "o", NULL));
    show("CallMethod(obj, noargs, NULL)", PyObject_CallMethod(obj, "noargs", NULL));
    show("CallMethod(obj, fastkw, \"(ss)\")", PyObject_CallMethod(obj, "fastkw", "(ss)", "x", "y"));
    show("CallMethod(obj, fastkw, \"ss#\")", PyObject_CallMethod(obj, "fastkw", "ss#", "x", "yz", (Py_ssize_t)1));
    show("_SizeT(obj, fastkw, \"s#\")", _PyObject_CallMethod_SizeT(obj, "fastkw", "s#", "xyz", (Py_ssize_t)2));
    show("_PyObject_CallMethod(obj, o, \"s\")", _PyObject_CallMethod(obj, name_o, "s", "x"));
    show("CallMethod(obj, missing, NULL)", PyObject_CallMethod(obj, "missing", NULL));
    show("CallMethod(obj, __doc__, NULL)", PyObject_CallMethod(obj, "__doc__", NULL));
    show("CallMethod(NULL, o, NULL)", PyObject_CallMethod(NULL, "o", NULL));
    show("EvalCallMethod(obj, o, \"(s)\")", PyEval_CallMethod(obj, "o", "(s)", "x"));
    show("EvalCallMethod(obj, o, \"s\")", PyEval_CallMethod(obj, "o", "s", "x"));
    show("CallMethodObjArgs(obj, fastkw, A, B)", PyObject_CallMethodObjArgs(obj, name_fast, a, b, NULL));
    show("CallMethodObjArgs(obj, noargs)", PyObject_CallMethodObjArgs(obj, name_noargs, NULL));
    show("CallMethodObjArgs(obj, missing)", PyObject_CallMethodObjArgs(obj, name_missing, NULL));
    show("CallMethodObjArgs(NULL, o)", PyObject_CallMethodObjArgs(NULL, name_o, a, NULL));
    show("CallMethodNoArgs(obj, noargs)", PyObject_CallMethodNoArgs(obj, name_noargs));
    show("CallMethodOneArg(obj, o, A)", PyObject_CallMethodOneArg(obj, name_o, a));
    show("CallMethodOneArg(obj, noargs, A)", PyObject_CallMethodOneArg(obj, name_noargs, a));
    PyObject *vstack[4] = {NULL, obj, a, b};
    show("VectorcallMethod(fastkw, [obj, A, k=B])", PyObject_VectorcallMethod(name_fast, vstack + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames));
    show("VectorcallMethod(fastkw, [obj, A, B])", PyObject_VectorcallMethod(name_fast, vstack + 1, 3, NULL));
    printf("vstack intact %d\n", vstack[0] == NULL && vstack[1] == obj && vstack[2] == a);
    PyObject *meth = PyObject_GetAttrString(obj, "fastkw");
    show_masked_repr("repr(obj.fastkw)", meth);
    show("obj.fastkw(A)", PyObject_CallOneArg(meth, a));
    Py_DECREF(meth);
    PyObject *descr = PyObject_GetAttrString((PyObject *)&Obj, "noargs");
    show_masked_repr("repr(Obj.noargs)", descr);
    show("Obj.noargs()", PyObject_CallNoArgs(descr));
    show("Obj.noargs(obj)", PyObject_CallOneArg(descr, obj));
    show("Obj.noargs(obj, A)", PyObject_CallFunctionObjArgs(descr, obj, a, NULL));
    show("Obj.noargs(A)", PyObject_CallOneArg(descr, a));
    Py_DECREF(descr);
    Py_DECREF(obj); Py_DECREF(name_o); Py_DECREF(name_fast); Py_DECREF(name_noargs); Py_DECREF(name_missing);

    /* Instance methods. */
    PyObject *im = PyInstanceMethod_New(fast);
    printf("IM Check %d Function %d GET_FUNCTION %d callable %d\n", PyInstanceMethod_Check(im),
           PyInstanceMethod_Function(im) == fast, PyInstanceMethod_GET_FUNCTION(im) == fast, PyCallable_Check(im));
    show("im(A)", PyObject_CallOneArg(im, a));
    show("im(A, k=v)", PyObject_Call(im, Py_BuildValue("(O)", a), kw));
    PyObject *bound = Py_TYPE(im)->tp_descr_get(im, self, (PyObject *)&PyUnicode_Type);
    printf("descr_get(self) is method %d of self %d\n", PyMethod_Check(bound), PyMethod_GET_SELF(bound) == self);
    show("bound(A)", PyObject_CallOneArg(bound, a));
    Py_DECREF(bound);
    PyObject *unbound = Py_TYPE(im)->tp_descr_get(im, NULL, (PyObject *)&PyUnicode_Type);
    printf("descr_get(NULL) is the function %d\n", unbound == fast);
    Py_DECREF(unbound);
    PyObject *im2 = PyInstanceMethod_New(fast);
    PyObject *im3 = PyInstanceMethod_New(o);
    printf("im == im2 %d, im == im3 %d, im != im3 %d\n", PyObject_RichCompareBool(im, im2, Py_EQ),
           PyObject_RichCompareBool(im, im3, Py_EQ), PyObject_RichCompareBool(im, im3, Py_NE));
    printf("hash(im) ");
    show("", PyObject_Hash(im) == -1 ? NULL : Py_BuildValue(""));
    show("instancemethod(fast)", PyObject_CallOneArg((PyObject *)&PyInstanceMethod_Type, fast));
    show("instancemethod()", PyObject_CallNoArgs((PyObject *)&PyInstanceMethod_Type));
    show("instancemethod(str)", PyObject_CallOneArg((PyObject *)&PyInstanceMethod_Type, a));
    show("instancemethod(fast, fast)", PyObject_CallFunctionObjArgs((PyObject *)&PyInstanceMethod_Type, fast, fast, NULL));
    printf("PyInstanceMethod_Function(str) NULL %d\n", PyInstanceMethod_Function(a) == NULL);
    show("after PyInstanceMethod_Function(str)", NULL);
    show_masked_repr("repr(im)", im);
    show("im.__name__", PyObject_GetAttrString(im, "__name__"));
    PyObject *imf = PyObject_GetAttrString(im, "__func__");
    printf("im.__func__ is fast %d\n", imf == fast);
    Py_XDECREF(imf);
    Py_DECREF(im); Py_DECREF(im2); Py_DECREF(im3);

    printf("refcnt self %zd\n", Py_REFCNT(self));
    Py_DECREF(m); Py_DECREF(mo); Py_DECREF(mv);
    printf("refcnt self after %zd\n", Py_REFCNT(self));
    Py_DECREF(self); Py_DECREF(a); Py_DECREF(b); Py_DECREF(fast); Py_DECREF(o); Py_DECREF(varkw);
    Py_DECREF(kwnames); Py_DECREF(kw); Py_DECREF(args2);
    Py_Finalize();
    printf("done\n");
    return 0;
}
