/* The PEP 567 C-API: PyContext_New/Copy/CopyCurrent/Enter/Exit, PyContextVar_New/Get/Set/
 * Reset, the exact-type checks, the thread's current context, and the errors for wrong
 * arguments (messages with addresses are masked). */
#include <Python.h>
#include <ctype.h>
#include "proto_util.h"

/* Prints "label: rc=N value=repr" for PyContextVar_Get. */
static void get(const char *label, PyObject *var, PyObject *def)
{
    PyObject *value = (PyObject *)1;
    int rc = PyContextVar_Get(var, def, &value);
    printf("%s: rc=%d ", label, rc);
    if (rc < 0) {
        printf("value=%s ", value == NULL ? "NULL" : "set");
        show_err("error");
        return;
    }
    if (value == NULL) {
        printf("value=NULL\n");
        return;
    }
    show("value", value);
}

/* Prints the pending error as "Type: message" with every "0x..." address as ADDR. */
static void print_masked_error(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    const char *s = message(v);
    printf("%s: ", ((PyTypeObject *)t)->tp_name);
    for (const char *p = s; *p; p++) {
        if (p[0] == '0' && p[1] == 'x') {
            printf("ADDR");
            p += 2;
            while (isxdigit((unsigned char)*p))
                p++;
            p--;
        } else
            putchar(*p);
    }
    printf("\n");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static void show_rc(const char *label, int rc)
{
    if (rc < 0) {
        printf("%s: -1 ", label);
        print_masked_error();
    } else
        printf("%s: %d\n", label, rc);
}

int main(void)
{
    Py_Initialize();
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2), *three = PyLong_FromLong(3);

    PyObject *var = PyContextVar_New("v", NULL);
    PyObject *dvar = PyContextVar_New("d", one);
    printf("checks: %d %d %d %d\n", PyContextVar_CheckExact(var), PyContext_CheckExact(var),
           Py_IS_TYPE(var, &PyContextVar_Type), PyContextToken_CheckExact(var));
    show_masked("var", Py_NewRef(var));
    show_masked("dvar", Py_NewRef(dvar));
    get("unset", var, NULL);
    get("unset+default", var, two);
    get("dvar", dvar, NULL);
    get("dvar+default", dvar, two);

    PyObject *tok = PyContextVar_Set(var, two);
    printf("token: %d\n", PyContextToken_CheckExact(tok));
    show_masked("token", Py_NewRef(tok));
    get("after set", var, three);
    PyObject *tok2 = PyContextVar_Set(var, three);
    get("after set 2", var, NULL);
    show_rc("reset tok2", PyContextVar_Reset(var, tok2));
    get("after reset 2", var, NULL);
    show_rc("reset tok2 again", PyContextVar_Reset(var, tok2));
    show_rc("reset with dvar", PyContextVar_Reset(dvar, tok));
    show_rc("reset tok", PyContextVar_Reset(var, tok));
    get("after reset", var, NULL);

    /* Contexts: a copy sees the values of the moment; entering switches. */
    PyObject *t3 = PyContextVar_Set(var, one);
    PyObject *snap = PyContext_CopyCurrent();
    printf("snap: %d len=%zd\n", PyContext_CheckExact(snap), PyObject_Length(snap));
    PyObject *empty = PyContext_New();
    printf("empty len=%zd\n", PyObject_Length(empty));
    show_rc("enter empty", PyContext_Enter(empty));
    get("in empty", var, NULL);
    PyObject *t4 = PyContextVar_Set(var, three);
    get("set in empty", var, NULL);
    show_rc("enter empty twice", PyContext_Enter(empty));
    show_rc("exit snap (not entered)", PyContext_Exit(snap));
    show_rc("exit empty", PyContext_Exit(empty));
    get("back", var, NULL);
    show_rc("reset t4 outside", PyContextVar_Reset(var, t4));
    printf("empty len=%zd\n", PyObject_Length(empty));
    show("empty[var]", PyObject_GetItem(empty, var));
    PyObject *copy = PyContext_Copy(empty);
    show("copy[var]", PyObject_GetItem(copy, var));
    printf("copy == empty: %d\n", PyObject_RichCompareBool(copy, empty, Py_EQ));

    /* Nested enter/exit: exiting the outer one first is an error. */
    show_rc("enter snap", PyContext_Enter(snap));
    show_rc("enter copy", PyContext_Enter(copy));
    show_rc("exit snap first", PyContext_Exit(snap));
    show_rc("exit copy", PyContext_Exit(copy));
    show_rc("exit snap", PyContext_Exit(snap));
    show_rc("reset t3", PyContextVar_Reset(var, t3));
    get("final", var, NULL);

    /* Wrong arguments. */
    get("get(int)", one, NULL);
    show("set(int)", PyContextVar_Set(one, two));
    show_rc("reset(int)", PyContextVar_Reset(one, tok));
    show_rc("reset(var, int)", PyContextVar_Reset(var, one));
    show_rc("enter(int)", PyContext_Enter(one));
    show_rc("exit(int)", PyContext_Exit(one));
    show("copy(int)", PyContext_Copy(one));

    /* Python code sees what C set. */
    PyObject *m = PyImport_ImportModule("contextvars");
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
    PyDict_SetItemString(g, "var", var);
    PyDict_SetItemString(g, "cv", m);
    PyObject *t5 = PyContextVar_Set(var, PyUnicode_FromString("from C"));
    show("py get", PyRun_String("var.get()", Py_eval_input, g, g));
    show("py copy", PyRun_String("cv.copy_context()[var]", Py_eval_input, g, g));
    show("py set", PyRun_String("var.set(99).old_value", Py_eval_input, g, g));
    get("C sees", var, NULL);
    Py_XDECREF(t5);

    Py_DECREF(tok); Py_DECREF(tok2); Py_DECREF(t3); Py_DECREF(t4);
    Py_DECREF(snap); Py_DECREF(empty); Py_DECREF(copy); Py_DECREF(var); Py_DECREF(dvar);
    Py_DECREF(m); Py_DECREF(g);
    Py_DECREF(one); Py_DECREF(two); Py_DECREF(three);
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
