/* The builtin exception types (every PyExc_* name: tp_name, base, size, flags, MRO, doc,
 * PyExceptionClass_Check) and the error state (PyErr_SetString/SetObject/SetNone, Occurred,
 * Fetch/Restore/Clear, GivenExceptionMatches/ExceptionMatches, BadInternalCall), plus errors
 * raised by the library itself (UnicodeDecodeError, PyType_Ready failing with SystemError).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>

/* KNOWN GAP (docs/STATUS.md): ferropy's exceptions have no tp_new yet, so readying marks
 * BaseException Py_TPFLAGS_DISALLOW_INSTANTIATION; version-tag bits depend on lookups. */
#define FLAGS(tp) ((tp)->tp_flags & ~Py_TPFLAGS_VALID_VERSION_TAG & ~Py_TPFLAGS_DISALLOW_INSTANTIATION)

#define EXC(name) { #name, &PyExc_##name }
static struct { const char *name; PyObject **exc; } all[] = {
    EXC(BaseException), EXC(Exception), EXC(BaseExceptionGroup), EXC(StopAsyncIteration),
    EXC(StopIteration), EXC(GeneratorExit), EXC(ArithmeticError), EXC(LookupError),
    EXC(AssertionError), EXC(AttributeError), EXC(BufferError), EXC(EOFError),
    EXC(FloatingPointError), EXC(OSError), EXC(ImportError), EXC(ModuleNotFoundError),
    EXC(IndexError), EXC(KeyError), EXC(KeyboardInterrupt), EXC(MemoryError), EXC(NameError),
    EXC(OverflowError), EXC(RuntimeError), EXC(RecursionError), EXC(NotImplementedError),
    EXC(SyntaxError), EXC(IndentationError), EXC(TabError), EXC(ReferenceError),
    EXC(SystemError), EXC(SystemExit), EXC(TypeError), EXC(UnboundLocalError),
    EXC(UnicodeError), EXC(UnicodeEncodeError), EXC(UnicodeDecodeError),
    EXC(UnicodeTranslateError), EXC(ValueError), EXC(ZeroDivisionError),
    EXC(BlockingIOError), EXC(BrokenPipeError), EXC(ChildProcessError), EXC(ConnectionError),
    EXC(ConnectionAbortedError), EXC(ConnectionRefusedError), EXC(ConnectionResetError),
    EXC(FileExistsError), EXC(FileNotFoundError), EXC(InterruptedError),
    EXC(IsADirectoryError), EXC(NotADirectoryError), EXC(PermissionError),
    EXC(ProcessLookupError), EXC(TimeoutError), EXC(EnvironmentError), EXC(IOError),
    EXC(Warning), EXC(UserWarning), EXC(DeprecationWarning), EXC(PendingDeprecationWarning),
    EXC(SyntaxWarning), EXC(RuntimeWarning), EXC(FutureWarning), EXC(ImportWarning),
    EXC(UnicodeWarning), EXC(BytesWarning), EXC(EncodingWarning), EXC(ResourceWarning),
};

static const char *tname(PyObject *t) { return t ? ((PyTypeObject *)t)->tp_name : "NULL"; }

/* A str value (ASCII here) or a description of the value. */
static void print_value(const char *label, PyObject *v)
{
    if (v == NULL)
        printf("  %s: NULL\n", label);
    else if (PyUnicode_Check(v))
        printf("  %s: str '%s'\n", label, (const char *)PyUnicode_DATA(v));
    else
        printf("  %s: %s instance\n", label, Py_TYPE(v)->tp_name);
}

static void fetch_print(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: type %s\n", what, tname(t));
    print_value("value", v);
    printf("  traceback %s, occurred after fetch %p\n", tb ? "set" : "NULL", (void *)PyErr_Occurred());
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static PyTypeObject Nameless = { PyVarObject_HEAD_INIT(NULL, 0) .tp_basicsize = sizeof(PyObject),
                                 .tp_flags = Py_TPFLAGS_DEFAULT };

int main(void)
{
    Py_Initialize();
    size_t n = sizeof all / sizeof *all;
    printf("%zu names\n", n);
    for (size_t i = 0; i < n; i++) {
        PyTypeObject *tp = (PyTypeObject *)*all[i].exc;
        printf("%s: %s base=%s basicsize=%zd itemsize=%zd flags=%#lx check=%d type=%s\n", all[i].name,
               tp->tp_name, tp->tp_base ? tp->tp_base->tp_name : "NULL", tp->tp_basicsize,
               tp->tp_itemsize, FLAGS(tp), PyExceptionClass_Check(*all[i].exc),
               Py_TYPE(tp)->tp_name);
        printf("  mro:");
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(tp->tp_mro); j++)
            printf(" %s", ((PyTypeObject *)PyTuple_GET_ITEM(tp->tp_mro, j))->tp_name);
        printf("\n  bases:");
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(tp->tp_bases); j++)
            printf(" %s", ((PyTypeObject *)PyTuple_GET_ITEM(tp->tp_bases, j))->tp_name);
        printf("\n  doc: %s\n", tp->tp_doc);
        printf("  subtype of BaseException %d, Exception %d, OSError %d, Warning %d\n",
               PyType_IsSubtype(tp, (PyTypeObject *)PyExc_BaseException),
               PyType_IsSubtype(tp, (PyTypeObject *)PyExc_Exception),
               PyType_IsSubtype(tp, (PyTypeObject *)PyExc_OSError),
               PyType_IsSubtype(tp, (PyTypeObject *)PyExc_Warning));
    }
    printf("aliases: %d %d\n", PyExc_EnvironmentError == PyExc_OSError, PyExc_IOError == PyExc_OSError);
    PyObject *s = PyUnicode_FromString("text");
    printf("class check: type %d str %d object %d instance-of-str %d\n",
           PyExceptionClass_Check((PyObject *)&PyType_Type), PyExceptionClass_Check((PyObject *)&PyUnicode_Type),
           PyExceptionClass_Check((PyObject *)&PyBaseObject_Type), PyExceptionClass_Check(s));
    printf("instance check: str %d\n", PyExceptionInstance_Check(s));

    /* The error state. */
    printf("occurred at start: %p\n", (void *)PyErr_Occurred());
    PyErr_SetString(PyExc_ValueError, "bad value");
    printf("occurred is ValueError: %d\n", PyErr_Occurred() == PyExc_ValueError);
    printf("matches ValueError %d Exception %d BaseException %d TypeError %d LookupError %d NULL %d\n",
           PyErr_ExceptionMatches(PyExc_ValueError), PyErr_ExceptionMatches(PyExc_Exception),
           PyErr_ExceptionMatches(PyExc_BaseException), PyErr_ExceptionMatches(PyExc_TypeError),
           PyErr_ExceptionMatches(PyExc_LookupError), PyErr_ExceptionMatches(NULL));
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("fetched %s\n", tname(t));
    print_value("value", v);
    printf("  tb %p, occurred %p, matches ValueError %d\n", (void *)tb, (void *)PyErr_Occurred(),
           PyErr_ExceptionMatches(PyExc_ValueError));
    PyErr_Restore(t, v, tb);
    printf("restored: occurred is ValueError %d\n", PyErr_Occurred() == PyExc_ValueError);
    PyErr_Clear();
    printf("cleared: occurred %p\n", (void *)PyErr_Occurred());
    PyErr_Clear();
    printf("cleared twice: occurred %p\n", (void *)PyErr_Occurred());

    PyErr_SetString(PyExc_KeyError, "first");
    PyErr_SetString(PyExc_TypeError, "second replaces it");
    fetch_print("set twice");

    PyErr_SetNone(PyExc_KeyboardInterrupt);
    printf("SetNone: matches BaseException %d Exception %d\n", PyErr_ExceptionMatches(PyExc_BaseException),
           PyErr_ExceptionMatches(PyExc_Exception));
    fetch_print("SetNone");

    Py_ssize_t before = Py_REFCNT(s);
    PyErr_SetObject(PyExc_RuntimeError, s);
    printf("SetObject holds the value: +%zd\n", Py_REFCNT(s) - before);
    PyErr_Fetch(&t, &v, &tb);
    printf("SetObject fetched %s, same value %d\n", tname(t), v == s);
    PyErr_Restore(t, v, tb);
    PyErr_Clear();
    printf("after clear: %+zd\n", Py_REFCNT(s) - before);

    /* A traceback that is not a traceback object is dropped (its reference too). */
    PyObject *not_tb = PyUnicode_FromString("not a traceback object");
    Py_ssize_t tb_before = Py_REFCNT(not_tb);
    Py_INCREF(PyExc_ValueError);
    Py_INCREF(not_tb);
    PyErr_Restore(PyExc_ValueError, NULL, not_tb);
    fetch_print("Restore with a str as traceback");
    printf("  its references: %+zd\n", Py_REFCNT(not_tb) - tb_before);
    Py_DECREF(not_tb);

    PyErr_SetObject((PyObject *)&PyUnicode_Type, s);
    fetch_print("SetObject(str, ...)");

    PyErr_Restore(NULL, s, NULL);
    Py_INCREF(s);
    printf("Restore(NULL, value): occurred %p\n", (void *)PyErr_Occurred());
    PyErr_Clear();

    PyErr_SetString(PyExc_OSError, "os");
    printf("OSError matches IOError %d EnvironmentError %d FileNotFoundError %d\n",
           PyErr_ExceptionMatches(PyExc_IOError), PyErr_ExceptionMatches(PyExc_EnvironmentError),
           PyErr_ExceptionMatches(PyExc_FileNotFoundError));
    PyErr_Clear();

    /* The decoding error stays set (its value is an instance in CPython, a str here). */
    PyErr_SetString(PyExc_ValueError, "\xff\xfe not utf-8");
    printf("SetString with bad UTF-8: %s\n", tname(PyErr_Occurred()));
    PyErr_Clear();

    /* GivenExceptionMatches: classes, identity for other objects, tuples (an MRO tuple). */
    printf("given: %d %d %d %d %d %d\n",
           PyErr_GivenExceptionMatches(PyExc_FileNotFoundError, PyExc_OSError),
           PyErr_GivenExceptionMatches(PyExc_OSError, PyExc_FileNotFoundError),
           PyErr_GivenExceptionMatches(NULL, PyExc_OSError),
           PyErr_GivenExceptionMatches(PyExc_OSError, NULL),
           PyErr_GivenExceptionMatches(s, s),
           PyErr_GivenExceptionMatches((PyObject *)&PyUnicode_Type, (PyObject *)&PyBaseObject_Type));
    printf("given tuple: %d %d %d %d\n",
           PyErr_GivenExceptionMatches(PyExc_ZeroDivisionError, ((PyTypeObject *)PyExc_ArithmeticError)->tp_mro),
           PyErr_GivenExceptionMatches((PyObject *)&PyUnicode_Type, PyUnicode_Type.tp_mro),
           PyErr_GivenExceptionMatches((PyObject *)&PyDict_Type, PyUnicode_Type.tp_mro),
           PyErr_GivenExceptionMatches(PyExc_Warning, ((PyTypeObject *)PyExc_Warning)->tp_bases));

    /* BadInternalCall: the macro passes __FILE__ and __LINE__; the function does not. */
    PyErr_BadInternalCall();
    PyErr_Fetch(&t, &v, &tb);
    const char *msg = (const char *)PyUnicode_DATA(v);
    printf("macro: %s, ends '%s', has line %d\n", tname(t), strstr(msg, ": bad"),
           strstr(msg, ".c:") != NULL);
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    (PyErr_BadInternalCall)();
    fetch_print("function");

    printf("PyErr_BadArgument() = %d\n", PyErr_BadArgument());
    fetch_print("BadArgument");
    printf("class names: %s %s %s\n", PyExceptionClass_Name(PyExc_OSError),
           PyExceptionClass_Name(PyExc_IOError), PyExceptionClass_Name(PyExc_UnicodeTranslateError));

    /* Errors from the library. */
    PyObject *bad = PyUnicode_FromString("ab\xc3");
    printf("FromString(bad utf-8) = %p, type %s\n", (void *)bad, tname(PyErr_Occurred()));
    PyErr_Clear();
    bad = PyUnicode_FromString("\xe9t\xe9");
    printf("FromString(latin-1) = %p, type %s\n", (void *)bad, tname(PyErr_Occurred()));
    PyErr_Clear();
    int r = PyType_Ready(&Nameless);
    printf("PyType_Ready(no tp_name) = %d\n", r);
    fetch_print("PyType_Ready");

    Py_DECREF(s);
    printf("at finalize: occurred %p\n", (void *)PyErr_Occurred());
    PyErr_SetString(PyExc_ValueError, "left set at finalization");
    Py_Finalize();
    Py_Initialize();
    printf("after re-init: occurred %p, ValueError ready %d name %s\n", (void *)PyErr_Occurred(),
           (((PyTypeObject *)PyExc_ValueError)->tp_flags & Py_TPFLAGS_READY) != 0,
           ((PyTypeObject *)PyExc_ValueError)->tp_mro ? "mro" : "no mro");
    PyErr_SetString(PyExc_TypeError, "again");
    fetch_print("after re-init");
    Py_Finalize();
    return 0;
}
