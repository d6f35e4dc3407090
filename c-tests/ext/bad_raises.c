/* An init function that fails with an exception. */
#include <Python.h>
PyMODINIT_FUNC PyInit_bad_raises(void) { PyErr_SetString(PyExc_RuntimeError, "init refused"); return NULL; }
