// The headers compile as C++ and the declarations link without name mangling
// (extern "C"), as pybind11-style extensions need.
#include <Python.h>
#include <cstdio>

static void dealloc(PyObject *op) { std::printf("dealloc %s\n", Py_TYPE(op)->tp_name); }

static PyTypeObject CxxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "cxx.Object",       /* tp_name */
    sizeof(PyObject),   /* tp_basicsize */
    0,                  /* tp_itemsize */
    dealloc,            /* tp_dealloc */
};

int main()
{
    PyObject obj;
    Py_SET_TYPE(&obj, &CxxType);
    Py_SET_REFCNT(&obj, 1);
    Py_IncRef(&obj);
    Py_INCREF(&obj);
    std::printf("refcnt %d\n", (int)Py_REFCNT(&obj));
    Py_DecRef(&obj);
    Py_DECREF(&obj);
    Py_DECREF(&obj);
    char buf[16];
    int n = PyOS_snprintf(buf, sizeof buf, "%s %d", "c++", 11);
    std::printf("%d %s\n", n, buf);
    return 0;
}
