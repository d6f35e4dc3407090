/* sys functions called from C (argument checks and messages as CPython 3.11), the PySys_*
 * writers (to sys.stdout/sys.stderr, truncation, a pending exception kept, the C stream
 * when sys.stdout is gone), warning and -X options, displayhook and excepthook, and atexit
 * (order, arguments, unregister, errors reported while the others run). stderr is sent to
 * stdout and C stdio is unbuffered so that everything is compared in order. */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static PyObject *sys_fn(const char *name) { return PySys_GetObject(name); }

static void call(const char *label, PyObject *f, PyObject *args)
{
    printf("%s -> ", label);
    PyObject *r = PyObject_Call(f, args ? args : PyTuple_New(0), NULL);
    if (r == NULL) {
        show_error();
    } else {
        put(r);
        Py_DECREF(r);
    }
    printf("\n");
}

static void flush_sys(void)
{
    PyObject *out = PySys_GetObject("stdout");
    PyObject *r = PyObject_CallMethod(out, "flush", NULL);
    Py_XDECREF(r);
    PyObject *err = PySys_GetObject("stderr");
    r = PyObject_CallMethod(err, "flush", NULL);
    Py_XDECREF(r);
}

static PyObject *record(PyObject *self, PyObject *args)
{
    (void)self;
    printf("atexit callback got ");
    put(args);
    printf("\n");
    Py_RETURN_NONE;
}

static PyObject *fail(PyObject *self, PyObject *args)
{
    (void)self; (void)args;
    PyErr_SetString(PyExc_ValueError, "callback failed");
    return NULL;
}

static PyMethodDef record_def = {"record", record, METH_VARARGS, NULL};
static PyMethodDef fail_def = {"fail", fail, METH_VARARGS, NULL};

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    wchar_t w1[] = L"ignore::DeprecationWarning";
    PySys_AddWarnOption(w1);
    wchar_t x1[] = L"faulthandler";
    wchar_t x2[] = L"opt=val";
    PySys_AddXOption(x1);
    PySys_AddXOption(x2);
    Py_Initialize();
    printf("warnoptions: "); put(PySys_GetObject("warnoptions")); printf("\n");
    printf("_xoptions: "); put(PySys_GetXOptions()); printf("\n");
    printf("HasWarnOptions: %d\n", PySys_HasWarnOptions());
    PySys_ResetWarnOptions();
    printf("after reset HasWarnOptions: %d\n", PySys_HasWarnOptions());
    PyObject *opt = PyUnicode_FromString("error");
    PySys_AddWarnOptionUnicode(opt);
    Py_DECREF(opt);
    wchar_t w2[] = L"default";
    PySys_AddWarnOption(w2);
    printf("warnoptions: "); put(PySys_GetObject("warnoptions")); printf("\n");
    wchar_t x3[] = L"dev";
    PySys_AddXOption(x3);
    printf("_xoptions: "); put(PySys_GetXOptions()); printf("\n");

    /* Recursion limit. */
    PyObject *get = sys_fn("getrecursionlimit"), *set = sys_fn("setrecursionlimit");
    call("getrecursionlimit()", get, NULL);
    call("setrecursionlimit(0)", set, Py_BuildValue("(i)", 0));
    call("setrecursionlimit(1.5)", set, Py_BuildValue("(d)", 1.5));
    call("setrecursionlimit(2**70)", set, Py_BuildValue("(N)", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(70))));
    call("setrecursionlimit()", set, NULL);
    call("setrecursionlimit(1)", set, Py_BuildValue("(i)", 1));
    call("setrecursionlimit(200)", set, Py_BuildValue("(i)", 200));
    call("getrecursionlimit()", get, NULL);
    printf("Py_GetRecursionLimit: %d\n", Py_GetRecursionLimit());
    Py_SetRecursionLimit(1000);
    call("getrecursionlimit()", get, NULL);

    /* Misc functions. */
    call("getsizeof()", sys_fn("getsizeof"), NULL);
    call("getsizeof(1, 2, 3)", sys_fn("getsizeof"), Py_BuildValue("(iii)", 1, 2, 3));
    call("getsizeof(12345)", sys_fn("getsizeof"), Py_BuildValue("(i)", 12345));
    call("getsizeof(())", sys_fn("getsizeof"), Py_BuildValue("(())"));
    call("getsizeof(1.5)", sys_fn("getsizeof"), Py_BuildValue("(d)", 1.5));
    call("intern(5)", sys_fn("intern"), Py_BuildValue("(i)", 5));
    PyObject *s1 = PyUnicode_FromString("interned_text_x"), *s2 = PyUnicode_FromString("interned_text_x");
    PyObject *i1 = PyObject_CallOneArg(sys_fn("intern"), s1), *i2 = PyObject_CallOneArg(sys_fn("intern"), s2);
    printf("intern gives one object: %d\n", i1 == i2);
    Py_XDECREF(i1); Py_XDECREF(i2); Py_DECREF(s1); Py_DECREF(s2);
    call("exit(1, 2)", sys_fn("exit"), Py_BuildValue("(ii)", 1, 2));
    call("exit()", sys_fn("exit"), NULL);
    call("exit(3)", sys_fn("exit"), Py_BuildValue("(i)", 3));
    call("exc_info()", sys_fn("exc_info"), NULL);
    call("exception()", sys_fn("exception"), NULL);
    PyErr_SetString(PyExc_KeyError, "handled");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyErr_SetHandledException(v);
    call("exception() while handling", sys_fn("exception"), NULL);
    PyObject *info = PyObject_CallNoArgs(sys_fn("exc_info"));
    printf("exc_info()[1] is the exception: %d\n", info && PyTuple_GET_ITEM(info, 1) == v);
    Py_XDECREF(info);
    PyErr_SetHandledException(NULL);
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    call("setswitchinterval(0)", sys_fn("setswitchinterval"), Py_BuildValue("(i)", 0));
    call("setswitchinterval('x')", sys_fn("setswitchinterval"), Py_BuildValue("(s)", "x"));
    call("setswitchinterval(0.25)", sys_fn("setswitchinterval"), Py_BuildValue("(d)", 0.25));
    call("getswitchinterval()", sys_fn("getswitchinterval"), NULL);
    call("set_int_max_str_digits(5)", sys_fn("set_int_max_str_digits"), Py_BuildValue("(i)", 5));
    call("set_int_max_str_digits(700)", sys_fn("set_int_max_str_digits"), Py_BuildValue("(i)", 700));
    call("get_int_max_str_digits()", sys_fn("get_int_max_str_digits"), NULL);
    PyObject *big = PyNumber_Power(PyLong_FromLong(10), PyLong_FromLong(800), Py_None);
    printf("str(10**800) -> ");
    PyObject *bs = PyObject_Str(big);
    if (bs) { printf("%zd chars", PyUnicode_GET_LENGTH(bs)); Py_DECREF(bs); } else show_error();
    printf("\n");
    call("set_int_max_str_digits(0)", sys_fn("set_int_max_str_digits"), Py_BuildValue("(i)", 0));
    bs = PyObject_Str(big);
    printf("str(10**800) with no limit: %zd chars\n", bs ? PyUnicode_GET_LENGTH(bs) : -1);
    Py_XDECREF(bs); Py_DECREF(big);
    call("getdefaultencoding()", sys_fn("getdefaultencoding"), NULL);
    call("getfilesystemencoding()", sys_fn("getfilesystemencoding"), NULL);
    call("getfilesystemencodeerrors()", sys_fn("getfilesystemencodeerrors"), NULL);
    call("getdlopenflags()", sys_fn("getdlopenflags"), NULL);
    call("call_tracing(len, [1])", sys_fn("call_tracing"), Py_BuildValue("(O[i])", PyDict_GetItemString(PyEval_GetBuiltins(), "len"), 1));
    call("is_finalizing()", sys_fn("is_finalizing"), NULL);
    PyObject *one = PyLong_FromLong(123456);
    PyObject *rc = PyObject_CallOneArg(sys_fn("getrefcount"), one);
    printf("getrefcount(new int): %ld\n", rc ? PyLong_AsLong(rc) : -1);
    Py_XDECREF(rc); Py_DECREF(one);

    /* The writers. */
    PySys_WriteStdout("WriteStdout %d %s\n", 42, "text");
    PySys_WriteStderr("WriteStderr %.3f\n", 2.5);
    PySys_FormatStdout("FormatStdout %R %S\n", Py_None, PyExc_ValueError);
    PySys_FormatStderr("FormatStderr %U\n", PySys_GetObject("platform"));
    char longtext[1100];
    memset(longtext, 'x', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    PySys_WriteStdout("%s", longtext);
    PySys_WriteStdout("\n");
    PyErr_SetString(PyExc_TypeError, "pending");
    PySys_WriteStdout("with an error pending\n");
    print_error("still pending");
    flush_sys();
    PyObject *so = PySys_GetObject("stdout");
    Py_INCREF(so);
    PySys_SetObject("stdout", Py_None);
    PySys_WriteStdout("stdout is None: written nowhere\n");
    PySys_SetObject("stdout", NULL);
    PySys_WriteStdout("stdout is gone: to the C stream\n");
    PySys_SetObject("stdout", so);
    Py_DECREF(so);

    /* displayhook / excepthook. */
    call("displayhook(None)", sys_fn("displayhook"), Py_BuildValue("(O)", Py_None));
    call("displayhook(42)", sys_fn("displayhook"), Py_BuildValue("(i)", 42));
    flush_sys();
    printf("builtins._ = "); put(PyDict_GetItemString(PyEval_GetBuiltins(), "_")); printf("\n");
    /* builtins.iter: both forms and the argument errors (results shown as lists). */
    {
        PyObject *iterf = PyDict_GetItemString(PyEval_GetBuiltins(), "iter");
        PyObject *lst = Py_BuildValue("[iii]", 1, 2, 3);
        PyObject *pop = PyObject_GetAttrString(lst, "pop");
        PyObject *argsets[] = {Py_BuildValue("(O)", lst), Py_BuildValue("(Oi)", pop, 1), Py_BuildValue("(ii)", 1, 2),
                               PyTuple_New(0), Py_BuildValue("(iii)", 1, 2, 3), Py_BuildValue("(i)", 5)};
        for (size_t k = 0; k < sizeof argsets / sizeof argsets[0]; k++) {
            printf("iter #%zu -> ", k);
            PyObject *it = PyObject_Call(iterf, argsets[k], NULL);
            PyObject *items = it ? PySequence_List(it) : NULL;
            if (items) { put(items); Py_DECREF(items); } else show_error();
            printf("\n");
            Py_XDECREF(it);
            Py_DECREF(argsets[k]);
        }
        Py_DECREF(pop); Py_DECREF(lst);
    }
    call("displayhook()", sys_fn("displayhook"), NULL);
    call("excepthook(1)", sys_fn("excepthook"), Py_BuildValue("(i)", 1));
    PyErr_SetString(PyExc_RuntimeError, "shown by excepthook");
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    call("excepthook(RuntimeError)", sys_fn("excepthook"), Py_BuildValue("(OOO)", t, v, Py_None));
    flush_sys();
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

    /* atexit. */
    PyObject *atexit = PyImport_GetModule(PyUnicode_FromString("atexit"));
    PyObject *rec = PyCFunction_New(&record_def, NULL), *fl = PyCFunction_New(&fail_def, NULL);
    PyObject *reg = PyObject_GetAttrString(atexit, "register");
    PyObject *ncb = PyObject_GetAttrString(atexit, "_ncallbacks");
    PyObject *base = PyObject_CallNoArgs(ncb); /* site may have registered some */
    call("register()", reg, NULL);
    call("register(1)", reg, Py_BuildValue("(i)", 1));
    PyObject *r = PyObject_CallFunction(reg, "Os", rec, "first");
    printf("register returns the function: %d\n", r == rec);
    Py_XDECREF(r);
    Py_XDECREF(PyObject_CallFunction(reg, "O", fl));
    PyObject *kw = Py_BuildValue("{s:i}", "k", 1);
    PyObject *a = Py_BuildValue("(Os)", rec, "last");
    Py_XDECREF(PyObject_Call(reg, a, kw));
    Py_DECREF(a); Py_DECREF(kw);
    Py_XDECREF(PyObject_CallFunction(reg, "Os", rec, "removed"));
    PyObject *n = PyObject_CallNoArgs(ncb);
    printf("_ncallbacks() - before: %ld\n", PyLong_AsLong(n) - PyLong_AsLong(base));
    Py_XDECREF(n);
    call("unregister(rec)", PyObject_GetAttrString(atexit, "unregister"), Py_BuildValue("(O)", rec));
    n = PyObject_CallNoArgs(ncb);
    printf("_ncallbacks() - before after unregister: %ld\n", PyLong_AsLong(n) - PyLong_AsLong(base));
    Py_XDECREF(n);
    Py_XDECREF(base);
    Py_XDECREF(PyObject_CallFunction(reg, "Os", rec, "after unregister"));
    Py_DECREF(reg);
    printf("finalizing\n");
    flush_sys();
    printf("Py_FinalizeEx: %d\n", Py_FinalizeEx());
    return 0;
}
