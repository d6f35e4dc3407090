/* An init function that returns something that is not a module. */
#include <Python.h>
PyMODINIT_FUNC PyInit_bad_notmodule(void) { return PyLong_FromLong(7); }
