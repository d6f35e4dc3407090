/* Printing exceptions (stderr is redirected into stdout): PyErr_Print/PrintEx/Display with
 * cause and context chains, suppressed context, empty and non-ASCII messages, KeyError and
 * OSError strs; PyErr_WriteUnraisable; warnings from C with CPython's default filters
 * (PyErr_WarnEx, PyErr_WarnFormat, PyErr_WarnExplicit(Object), PyErr_ResourceWarning).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include "testutil.h"

static PyObject *instance(PyObject *type, const char *msg)
{
    if (msg) PyErr_SetString(type, msg); else PyErr_SetNone(type);
    return fetch_value();
}

static void section(const char *title)
{
    printf("-- %s\n", title);
    fflush(stdout);
}

static void raise_instance(PyObject *v)
{
    PyErr_SetObject((PyObject *)Py_TYPE(v), v);
}

static void report(const char *what, int r)
{
    fflush(stderr);
    printf("%s -> %d, error set: %s\n", what, r, PyErr_Occurred() ? ((PyTypeObject *)PyErr_Occurred())->tp_name : "no");
    if (PyErr_Occurred()) {
        PyErr_Print();
        fflush(stderr);
    }
    fflush(stdout);
}

int main(void)
{
    dup2(1, 2);
    setvbuf(stdout, NULL, _IONBF, 0);
    Py_Initialize();

    section("simple");
    PyErr_SetString(PyExc_ValueError, "bad value");
    PyErr_Print();
    section("no message");
    PyErr_SetNone(PyExc_RuntimeError);
    PyErr_Print();
    section("KeyError");
    PyErr_SetString(PyExc_KeyError, "key");
    PyErr_PrintEx(0);
    section("non-ASCII");
    PyErr_SetString(PyExc_TypeError, "caf\xc3\xa9 \xe2\x82\xac");
    PyErr_Print();
    section("OSError");
    errno = ENOENT;
    PyErr_SetFromErrnoWithFilename(PyExc_OSError, "nofile");
    PyErr_Print();
    section("after print");
    printf("occurred: %p\n", (void *)PyErr_Occurred());

    section("cause");
    {
        PyObject *a = instance(PyExc_ValueError, "first");
        PyObject *b = instance(PyExc_TypeError, "second");
        PyException_SetCause(b, a);
        raise_instance(b);
        PyErr_Print();
        Py_DECREF(b);
    }
    section("context");
    {
        PyObject *a = instance(PyExc_KeyError, "inner");
        PyObject *b = instance(PyExc_RuntimeError, "outer");
        PyObject *c = instance(PyExc_ZeroDivisionError, NULL);
        PyException_SetContext(b, a);
        PyException_SetContext(c, b);
        raise_instance(c);
        PyErr_Print();
        Py_DECREF(c);
    }
    section("suppressed context (raise from None)");
    {
        PyObject *a = instance(PyExc_KeyError, "hidden");
        PyObject *b = instance(PyExc_AttributeError, "shown");
        PyException_SetContext(b, a);
        PyException_SetCause(b, NULL);
        raise_instance(b);
        PyErr_Print();
        Py_DECREF(b);
    }
    section("cycle");
    {
        PyObject *a = instance(PyExc_ValueError, "a");
        PyObject *b = instance(PyExc_ValueError, "b");
        Py_INCREF(a);
        PyException_SetContext(b, a);
        Py_INCREF(b);
        PyException_SetContext(a, b);
        raise_instance(b);
        PyErr_Print();
        PyException_SetContext(a, NULL);
        Py_DECREF(a);
        Py_DECREF(b);
    }
    section("implicit chaining while handling");
    {
        PyObject *h = instance(PyExc_OSError, "while handling this");
        PyErr_SetHandledException(h);
        PyErr_SetString(PyExc_IndexError, "this happened");
        PyErr_Print();
        PyErr_SetHandledException(NULL);
        Py_DECREF(h);
    }
    section("notes");
    {
        PyObject *v = instance(PyExc_ValueError, "with notes");
        PyObject *add = PyObject_GetAttrString(v, "add_note");
        PyObject *n1 = PyUnicode_FromString("first note"), *n2 = PyUnicode_FromString("second\nline");
        PyObject *r = PyObject_CallOneArg(add, n1);
        printf("add_note returns None: %d\n", r == Py_None);
        Py_XDECREF(r);
        Py_XDECREF(PyObject_CallOneArg(add, n2));
        PyObject *five = PyLong_FromLong(5);
        r = PyObject_CallOneArg(add, five);
        printf("add_note(5): %p\n", (void *)r);
        PyErr_Print();
        raise_instance(v);
        PyErr_Print();
        PyObject *notes = PyObject_GetAttrString(v, "__notes__");
        printf("__notes__ is a list of %zd\n", notes ? PyList_Size(notes) : -1);
        Py_XDECREF(notes);
        PyObject_SetAttrString(v, "__notes__", n1);
        r = PyObject_CallOneArg(add, n2);
        printf("add_note with a str __notes__: %p\n", (void *)r);
        PyErr_Print();
        raise_instance(v);
        PyErr_Print();
        PyObject *tup = PyTuple_Pack(2, n2, five);
        PyObject_SetAttrString(v, "__notes__", tup);
        raise_instance(v);
        PyErr_Print();
        Py_DECREF(tup);
        Py_DECREF(five);
        Py_DECREF(n1);
        Py_DECREF(n2);
        Py_DECREF(add);
        Py_DECREF(v);
    }
    section("PyErr_Display");
    {
        PyObject *v = instance(PyExc_UnicodeError, "displayed");
        PyErr_Display((PyObject *)Py_TYPE(v), v, NULL);
        printf("occurred: %p\n", (void *)PyErr_Occurred());
        Py_DECREF(v);
    }

    section("WriteUnraisable");
    {
        PyObject *obj = PyUnicode_FromString("the object");
        PyErr_SetString(PyExc_ValueError, "lost");
        PyErr_WriteUnraisable(obj);
        PyErr_SetNone(PyExc_RuntimeError);
        PyErr_WriteUnraisable(obj);
        PyErr_SetString(PyExc_KeyError, "k");
        PyErr_WriteUnraisable(NULL);
        PyErr_WriteUnraisable(obj);
        PyErr_SetString(PyExc_TypeError, "with message");
        _PyErr_WriteUnraisableMsg("while closing the thing", obj);
        PyErr_SetString(PyExc_TypeError, "message, no object");
        _PyErr_WriteUnraisableMsg("in a callback", NULL);
        PyErr_SetString(PyExc_TypeError, "None object");
        PyErr_WriteUnraisable(Py_None);
        PyErr_SetString(PyExc_TypeError, "NULL message");
        _PyErr_WriteUnraisableMsg(NULL, obj);
        printf("occurred: %p\n", (void *)PyErr_Occurred());
        Py_DECREF(obj);
    }

    section("warnings");
    report("WarnEx(NULL)", PyErr_WarnEx(NULL, "a user warning", 1));
    report("same again", PyErr_WarnEx(NULL, "a user warning", 1));
    report("other text", PyErr_WarnEx(PyExc_UserWarning, "another", 1));
    report("RuntimeWarning", PyErr_WarnEx(PyExc_RuntimeWarning, "runtime", 2));
    report("DeprecationWarning", PyErr_WarnEx(PyExc_DeprecationWarning, "deprecated", 1));
    report("PendingDeprecationWarning", PyErr_WarnEx(PyExc_PendingDeprecationWarning, "pending", 1));
    report("ImportWarning", PyErr_WarnEx(PyExc_ImportWarning, "import", 1));
    report("ResourceWarning", PyErr_WarnEx(PyExc_ResourceWarning, "resource", 1));
    report("FutureWarning", PyErr_WarnEx(PyExc_FutureWarning, "future", 1));
    report("SyntaxWarning", PyErr_WarnEx(PyExc_SyntaxWarning, "syntax", 1));
    report("BytesWarning", PyErr_WarnEx(PyExc_BytesWarning, "bytes", 1));
    report("EncodingWarning", PyErr_WarnEx(PyExc_EncodingWarning, "encoding", 1));
    report("WarnFormat", PyErr_WarnFormat(PyExc_UserWarning, 1, "formatted %d %s", 7, "x"));
    report("ResourceWarning fn", PyErr_ResourceWarning(NULL, 1, "unclosed %s", "file"));
    report("not a Warning", PyErr_WarnEx(PyExc_ValueError, "v", 1));
    report("not a class", PyErr_WarnEx(Py_None, "none", 1));
    report("WarnExplicit", PyErr_WarnExplicit(PyExc_UserWarning, "explicit", "some_file.py", 12, NULL, NULL));
    report("WarnExplicit again", PyErr_WarnExplicit(PyExc_UserWarning, "explicit", "some_file.py", 12, NULL, NULL));
    report("WarnExplicit module __main__ deprecation",
           PyErr_WarnExplicit(PyExc_DeprecationWarning, "main dep", "m.py", 3, "__main__", NULL));
    report("WarnExplicit other module deprecation",
           PyErr_WarnExplicit(PyExc_DeprecationWarning, "mod dep", "m.py", 3, "mod", NULL));
    report("WarnExplicit bad registry",
           PyErr_WarnExplicit(PyExc_UserWarning, "r", "r.py", 1, NULL, Py_True));
    report("WarnExplicitFormat",
           PyErr_WarnExplicitFormat(PyExc_RuntimeWarning, "fmt.py", 4, NULL, NULL, "%s=%d", "n", 5));
    {
        PyObject *msg = PyUnicode_FromString("object message");
        PyObject *file = PyUnicode_FromString("obj.py");
        report("WarnExplicitObject", PyErr_WarnExplicitObject(PyExc_UserWarning, msg, file, 9, NULL, NULL));
        PyObject *w = instance(PyExc_FutureWarning, "an instance");
        report("WarnExplicitObject(instance)", PyErr_WarnExplicitObject(NULL, w, file, 10, NULL, NULL));
        Py_DECREF(w);
        Py_DECREF(msg);
        Py_DECREF(file);
    }

    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
