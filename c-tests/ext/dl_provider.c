/* Exports a plain C symbol that dl_consumer uses without linking to this file: it resolves
 * only when this module was loaded with RTLD_GLOBAL (sys.setdlopenflags). */
#include <Python.h>
int ferropy_test_provided(void) { return 1234; }
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "dl_provider", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_dl_provider(void) { return PyModule_Create(&def); }
