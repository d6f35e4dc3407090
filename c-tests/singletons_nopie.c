// ferropy-test: cflags=-fno-pie -no-pie
/* c-tests/singletons.c linked as a non-PIE executable: data symbols (_Py_NoneStruct,
 * _Py_TrueStruct, PyBool_Type, ...) are then copy-relocated with absolute addressing, and
 * the library must use the executable's copies. */
#include "singletons.c"
