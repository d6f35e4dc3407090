/* Without PY_SSIZE_T_CLEAN, CPython 3.11 refuses '#' lengths in Py_BuildValue formats with a
 * SystemError (3.10 only warned); formats without '#' still work. */
#include <Python.h>
#include "testutil.h"

int main(void)
{
    Py_Initialize();
    const char *formats[] = {"(y#)", "s#", "(iz#)", "[U#]"};
    for (int i = 0; i < 4; i++) {
        PyObject *r = Py_BuildValue(formats[i], "ab", (Py_ssize_t)2, (Py_ssize_t)2);
        if (r == NULL)
            print_error(formats[i]);
        else {
            printf("%s: built\n", formats[i]);
            Py_DECREF(r);
        }
    }
    PyObject *ok = Py_BuildValue("(si)", "ab", 3);
    printf("(si): %s\n", ok ? "built" : "failed");
    Py_XDECREF(ok);
    return Py_FinalizeEx() == 0 ? 0 : 1;
}
