/* _PyArg_UnpackKeywordsWithVararg (Argument Clinic's binder for signatures with *args):
 * positional parameters, the *args tuple at index `vararg`, keyword-only parameters after
 * it, positional-only names, required keyword-only parameters, keywords given as a dict or
 * as kwnames, and the errors with CPython's messages. Also _Py_VaBuildStack(_SizeT).
 * Expected output: CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include <stdarg.h>
#include "proto_util.h"

/* f(pos1, pos2, *varargs, kw1=None, kw2=None) */
static const char *const kw_a[] = {"pos1", "pos2", "kw1", "kw2", NULL};
static _PyArg_Parser parser_a = {NULL, kw_a, "fa", NULL, 0, 0, 0, NULL, NULL};
/* g(a, /, b, *args, c, d=None): c required keyword-only */
static const char *const kw_b[] = {"", "b", "c", "d", NULL};
static _PyArg_Parser parser_b = {NULL, kw_b, "gb", NULL, 0, 0, 0, NULL, NULL};
/* h(*args, key=None) */
static const char *const kw_c[] = {"key", NULL};
static _PyArg_Parser parser_c = {NULL, kw_c, "hc", NULL, 0, 0, 0, NULL, NULL};

/* Prints the bound slots (NULL as "-"); `n` is the number of slots (names + 1). */
static void bind(const char *label, _PyArg_Parser *p, int minpos, int maxpos, int minkw, int vararg, int n,
                 PyObject *tuple, PyObject *kwargs, PyObject *kwnames)
{
    PyObject *buf[8];
    for (int i = 0; i < 8; i++)
        buf[i] = (PyObject *)0x1;   /* marks slots left alone */
    PyObject *stack[8];
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    for (Py_ssize_t i = 0; i < nargs; i++)
        stack[i] = PyTuple_GET_ITEM(tuple, i);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++)
        stack[nargs + i] = PyLong_FromSsize_t(100 + i);
    PyObject *const *r = _PyArg_UnpackKeywordsWithVararg(stack, nargs, kwargs, kwnames, p, minpos, maxpos, minkw,
                                                         vararg, buf);
    if (r == NULL) {
        show_err(label);
    } else {
        printf("%s:%s", label, r == buf ? "" : " (not buf)");
        for (int i = 0; i < n; i++) {
            printf(" ");
            if (r[i] == NULL)
                printf("-");
            else if (r[i] == (PyObject *)0x1)
                printf("?");
            else
                PyObject_Print(r[i], stdout, 0);
        }
        printf("\n");
        if (r[vararg] != NULL && r[vararg] != (PyObject *)0x1)
            Py_DECREF(r[vararg]);
    }
    for (Py_ssize_t i = 0; i < nkw; i++)
        Py_DECREF(stack[nargs + i]);
    Py_DECREF(tuple);
    Py_XDECREF(kwargs);
    Py_XDECREF(kwnames);
}

static PyObject **build_stack(PyObject **small, Py_ssize_t n_small, Py_ssize_t *nargs, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject **r = _Py_VaBuildStack(small, n_small, format, va, nargs);
    va_end(va);
    return r;
}

static void show_stack(const char *label, PyObject **small, PyObject **r, Py_ssize_t n)
{
    if (r == NULL) {
        show_err(label);
        return;
    }
    printf("%s: n=%zd %s [", label, n, r == small ? "small" : "heap");
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject_Print(r[i], stdout, 0);
        printf(i + 1 < n ? ", " : "");
        Py_DECREF(r[i]);
    }
    printf("]\n");
    if (r != small)
        PyMem_Free(r);
}

int main(void)
{
    Py_Initialize();
    bind("fa(1,2)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, NULL);
    bind("fa(1,2,3,4)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(iiii)", 1, 2, 3, 4), NULL, NULL);
    bind("fa(1,2,3,4,kw1=,kw2=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(iiii)", 1, 2, 3, 4), NULL,
         Py_BuildValue("(ss)", "kw1", "kw2"));
    bind("fa(1,2,kw2=) dict", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{si}", "kw2", 9), NULL);
    bind("fa(1,pos2=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(i)", 1), NULL, Py_BuildValue("(s)", "pos2"));
    bind("fa(pos1=,pos2=) dict", &parser_a, 2, 2, 0, 2, 5, PyTuple_New(0), Py_BuildValue("{sisi}", "pos1", 7, "pos2", 8), NULL);
    bind("fa(1)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(i)", 1), NULL, NULL);
    bind("fa()", &parser_a, 2, 2, 0, 2, 5, PyTuple_New(0), NULL, NULL);
    bind("fa(1,2,pos1=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, Py_BuildValue("(s)", "pos1"));
    bind("fa(1,2,3,pos2=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(iii)", 1, 2, 3), NULL, Py_BuildValue("(s)", "pos2"));
    bind("fa(1,2,pos1=,zz=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, Py_BuildValue("(ss)", "pos1", "zz"));
    bind("fa(1,2,zz=,pos1=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, Py_BuildValue("(ss)", "zz", "pos1"));
    bind("fa(1,2,3,kw1=,pos1=) dict", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(iii)", 1, 2, 3), Py_BuildValue("{sisi}", "kw1", 1, "pos1", 2), NULL);
    bind("fa(1,kw1=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(i)", 1), NULL, Py_BuildValue("(s)", "kw1"));
    bind("fa(1,2,zz=)", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, Py_BuildValue("(s)", "zz"));
    bind("fa(1,2,**{1:2})", &parser_a, 2, 2, 0, 2, 5, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{ii}", 1, 2), NULL);

    bind("gb(1,2,c=)", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, Py_BuildValue("(s)", "c"));
    bind("gb(1,2,3,c=,d=)", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(iii)", 1, 2, 3), NULL, Py_BuildValue("(ss)", "c", "d"));
    bind("gb(1,b=,c=)", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(i)", 1), NULL, Py_BuildValue("(ss)", "b", "c"));
    bind("gb(1,2)", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, NULL);
    bind("gb(1,2,3)", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(iii)", 1, 2, 3), NULL, NULL);
    bind("gb(c=)", &parser_b, 2, 2, 1, 2, 5, PyTuple_New(0), NULL, Py_BuildValue("(s)", "c"));
    bind("gb(1,2,a=,c=)", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(ii)", 1, 2), NULL, Py_BuildValue("(ss)", "a", "c"));
    bind("gb(1,2,c=,d=) dict", &parser_b, 2, 2, 1, 2, 5, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{sisi}", "c", 5, "d", 6), NULL);

    bind("hc()", &parser_c, 0, 0, 0, 0, 2, PyTuple_New(0), NULL, NULL);
    bind("hc(1,2,3)", &parser_c, 0, 0, 0, 0, 2, Py_BuildValue("(iii)", 1, 2, 3), NULL, NULL);
    bind("hc(1,key=)", &parser_c, 0, 0, 0, 0, 2, Py_BuildValue("(i)", 1), NULL, Py_BuildValue("(s)", "key"));
    bind("hc(key=) dict", &parser_c, 0, 0, 0, 0, 2, PyTuple_New(0), Py_BuildValue("{si}", "key", 3), NULL);
    bind("hc(nokey=)", &parser_c, 0, 0, 0, 0, 2, PyTuple_New(0), NULL, Py_BuildValue("(s)", "nokey"));

    /* _Py_VaBuildStack */
    PyObject *small[4];
    Py_ssize_t n = -1;
    PyObject **r = build_stack(small, 4, &n, "iis", 1, 2, "three");
    show_stack("iis", small, r, n);
    r = build_stack(small, 4, &n, "(ii)[s]{si}", 1, 2, "x", "k", 5);
    show_stack("(ii)[s]{si}", small, r, n);
    r = build_stack(small, 2, &n, "iiiii", 1, 2, 3, 4, 5);
    show_stack("5 ints, small of 2", small, r, n);
    r = build_stack(small, 4, &n, "", 0);
    show_stack("empty", small, r, n);
    r = build_stack(small, 4, &n, "s#y#", "abc", (Py_ssize_t)2, "xyz", (Py_ssize_t)3);
    show_stack("s#y#", small, r, n);
    r = build_stack(small, 4, &n, "iO", 1, (PyObject *)NULL);
    show_stack("NULL O", small, r, n);
    r = build_stack(small, 4, &n, "i(i", 1, 2);
    show_stack("unbalanced", small, r, n);
    r = build_stack(small, 4, &n, "iN", 1, PyUnicode_FromString("stolen"));
    show_stack("iN", small, r, n);
    Py_FinalizeEx();
    return 0;
}
