/* Sub-interpreters: Py_NewInterpreter gives each its own sys, sys.modules and builtins
 * (an attribute set in one is absent in the others), ids count up, PyThreadState_Swap
 * moves between them, Py_EndInterpreter runs the interpreter's atexit callbacks and leaves
 * no thread state current; the main interpreter is untouched. */
#include <Python.h>
#include "testutil.h"

static PyObject *bye(PyObject *self, PyObject *arg)
{
    (void)self;
    printf("atexit in sub-interpreter: ");
    put(arg);
    printf("\n");
    Py_RETURN_NONE;
}
static PyMethodDef bye_def = {"bye", bye, METH_O, NULL};

static void mark(const char *who)
{
    PyObject *v = PyUnicode_FromString(who);
    PySys_SetObject("marker", v);
    PyDict_SetItemString(PyEval_GetBuiltins(), "marker", v);
    PyObject *m = PyImport_AddModule(who);
    printf("%s: AddModule(%s) %s\n", who, who, m ? "ok" : "failed");
    Py_DECREF(v);
}

static void look(const char *who)
{
    PyObject *s = PySys_GetObject("marker");
    PyObject *b = PyDict_GetItemString(PyEval_GetBuiltins(), "marker");
    printf("%s: sys.marker=", who);
    put(s ? s : Py_None);
    printf(" builtins.marker=");
    put(b ? b : Py_None);
    PyObject *modules = PyImport_GetModuleDict();
    printf(" has one=%d two=%d main=%d interp id=%lld\n",
           PyDict_GetItemString(modules, "one") != NULL, PyDict_GetItemString(modules, "two") != NULL,
           PyDict_GetItemString(modules, "main") != NULL,
           (long long)PyInterpreterState_GetID(PyInterpreterState_Get()));
}

int main(void)
{
    Py_Initialize();
    PyThreadState *main_ts = PyThreadState_Get();
    PyObject *main_sys = PyImport_GetModule(PyUnicode_FromString("sys"));
    mark("main");

    PyThreadState *one = Py_NewInterpreter();
    printf("new interpreter one: %s, current: %d\n", one ? "ok" : "NULL", PyThreadState_Get() == one);
    printf("one's sys is not main's: %d\n", PyDict_GetItemString(PyImport_GetModuleDict(), "sys") != main_sys);
    printf("one has builtins, sys, stdout: %d %d %d\n", PyDict_GetItemString(PyImport_GetModuleDict(), "builtins") != NULL,
           PySys_GetObject("path") != NULL, PySys_GetObject("stdout") != NULL);
    mark("one");
    PyObject *atexit = PyImport_GetModule(PyUnicode_FromString("atexit"));
    PyObject *f = PyCFunction_New(&bye_def, NULL);
    Py_XDECREF(PyObject_CallMethod(atexit, "register", "Os", f, "from one"));
    Py_DECREF(f);
    Py_DECREF(atexit);

    PyThreadState *two = Py_NewInterpreter();
    printf("new interpreter two: %s, current: %d\n", two ? "ok" : "NULL", PyThreadState_Get() == two);
    look("two before mark");
    mark("two");
    look("two");

    PyThreadState_Swap(one);
    look("one");
    PyThreadState_Swap(main_ts);
    look("main");
    PyThreadState_Swap(two);
    Py_EndInterpreter(two);
    printf("after ending two, current is NULL: %d\n", PyThreadState_Swap(NULL) == NULL);
    PyThreadState_Swap(one);
    look("one again");
    Py_EndInterpreter(one);
    PyThreadState_Swap(main_ts);
    look("main again");
    printf("interpreters left: main only: %d\n", PyInterpreterState_Head() == PyInterpreterState_Main() &&
           PyInterpreterState_Next(PyInterpreterState_Head()) == NULL);
    Py_DECREF(main_sys);
    printf("Py_FinalizeEx: %d\n", Py_FinalizeEx());
    return 0;
}
