/* A module named "café": its export is PyInitU_ + the punycode of the name (PEP 489). */
#include <Python.h>
static PyModuleDef_Slot slots[] = {{0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "caf\xc3\xa9", "non-ASCII", 0, NULL, slots};
PyMODINIT_FUNC PyInitU_caf_dma(void) { return PyModuleDef_Init(&def); }
