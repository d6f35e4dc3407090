/* Exception attributes through PyObject_GetAttrString/SetAttrString: the BaseException
 * getsets (args, __traceback__, __context__, __cause__, __dict__) and members
 * (__suppress_context__), the fields of each family (OSError with errno mapping and
 * characters_written, StopIteration, SystemExit, ImportError, AttributeError, NameError,
 * SyntaxError, Unicode*Error), methods (with_traceback, __reduce__), validation errors, and
 * attributes stored in the instance dict. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include "testutil.h"

static void get(PyObject *o, const char *name)
{
    PyObject *v = PyObject_GetAttrString(o, name);
    printf("  %s = ", name);
    put(v);
    printf("\n");
    Py_XDECREF(v);
}

static void set(PyObject *o, const char *name, PyObject *value)
{
    int r = PyObject_SetAttrString(o, name, value);
    printf("  set %s%s -> %d", value ? "" : "(del) ", name, r);
    if (r < 0) { printf(" "); show_error(); }
    printf("\n");
}

static PyObject *make(PyObject *type, PyObject *args)
{
    PyErr_SetObject(type, args);
    Py_XDECREF(args);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("%s: ", ((PyTypeObject *)t)->tp_name);
    put(v);
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
}

static PyObject *S(const char *s) { return PyUnicode_FromString(s); }
static PyObject *I(long v) { return PyLong_FromLong(v); }

int main(void)
{
    Py_Initialize();
    PyObject *e = make(PyExc_ValueError, PyTuple_Pack(2, S("a"), I(1)));
    const char *base[] = {"args", "__traceback__", "__context__", "__cause__", "__suppress_context__", "__notes__", "nope"};
    for (size_t i = 0; i < sizeof base / sizeof *base; i++)
        get(e, base[i]);
    PyObject *d = PyObject_GetAttrString(e, "__dict__");
    printf("  __dict__ type %s\n", d ? Py_TYPE(d)->tp_name : "NULL");
    Py_XDECREF(d);
    PyObject *other = make(PyExc_KeyError, PyTuple_Pack(1, S("k")));
    set(e, "__cause__", other);
    get(e, "__cause__");
    get(e, "__suppress_context__");
    set(e, "__cause__", Py_None);
    get(e, "__cause__");
    set(e, "__cause__", I(3));
    set(e, "__cause__", NULL);
    set(e, "__context__", other);
    get(e, "__context__");
    set(e, "__context__", S("x"));
    set(e, "__context__", NULL);
    set(e, "__context__", Py_None);
    set(e, "__traceback__", Py_None);
    set(e, "__traceback__", I(1));
    set(e, "__traceback__", NULL);
    set(e, "__suppress_context__", Py_False);
    get(e, "__suppress_context__");
    set(e, "args", PyTuple_Pack(1, S("new")));
    get(e, "args");
    put(e); printf("\n");
    set(e, "args", NULL);
    set(e, "args", I(5));
    set(e, "custom", I(42));
    get(e, "custom");
    set(e, "custom", NULL);
    get(e, "custom");
    set(e, "__dict__", I(1));
    set(e, "__dict__", NULL);
    {
        PyObject *m = PyObject_GetAttrString(e, "with_traceback");
        PyObject *r = m ? PyObject_CallOneArg(m, Py_None) : NULL;
        printf("  with_traceback(None) returns self: %d\n", r == e);
        Py_XDECREF(r);
        r = m ? PyObject_CallOneArg(m, I(2)) : NULL;
        printf("  with_traceback(2): "); put(r); printf("\n");
        Py_XDECREF(m);
        PyObject *fresh = make(PyExc_TypeError, PyTuple_Pack(1, S("fresh")));
        m = PyObject_GetAttrString(fresh, "__reduce__");
        Py_DECREF(fresh);
        r = m ? PyObject_CallNoArgs(m) : NULL;
        printf("  __reduce__(): "); put(r); printf("\n");
        Py_XDECREF(r);
        Py_XDECREF(m);
    }
    Py_DECREF(other);
    Py_DECREF(e);

    printf("== OSError\n");
    e = make(PyExc_OSError, PyTuple_Pack(3, I(2), S("No such file"), S("f.txt")));
    const char *os[] = {"errno", "strerror", "filename", "filename2", "characters_written", "args"};
    for (size_t i = 0; i < 6; i++) get(e, os[i]);
    set(e, "errno", I(5));
    set(e, "characters_written", I(3));
    get(e, "characters_written");
    set(e, "characters_written", NULL);
    set(e, "characters_written", NULL);
    set(e, "characters_written", S("x"));
    Py_DECREF(e);
    Py_XDECREF(make(PyExc_OSError, PyTuple_Pack(2, I(13), S("denied"))));
    Py_XDECREF(make(PyExc_OSError, PyTuple_Pack(2, I(11), S("again"))));
    Py_XDECREF(make(PyExc_OSError, PyTuple_Pack(2, I(-1), S("neg"))));
    Py_XDECREF(make(PyExc_FileExistsError, PyTuple_Pack(2, I(2), S("already a subclass"))));
    e = make(PyExc_BlockingIOError, PyTuple_Pack(3, I(11), S("would block"), I(7)));
    get(e, "characters_written");
    get(e, "filename");
    get(e, "args");
    Py_DECREF(e);

    printf("== other families\n");
    e = make(PyExc_StopIteration, PyTuple_Pack(1, I(9)));
    get(e, "value");
    set(e, "value", S("v"));
    get(e, "value");
    Py_DECREF(e);
    e = make(PyExc_SystemExit, PyTuple_Pack(1, I(3)));
    get(e, "code");
    Py_DECREF(e);
    e = make(PyExc_SystemExit, PyTuple_New(0));
    get(e, "code");
    Py_DECREF(e);
    e = make(PyExc_ModuleNotFoundError, PyTuple_Pack(1, S("no mod")));
    get(e, "msg"); get(e, "name"); get(e, "path");
    set(e, "name", S("pkg"));
    get(e, "name");
    Py_DECREF(e);
    e = make(PyExc_AttributeError, PyTuple_Pack(1, S("no attr")));
    get(e, "name"); get(e, "obj");
    Py_DECREF(e);
    e = make(PyExc_UnboundLocalError, PyTuple_Pack(1, S("unbound")));
    get(e, "name");
    Py_DECREF(e);
    e = make(PyExc_SyntaxError, PyTuple_Pack(2, S("bad"), PyTuple_Pack(6, S("f.py"), I(3), I(4), S("x y"), I(3), I(6))));
    const char *syn[] = {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"};
    for (size_t i = 0; i < 8; i++) get(e, syn[i]);
    printf("  str: "); put(PyObject_Str(e)); printf("\n");
    Py_DECREF(e);
    e = make(PyExc_UnicodeEncodeError, PyTuple_Pack(5, S("ascii"), S("ab\xc3\xa9"), I(2), I(3), S("ordinal")));
    /* start and end are Py_ssize_t members (T_PYSSIZET): read through the C accessors. */
    const char *uni[] = {"encoding", "object", "reason"};
    for (size_t i = 0; i < 3; i++) get(e, uni[i]);
    set(e, "reason", S("new"));
    set(e, "encoding", NULL);
    printf("  str: "); put(PyObject_Str(e)); printf("\n");
    get(e, "encoding");
    Py_DECREF(e);
    e = make(PyExc_UnicodeEncodeError, PyTuple_Pack(5, S("ascii"), S("ab"), I(1LL << 62), I(0), S("big")));
    Py_XDECREF(e);

    printf("== class attributes\n");
    get(PyExc_ValueError, "__doc__");
    get(PyExc_OSError, "errno");
    get(PyExc_BaseException, "args");

    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
