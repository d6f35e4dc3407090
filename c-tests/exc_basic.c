/* Exception instances made by normalizing (every builtin type that takes a message),
 * their str/repr/args, OSError from errno (subclass per errno, strerror, file names),
 * implicit __context__ chaining while an exception is handled (with cycle breaking),
 * PyException_* accessors, PyErr_NormalizeException's cases, exc_info, PyErr_NoMemory,
 * PyErr_Format, PyErr_SetImportError argument checks.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

/* A str as UTF-8 (any kind), or a description. */
static void put_str(PyObject *s)
{
    if (s == NULL) {
        printf("<NULL>");
        return;
    }
    if (!PyUnicode_Check(s)) {
        printf("<%s>", Py_TYPE(s)->tp_name);
        return;
    }
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c < 0x80) putchar((int)c);
        else if (c < 0x800) printf("%c%c", 0xc0 | (c >> 6), 0x80 | (c & 0x3f));
        else if (c < 0x10000) printf("%c%c%c", 0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        else printf("%c%c%c%c", 0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
}

/* str() and repr() through the type's slots (PyObject_Str/Repr are not used here). */
static void put_slot(PyObject *o, int repr)
{
    reprfunc f = repr ? Py_TYPE(o)->tp_repr : Py_TYPE(o)->tp_str;
    PyObject *s = f(o);
    if (s == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        printf("<%s failed: %s: ", repr ? "repr" : "str", ((PyTypeObject *)t)->tp_name);
        put_str(v);
        printf(">");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        return;
    }
    put_str(s);
    Py_DECREF(s);
}

static void describe(const char *label, PyObject *v)
{
    printf("%s: ", label);
    if (v == NULL) {
        printf("NULL\n");
        return;
    }
    printf("%s str=[", Py_TYPE(v)->tp_name);
    put_slot(v, 0);
    printf("] repr=[");
    put_slot(v, 1);
    printf("]\n");
}

/* Fetches, normalizes and describes the current exception; returns the value (owned). */
static PyObject *take(const char *label)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no exception\n", label);
        return NULL;
    }
    printf("%s: fetched type %s value %s\n", label, ((PyTypeObject *)t)->tp_name,
           v == NULL ? "NULL" : PyUnicode_Check(v) ? "str" : Py_TYPE(v)->tp_name);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("  normalized type %s\n", t ? ((PyTypeObject *)t)->tp_name : "NULL");
    describe("  value", v);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
}

#define EXC(name) { #name, &PyExc_##name }
static struct { const char *name; PyObject **exc; } simple[] = {
    EXC(BaseException), EXC(Exception), EXC(StopAsyncIteration), EXC(StopIteration),
    EXC(GeneratorExit), EXC(ArithmeticError), EXC(LookupError), EXC(AssertionError),
    EXC(AttributeError), EXC(BufferError), EXC(EOFError), EXC(FloatingPointError), EXC(OSError),
    EXC(ImportError), EXC(ModuleNotFoundError), EXC(IndexError), EXC(KeyError),
    EXC(KeyboardInterrupt), EXC(MemoryError), EXC(NameError), EXC(OverflowError),
    EXC(RuntimeError), EXC(RecursionError), EXC(NotImplementedError), EXC(SyntaxError),
    EXC(IndentationError), EXC(TabError), EXC(ReferenceError), EXC(SystemError), EXC(SystemExit),
    EXC(TypeError), EXC(UnboundLocalError), EXC(UnicodeError), EXC(ValueError),
    EXC(ZeroDivisionError), EXC(BlockingIOError), EXC(BrokenPipeError), EXC(ChildProcessError),
    EXC(ConnectionError), EXC(ConnectionAbortedError), EXC(ConnectionRefusedError),
    EXC(ConnectionResetError), EXC(FileExistsError), EXC(FileNotFoundError),
    EXC(InterruptedError), EXC(IsADirectoryError), EXC(NotADirectoryError),
    EXC(PermissionError), EXC(ProcessLookupError), EXC(TimeoutError), EXC(Warning),
    EXC(UserWarning), EXC(DeprecationWarning), EXC(PendingDeprecationWarning),
    EXC(SyntaxWarning), EXC(RuntimeWarning), EXC(FutureWarning), EXC(ImportWarning),
    EXC(UnicodeWarning), EXC(BytesWarning), EXC(EncodingWarning), EXC(ResourceWarning),
};

static PyObject *instance(PyObject *type, const char *msg)
{
    PyErr_SetString(type, msg);
    return fetch_value();
}

static void errno_case(int e, const char *filename)
{
    errno = e;
    PyObject *r = filename ? PyErr_SetFromErrnoWithFilename(PyExc_OSError, filename) : PyErr_SetFromErrno(PyExc_OSError);
    printf("errno %d returns %p\n", e, (void *)r);
    Py_XDECREF(take("  raised"));
}

int main(void)
{
    Py_Initialize();

    printf("== every type with a message and without\n");
    for (size_t i = 0; i < sizeof simple / sizeof *simple; i++) {
        PyErr_SetString(*simple[i].exc, "some message");
        Py_XDECREF(take(simple[i].name));
        PyErr_SetNone(*simple[i].exc);
        Py_XDECREF(take(simple[i].name));
    }
    PyErr_SetString(PyExc_KeyError, "");
    Py_XDECREF(take("KeyError('')"));
    PyErr_SetString(PyExc_ValueError, "it's \"quoted\"\n\ttab\\");
    Py_XDECREF(take("quotes"));
    PyErr_SetString(PyExc_ValueError, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    Py_XDECREF(take("non-ASCII"));

    printf("== OSError from errno\n");
    errno_case(ENOENT, NULL);
    errno_case(ENOENT, "missing.txt");
    errno_case(EACCES, "/root/x");
    errno_case(EPERM, NULL);
    errno_case(EAGAIN, NULL);
    errno_case(EEXIST, "f");
    errno_case(EISDIR, NULL);
    errno_case(ENOTDIR, NULL);
    errno_case(EINVAL, NULL);
    errno_case(0, NULL);
    errno_case(ECHILD, NULL);
    errno_case(EPIPE, NULL);
    errno_case(ESRCH, NULL);
    errno_case(ETIMEDOUT, NULL);
    errno_case(ECONNREFUSED, NULL);
    errno_case(9999, NULL);
    {
        PyObject *f1 = PyUnicode_FromString("a.txt"), *f2 = PyUnicode_FromString("b.txt");
        errno = ENOENT;
        PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, f1, f2);
        Py_XDECREF(take("two file names"));
        errno = EEXIST;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, f1);
        Py_XDECREF(take("one file name object"));
        errno = ENOENT;
        PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, NULL, f2);
        Py_XDECREF(take("only a second file name"));
        errno = ENOENT;
        PyErr_SetFromErrno(PyExc_FileExistsError);
        Py_XDECREF(take("subclass given"));
        errno = ENOENT;
        PyErr_SetFromErrno(PyExc_RuntimeError);
        Py_XDECREF(take("not an OSError"));
        Py_DECREF(f1);
        Py_DECREF(f2);
    }

    printf("== PyErr_NoMemory, PyErr_Format\n");
    printf("NoMemory returns %p\n", (void *)PyErr_NoMemory());
    Py_XDECREF(take("NoMemory"));
    printf("Format returns %p\n", (void *)PyErr_Format(PyExc_TypeError, "%s %d %R", "bad", 42, Py_None));
    Py_XDECREF(take("Format"));

    printf("== NormalizeException\n");
    {
        PyObject *ve = instance(PyExc_ValueError, "v");
        PyObject *t = PyExc_Exception, *v = ve, *tb = NULL;
        Py_INCREF(t);
        Py_INCREF(v);
        PyErr_NormalizeException(&t, &v, &tb);
        printf("subclass instance: type %s same=%d\n", ((PyTypeObject *)t)->tp_name, v == ve);
        Py_DECREF(t);
        Py_DECREF(v);
        t = PyExc_KeyError;
        v = ve;
        Py_INCREF(t);
        Py_INCREF(v);
        PyErr_NormalizeException(&t, &v, &tb);
        printf("unrelated instance: type %s same=%d\n", ((PyTypeObject *)t)->tp_name, v == ve);
        describe("  value", v);
        Py_DECREF(t);
        Py_DECREF(v);
        t = NULL;
        v = NULL;
        PyErr_NormalizeException(&t, &v, &tb);
        printf("NULL type: %p %p\n", (void *)t, (void *)v);
        t = PyExc_UnicodeEncodeError;
        v = PyUnicode_FromString("one argument");
        Py_INCREF(t);
        PyErr_NormalizeException(&t, &v, &tb);
        printf("failing creation: type %s\n", ((PyTypeObject *)t)->tp_name);
        describe("  value", v);
        Py_DECREF(t);
        Py_DECREF(v);
        Py_XDECREF(tb);
        Py_DECREF(ve);
    }

    printf("== PyException_* accessors\n");
    {
        PyObject *a = instance(PyExc_ValueError, "a"), *b = instance(PyExc_TypeError, "b");
        printf("cause %p context %p tb %p\n", (void *)PyException_GetCause(a), (void *)PyException_GetContext(a),
               (void *)PyException_GetTraceback(a));
        Py_INCREF(a);
        PyException_SetCause(b, a);
        PyObject *c = PyException_GetCause(b);
        printf("cause is a: %d suppress=%d\n", c == a, ((PyBaseExceptionObject *)b)->suppress_context);
        Py_XDECREF(c);
        Py_INCREF(a);
        PyException_SetContext(b, a);
        c = PyException_GetContext(b);
        printf("context is a: %d\n", c == a);
        Py_XDECREF(c);
        printf("SetTraceback(None) = %d\n", PyException_SetTraceback(b, Py_None));
        printf("SetTraceback(str) = %d\n", PyException_SetTraceback(b, a));
        Py_XDECREF(take("  error"));
        PyException_SetCause(b, NULL);
        PyException_SetContext(b, NULL);
        Py_DECREF(a);
        Py_DECREF(b);
    }

    printf("== exc_info and implicit chaining\n");
    {
        PyObject *t, *v, *tb;
        PyErr_GetExcInfo(&t, &v, &tb);
        printf("nothing handled: %s %s %s\n", t == Py_None ? "None" : t ? "obj" : "NULL",
               v == Py_None ? "None" : v ? "obj" : "NULL", tb == Py_None ? "None" : tb ? "obj" : "NULL");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        PyObject *h = PyErr_GetHandledException();
        printf("GetHandledException: %s\n", h == Py_None ? "None" : h ? "obj" : "NULL");
        Py_XDECREF(h);

        PyObject *handled = instance(PyExc_KeyError, "k");
        PyErr_SetHandledException(handled);
        h = PyErr_GetHandledException();
        printf("handled is set: %d\n", h == handled);
        Py_XDECREF(h);
        PyErr_GetExcInfo(&t, &v, &tb);
        printf("exc_info: type %s value is handled %d tb %s\n", ((PyTypeObject *)t)->tp_name, v == handled,
               tb == Py_None ? "None" : "obj");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

        PyErr_SetString(PyExc_TypeError, "raised while handling");
        PyObject *raised = take("chained");
        PyObject *ctx = PyException_GetContext(raised);
        printf("context is the handled one: %d\n", ctx == handled);
        Py_XDECREF(ctx);

        /* Raising the handled exception itself: no self-context. */
        PyErr_SetObject((PyObject *)Py_TYPE(handled), handled);
        PyObject *again = take("re-raise handled");
        ctx = PyException_GetContext(again);
        printf("self context: %p\n", (void *)ctx);
        Py_XDECREF(ctx);
        Py_XDECREF(again);

        /* handled.__context__ = raised; raising `raised` again breaks the cycle. */
        Py_INCREF(raised);
        PyException_SetContext(handled, raised);
        PyErr_SetObject((PyObject *)Py_TYPE(raised), raised);
        PyObject *r2 = take("raise the handled one's context");
        ctx = PyException_GetContext(handled);
        printf("handled.__context__ after: %p\n", (void *)ctx);
        Py_XDECREF(ctx);
        ctx = PyException_GetContext(r2);
        printf("raised.__context__ is handled: %d\n", ctx == handled);
        Py_XDECREF(ctx);
        Py_XDECREF(r2);
        PyException_SetContext(raised, NULL);
        Py_DECREF(raised);

        PyErr_SetHandledException(NULL);
        h = PyErr_GetHandledException();
        printf("after clearing: %s\n", h == Py_None ? "None" : h ? "obj" : "NULL");
        Py_XDECREF(h);
        Py_INCREF(handled);
        PyErr_SetExcInfo(NULL, handled, NULL);
        h = PyErr_GetHandledException();
        printf("SetExcInfo: %d\n", h == handled);
        Py_XDECREF(h);
        PyErr_SetExcInfo(NULL, NULL, NULL);
        Py_DECREF(handled);
    }

    printf("== PyErr_SetImportError checks\n");
    {
        PyObject *msg = PyUnicode_FromString("no module named x");
        printf("%p\n", (void *)PyErr_SetImportError(NULL, NULL, NULL));
        Py_XDECREF(take("no message"));
        printf("%p\n", (void *)PyErr_SetImportErrorSubclass(PyExc_ValueError, msg, NULL, NULL));
        Py_XDECREF(take("not a subclass"));
        printf("%p\n", (void *)PyErr_SetImportError(msg, NULL, NULL));
        PyObject *v = take("import error");
        Py_XDECREF(v);
        printf("%p\n", (void *)PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, msg, NULL));
        v = take("module not found");
        printf("  name is msg: %d, path is None: %d\n", ((PyImportErrorObject *)v)->name == msg,
               ((PyImportErrorObject *)v)->path == Py_None);
        Py_XDECREF(v);
        Py_DECREF(msg);
    }

    printf("== SetObject with a non-class\n");
    PyErr_SetObject(Py_None, NULL);
    Py_XDECREF(take("non-class"));

    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
