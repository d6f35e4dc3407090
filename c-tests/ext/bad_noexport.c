/* A shared object without the PyInit_ function its file name promises. */
#include <Python.h>
PyMODINIT_FUNC PyInit_something_else(void) { return NULL; }
