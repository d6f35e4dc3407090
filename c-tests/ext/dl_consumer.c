/* Calls a symbol of dl_provider at init; dlopen (RTLD_NOW) fails unless it is global. */
#include <Python.h>
extern int ferropy_test_provided(void);
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "dl_consumer", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_dl_consumer(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m && PyModule_AddIntConstant(m, "provided", ferropy_test_provided()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
