/* Errors and object helpers objcore added: _PyErr_FormatFromCause (printf-style message,
 * the pending exception as __cause__ and __context__), _Py_FatalErrorFormat (in a forked
 * child: the first line it prints and the abort), the thread-state forms
 * _PyErr_GetExcInfo/_PyErr_GetHandledException/_PyErr_SetHandledException/
 * _PyErr_GetTopmostException, _PyErr_SetKeyError, _PyErr_CheckSignals, and
 * _PyObject_GetState, _PyObject_IsAbstract, _PyObject_RealIsInstance/Subclass,
 * _PyObject_HasLen, _PyObject_FunctionStr, _PyType_GetDocFromInternalDoc,
 * _PyType_GetTextSignatureFromInternalDoc. */
#include <Python.h>
#include <sys/wait.h>
#include <unistd.h>
#include "proto_util.h"

static void show_chain(const char *what)
{
    PyObject *v = fetch_value();
    if (v == NULL) {
        printf("%s: no error\n", what);
        return;
    }
    printf("%s: ", what);
    PyObject_Print(v, stdout, 0);
    PyObject *cause = PyException_GetCause(v), *context = PyException_GetContext(v);
    printf(" cause=");
    PyObject_Print(cause ? cause : Py_None, stdout, 0);
    printf(" context-is-cause=%d\n", cause != NULL && cause == context);
    Py_XDECREF(cause);
    Py_XDECREF(context);
    Py_DECREF(v);
}

int main(void)
{
    Py_Initialize();
    PyErr_SetString(PyExc_KeyError, "inner");
    PyObject *r = _PyErr_FormatFromCause(PyExc_RuntimeError, "outer %d %s %R", 42, "text", Py_None);
    printf("returned NULL: %d\n", r == NULL);
    show_chain("FormatFromCause");
    PyErr_SetObject(PyExc_ValueError, Py_BuildValue("(ii)", 1, 2));
    _PyErr_FormatFromCause(PyExc_TypeError, "%s", "from tuple args");
    show_chain("FormatFromCause (tuple value)");

    PyThreadState *ts = PyThreadState_Get();
    show("_PyErr_GetHandledException (none)", PyBool_FromLong(_PyErr_GetHandledException(ts) == NULL));
    PyObject *handled = PyObject_CallFunction(PyExc_OSError, "s", "being handled");
    _PyErr_SetHandledException(ts, handled);
    show("_PyErr_GetHandledException", _PyErr_GetHandledException(ts));
    PyObject *t, *v, *tb;
    _PyErr_GetExcInfo(ts, &t, &v, &tb);
    show("_PyErr_GetExcInfo type", t);
    show("_PyErr_GetExcInfo value", v);
    show("_PyErr_GetExcInfo tb", tb);
    _PyErr_StackItem *top = _PyErr_GetTopmostException(ts);
    show("topmost exc_value is it", PyBool_FromLong(top->exc_value == handled));
    _PyErr_SetHandledException(ts, Py_None);
    show("after clearing", PyBool_FromLong(_PyErr_GetHandledException(ts) == NULL));

    _PyErr_SetKeyError(Py_BuildValue("(ii)", 1, 2));
    PyObject *ke = fetch_value();
    show("_PyErr_SetKeyError((1, 2)).args", PyObject_GetAttrString(ke, "args"));
    show_int("_PyErr_CheckSignals", _PyErr_CheckSignals());

    /* Object helpers. */
    PyObject *ns = PyDict_New();
    PyObject *P = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "P", ns);
    PyObject *p = PyObject_CallNoArgs(P);
    show("_PyObject_GetState(empty)", _PyObject_GetState(p));
    PyObject_SetAttrString(p, "a", PyLong_FromLong(1));
    show("_PyObject_GetState", _PyObject_GetState(p));
    show_int("_PyObject_IsAbstract(p)", _PyObject_IsAbstract(p));
    PyObject_SetAttrString(p, "__isabstractmethod__", Py_True);
    show_int("_PyObject_IsAbstract(p) marked", _PyObject_IsAbstract(p));
    show_int("_PyObject_IsAbstract(NULL)", _PyObject_IsAbstract(NULL));
    show_int("_PyObject_RealIsInstance(True, int)", _PyObject_RealIsInstance(Py_True, (PyObject *)&PyLong_Type));
    show_int("_PyObject_RealIsSubclass(bool, str)", _PyObject_RealIsSubclass((PyObject *)&PyBool_Type, (PyObject *)&PyUnicode_Type));
    show_int("_PyObject_RealIsSubclass(1, int)", _PyObject_RealIsSubclass(PyLong_FromLong(1), (PyObject *)&PyLong_Type));
    printf("_PyObject_HasLen: list %d, int %d, dict %d\n", _PyObject_HasLen(PyList_New(0)),
           _PyObject_HasLen(PyLong_FromLong(1)), _PyObject_HasLen(PyDict_New()));
    show("_PyObject_FunctionStr(len)", _PyObject_FunctionStr(PyDict_GetItemString(PyEval_GetBuiltins(), "len")));
    show("_PyObject_FunctionStr(str.join)", _PyObject_FunctionStr(PyObject_GetAttrString((PyObject *)&PyUnicode_Type, "join")));
    show("_PyObject_FunctionStr(P)", _PyObject_FunctionStr(P));
    show("_PyObject_FunctionStr(1)", _PyObject_FunctionStr(PyLong_FromLong(1)));
    show("_PyType_GetDocFromInternalDoc", _PyType_GetDocFromInternalDoc("mod.f", "f(a, b)\n--\n\nDoes f."));
    show("_PyType_GetDocFromInternalDoc (no sig)", _PyType_GetDocFromInternalDoc("f", "Just text."));
    show("_PyType_GetDocFromInternalDoc (NULL)", _PyType_GetDocFromInternalDoc("f", NULL));
    show("_PyType_GetTextSignatureFromInternalDoc", _PyType_GetTextSignatureFromInternalDoc("mod.f", "f(a, b)\n--\n\nDoes f."));
    show("_PyType_GetTextSignatureFromInternalDoc (none)", _PyType_GetTextSignatureFromInternalDoc("f", "g(a)\n--\n\n"));

    /* _Py_FatalErrorFormat aborts: run it in a child and report its first stderr line. */
    fflush(stdout);
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        _Py_FatalErrorFormat("myfunc", "bad value %d (%s)", 7, "seven");
    }
    close(fds[1]);
    char buf[4096] = {0};
    size_t n = 0;
    ssize_t k;
    while (n < sizeof buf - 1 && (k = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)k;
    int status = 0;
    waitpid(pid, &status, 0);
    char *nl = strchr(buf, '\n');
    if (nl)
        *nl = 0;
    printf("fatal child: signaled=%d sig=%d first line: %s\n", WIFSIGNALED(status), WTERMSIG(status), buf);
    Py_Finalize();
    return 0;
}
