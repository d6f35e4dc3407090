/* C-API micro-benchmarks of calls: the vectorcall and tuple protocols on builtin functions of
 * each common convention, bound methods, format calls and Py_BuildValue. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "bench.h"

static PyObject *f_o(PyObject *self, PyObject *arg) { (void)self; return Py_NewRef(arg); }
static PyObject *f_noargs(PyObject *self, PyObject *unused) { (void)unused; return Py_NewRef(self); }
static PyObject *f_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    return Py_NewRef(args[nargs - 1]);
}
static PyObject *f_varargs(PyObject *self, PyObject *args)
{
    (void)self;
    return Py_NewRef(PyTuple_GET_ITEM(args, 0));
}

static PyMethodDef d_o = {"o", f_o, METH_O, NULL};
static PyMethodDef d_noargs = {"noargs", f_noargs, METH_NOARGS, NULL};
static PyMethodDef d_fast = {"fast", _PyCFunction_CAST(f_fast), METH_FASTCALL, NULL};
static PyMethodDef d_varargs = {"varargs", f_varargs, METH_VARARGS, NULL};

#define DROP(expr) do { PyObject *r_ = (expr); Py_DECREF(r_); } while (0)

int main(void)
{
    Py_Initialize();
    PyObject *arg = PyUnicode_FromString("argument");
    PyObject *o = PyCFunction_New(&d_o, NULL);
    PyObject *noargs = PyCFunction_New(&d_noargs, arg);
    PyObject *fast = PyCFunction_New(&d_fast, NULL);
    PyObject *varargs = PyCFunction_New(&d_varargs, NULL);
    PyObject *bound = PyMethod_New(fast, arg);
    PyObject *args1 = PyTuple_Pack(1, arg);
    PyObject *stack[3] = {NULL, arg, arg};

    BENCH("Vectorcall(METH_O, 1 arg)", DROP(PyObject_Vectorcall(o, stack + 1, 1, NULL)));
    BENCH("Vectorcall(METH_FASTCALL, 2)", DROP(PyObject_Vectorcall(fast, stack + 1, 2, NULL)));
    BENCH("CallNoArgs(METH_NOARGS)", DROP(PyObject_CallNoArgs(noargs)));
    BENCH("CallOneArg(METH_O)", DROP(PyObject_CallOneArg(o, arg)));
    BENCH("Call(METH_O, tuple)", DROP(PyObject_Call(o, args1, NULL)));
    BENCH("Call(METH_VARARGS, tuple)", DROP(PyObject_Call(varargs, args1, NULL)));
    BENCH("Vectorcall(METH_VARARGS, 1)", DROP(PyObject_Vectorcall(varargs, stack + 1, 1, NULL)));
    BENCH("CallOneArg(bound FASTCALL)", DROP(PyObject_CallOneArg(bound, arg)));
    BENCH_N("CallFunction(METH_O, \"O\")", ITERATIONS / 4, DROP(PyObject_CallFunction(o, "O", arg)));
    BENCH_N("CallFunctionObjArgs(FASTCALL)", ITERATIONS / 4, DROP(PyObject_CallFunctionObjArgs(fast, arg, arg, NULL)));
    BENCH_N("Py_BuildValue(\"(OO)\")", ITERATIONS / 4, DROP(Py_BuildValue("(OO)", arg, arg)));

    Py_DECREF(o); Py_DECREF(noargs); Py_DECREF(fast); Py_DECREF(varargs); Py_DECREF(bound);
    Py_DECREF(args1); Py_DECREF(arg);
    Py_Finalize();
    return 0;
}
