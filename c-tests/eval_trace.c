/* PyEval_SetTrace: a C trace function receives call/line/return/exception events
 * (with the frame's code name and line, and the event argument), sys.gettrace sees the
 * object passed, a failing trace function stops tracing and its exception propagates,
 * and PyThreadState_EnterTracing/LeaveTracing mute it. */
#include <Python.h>
#include <frameobject.h>
#include <unistd.h>
#include "testutil.h"

static int events = 0;
static int fail_on_line = -1;

static const char *what_name(int what)
{
    switch (what) {
    case PyTrace_CALL: return "call";
    case PyTrace_EXCEPTION: return "exception";
    case PyTrace_LINE: return "line";
    case PyTrace_RETURN: return "return";
    case PyTrace_C_CALL: return "c_call";
    case PyTrace_C_EXCEPTION: return "c_exception";
    case PyTrace_C_RETURN: return "c_return";
    case PyTrace_OPCODE: return "opcode";
    }
    return "?";
}

static void describe_arg(int what, PyObject *arg)
{
    if (arg == NULL) {
        printf(" arg=NULL");
    } else if (what == PyTrace_EXCEPTION && PyTuple_Check(arg) && PyTuple_GET_SIZE(arg) == 3) {
        printf(" exc=%s", ((PyTypeObject *)PyTuple_GET_ITEM(arg, 0))->tp_name);
    } else if (arg == Py_None) {
        printf(" arg=None");
    } else {
        PyObject *r = PyObject_Repr(arg);
        printf(" arg=%s", r ? utf8_text(r) : "?");
        Py_XDECREF(r);
    }
}

static int tracer(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    PyCodeObject *code = PyFrame_GetCode(frame);
    int line = PyFrame_GetLineNumber(frame);
    const char *name = utf8_text(code->co_name);
    int rel = line - code->co_firstlineno;
    Py_DECREF(code);
    events++;
    printf("  [%s] %s %s +%d", obj ? utf8_text(obj) : "-", what_name(what), name, rel);
    describe_arg(what, arg);
    printf("\n");
    if (what == PyTrace_LINE && rel == fail_on_line) {
        PyErr_SetString(PyExc_KeyError, "tracer failed");
        return -1;
    }
    return 0;
}

static PyObject *globals;

static void run(const char *src)
{
    PyObject *r = PyRun_String(src, Py_file_input, globals, globals);
    if (r == NULL)
        print_error("  raised");
    Py_XDECREF(r);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();
    globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    run("def f(n):\n"
        "    total = 0\n"
        "    for i in range(n):\n"
        "        total += i\n"
        "    return total\n"
        "def g():\n"
        "    try:\n"
        "        raise ValueError('v')\n"
        "    except ValueError:\n"
        "        return f(2)\n"
        "def boom():\n"
        "    x = 1\n"
        "    y = 2\n"
        "    return x + y\n"
        "def gen():\n"
        "    yield 1\n"
        "    yield 2\n");

    PyObject *tag = PyUnicode_FromString("T");
    printf("calls with a C trace function:\n");
    PyEval_SetTrace(tracer, tag);
    PyObject *gt = PySys_GetObject("gettrace");
    PyObject *cur = PyObject_CallNoArgs(gt);
    printf("sys.gettrace() is the object: %d\n", cur == tag);
    Py_XDECREF(cur);
    run("f(2)");
    printf("exceptions:\n");
    run("g()");
    printf("generator:\n");
    run("list(gen())");
    PyEval_SetTrace(NULL, NULL);
    printf("after removal, events=%d\n", events);
    events = 0;
    run("f(3)");
    printf("no events when off: %d\n", events);

    printf("a failing trace function:\n");
    fail_on_line = 2;
    PyEval_SetTrace(tracer, tag);
    run("boom()");
    cur = PyObject_CallNoArgs(gt);
    printf("a C trace function stays installed: %d\n", cur == tag);
    Py_XDECREF(cur);
    fail_on_line = -1;

    printf("muted by EnterTracing:\n");
    PyEval_SetTrace(tracer, tag);
    PyThreadState *ts = PyThreadState_Get();
    PyThreadState_EnterTracing(ts);
    events = 0;
    run("f(1)");
    PyThreadState_LeaveTracing(ts);
    PyEval_SetTrace(NULL, NULL);
    printf("events while muted: %d\n", events);

    printf("done\n");

    Py_DECREF(tag);
    Py_DECREF(globals);
    Py_Finalize();
    return 0;
}
