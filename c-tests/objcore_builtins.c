/* The builtins objcore added: all, any, aiter, anext (with and without a default: the
 * anext_awaitable drives the awaitable and turns StopAsyncIteration into
 * StopIteration(default)), input (sys.stdin/sys.stdout objects, prompt, EOFError, bytes
 * lines, lost streams), breakpoint (sys.breakpointhook), vars(obj), PyFile_GetLine /
 * PyFile_WriteObject / PyFile_WriteString, and the builtin types registered by name. */
#include <Python.h>
#include "proto_util.h"

/* An async iterator giving 10, 20, then StopAsyncIteration; each step is an awaitable
 * whose iterator returns the value at once (StopIteration(value)). */
typedef struct { PyObject_HEAD int n; } AIt;
typedef struct { PyObject_HEAD PyObject *value; } Step;
static PyTypeObject Step_Type;

static PyObject *step_next(PyObject *self)
{
    Step *s = (Step *)self;
    if (s->value == NULL) {
        PyErr_SetNone(PyExc_StopAsyncIteration);
        return NULL;
    }
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, s->value);
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return NULL;
}
static void step_dealloc(PyObject *self) { Py_XDECREF(((Step *)self)->value); PyObject_Free(self); }
static PyAsyncMethods step_async = {PyObject_SelfIter, 0, 0, 0};
static PyTypeObject Step_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "Step",
    .tp_basicsize = sizeof(Step),
    .tp_dealloc = step_dealloc,
    .tp_as_async = &step_async,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = step_next,
};

static PyObject *ait_anext(PyObject *self)
{
    AIt *a = (AIt *)self;
    Step *s = PyObject_New(Step, &Step_Type);
    s->value = a->n < 2 ? PyLong_FromLong(10 * ++a->n) : NULL;
    return (PyObject *)s;
}
static PyObject *ait_aiter_bad(PyObject *self) { (void)self; return PyLong_FromLong(1); }
static PyAsyncMethods ait_async = {0, PyObject_SelfIter, ait_anext, 0};
static PyAsyncMethods bad_async = {0, ait_aiter_bad, 0, 0};
static PyTypeObject AIt_Type = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "AIt", .tp_basicsize = sizeof(AIt), .tp_as_async = &ait_async};
static PyTypeObject BadAIt_Type = {PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "BadAIt", .tp_basicsize = sizeof(AIt), .tp_as_async = &bad_async};

/* Drives an awaitable one step: prints the value it returns (StopIteration.value). */
static void await_once(const char *what, PyObject *aw)
{
    PyObject *r = Py_TYPE(aw)->tp_iternext(aw);
    if (r != NULL) {
        show(what, r);
        return;
    }
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("%s: %s", what, t ? ((PyTypeObject *)t)->tp_name : "end");
    if (v && PyObject_TypeCheck(v, (PyTypeObject *)PyExc_StopIteration)) {
        printf(" value=");
        PyObject_Print(((PyStopIterationObject *)v)->value, stdout, 0);
    }
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

/* stdin/stdout stand-ins. */
static PyObject *lines;   /* list of what readline returns, in order */
static PyObject *written; /* list of what write received */
static PyObject *fake_readline(PyObject *self, PyObject *args)
{
    (void)self; (void)args;
    if (PyList_GET_SIZE(lines) == 0)
        return PyUnicode_FromString("");
    PyObject *first = PyList_GetItem(lines, 0);
    Py_INCREF(first);
    PySequence_DelItem(lines, 0);
    return first;
}
static PyObject *fake_write(PyObject *self, PyObject *args) { (void)self; PyList_Append(written, PyTuple_GET_ITEM(args, 1)); return PyLong_FromLong(0); }
static PyObject *fake_flush(PyObject *self, PyObject *args) { (void)self; (void)args; Py_RETURN_NONE; }
static PyObject *hook(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    printf("hook called: ");
    PyObject_Print(args, stdout, 0);
    printf(" ");
    PyObject_Print(kw ? kw : Py_None, stdout, 0);
    printf("\n");
    return PyUnicode_FromString("hook result");
}
static PyMethodDef defs[] = {
    {"readline", fake_readline, METH_VARARGS, NULL},
    {"write", fake_write, METH_VARARGS, NULL},
    {"flush", fake_flush, METH_VARARGS, NULL},
    {"hook", (PyCFunction)(void (*)(void))hook, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *file_like(void)
{
    PyObject *ns = PyDict_New();
    for (int i = 0; i < 3; i++) {
        PyObject *f = PyCFunction_New(&defs[i], NULL);
        PyDict_SetItemString(ns, defs[i].ml_name, PyInstanceMethod_New(f));
        Py_DECREF(f);
    }
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "FileLike", ns);
    return PyObject_CallNoArgs(cls);
}

int main(void)
{
    Py_Initialize();
    PyType_Ready(&Step_Type);
    PyType_Ready(&AIt_Type);
    PyType_Ready(&BadAIt_Type);
    PyObject *b = PyEval_GetBuiltins();
#define F(name) PyDict_GetItemString(b, name)

    const char *types[] = {"bytearray", "enumerate", "filter", "map", "memoryview", "range", "reversed", "zip"};
    for (int i = 0; i < 8; i++)
        show(types[i], PyObject_Repr(F(types[i])));

    show("all([1, 2])", PyObject_CallOneArg(F("all"), Py_BuildValue("[ii]", 1, 2)));
    show("all([1, 0])", PyObject_CallOneArg(F("all"), Py_BuildValue("[ii]", 1, 0)));
    show("all([])", PyObject_CallOneArg(F("all"), PyList_New(0)));
    show("any([0, ''])", PyObject_CallOneArg(F("any"), Py_BuildValue("[is]", 0, "")));
    show("any((0, 3))", PyObject_CallOneArg(F("any"), Py_BuildValue("(ii)", 0, 3)));
    show("any(5)", PyObject_CallOneArg(F("any"), PyLong_FromLong(5)));
    show("all()", PyObject_CallNoArgs(F("all")));

    /* aiter / anext */
    AIt *it = PyObject_New(AIt, &AIt_Type);
    it->n = 0;
    show("aiter(it) is it", PyBool_FromLong(PyObject_CallOneArg(F("aiter"), (PyObject *)it) == (PyObject *)it));
    show("PyObject_GetAIter(it) is it", PyBool_FromLong(PyObject_GetAIter((PyObject *)it) == (PyObject *)it));
    printf("PyAIter_Check(it) %d, (1) %d\n", PyAIter_Check((PyObject *)it), PyAIter_Check(Py_None));
    show("aiter(1)", PyObject_CallOneArg(F("aiter"), PyLong_FromLong(1)));
    PyObject *bad = (PyObject *)PyObject_New(AIt, &BadAIt_Type);
    show("aiter(bad)", PyObject_CallOneArg(F("aiter"), bad));
    PyObject *step = PyObject_CallOneArg(F("anext"), (PyObject *)it);
    show("type(anext(it))", PyObject_Type(step));
    await_once("await anext(it)", step);
    PyObject *aw = PyObject_CallFunction(F("anext"), "Os", (PyObject *)it, "dflt");
    printf("type(anext(it, d)): %s\n", Py_TYPE(aw)->tp_name);
    show("iter(aw) is aw", PyBool_FromLong(PyObject_GetIter(aw) == aw));
    await_once("await anext(it, d)", aw);
    PyObject *aw2 = PyObject_CallFunction(F("anext"), "Os", (PyObject *)it, "dflt");
    await_once("await anext(it, d) at the end", aw2);
    PyObject *aw3 = PyObject_CallFunction(F("anext"), "O(ii)", (PyObject *)it, 1, 2);
    await_once("await anext(it, (1, 2)) at the end", aw3);
    PyObject *aw4 = PyObject_CallFunction(F("anext"), "Os", (PyObject *)it, "dflt");
    show("aw.send(None)", PyObject_CallMethod(aw4, "send", "O", Py_None));
    show("aw.close()", PyObject_CallMethod(aw4, "close", NULL));
    show("anext(1)", PyObject_CallOneArg(F("anext"), PyLong_FromLong(1)));
    show("anext()", PyObject_CallNoArgs(F("anext")));

    /* input */
    lines = PyList_New(0);
    written = PyList_New(0);
    PyObject *fake = file_like();
    PyObject *old_in = PySys_GetObject("stdin"), *old_out = PySys_GetObject("stdout");
    Py_INCREF(old_in); Py_INCREF(old_out);
    PySys_SetObject("stdin", fake);
    PySys_SetObject("stdout", fake);
    PyList_Append(lines, S("first line\n"));
    PyList_Append(lines, S("no newline"));
    PyList_Append(lines, PyBytes_FromString("bytes\n"));
    PyList_Append(lines, PyLong_FromLong(3));
    PyObject *r1 = PyObject_CallOneArg(F("input"), S("prompt> "));
    PyObject *r2 = PyObject_CallNoArgs(F("input"));
    PyObject *r3 = PyObject_CallOneArg(F("input"), PyLong_FromLong(42));
    PyObject *r4 = PyObject_CallNoArgs(F("input"));
    PyObject *e4 = fetch_value();
    PyObject *r5 = PyObject_CallNoArgs(F("input"));
    PyObject *e5 = fetch_value();
    PyObject *r6 = PyObject_CallFunction(F("input"), "ss", "a", "b");
    PyObject *e6 = fetch_value();
    PyObject *e7 = NULL;
    PySys_SetObject("stdin", Py_None);
    PyObject *r7 = PyObject_CallNoArgs(F("input"));
    e7 = fetch_value();
    PyObject *f1 = PyFile_GetLine(fake, 0);
    PyObject *e8 = f1 ? NULL : fetch_value();
    int w1 = PyFile_WriteObject(S("x"), fake, 0);
    int w2 = PyFile_WriteObject(S("y"), fake, Py_PRINT_RAW);
    int w3 = PyFile_WriteString("z", fake);
    int w4 = PyFile_WriteString("z", NULL);
    PyObject *e9 = fetch_value();
    PySys_SetObject("stdin", old_in);
    PySys_SetObject("stdout", old_out);
    show("input('prompt> ')", r1);
    show("input() no newline", r2);
    show("input(42) bytes", r3);
    printf("input() int line: %p ", (void *)r4);
    show("", e4);
    printf("input() at EOF: %p ", (void *)r5);
    show("", e5);
    printf("input('a', 'b'): %p ", (void *)r6);
    show("", e6);
    printf("input() without stdin: %p ", (void *)r7);
    show("", e7);
    show("PyFile_GetLine(f, 0) at EOF", f1 ? f1 : e8);
    printf("PyFile_Write*: %d %d %d %d\n", w1, w2, w3, w4);
    show("PyFile_WriteString(NULL file)", e9);
    show("written", written);

    /* breakpoint */
    PyObject *h = PyCFunction_New(&defs[3], NULL);
    PySys_SetObject("breakpointhook", h);
    PyObject *kw = Py_BuildValue("{s:i}", "a", 2);
    show("breakpoint(1, a=2)", PyObject_Call(F("breakpoint"), Py_BuildValue("(i)", 1), kw));
    PyDict_DelItemString(PySys_GetObject("__dict__") ? PySys_GetObject("__dict__") : PyModule_GetDict(PyImport_AddModule("sys")), "breakpointhook");
    show("breakpoint() without the hook", PyObject_CallNoArgs(F("breakpoint")));

    /* vars */
    PyObject *m = PyModule_New("mm");
    show("vars(module) is its dict", PyBool_FromLong(PyObject_CallOneArg(F("vars"), m) == PyModule_GetDict(m)));
    show("vars(1)", PyObject_CallOneArg(F("vars"), PyLong_FromLong(1)));
    show("vars(1, 2)", PyObject_CallFunction(F("vars"), "ii", 1, 2));
    show("vars() without a frame", PyObject_CallNoArgs(F("vars")));
    Py_Finalize();
    return 0;
}
