/* Calling exception classes directly (type.__call__): positional and keyword arguments,
 * OSError's errno -> subclass mapping, keyword checks of ImportError/AttributeError/
 * NameError, "takes no keyword arguments". Expected output: CPython 3.11's. */
#include <Python.h>
#include <stdio.h>
#include "testutil.h"

static void show(const char *label, PyObject *o, const char *attr1, const char *attr2)
{
    printf("%s: ", label);
    if (o == NULL) { printf("<error "); show_error(); printf(">\n"); return; }
    printf("%s ", Py_TYPE(o)->tp_name);
    put(o);
    PyObject *s = PyObject_Str(o);
    printf(" str=");
    put(s);
    Py_XDECREF(s);
    const char *attrs[] = {attr1, attr2};
    for (int i = 0; i < 2; i++) {
        if (!attrs[i]) continue;
        PyObject *a = PyObject_GetAttrString(o, attrs[i]);
        printf(" %s=", attrs[i]);
        put(a);
        Py_XDECREF(a);
    }
    printf("\n");
    Py_DECREF(o);
}

static PyObject *L(long v) { return PyLong_FromLong(v); }

static PyObject *kw_call(PyObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *r = kwargs ? PyObject_Call(type, args, kwargs) : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    return r;
}

int main(void)
{
    Py_Initialize();
    show("ValueError(1, 2)", PyObject_CallFunction(PyExc_ValueError, "NN", L(1), L(2)), "args", NULL);
    show("Exception()", PyObject_CallNoArgs(PyExc_Exception), "args", NULL);
    show("OSError(2, 'x')", PyObject_CallFunction(PyExc_OSError, "Ns", L(2), "x"), "errno", "strerror");
    show("OSError(13, 'x', 'f')", PyObject_CallFunction(PyExc_OSError, "Nss", L(13), "x", "f"), "filename", "args");
    show("OSError(4, 'x', 'a', None, 'b')", PyObject_CallFunction(PyExc_OSError, "NssOs", L(4), "x", "a", Py_None, "b"),
         "filename2", NULL);
    show("BlockingIOError(11, 'x', 5)", PyObject_CallFunction(PyExc_BlockingIOError, "NsN", L(11), "x", L(5)),
         "characters_written", "args");
    show("BlockingIOError(11, 'x')", PyObject_CallFunction(PyExc_BlockingIOError, "Ns", L(11), "x"),
         "characters_written", NULL);
    show("TimeoutError(110, 'x')", PyObject_CallFunction(PyExc_TimeoutError, "Ns", L(110), "x"), "errno", NULL);
    show("SyntaxError", PyObject_CallFunction(PyExc_SyntaxError, "s(sNNs)", "bad", "dir/f.py", L(3), L(7), "txt"),
         "lineno", "offset");
    show("StopIteration(5)", PyObject_CallFunction(PyExc_StopIteration, "N", L(5)), "value", NULL);
    show("SystemExit(1, 2)", PyObject_CallFunction(PyExc_SystemExit, "NN", L(1), L(2)), "code", NULL);
    show("KeyError(3)", PyObject_CallFunction(PyExc_KeyError, "N", L(3)), NULL, NULL);
    show("UnicodeEncodeError", PyObject_CallFunction(PyExc_UnicodeEncodeError, "ssNNs", "ascii", "\xc3\xa9", L(0), L(1), "no"),
         "reason", NULL);
    show("UnicodeTranslateError", PyObject_CallFunction(PyExc_UnicodeTranslateError, "sNNs", "abc", L(0), L(3), "no"),
         "object", NULL);
    show("ImportError(name=, path=)",
         kw_call(PyExc_ImportError, Py_BuildValue("(s)", "m"), Py_BuildValue("{s:s,s:s}", "name", "n", "path", "p")),
         "name", "path");
    show("ModuleNotFoundError(foo=)",
         kw_call(PyExc_ModuleNotFoundError, Py_BuildValue("(s)", "m"), Py_BuildValue("{s:N}", "foo", L(1))), NULL, NULL);
    show("AttributeError(name=, obj=)",
         kw_call(PyExc_AttributeError, Py_BuildValue("(s)", "m"), Py_BuildValue("{s:s,s:N}", "name", "a", "obj", L(3))),
         "name", "obj");
    show("NameError(obj=)",
         kw_call(PyExc_NameError, Py_BuildValue("(s)", "m"), Py_BuildValue("{s:N}", "obj", L(3))), NULL, NULL);
    show("NameError(name=)",
         kw_call(PyExc_UnboundLocalError, Py_BuildValue("(s)", "m"), Py_BuildValue("{s:s}", "name", "x")), "name", NULL);
    show("ValueError(x=1)", kw_call(PyExc_ValueError, Py_BuildValue("()"), Py_BuildValue("{s:N}", "x", L(1))), NULL, NULL);
    show("OSError(x=1)", kw_call(PyExc_OSError, Py_BuildValue("()"), Py_BuildValue("{s:N}", "x", L(1))), NULL, NULL);
    show("BaseExceptionGroup(kw)",
         kw_call(PyExc_BaseExceptionGroup, Py_BuildValue("(s(O))", "m", PyExc_KeyboardInterrupt),
                 Py_BuildValue("{s:N}", "x", L(1))), NULL, NULL);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
