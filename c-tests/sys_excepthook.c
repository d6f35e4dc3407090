/* PyErr_Print goes through sys.excepthook: a replaced hook receives (type, value, tb),
 * sys.last_type/last_value/last_traceback are set (PyErr_PrintEx(1)) or not (0), a failing
 * hook is reported with both exceptions, a missing one with "sys.excepthook is missing";
 * PyErr_Display writes to sys.stderr, and nothing when it is None. stderr goes to stdout. */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static PyObject *my_hook(PyObject *self, PyObject *const *args, Py_ssize_t n)
{
    (void)self;
    printf("my_hook got %zd args: ", n);
    for (Py_ssize_t i = 0; i < n; i++) {
        put(args[i]);
        printf(" ");
    }
    printf("\n");
    Py_RETURN_NONE;
}

static PyObject *bad_hook(PyObject *self, PyObject *const *args, Py_ssize_t n)
{
    (void)self; (void)args; (void)n;
    PyErr_SetString(PyExc_RuntimeError, "hook failed");
    return NULL;
}

static PyMethodDef my_def = {"my_hook", (PyCFunction)(void (*)(void))my_hook, METH_FASTCALL, NULL};
static PyMethodDef bad_def = {"bad_hook", (PyCFunction)(void (*)(void))bad_hook, METH_FASTCALL, NULL};

static void flush_err(void)
{
    PyObject *r = PyObject_CallMethod(PySys_GetObject("stderr"), "flush", NULL);
    Py_XDECREF(r);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();
    PyObject *hook = PyCFunction_New(&my_def, NULL);
    PySys_SetObject("excepthook", hook);
    PyErr_SetString(PyExc_ValueError, "to the hook");
    PyErr_PrintEx(0);
    printf("last_value set by PrintEx(0): %d\n", PySys_GetObject("last_value") != NULL);
    PyErr_SetString(PyExc_KeyError, "kept as last");
    PyErr_Print();
    printf("last_type: "); put(PySys_GetObject("last_type")); printf("\n");
    printf("last_value: "); put(PySys_GetObject("last_value")); printf("\n");
    printf("last_traceback: "); put(PySys_GetObject("last_traceback")); printf("\n");
    printf("error cleared: %d\n", PyErr_Occurred() == NULL);

    PyObject *bad = PyCFunction_New(&bad_def, NULL);
    PySys_SetObject("excepthook", bad);
    PyErr_SetString(PyExc_TypeError, "original");
    PyErr_Print();
    flush_err();
    PySys_SetObject("excepthook", NULL);
    PyErr_SetString(PyExc_TypeError, "no hook");
    PyErr_Print();
    flush_err();
    PySys_SetObject("excepthook", PySys_GetObject("__excepthook__"));
    PyErr_SetString(PyExc_OSError, "default hook");
    PyErr_Print();
    flush_err();
    PyObject *err = PySys_GetObject("stderr");
    Py_INCREF(err);
    PySys_SetObject("stderr", Py_None);
    PyErr_SetString(PyExc_OSError, "stderr is None: not shown");
    PyErr_Print();
    PySys_SetObject("stderr", err);
    Py_DECREF(err);
    printf("done\n");
    Py_DECREF(hook);
    Py_DECREF(bad);
    Py_FinalizeEx();
    return 0;
}
