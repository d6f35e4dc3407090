/* float's and complex's number slots, called through tp_as_number (as PyNumber_* does,
 * trying the right operand's slot when the left one returns NotImplemented): + - * / // %
 * divmod ** with floats, complexes and bools; signed zeros, infinities, NaN, the errors
 * (ZeroDivisionError, OverflowError) and a negative float to a fractional power (complex).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>

static void print_obj(PyObject *o)
{
    if (o == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        printf("error %s", t ? ((PyTypeObject *)t)->tp_name : "?");
        if (v != NULL && PyUnicode_Check(v))
            printf(": %s", (const char *)PyUnicode_DATA(v));
        else if (v != NULL && PyTuple_Check(v))
            printf(": (tuple of %zd)", PyTuple_GET_SIZE(v));
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return;
    }
    if (o == Py_NotImplemented) {
        printf("NotImplemented");
        return;
    }
    if (PyTuple_Check(o)) {
        printf("(");
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(o); i++) {
            print_obj(PyTuple_GET_ITEM(o, i));
            printf(i + 1 < PyTuple_GET_SIZE(o) ? ", " : ")");
        }
        return;
    }
    PyObject *r = Py_TYPE(o)->tp_repr(o);
    printf("%s:%s", Py_TYPE(o)->tp_name, (const char *)PyUnicode_DATA(r));
    Py_DECREF(r);
}

/* Binary slot at byte offset `off` in PyNumberMethods; the right operand's slot is tried
 * when the left one's is missing or returns NotImplemented (no subclass priority needed:
 * no subclasses here). */
static PyObject *binop(PyObject *a, PyObject *b, size_t off)
{
    binaryfunc fa = NULL, fb = NULL;
    if (Py_TYPE(a)->tp_as_number)
        fa = *(binaryfunc *)((char *)Py_TYPE(a)->tp_as_number + off);
    if (Py_TYPE(b)->tp_as_number)
        fb = *(binaryfunc *)((char *)Py_TYPE(b)->tp_as_number + off);
    if (fb == fa)
        fb = NULL;
    if (fa) {
        PyObject *r = fa(a, b);
        if (r != Py_NotImplemented)
            return r;
        Py_DECREF(r);
    }
    if (fb)
        return fb(a, b);
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
}

static PyObject *powop(PyObject *a, PyObject *b, PyObject *z)
{
    ternaryfunc fa = Py_TYPE(a)->tp_as_number ? Py_TYPE(a)->tp_as_number->nb_power : NULL;
    ternaryfunc fb = Py_TYPE(b)->tp_as_number ? Py_TYPE(b)->tp_as_number->nb_power : NULL;
    if (fb == fa)
        fb = NULL;
    if (fa) {
        PyObject *r = fa(a, b, z);
        if (r != Py_NotImplemented)
            return r;
        Py_DECREF(r);
    }
    if (fb)
        return fb(a, b, z);
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
}

static struct { const char *name; size_t off; } ops[] = {
    {"+", offsetof(PyNumberMethods, nb_add)},
    {"-", offsetof(PyNumberMethods, nb_subtract)},
    {"*", offsetof(PyNumberMethods, nb_multiply)},
    {"/", offsetof(PyNumberMethods, nb_true_divide)},
    {"//", offsetof(PyNumberMethods, nb_floor_divide)},
    {"%", offsetof(PyNumberMethods, nb_remainder)},
    {"divmod", offsetof(PyNumberMethods, nb_divmod)},
};

int main(void)
{
    Py_Initialize();
    double fv[] = {0.0, -0.0, 1.0, -1.0, 2.5, -3.0, 5.0, 0.3, 1e300, -1e-300, 1e-320,
                   INFINITY, -INFINITY, NAN, 7.0, -0.5, DBL_MAX, 3.0, 2.0, 0.5, 100.0, -8.0, 10.0};
    size_t nf = sizeof fv / sizeof fv[0];
    PyObject *objs[64];
    size_t n = 0;
    for (size_t i = 0; i < nf; i++)
        objs[n++] = PyFloat_FromDouble(fv[i]);
    objs[n++] = PyComplex_FromDoubles(1.0, 2.0);
    objs[n++] = PyComplex_FromDoubles(-0.0, 0.0);
    objs[n++] = PyComplex_FromDoubles(0.0, 0.0);
    objs[n++] = PyComplex_FromDoubles(3.0, -4.0);
    objs[n++] = PyComplex_FromDoubles(1e308, 1e308);
    objs[n++] = PyComplex_FromDoubles(NAN, INFINITY);
    objs[n++] = PyComplex_FromDoubles(0.0, 1.0);
    Py_INCREF(Py_True);
    objs[n++] = Py_True;
    Py_INCREF(Py_False);
    objs[n++] = Py_False;
    Py_INCREF(Py_None);
    objs[n++] = Py_None;

    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            if (!PyFloat_Check(objs[i]) && !PyFloat_Check(objs[j]) && !PyComplex_Check(objs[i]) &&
                !PyComplex_Check(objs[j]))
                continue;
            for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
                print_obj(objs[i]);
                printf(" %s ", ops[k].name);
                print_obj(objs[j]);
                printf(" = ");
                print_obj(binop(objs[i], objs[j], ops[k].off));
                printf("\n");
            }
            print_obj(objs[i]);
            printf(" ** ");
            print_obj(objs[j]);
            printf(" = ");
            print_obj(powop(objs[i], objs[j], Py_None));
            printf("\n");
        }
    }
    /* Unary slots. */
    for (size_t i = 0; i < n; i++) {
        PyNumberMethods *nb = Py_TYPE(objs[i])->tp_as_number;
        if (!PyFloat_Check(objs[i]) && !PyComplex_Check(objs[i]))
            continue;
        print_obj(objs[i]);
        printf(": neg ");
        print_obj(nb->nb_negative(objs[i]));
        printf(" pos ");
        PyObject *p = nb->nb_positive(objs[i]);
        printf("same=%d ", p == objs[i]);
        print_obj(p);
        printf(" abs ");
        print_obj(nb->nb_absolute(objs[i]));
        printf(" bool %d", nb->nb_bool(objs[i]));
        printf(" float-slot %s", nb->nb_float ? "yes" : "no");
        printf(" int-slot %s floordiv-slot %s inplace-add %s\n", nb->nb_int ? "yes" : "no",
               nb->nb_floor_divide ? "yes" : "no", nb->nb_inplace_add ? "yes" : "no");
    }
    /* pow with a third argument. */
    print_obj(powop(objs[2], objs[3], objs[4]));
    printf("\n");
    print_obj(powop(objs[n - 6], objs[3], objs[4]));
    printf("\n");
    for (size_t i = 0; i < n; i++)
        Py_DECREF(objs[i]);
    Py_Finalize();
    return 0;
}
