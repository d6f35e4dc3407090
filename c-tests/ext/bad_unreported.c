/* An init function that returns a module with an exception still set. */
#include <Python.h>
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "bad_unreported", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_bad_unreported(void)
{
    PyObject *m = PyModule_Create(&def);
    PyErr_SetString(PyExc_ValueError, "left behind");
    return m;
}
