/* The legacy global Py_UTF8Mode: set by the embedder before Py_Initialize, it turns UTF-8
 * mode on (sys.flags.utf8_mode, the file-system encoding); it keeps pre-initialization's
 * value after finalization, while the encoding globals go back to NULL. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include "testutil.h"

int main(void)
{
    printf("before: %d\n", Py_UTF8Mode);
    Py_UTF8Mode = 1;
    Py_Initialize();
    printf("initialized: Py_UTF8Mode=%d encoding=%s\n", Py_UTF8Mode, Py_FileSystemDefaultEncoding);
    PyObject *d = PyModule_GetDict(PyImport_AddModule("__main__"));
    PyObject *r = PyRun_String("(__import__('sys').flags.utf8_mode, __import__('sys').getfilesystemencoding())", Py_eval_input, d, d);
    printf("sys: ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    Py_Finalize();
    printf("finalized: Py_UTF8Mode=%d encoding=%s\n", Py_UTF8Mode, Py_FileSystemDefaultEncoding ? Py_FileSystemDefaultEncoding : "NULL");
    return 0;
}
