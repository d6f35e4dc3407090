/* Tracebacks as PyErr_Print / PyTraceBack_Print write them: source lines read from the file
 * (found through sys.path for a bare name), leading whitespace stripped, trailing kept;
 * ^^^ under an expression that is not the whole line; recursion cut to 3 entries plus
 * "[Previous line repeated N more times]"; chained exceptions; sys.tracebacklimit;
 * ~~^~~ anchors under binary operators and subscripts; PyTraceBack_Print's argument checks; TracebackType(...), tb_next's checks and
 * sys._getframe. stderr goes to stdout. */
#include <Python.h>
#include <stdlib.h>
#include <unistd.h>
#include "testutil.h"

static const char *SOURCE =
    "def f(n):\n"
    "    if n == 0:\n"
    "        raise ValueError('bottom')   \n"
    "    f(n - 1)\n"
    "\n"
    "def g(d):\n"
    "    return d.pop('k')\n"
    "\n"
    "def h():\n"
    "    x = g({}) ;\n"
    "\n"
    "def chained():\n"
    "    try:\n"
    "        h()\n"
    "    except KeyError as e:\n"
    "        raise RuntimeError('wrapped') from e\n"
    "\n"
    "def context():\n"
    "    try:\n"
    "        f(0)\n"
    "    except ValueError:\n"
    "        {}.pop(1)\n"
    "\n"
    "def two(n):\n"
    "    if n:\n"
    "        return two(n - 1)\n"
    "    raise OSError(2, 'gone')\n"
    "\n"
    "def anchors(which):\n"
    "    n = 1\n"
    "    d = {}\n"
    "    if which == 0:\n"
    "        n + None\n"
    "    if which == 1:\n"
    "        x = (n) +  None\n"
    "    if which == 2:\n"
    "        x = n // None\n"
    "    if which == 3:\n"
    "        x = d ['k' ] + 1\n"
    "    if which == 4:\n"
    "        x = '\xc3\xa9' + d['\xc3\xbc']\n"
    "    if which == 5:\n"
    "        x = [n,\n"
    "             n][5]\n";

static PyObject *module;

static void call_and_print(const char *name, const char *fmt, long arg)
{
    printf("--- %s\n", name);
    PyObject *fn = PyObject_GetAttrString(module, name);
    PyObject *r = fmt ? PyObject_CallFunction(fn, fmt, arg) : PyObject_CallNoArgs(fn);
    Py_XDECREF(r);
    Py_DECREF(fn);
    if (PyErr_Occurred())
        PyErr_Print();
    else
        printf("no error\n");
}

static void run(const char *code)
{
    if (PyRun_SimpleString(code) != 0)
        printf("PyRun_SimpleString failed\n");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    char dir[] = "/tmp/tb_printXXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256];
    snprintf(path, sizeof path, "%s/tb_src.py", dir);
    FILE *fp = fopen(path, "w");
    fputs(SOURCE, fp);
    fclose(fp);

    Py_Initialize();
    PyObject *dirobj = PyUnicode_FromString(dir);
    PyList_Insert(PySys_GetObject("path"), 0, dirobj);
    Py_DECREF(dirobj);
    /* A bare file name: the printer finds the source through sys.path. */
    PyObject *code = Py_CompileString(SOURCE, "tb_src.py", Py_file_input);
    module = PyImport_AddModule("tb_src"); /* in sys.modules: "import tb_src" finds it */
    Py_XINCREF(module);
    PyObject *globals = module ? PyModule_GetDict(module) : NULL;
    if (globals)
        PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject *done = globals && code ? PyEval_EvalCode(code, globals, globals) : NULL;
    Py_XDECREF(code);
    if (!done) {
        PyErr_Print();
        return 1;
    }
    Py_DECREF(done);

    call_and_print("f", "l", 10);
    call_and_print("f", "l", 2);
    call_and_print("h", NULL, 0);
    call_and_print("chained", NULL, 0);
    call_and_print("context", NULL, 0);
    call_and_print("two", "l", 1);
    for (long i = 0; i <= 5; i++)
        call_and_print("anchors", "l", i);

    printf("--- tracebacklimit=2\n");
    PyObject *two = PyLong_FromLong(2);
    PySys_SetObject("tracebacklimit", two);
    Py_DECREF(two);
    call_and_print("f", "l", 6);
    PyObject *zero = PyLong_FromLong(0);
    PySys_SetObject("tracebacklimit", zero);
    Py_DECREF(zero);
    call_and_print("h", NULL, 0);
    PyObject *dict = PyDict_New();
    PySys_SetObject("tracebacklimit", dict); /* not an int: the default */
    Py_DECREF(dict);
    call_and_print("f", "l", 0);
    PySys_SetObject("tracebacklimit", NULL);

    printf("--- PyTraceBack_Print\n");
    PyObject *fn = PyObject_GetAttrString(module, "h");
    PyObject *r = PyObject_CallNoArgs(fn);
    Py_XDECREF(r);
    Py_DECREF(fn);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("tb is traceback: %d\n", PyTraceBack_Check(tb));
    printf("print -> %d\n", PyTraceBack_Print(tb, PySys_GetObject("stderr")));
    printf("print(NULL) -> %d\n", PyTraceBack_Print(NULL, PySys_GetObject("stderr")));
    printf("print(int) -> %d ", PyTraceBack_Print(v, PySys_GetObject("stderr")));
    printf("SystemError: %d\n", PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);

    printf("--- python level\n");
    run("import sys\n"
        "try:\n"
        "    import tb_src\n"
        "    tb_src.h()\n"
        "except KeyError:\n"
        "    tb = sys.exc_info()[2]\n"
        "n = 0\n"
        "t = tb\n"
        "while t is not None:\n"
        "    print(t.tb_frame.f_code.co_name, t.tb_lineno, type(t.tb_lasti).__name__, t.tb_lasti >= 0)\n"
        "    t = t.tb_next\n"
        "for bad in (lambda: setattr(tb, 'tb_next', 1), lambda: setattr(tb.tb_next, 'tb_next', tb),\n"
        "            lambda: delattr(tb, 'tb_next'), lambda: setattr(tb, 'tb_lineno', 3)):\n"
        "    try:\n"
        "        bad()\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__, e)\n"
        "f = sys._getframe()\n"
        "print(f.f_code.co_name, f.f_lineno, f.f_back, f.f_globals is globals())\n"
        "def inner():\n"
        "    return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name\n"
        "print(inner())\n"
        "print(sys._getframe(-3) is f)\n"
        "for args in ((100,), ('a',), (1, 2)):\n"
        "    try:\n"
        "        sys._getframe(*args)\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__, e)\n"
        "TracebackType = type(tb)\n"
        "new = TracebackType(None, f, 0, 42)\n"
        "print(new.tb_lineno, new.tb_lasti, new.tb_next, new.tb_frame is f)\n"
        "top = TracebackType(tb_next=new, tb_frame=f, tb_lasti=4, tb_lineno=7)\n"
        "print(top.tb_next is new, top.tb_lineno)\n"
        "top.tb_next = None\n"
        "print(top.tb_next)\n"
        "for args in ((1, f, 0, 1), (None, 1, 0, 1), (None, f, 'x', 1), (None, f, 0)):\n"
        "    try:\n"
        "        TracebackType(*args)\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__, e)\n"
        "try:\n"
        "    raise ValueError('with made tb').with_traceback(new)\n"
        "except ValueError as e:\n"
        "    print(e.__traceback__.tb_next is new)\n");

    unlink(path);
    rmdir(dir);
    Py_DECREF(module);
    return Py_FinalizeEx() < 0;
}
