/* PyFrame_FastToLocalsWithError / PyFrame_FastToLocals / PyFrame_LocalsToFast from a C
 * function called by Python: the caller's locals dict is refreshed from its variables
 * (plain locals, cells, free variables), edited, and written back; without `clear` a
 * name missing from the dict keeps its value, with `clear` it is unbound. NULL arguments. */
#include <Python.h>
#include <frameobject.h>
#include <unistd.h>
#include "testutil.h"

static PyObject *edit(PyObject *self, PyObject *arg)
{
    (void)self;
    PyFrameObject *f = PyEval_GetFrame();
    int clear = PyObject_IsTrue(arg);
    printf("FastToLocalsWithError: %d\n", PyFrame_FastToLocalsWithError(f));
    PyObject *locals = PyFrame_GetLocals(f);
    PyObject *keys = PyDict_Keys(locals);
    PyList_Sort(keys);
    printf("keys: "); put(keys); printf("\n");
    Py_DECREF(keys);
    PyDict_SetItemString(locals, "x", PyLong_FromLong(42));
    PyDict_SetItemString(locals, "cell", PyUnicode_FromString("changed cell"));
    if (PyDict_GetItemString(locals, "y"))
        PyDict_DelItemString(locals, "y");
    PyFrame_LocalsToFast(f, clear);
    printf("error after LocalsToFast: %d\n", PyErr_Occurred() != NULL);
    Py_DECREF(locals);
    Py_RETURN_NONE;
}

static PyMethodDef edit_def = {"edit", edit, METH_O, NULL};

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
    PyObject *fn = PyCFunction_New(&edit_def, NULL);
    PyDict_SetItemString(g, "edit", fn);
    PyObject *r = PyRun_String(
        "def f(clear):\n"
        "    x = 1\n"
        "    y = 2\n"
        "    cell = 'cell'\n"
        "    def inner():\n"
        "        return cell\n"
        "    edit(clear)\n"
        "    try:\n"
        "        yv = y\n"
        "    except UnboundLocalError as e:\n"
        "        yv = 'unbound: ' + str(e)\n"
        "    return x, yv, inner()\n"
        "print(f(False))\n"
        "print(f(True))\n",
        Py_file_input, g, g);
    if (r == NULL) print_error("run"); else Py_DECREF(r);

    printf("FastToLocalsWithError(NULL): %d\n", PyFrame_FastToLocalsWithError(NULL));
    /* CPython's message carries its source file and line: only the type is compared. */
    printf("NULL frame raises SystemError: %d\n", PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();
    PyFrame_FastToLocals(NULL);
    printf("FastToLocals(NULL) leaves an error: %d\n", PyErr_Occurred() != NULL);
    PyFrame_LocalsToFast(NULL, 0);
    printf("LocalsToFast(NULL) leaves an error: %d\n", PyErr_Occurred() != NULL);
    Py_DECREF(fn);
    Py_DECREF(g);
    return Py_FinalizeEx() < 0;
}
