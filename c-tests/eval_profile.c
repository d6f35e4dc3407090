/* PyEval_SetProfile: a C profile function receives call/return of Python functions and
 * generators and c_call/c_return/c_exception of C functions and methods called from
 * Python (the argument is the C function, bound for a method descriptor); no line events;
 * sys.getprofile sees the object passed; a failing C profile function's exception
 * propagates and (unlike a Python one) it stays installed. */
#include <Python.h>
#include <frameobject.h>
#include <unistd.h>
#include "testutil.h"

static int fail_on_c_call = 0;

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

static int profiler(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    PyCodeObject *code = PyFrame_GetCode(frame);
    printf("  [%s] %s in %s +%d", utf8_text(obj), what_name(what), utf8_text(code->co_name),
           PyFrame_GetLineNumber(frame) - code->co_firstlineno);
    Py_DECREF(code);
    if (what == PyTrace_C_CALL || what == PyTrace_C_RETURN || what == PyTrace_C_EXCEPTION) {
        PyObject *name = PyObject_GetAttrString(arg, "__qualname__");
        printf(" %s (%s)", name ? utf8_text(name) : "?", Py_TYPE(arg)->tp_name);
        Py_XDECREF(name);
        PyErr_Clear();
    } else if (arg == NULL) {
        printf(" NULL");
    } else {
        PyObject *r = PyObject_Repr(arg);
        printf(" %s", r ? utf8_text(r) : "?");
        Py_XDECREF(r);
    }
    printf("\n");
    if (what == PyTrace_C_CALL && fail_on_c_call) {
        PyErr_SetString(PyExc_OverflowError, "profiler failed");
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
    run("def sq(x):\n"
        "    return x * x\n"
        "def gen():\n"
        "    yield 1\n"
        "def work():\n"
        "    a = sq(3)\n"
        "    b = len([1, 2])\n"
        "    c = [].copy()\n"
        "    d = sum(gen())\n"
        "    try:\n"
        "        divmod(1, 0)\n"
        "    except ZeroDivisionError:\n"
        "        pass\n"
        "    return a + b + d\n");

    PyObject *tag = PyUnicode_FromString("P");
    PyEval_SetProfile(profiler, tag);
    PyObject *gp = PySys_GetObject("getprofile");
    PyObject *cur = PyObject_CallNoArgs(gp);
    printf("sys.getprofile() is the object: %d\n", cur == tag);
    Py_XDECREF(cur);
    run("work()");
    PyEval_SetProfile(NULL, NULL);
    printf("removed\n");
    run("work()");

    printf("a failing profile function:\n");
    fail_on_c_call = 1;
    PyEval_SetProfile(profiler, tag);
    run("work()");
    cur = PyObject_CallNoArgs(gp);
    printf("still installed: %d\n", cur == tag);
    Py_XDECREF(cur);
    PyEval_SetProfile(NULL, NULL);

    Py_DECREF(tag);
    Py_DECREF(globals);
    Py_Finalize();
    return 0;
}
