/* The call protocol with positional and keyword arguments in both forms (tuple + dict,
 * vectorcall array + kwnames): PyObject_Call, PyObject_CallObject,
 * PyEval_CallObjectWithKeywords, PyObject_VectorcallDict, PyObject_Vectorcall with kwnames,
 * PyVectorcall_Call, _PyObject_MakeTpCall, _PyObject_FastCall, _PyStack_AsDict,
 * _Py_CheckFunctionResult, the format entry points (PyObject_CallFunction, PyEval_CallFunction,
 * PyObject_CallFunctionObjArgs) and the recursion guard (Py_EnterRecursiveCall).
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void show(const char *what, PyObject *res)
{
    printf("%-36s -> ", what);
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
        /* An exception instance: its str, and its cause's type when chained. */
        PyObject *c = PyException_GetCause(v);
        PyObject *str = PyObject_Str(v);
        if (str) { print_compact(str); Py_DECREF(str); }
        if (c) { printf(" (cause %s)", Py_TYPE(c)->tp_name); Py_DECREF(c); }
    }
    else if (v && PyUnicode_Check(v)) {
        /* CPython's PyErr_BadInternalCall macro prefixes its own FILE:LINE. */
        const char *s = (const char *)PyUnicode_DATA(v);
        const char *bad = PyUnicode_KIND(v) == 1 ? strstr(s, "bad argument to internal function") : NULL;
        if (bad) printf("%s", bad); else print_compact(v);
    }
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

/* Each function returns (convention, positional..., keywords) as a tuple. */
static PyObject *pack(const char *conv, PyObject *const *args, Py_ssize_t nargs, PyObject *kw)
{
    PyObject *t = Py_BuildValue("(s)", conv);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *u = Py_BuildValue("(OO)", t, args[i]);
        Py_DECREF(t);
        t = u;
    }
    PyObject *r = Py_BuildValue("(OO)", t, kw ? kw : Py_None);
    Py_DECREF(t);
    return r;
}

static PyObject *f_noargs(PyObject *self, PyObject *unused) { (void)self; (void)unused; return pack("noargs", NULL, 0, NULL); }
static PyObject *f_o(PyObject *self, PyObject *arg) { (void)self; return pack("o", &arg, 1, NULL); }
static PyObject *f_varargs(PyObject *self, PyObject *args)
{
    (void)self;
    return pack("varargs", &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}
static PyObject *f_varkw(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    return pack("varkw", &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), kw);
}
static PyObject *f_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    return pack("fast", args, nargs, NULL);
}
static PyObject *f_fastkw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)self;
    PyObject *r = pack("fastkw", args, nargs, kwnames);
    if (kwnames) {
        /* The keyword values follow the positional ones. */
        PyObject *vals = PyTuple_GET_SIZE(kwnames) == 2 ? Py_BuildValue("(OO)", args[nargs], args[nargs + 1])
                                                        : Py_BuildValue("(O)", args[nargs]);
        PyObject *u = Py_BuildValue("(NN)", r, vals);
        r = u;
    }
    return r;
}
static PyObject *f_method(PyObject *self, PyTypeObject *cls, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    (void)self; (void)cls;
    return pack("method", args, (Py_ssize_t)nargsf, kwnames);
}

static int depth;
/* f(f) calls f(f) again. */
static PyObject *f_recurse(PyObject *self, PyObject *arg)
{
    (void)self;
    depth++;
    return PyObject_CallOneArg(arg, arg);
}

static PyMethodDef defs[] = {
    {"noargs", f_noargs, METH_NOARGS, NULL},
    {"o", f_o, METH_O, NULL},
    {"varargs", f_varargs, METH_VARARGS, NULL},
    {"varkw", _PyCFunction_CAST(f_varkw), METH_VARARGS | METH_KEYWORDS, NULL},
    {"fast", _PyCFunction_CAST(f_fast), METH_FASTCALL, NULL},
    {"fastkw", _PyCFunction_CAST(f_fastkw), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"method", _PyCFunction_CAST(f_method), METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};
static PyMethodDef recurse_def = {"recurse", f_recurse, METH_O, NULL};

int main(void)
{
    Py_Initialize();
    PyObject *a = PyUnicode_FromString("A"), *b = PyUnicode_FromString("B");
    PyObject *args2 = Py_BuildValue("(ss)", "x", "y");
    PyObject *args1 = Py_BuildValue("(s)", "x");
    PyObject *args0 = Py_BuildValue("()");
    PyObject *kw = Py_BuildValue("{s:s,s:s}", "k1", "v1", "k2", "v2");
    PyObject *kw0 = Py_BuildValue("{}");
    PyObject *kwnames = Py_BuildValue("(ss)", "k1", "k2");
    PyObject *kwnames0 = Py_BuildValue("()");
    PyObject *stack[6] = {NULL, a, b, a, b, NULL};
    PyObject *tstate_dummy = NULL;
    (void)tstate_dummy;
    char what[128];

    for (PyMethodDef *d = defs; d->ml_name; d++) {
        PyObject *f = (d->ml_flags & METH_METHOD) ? PyCMethod_New(d, NULL, NULL, &PyUnicode_Type)
                                                  : PyCFunction_New(d, NULL);
        printf("== %s\n", d->ml_name);
#define CALL(label, expr) snprintf(what, sizeof what, "%s", label); show(what, expr)
        CALL("Call(f, (x, y))", PyObject_Call(f, args2, NULL));
        CALL("Call(f, (x,))", PyObject_Call(f, args1, NULL));
        CALL("Call(f, ())", PyObject_Call(f, args0, NULL));
        CALL("Call(f, (x, y), {})", PyObject_Call(f, args2, kw0));
        CALL("Call(f, (x,), {k1, k2})", PyObject_Call(f, args1, kw));
        CALL("Call(f, (), {k1, k2})", PyObject_Call(f, args0, kw));
        CALL("CallObject(f, (x,))", PyObject_CallObject(f, args1));
        CALL("CallObject(f, str)", PyObject_CallObject(f, a));
        CALL("CallObjectWithKeywords(f, NULL, kw)", PyEval_CallObjectWithKeywords(f, NULL, kw));
        CALL("CallObjectWithKeywords(f, (x,), str)", PyEval_CallObjectWithKeywords(f, args1, a));
        CALL("CallObjectWithKeywords(f, str, kw)", PyEval_CallObjectWithKeywords(f, a, kw));
        CALL("VectorcallDict(f, [A], kw)", PyObject_VectorcallDict(f, stack + 1, 1, kw));
        CALL("VectorcallDict(f, [A, B], {})", PyObject_VectorcallDict(f, stack + 1, 2, kw0));
        CALL("VectorcallDict(f, [A], NULL)", PyObject_VectorcallDict(f, stack + 1, 1, NULL));
        CALL("Vectorcall(f, [A, B], kwnames)", PyObject_Vectorcall(f, stack + 1, 0 | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames));
        CALL("Vectorcall(f, [A, B, A, B], kwnames)", PyObject_Vectorcall(f, stack + 1, 2, kwnames));
        CALL("Vectorcall(f, [A], ())", PyObject_Vectorcall(f, stack + 1, 1, kwnames0));
        CALL("VectorcallCall(f, (x,), kw)", PyVectorcall_Call(f, args1, kw));
        CALL("VectorcallCall(f, (x, y), NULL)", PyVectorcall_Call(f, args2, NULL));
        CALL("MakeTpCall(f, [A, B], kwnames)", _PyObject_MakeTpCall(PyThreadState_Get(), f, stack + 1, 0, kwnames));
        CALL("MakeTpCall(f, [A], kw)", _PyObject_MakeTpCall(PyThreadState_Get(), f, stack + 1, 1, kw));
        CALL("MakeTpCall(f, [A, B], NULL)", _PyObject_MakeTpCall(PyThreadState_Get(), f, stack + 1, 2, NULL));
        CALL("FastCall(f, [A])", _PyObject_FastCall(f, stack + 1, 1));
        CALL("CallFunction(f, NULL)", PyObject_CallFunction(f, NULL));
        CALL("CallFunction(f, \"\")", PyObject_CallFunction(f, ""));
        CALL("CallFunction(f, \"s\")", PyObject_CallFunction(f, "s", "one"));
        CALL("CallFunction(f, \"ss\")", PyObject_CallFunction(f, "ss", "one", "two"));
        CALL("CallFunction(f, \"(ss)\")", PyObject_CallFunction(f, "(ss)", "one", "two"));
        CALL("CallFunction(f, \"O\", tuple)", PyObject_CallFunction(f, "O", args2));
        CALL("CallFunction(f, \"(O)\", tuple)", PyObject_CallFunction(f, "(O)", args2));
        CALL("CallFunction(f, \"s#\")", PyObject_CallFunction(f, "s#", "hello", (Py_ssize_t)2));
        CALL("CallFunction(f, \"s!\")", PyObject_CallFunction(f, "s!", "x"));
        CALL("_SizeT(f, \"s#\")", _PyObject_CallFunction_SizeT(f, "s#", "hello", (Py_ssize_t)3));
        CALL("CallFunctionObjArgs(f, A, B)", PyObject_CallFunctionObjArgs(f, a, b, NULL));
        CALL("CallFunctionObjArgs(f)", PyObject_CallFunctionObjArgs(f, NULL));
        CALL("EvalCallFunction(f, \"(s)\")", PyEval_CallFunction(f, "(s)", "e"));
        CALL("EvalCallFunction(f, \"s\")", PyEval_CallFunction(f, "s", "e"));
        CALL("EvalCallFunction(f, \"\")", PyEval_CallFunction(f, ""));
        CALL("EvalCallFunction(f, \"ss\")", PyEval_CallFunction(f, "ss", "e", "f"));
        Py_DECREF(f);
    }

    printf("== errors\n");
    show("Call(str)", PyObject_Call(a, args0, NULL));
    show("CallFunction(str)", PyObject_CallFunction(a, "s", "x"));
    show("CallFunctionObjArgs(str)", PyObject_CallFunctionObjArgs(a, NULL));
    show("VectorcallDict(str)", PyObject_VectorcallDict(a, NULL, 0, NULL));
    show("VectorcallCall(str)", PyVectorcall_Call(a, args0, NULL));
    show("MakeTpCall(str)", _PyObject_MakeTpCall(PyThreadState_Get(), a, NULL, 0, NULL));
    show("CallFunction(NULL)", PyObject_CallFunction(NULL, "s", "x"));
    show("CallFunctionObjArgs(NULL)", PyObject_CallFunctionObjArgs(NULL, a, NULL));
    show("CheckFunctionResult(NULL, NULL)", _Py_CheckFunctionResult(PyThreadState_Get(), NULL, NULL, "somewhere"));
    PyErr_SetString(PyExc_KeyError, "pending");
    Py_INCREF(a);
    show("CheckFunctionResult(result+error)", _Py_CheckFunctionResult(PyThreadState_Get(), NULL, a, "here"));
    Py_INCREF(a);
    show("CheckFunctionResult(ok)", _Py_CheckFunctionResult(PyThreadState_Get(), NULL, a, "here"));
    show("_PyStack_AsDict", _PyStack_AsDict(stack + 1, kwnames));
    PyObject *dup = Py_BuildValue("(ss)", "k", "k");
    PyObject *d = _PyStack_AsDict(stack + 1, dup);
    printf("duplicate names: size %zd last wins %d\n", PyDict_GET_SIZE(d), d != NULL);
    Py_DECREF(d); Py_DECREF(dup);

    printf("== recursion\n");
    int n = 0;
    while (Py_EnterRecursiveCall(" while testing") == 0 && n < 100000)
        n++;
    printf("entered %d levels\n", n);
    show("EnterRecursiveCall", NULL);
    for (int i = 0; i < n; i++)
        Py_LeaveRecursiveCall();
    printf("again ok %d\n", Py_EnterRecursiveCall("") == 0);
    Py_LeaveRecursiveCall();
    PyObject *rec = PyCFunction_New(&recurse_def, NULL);
    show("self-recursive builtin", PyObject_CallOneArg(rec, rec));
    printf("depth reached %d\n", depth);
    Py_DECREF(rec);
    printf("after recursion ok %d\n", Py_EnterRecursiveCall("") == 0);
    Py_LeaveRecursiveCall();

    Py_DECREF(a); Py_DECREF(b); Py_DECREF(args2); Py_DECREF(args1); Py_DECREF(args0);
    Py_DECREF(kw); Py_DECREF(kw0); Py_DECREF(kwnames); Py_DECREF(kwnames0);
    Py_Finalize();
    printf("done\n");
    return 0;
}
