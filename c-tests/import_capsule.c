// ferropy-test: ext=capsule_export capsule_use
/* A module exporting a C-API in a capsule and a second module using it through
 * PyCapsule_Import (c-tests/ext/capsule_export.c, capsule_use.c); PyCapsule_Import's
 * errors. */
#include "import_util.h"

int main(void)
{
    Py_Initialize();
    add_ext_path();
    PyObject *use = import_show("capsule_use");
    PyObject *modules = PyImport_GetModuleDict();
    printf("capsule_export imported by it: %d\n", PyDict_GetItemString(modules, "capsule_export") != NULL);
    if (use) {
        call_show(use, "use", Py_BuildValue("(i)", 21), NULL);
        const char *names[] = {"capsule_export._C_API", "capsule_export", "capsule_export.nope",
                               "no_such_module._C_API", "sys.path", NULL};
        for (int i = 0; names[i]; i++) {
            printf("%s -> ", names[i]);
            call_show(use, "try_import", Py_BuildValue("(s)", names[i]), NULL);
        }
        Py_DECREF(use);
    }
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
