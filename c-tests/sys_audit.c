/* Audit hooks (PEP 578): C hooks added before and after initialization see the events
 * raised with PySys_Audit (argument tuples built from Py_BuildValue formats, a non-tuple
 * wrapped), in order; a failing hook stops the event (-1, its exception set) and a pending
 * exception survives a successful event; sys.addaudithook/sys.audit; the hooks are
 * cleared by finalization (announced with cpython._PySys_ClearAuditHooks). Only the
 * events this test raises are printed (CPython's own start-up raises many more). */
#include <Python.h>
#include "testutil.h"

static int refuse = 0;

static int hook(const char *event, PyObject *args, void *data)
{
    if (strncmp(event, "my.", 3) != 0 && strncmp(event, "cpython._PySys", 14) != 0 &&
        strcmp(event, "sys.addaudithook") != 0)
        return 0;
    printf("hook%ld: %s ", (long)(intptr_t)data, event);
    put(args);
    printf("\n");
    if (refuse && (intptr_t)data == 2 && strcmp(event, "my.refused") == 0) {
        PyErr_SetString(PyExc_PermissionError, "refused by hook2");
        return -1;
    }
    if (refuse == 2 && strcmp(event, "sys.addaudithook") == 0) {
        PyErr_SetString(PyExc_RuntimeError, "no more hooks");
        return -1;
    }
    return 0;
}

static PyObject *py_hook(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *event = PyTuple_GetItem(args, 0);
    if (PyUnicode_GET_LENGTH(event) > 3 && memcmp(PyUnicode_DATA(event), "my.", 3) == 0) {
        printf("python hook: ");
        put(args);
        printf("\n");
    }
    Py_RETURN_NONE;
}
static PyMethodDef py_hook_def = {"py_hook", py_hook, METH_VARARGS, NULL};

int main(void)
{
    printf("add before init: %d\n", PySys_AddAuditHook(hook, (void *)1));
    Py_Initialize();
    printf("add after init: %d\n", PySys_AddAuditHook(hook, (void *)2));
    printf("audit tuple: %d\n", PySys_Audit("my.tuple", "(is)", 5, "x"));
    printf("audit single: %d\n", PySys_Audit("my.single", "i", 7));
    printf("audit no format: %d\n", PySys_Audit("my.none", NULL));
    printf("audit empty format: %d\n", PySys_Audit("my.empty", ""));
    printf("audit object: %d\n", PySys_Audit("my.object", "O", Py_None));
    refuse = 1;
    printf("audit refused: %d\n", PySys_Audit("my.refused", "i", 1));
    print_error("after refusal");
    PyErr_SetString(PyExc_KeyError, "pending");
    printf("audit with pending error: %d\n", PySys_Audit("my.pending", NULL));
    print_error("pending kept");
    refuse = 0;
    PyObject *f = PyCFunction_New(&py_hook_def, NULL);
    PyObject *r = PyObject_CallOneArg(PySys_GetObject("addaudithook"), f);
    printf("sys.addaudithook -> ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    printf("audit with python hook: %d\n", PySys_Audit("my.py", "(ii)", 1, 2));
    r = PyObject_CallFunction(PySys_GetObject("audit"), "sii", "my.sysaudit", 3, 4);
    printf("sys.audit -> ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    r = PyObject_CallFunction(PySys_GetObject("audit"), "i", 3);
    printf("sys.audit(3) -> ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    refuse = 2;
    printf("add refused by a hook: %d\n", PySys_AddAuditHook(hook, (void *)3));
    print_error("after refused add");
    printf("audit after refused add: %d\n", PySys_Audit("my.after", NULL));
    refuse = 0;
    Py_DECREF(f);
    Py_FinalizeEx();
    Py_Initialize();
    printf("audit after re-init: %d\n", PySys_Audit("my.again", NULL));
    Py_FinalizeEx();
    return 0;
}
