/* The eval C-API from C: PyFunction_* on functions made by Python code (defaults, keyword
 * defaults, closures, globals, module, new functions from a code object), PyEval_EvalCodeEx
 * with arguments, PyCode_NewEmpty/Addr2Line/GetVarnames, and the frame API seen from a C
 * function called by Python (PyEval_GetFrame, PyFrame_Get*, PyThreadState_GetFrame,
 * PyEval_GetGlobals/GetLocals, PyEval_GetFuncName/Desc). */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static void show_exc(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) { printf("%s: no error\n", what); return; }
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *s = PyObject_Str(v);
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, s ? PyUnicode_AsUTF8(s) : "?");
    Py_XDECREF(s); Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static void show(const char *what, PyObject *o)
{
    printf("%s: ", what);
    if (o) put(o); else printf("NULL");
    printf("\n");
}

static PyObject *inspect(PyObject *self, PyObject *arg)
{
    (void)self; (void)arg;
    PyFrameObject *f = PyEval_GetFrame();
    if (f == NULL) { printf("no frame\n"); Py_RETURN_NONE; }
    PyCodeObject *code = PyFrame_GetCode(f);
    printf("frame code %s line %d\n", PyUnicode_AsUTF8(code->co_name), PyFrame_GetLineNumber(f));
    Py_DECREF(code);
    PyFrameObject *back = PyFrame_GetBack(f);
    if (back) {
        PyCodeObject *bc = PyFrame_GetCode(back);
        printf("back code %s line %d\n", PyUnicode_AsUTF8(bc->co_name), PyFrame_GetLineNumber(back));
        Py_DECREF(bc);
        Py_DECREF(back);
    }
    PyObject *locals = PyFrame_GetLocals(f);
    show("locals", locals);
    Py_XDECREF(locals);
    PyObject *g = PyFrame_GetGlobals(f);
    printf("globals is PyEval_GetGlobals: %d\n", g == PyEval_GetGlobals());
    Py_XDECREF(g);
    PyFrameObject *ts = PyThreadState_GetFrame(PyThreadState_Get());
    printf("thread frame is eval frame: %d\n", ts == f);
    Py_XDECREF(ts);
    Py_RETURN_NONE;
}

static PyMethodDef inspect_def = {"inspect", inspect, METH_O, NULL};

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();

    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__name__", PyUnicode_FromString("mod"));
    PyObject *insp = PyCFunction_New(&inspect_def, NULL);
    PyDict_SetItemString(g, "inspect", insp);
    PyObject *r = PyRun_String(
        "def f(a, b=2, *, c=3):\n    return a + b + c\n"
        "def make(n):\n    def add(x):\n        return x + n\n    return add\n"
        "add5 = make(5)\n"
        "def outer(p):\n    q = p * 2\n    inspect(None)\n    return q\n",
        Py_file_input, g, g);
    if (r == NULL) show_exc("define"); else Py_DECREF(r);
    PyObject *f = PyDict_GetItemString(g, "f");
    PyObject *add5 = PyDict_GetItemString(g, "add5");
    printf("PyFunction_Check: %d %d\n", PyFunction_Check(f), PyFunction_Check(g));
    show("defaults", PyFunction_GetDefaults(f));
    show("kwdefaults", PyFunction_GetKwDefaults(f));
    printf("closure of f is NULL: %d\n", PyFunction_GetClosure(f) == NULL);
    show("closure of add5 len", PyLong_FromSsize_t(PyTuple_Size(PyFunction_GetClosure(add5))));
    printf("globals is g: %d\n", PyFunction_GetGlobals(f) == g);
    show("module", PyFunction_GetModule(f));
    PyCodeObject *co = (PyCodeObject *)PyFunction_GetCode(f);
    printf("co_argcount %d kwonly %d nlocals %d flags-optimized %d\n", co->co_argcount, co->co_kwonlyargcount,
           co->co_nlocals, (co->co_flags & CO_OPTIMIZED) != 0);
    show("name", co->co_name);
    PyObject *varnames = PyCode_GetVarnames(co);
    show("varnames", varnames);
    Py_XDECREF(varnames);

    PyObject *args = Py_BuildValue("(i)", 1);
    PyObject *res = PyObject_Call(f, args, NULL);
    show("f(1)", res); Py_XDECREF(res);
    PyObject *defs = Py_BuildValue("(i)", 10);
    printf("SetDefaults: %d\n", PyFunction_SetDefaults(f, defs));
    res = PyObject_Call(f, args, NULL);
    show("f(1) after", res); Py_XDECREF(res);
    PyObject *lst = PyList_New(0);
    printf("SetDefaults(list): %d\n", PyFunction_SetDefaults(f, lst));
    show_exc("SetDefaults(list)");
    printf("SetKwDefaults(list): %d\n", PyFunction_SetKwDefaults(f, lst));
    show_exc("SetKwDefaults(list)");
    PyObject *kw = Py_BuildValue("{s:i}", "c", 100);
    res = PyObject_Call(f, args, kw);
    show("f(1, c=100)", res); Py_XDECREF(res);
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i}", "zz", 1);
    res = PyObject_Call(f, args, kw);
    if (res == NULL) show_exc("f(1, zz=1)"); else Py_DECREF(res);
    Py_DECREF(kw);

    PyObject *f2 = PyFunction_New((PyObject *)co, g);
    show("new function name", f2 ? PyObject_GetAttrString(f2, "__qualname__") : NULL);
    res = PyObject_CallFunction(f2, "iii", 1, 2, 3);
    if (res == NULL) show_exc("f2(1, 2, 3)"); else { show("f2(1, 2, 3)", res); Py_DECREF(res); }
    res = PyObject_CallFunction(f2, "ii", 1, 2);
    if (res == NULL) show_exc("f2(1, 2)"); else { show("f2(1, 2)", res); Py_DECREF(res); }

    PyObject *cargs[2] = {PyLong_FromLong(4), PyLong_FromLong(5)};
    PyObject *kws[2] = {PyUnicode_FromString("c"), PyLong_FromLong(6)};
    res = PyEval_EvalCodeEx((PyObject *)co, g, NULL, cargs, 2, kws, 1, NULL, 0, NULL, NULL);
    show("EvalCodeEx f(4, 5, c=6)", res); Py_XDECREF(res);
    res = PyEval_EvalCodeEx((PyObject *)co, g, NULL, cargs, 1, NULL, 0, NULL, 0, NULL, NULL);
    if (res == NULL) show_exc("EvalCodeEx f(4)"); else Py_DECREF(res);

    printf("GetFuncName %s%s, %s%s, %s%s\n", PyEval_GetFuncName(f), PyEval_GetFuncDesc(f),
           PyEval_GetFuncName((PyObject *)&PyLong_Type), PyEval_GetFuncDesc((PyObject *)&PyLong_Type),
           PyEval_GetFuncName(args), PyEval_GetFuncDesc(args));
    printf("no Python frame: %d %d\n", PyEval_GetFrame() == NULL, PyEval_GetGlobals() == NULL);

    r = PyRun_String("outer(21)\n", Py_file_input, g, g);
    if (r == NULL) show_exc("outer"); else Py_DECREF(r);

    PyCodeObject *empty = PyCode_NewEmpty("file.c", "cfunc", 42);
    show("NewEmpty name", empty->co_name);
    show("NewEmpty filename", empty->co_filename);
    printf("NewEmpty firstlineno %d argcount %d Addr2Line(-1) %d\n", empty->co_firstlineno, empty->co_argcount,
           PyCode_Addr2Line(empty, -1));
    PyObject *fv = PyCode_GetFreevars(empty);
    show("NewEmpty freevars", fv);
    Py_XDECREF(fv);
    Py_DECREF(empty);

    Py_DECREF(args); Py_DECREF(defs); Py_DECREF(lst); Py_XDECREF(f2);
    Py_DECREF(g);
    Py_Finalize();
    return 0;
}
